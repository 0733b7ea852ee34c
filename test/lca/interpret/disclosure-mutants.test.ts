// Killer tests for mutants of src/lca/interpret/disclosure.ts (issue 14): the SCI's texts and
// the energy disclosure's accelerator hours.
import { describe, expect, it } from 'vitest';
import { energyDisclosure, sci } from '../../../src/lca/interpret/disclosure.js';
import type { AssessResultLike } from '../../../src/lca/interpret/types.js';
import { inv, scenarioA } from './fixtures.js';

const stage = (over: object) => ({
  inferences: null,
  energy_kwh: 0,
  it_energy_kwh: 0,
  embodied_co2e_kg: 0,
  hours: null,
  energy_origin: 'logs',
  energy_scope: 'host',
  ...over,
});
const result = (stages: Record<string, object>) =>
  ({
    stages: Object.fromEntries(Object.entries(stages).map(([n, s]) => [n, stage(s)])),
    totals: { it_energy_kwh: 0, energy_kwh: 0 },
    per_functional_unit: { amortized_co2e_g: 7 },
  }) as unknown as AssessResultLike;

describe('sci', () => {
  it('names R by the functional unit and carries the whole note', () => {
    // R = 1e5 inferences / 1,000 per FU = 100; E = 2 kWh, I = 400 g/kWh, M = 0.5 kg = 500 g:
    // SCI = (2 × 400 + 500) / 100 = 13 g per FU.
    const s = sci(scenarioA(), result({ training: { energy_kwh: 50 }, inference: { inferences: 1e5, energy_kwh: 2, embodied_co2e_kg: 0.5 } }))!;
    expect(s.sci_g_per_fu).toBeCloseTo(13, 12);
    expect(s.r_unit).toBe('functional units (1,000 chat requests served)');
    expect(s.note).toBe(
      'SCI (ISO/IEC 21031:2024) = (E × I + M) / R over the per-inference stages, R = functional units served while measured: ' +
        'the requests served ÷ inferences per functional unit, where every request passes through each per-inference stage once ' +
        '(a retrieval and a generation stage of the same 1,000 requests serve 1,000 requests, not 2,000), as in the per-FU marginal and embodied terms; ' +
        'a stage measured over a different number of requests is scaled to the largest. ' +
        'SCI for AI does not amortise training: the up-front (experimentation + training) carbon per FU is shown separately and is not in this value.',
    );
  });

  it('is null without a per-inference stage', () => {
    expect(sci(scenarioA(), result({ training: { energy_kwh: 50 } }))).toBeNull();
  });

  it('is null, not Infinity, when R rounds to 0 (5e-324 inferences ÷ 1,000 per FU underflows)', () => {
    expect(5e-324 / 1000).toBe(0);
    expect(sci(scenarioA(), result({ inference: { inferences: 5e-324, energy_kwh: 2 } }))).toBeNull();
  });
});

describe('energyDisclosure: accelerator hours', () => {
  it('hours × the stage inventory count, else × hardware.count; null without hours', () => {
    const r = scenarioA({ hardware: { ...scenarioA().hardware, count: 4 } });
    const d = energyDisclosure(r, { counted: inv({ count: 2 }) }, result({ counted: { hours: 3 }, missing: { hours: 3 }, nohours: { hours: null } }));
    // counted: 3 h × 2 = 6; missing from the inventories: 3 h × hardware.count 4 = 12; no hours: null
    expect(d.stages.map((s) => [s.stage, s.accelerator_hours])).toEqual([
      ['counted', 6],
      ['missing', 12],
      ['nohours', null],
    ]);
  });
});
