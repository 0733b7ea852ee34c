// The dashboard's number style: 3 significant figures, SI-prefixed units, en-US separators.
import { describe, expect, it } from 'vitest';
import { compact, count, energyKwh, massG, massKg, metricValue, num, pct, pctChange, utcDay, utcMinute } from '../../src/dashboard/format.js';

const S = '\u00a0'; // the non-breaking space between number and unit

describe('dashboard number format', () => {
  it.each([
    [10.678144, `10.7${S}g`],
    [0.00078, `780${S}µg`],
    [0.78, `780${S}mg`],
    [999.7, `1${S}kg`], // rounded to 3 figures before the unit is picked
    [24_400, `24.4${S}kg`],
    [1_234_567, `1.23${S}t`],
    [5.5e9, `5.5${S}kt`],
    [0, `0${S}g`],
    [-2500, `−2.5${S}kg`],
  ])('massG(%s) = %s', (g, want) => {
    expect(massG(g)).toBe(want);
  });

  it.each([
    [24.4, `24.4${S}kg`],
    [1200, `1.2${S}t`],
    [0.0105, `10.5${S}g`],
  ])('massKg(%s) = %s', (kg, want) => {
    expect(massKg(kg)).toBe(want);
  });

  it.each([
    [0.0245, `24.5${S}Wh`],
    [812.3, `812${S}kWh`],
    [1500, `1.5${S}MWh`],
    [0.0000123, `12.3${S}mWh`],
  ])('energyKwh(%s) = %s', (kwh, want) => {
    expect(energyKwh(kwh)).toBe(want);
  });

  it('percent changes carry their sign; shares do not', () => {
    expect(pctChange(16.2719)).toBe(`+16.3${S}%`);
    expect(pctChange(-4.2)).toBe(`−4.2${S}%`);
    expect(pctChange(0)).toBe(`0${S}%`);
    expect(pct(60)).toBe(`60${S}%`);
  });

  it('counts, plain numbers and compact axis labels', () => {
    expect(count(2428778.6)).toBe('2,428,779');
    expect(num(1234.5)).toBe('1,230');
    expect(num(0.0012345)).toBe('0.00123');
    expect(compact(2.5e6)).toBe('2.5M');
    expect(compact(1e9)).toBe('1B');
  });

  it('missing or infinite values print as a dash', () => {
    for (const f of [massG, massKg, energyKwh, pctChange, pct, count, num, compact]) {
      expect(f(null)).toBe('—');
      expect(f(Number.NaN)).toBe('—');
      expect(f(Number.POSITIVE_INFINITY)).toBe('—');
    }
  });

  it('metric values take their unit from the card path', () => {
    expect(metricValue(60, 'totals.co2e_kg')).toBe(`60${S}kg`);
    expect(metricValue(10.7, 'per_functional_unit.co2e_g')).toBe(`10.7${S}g`);
    expect(metricValue(812, 'totals.energy_kwh')).toBe(`812${S}kWh`);
    expect(metricValue(24.5, 'per_functional_unit.energy_wh')).toBe(`24.5${S}Wh`);
    expect(metricValue(3.25, 'totals.water_l')).toBe(`3.25${S}L`);
    expect(metricValue(7, 'lifetime.functional_units')).toBe('7');
  });

  it('dates are UTC, whatever the machine zone', () => {
    expect(utcDay(1773446400)).toBe('2026-03-14');
    expect(utcMinute(1773446400 + 3600 + 120)).toBe('2026-03-14 01:02 UTC');
  });
});
