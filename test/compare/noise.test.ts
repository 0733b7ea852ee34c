import { describe, expect, it } from 'vitest';
import { annotateNoise, NOISE_FLOOR_REL } from '../../src/compare/noise.js';
import type { ComparedMetric, Comparison } from '../../src/compare/schema.js';
import type { ModelCard } from '../../src/report/card-schema.js';
import { cardOf, handA, inv, inventoriesA, scenarioA, source } from '../lca/interpret/fixtures.js';
import { perTest } from '../per-test.js';
import { nb } from '../report/nbsp.js';

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
    // +44 kg of 440.9127 kg = +9.979 %, shown with one decimal: +10.0 %
    expect(m.noise_note).toBe(
      nb('+44 kg CO2e (+10.0 %) is within the noise band ±55 kg CO2e (measured-data uncertainty of base and head): not a real change.'),
    );
  });

  it('the same base against +20 % is a real change, and says which way', () => {
    const base = trainingFromLog(1000, 200);
    const head = trainingFromLog(1200, 0);
    const m = annotateNoise(compare(base, head, ['totals.co2e_kg']), base, head).metrics[0]!;
    expect(m.delta).toBeCloseTo(88, 9);
    expect(m.within_noise).toBe(false);
    // +88 kg of 440.9127 kg = +19.96 % -> +20.0 %; the band is still the measured 55 kg (> 2 % × 528.9 kg)
    expect(m.noise_note).toBe(
      nb('+88 kg CO2e (+20.0 %) exceeds the noise band ±55 kg CO2e (measured-data uncertainty of base and head): a real change, worse.'),
    );
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

/** A metric row with hand-chosen numbers (the cards then only supply their noise ranges). */
function row(base: number | null, head: number | null, better: 'lower' | 'higher' = 'lower', metric = 'totals.co2e_kg'): ComparedMetric {
  const delta = base !== null && head !== null ? head - base : null;
  return { metric, base, head, delta, delta_pct: delta !== null && base ? (delta / base) * 100 : null, better };
}

function rows(metrics: ComparedMetric[], comparable = true): Comparison {
  return { baseline: { source: 'cli', ref: null, sha: null, run_id: null, created_at: null }, metrics, consistency: [], comparable };
}

describe('annotateNoise: band, direction and wording', () => {
  // Clean logs on both sides: no measured noise, so the band is the floor, here 50 % of the larger value.
  const clean = perTest(() => trainingFromLog(1000, 0));
  const opts = { floorRel: 0.5 };

  it('a delta exactly at the band is within it', () => {
    // 100 -> 200: floor 50 % × 200 = 100 = |delta|
    const [m] = annotateNoise(rows([row(100, 200)]), clean, clean, opts).metrics;
    expect(m).toMatchObject({ within_noise: true, noise_band: 100 });
    expect(m?.noise_note).toBe(nb('+100 kg CO2e (+100.0 %) is within the noise band ±100 kg CO2e (50 % run-to-run floor): not a real change.'));
  });

  it.each([
    // [base, head, better, note]
    [100, 300, 'lower', '+200 kg CO2e (+200.0 %) exceeds the noise band ±150 kg CO2e (50 % run-to-run floor): a real change, worse.'],
    [300, 100, 'lower', '-200 kg CO2e (-66.7 %) exceeds the noise band ±150 kg CO2e (50 % run-to-run floor): a real change, better.'],
    [100, 300, 'higher', '+200 kg CO2e (+200.0 %) exceeds the noise band ±150 kg CO2e (50 % run-to-run floor): a real change, better.'],
    [300, 100, 'higher', '-200 kg CO2e (-66.7 %) exceeds the noise band ±150 kg CO2e (50 % run-to-run floor): a real change, worse.'],
    // from 0 there is no percentage: floor 50 % × 5 = 2.5
    [0, 5, 'lower', '+5 kg CO2e exceeds the noise band ±2.5 kg CO2e (50 % run-to-run floor): a real change, worse.'],
  ] as const)('%s -> %s (%s is better): %s', (base, head, better, note) => {
    const [m] = annotateNoise(rows([row(base, head, better)]), clean, clean, opts).metrics;
    expect(m?.within_noise).toBe(false);
    expect(m?.noise_note).toBe(nb(note));
  });

  it('without a value on one side: no noise test', () => {
    const out = annotateNoise(rows([row(null, 5), row(5, null)]), clean, clean).metrics;
    for (const m of out) expect(m).toMatchObject({ within_noise: null, noise_band: null, noise_note: 'No base or head value: no noise test.' });
  });

  it('cards that are not comparable: no noise test, said so', () => {
    const [m] = annotateNoise(rows([row(100, 110)], false), clean, clean).metrics;
    expect(m).toMatchObject({
      within_noise: null,
      noise_band: null,
      noise_note: 'Not comparable (different functional unit or boundary): no noise test.',
    });
  });

  it('a card without noise ranges (written before them): the floor, and the note says so', () => {
    const { noise: _noise, ...interpretation } = clean.interpretation;
    const old: ModelCard = { ...clean, interpretation };
    // 100 -> 120: floor 50 % × 120 = 60
    const note =
      '+20 kg CO2e (+20.0 %) is within the noise band ±60 kg CO2e (50 % run-to-run floor) (a card has no noise range for this metric; floor used for it): not a real change.';
    expect(annotateNoise(rows([row(100, 120)]), old, clean, opts).metrics[0]?.noise_note).toBe(nb(note));
    expect(annotateNoise(rows([row(100, 120)]), clean, old, opts).metrics[0]?.noise_note).toBe(nb(note));
    expect(annotateNoise(rows([row(100, 120)]), clean, clean, opts).metrics[0]?.noise_note).not.toContain('no noise range');
  });

  it('another accelerator model alone makes the factors differ: the whole uncertainty, per metric', () => {
    // Same numbers, hardware "A100-X": the uncertainty of scenario A no longer cancels.
    // totals: (902.679 − 210.245) / 2 = 346.217 kg per card; per FU: (10.0779 − 2.31346) / 2 = 3.88224 g.
    // Two cards in quadrature: × √2.
    const r = scenarioA();
    const other = cardOf({ ...r, hardware: { ...r.hardware, model: 'A100-X' } }, inventoriesA());
    const a = cardOf(r, inventoriesA());
    const totals = (handA({ ci: 600, pue: 1.5, emb: 463, life: 3 }).totalKg - handA({ ci: 200, pue: 1.05, emb: 15, life: 5 }).totalKg) / 2;
    const perFu = (handA({ ci: 600, pue: 1.5, emb: 463, life: 3 }).perFuG - handA({ ci: 200, pue: 1.05, emb: 15, life: 5 }).perFuG) / 2;
    const out = annotateNoise(
      rows([
        row(a.totals.co2e_kg, other.totals.co2e_kg),
        row(a.per_functional_unit.co2e_g, other.per_functional_unit.co2e_g, 'lower', 'per_functional_unit.co2e_g'),
      ]),
      a,
      other,
    ).metrics;
    expect(out[0]?.noise_band).toBeCloseTo(Math.SQRT2 * totals, 6);
    expect(out[1]?.noise_band).toBeCloseTo(Math.SQRT2 * perFu, 9);
    expect(out[1]?.noise_note).toBe(
      nb(
        `0 g CO2e (0.0 %) is within the noise band ±${fmtBand(Math.SQRT2 * perFu)} g CO2e (uncertainty of base and head (their factors differ, so it does not cancel)): not a real change.`,
      ),
    );
  });
});

/** The band as the note prints it: 3 significant figures. */
const fmtBand = (x: number) => Number(x.toPrecision(3)).toString();

describe('annotateNoise: which range, in which unit', () => {
  const clean = perTest(() => trainingFromLog(1000, 0));

  it('a per-FU change of milligrams is written in milligrams', () => {
    // 4 mg -> 6 mg per FU: +2 mg (+50.0 %); floor 50 % × 6 mg = 3 mg, so within the band
    const [m] = annotateNoise(rows([row(0.004, 0.006, 'lower', 'per_functional_unit.co2e_g')]), clean, clean, { floorRel: 0.5 }).metrics;
    expect(m?.noise_note).toBe(nb('+2 mg CO2e (+50.0 %) is within the noise band ±3 mg CO2e (50 % run-to-run floor): not a real change.'));
  });

  it('a band of zero (no measured noise, no floor) is the floor, not measured data', () => {
    // clean logs: the measured half-width of facility energy is 0; floor 0 % -> band 0, equal to the measured 0
    const [m] = annotateNoise(rows([row(5, 5, 'lower', 'totals.energy_kwh')]), clean, clean, { floorRel: 0 }).metrics;
    expect(clean.interpretation.noise?.['totals.energy_kwh']).toMatchObject({ low: clean.totals.energy_kwh, high: clean.totals.energy_kwh });
    expect(m).toMatchObject({ within_noise: true, noise_band: 0 });
    expect(m?.noise_note).toBe(nb('0 kWh (0.0 %) is within the noise band ±0 kWh (0 % run-to-run floor): not a real change.'));
  });

  it('when the factors differ, metrics other than CO2e keep their measured range', () => {
    // Another accelerator model: the factors differ. Energy per FU keeps the two cards' measured
    // half-widths in quadrature (both 0: no logs), so its band is the 2 % floor, not the CO2e range.
    const r = scenarioA();
    const a = cardOf(r, inventoriesA());
    const other = cardOf({ ...r, hardware: { ...r.hardware, model: 'A100-X' } }, inventoriesA());
    const e = a.per_functional_unit.energy_wh;
    const [m] = annotateNoise(rows([row(e, e * 1.01, 'lower', 'per_functional_unit.energy_wh')]), a, other).metrics;
    expect(m?.noise_band).toBeCloseTo(0.02 * e * 1.01, 12);
    expect(m?.noise_note).toContain('(uncertainty of base and head (their factors differ, so it does not cancel))');
  });

  it('a card without the per-FU range (written before it) falls back to the noise range for per FU', () => {
    const r = scenarioA();
    const strip = (c: ModelCard): ModelCard => {
      const { per_fu_co2e_g_low: _l, per_fu_co2e_g_high: _h, ...u } = c.interpretation.uncertainty;
      return { ...c, interpretation: { ...c.interpretation, uncertainty: u as ModelCard['interpretation']['uncertainty'] } };
    };
    const a = strip(cardOf(r, inventoriesA()));
    const other = strip(cardOf({ ...r, hardware: { ...r.hardware, model: 'A100-X' } }, inventoriesA()));
    const g = a.per_functional_unit.co2e_g;
    const [m] = annotateNoise(rows([row(g, g, 'lower', 'per_functional_unit.co2e_g')]), a, other).metrics;
    const half = (c: ModelCard) => {
      const n = c.interpretation.noise?.['per_functional_unit.co2e_g'];
      return n ? (n.high - n.low) / 2 : 0;
    };
    expect(m?.noise_band).toBeCloseTo(Math.max(Math.hypot(half(a), half(other)), 0.02 * g), 12);
    expect(Number.isFinite(m?.noise_band)).toBe(true);
  });
});
