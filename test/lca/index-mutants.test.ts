// assess() (lca/index.ts) at its edges: a resolved scenario without warnings, and host_overhead
// added to the boundary by whole-server logs (not by the scenario) in its place among the flows.
// Each test kills mutants Stryker left alive (`npm run mutate`).
import { describe, expect, it } from 'vitest';
import { assess, buildInventories } from '../../src/lca/index.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { hostLog, scenario } from './mutant-fixtures.js';

/** PUE 1.5 and embodied carbon of the accelerators and their server: those flows in the boundary. */
const resolved = (over: Partial<ScenarioInput>) =>
  resolveScenario(
    scenario({ pue: 1.5, hardware: { model: 'X', count: 2, power_w: 500, embodied_kg: 150, host_embodied_kg: 2500, lifespan_years: 4 }, ...over }),
  );

describe('assess: warnings and boundary', () => {
  it('a resolved scenario without a warnings list: only the stages’ warnings', () => {
    const { warnings: _none, ...r } = resolved({});
    const inv = { ...buildInventories(r, {}).training!, warnings: ['training: a stage warning'] };
    expect(assess(r, { training: inv }).warnings).toEqual(['training: a stage warning']);
  });

  it('whole-server logs add host_overhead to the boundary, second after device_energy, even beside a device-only stage', () => {
    // no energy_kwh stage and it_overhead_factor 1: the scenario alone puts no host_overhead in the boundary
    const r = resolved({
      wue_l_per_kwh: 0.5,
      electricity_usd_per_kwh: 0.1,
      grid: { intensity_g_per_kwh: 100, water_intensity_l_per_kwh: 2 },
      stages: { training: { logs: ['runs/*.csv'] }, evaluation: { hours: 1 } },
    });
    expect(r.boundary.flows).toEqual(['device_energy', 'facility_overhead', 'embodied', 'embodied_host', 'water_onsite', 'water_offsite', 'cost']);
    const res = assess(r, buildInventories(r, { training: [hostLog('runs/cc.csv', 5)] }));
    expect(res.boundary.flows).toEqual([
      'device_energy',
      'host_overhead',
      'facility_overhead',
      'embodied',
      'embodied_host',
      'water_onsite',
      'water_offsite',
      'cost',
    ]);
    // the same stages without the log: no whole-server energy, no host_overhead
    expect(assess(r, buildInventories(r, {})).boundary.flows).toEqual(r.boundary.flows);
  });
});
