// Prometheus range-query JSON (`/api/v1/query_range` saved to a file, e.g. by
// `curl 'prom:9090/api/v1/query_range?query=DCGM_FI_DEV_POWER_USAGE&start=…&end=…&step=15'`):
//   {"status":"success","data":{"resultType":"matrix","result":[{"metric":{…},"values":[[t,"v"],…]}]}}
// Each series is one device (labels as in dcgm-prom.ts); `__name__` tells power gauge (W) from
// energy counter (mJ). A query without `__name__` (e.g. `sum by (gpu)(…)`) is taken as power.
// The document is parsed whole (bounded by readAll): range responses are small next to raw logs.
import { InputError, fromZodError, jsonSyntaxProblem } from '../../errors.js';
import { readAll } from '../lines.js';
import type { LogFormat } from '../types.js';
import { validEpoch } from '../time.js';
import { unitFactor } from '../units.js';
import { deviceFromLabels } from './dcgm-prom.js';

// zod is loaded on first use: the ingest path for CSV logs should not pay for it at start-up.
async function rangeResponse() {
  const { z } = await import('zod');
  const Sample = z.tuple([z.number(), z.string()]);
  const Series = z.object({
    metric: z.record(z.string(), z.string()),
    values: z.array(Sample).optional(),
    value: Sample.optional(),
  });
  return z.object({
    status: z.string().optional(),
    data: z.object({ resultType: z.enum(['matrix', 'vector']), result: z.array(Series) }),
  });
}

export const dcgmJson: LogFormat = {
  id: 'prometheus-json',
  description: 'Prometheus query_range JSON (DCGM power W / energy mJ series)',
  sniff(head) {
    const h = head.trimStart();
    if (!h.startsWith('{')) return 0;
    if (/"resultType"\s*:\s*"(matrix|vector)"/.test(h)) return /DCGM_FI_DEV|power|energy/i.test(h) ? 0.95 : 0.7;
    return 0;
  },
  async parse(stream, ctx) {
    const out = ctx.out;
    out.scope = 'device';
    const text = await readAll(stream, ctx.path);
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      const { line, problem } = jsonSyntaxProblem(e, text);
      throw new InputError({ code: 'LOG_CORRUPT', file: ctx.path, line, expected: 'valid JSON', got: problem });
    }
    const r = (await rangeResponse()).safeParse(doc);
    if (!r.success) throw fromZodError(r.error, { file: ctx.path, input: doc, code: 'LOG_CORRUPT' });
    const mjToJ = unitFactor('mJ', 'energy') ?? 1e-3;
    for (const s of r.data.data.result) {
      const name = s.metric.__name__ ?? '';
      const counter = /TOTAL_ENERGY_CONSUMPTION/.test(name);
      const dev = deviceFromLabels(s.metric);
      const acc = out.device(dev.key, { name: dev.name, host: dev.host });
      const values = s.values ?? (s.value ? [s.value] : []);
      for (const [t, raw] of values) {
        out.rows++;
        if (!validEpoch(t)) {
          out.reject(0, 'timestamp out of range');
          continue;
        }
        const v = Number(raw);
        if (raw !== 'NaN' && !Number.isFinite(v)) {
          out.reject(0, `non-numeric value in series ${JSON.stringify(s.metric)}`);
          continue;
        }
        if (counter) acc.addCounter(t, v * mjToJ);
        else acc.addPower(t, v);
      }
    }
  },
};
