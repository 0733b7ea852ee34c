// Numbers that cannot be computed with are bad input (issue 12): subnormal scenario values
// (underflow), log values that add up to infinity, results that overflow.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { ingestFile } from '../../src/ingest/index.js';
import { memoryIo } from '../../src/io.js';
import { checkScenarioMagnitudes, checkSourcesFinite } from '../../src/lca/finite.js';
import { Scenario } from '../../src/scenario/schema.js';

const base = {
  name: 'f',
  functional_unit: { description: 'x', inferences: 1 },
  deployment: { lifetime_inferences: 10 },
  hardware: { model: 'H100' },
};

function thrown(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

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
