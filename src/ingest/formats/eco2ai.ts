// eco2ai CSV: `id,project_name,experiment_description(model type etc.),epoch,start_time,
// duration(s),power_consumption(kWh),CO2_emissions(kg),CPU_name,GPU_name,OS,region/country,cost`.
// Cells are quoted and contain commas (`"Intel(R) Xeon(R) CPU @ 2.20GHz/2 device(s), TDP:120.0"`),
// so csv-parse reads it. eco2ai rewrites a run's row with cumulative totals (and some versions
// append per-epoch rows): the last row of an `id` counts. Host scope (CPU + GPU + RAM).
import { InputError } from '../../errors.js';
import { readCsv } from '../lines.js';
import { firstLines } from '../sniff.js';
import { parseTimestamp } from '../time.js';
import type { LogFormat } from '../types.js';
import { jToKwh, splitHeaderUnit, unitFactor } from '../units.js';

export const eco2ai: LogFormat = {
  id: 'eco2ai',
  description: 'eco2ai CSV (power_consumption(kWh), CO2_emissions(kg))',
  sniff(head) {
    const h = (firstLines(head, 1)[0] ?? '').toLowerCase();
    if (h.includes('power_consumption(') && h.includes('co2_emissions(')) return 0.95;
    return 0;
  },
  async parse(stream, ctx) {
    const out = ctx.out;
    out.scope = 'host';
    // A software estimate of the host's energy (NVML for GPUs; RAPL or a TDP model for CPUs; a per-GB constant for RAM).
    out.method = 'software_estimate';
    let idx: {
      id: number;
      start: number;
      dur: number;
      energy: number;
      eFactor: number;
      co2: number;
      mFactor: number;
      cpu: number;
      gpu: number;
      region: number;
      ncols: number;
    } | null = null;
    const runs = new Map<
      string,
      { energyJ: number; co2: number | null; dur: number | null; start: number | null; cpu: string | null; gpu: string | null; region: string | null }
    >();
    let duplicates = 0;
    let last = '';
    for await (const rec of readCsv(stream, ctx.path)) {
      const c = rec.cells;
      if (idx === null) {
        const find = (re: RegExp) => c.findIndex((h) => re.test(h.trim().toLowerCase()));
        const e = find(/^power_consumption/);
        const m = find(/^co2_emissions/);
        if (e < 0)
          throw new InputError({
            code: 'LOG_CORRUPT',
            file: ctx.path,
            line: rec.line,
            field: 'power_consumption(kWh)',
            expected: 'an eco2ai header',
            got: JSON.stringify(c.slice(0, 5).join(',')),
          });
        const eu = splitHeaderUnit(c[e] ?? '').unit ?? 'kWh';
        const mu = m >= 0 ? (splitHeaderUnit(c[m] ?? '').unit ?? 'kg') : 'kg';
        idx = {
          id: find(/^id$/),
          start: find(/^start_time/),
          dur: find(/^duration/),
          energy: e,
          eFactor: unitFactor(eu, 'energy') ?? 3.6e6,
          co2: m,
          mFactor: unitFactor(mu, 'mass') ?? 1,
          cpu: find(/^cpu_name/),
          gpu: find(/^gpu_name/),
          region: find(/^region/),
          ncols: c.length,
        };
        continue;
      }
      if (/^power_consumption/i.test(c[idx.energy] ?? '')) continue; // repeated header
      out.rows++;
      if (c.length !== idx.ncols) {
        out.reject(rec.line, `expected ${idx.ncols} fields as in the header`);
        continue;
      }
      const joined = c.join('\u0000');
      if (joined === last) {
        duplicates++;
        continue;
      }
      last = joined;
      const kwh = Number(c[idx.energy]);
      if ((c[idx.energy] ?? '') === '' || !Number.isFinite(kwh)) {
        out.reject(rec.line, 'power_consumption is not a number');
        continue;
      }
      if (kwh < 0) {
        out.reject(rec.line, 'negative power_consumption');
        continue;
      }
      const co2 = idx.co2 >= 0 && (c[idx.co2] ?? '') !== '' ? Number(c[idx.co2]) : Number.NaN;
      const dur = idx.dur >= 0 ? Number(c[idx.dur]) : Number.NaN;
      const start = idx.start >= 0 ? parseTimestamp(c[idx.start] ?? '', out.dates) : null;
      const id = idx.id >= 0 && c[idx.id] ? (c[idx.id] as string) : `line ${rec.line}`;
      runs.set(id, {
        energyJ: kwh * idx.eFactor,
        co2: Number.isFinite(co2) && co2 >= 0 ? co2 * idx.mFactor : null,
        dur: Number.isFinite(dur) ? dur : null,
        start,
        cpu: idx.cpu >= 0 ? (c[idx.cpu] ?? null) : null,
        gpu: idx.gpu >= 0 ? (c[idx.gpu] ?? null) : null,
        region: idx.region >= 0 && c[idx.region] && c[idx.region] !== 'N/A' ? (c[idx.region] as string) : null,
      });
    }
    if (idx === null) throw new InputError({ code: 'LOG_CORRUPT', file: ctx.path, expected: 'an eco2ai header row', got: 'an empty file' });
    let co2: number | null = null;
    let dur: number | null = null;
    const d = out.device('host');
    for (const r of runs.values()) {
      d.addEnergy(r.energyJ);
      if (r.co2 !== null) {
        co2 = (co2 ?? 0) + r.co2;
        out.loggedRun(r.co2, jToKwh(r.energyJ), r.region);
      }
      if (r.dur !== null) dur = (dur ?? 0) + r.dur;
      if (r.start !== null) {
        out.seen(r.start);
        if (r.dur !== null) out.seen(r.start + r.dur);
      }
      d.name ??= [r.cpu, r.gpu].filter((x) => x && x !== 'N/A').join(' + ') || null;
    }
    d.directRecords = runs.size;
    out.co2eKg = co2;
    out.durationS = dur;
    const superseded = out.rows - out.rowsRejected - duplicates - runs.size;
    if (superseded > 0) out.warn(`${superseded} earlier row(s) of the same run id superseded by its last (cumulative) row`);
    if (duplicates > 0) out.warn(`${duplicates} exact duplicate row(s) ignored`);
    // Every row rejected: energy_kwh null, the builder says why (the stage is incomplete).
    const identified = [...runs.entries()].filter(([id]) => !id.startsWith('line '));
    if (identified.length > 0) out.extra.runs = identified.map(([id, r]) => ({ id: `eco2ai:${id}`, energy_kwh: jToKwh(r.energyJ) }));
    if (runs.size === 0) out.energyKwhOverride = null;
  },
};
