// DCGM exporter metrics in Prometheus text exposition format, as scraped by `curl :9400/metrics`
// (one scrape, or many concatenated, with or without sample timestamps):
//   DCGM_FI_DEV_POWER_USAGE{gpu="0",UUID="GPU-…",Hostname="node1",modelName="NVIDIA H100 80GB HBM3"} 312.5 1728790411000
//   DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{…} 123456789 1728790411000      (mJ since driver load)
// The counter is preferred when a device has at least two readings (it integrates on the GPU,
// between scrapes too); the power gauge is integrated otherwise. Timestamps are ms (exposition
// format). Without them, consecutive scrapes are `interval_s` apart. Device ids are
// `Hostname/gpu` when a Hostname label exists (multi-node).
import { readLines } from '../lines.js';
import { epochToSeconds, validEpoch } from '../time.js';
import type { LogFormat } from '../types.js';
import { InputError } from '../../errors.js';
import { unitFactor } from '../units.js';

const POWER = new Set(['DCGM_FI_DEV_POWER_USAGE', 'DCGM_FI_DEV_POWER_USAGE_INSTANT', 'nvidia_smi_power_draw_watts']);
const COUNTER = 'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION';
const LINE = /^([A-Za-z_:][A-Za-z0-9_:]*)(\{(.*)\})?\s+(\S+)(?:\s+(-?\d+))?\s*$/;
const LABEL = /([A-Za-z_][A-Za-z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function labelsOf(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(LABEL)) if (m[1] !== undefined && m[2] !== undefined) out[m[1]] = m[2].replace(/\\(.)/g, '$1');
  return out;
}

/** Device key, host and name from DCGM / node exporter labels. */
export function deviceFromLabels(l: Record<string, string>): { key: string; host: string | null; name: string | null } {
  const host = l.Hostname ?? l.hostname ?? l.node ?? null;
  const gpu = l.gpu ?? l.minor_number ?? l.UUID ?? l.uuid ?? l.device ?? '0';
  return { key: host ? `${host}/${gpu}` : gpu, host, name: l.modelName ?? l.name ?? null };
}

export const dcgmProm: LogFormat = {
  id: 'dcgm-prom',
  description: 'DCGM exporter metrics, Prometheus text exposition',
  sniff(head) {
    if (/^DCGM_FI_DEV_(POWER_USAGE|TOTAL_ENERGY_CONSUMPTION)\b/m.test(head)) return 0.95;
    if (/^nvidia_smi_power_draw_watts\b/m.test(head)) return 0.9;
    return 0;
  },
  async parse(stream, ctx) {
    const out = ctx.out;
    out.scope = 'device';
    const mjToJ = unitFactor('mJ', 'energy') ?? 1e-3;
    let metrics = 0;
    for await (const ln of readLines(stream, ctx.path)) {
      const text = ln.text.trim();
      if (text === '' || text.startsWith('#')) continue;
      const name = /^[A-Za-z_:][A-Za-z0-9_:]*/.exec(text)?.[0] ?? '';
      const isPower = POWER.has(name);
      if (!isPower && name !== COUNTER) {
        if (name === '') out.reject(ln.n, 'not a Prometheus sample line');
        continue;
      }
      out.rows++;
      const m = LINE.exec(text);
      if (!m) {
        out.reject(ln.n, ln.terminated ? 'not a Prometheus sample line' : 'truncated last line');
        continue;
      }
      metrics++;
      const v = m[4] === 'NaN' ? Number.NaN : Number(m[4]);
      if (m[4] !== 'NaN' && !Number.isFinite(v)) {
        out.reject(ln.n, 'value is not a number');
        continue;
      }
      const t = m[5] !== undefined ? epochToSeconds(Number(m[5])) : null;
      if (t !== null && !validEpoch(t)) {
        out.reject(ln.n, 'timestamp out of range');
        continue;
      }
      const dev = deviceFromLabels(labelsOf(m[3] ?? ''));
      const acc = out.device(dev.key, { name: dev.name, host: dev.host });
      if (isPower) acc.addPower(t, v);
      else acc.addCounter(t, v * mjToJ);
    }
    if (metrics === 0)
      throw new InputError({
        code: 'LOG_CORRUPT',
        file: ctx.path,
        expected: 'DCGM_FI_DEV_POWER_USAGE or DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION samples',
        got: 'none',
      });
  },
};
