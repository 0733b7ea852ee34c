// src/report/format.ts: the report's names for the one number style, plus the unit of a card path.
import { describe, expect, it } from 'vitest';
import * as core from '../../src/number-format.js';
import * as report from '../../src/report/format.js';
import { unitOf } from '../../src/report/format.js';

describe('report/format', () => {
  it('is the shared number style itself, not a copy', () => {
    const exported = new Map(Object.entries(report));
    expect(Object.keys(core).length).toBeGreaterThan(10);
    for (const [name, value] of Object.entries(core)) expect(exported.get(name), name).toBe(value);
  });
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
    // Paths outside the metric table: the unit their name carries; a mass is CO2e.
    ['interpretation.sci.host_embodied_kg', 'kg CO2e'],
    ['interpretation.sensitivity.swing_per_fu_co2e_g', 'g CO2e'],
    ['stages.training.duration_h', 'h'],
    ['lifetime.functional_units', ''],
  ])('%s -> %s', (m, u) => expect(unitOf(m)).toBe(u));
});
