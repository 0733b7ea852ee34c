import { describe, expect, it } from 'vitest';
import { assess } from '../../../src/lca/index.js';
import { interpret } from '../../../src/lca/interpret/index.js';
import { Interpretation } from '../../../src/lca/interpret/schema.js';
import { mulberry32, triangular } from '../../../src/lca/interpret/prng.js';
import { handA, inv, inventoriesA, scenarioA, source } from './fixtures.js';
import { perTest } from '../../per-test.js';

const run = () => {
  const r = scenarioA();
  const i = inventoriesA();
  return interpret(r, i, assess(r, i), []);
};

describe('interpret: scenario A (hand-computed from domain.md formulas)', () => {
  const out = perTest(run);

  it('is a valid Interpretation', () => {
    expect(Interpretation.safeParse(out).success).toBe(true);
  });

  it('finds the dominant stage and term with shares', () => {
    // training 440.468 kg of 440.913 kg; per FU: marginal 4.4 g, embodied 0.0468 g, amortized 0.4405 g of 4.8873 g.
    expect(out.dominant_stage).toBe('training');
    expect(out.shares?.training).toBeCloseTo(440.468036529 / 440.912716895, 9);
    expect(out.dominant_term).toBe('marginal');
    expect(out.term_shares?.marginal).toBeCloseTo(4.4 / 4.887271689, 9);
    expect(out.term_shares?.amortized).toBeCloseTo(0.440468036529 / 4.887271689, 9);
  });

  it('carries the breakeven: up-front g / per-inference g = 440,468.04 / 0.0044468 ≈ 9.905e7', () => {
    expect(out.breakeven_inferences).toBeCloseTo(99_052_728.86, 1);
    expect(out.breakeven_inferences).toBeCloseTo(handA().breakeven, 3);
  });

  it.each([
    [1e6, 444.91484018],
    [1e7, 48.49360731],
    [1e8, 8.85148402],
    [1e9, 4.88727169],
    [1e10, 4.49085046],
    [1e11, 4.45120833],
    [1e12, 4.44724412],
  ])('lifetime curve at %d inferences: %f g per FU', (L, g) => {
    const p = out.lifetime_curve?.find((x) => x.inferences === L);
    expect(p?.co2e_g_per_fu).toBeCloseTo(g, 6);
  });

  it('marks the scenario value and the breakeven on the curve, in ascending order', () => {
    const c = out.lifetime_curve ?? [];
    expect(c.map((p) => p.inferences)).toEqual([...c.map((p) => p.inferences)].sort((a, b) => a - b));
    expect(c.find((p) => p.label === 'scenario')?.inferences).toBe(1e9);
    const be = c.find((p) => p.label === 'breakeven');
    expect(be?.inferences).toBeCloseTo(99_052_728.86, 1);
    // At the breakeven the amortized term equals the per-inference term: total = 2 × floor.
    expect(be?.co2e_g_per_fu).toBeCloseTo(2 * (4.4 + 0.0468036529), 6);
    expect(c).toHaveLength(8); // 7 decades + breakeven; the scenario value 1e9 is a decade
  });

  it.each([
    // parameter, low, high, per-FU at low, per-FU at high, total kg at low, total kg at high
    ['grid.intensity_g_per_kwh', 200, 600, handA({ ci: 200 }), handA({ ci: 600 })],
    ['pue', 1.05, 1.5, handA({ pue: 1.05 }), handA({ pue: 1.5 })],
    ['hardware.embodied_kg', 15, 463, handA({ emb: 15 }), handA({ emb: 463 })],
    ['hardware.lifespan_years', 3, 5, handA({ life: 3 }), handA({ life: 5 })],
    ['deployment.lifetime_inferences', 1e8, 1e10, handA({ L: 1e8 }), handA({ L: 1e10 })],
  ])('tornado row %s: %d .. %d', (parameter, lo, hi, atLo, atHi) => {
    const row = out.sensitivity.find((s) => s.parameter === parameter);
    expect(row).toBeDefined();
    expect(row?.low_value).toBe(lo);
    expect(row?.high_value).toBe(hi);
    expect(row?.per_fu_co2e_g_low).toBeCloseTo(atLo.perFuG, 9);
    expect(row?.per_fu_co2e_g_high).toBeCloseTo(atHi.perFuG, 9);
    expect(row?.co2e_kg_low).toBeCloseTo(atLo.totalKg, 9);
    expect(row?.co2e_kg_high).toBeCloseTo(atHi.totalKg, 9);
    expect(row?.swing_per_fu_co2e_g).toBeCloseTo(Math.abs(atHi.perFuG - atLo.perFuG), 9);
    expect(row?.breakeven_inferences_low).toBeCloseTo(atLo.breakeven, 2);
  });

  it('hand-computed tornado values in literal numbers (grid 200 / 600)', () => {
    const g = out.sensitivity.find((s) => s.parameter === 'grid.intensity_g_per_kwh');
    // 200 g: 2.2 + 0.0468037 + 0.2204680 = 2.4672717 g; 600 g: 6.6 + 0.0468037 + 0.6604680 = 7.3072717 g
    expect(g?.per_fu_co2e_g_low).toBeCloseTo(2.46727169, 7);
    expect(g?.per_fu_co2e_g_high).toBeCloseTo(7.30727169, 7);
    expect(g?.co2e_kg_low).toBeCloseTo(220.69271689, 7);
  });

  it('sorts the tornado by per-FU swing: grid (4.84) > lifetime (4.36) > PUE (1.98) > embodied > lifespan > overhead (0)', () => {
    expect(out.sensitivity.map((s) => s.parameter)).toEqual([
      'grid.intensity_g_per_kwh',
      'deployment.lifetime_inferences',
      'pue',
      'hardware.embodied_kg',
      'hardware.lifespan_years',
      'it_overhead_factor',
    ]);
    // Whole-server energy gets no overhead factor: the row is there, and flat.
    expect(out.sensitivity.at(-1)?.swing_per_fu_co2e_g).toBe(0);
  });

  it('propagates the reference ranges by vertices: all-low and all-high corners', () => {
    const lo = handA({ ci: 200, pue: 1.05, emb: 15, life: 5 });
    const hi = handA({ ci: 600, pue: 1.5, emb: 463, life: 3 });
    expect(out.uncertainty.co2e_kg_low).toBeCloseTo(lo.totalKg, 9);
    expect(out.uncertainty.co2e_kg_high).toBeCloseTo(hi.totalKg, 9);
    expect(out.uncertainty.per_fu_co2e_g_low).toBeCloseTo(lo.perFuG, 9);
    expect(out.uncertainty.per_fu_co2e_g_high).toBeCloseTo(hi.perFuG, 9);
    expect(out.uncertainty.method).toMatch(/interval arithmetic/);
    // The what-if lifetime is not an uncertainty of the data.
    expect(out.uncertainty.parameters?.map((p) => p.parameter)).not.toContain('deployment.lifetime_inferences');
  });

  it('Monte Carlo percentiles lie inside the interval and around the central value', () => {
    const mc = out.uncertainty.monte_carlo!;
    expect(mc.samples).toBe(1000);
    expect(mc.co2e_kg_p05).toBeGreaterThanOrEqual(out.uncertainty.co2e_kg_low);
    expect(mc.co2e_kg_p95).toBeLessThanOrEqual(out.uncertainty.co2e_kg_high);
    expect(mc.co2e_kg_p05).toBeLessThan(mc.co2e_kg_p50);
    expect(mc.co2e_kg_p50).toBeLessThan(mc.co2e_kg_p95);
    expect(mc.per_fu_co2e_g_p05).toBeLessThan(4.887271689);
    expect(mc.per_fu_co2e_g_p95).toBeGreaterThan(4.887271689);
  });

  it('Monte Carlo percentiles recomputed independently: the hand model under the same seeded draws', () => {
    // 1,000 samples; each draws grid, PUE, embodied, lifespan in that order from triangular(low,
    // central, high) with mulberry32(20240521); the model is handA (domain.md formulas, not src/lca).
    // Percentiles by nearest rank: p05 = 50th, p50 = 500th, p95 = 950th smallest.
    const next = mulberry32(20_240_521);
    const totals: number[] = [];
    const perFus: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const ci = triangular(next(), 200, 400, 600);
      const pue = triangular(next(), 1.05, 1.1, 1.5);
      const emb = triangular(next(), 15, 164, 463);
      const life = triangular(next(), 3, 4, 5);
      const h = handA({ ci, pue, emb, life });
      totals.push(h.totalKg);
      perFus.push(h.perFuG);
    }
    totals.sort((a, b) => a - b);
    perFus.sort((a, b) => a - b);
    const mc = out.uncertainty.monte_carlo!;
    expect(mc.co2e_kg_p05).toBeCloseTo(totals[49]!, 9);
    expect(mc.co2e_kg_p50).toBeCloseTo(totals[499]!, 9);
    expect(mc.co2e_kg_p95).toBeCloseTo(totals[949]!, 9);
    expect(mc.per_fu_co2e_g_p05).toBeCloseTo(perFus[49]!, 9);
    expect(mc.per_fu_co2e_g_p50).toBeCloseTo(perFus[499]!, 9);
    expect(mc.per_fu_co2e_g_p95).toBeCloseTo(perFus[949]!, 9);
    expect(mc).toMatchObject({ seed: 20_240_521, samples: 1000 });
  });

  it('is deterministic: the same input gives the same numbers, byte for byte', () => {
    expect(JSON.stringify(run())).toBe(JSON.stringify(out));
  });

  it('does not mutate its inputs', () => {
    const r = scenarioA();
    const i = inventoriesA();
    const before = JSON.stringify([r, i]);
    interpret(r, i, assess(r, i), []);
    expect(JSON.stringify([r, i])).toBe(before);
  });

  it('computes SCI = (E × I + M) / R over the inference stage only', () => {
    // E = 1 kWh × 1.1 = 1.1 kWh, I = 400 g/kWh, M = 164 kg × 1 h / 35,040 h = 4.68037 g, R = 1e5 / 1,000 = 100 FU.
    const sci = out.sci!;
    expect(sci.e_kwh).toBeCloseTo(1.1, 12);
    expect(sci.m_g).toBeCloseTo(4.680365297, 8);
    expect(sci.r).toBe(100);
    expect(sci.sci_g_per_fu).toBeCloseTo((1.1 * 400 + 4.680365297) / 100, 9);
    expect(sci.amortized_co2e_g_excluded).toBeCloseTo(0.440468036529, 9);
    expect(sci.note).toMatch(/does not amortise training/);
  });

  it('discloses energy per stage, hardware and location', () => {
    const e = out.energy_disclosure!;
    expect(e.stages.map((s) => [s.stage, s.energy_kwh])).toEqual(
      [
        ['training', 1100.0000000000002],
        ['inference', 1.1],
      ].map(([n, v]) => [n, expect.closeTo(v as number, 9)]),
    );
    expect(e.hardware).toEqual({ model: 'H100-SXM', count: 1, power_w: 700, known: true });
    expect(e.location).toEqual({ region: 'XX', intensity_g_per_kwh: 400, source: 'test grid' });
  });

  it('flags the missing experimentation stage', () => {
    expect(out.data_quality.map((d) => d.code)).toContain('no_experimentation_stage');
  });
});

describe('interpret: measured-data gaps and completeness', () => {
  // Inference from a GPU-only log with 100 of 1,000 rows rejected; training estimated from hours × power.
  const r = scenarioA({
    it_overhead_factor: 1,
    stages: { training: { hours: 10 }, inference: { logs: ['gpu.csv'], hours: 1, inferences: 1e5 } },
    assumptions: [{ path: 'hardware.power_w', value: 700, unit: 'W', low: 350, high: 700, origin: 'default', source: 'datasheet', year: 2023 }],
  });
  const i = {
    training: inv({ device_energy_kwh: 7, hours: 10, origin: 'estimate' }),
    inference: inv({ device_energy_kwh: 0.9, hours: 1, inferences: 1e5, origin: 'logs', sources: ['gpu.csv'] }),
  };
  const srcs = [source({ path: 'gpu.csv', energy_kwh: 0.9, rows: 1000, rows_rejected: 100 })];
  const out = perTest(() => interpret(r, i, assess(r, i), srcs));
  const codes = perTest(() => out.data_quality.map((d) => d.code));

  it.each([
    ['device_only_without_overhead', 'warning'],
    ['estimate_based_energy', 'warning'],
    ['rows_rejected', 'warning'],
    ['no_experimentation_stage', 'warning'],
  ])('lists %s as %s', (code, severity) => {
    expect(out.data_quality.find((d) => d.code === code)?.severity).toBe(severity);
  });

  it('sorts data quality by severity', () => {
    const rank = { error: 0, warning: 1, info: 2 };
    const ranks = out.data_quality.map((d) => rank[d.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(codes).not.toContain('no_inference_stage');
  });

  it('widens the energy range: rejected rows (×1000/900), the GPU sensor (±5 %) and the power range of the estimate (×350/700 .. ×1)', () => {
    const ps = out.uncertainty.parameters ?? [];
    const infRun = ps.find((p) => p.parameter === 'stages.inference.energy (per run)');
    const infSensor = ps.find((p) => p.parameter === 'stages.inference.energy (measurement)');
    const trE = ps.find((p) => p.parameter === 'stages.training.energy (measurement)');
    expect(infRun?.high).toBeCloseTo(1000 / 900, 12);
    expect([infSensor?.low, infSensor?.high]).toEqual([expect.closeTo(0.95, 12), expect.closeTo(1.05, 12)]);
    expect(infSensor?.source).toMatch(/nvmlDeviceGetPowerUsage/);
    expect([trE?.low, trE?.high]).toEqual([expect.closeTo(0.5, 12), 1]);
    // Missing host overhead on device-only logs is an uncertainty here: 1 .. 1.375.
    expect(ps.find((p) => p.parameter === 'it_overhead_factor')?.high).toBe(1.375);
  });

  it('noise ranges cover only per-run measurement errors: inference energy ×1 .. ×1.111 (× PUE 1.1)', () => {
    const n = out.noise?.['stages.inference.energy_kwh'];
    expect(n?.low).toBeCloseTo(0.9 * 1.1, 12);
    expect(n?.high).toBeCloseTo(1.0 * 1.1, 12);
    // Training is an estimate from the same power figure in every run: uncertain (×0.5 .. ×1,
    // above), but that error cancels between base and head, so it is not noise.
    expect(out.noise?.['stages.training.energy_kwh']).toEqual({ low: 7 * 1.1, high: 7 * 1.1 });
  });

  it('lists a missing inference stage and gives no SCI or breakeven', () => {
    const r2 = scenarioA({ stages: { training: { energy_kwh: 1000, hours: 100 } } });
    const i2 = { training: inv({ host_energy_kwh: 1000, hours: 100 }) };
    const o = interpret(r2, i2, assess(r2, i2), []);
    expect(o.data_quality.find((d) => d.code === 'no_inference_stage')?.severity).toBe('warning');
    expect(o.sci).toBeNull();
    expect(o.breakeven_inferences).toBeNull();
    expect(o.lifetime_curve?.some((p) => p.label === 'breakeven')).toBe(false);
  });

  it.each([
    [
      'no embodied data',
      {
        hardware: {
          model: 'X1',
          known: false,
          count: 1,
          power_w: 300,
          embodied_kg: null,
          embodied_low_kg: null,
          embodied_high_kg: null,
          lifespan_years: 4,
          host_embodied_kg: null,
          devices_per_host: 8,
          utilization: 1,
        },
      },
      'no_embodied_data',
    ],
    ['a stage without hours', {}, 'stage_without_hours'],
  ])('flags %s', (_what, over, code) => {
    const r3 = scenarioA(over);
    const i3 = { training: inv({ host_energy_kwh: 10, hours: null }), inference: inv({ host_energy_kwh: 1, hours: 1, inferences: 10 }) };
    const o = interpret(r3, i3, assess(r3, i3), []);
    expect(o.data_quality.find((d) => d.code === code)?.severity).toBe('warning');
  });
});

describe('interpret: values set in the scenario without a range', () => {
  // PUE 1.12 and embodied 164 kg set by hand (low = high): the tornado still asks "what if",
  // PUE 1.1 .. 1.58 (textbook hyperscale .. industry average) and embodied ×0.5 .. ×2, but the
  // uncertainty range does not propagate them (no data range).
  const r = scenarioA({
    pue: 1.12,
    pue_low: 1.12,
    pue_high: 1.12,
    hardware: {
      model: 'H100-SXM',
      known: true,
      count: 1,
      power_w: 700,
      embodied_kg: 164,
      embodied_low_kg: 164,
      embodied_high_kg: 164,
      lifespan_years: 4,
      host_embodied_kg: null,
      devices_per_host: 8,
      utilization: 1,
    },
  });
  const i = inventoriesA();
  const out = perTest(() => interpret(r, i, assess(r, i), []));

  it.each([
    ['pue', 1.1, 1.58, handA({ pue: 1.1 }), handA({ pue: 1.58 })],
    ['hardware.embodied_kg', 82, 328, handA({ pue: 1.12, emb: 82 }), handA({ pue: 1.12, emb: 328 })],
  ])('tornado what-if for %s: %d .. %d', (parameter, lo, hi, atLo, atHi) => {
    const row = out.sensitivity.find((s) => s.parameter === parameter)!;
    expect([row.low_value, row.high_value]).toEqual([lo, hi]);
    expect(row.per_fu_co2e_g_low).toBeCloseTo(atLo.perFuG, 9);
    expect(row.per_fu_co2e_g_high).toBeCloseTo(atHi.perFuG, 9);
    expect(row.source).toMatch(/what-if/);
  });

  it('propagates only the data ranges (grid, lifespan)', () => {
    expect(out.uncertainty.parameters?.map((p) => p.parameter)).toEqual(['grid.intensity_g_per_kwh', 'hardware.lifespan_years']);
    expect(out.uncertainty.co2e_kg_high).toBeCloseTo(handA({ ci: 600, pue: 1.12, life: 3 }).totalKg, 9);
    expect(out.data_quality.map((d) => d.code)).toContain('no_embodied_range');
  });
});

describe('interpret: gaps in power logs widen the energy range', () => {
  it.each([
    // ingest's wording; 2 devices, 1,800 s log: (360 / 1,800) / 2 = 0.1 per device warning
    [['0: 2 gap(s) longer than 60 s not bridged (360 s in all; longest 300 s after 00:05:00)'], 1.1],
    [
      [
        '0: 1 gap(s) longer than 60 s not bridged (360 s in all; longest 360 s after 00:05:00)',
        '1: 1 gap(s) longer than 60 s not bridged (1,080 s in all; longest 1,080 s after 00:05:00)',
      ],
      1.4,
    ],
    // a gap warning without its length: +5 %
    [['gap in the log'], 1.05],
  ])('%j -> energy high ×%f', (warnings, high) => {
    const r = scenarioA({ it_overhead_factor: 1.375 });
    const i = { ...inventoriesA(), inference: inv({ device_energy_kwh: 1, hours: 1, inferences: 1e5, origin: 'logs', sources: ['p.csv'] }) };
    const src = source({
      path: 'p.csv',
      duration_s: 1800,
      warnings,
      devices: [0, 1].map((d) => ({ id: String(d), name: null, energy_kwh: 0.5, samples: 10 })),
    });
    const out = interpret(r, i, assess(r, i), [src]);
    const p = out.uncertainty.parameters?.find((x) => x.parameter === 'stages.inference.energy (per run)');
    expect(p?.high).toBeCloseTo(high, 12);
    // Gaps are per run: they are noise, unlike an estimate's shared power figure.
    expect(out.noise?.['stages.inference.it_energy_kwh']?.high).toBeCloseTo(1.375 * high, 12);
    expect(out.data_quality.find((d) => d.code === 'log_warnings')?.source).toBe('p.csv');
  });
});
