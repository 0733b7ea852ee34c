// Killer tests for mutants of src/lca/interpret/sensitivity.ts (issue 14): the lifetime curve's
// breakeven point and the tornado's swings and stable order, driven by a fake `assess` whose
// numbers are chosen here, so every expected value is read off the table by hand.
import { describe, expect, it } from 'vitest';
import { lifetimeCurve, tornado } from '../../../src/lca/interpret/sensitivity.js';
import type { Parameter } from '../../../src/lca/interpret/parameters.js';
import type { AssessResultLike } from '../../../src/lca/interpret/types.js';
import type { ResolvedScenario } from '../../../src/scenario/resolved.js';
import type { StageInventory } from '../../../src/lca/index.js';
import { inventoriesA, scenarioA } from './fixtures.js';

const resultOf = (perFuG: number, totalKg: number, breakeven: number | null = null): AssessResultLike =>
  ({
    stages: {},
    totals: { co2e_kg: totalKg },
    per_functional_unit: { co2e_g: perFuG },
    lifetime: {},
    breakeven_inferences: breakeven,
    warnings: [],
  }) as unknown as AssessResultLike;

describe('lifetimeCurve: a breakeven point only when it is a finite positive number', () => {
  // Per-FU = 1e12 / lifetime, so each point's value is known by hand.
  const curve = (be: number | null) => {
    const resolved = scenarioA({ deployment: { lifetime_inferences: 5e8 } });
    const assess = (r: ResolvedScenario) => resultOf(1e12 / r.deployment.lifetime_inferences, 0);
    return lifetimeCurve(resolved, inventoriesA(), resultOf(0, 0, be), assess);
  };
  const decades = [1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];

  it('adds a finite positive breakeven (3e7) as a labelled point between the decades', () => {
    const c = curve(3e7);
    expect(c.map((p) => p.inferences)).toEqual([1e6, 1e7, 3e7, 1e8, 5e8, 1e9, 1e10, 1e11, 1e12]);
    expect(c[2]).toEqual({ inferences: 3e7, co2e_g_per_fu: 1e12 / 3e7, label: 'breakeven' });
    expect(c[4]).toEqual({ inferences: 5e8, co2e_g_per_fu: 2000, label: 'scenario' }); // 1e12 / 5e8
  });

  it.each([
    ['null', null],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['zero', 0],
    ['negative', -4e7],
  ])('leaves out a breakeven of %s: the decades and the scenario point only', (_name, be) => {
    const c = curve(be);
    expect(c.map((p) => p.inferences)).toEqual([1e6, 1e7, 1e8, 5e8, 1e9, 1e10, 1e11, 1e12]);
    expect(c.filter((p) => p.label === 'breakeven')).toEqual([]);
    expect(c.filter((p) => !decades.includes(p.inferences)).map((p) => p.label)).toEqual(['scenario']);
  });
});

/** A what-if parameter whose value the fake assess reads back from `name`. */
const param = (name: string, low: number, high: number, unit = 'u'): Parameter => ({
  id: 'grid_intensity',
  parameter: name,
  unit,
  low,
  central: (low + high) / 2,
  high,
  source: `source of ${name}`,
  uncertain: true,
  set: (s, v) => {
    s.name = `${name}=${v}`;
  },
});

/** Fake assess: a table from "parameter=value" to [per-FU g, total kg]. */
const tableAssess = (table: Record<string, [number, number]>) => (r: ResolvedScenario) => {
  const hit = table[r.name];
  if (!hit) throw new Error(`no entry for ${r.name}`);
  return resultOf(hit[0], hit[1]);
};

const inv = (): Record<string, StageInventory> => inventoriesA();

describe('tornado: swings and order', () => {
  it('total swing is |high − low| of totals.co2e_kg: |7 − 3| = 4 kg, not 3 + 7', () => {
    const rows = tornado(scenarioA(), inv(), [param('p', 1, 2)], tableAssess({ 'p=1': [10, 3], 'p=2': [15, 7] }));
    expect(rows[0]).toMatchObject({ swing_per_fu_co2e_g: 5, swing_co2e_kg: 4, co2e_kg_low: 3, co2e_kg_high: 7 });
  });

  // Equal per-FU swings (5 g each); total swings 1 kg (small) and 6 kg (large): larger total first.
  const table: Record<string, [number, number]> = {
    'small=1': [10, 2],
    'small=2': [15, 3], // swing 5 g, 1 kg
    'large=1': [20, 4],
    'large=2': [25, 10], // swing 5 g, 6 kg
  };
  it.each([
    ['small first', ['small', 'large']],
    ['large first', ['large', 'small']],
  ])('breaks a per-FU tie by total swing, largest first (input %s)', (_n, order) => {
    const rows = tornado(
      scenarioA(),
      inv(),
      order.map((n) => param(n, 1, 2)),
      tableAssess(table),
    );
    expect(rows.map((r) => [r.parameter, r.swing_co2e_kg])).toEqual([
      ['large', 6],
      ['small', 1],
    ]);
  });

  // Both swings equal (5 g, 1 kg): by name, "alpha" before "beta", whatever the input order.
  const tie: Record<string, [number, number]> = {
    'alpha=1': [10, 2],
    'alpha=2': [15, 3],
    'beta=1': [30, 5],
    'beta=2': [35, 6],
  };
  it.each([
    ['alpha first', ['alpha', 'beta']],
    ['beta first', ['beta', 'alpha']],
  ])('breaks a full tie by name (input %s)', (_n, order) => {
    const rows = tornado(
      scenarioA(),
      inv(),
      order.map((n) => param(n, 1, 2)),
      tableAssess(tie),
    );
    expect(rows.map((r) => r.parameter)).toEqual(['alpha', 'beta']);
  });

  it('keeps the input order of two rows with the same name and the same swings', () => {
    const rows = tornado(
      scenarioA(),
      inv(),
      [param('same', 1, 2, 'first'), param('same', 1, 2, 'second')],
      tableAssess({ 'same=1': [10, 2], 'same=2': [15, 3] }),
    );
    expect(rows.map((r) => r.unit)).toEqual(['first', 'second']);
  });
});
