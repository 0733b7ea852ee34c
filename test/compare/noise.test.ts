import { describe, expect, it } from 'vitest';
import { annotateNoise, NOISE_FLOOR_REL } from '../../src/compare/noise.js';
import type { Comparison } from '../../src/compare/schema.js';
import type { ModelCard } from '../../src/report/card-schema.js';
import { cardOf, inv, inventoriesA, scenarioA, source } from '../lca/interpret/fixtures.js';

/** A comparison as compareCards would build it, written out here so this test stands alone. */
function compare(base: ModelCard, head: ModelCard, paths: string[], over: Partial<Comparison> = {}): Comparison {
  const get = (c: ModelCard, p: string): number => p.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], c) as number;
  return {
    baseline: { source: 'cli', ref: null, sha: null, run_id: null, created_at: null },
    metrics: paths.map((metric) => {
      const b = get(base, metric);
      const h = get(head, metric);
      return { metric, base: b, head: h, delta: h - b, delta_pct: ((h - b) / b) * 100, better: 'lower' as const };
    }),
    consistency: [],
    comparable: true,
    ...over,
  };
}

/** Scenario A with training energy from a CodeCarbon log of `kwh`, `rejected` of 1,000 rows rejected. */
function trainingFromLog(kwh: number, rejected: number): ModelCard {
  const src = source({ path: 'train/emissions.csv', format: 'codecarbon', scope: 'host', energy_kwh: kwh, rows: 1000, rows_rejected: rejected });
  const inventories = { ...inventoriesA(), training: inv({ host_energy_kwh: kwh, hours: 100, origin: 'logs', sources: [src.path] }) };
  return cardOf(scenarioA(), inventories, [src]);
}

describe('annotateNoise', () => {
  it('measured-data noise: +10 % training energy is inside the band of a base with 20 % rejected rows', () => {
    // Base: 1,000 kWh with 200 of 1,000 rows rejected -> training energy 1,000 .. 1,250 kWh.
    // totals.co2e_kg: 440.9127 .. 550.9127 kg (550 = 1,250 × 1.1 × 0.4): half-width 55 kg.
    // Head: 1,100 kWh, clean -> 484.9127 kg; delta +44 kg < band max(hypot(55, 0), 2 % × 484.9) = 55 kg.
    const base = trainingFromLog(1000, 200);
    const head = trainingFromLog(1100, 0);
    const out = annotateNoise(compare(base, head, ['totals.co2e_kg']), base, head);
    const m = out.metrics[0]!;
    expect(m.delta).toBeCloseTo(44, 9);
    expect(m.noise_band).toBeCloseTo(55, 9);
    expect(m.within_noise).toBe(true);
    expect(m.noise_note).toMatch(/within the noise band ±55\u00a0kg CO2e .*not a real change/);
  });

  it('the same base against +20 % is a real change, and says which way', () => {
    const base = trainingFromLog(1000, 200);
    const head = trainingFromLog(1200, 0);
    const m = annotateNoise(compare(base, head, ['totals.co2e_kg']), base, head).metrics[0]!;
    expect(m.delta).toBeCloseTo(88, 9);
    expect(m.within_noise).toBe(false);
    expect(m.noise_note).toMatch(/exceeds the noise band ±55\u00a0kg CO2e .*a real change, worse/);
  });

  it.each([
    // clean logs on both sides: only the 2 % floor; training energy ×1.01 / ×0.95 / ×1.05
    [1010, true],
    [950, false],
    [1050, false],
  ])('clean logs: a %d kWh training head (base 1,000) within the 2 %% floor of totals: %s', (kwh, within) => {
    const base = trainingFromLog(1000, 0);
    const head = trainingFromLog(kwh, 0);
    const m = annotateNoise(compare(base, head, ['totals.co2e_kg', 'per_functional_unit.co2e_g']), base, head).metrics;
    expect(m[0]?.within_noise).toBe(within);
    expect(m[0]?.noise_band).toBeCloseTo(NOISE_FLOOR_REL * Math.max(base.totals.co2e_kg, head.totals.co2e_kg), 9);
    // Per FU the training change only moves the amortized term (0.4405 g of 4.887 g): ≤ 0.5 %, within.
    expect(m[1]?.within_noise).toBe(true);
  });

  it('says nothing is comparable when the functional unit or boundary differ', () => {
    const base = trainingFromLog(1000, 0);
    const out = annotateNoise(compare(base, base, ['totals.co2e_kg'], { comparable: false, consistency: ['functional unit differs'] }), base, base);
    expect(out.metrics[0]?.within_noise).toBeNull();
  });

  it('keeps the measurement band when only the lifetime differs (the factors still cancel)', () => {
    const base = trainingFromLog(1000, 0);
    const head = trainingFromLog(1200, 0);
    const m = annotateNoise(compare(base, head, ['totals.co2e_kg'], { consistency: ['Lifetime inferences differ: 1e9 vs 2e9.'] }), base, head).metrics[0]!;
    expect(m.within_noise).toBe(false);
    expect(m.noise_band).toBeCloseTo(0.02 * head.totals.co2e_kg, 9);
  });

  it('uses the whole uncertainty when the reference factors differ (they no longer cancel)', () => {
    // Head on a 5-year lifespan: the factor ranges (grid 200–600 g, ...) no longer cancel, so
    // the band is the cards' whole uncertainty (~ 350 kg half-width each) and +88 kg is within.
    const base = trainingFromLog(1000, 0);
    const src = source({ path: 'train/emissions.csv', format: 'codecarbon', scope: 'host', energy_kwh: 1200, rows: 1000, rows_rejected: 0 });
    const resolved = scenarioA();
    const head = cardOf(
      { ...resolved, hardware: { ...resolved.hardware, lifespan_years: 5 } },
      { ...inventoriesA(), training: inv({ host_energy_kwh: 1200, hours: 100, origin: 'logs', sources: [src.path] }) },
      [src],
    );
    const m = annotateNoise(compare(base, head, ['totals.co2e_kg'], { consistency: ['Lifespan differs: 4 vs 5 years.'] }), base, head).metrics[0]!;
    const hb = (base.interpretation.uncertainty.co2e_kg_high - base.interpretation.uncertainty.co2e_kg_low) / 2;
    const hh = (head.interpretation.uncertainty.co2e_kg_high - head.interpretation.uncertainty.co2e_kg_low) / 2;
    expect(m.noise_band).toBeCloseTo(Math.hypot(hb, hh), 9);
    expect(m.within_noise).toBe(true);
    expect(m.noise_note).toMatch(/factors differ/);
  });

  it('does not mutate the comparison', () => {
    const base = trainingFromLog(1000, 0);
    const c = compare(base, base, ['totals.co2e_kg']);
    const before = JSON.stringify(c);
    annotateNoise(c, base, base);
    expect(JSON.stringify(c)).toBe(before);
  });
});
