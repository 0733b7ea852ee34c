// Killer tests for mutants of src/lca/interpret/uncertainty.ts (issue 14): the exact lines of
// `not_covered` for each kind of input, and `propagate`'s parameter list, driven by hand-built
// stage results (only the fields notCovered reads) so each expected line follows from the rule.
import { describe, expect, it } from 'vitest';
import { notCovered } from '../../../src/lca/interpret/uncertainty.js';
import type { EnergyRange } from '../../../src/lca/interpret/measurement.js';
import type { StageResult } from '../../../src/report/card-schema.js';
import type { ResolvedScenario } from '../../../src/scenario/resolved.js';
import { scenarioA } from './fixtures.js';

const st = (over: Partial<StageResult>): StageResult =>
  ({ hours: 0, it_energy_kwh: 1, energy_origin: 'logs', energy_scope: 'host', ...over }) as StageResult;

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
