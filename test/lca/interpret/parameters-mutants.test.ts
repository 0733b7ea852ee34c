// Killer tests for Stryker survivors in src/lca/interpret/parameters.ts: the exact ids, units and
// source texts of each parameter, and the conditions that choose a data range over a what-if.
import { describe, expect, it } from 'vitest';
import { parametersOf } from '../../../src/lca/interpret/parameters.js';
import type { Assumption } from '../../../src/scenario/resolved.js';
import type { StageResult } from '../../../src/report/card-schema.js';
import { scenarioA } from './fixtures.js';

const hostStage = { training: { energy_scope: 'host', it_energy_kwh: 10 } as unknown as StageResult };

function a(path: string, low: number, high: number, origin: Assumption['origin'], source: string): Assumption {
  return { path, value: low, unit: 'x', low, high, origin, source, year: 2024 };
}

const byId = (ps: ReturnType<typeof parametersOf>, id: string) => ps.find((p) => p.id === id);

describe('parametersOf: sources when no assumption is recorded', () => {
  it('grid and PUE ranges without an assumption name the resolved data', () => {
    const r = scenarioA({ assumptions: [] });
    const ps = parametersOf(r, hostStage);
    expect(byId(ps, 'grid_intensity')?.source).toBe('resolved grid range');
    // scenario A: PUE 1.1 with range 1.05–1.5, no assumption for pue.
    expect(byId(ps, 'pue')).toMatchObject({ source: 'resolved PUE range', uncertain: true, low: 1.05, high: 1.5 });
  });

  it('lifespan without an assumption: the textbook 3–5 years what-if', () => {
    const ps = parametersOf(scenarioA({ assumptions: [] }), hostStage);
    expect(byId(ps, 'lifespan')).toMatchObject({
      parameter: 'hardware.lifespan_years',
      unit: 'years',
      low: 3,
      central: 4,
      high: 5,
      source: 'textbook: GPU lifetime three to five years',
      uncertain: false,
    });
  });

  it('lifespan with a data range 2–6 keeps that range and its source', () => {
    const r = scenarioA({ assumptions: [a('hardware.lifespan_years', 2, 6, 'default', 'test life data')] });
    expect(byId(parametersOf(r, hostStage), 'lifespan')).toMatchObject({ low: 2, high: 6, source: 'test life data', uncertain: true });
  });
});

describe('parametersOf: embodied', () => {
  it('a data range 15–463: id, unit and the assumption source', () => {
    const r = scenarioA({ assumptions: [a('hardware.embodied_kg', 15, 463, 'default', 'emb data')] });
    const p = parametersOf(r, hostStage).find((x) => x.parameter === 'hardware.embodied_kg');
    expect(p).toMatchObject({ id: 'embodied', unit: 'kg CO2e per device', low: 15, high: 463, source: 'emb data', uncertain: true });
  });

  it('a data range without an assumption names the resolved hardware data', () => {
    const r = scenarioA({ assumptions: [] });
    expect(byId(parametersOf(r, hostStage), 'embodied')?.source).toBe('resolved hardware data');
  });

  it('no low (null): the ×0.5/×2 what-if (164 / 2 = 82, 164 × 2 = 328)', () => {
    const base = scenarioA();
    const r = scenarioA({ hardware: { ...base.hardware, embodied_low_kg: null, embodied_high_kg: 463 } });
    expect(byId(parametersOf(r, hostStage), 'embodied')).toMatchObject({
      low: 82,
      high: 328,
      source: 'what-if: ×0.5 and ×2 (no range for a value set in the scenario)',
      uncertain: false,
    });
  });

  it('no high (null) with a negative low: still the what-if, not a range (null > −1 must not count)', () => {
    const base = scenarioA();
    const r = scenarioA({ hardware: { ...base.hardware, embodied_low_kg: -1, embodied_high_kg: null } });
    expect(byId(parametersOf(r, hostStage), 'embodied')).toMatchObject({ low: 82, high: 328, uncertain: false });
  });
});

describe('parametersOf: host embodied', () => {
  const base = scenarioA();
  it('a defaulted host figure with a range: id, unit, source', () => {
    const r = scenarioA({
      hardware: { ...base.hardware, host_embodied_kg: 1000 },
      assumptions: [a('hardware.host_embodied_kg', 500, 2000, 'default', 'host data')],
    });
    const p = parametersOf(r, hostStage).find((x) => x.parameter === 'hardware.host_embodied_kg');
    expect(p).toMatchObject({ id: 'host_embodied', unit: 'kg CO2e per server', low: 500, central: 1000, high: 2000, source: 'host data' });
  });

  it('a stated host figure carries no range', () => {
    const r = scenarioA({
      hardware: { ...base.hardware, host_embodied_kg: 1000 },
      assumptions: [a('hardware.host_embodied_kg', 500, 2000, 'scenario', 'host data')],
    });
    expect(byId(parametersOf(r, hostStage), 'host_embodied')).toBeUndefined();
  });

  it('no host figure (null) with an assumption range: no parameter', () => {
    const r = scenarioA({ assumptions: [a('hardware.host_embodied_kg', 500, 2000, 'default', 'host data')] });
    expect(byId(parametersOf(r, hostStage), 'host_embodied')).toBeUndefined();
  });
});

describe('parametersOf: IT overhead', () => {
  const textbook = 'textbook: DGX H100 rack, host load raises accelerator load 1.375× (1,433.6 kW -> 1,971.2 kW)';

  it('no assumption: the textbook what-if 1–1.375, id and unit', () => {
    const ps = parametersOf(scenarioA({ assumptions: [] }), hostStage);
    expect(byId(ps, 'it_overhead_factor')).toMatchObject({
      parameter: 'it_overhead_factor',
      unit: '×',
      low: 1,
      high: 1.375,
      source: textbook,
      uncertain: false,
    });
  });

  it('a defaulted range 1.1–2 is used with its source', () => {
    const r = scenarioA({ assumptions: [a('it_overhead_factor', 1.1, 2, 'default', 'oh data')] });
    // central 1 (scenario A), so ordered(1.1, 1, 2) = 1 .. 2.
    expect(byId(parametersOf(r, hostStage), 'it_overhead_factor')).toMatchObject({ low: 1, high: 2, source: 'oh data' });
  });

  it('a stated value ignores the range: textbook what-if', () => {
    const r = scenarioA({ assumptions: [a('it_overhead_factor', 1.1, 2, 'scenario', 'oh data')] });
    expect(byId(parametersOf(r, hostStage), 'it_overhead_factor')).toMatchObject({ low: 1, high: 1.375, source: textbook });
  });

  it('uncertain only when some stage has device-only energy above zero', () => {
    const r = scenarioA({ assumptions: [] });
    const mixed = {
      training: { energy_scope: 'device', it_energy_kwh: 5 } as unknown as StageResult,
      inference: { energy_scope: 'host', it_energy_kwh: 1 } as unknown as StageResult,
    };
    expect(byId(parametersOf(r, mixed), 'it_overhead_factor')?.uncertain).toBe(true);
    const zero = { training: { energy_scope: 'device', it_energy_kwh: 0 } as unknown as StageResult };
    expect(byId(parametersOf(r, zero), 'it_overhead_factor')?.uncertain).toBe(false);
  });
});

describe('parametersOf: WUE', () => {
  it('a defaulted WUE with a range: id and unit', () => {
    const r = scenarioA({ wue_l_per_kwh: 1, assumptions: [a('wue_l_per_kwh', 0.5, 2, 'default', 'wue data')] });
    expect(parametersOf(r, hostStage).find((p) => p.parameter === 'wue_l_per_kwh')).toMatchObject({
      id: 'wue',
      unit: 'L/kWh',
      low: 0.5,
      high: 2,
      waterOnly: true,
    });
  });

  it('a stated WUE carries no range', () => {
    const r = scenarioA({ wue_l_per_kwh: 1, assumptions: [a('wue_l_per_kwh', 0.5, 2, 'scenario', 'wue data')] });
    expect(byId(parametersOf(r, hostStage), 'wue')).toBeUndefined();
  });
});
