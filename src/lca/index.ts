// The LCA engine: inventory (phase 2) -> impact (phase 3) -> per functional unit.
// Pure functions; warnings are returned as data, never logged.
import type { z } from 'zod';
import type { Lifetime, PerFunctionalUnit, StageResult, Totals } from '../report/card-schema.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { perFunctionalUnit } from './functional-unit.js';
import { assessStage, sumNullable } from './impact.js';
import type { StageInventory } from './inventory.js';

export { buildInventories, scopeOf, StageInventory } from './inventory.js';
export { assessStage, embodiedPerDeviceHourKg, stageCost, sumNullable } from './impact.js';
export { perFunctionalUnit } from './functional-unit.js';
export { isPerInferenceStage, isUpfrontStage } from '../scenario/stage-kind.js';

export interface AssessResult {
  stages: Record<string, StageResult>;
  totals: z.infer<typeof Totals>;
  per_functional_unit: z.infer<typeof PerFunctionalUnit>;
  lifetime: z.infer<typeof Lifetime>;
  /** Lifetime inferences at which per-inference carbon equals up-front carbon; null without a per-inference stage. */
  breakeven_inferences: number | null;
  /** System boundary refined with what the logs turned out to hold (e.g. host_overhead from CodeCarbon). */
  boundary: ResolvedScenario['boundary'];
  /** resolved.warnings first, then each stage's inventory warnings, then the engine's own. */
  warnings: string[];
}

export function assess(resolved: ResolvedScenario, inventories: Record<string, StageInventory>): AssessResult {
  const stages: Record<string, StageResult> = {};
  const warnings: string[] = [...(resolved.warnings ?? [])];
  for (const [name, inv] of Object.entries(inventories)) {
    stages[name] = assessStage(resolved, inv);
    warnings.push(...inv.warnings);
    if (resolved.gpu_hour_usd !== null && inv.hours === null) {
      warnings.push(
        `${name}: no hours, so its GPU-hour cost (gpu_hour_usd) cannot be computed; ${resolved.electricity_usd_per_kwh === null ? 'the stage has no cost' : 'only its electricity is priced'} (set stages.${name}.hours)`,
      );
    }
  }
  const rows = Object.values(stages);
  const sum = (f: (s: StageResult) => number) => rows.reduce((a, s) => a + f(s), 0);
  const totals = {
    energy_kwh: sum((s) => s.energy_kwh),
    it_energy_kwh: sum((s) => s.it_energy_kwh),
    operational_co2e_kg: sum((s) => s.operational_co2e_kg),
    embodied_co2e_kg: sum((s) => s.embodied_co2e_kg),
    co2e_kg: sum((s) => s.co2e_kg),
    water_l: sum((s) => s.water_l),
    cost_usd: sumNullable(rows.map((s) => s.cost_usd)),
  };
  const fu = perFunctionalUnit(resolved, stages);

  const flows = new Set(resolved.boundary.flows);
  if (Object.values(inventories).some((i) => i.host_energy_kwh > 0)) flows.add('host_overhead');
  const order = ['device_energy', 'host_overhead', 'facility_overhead', 'embodied', 'embodied_host', 'water_onsite', 'water_offsite', 'cost'];
  const boundary = {
    stages: resolved.boundary.stages,
    flows: [...flows].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
  };
  return { stages, totals, ...fu, boundary, warnings: [...new Set(warnings)] };
}
