// Numbers that cannot be computed with are bad input (issue 12): subnormal scenario values
// (underflow), log values that add up to infinity, results that overflow.
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/index.js';
import { memoryIo } from '../../src/io.js';
import { checkResultsFinite, checkScenarioMagnitudes, checkSourcesFinite } from '../../src/lca/finite.js';
import type { Source } from '../../src/ingest/source.js';
import { Scenario } from '../../src/scenario/schema.js';
import { cc } from './inventory-helpers.js';
import { assessed, thrown } from './mutant-fixtures.js';

const base = {
  name: 'f',
  functional_unit: { description: 'x', inferences: 1 },
  deployment: { lifetime_inferences: 10 },
  hardware: { model: 'H100' },
};

describe('finite checks', () => {
  it('a subnormal scenario value (1e-320) underflows: InputError naming the field', () => {
    const s = Scenario.parse({ ...base, stages: { training: { energy_kwh: 1e-320 } } });
    const e = thrown(() => checkScenarioMagnitudes(s));
    expect(e.field).toBe('stages.training.energy_kwh');
    expect(e.got).toBe('1e-320');
    // the smallest normal double and 0 are fine
    expect(() => checkScenarioMagnitudes(Scenario.parse({ ...base, stages: { training: { energy_kwh: 2.2250738585072014e-308, hours: 0 } } }))).not.toThrow();
  });

  it('a log whose values add up to infinity is LOG_CORRUPT naming the file', async () => {
    // two eco2ai runs of 1e308 kWh each: each finite, their sum is not
    const text =
      'id,project_name,experiment_description,epoch,start_time,duration(s),power_consumption(kWh),CO2_emissions(kg),CPU_name,GPU_name,OS,region/country,cost\n' +
      'a,p,d,1,2024-01-01 00:00:00,10,1e308,1,cpu,gpu,Linux,US,\n' +
      'b,p,d,1,2024-01-01 00:00:00,10,1e308,1,cpu,gpu,Linux,US,\n';
    const src = await ingestFile('/w/e.csv', {}, memoryIo({ '/w/e.csv': text }), 'e.csv');
    expect(src.energy_kwh).toBe(Number.POSITIVE_INFINITY);
    const e = thrown(() => checkSourcesFinite([src]));
    expect(e.code).toBe('LOG_CORRUPT');
    expect(e.file).toBe('e.csv');
    expect(e.message).toBe('e.csv: expected energy values that add up to a finite number, got values so large that their total overflows to infinity');
  });
});

describe('checkResultsFinite: the field behind a result that overflowed', () => {
  const scenario = (over: Record<string, unknown>) =>
    Scenario.parse({ ...base, grid: { intensity_g_per_kwh: 400 }, pue: 1.5, hardware: { model: 'H100', count: 8 }, ...over });
  const check = (s: Scenario, sources: Record<string, Source[]> = {}) => thrown(() => checkResultsFinite(s, assessed(s, sources), sources));

  it('finite results pass', () => {
    const s = scenario({ stages: { training: { energy_kwh: 10, hours: 2 }, inference: { energy_kwh: 1, inferences: 100 } } });
    expect(() => checkResultsFinite(s, assessed(s), {})).not.toThrow();
  });

  it('energy_kwh 1e308 × PUE 1.5 overflows: the stage field, with the value', () => {
    const e = check(scenario({ stages: { training: { energy_kwh: 1e308 } } }));
    expect(e.code).toBe('SCENARIO_INVALID');
    expect(e.field).toBe('stages.training.energy_kwh');
    expect(e.got).toBe('1e+308');
    expect(e.expected).toBe('a number small enough to compute with (this stage’s energy, carbon or cost overflows to infinity)');
  });

  it('hours 1e308 × 8 × 0.7 kW overflows: the hours', () => {
    const e = check(scenario({ stages: { training: { hours: 1e308 } } }));
    expect(e.field).toBe('stages.training.hours');
    expect(e.got).toBe('1e+308');
  });

  it('only the cost overflows (gpu_hour_usd 1e308 × 8 GPUs × 10 h): still the stage, not the totals', () => {
    const e = check(scenario({ gpu_hour_usd: 1e308, stages: { training: { hours: 10 } } }));
    expect(e.field).toBe('stages.training.hours');
    expect(e.got).toBe('10');
  });

  it('a log of 1e308 kWh beside a small one: LOG_CORRUPT naming the bigger file', () => {
    const s = scenario({ stages: { training: { logs: ['runs/*.csv'] } } });
    const e = check(s, { training: [cc('runs/small.csv', 5), cc('runs/huge.csv', 1e308), cc('runs/tiny.csv', 1)] });
    expect(e.code).toBe('LOG_CORRUPT');
    expect(e.file).toBe('runs/huge.csv');
    expect(e.field).toBe('stage training');
    expect(e.expected).toBe('energy small enough to compute with');
    expect(e.got).toBe('1e+308 kWh, whose carbon overflows to infinity');
  });

  it('each stage finite, their sum not: the stages', () => {
    // 1e308 kWh × PUE 1 each; together 2e308 = ∞
    const e = check(scenario({ pue: 1, grid: { intensity_g_per_kwh: 1 }, wue_l_per_kwh: 0, stages: { a: { energy_kwh: 1e308 }, b: { energy_kwh: 1e308 } } }));
    expect(e.field).toBe('stages');
    expect(e.expected).toBe('stage values whose sum is a finite number');
    expect(e.got).toBe('values so large that the total overflows to infinity');
  });

  it('a functional unit so large that the per-unit figure overflows: the functional unit and lifetime', () => {
    // 1e10 kWh × 1.5 × 0.4 kg for 1 inference = 6e12 g each; × 1e300 inferences per unit = ∞
    const e = check(
      scenario({
        functional_unit: { description: 'x', inferences: 1e300 },
        deployment: { lifetime_inferences: 1e300 },
        stages: { inference: { energy_kwh: 1e10, inferences: 1 } },
      }),
    );
    expect(e.field).toBe('functional_unit.inferences');
    expect(e.got).toBe('1e+300 inferences per unit, 1e+300 over the lifetime');
    expect(e.expected).toBe('a functional unit and lifetime small enough that the per-unit and lifetime figures are finite numbers');
  });
});

describe('checkScenarioMagnitudes and checkSourcesFinite: where they look', () => {
  it('walks arrays and nested objects, naming the path', () => {
    const s = Scenario.parse({
      ...base,
      stages: { training: { energy_kwh: 1 } },
      budgets: [
        { metric: 'totals.co2e_kg', max: 1 },
        { metric: 'totals.co2e_kg', max: 1e-310 },
      ],
    });
    expect(thrown(() => checkScenarioMagnitudes(s)).field).toBe('budgets[1].max');
    expect(thrown(() => checkScenarioMagnitudes(s)).expected).toBe(
      'a number of ordinary size (0, or at least 1e-300): this one is so small that it underflows to 0 in the computation',
    );
  });

  it.each([
    ['co2e_kg', { co2e_kg: Number.POSITIVE_INFINITY }],
    ['a device', { devices: [{ id: '0', name: null, energy_kwh: Number.POSITIVE_INFINITY, samples: 1 }] }],
    ['NaN energy', { energy_kwh: Number.NaN }],
  ])('a source with %s not finite is LOG_CORRUPT', (_what, over) => {
    const ok: Source = {
      path: 'ok.csv',
      format: 'nvidia-smi',
      energy_kwh: 1,
      co2e_kg: null,
      water_l: null,
      duration_s: null,
      devices: [{ id: '0', name: null, energy_kwh: null, samples: 1 }],
      rows: 1,
      rows_rejected: 0,
      logged_pue: null,
      warnings: [],
    };
    expect(() => checkSourcesFinite([ok])).not.toThrow();
    expect(thrown(() => checkSourcesFinite([ok, { ...ok, path: 'bad.csv', ...over }])).file).toBe('bad.csv');
  });
});
