// assessStage (lca/impact.ts): a stage without hours has no embodied share, whatever the
// per-hour figure. Kills a mutant Stryker left alive (`npm run mutate`).
import { describe, expect, it } from 'vitest';
import { assess, buildInventories } from '../../src/lca/index.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { Scenario } from '../../src/scenario/schema.js';

describe('assessStage: embodied carbon', () => {
  it('a stage without hours has 0 kg embodied even when the per-hour figure overflows (1e308 kg over 1e-10 years)', () => {
    const r = resolveScenario(
      Scenario.parse({
        name: 'a',
        functional_unit: { description: 'x', inferences: 1 },
        deployment: { lifetime_inferences: 1000 },
        grid: { intensity_g_per_kwh: 100 },
        pue: 1,
        hardware: { model: 'X', count: 2, power_w: 500, embodied_kg: 1e308, lifespan_years: 1e-10 },
        stages: { training: { energy_kwh: 10 } },
      }),
    );
    // 1e308 kg / (1e-10 y × 8760 h) = ∞ per hour; × no hours -> nothing (not ∞ × 0 = NaN)
    const stage = assess(r, buildInventories(r, {})).stages.training!;
    expect(stage.hours).toBeNull();
    expect(stage.embodied_co2e_kg).toBe(0);
    // 10 kWh × 100 g/kWh = 1 kg, operational only
    expect(stage.co2e_kg).toBeCloseTo(1, 12);
  });
});
