// The one number style (src/number-format.ts): the report and the dashboard both print through it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compact, count, deltaPct, fmt, fmtSigned, NBSP, pair, param, pct, percent, qty, qtyParam, range, scaleFor, unitOfName } from '../src/number-format.js';
import { nb } from './report/nbsp.js';

describe('fmt: 3 significant figures, separators, never an exponent', () => {
  it.each([
    [5682.67, '5,680'],
    [1589575.68, '1,590,000'],
    [24.024, '24'],
    [23.83, '23.8'],
    [0.49924, '0.499'],
    [0.0012345, '0.00123'],
    [0.00001234, '0.0000123'],
    [1.5e-7, '0.00000015'],
    [2e21, '2,000,000,000,000,000,000,000'],
    [0, '0'],
    [-0.0000001, '-0.0000001'],
    [-3.5, '-3.5'],
    [null, '—'],
    [Number.NaN, '—'],
    [Number.POSITIVE_INFINITY, '∞'],
  ])('%s -> %s', (x, expected) => {
    expect(fmt(x)).toBe(expected);
  });
  it('takes more figures when asked', () => expect(fmt(10.6849, 4)).toBe('10.68'));
  it.each([
    [3.2, '+3.2'],
    [-1.5, '-1.5'],
    [0, '0'],
  ])('signed %s -> %s', (x, expected) => expect(fmtSigned(x)).toBe(expected));
});

describe('param: values a user stated, up to 4 figures', () => {
  it.each([
    [1.375, '1.375'],
    [383.5492, '383.5'],
    [0.08, '0.08'],
    [2500, '2,500'],
    [50_000_000, '50,000,000'],
  ])('%s -> %s', (x, s) => expect(param(x)).toBe(s));
});

describe('count: whole numbers with separators; compact for chart axes', () => {
  it.each([
    [2_428_778.6, '2,428,779'],
    [1000, '1,000'],
    [0.4, '0'],
    [null, '—'],
  ])('%s -> %s', (x, s) => expect(count(x)).toBe(s));
  it.each([
    [1e6, '1M'],
    [2_537_872, '2.5M'],
    [5e7, '50M'],
    [1e9, '1B'],
    [1e12, '1T'],
    [950, '950'],
  ])('compact %s -> %s', (x, s) => expect(compact(x)).toBe(s));
});

describe('percentages: one decimal, a non-breaking space before %, signed for a change', () => {
  it.each([
    [16.2749, '+16.3 %'],
    [-6.755276, '-6.8 %'],
    [6, '+6.0 %'],
    [0, '0.0 %'],
    [-0.01, '-0.01 %'],
    [0.042, '+0.042 %'],
    [1234.5, '+1,235 %'],
    [null, '—'],
  ])('change %s -> %s', (p, s) => expect(deltaPct(p)).toBe(nb(s)));
  it('a share (0..1)', () => expect(pct(0.1234)).toBe(nb('12.3 %')));
  it('a stated limit keeps its figures', () => {
    expect(percent(10)).toBe(nb('10 %'));
    expect(percent(12.5, { signed: true })).toBe(nb('+12.5 %'));
  });
  it('never breaks between number and %', () => expect(deltaPct(16.27)).not.toContain(' '));
});

describe('qty: SI prefixes instead of exponents', () => {
  it.each([
    [0.00078, 'kg CO2e', '780 mg CO2e'],
    [0.78, 'g CO2e', '780 mg CO2e'],
    [7.8, 'g CO2e', '7.8 g CO2e'],
    [1234, 'kg CO2e', '1.23 t CO2e'],
    [13_394.01, 'g CO2e', '13.4 kg CO2e'],
    // 999.7 g rounds to 1,000 g at 3 figures: shown as 1 kg.
    [999.7, 'g CO2e', '1 kg CO2e'],
    [0.1406, 'kWh', '141 Wh'],
    [49_890, 'kWh', '49.9 MWh'],
    [24.94, 'L', '24.9 L'],
    [12_000, 'L', '12 m³'],
    [0.0628, 'L', '62.8 mL'],
    [700, 'W', '700 W'],
    [4.47, 'USD', '4.47 USD'],
    [0.001964, 'USD', '0.00196 USD'],
    [17_520, 'h', '17,500 h'],
    [0, 'kg CO2e', '0 kg CO2e'],
    [383.5, 'g CO2e/kWh', '384 g CO2e/kWh'],
    [null, 'kg CO2e', '—'],
  ])('%s %s -> %s', (v, unit, s) => expect(qty(v, unit)).toBe(nb(s)));
  it('limits as stated', () => {
    expect(qtyParam(2500, 'kg CO2e')).toBe(nb('2.5 t CO2e'));
    expect(qtyParam(1.375, 'kWh')).toBe(nb('1.375 kWh'));
  });
});

describe('scaleFor and range: one unit for values shown together', () => {
  it('picks the prefix of the largest value', () => {
    const sc = scaleFor([44.8, 10.93, 0.1406, 55.87], 'kWh');
    expect(sc.unit).toBe('kWh');
    expect(sc.format(0.1406)).toBe('0.141');
    const g = scaleFor([0.0562, 0.0042], 'kg CO2e');
    expect(g.unit).toBe('g CO2e');
    expect(g.divisor).toBe(0.001);
    expect(g.format(0.0562)).toBe('56.2');
    expect(g.withUnit(0.0042)).toBe(nb('4.2 g CO2e'));
  });
  it('a range in one unit; a point as one value', () => {
    expect(range(23.08, 27.58, 'kg CO2e')).toBe(nb('23.1–27.6 kg CO2e'));
    expect(range(0.46, 0.55, 'g CO2e')).toBe(nb('460–550 mg CO2e'));
    expect(range(5, 5, 'kg CO2e')).toBe(nb('5 kg CO2e'));
  });
});

describe('pair: base and head with enough figures that the change shows', () => {
  it('3 figures when they show the change', () => {
    // 10.68 -> 12.43: 10.7 -> 12.4 shows a change of 1.7 for 1.75 (within a tenth)
    expect(pair(10.68, 12.43, 'g CO2e')).toEqual({ base: '10.7', head: '12.4', delta: '+1.75', unit: 'g CO2e' });
  });
  it('4 figures when 3 would print the two alike', () => {
    // 20 -> 20.01 kg: 20 and 20 at 3 figures; 20 and 20.01 at 4
    expect(pair(20, 20.01, 'kg CO2e')).toEqual({ base: '20', head: '20.01', delta: '+0.01', unit: 'kg CO2e' });
  });
  it('4 figures when 3 misstate the change by more than a tenth', () => {
    // 9.841 -> 9.908: 9.84 -> 9.91 shows 0.07 for 0.067 (4 % off: 3 figures do); 1.004 -> 1.012 shows 0 at 3
    expect(pair(9.841, 9.908, 'g CO2e').head).toBe('9.91');
    expect(pair(1.0044, 1.0121, 'g CO2e')).toMatchObject({ base: '1.004', head: '1.012' });
  });
  it('one unit for both, SI-prefixed', () => {
    expect(pair(0.0562, 0.0571, 'kg CO2e')).toEqual({ base: '56.2', head: '57.1', delta: '+0.9', unit: 'g CO2e' });
    expect(pair(null, 3, 'kWh')).toMatchObject({ base: '—', head: '3', delta: '—' });
  });
});

describe('unitOfName: the unit a name carries in its suffix', () => {
  it.each([
    ['totals.co2e_kg', 'kg'],
    ['per_functional_unit.co2e_g', 'g'],
    ['totals.energy_kwh', 'kWh'],
    ['per_functional_unit.energy_wh', 'Wh'],
    ['per_functional_unit.water_ml', 'mL'],
    ['totals.water_l', 'L'],
    ['totals.cost_usd', 'USD'],
    ['duration_h', 'h'],
    ['lifetime.functional_units', ''],
    ['totals.co2e_kg.note', ''],
  ])('%s -> %s', (name, unit) => expect(unitOfName(name)).toBe(unit));
});

describe('one convention for signs, missing and infinite values', () => {
  it('negative numbers take the ASCII hyphen-minus, so a copied value parses as a number', () => {
    for (const s of [fmt(-2500), qty(-2500, 'g'), deltaPct(-4.2), count(-1234), compact(-2.5e6)]) {
      expect(s).not.toContain('\u2212');
      expect(s.startsWith('-')).toBe(true);
    }
    expect(Number(fmt(-1234.5).replace(/,/g, ''))).toBe(-1230);
    expect(qty(-2500, 'g')).toBe(`-2.5${NBSP}kg`);
    expect(deltaPct(-4.2)).toBe(`-4.2${NBSP}%`);
  });
  it('missing is a dash; infinite (a change from zero) is ∞, never a dash', () => {
    for (const f of [(x: number | null) => fmt(x), count, compact, deltaPct, pct, (x: number | null) => qty(x, 'g')]) {
      expect(f(null)).toBe('—');
      expect(f(Number.NaN)).toBe('—');
    }
    expect(compact(Number.POSITIVE_INFINITY)).toBe('∞');
    expect(count(Number.NEGATIVE_INFINITY)).toBe('-∞');
    expect(deltaPct(Number.POSITIVE_INFINITY)).toBe(`+∞${NBSP}%`);
    expect(qty(Number.POSITIVE_INFINITY, 'g')).toBe(`∞${NBSP}g`);
  });
});

describe('the module the browser bundle takes in', () => {
  const text = readFileSync(path.resolve(import.meta.dirname, '../src/number-format.ts'), 'utf8');
  it('imports nothing (no Node, no zod, no card model) and touches no DOM', () => {
    expect(text).not.toMatch(/^\s*import\s/m);
    expect(text).not.toMatch(/\bfrom\s*['"][^'"]+['"]/);
    expect(text).not.toMatch(/\b(require|import)\s*\(/);
    expect(text).not.toMatch(/\b(document|window|process|Buffer)\./);
  });
});
