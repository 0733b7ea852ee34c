// The finite checks (lca/finite.ts) at their edges: the error code of each check, a scenario
// object holding null, and which field is named when a stage's logs cannot be blamed. Each test
// kills mutants Stryker left alive (`npm run mutate`).
import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/ingest/source.js';
import { checkResultsFinite, checkScenarioMagnitudes } from '../../src/lca/finite.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { PROMETHEUS } from './inventory-helpers.js';
import { assessed, hostLog, scenario, thrown } from './mutant-fixtures.js';

describe('finite checks: error codes', () => {
  it('a subnormal scenario value is SCENARIO_INVALID', () => {
    const s = scenario({ stages: { training: { energy_kwh: 1e-320 } } });
    expect(thrown(() => checkScenarioMagnitudes(s)).code).toBe('SCENARIO_INVALID');
  });

  it('a null anywhere in the scenario object is passed over, not walked into', () => {
    const s = scenario({ stages: { training: { energy_kwh: 1 } } });
    const withNull = { ...s, notes: null, stages: { training: { energy_kwh: 1, extra: [null, { x: null }] } } } as unknown as Scenario;
    expect(() => checkScenarioMagnitudes(withNull)).not.toThrow();
  });

  it('stages finite but their sum not (1e308 kWh twice), and a per-unit figure that overflows: SCENARIO_INVALID', () => {
    const sum = scenario({ pue: 1, grid: { intensity_g_per_kwh: 1 }, wue_l_per_kwh: 0, stages: { a: { energy_kwh: 1e308 }, b: { energy_kwh: 1e308 } } });
    const e1 = thrown(() => checkResultsFinite(sum, assessed(sum, {}), {}));
    expect([e1.code, e1.field]).toEqual(['SCENARIO_INVALID', 'stages']);
    // 1e10 kWh × 100 g/kWh = 1e12 g per inference; × 1e300 inferences per unit = ∞
    const fu = scenario({
      functional_unit: { description: 'x', inferences: 1e300 },
      deployment: { lifetime_inferences: 1e300 },
      stages: { inference: { energy_kwh: 1e10, inferences: 1 } },
    });
    const e2 = thrown(() => checkResultsFinite(fu, assessed(fu, {}), {}));
    expect([e2.code, e2.field]).toEqual(['SCENARIO_INVALID', 'functional_unit.inferences']);
  });
});

describe('checkResultsFinite: when the logs are not to blame', () => {
  it('logs that gave no energy, energy_kwh 1e308 counted in their place: the energy_kwh field, not the log', () => {
    // 1e308 kWh × PUE 1.5 = ∞
    const s = scenario({ pue: 1.5, stages: { training: { logs: ['runs/*.csv'], energy_kwh: 1e308 } } });
    const sources = { training: [hostLog('runs/empty.csv', null)] };
    const result = assessed(s, sources);
    expect(result.stages.training!.energy_origin).toBe('energy_kwh');
    const e = thrown(() => checkResultsFinite(s, result, sources));
    expect([e.code, e.field, e.got]).toEqual(['SCENARIO_INVALID', 'stages.training.energy_kwh', '1e+308']);
  });

  it('a stage measured by logs that are not passed to the check: the scenario field (hours 1e308), not a file', () => {
    // 2 accelerators × 1e308 h of embodied carbon overflows; the stage's energy came from runs/a.csv
    const hardware = { model: 'X', count: 2, power_w: 500, embodied_kg: 150, lifespan_years: 4 };
    const s = scenario({ hardware, stages: { training: { logs: ['runs/*.csv'], hours: 1e308 } } });
    const result = assessed(s, { training: [hostLog('runs/a.csv', 1)] });
    expect(result.stages.training!.energy_origin).toBe('logs');
    for (const sources of [{}, { training: [] }] as Record<string, Source[]>[]) {
      const e = thrown(() => checkResultsFinite(s, result, sources));
      expect([e.code, e.field, e.got]).toEqual(['SCENARIO_INVALID', 'stages.training.hours', '1e+308']);
    }
  });
});

describe('checkResultsFinite: a Prometheus answer too large to compute with', () => {
  it('names the query source (LOG_CORRUPT), not stages.<s>.inferences', () => {
    // 1e306 kWh from the query × PUE 1.5 × 400 g/kWh = 6e308 g: ∞
    const s = scenario({ pue: 1.5, grid: { intensity_g_per_kwh: 400 }, stages: { training: { prometheus: PROMETHEUS } } });
    const prom: Source = { ...hostLog('prometheus:DCGM_FI_DEV_POWER_USAGE', 1e306), format: 'prometheus', scope: 'device' };
    const sources = { training: [prom] };
    const result = assessed(s, sources);
    expect(result.stages.training!.energy_origin).toBe('prometheus');
    const e = thrown(() => checkResultsFinite(s, result, sources));
    expect([e.code, e.file, e.field]).toEqual(['LOG_CORRUPT', 'prometheus:DCGM_FI_DEV_POWER_USAGE', 'stage training']);
    expect(e.got).toBe('1e+306 kWh, whose carbon overflows to infinity');
  });
});
