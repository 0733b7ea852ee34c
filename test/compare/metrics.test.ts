// The metric table helpers: unit of a card path, value at a dotted path, and the numeric paths a
// budget may name.
import { describe, expect, it } from 'vitest';
import { METRICS, numericPaths, unitOf, valueAtPath } from '../../src/compare/metrics.js';

describe('unitOf', () => {
  it.each([
    // a compared metric: its unit from the table
    ['totals.co2e_kg', 'kg CO2e'],
    ['totals.water_l', 'L'],
    ['totals.cost_usd', 'USD'],
    ['per_functional_unit.co2e_g', 'g CO2e'],
    ['per_functional_unit.energy_wh', 'Wh'],
    ['per_functional_unit.water_ml', 'mL'],
    ['lifetime.co2e_kg', 'kg CO2e'],
    // a per-stage column
    ['stages.training.energy_kwh', 'kWh'],
    ['stages.fine-tune.water_l', 'L'],
    // any other card number: by its suffix
    ['lifetime.upfront_co2e_kg', 'kg CO2e'],
    ['stages.training.operational_co2e_kg', 'kg CO2e'],
    ['stages.training.it_energy_kwh', 'kWh'],
    ['interpretation.sci.m_g', 'g CO2e'],
    ['interpretation.x.per_kwh_wh', 'Wh'],
    ['interpretation.x.water_ml', 'mL'],
    ['interpretation.x.price_usd', 'USD'],
    ['interpretation.x.uptime_h', 'h'],
    // no unit
    ['stages.training.hours', ''],
    ['stages.training.inferences', ''],
    ['lifetime.functional_units', ''],
    ['totals.kg', ''],
  ])('%s -> "%s"', (path, unit) => {
    expect(unitOf(path)).toBe(unit);
  });

  it('every compared metric has the unit its path ends in', () => {
    expect(METRICS.map((m) => [m.path, m.unit])).toEqual([
      ['totals.co2e_kg', 'kg CO2e'],
      ['totals.operational_co2e_kg', 'kg CO2e'],
      ['totals.embodied_co2e_kg', 'kg CO2e'],
      ['totals.energy_kwh', 'kWh'],
      ['totals.it_energy_kwh', 'kWh'],
      ['totals.water_l', 'L'],
      ['totals.cost_usd', 'USD'],
      ['per_functional_unit.co2e_g', 'g CO2e'],
      ['per_functional_unit.marginal_co2e_g', 'g CO2e'],
      ['per_functional_unit.embodied_co2e_g', 'g CO2e'],
      ['per_functional_unit.amortized_co2e_g', 'g CO2e'],
      ['per_functional_unit.energy_wh', 'Wh'],
      ['per_functional_unit.water_ml', 'mL'],
      ['per_functional_unit.cost_usd', 'USD'],
      ['lifetime.co2e_kg', 'kg CO2e'],
    ]);
    // every impact is better lower
    expect(new Set(METRICS.map((m) => m.better))).toEqual(new Set(['lower']));
  });
});

describe('valueAtPath', () => {
  const card = { totals: { co2e_kg: 12, cost_usd: null }, stages: { training: { hours: 3 } }, list: [7, 8], nothing: null, n: 5 };
  it.each([
    ['totals.co2e_kg', 12],
    ['totals.cost_usd', null],
    ['stages.training.hours', 3],
    ['totals', card.totals],
    ['totals.missing', undefined],
    ['nothing.x', undefined], // through null
    ['n.toFixed', undefined], // through a number
    ['list.0', undefined], // into an array
    ['totals.toString', undefined], // inherited, not the card's own
    ['stages.training.hours.x', undefined],
  ])('%s', (path, value) => {
    expect(valueAtPath(card, path)).toBe(value);
  });
  it('a root that is not an object has no paths', () => {
    expect(valueAtPath(null, 'a')).toBeUndefined();
    expect(valueAtPath(5, 'a')).toBeUndefined();
  });
});

describe('numericPaths', () => {
  it('walks totals, per_functional_unit, lifetime, stages and interpretation to 4 levels, numbers and nulls only', () => {
    const card = {
      name: 'not a root',
      totals: { co2e_kg: 1, cost_usd: null, label: 'x', list: [1, 2], none: undefined },
      per_functional_unit: { co2e_g: 2 },
      stages: {
        training: { co2e_kg: 3, deep: { a: { b: 4, c: { d: 5 } } } },
      },
      interpretation: { breakeven_inferences: 6 },
    };
    // depth: stages 0, training 1, deep 2, a 3 (walked), c 4 (not walked: below 4 levels); b is a number at depth 4
    expect(numericPaths(card)).toEqual([
      'totals.co2e_kg',
      'totals.cost_usd',
      'per_functional_unit.co2e_g',
      'stages.training.co2e_kg',
      'stages.training.deep.a.b',
      'interpretation.breakeven_inferences',
    ]);
  });

  it('takes other roots when given; a root that is a number is a path itself', () => {
    expect(numericPaths({ a: { x: 1 }, b: 2, c: 'no' }, ['a', 'b', 'c'])).toEqual(['a.x', 'b']);
  });
});
