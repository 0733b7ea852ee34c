// Other disclosures users ask for: the Software Carbon Intensity (ISO/IEC 21031:2024) and an
// energy disclosure (energy per stage, hardware, location), both stored in the interpretation.
import type { ResolvedScenario } from '../../scenario/resolved.js';
import type { EnergyDisclosure, Sci } from './schema.js';
import type { AssessResultLike, InventoryLike } from './types.js';
import { assumptionSource } from './parameters.js';
import { isPerInferenceStage } from '../../scenario/stage-kind.js';

export const SCI_NOTE =
  'SCI (ISO/IEC 21031:2024) = (E × I + M) / R over the per-inference stages, R = functional units served while measured: ' +
  'the requests served ÷ inferences per functional unit, where every request passes through each per-inference stage once ' +
  '(a retrieval and a generation stage of the same 1,000 requests serve 1,000 requests, not 2,000), as in the per-FU marginal and embodied terms; ' +
  'a stage measured over a different number of requests is scaled to the largest. ' +
  'SCI for AI does not amortise training: the up-front (experimentation + training) carbon per FU is shown separately and is not in this value.';

/**
 * SCI per functional unit; null when no stage served inferences (R would be 0). R is the requests
 * served, not the sum of the stages' inferences: each request passes through every per-inference
 * stage (the assumption of the per-FU terms in lca/functional-unit.ts), so with stages measured
 * over the same requests SCI = marginal + embodied per FU. A stage measured over fewer requests
 * has its E and M scaled up to the largest count, which keeps that equality.
 */
export function sci(resolved: ResolvedScenario, result: AssessResultLike): Sci | null {
  const stages = Object.entries(result.stages).filter(([, s]) => isPerInferenceStage(s));
  if (stages.length === 0) return null;
  const requests = Math.max(...stages.map(([, s]) => s.inferences ?? 0));
  const r = requests / resolved.functional_unit.inferences;
  if (!(r > 0)) return null;
  const scale = (s: { inferences: number | null }) => requests / (s.inferences ?? requests);
  const e = stages.reduce((a, [, s]) => a + s.energy_kwh * scale(s), 0);
  const i = resolved.grid.intensity_g_per_kwh;
  const m = stages.reduce((a, [, s]) => a + s.embodied_co2e_kg * 1000 * scale(s), 0);
  return {
    sci_g_per_fu: (e * i + m) / r,
    e_kwh: e,
    i_g_per_kwh: i,
    m_g: m,
    r,
    r_unit: `functional units (${resolved.functional_unit.description})`,
    stages: stages.map(([n]) => n),
    amortized_co2e_g_excluded: result.per_functional_unit.amortized_co2e_g,
    note: SCI_NOTE,
  };
}

export function energyDisclosure(resolved: ResolvedScenario, inventories: Record<string, InventoryLike>, result: AssessResultLike): EnergyDisclosure {
  const h = resolved.hardware;
  return {
    stages: Object.entries(result.stages).map(([stage, s]) => ({
      stage,
      it_energy_kwh: s.it_energy_kwh,
      energy_kwh: s.energy_kwh,
      hours: s.hours,
      accelerator_hours: s.hours === null ? null : s.hours * (inventories[stage]?.count ?? h.count),
      energy_origin: s.energy_origin,
      energy_scope: s.energy_scope,
    })),
    total_it_energy_kwh: result.totals.it_energy_kwh,
    total_energy_kwh: result.totals.energy_kwh,
    hardware: { model: h.model, count: h.count, power_w: h.power_w, known: h.known },
    location: {
      region: resolved.grid.region,
      intensity_g_per_kwh: resolved.grid.intensity_g_per_kwh,
      source: assumptionSource(resolved, 'grid.intensity_g_per_kwh'),
    },
    pue: resolved.pue,
    it_overhead_factor: resolved.it_overhead_factor,
    wue_l_per_kwh: resolved.wue_l_per_kwh,
  };
}
