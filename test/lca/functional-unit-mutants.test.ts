// Cost per functional unit (lca/functional-unit.ts) when only some stages, or none, have a price.
// Each test kills mutants Stryker left alive (`npm run mutate`).
import { describe, expect, it } from 'vitest';
import { assess, buildInventories } from '../../src/lca/index.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { Scenario, type ScenarioInput } from '../../src/scenario/schema.js';

/** 2 GPUs of 500 W, no embodied carbon; 1 inference per unit, 1000 over the lifetime (1000 units). */
function costPerUnit(over: Partial<ScenarioInput>) {
  const r = resolveScenario(
    Scenario.parse({
      name: 'a',
      functional_unit: { description: 'x', inferences: 1 },
      deployment: { lifetime_inferences: 1000 },
      grid: { intensity_g_per_kwh: 100 },
      pue: 1,
      hardware: { model: 'X', count: 2, power_w: 500, embodied_kg: 0, lifespan_years: 4 },
      ...over,
    }),
  );
  return assess(r, buildInventories(r, {})).per_functional_unit.cost_usd;
}

describe('perFunctionalUnit: cost', () => {
  it('no price at all: no cost per unit (null, not $0)', () => {
    expect(costPerUnit({ stages: { training: { energy_kwh: 10, hours: 1 }, inference: { energy_kwh: 1, hours: 1, inferences: 1000 } } })).toBeNull();
  });

  it('only the up-front stage priced (the inference stage has no hours for its GPU-hour price): its cost amortized', () => {
    // training: 2 GPUs × 1 h × $2 = $4 over 1000 units = $0.004; inference: no cost
    const c = costPerUnit({ gpu_hour_usd: 2, stages: { training: { energy_kwh: 10, hours: 1 }, inference: { energy_kwh: 1, inferences: 1000 } } });
    expect(c).toBeCloseTo(0.004, 15);
  });

  it('only the per-inference stage priced: its cost per inference × 1 inference per unit', () => {
    // inference: 2 GPUs × 1 h × $2 = $4 for 1000 inferences = $0.004 each; training: no hours, no cost
    const c = costPerUnit({ gpu_hour_usd: 2, stages: { training: { energy_kwh: 10 }, inference: { energy_kwh: 1, hours: 1, inferences: 1000 } } });
    expect(c).toBeCloseTo(0.004, 15);
  });
});
