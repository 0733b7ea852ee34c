// assess() (lca/index.ts) at its edges: a resolved scenario without warnings, and host_overhead
// added to the boundary by whole-server logs (not by the scenario) in its place among the flows.
// Each test kills mutants Stryker left alive (`npm run mutate`).
import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/ingest/source.js';
import { assess, buildInventories } from '../../src/lca/index.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { Scenario, type ScenarioInput } from '../../src/scenario/schema.js';

function resolved(over: Partial<ScenarioInput>) {
  return resolveScenario(
    Scenario.parse({
      name: 'a',
      functional_unit: { description: 'x', inferences: 1 },
      deployment: { lifetime_inferences: 1000 },
      grid: { intensity_g_per_kwh: 100 },
      pue: 1.5,
      hardware: { model: 'X', count: 2, power_w: 500, embodied_kg: 150, host_embodied_kg: 2500, lifespan_years: 4 },
      stages: { training: { energy_kwh: 10, hours: 1 } },
      ...over,
    }),
  );
}

/** A CodeCarbon log: whole-server energy. */
const hostLog = (path: string, kwh: number): Source => ({
  path,
  format: 'codecarbon',
  scope: 'host',
  energy_kwh: kwh,
  co2e_kg: null,
  water_l: null,
  duration_s: 3600,
  devices: [],
  rows: 1,
  rows_rejected: 0,
  logged_pue: null,
  warnings: [],
  start: '2025-03-04T09:00:00.000Z',
  end: '2025-03-04T10:00:00.000Z',
});

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
