// Killer tests for mutants of src/lca/interpret/uncertainty.ts (issue 14): the exact lines of
// `not_covered` for each kind of input, and `propagate`'s parameter list, driven by hand-built
// stage results (only the fields notCovered reads) so each expected line follows from the rule.
import { describe, expect, it } from 'vitest';
import { noiseRanges, notCovered, propagate } from '../../../src/lca/interpret/uncertainty.js';
import type { EnergyRange } from '../../../src/lca/interpret/measurement.js';
import type { Parameter } from '../../../src/lca/interpret/parameters.js';
import type { AssessResultLike } from '../../../src/lca/interpret/types.js';
import type { StageInventory } from '../../../src/lca/index.js';
import type { StageResult } from '../../../src/report/card-schema.js';
import type { ResolvedScenario } from '../../../src/scenario/resolved.js';
import { inv, scenarioA } from './fixtures.js';

const st = (over: Partial<StageResult>): StageResult => ({ hours: 0, it_energy_kwh: 1, energy_origin: 'logs', energy_scope: 'host', ...over }) as StageResult;

const hw = (over: Partial<ResolvedScenario['hardware']>) => ({ hardware: { ...scenarioA().hardware, ...over } });
const stated = (path: string, value: number) => ({ path, value, unit: '', origin: 'scenario' as const, source: 'test', year: 2024 });

const GRID = 'grid.intensity_g_per_kwh: stated in the scenario (give grid.intensity_low_g_per_kwh and _high_ for a range)';
const PUE = 'pue: no range in the data';

describe('notCovered: one line per input the range leaves out', () => {
  it('embodied 164 kg with one stage of hours: embodied, lifespan and the default utilization', () => {
    // training has 100 h, inference none: any stage with hours is enough.
    const out = notCovered(scenarioA(), { training: st({ hours: 100 }), inference: st({ hours: 0 }) }, [], []);
    expect(out).toEqual([
      GRID,
      PUE,
      'hardware.embodied_kg: no range in the data',
      'hardware.lifespan_years: no range in the data',
      'hardware.utilization: no range in the data (default 1: in use its whole lifespan)',
    ]);
  });

  it('no embodied data: says it is counted as 0, and lifespan and utilization do not matter', () => {
    const out = notCovered(scenarioA(hw({ embodied_kg: null })), { training: st({ hours: 100 }) }, [], []);
    expect(out).toEqual([GRID, PUE, 'hardware.embodied_kg: no embodied data (counted as 0)']);
  });

  it('embodied 0 kg and no host embodied: lifespan and utilization do not matter', () => {
    const out = notCovered(scenarioA(hw({ embodied_kg: 0 })), { training: st({ hours: 100 }) }, [], []);
    expect(out).toEqual([GRID, PUE, 'hardware.embodied_kg: no range in the data']);
  });

  it('embodied 0 kg but host embodied 50 kg: lifespan, utilization (stated), host embodied and devices per host', () => {
    const r = scenarioA(hw({ embodied_kg: 0, host_embodied_kg: 50 }));
    const withUtil = { ...r, assumptions: [...r.assumptions, stated('hardware.utilization', 1)] };
    const out = notCovered(withUtil, { training: st({ hours: 100 }) }, [], []);
    expect(out).toEqual([
      GRID,
      PUE,
      'hardware.embodied_kg: no range in the data',
      'hardware.lifespan_years: no range in the data',
      'hardware.utilization: stated in the scenario',
      'hardware.host_embodied_kg: no range in the data',
      'hardware.devices_per_host: no range in the data',
    ]);
  });

  it('IT overhead only when some stage has device-only energy above 0', () => {
    const both = notCovered(scenarioA(), { a: st({ energy_scope: 'device', it_energy_kwh: 10 }), b: st({ energy_scope: 'host' }) }, [], []);
    expect(both).toEqual([GRID, PUE, 'it_overhead_factor: no range in the data']);
    const zero = notCovered(scenarioA(), { a: st({ energy_scope: 'device', it_energy_kwh: 0 }) }, [], []);
    expect(zero).toEqual([GRID, PUE]);
  });

  it('WUE above 0 is named as water only', () => {
    const out = notCovered(scenarioA({ wue_l_per_kwh: 1.8 }), { a: st({}) }, [], []);
    expect(out).toEqual([GRID, PUE, 'wue_l_per_kwh: no range in the data (water only)']);
  });

  it('stages: stated energy, and hours × power estimates without an energy range and above 0', () => {
    const range: EnergyRange = { stage: 'ranged', kind: 'measurement', low: 0.9, high: 1.1, reasons: ['x'], systematic: true };
    const stages = {
      stated: st({ energy_origin: 'energy_kwh' }),
      logged: st({ energy_origin: 'logs', it_energy_kwh: 5 }),
      est: st({ energy_origin: 'estimate', it_energy_kwh: 5 }),
      ranged: st({ energy_origin: 'estimate', it_energy_kwh: 5 }),
      idle: st({ energy_origin: 'estimate', it_energy_kwh: 0 }),
    };
    expect(notCovered(scenarioA(), stages, [], [range])).toEqual([
      GRID,
      PUE,
      'stages.stated.energy_kwh: stated in the scenario',
      'stages.est: hours × power with hardware.power_w without a range',
    ]);
    const r = scenarioA();
    const withPower = { ...r, assumptions: [...r.assumptions, stated('hardware.power_w', 700)] };
    expect(notCovered(withPower, { est: st({ energy_origin: 'estimate', it_energy_kwh: 5 }) }, [], [])).toEqual([
      GRID,
      PUE,
      'stages.est: hours × power with hardware.power_w stated in the scenario',
    ]);
  });
});

// ---- propagate, with a fake assess whose model is written in each test ----

/** Energy E = the inventories' host energy; carbon from `co2e(r, E)`; per-FU g = 1000 × kg; water = WUE × E. */
const fakeAssess =
  (co2e: (r: ResolvedScenario, E: number) => number, extra: (r: ResolvedScenario, E: number) => Partial<AssessResultLike> = () => ({})) =>
  (r: ResolvedScenario, invs: Record<string, StageInventory>): AssessResultLike => {
    const E = Object.values(invs).reduce((t, i) => t + i.host_energy_kwh, 0);
    const c = co2e(r, E);
    return {
      stages: {},
      totals: { co2e_kg: c, energy_kwh: E, water_l: r.wue_l_per_kwh * E, it_energy_kwh: E, operational_co2e_kg: c, embodied_co2e_kg: 0, cost_usd: null },
      per_functional_unit: { co2e_g: c * 1000 },
      lifetime: {},
      breakeven_inferences: null,
      warnings: [],
      ...extra(r, E),
    } as unknown as AssessResultLike;
  };

type Field = 'intensity' | 'pue' | 'wue';
const setters: Record<Field, Parameter['set']> = {
  intensity: (s, v) => {
    s.grid.intensity_g_per_kwh = v;
  },
  pue: (s, v) => {
    s.pue = v;
  },
  wue: (s, v) => {
    s.wue_l_per_kwh = v;
  },
};
const P = (field: Field, low: number, central: number, high: number, waterOnly = false): Parameter => ({
  id: 'grid_intensity',
  parameter: field,
  unit: 'u',
  low,
  central,
  high,
  source: `src ${field}`,
  uncertain: true,
  ...(waterOnly ? { waterOnly } : {}),
  set: setters[field],
});
/** Central scenario: intensity 1, PUE 2, WUE 1, one stage of 1 kWh. */
const central = () => scenarioA({ grid: { ...scenarioA().grid, intensity_g_per_kwh: 1 }, pue: 2, wue_l_per_kwh: 1 });
const oneStage = () => ({ only: inv({ host_energy_kwh: 1 }) });

describe('propagate: parameters, method and directions', () => {
  it('lists a varied energy range as a parameter (unit ×, central 1, reasons joined) and not a flat one', () => {
    const ranges: EnergyRange[] = [
      { stage: 'only', kind: 'measurement', low: 1, high: 1, reasons: ['flat'], systematic: true },
      { stage: 'only', kind: 'per run', low: 0.8, high: 1.25, reasons: ['rejected rows', 'gaps'], systematic: false },
    ];
    const u = propagate(
      central(),
      oneStage(),
      {},
      [P('intensity', 0.5, 1, 2)],
      ranges,
      fakeAssess((r, E) => r.grid.intensity_g_per_kwh * E),
    );
    expect(u.parameters).toEqual([
      { parameter: 'intensity', unit: 'u', low: 0.5, central: 1, high: 2, source: 'src intensity' },
      { parameter: 'stages.only.energy (per run)', unit: '×', low: 0.8, central: 1, high: 1.25, source: 'rejected rows; gaps' },
    ]);
    expect(u.covers).toEqual(['intensity', 'stages.only.energy (per run)']);
    // corners: 0.5 × 0.8 = 0.4 kg and 2 × 1.25 = 2.5 kg
    expect([u.co2e_kg_low, u.co2e_kg_high]).toEqual([0.4, 2.5]);
    expect(u.method).toBe(
      'interval arithmetic by vertices (the model is monotone in each input; bounds = assess at the all-low and all-high corners); ' +
        'plus seeded Monte Carlo (1000 samples, triangular low/central/high, mulberry32 seed 20240521) for percentiles',
    );
    expect(u.monte_carlo.distribution).toBe('triangular(low, central, high) per input, independent');
  });

  it('holds a water-only input central in the carbon and energy ranges, and varies it in water', () => {
    // Fake carbon = intensity + WUE, so a WUE wrongly let into the carbon corners would show.
    const assess = fakeAssess((r) => r.grid.intensity_g_per_kwh + r.wue_l_per_kwh);
    const u = propagate(central(), oneStage(), {}, [P('intensity', 0.5, 1, 2), P('wue', 0, 1, 3, true)], [], assess);
    expect([u.co2e_kg_low, u.co2e_kg_high]).toEqual([1.5, 3]); // 0.5 + 1 and 2 + 1
    expect([u.water_l_low, u.water_l_high]).toEqual([0, 3]); // WUE 0 × 1 kWh and 3 × 1 kWh
  });

  it('a water-only input takes no Monte Carlo draw: the percentiles are those without it', () => {
    const assess = fakeAssess((r) => r.grid.intensity_g_per_kwh);
    const withW = propagate(central(), oneStage(), {}, [P('intensity', 0.5, 1, 2), P('wue', 0, 1, 3, true)], [], assess);
    const without = propagate(central(), oneStage(), {}, [P('intensity', 0.5, 1, 2)], [], assess);
    expect(withW.monte_carlo).toEqual(without.monte_carlo);
  });

  // Fake carbon = intensity + g(PUE), intensity rising 0 .. 10.
  const corners = (g: Record<number, number>) =>
    propagate(
      central(),
      oneStage(),
      {},
      [P('intensity', 0, 5, 10), P('pue', 1, 2, 3)],
      [],
      fakeAssess((r) => r.grid.intensity_g_per_kwh + g[r.pue]!),
    );

  it('reads a falling input from its low and its high run, even when flat from low to central', () => {
    // g(1) = g(2) = 5, g(3) = 0: falling. Corners: intensity 0 with PUE 3 = 0; intensity 10 with PUE 1 = 15.
    const u = corners({ 1: 5, 2: 5, 3: 0 });
    expect([u.co2e_kg_low, u.co2e_kg_high]).toEqual([0, 15]);
  });

  it('reads a falling input from its low and its high run, even when flat from central to high', () => {
    // g(1) = 5, g(2) = g(3) = 0: falling. Corners as above: 0 and 15.
    const u = corners({ 1: 5, 2: 0, 3: 0 });
    expect([u.co2e_kg_low, u.co2e_kg_high]).toEqual([0, 15]);
  });

  it('an input flat one at a time counts as rising (low with low)', () => {
    // carbon = 10 + (intensity − 1) × PUE, intensity 0/1/2, PUE 1/2/3. PUE at intensity 1: 10 both ends (a tie).
    // Corners: (0, 1) = 10 − 1 = 9 and (2, 3) = 10 + 3 = 13; falling would give (0, 3) = 7 and (2, 1) = 11.
    const u = propagate(
      central(),
      oneStage(),
      {},
      [P('intensity', 0, 1, 2), P('pue', 1, 2, 3)],
      [],
      fakeAssess((r) => 10 + (r.grid.intensity_g_per_kwh - 1) * r.pue),
    );
    expect([u.co2e_kg_low, u.co2e_kg_high]).toEqual([9, 13]);
  });

  it("draws each Monte Carlo sample's energy factor: triangular(0.5, 1, 1.5) percentiles of carbon = energy", () => {
    // Inverse CDF of triangular(0.5, 1, 1.5): p05 = 0.5 + √(0.05 × 1 × 0.5) ≈ 0.658, p50 = 1, p95 ≈ 1.342.
    const ranges: EnergyRange[] = [{ stage: 'only', kind: 'per run', low: 0.5, high: 1.5, reasons: ['r'], systematic: false }];
    const mc = propagate(
      central(),
      oneStage(),
      {},
      [],
      ranges,
      fakeAssess((_r, E) => E),
    ).monte_carlo;
    expect(mc.co2e_kg_p05).toBeCloseTo(0.658, 1);
    expect(mc.co2e_kg_p50).toBeCloseTo(1, 1);
    expect(mc.co2e_kg_p95).toBeCloseTo(1.342, 1);
    // per-FU is 1000 × carbon in every sample, so each percentile is too (same rank of the same draws)
    expect(mc.per_fu_co2e_g_p05).toBeCloseTo(mc.co2e_kg_p05 * 1000, 9);
    expect(mc.per_fu_co2e_g_p50).toBeCloseTo(mc.co2e_kg_p50 * 1000, 9);
    expect(mc.per_fu_co2e_g_p95).toBeCloseTo(mc.co2e_kg_p95 * 1000, 9);
  });
});

describe('noiseRanges: per-run energy ranges only', () => {
  const pr = (low: number, high: number, systematic = false): EnergyRange => ({ stage: 'only', kind: 'per run', low, high, reasons: ['r'], systematic });

  it('varies when any one per-run range is varied (0.8 .. 1.25 with a flat one beside it)', () => {
    const assess = fakeAssess((_r, E) => 2 * E);
    const result = assess(central(), oneStage());
    const n = noiseRanges(central(), oneStage(), result, [pr(1, 1), pr(0.8, 1.25)], assess);
    expect(n['totals.co2e_kg']).toEqual({ low: 1.6, high: 2.5 }); // 2 × 0.8 and 2 × 1.25
    expect(n['per_functional_unit.co2e_g']).toEqual({ low: 1600, high: 2500 });
  });

  it("does not re-assess when no per-run range is varied: the result's own values", () => {
    let calls = 0;
    const inner = fakeAssess((_r, E) => 2 * E);
    const assess = (r: ResolvedScenario, i: Record<string, StageInventory>) => {
      calls++;
      return inner(r, i);
    };
    const result = inner(central(), oneStage());
    const n = noiseRanges(central(), oneStage(), result, [pr(1, 1), pr(0.5, 2, true)], assess);
    expect(calls).toBe(0);
    expect(n['totals.co2e_kg']).toEqual({ low: 2, high: 2 });
  });

  it('keeps finite numbers only, named by their section (lifetime.*), and drops a value finite at one end only', () => {
    // lifetime.inferences is finite; lifetime.breakeven is finite at low energy (0.8) and Infinity at high (1.25).
    const assess = fakeAssess(
      (_r, E) => E,
      (_r, E) => ({ lifetime: { inferences: 1e9, breakeven: E > 1 ? Number.POSITIVE_INFINITY : 7, note: 'x' } as unknown as AssessResultLike['lifetime'] }),
    );
    const result = assess(central(), oneStage());
    const n = noiseRanges(central(), oneStage(), result, [pr(0.8, 1.25)], assess);
    expect(n['lifetime.inferences']).toEqual({ low: 1e9, high: 1e9 });
    expect(Object.keys(n).filter((k) => k.startsWith('lifetime'))).toEqual(['lifetime.inferences']);
    expect('totals.cost_usd' in n).toBe(false); // null, not a number
  });
});
