// The measured-energy range of a stage whose log holds an ESTIMATE (ml-lca measure without RAPL):
// the estimate's own low/high range widens the stage's range by its share of the stage energy,
// and the measured rest carries the sensor's ±5 % (src/data/measurement.ts). Both are systematic
// (the same model and sensor in every run): the `measurement` range, not per-run noise.
import { describe, expect, it } from 'vitest';
import { energyRanges } from '../../../src/lca/interpret/measurement.js';
import type { StageResult } from '../../../src/report/card-schema.js';
import { inv, scenarioA, source } from './fixtures.js';

describe('energyRanges with an estimated part', () => {
  it('widens low and high by the estimate range over the stage energy, the measured rest by ±5 %', () => {
    // Stage: 10 kWh from one measure log, 2 kWh of it estimated with range 1–3.5 kWh; 8 kWh measured.
    // low = 1 − (2 − 1) / 10 − 0.05 × 8 / 10 = 0.86; high = 1 + (3.5 − 2) / 10 + 0.05 × 8 / 10 = 1.19.
    const log = source({
      path: 'ml-lca-out/measure-1-1.jsonl',
      format: 'ml-lca-measure',
      scope: 'host',
      energy_kwh: 10,
      estimated: { energy_kwh: 2, low_kwh: 1, high_kwh: 3.5, method: 'CPU: estimate' },
    });
    const inventories = { training: inv({ host_energy_kwh: 10, origin: 'logs', sources: [log.path] }) };
    const stages = { training: { energy_origin: 'logs' } as unknown as StageResult };
    const ranges = energyRanges(scenarioA({ stages: { training: { hours: 1 } } }), inventories, stages, [log]);
    expect(ranges).toHaveLength(1);
    const [r] = ranges;
    expect(r).toMatchObject({ stage: 'training', kind: 'measurement', systematic: true });
    expect(r?.low).toBeCloseTo(0.86, 12);
    expect(r?.high).toBeCloseTo(1.19, 12);
    expect(r?.reasons[0]).toBe('estimated CPU/memory power in ml-lca-out/measure-1-1.jsonl (1.00–3.50 kWh)');
    expect(r?.reasons[1]).toMatch(/^ml-lca-out\/measure-1-1\.jsonl: sampled power, GPU sensor ±5 %/);
  });

  it('a measured log (no estimate) carries the sensor ±5 % only', () => {
    const log = source({ path: 'm.jsonl', format: 'ml-lca-measure', scope: 'host', energy_kwh: 10 });
    const inventories = { training: inv({ host_energy_kwh: 10, origin: 'logs', sources: [log.path] }) };
    const [r] = energyRanges(
      scenarioA({ stages: { training: { hours: 1 } } }),
      inventories,
      { training: { energy_origin: 'logs' } as unknown as StageResult },
      [log],
    );
    expect([r?.low, r?.high]).toEqual([expect.closeTo(0.95, 12), expect.closeTo(1.05, 12)]);
  });
});
