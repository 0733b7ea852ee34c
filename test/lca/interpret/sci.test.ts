// SCI (ISO/IEC 21031:2024) = (E × I + M) / R with R = functional units served while measured:
// the requests served ÷ inferences per FU. Every request passes through each per-inference stage
// once (the assumption of the per-FU marginal and embodied terms, paper §3.3), so SCI must equal
// marginal + embodied per FU. Expected values worked by hand below.
import { describe, expect, it } from 'vitest';
import { assess, buildInventories } from '../../../src/lca/index.js';
import { sci } from '../../../src/lca/interpret/disclosure.js';
import { resolveScenario } from '../../../src/scenario/resolve.js';
import { Scenario } from '../../../src/scenario/schema.js';

function rag(retrievalInferences: number) {
  const r = resolveScenario(
    Scenario.parse({
      name: 'rag',
      functional_unit: { description: '10 questions answered', inferences: 10 },
      deployment: { lifetime_inferences: 1e8 },
      grid: { intensity_g_per_kwh: 400 },
      pue: 1.25,
      hardware: { model: 'X', count: 1, power_w: 300, embodied_kg: 160, lifespan_years: 4 },
      stages: {
        training: { energy_kwh: 1000, hours: 100 },
        retrieval: { energy_kwh: 2, hours: 1, inferences: retrievalInferences },
        generation: { energy_kwh: 8, hours: 2, inferences: 1000 },
      },
    }),
  );
  const res = assess(r, buildInventories(r, {}));
  return { res, out: sci(r, res)! };
}

const embPerHourG = (160 * 1000) / (4 * 8760); // 4.566 g per GPU-hour

describe('SCI: R is the requests served, not the sum of the stages inferences', () => {
  it('retrieval + generation, 1,000 requests each: R = 1,000 ÷ 10 = 100 FU; SCI = marginal + embodied per FU', () => {
    const { res, out } = rag(1000);
    // E = (2 + 8) kWh × PUE 1.25 = 12.5 kWh; E × I = 5,000 g; M = 3 GPU-hours × 4.566 g = 13.699 g.
    const e = 12.5;
    const m = 3 * embPerHourG;
    expect(out.r).toBe(100);
    expect(out.e_kwh).toBeCloseTo(e, 12);
    expect(out.m_g).toBeCloseTo(m, 9);
    expect(out.sci_g_per_fu).toBeCloseTo((e * 400 + m) / 100, 9); // 50.137 g
    expect(out.sci_g_per_fu.toFixed(3)).toBe('50.137');
    // The per-FU code: 5 g op per request × 10 = 50 g marginal; 13.699 g / 1,000 × 10 = 0.137 g embodied.
    const fu = res.per_functional_unit;
    expect(fu.marginal_co2e_g).toBeCloseTo(50, 9);
    expect(out.sci_g_per_fu).toBeCloseTo(fu.marginal_co2e_g + fu.embodied_co2e_g, 9);
  });

  it('stages measured over different request counts are scaled to the largest, keeping SCI = marginal + embodied', () => {
    const { res, out } = rag(2000);
    // Requests = 2,000 -> R = 200 FU. Generation measured over 1,000 requests counts twice:
    // E = 2 × 1.25 + 8 × 1.25 × 2 = 22.5 kWh; M = (1 + 2 × 2) GPU-hours × 4.566 g = 22.831 g.
    const e = 22.5;
    const m = 5 * embPerHourG;
    expect(out.r).toBe(200);
    expect(out.e_kwh).toBeCloseTo(e, 12);
    expect(out.m_g).toBeCloseTo(m, 9);
    expect(out.sci_g_per_fu).toBeCloseTo((e * 400 + m) / 200, 9);
    // Marginal per FU: (1 kg / 2,000 + 4 kg / 1,000) × 10 × 1,000 = 45 g.
    expect(res.per_functional_unit.marginal_co2e_g).toBeCloseTo(45, 9);
    expect(out.sci_g_per_fu).toBeCloseTo(res.per_functional_unit.marginal_co2e_g + res.per_functional_unit.embodied_co2e_g, 9);
  });

  it('leaves the amortized training out, and says how R is counted', () => {
    const { res, out } = rag(1000);
    expect(out.stages).toEqual(['retrieval', 'generation']);
    expect(out.amortized_co2e_g_excluded).toBeCloseTo(res.per_functional_unit.amortized_co2e_g, 12);
    expect(out.note).toMatch(/not 2,000/);
  });
});
