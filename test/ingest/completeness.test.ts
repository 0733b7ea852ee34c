// A log that is read without error but holds no usable energy must say so (energy_kwh null and
// `incomplete` with a reason and a fix), never pass as 0 kWh: the stage it feeds is incomplete
// (issue 12). Rejected rows and values are listed in `rejected`; run identities in `runs`.
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/index.js';
import { fixture, fixtureIo, kwh } from './helpers.js';

async function ingest(rel: string, opts: { interval_s?: number } = {}) {
  return ingestFile(fixture(rel), opts, fixtureIo([rel], 4096), rel);
}

describe('a log without usable energy is incomplete, not 0 kWh', () => {
  it.each([
    // [fixture, code, reason fragment, fix fragment]
    ['nvidia-smi/power-only-no-timestamp.csv', 'no_timestamps', '120 power samples have no timestamp', 'interval_s'],
    ['nvidia-smi/all-na.csv', 'no_valid_values', '10 not available', '[N/A]'],
    ['nvidia-smi/all-nan.csv', 'no_valid_values', '10 not available', 'power column'],
    ['nvidia-smi/all-inf.csv', 'no_valid_values', '10 not available', 'power column'],
    ['nvidia-smi/all-overflow.csv', 'no_valid_values', '10 infinite', 'power column'],
    ['nvidia-smi/all-negative.csv', 'no_valid_values', '10 negative', 'power column'],
    ['nvidia-smi/single-sample.csv', 'single_sample', 'a single power sample', 'at least two samples'],
    ['nvidia-smi/identical-timestamps.csv', 'no_elapsed_time', 'all 1000 power samples share one timestamp', 'timestamp column'],
    ['codecarbon/header-only.csv', 'no_rows', 'header but no rows', 'tracker.stop()'],
  ])('%s -> %s', async (rel, code, reason, fix) => {
    const s = await ingest(rel);
    expect(s.energy_kwh).toBeNull();
    expect(s.incomplete?.code).toBe(code);
    expect(s.incomplete?.reason).toContain(reason);
    expect(s.incomplete?.fix).toContain(fix);
  });

  it('integrates the no-timestamp log once an interval is given (120 samples, 1 s apart)', async () => {
    const s = await ingest('nvidia-smi/power-only-no-timestamp.csv', { interval_s: 1 });
    expect(s.incomplete).toBeUndefined();
    // trapezoid over 650 + (i mod 7) W, i = 0..119, 1 s apart
    const w = Array.from({ length: 120 }, (_, i) => 650 + (i % 7));
    let j = 0;
    for (let i = 1; i < w.length; i++) j += (w[i - 1]! + w[i]!) / 2;
    expect(s.energy_kwh).toBeCloseTo(kwh(j), 12);
  });

  it('integrates a log written newest first: 700 W for one hour is 0.7 kWh, not 0', async () => {
    const s = await ingest('nvidia-smi/reversed.csv');
    expect(s.incomplete).toBeUndefined();
    expect(s.energy_kwh).toBeCloseTo(0.7, 12);
    expect(s.warnings.join('\n')).toContain('timestamps run backwards');
  });

  it('lists rejected rows with their first line (a negative CodeCarbon snapshot)', async () => {
    const s = await ingest('codecarbon/negative-last-row.csv');
    expect(s.rejected).toEqual([{ reason: 'negative energy_consumed', count: 1, first_line: 5 }]);
    // the row before it counts: 8.053655133333333 kWh at PUE 1.1
    expect(s.energy_kwh).toBeCloseTo(8.053655133333333 / 1.1, 12);
    expect(s.incomplete).toBeUndefined();
  });

  it('names the CodeCarbon run it holds, with the energy counted for it', async () => {
    const s = await ingest('codecarbon/negative-last-row.csv');
    expect(s.runs).toEqual([{ id: 'codecarbon:chat-7b-sft/0f6e4a52-8c1d-4d7e-9a3b-2b5c7e9d1f08', energy_kwh: 8.053655133333333 / 1.1 }]);
  });
});
