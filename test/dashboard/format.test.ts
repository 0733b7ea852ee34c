// The dashboard's numbers: the one number style of src/number-format.ts (3 significant figures,
// SI-prefixed units, en-US separators), in the dashboard's fixed units, and printed exactly as the
// PR comment and the CLI print the same value.
import { describe, expect, it } from 'vitest';
import * as dashboard from '../../src/dashboard/format.js';
import { compact, count, deltaPct, energyKwh, fmt, massG, massKg, metricValue, pct, utcDay, utcMinute } from '../../src/dashboard/format.js';
import * as report from '../../src/report/format.js';

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
    [-2500, `-2.5${S}kg`], // ASCII hyphen-minus, as in the PR comment
  ])('massG(%s) = %s', (g, want) => {
    expect(massG(g)).toBe(want);
  });

  it.each([
    [24.4, `24.4${S}kg`],
    [1200, `1.2${S}t`],
    [0.0105, `10.5${S}g`],
    [0, `0${S}kg`], // zero keeps the unit it came in
  ])('massKg(%s) = %s', (kg, want) => {
    expect(massKg(kg)).toBe(want);
  });

  it.each([
    [0.0245, `24.5${S}Wh`],
    [812.3, `812${S}kWh`],
    [1500, `1.5${S}MWh`],
    [0.0000123, `12.3${S}mWh`],
    [0.0000000123, `12.3${S}µWh`],
  ])('energyKwh(%s) = %s', (kwh, want) => {
    expect(energyKwh(kwh)).toBe(want);
  });

  it('percent changes carry their sign and one decimal; shares (0..1) do not carry a sign', () => {
    expect(deltaPct(16.2719)).toBe(`+16.3${S}%`);
    expect(deltaPct(-4.2)).toBe(`-4.2${S}%`);
    expect(deltaPct(-25)).toBe(`-25.0${S}%`);
    expect(deltaPct(0)).toBe(`0.0${S}%`);
    expect(pct(0.6)).toBe(`60.0${S}%`);
  });

  it('counts, plain numbers and compact axis labels', () => {
    expect(count(2428778.6)).toBe('2,428,779');
    expect(fmt(1234.5)).toBe('1,230');
    expect(fmt(0.0012345)).toBe('0.00123');
    expect(compact(2.5e6)).toBe('2.5M');
    expect(compact(2_537_872)).toBe('2.5M'); // two figures on an axis
    expect(compact(1e9)).toBe('1B');
  });

  it('missing values print as a dash; infinite ones as ∞', () => {
    for (const f of [massG, massKg, energyKwh, deltaPct, pct, count, fmt, compact]) {
      expect(f(null)).toBe('—');
      expect(f(Number.NaN)).toBe('—');
    }
    expect(massG(Number.POSITIVE_INFINITY)).toBe(`∞${S}g`);
    expect(deltaPct(Number.POSITIVE_INFINITY)).toBe(`+∞${S}%`);
  });

  it('metric values take their unit from the card path, SI-prefixed', () => {
    expect(metricValue(60, 'totals.co2e_kg')).toBe(`60${S}kg`);
    expect(metricValue(0.06, 'totals.co2e_kg')).toBe(`60${S}g`);
    expect(metricValue(10.7, 'per_functional_unit.co2e_g')).toBe(`10.7${S}g`);
    expect(metricValue(812, 'totals.energy_kwh')).toBe(`812${S}kWh`);
    expect(metricValue(24.5, 'per_functional_unit.energy_wh')).toBe(`24.5${S}Wh`);
    expect(metricValue(3.25, 'totals.water_l')).toBe(`3.25${S}L`);
    expect(metricValue(12_000, 'totals.water_l')).toBe(`12${S}m³`);
    expect(metricValue(0.0628, 'totals.water_l')).toBe(`62.8${S}mL`);
    expect(metricValue(4.4712, 'totals.cost_usd')).toBe(`4.47${S}USD`);
    expect(metricValue(7, 'lifetime.functional_units')).toBe('7');
  });

  it('dates are UTC, whatever the machine zone', () => {
    expect(utcDay(1773446400)).toBe('2026-03-14');
    expect(utcMinute(1773446400 + 3600 + 120)).toBe('2026-03-14 01:02 UTC');
  });
});

describe('the same value prints the same way on the dashboard and in the PR comment', () => {
  it('shares the report functions themselves', () => {
    const shown = new Map(Object.entries(dashboard));
    const reported = new Map(Object.entries(report));
    for (const name of ['compact', 'count', 'deltaPct', 'fmt', 'NBSP', 'pct']) expect(shown.get(name), name).toBe(reported.get(name));
  });
  it.each([0.0105, 24.4, 1234, 0.00078, 999.7, -3.2])('%s kg CO2e', (kg) => {
    expect(`${massKg(kg)} CO2e`).toBe(report.qty(kg, 'kg CO2e'));
    expect(`${metricValue(kg, 'totals.co2e_kg')} CO2e`).toBe(report.qty(kg, report.unitOf('totals.co2e_kg')));
  });
  it.each([0.1406, 49_890, 0.0245])('%s kWh', (kwh) => {
    expect(energyKwh(kwh)).toBe(report.qty(kwh, 'kWh'));
    expect(metricValue(kwh, 'totals.energy_kwh')).toBe(report.qty(kwh, report.unitOf('totals.energy_kwh')));
  });
});
