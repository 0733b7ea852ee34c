import { describe, expect, it } from 'vitest';
import { compareCards, compareMetric, consistency, METRICS } from '../../src/compare/index.js';
import type { CardForComparison } from '../../src/compare/compare.js';
import type { ModelCard } from '../../src/report/card-schema.js';
import { assess, buildInventories } from '../../src/lca/index.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { Scenario, type ScenarioInput } from '../../src/scenario/schema.js';
import { perTest } from '../per-test.js';
import { nb } from '../report/nbsp.js';

const META = { source: 'file:base.json', ref: 'main', sha: 'abc', run_id: null, created_at: null };

function card(over: Partial<ScenarioInput> = {}): CardForComparison {
  const r = resolveScenario(
    Scenario.parse({
      name: 'c',
      functional_unit: { description: '1,000 requests', inferences: 1000 },
      deployment: { lifetime_inferences: 1e9 },
      grid: { region: 'US' },
      pue: 1.12,
      hardware: { model: 'H100', count: 8 },
      stages: { training: { energy_kwh: 1000, hours: 100 }, inference: { energy_kwh: 10, inferences: 1e6, hours: 5 } },
      ...over,
    }),
  );
  const res = assess(r, buildInventories(r, {}));
  return {
    scenario: { ...r, boundary: res.boundary },
    stages: res.stages,
    totals: res.totals,
    per_functional_unit: res.per_functional_unit,
    lifetime: res.lifetime,
  };
}

describe('compareMetric', () => {
  it.each([
    // [base, head, delta, delta_pct]
    [100, 110, 10, 10],
    [100, 90, -10, -10],
    [0, 0, 0, 0],
    [0, 5, 5, null],
    [null, 5, null, null],
    [5, null, null, null],
    [-4, -2, 2, 50],
  ])('base %s head %s -> delta %s, %s %%', (base, head, delta, pct) => {
    const m = compareMetric('x', base, head);
    expect(m.delta).toBe(delta);
    // (toBeCloseTo alone would accept null: |0 − null| = 0)
    if (pct === null) expect(m.delta_pct).toBeNull();
    else expect(m.delta_pct).toBeTypeOf('number');
    if (pct !== null) expect(m.delta_pct).toBeCloseTo(pct, 12);
    expect(m.better).toBe('lower');
    expect(compareMetric('x', base, head, 'higher')).toEqual({ ...m, better: 'higher' });
  });
});

describe('compareCards', () => {
  it('compares every METRICS path and every stage, with deltas', () => {
    const base = card();
    const head = card({ stages: { training: { energy_kwh: 1100, hours: 100 }, inference: { energy_kwh: 10, inferences: 1e6, hours: 5 } } });
    const c = compareCards(base, head, META);
    expect(c.baseline).toEqual(META);
    expect(c.comparable).toBe(true);
    expect(c.consistency).toEqual([]);
    for (const m of METRICS) expect(c.metrics.map((x) => x.metric)).toContain(m.path);
    const stageTraining = c.metrics.find((m) => m.metric === 'stages.training.energy_kwh')!;
    // 1000 -> 1100 kWh IT × PUE 1.12 = 1120 -> 1232 kWh facility: +112 kWh, +10 %.
    expect(stageTraining.delta).toBeCloseTo(112, 9);
    expect(stageTraining.delta_pct).toBeCloseTo(10, 9);
    const co2 = c.metrics.find((m) => m.metric === 'totals.co2e_kg')!;
    // US default: Our World in Data, United States 2024 = 383.5492 g CO2e/kWh (was the textbook's 429).
    expect(co2.delta).toBeCloseTo(100 * 1.12 * 0.3835492, 9);
  });

  it.each([
    [
      'functional unit',
      { functional_unit: { description: 'one request', inferences: 1 } },
      /Functional unit differs: base "1,000 requests" \(1,000 inferences\) vs head "one request" \(1 inferences\)/,
      false,
    ],
    ['stages', { stages: { training: { energy_kwh: 1000, hours: 100 } } }, /System boundary differs in stages: only in base: inference/, false],
    ['flows', { grid: { region: 'US', water_intensity_l_per_kwh: 2 } }, /System boundary differs in flows: only in head: water_offsite/, false],
    ['grid', { grid: { region: 'CA-QC' } }, /Grid intensity differs: base 383.5\u00a0g CO2e\/kWh \(US\) vs head 5.48\u00a0g CO2e\/kWh \(CA-QC\)/, false],
    ['PUE', { pue: 1.58 }, /PUE differs: base 1.12 vs head 1.58/, false],
    ['hardware', { hardware: { model: 'A100', count: 8 } }, /Hardware differs: base H100-SXM vs head A100-SXM-80GB/, false],
    [
      'embodied',
      { hardware: { model: 'H100', count: 8, embodied_kg: 100 } },
      /Embodied carbon per accelerator differs: base 164\u00a0kg CO2e vs head 100\u00a0kg CO2e/,
      false,
    ],
    ['overhead', { it_overhead_factor: 1.375 }, /IT overhead factor differs/, false],
    [
      'server embodied',
      { hardware: { model: 'H100', count: 8, host_embodied_kg: 1000 } },
      // base: the bundled 8-GPU server default (2,500 kg, BLOOM)
      /Server embodied carbon differs: base 2.5\u00a0t CO2e per 8-accelerator server vs head 1\u00a0t CO2e per 8-accelerator server/,
      false,
    ],
    ['utilization', { hardware: { model: 'H100', count: 8, utilization: 0.85 } }, /Hardware utilization differs: base 1 vs head 0.85/, false],

    ['lifetime', { deployment: { lifetime_inferences: 2e9 } }, /Lifetime inferences differ: base 1,000,000,000 vs head 2,000,000,000/, true],
    ['count', { hardware: { model: 'H100', count: 4 } }, /Accelerator count changed: base 8 vs head 4/, true],
  ] as const)('states when %s differs (comparable: %s)', (_what, over, statement, comparable) => {
    const c = compareCards(card(), card(over as Partial<ScenarioInput>), META);
    expect(
      c.consistency.some((s) => statement.test(s)),
      c.consistency.join('\n'),
    ).toBe(true);
    expect(c.comparable).toBe(comparable);
  });

  it('lists the stages of base, then those only in head, once each', () => {
    const head = card({ stages: { training: { energy_kwh: 1000, hours: 100 }, evaluation: { energy_kwh: 5, hours: 1 } } });
    const c = compareCards(card(), head, META);
    const stagePaths = c.metrics.map((m) => m.metric).filter((m) => m.startsWith('stages.'));
    const fields = ['co2e_kg', 'energy_kwh', 'water_l', 'cost_usd'];
    expect(stagePaths).toEqual(['training', 'inference', 'evaluation'].flatMap((s) => fields.map((f) => `stages.${s}.${f}`)));
    expect(c.metrics).toHaveLength(15 + 12);
  });

  it('a number that is not finite in a card compares as no value', () => {
    const base = card();
    const broken = { ...base, totals: { ...base.totals, co2e_kg: Number.POSITIVE_INFINITY, energy_kwh: Number.NaN } };
    const c = compareCards(broken, base, META);
    expect(c.metrics.find((m) => m.metric === 'totals.co2e_kg')).toMatchObject({ base: null, head: base.totals.co2e_kg, delta: null });
    expect(c.metrics.find((m) => m.metric === 'totals.energy_kwh')).toMatchObject({ base: null, delta: null });
  });

  it('says when only the GPU-hour price rule changed (cost deltas, still comparable)', () => {
    const prices = { electricity_usd_per_kwh: 0.1, gpu_hour_usd: 2 };
    const c = compareCards(card(prices), card({ ...prices, gpu_hour_includes_electricity: false }), META);
    expect(c.consistency).toEqual(['Prices differ between base and head; cost deltas partly reflect prices.']);
    expect(c.comparable).toBe(true);
  });

  it('lists stages present in only one card with nulls', () => {
    const c = compareCards(card({ stages: { training: { energy_kwh: 1000, hours: 100 } } }), card(), META);
    const m = c.metrics.find((x) => x.metric === 'stages.inference.co2e_kg')!;
    expect(m.base).toBeNull();
    // inference: 10 kWh × PUE 1.12 × 0.3835492 kg/kWh = 4.2958 kg operational, plus embodied
    // 8 H100 × (164 kg + 2,500 kg server ÷ 8) × 5 h ÷ (4 years × 8,760 h) = 19,060 / 35,040 = 0.5439 kg
    expect(m.head).toBeCloseTo(10 * 1.12 * 0.3835492 + (8 * (164 + 2500 / 8) * 5) / 35_040, 9);
    expect(m.delta).toBeNull();
    expect(m.delta_pct).toBeNull();
  });
});

describe('consistency: every statement, word for word', () => {
  const base = perTest(() => card().scenario);
  type R = ModelCard['scenario'];
  const hw =
    (over: Partial<R['hardware']>) =>
    (b: R): R => ({ ...b, hardware: { ...b.hardware, ...over } });

  it.each([
    [
      'same description, other size',
      (b: R): R => ({ ...b, functional_unit: { ...b.functional_unit, inferences: 100 } }),
      'Functional unit differs: base "1,000 requests" (1,000 inferences) vs head "1,000 requests" (100 inferences); per-functional-unit results are not comparable.',
      false,
    ],
    [
      'stages on both sides',
      (b: R): R => ({ ...b, boundary: { ...b.boundary, stages: ['training', 'evaluation'] } }),
      'System boundary differs in stages: only in base: inference; only in head: evaluation.',
      false,
    ],
    [
      'stages only in head',
      (b: R): R => ({ ...b, boundary: { ...b.boundary, stages: [...b.boundary.stages, 'evaluation'] } }),
      'System boundary differs in stages: only in head: evaluation.',
      false,
    ],
    [
      'stages only in base',
      (b: R): R => ({ ...b, boundary: { ...b.boundary, stages: ['training'] } }),
      'System boundary differs in stages: only in base: inference.',
      false,
    ],
    [
      'flows only in base',
      (b: R): R => ({ ...b, boundary: { ...b.boundary, flows: b.boundary.flows.filter((f) => f !== 'embodied') } }),
      'System boundary differs in flows: only in base: embodied.',
      false,
    ],
    [
      'a grid without a region',
      (b: R): R => ({ ...b, grid: { ...b.grid, region: null, intensity_g_per_kwh: 100 } }),
      'Grid intensity differs: base 383.5 g CO2e/kWh (US) vs head 100 g CO2e/kWh; carbon deltas partly reflect the grid, not the model.',
      false,
    ],
    ['embodied unknown', hw({ embodied_kg: null }), 'Embodied carbon per accelerator differs: base 164 kg CO2e vs head unknown.', false],
    ['lifespan', hw({ lifespan_years: 5 }), 'Hardware lifespan differs: base 4 vs head 5 years.', false],
    [
      'accelerators per server',
      hw({ devices_per_host: 4 }),
      'Server embodied carbon differs: base 2.5 t CO2e per 8-accelerator server vs head 2.5 t CO2e per 4-accelerator server.',
      false,
    ],
    [
      'server outside the boundary',
      hw({ host_embodied_kg: null }),
      'Server embodied carbon differs: base 2.5 t CO2e per 8-accelerator server vs head outside the boundary.',
      false,
    ],
    ['WUE', (b: R): R => ({ ...b, wue_l_per_kwh: 1.8 }), 'WUE differs: base 0.5 vs head 1.8 L/kWh; water deltas partly reflect the facility.', true],
    [
      'electricity price only',
      (b: R): R => ({ ...b, electricity_usd_per_kwh: 0.2 }),
      'Prices differ between base and head; cost deltas partly reflect prices.',
      true,
    ],
    ['GPU-hour price only', (b: R): R => ({ ...b, gpu_hour_usd: 2 }), 'Prices differ between base and head; cost deltas partly reflect prices.', true],
  ] as const)('%s', (_what, head, statement, comparable) => {
    // (WUE stated, so the statement does not depend on the bundled default.) Stated values as
    // stated, up to 4 figures (383.5492 -> 383.5), SI-prefixed (2,500 kg -> 2.5 t), NBSP before a unit.
    const b = structuredClone({ ...base, wue_l_per_kwh: 0.5 });
    expect(consistency(b, head(b))).toEqual({ statements: [nb(statement)], comparable });
  });

  it('equal within 1e-9 relative is the same value; beyond it is a difference', () => {
    // 1e6 g/kWh vs 1e6 + 1e-4: |Δ| = 1e-4 ≤ 1e-9 × 1e6 = 1e-3: the same (float noise of a recomputation)
    const grid = (g: number): R => ({ ...base, grid: { ...base.grid, intensity_g_per_kwh: g } });
    const hwOf = (over: Partial<R['hardware']>) => hw(over)(base);
    expect(consistency(grid(1e6), grid(1e6 + 1e-4)).statements).toEqual([]);
    // 1e6 vs 1e6 + 0.01: |Δ| = 0.01 > 1e-3: different
    expect(consistency(grid(1e6), grid(1e6 + 0.01)).comparable).toBe(false);
    // near zero the tolerance is 1e-9 absolute: WUE 0 vs 1e-9 is the same, 0 vs 3e-9 is not
    const wue = (w: number): R => ({ ...base, wue_l_per_kwh: w });
    expect(consistency(wue(0), wue(1e-9)).statements).toEqual([]);
    expect(consistency(wue(0), wue(3e-9)).statements).toHaveLength(1);
    // 0 and "not known" (null) are not the same: a server share of 0 kg vs none at all
    expect(consistency(hwOf({ host_embodied_kg: 0 }), hwOf({ host_embodied_kg: null })).statements).toEqual([
      nb('Server embodied carbon differs: base 0 kg CO2e per 8-accelerator server vs head outside the boundary.'),
    ]);
    // … either way round
    expect(consistency(hwOf({ host_embodied_kg: null }), hwOf({ host_embodied_kg: 0 })).comparable).toBe(false);
    // null on both sides is the same
    expect(consistency(hwOf({ host_embodied_kg: null }), hwOf({ host_embodied_kg: null })).statements).toEqual([]);
  });

  it('every difference on both sides, lists joined: stages, flows, description, an unknown base figure', () => {
    const b: R = {
      ...base,
      functional_unit: { ...base.functional_unit, description: 'one answer' },
      boundary: { stages: ['training', 'warmup', 'inference'], flows: ['operational', 'embodied', 'water_onsite'] },
      hardware: { ...base.hardware, embodied_kg: null },
    };
    const h: R = {
      ...base,
      boundary: { stages: ['training', 'evaluation', 'serving'], flows: ['operational', 'water_offsite', 'embodied_host'] },
    };
    expect(consistency(b, h).statements.slice(0, 4)).toEqual([
      // same size (1,000 inferences), another description
      'Functional unit differs: base "one answer" (1,000 inferences) vs head "1,000 requests" (1,000 inferences); per-functional-unit results are not comparable.',
      'System boundary differs in stages: only in base: warmup, inference; only in head: evaluation, serving.',
      'System boundary differs in flows: only in base: embodied, water_onsite; only in head: water_offsite, embodied_host.',
      nb('Embodied carbon per accelerator differs: base unknown vs head 164 kg CO2e.'),
    ]);
  });

  it('identical scenarios: no statement, comparable', () => {
    expect(consistency(base, structuredClone({ ...base }))).toEqual({ statements: [], comparable: true });
  });
});
