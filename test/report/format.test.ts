import { describe, expect, it } from 'vitest';
import { fmt, fmtSigned, pct, unitOf } from '../../src/report/format.js';

describe('fmt', () => {
  it.each([
    [5682.67, '5,682.7'],
    [1589575.68, '1,589,575.7'],
    [24.024, '24.02'],
    [0.49924, '0.4992'],
    [0.0012345, '0.001235'],
    [0.00001234, '1.23e-5'],
    [0, '0'],
    [-3.5, '-3.5'],
    [null, '—'],
    [Number.NaN, '—'],
  ])('%s -> %s', (x, expected) => {
    expect(fmt(x)).toBe(expected);
  });
  it.each([
    [3.2, '+3.2'],
    [-1.5, '-1.5'],
    [0, '0'],
  ])('signed %s -> %s', (x, expected) => expect(fmtSigned(x)).toBe(expected));
  it('pct', () => expect(pct(0.1234)).toBe('12.3 %'));
});

describe('unitOf', () => {
  it.each([
    ['totals.co2e_kg', 'kg CO2e'],
    ['per_functional_unit.co2e_g', 'g CO2e'],
    ['totals.energy_kwh', 'kWh'],
    ['per_functional_unit.energy_wh', 'Wh'],
    ['per_functional_unit.water_ml', 'mL'],
    ['totals.water_l', 'L'],
    ['totals.cost_usd', 'USD'],
    ['stages.training.co2e_kg', 'kg CO2e'],
  ])('%s -> %s', (m, u) => expect(unitOf(m)).toBe(u));
});
