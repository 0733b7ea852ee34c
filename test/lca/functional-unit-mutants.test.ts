// Cost per functional unit (lca/functional-unit.ts) when only some stages, or none, have a price.
// Each test kills mutants Stryker left alive (`npm run mutate`).
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { assessed, scenario } from './mutant-fixtures.js';

/** Cost per functional unit: 2 GPUs, 1 inference per unit, 1000 over the lifetime (1000 units). */
const costPerUnit = (over: Partial<ScenarioInput>) => assessed(scenario(over)).per_functional_unit.cost_usd;

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
