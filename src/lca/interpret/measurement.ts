// Measured-data uncertainty per stage, as a factor range on the stage's inventory energy.
// These are the errors that do not cancel between base and head runs of the same scenario
// (the reference factors do), so they also give the noise band of a comparison.
import type { Source } from '../../ingest/source.js';
import type { ResolvedScenario } from '../../scenario/resolved.js';
import type { StageResult } from '../../report/card-schema.js';
import type { InventoryLike } from './types.js';
import { assumptionRange } from './parameters.js';

/** hours × power estimates without a recorded power range: ±30 % (tool assumption). */
export const ESTIMATE_FACTOR = { low: 0.7, high: 1.3 };
/** A gap warning whose length cannot be read from the message: +5 % on the high side (tool assumption). */
export const UNQUANTIFIED_GAP = 0.05;

export interface EnergyRange {
  stage: string;
  low: number;
  high: number;
  reasons: string[];
  /**
   * Shared by every run of the scenario (an estimate from the same power figure): part of the
   * uncertainty, but it cancels in a base-vs-head delta, so it is not noise. Rejected rows and
   * gaps happen per run: they are noise.
   */
  systematic: boolean;
}

/** ingest's gap warning: "<device>: N gap(s) longer than T s not bridged (X s in all; ...)". */
const GAP_SECONDS = /\(([\d,]+(?:\.\d+)?)\s*s in all/i;

/**
 * Factor range on each stage's energy:
 * - `estimate` (hours × count × power_w): the power range of the hardware data, else ±30 %;
 * - logs: rejected rows may have carried energy: high = rows / (rows − rejected);
 *   the estimated part of an `ml-lca measure` log (CPU/memory without RAPL) adds its own range;
 *   a reported gap adds its share of the log's duration (5 % when the length is not stated);
 * - `energy_kwh` given in the scenario: taken as exact (a meter reading).
 */
export function energyRanges(
  resolved: ResolvedScenario,
  inventories: Record<string, InventoryLike>,
  stages: Record<string, StageResult>,
  sources: Source[],
): EnergyRange[] {
  const byPath = new Map(sources.map((s) => [s.path, s]));
  const power = assumptionRange(resolved, 'hardware.power_w');
  const out: EnergyRange[] = [];
  for (const [name, inv] of Object.entries(inventories)) {
    const origin = stages[name]?.energy_origin;
    if (origin === 'estimate') {
      const pw = resolved.hardware.power_w;
      if (power && pw !== null && pw > 0) {
        out.push({
          stage: name,
          low: Math.min(1, power.low / pw),
          high: Math.max(1, power.high / pw),
          reasons: [`hours × power estimate (power ${power.low}–${power.high} W)`],
          systematic: true,
        });
      } else {
        out.push({ stage: name, low: ESTIMATE_FACTOR.low, high: ESTIMATE_FACTOR.high, reasons: ['hours × power estimate (±30 %)'], systematic: true });
      }
      continue;
    }
    let high = 1;
    let low = 1;
    const reasons: string[] = [];
    for (const path of inv.sources) {
      const s = byPath.get(path);
      if (!s) continue;
      // `ml-lca measure` without RAPL: the CPU/memory part is an estimate with its own range.
      const est = s.estimated;
      const stageKwh = inv.device_energy_kwh + inv.host_energy_kwh;
      if (est && stageKwh > 0) {
        low -= Math.max(0, est.energy_kwh - est.low_kwh) / stageKwh;
        high += Math.max(0, est.high_kwh - est.energy_kwh) / stageKwh;
        reasons.push(`estimated CPU/memory power in ${s.path} (${est.low_kwh.toPrecision(3)}–${est.high_kwh.toPrecision(3)} kWh)`);
      }
      if (s.rows_rejected > 0 && s.rows > s.rows_rejected) {
        // Weight by the source's share of the stage energy when it is known.
        const total = inv.device_energy_kwh + inv.host_energy_kwh;
        const w = total > 0 && s.energy_kwh !== null ? Math.min(1, s.energy_kwh / total) : 1;
        high += w * (s.rows / (s.rows - s.rows_rejected) - 1);
        reasons.push(`${s.rows_rejected} of ${s.rows} rows rejected in ${s.path}`);
      }
      // One warning per device; a device's unbridged seconds over the log's duration is the
      // share of its energy that is missing, averaged over the log's devices.
      const devices = Math.max(1, s.devices.length);
      for (const warning of s.warnings) {
        if (!/\bgap/i.test(warning)) continue;
        const m = GAP_SECONDS.exec(warning);
        const gap = m ? Number((m[1] ?? '').replace(/,/g, '')) : Number.NaN;
        const share = Number.isFinite(gap) && s.duration_s && s.duration_s > 0 ? Math.min(1, gap / s.duration_s) / devices : UNQUANTIFIED_GAP;
        high += share;
        reasons.push(`gap in ${s.path}`);
      }
    }
    out.push({ stage: name, low: Math.max(0, low), high, reasons, systematic: false });
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
    const r = ranges.find((x) => x.stage === name);
    const f = r ? pick(r) : 1;
    out[name] = { ...inv, device_energy_kwh: inv.device_energy_kwh * f, host_energy_kwh: inv.host_energy_kwh * f };
  }
  return out;
}
