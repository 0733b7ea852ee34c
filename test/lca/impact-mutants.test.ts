// assessStage (lca/impact.ts): a stage without hours has no embodied share, whatever the
// per-hour figure. Kills a mutant Stryker left alive (`npm run mutate`).
import { describe, expect, it } from 'vitest';
import { assessed, scenario } from './mutant-fixtures.js';

describe('assessStage: embodied carbon', () => {
  it('a stage without hours has 0 kg embodied even when the per-hour figure overflows (1e308 kg over 1e-10 years)', () => {
    const hardware = { model: 'X', count: 2, power_w: 500, embodied_kg: 1e308, lifespan_years: 1e-10 };
    // 1e308 kg / (1e-10 y × 8760 h) = ∞ per hour; × no hours -> nothing (not ∞ × 0 = NaN)
    const stage = assessed(scenario({ hardware, stages: { training: { energy_kwh: 10 } } })).stages.training!;
    expect(stage.hours).toBeNull();
    expect(stage.embodied_co2e_kg).toBe(0);
    // 10 kWh × 100 g/kWh = 1 kg, operational only
    expect(stage.co2e_kg).toBeCloseTo(1, 12);
  });
});
