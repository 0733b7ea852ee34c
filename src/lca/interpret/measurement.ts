// Measured-data uncertainty per stage, as factor ranges on the stage's inventory energy: how the
// energy was measured (sensor, software estimate, hours × power; shared by every run, so it
// cancels in a base-vs-head delta) and what happened in this run (rejected rows, gaps, the
// scatter of the samples: the noise band of a comparison). Figures from src/data/measurement.ts.
import type { MeasurementMethod, Source } from '../../ingest/source.js';
import type { ResolvedScenario } from '../../scenario/resolved.js';
import type { StageResult } from '../../report/card-schema.js';
import { COVERAGE_K, MEASUREMENT_UNCERTAINTY } from '../../data/measurement.js';
import type { InventoryLike } from './types.js';
import { assumptionRange, isStated } from './parameters.js';

/** A gap warning whose length cannot be read from the message: +5 % on the high side (tool assumption). */
export const UNQUANTIFIED_GAP = 0.05;

export interface EnergyRange {
  stage: string;
  /** `measurement`: how the energy was measured (method); `per run`: rejected rows, gaps, sample scatter. */
  kind: 'measurement' | 'per run';
  low: number;
  high: number;
  reasons: string[];
  /**
   * Shared by every run of the scenario (the same sensor, tool or power figure): part of the
   * uncertainty, but it cancels in a base-vs-head delta, so it is not noise. Rejected rows, gaps
   * and the scatter of the samples happen per run: they are noise.
   */
  systematic: boolean;
}

/** ingest's gap warning: "<device>: N gap(s) longer than T s not bridged (X s in all; ...)". */
const GAP_SECONDS = /\(([\d,]+(?:\.\d+)?)\s*s in all/i;

const pct = (x: number): string => `${Number((x * 100).toPrecision(3))} %`;

/** The method of a source that does not say (cards written before SOURCE.measurement existed). */
export function methodOf(s: Source): MeasurementMethod {
  if (s.measurement) return s.measurement.method;
  if (s.format === 'codecarbon' || s.format === 'eco2ai') return 'software_estimate';
  if (s.format === 'zeus') return 'energy_counter';
  return 'power_samples';
}

/** Relative half-width of a method's systematic uncertainty, with its source (src/data/measurement.ts). */
export function methodUncertainty(method: MeasurementMethod): { rel: number; label: string; source: string } {
  if (method === 'software_estimate') {
    const f = MEASUREMENT_UNCERTAINTY.software_estimate;
    return { rel: f.rel, label: `software estimate ±${pct(f.rel)}`, source: f.source };
  }
  const f = MEASUREMENT_UNCERTAINTY.gpu_sensor;
  const what = method === 'energy_counter' ? 'energy counter' : method === 'energy_records' ? 'logged energy' : 'sampled power';
  return { rel: f.rel, label: `${what}, GPU sensor ±${pct(f.rel)}`, source: f.source };
}

/**
 * Factor ranges on each stage's energy, two per stage at most:
 * - measurement (systematic), by method: an `estimate` (hours × count × power_w) takes the power
 *   range of the hardware data, else the published error of rated-power estimates (±37 %); a
 *   power_w stated in the scenario has no range. Logs: the GPU sensor's ±5 % (power samples,
 *   energy counters, logged energy) or a software estimate's ±40 % (CodeCarbon, eco2ai), each
 *   weighted by the source's share of the stage energy; the estimated part of an `ml-lca measure`
 *   log (CPU/memory without RAPL) takes its own low/high instead of the sensor's. `energy_kwh`
 *   stated in the scenario: exact.
 * - per run (noise): rejected rows may have carried energy: high = rows / (rows − rejected);
 *   a reported gap adds its share of the log's duration (5 % when the length is not stated);
 *   the scatter of power samples adds ±k·u (GUM Type A, k = 2) on both sides.
 */
export function energyRanges(
  resolved: ResolvedScenario,
  inventories: Record<string, InventoryLike>,
  stages: Record<string, StageResult>,
  sources: Source[],
): EnergyRange[] {
  const byPath = new Map(sources.map((s) => [s.path, s]));
  const power = assumptionRange(resolved, 'hardware.power_w');
  const powerStated = isStated(resolved, 'hardware.power_w');
  const out: EnergyRange[] = [];
  for (const [name, inv] of Object.entries(inventories)) {
    const origin = stages[name]?.energy_origin;
    if (origin === 'estimate') {
      const pw = resolved.hardware.power_w;
      if (powerStated || pw === null || !(pw > 0)) continue;
      if (power && power.high > power.low) {
        out.push({
          stage: name,
          kind: 'measurement',
          low: Math.min(1, power.low / pw),
          high: Math.max(1, power.high / pw),
          reasons: [`hours × power estimate (power ${power.low}–${power.high} W: ${power.source})`],
          systematic: true,
        });
      } else {
        const f = MEASUREMENT_UNCERTAINTY.rated_power_estimate;
        out.push({
          stage: name,
          kind: 'measurement',
          low: 1 - f.rel,
          high: 1 + f.rel,
          reasons: [`hours × power estimate ±${pct(f.rel)} (${f.source})`],
          systematic: true,
        });
      }
      continue;
    }
    if (origin === 'energy_kwh') continue;
    const total = inv.device_energy_kwh + inv.host_energy_kwh;
    let sysLow = 0;
    let sysHigh = 0;
    const sysReasons: string[] = [];
    let runLow = 0;
    let high = 0;
    const reasons: string[] = [];
    for (const path of inv.sources) {
      const s = byPath.get(path);
      if (!s) continue;
      // Weight by the source's share of the stage energy when it is known.
      const w = total > 0 && s.energy_kwh !== null ? Math.min(1, s.energy_kwh / total) : 1;
      // `ml-lca measure` without RAPL: the CPU/memory part is an estimate with its own range.
      const est = s.estimated;
      if (est && total > 0) {
        sysLow += Math.max(0, est.energy_kwh - est.low_kwh) / total;
        sysHigh += Math.max(0, est.high_kwh - est.energy_kwh) / total;
        sysReasons.push(`estimated CPU/memory power in ${s.path} (${est.low_kwh.toPrecision(3)}–${est.high_kwh.toPrecision(3)} kWh)`);
      }
      if (s.energy_kwh !== null && s.energy_kwh > 0) {
        const m = methodUncertainty(methodOf(s));
        // The measured part only: an estimated part carries its own range (above).
        const measured = est && total > 0 ? Math.max(0, s.energy_kwh - est.energy_kwh) / total : w;
        sysLow += measured * m.rel;
        sysHigh += measured * m.rel;
        sysReasons.push(`${s.path}: ${m.label} (${m.source})`);
        const u = s.measurement?.sampling_rel_u ?? null;
        if (u !== null && u > 0) {
          const ku = COVERAGE_K * u;
          runLow += w * ku;
          high += w * ku;
          const iv = s.measurement?.interval_s;
          reasons.push(
            `${s.path}: scatter of the power samples${iv ? ` every ${Number(iv.toPrecision(3))} s` : ''}, ±${pct(ku)} (GUM Type A, k = ${COVERAGE_K})`,
          );
        }
      }
      if (s.rows_rejected > 0 && s.rows > s.rows_rejected) {
        high += w * (s.rows / (s.rows - s.rows_rejected) - 1);
        reasons.push(`${s.rows_rejected} of ${s.rows} rows rejected in ${s.path}`);
      }
      // One warning per device; a device's unbridged seconds over the log's duration is the
      // share of its energy that is missing, averaged over the log's devices.
      const devices = Math.max(1, s.devices.length);
      for (const warning of s.warnings) {
        if (!/\bgap/i.test(warning)) continue;
        const g = GAP_SECONDS.exec(warning);
        const gap = g ? Number((g[1] ?? '').replace(/,/g, '')) : Number.NaN;
        const share = Number.isFinite(gap) && s.duration_s && s.duration_s > 0 ? Math.min(1, gap / s.duration_s) / devices : UNQUANTIFIED_GAP;
        high += share;
        reasons.push(`gap in ${s.path}`);
      }
    }
    if (sysLow > 0 || sysHigh > 0)
      out.push({ stage: name, kind: 'measurement', low: Math.max(0, 1 - sysLow), high: 1 + sysHigh, reasons: sysReasons, systematic: true });
    if (high > 0 || runLow > 0) out.push({ stage: name, kind: 'per run', low: Math.max(0, 1 - runLow), high: 1 + high, reasons, systematic: false });
  }
  return out;
}

/** Inventories with each stage's energy scaled by `pick(range)`. */
export function scaleInventories<I extends InventoryLike>(
  inventories: Record<string, I>,
  ranges: EnergyRange[],
  pick: (r: EnergyRange) => number,
): Record<string, I> {
  const out: Record<string, I> = {};
  for (const [name, inv] of Object.entries(inventories)) {
    let f = 1;
    for (const r of ranges) if (r.stage === name) f *= pick(r);
    out[name] = { ...inv, device_energy_kwh: inv.device_energy_kwh * f, host_energy_kwh: inv.host_energy_kwh * f };
  }
  return out;
}
