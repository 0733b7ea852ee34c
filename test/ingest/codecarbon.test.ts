// CodeCarbon emissions.csv: one fixture per header layout (1.0 … 3.2.1), all holding the same two
// runs, so the same hand-computed answer must come out of every layout:
//   run A: cpu 0.1 + gpu 2.0 + ram 0.06 = 2.16 kWh at the IT equipment, 3600 s
//   run B: cpu 0.05 + gpu 0.9 + ram 0.03 = 0.98 kWh, 1800 s
//   logged energy_consumed = IT × pue (pue 1.2 where the layout has the column, else 1);
//   emissions = logged energy × 0.056 kg/kWh.
// energy_kwh has the logged PUE divided out (IT energy); co2e_kg is the emissions as the file
// reports them, PUE included (design.md: "the emissions the file itself reports").
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/index.js';
import { InputError } from '../../src/errors.js';
import { fixture, fixtureIo } from './helpers.js';

const IT_KWH = 2.16 + 0.98;
const layouts: Array<[string, number, number | null, number | null]> = [
  // file, columns, logged_pue, water (L: CodeCarbon's water_consumed = logged energy × wue 0.5, kept as logged)
  // emissions as logged = IT × (logged_pue ?? 1) × 0.056
  ['v1.0-experiment-id.csv', 12, null, null],
  ['v1.x-alphabetical.csv', 29, null, null],
  ['v2.0-run-id.csv', 29, null, null],
  ['v2.2-experiment-and-run-id.csv', 30, null, null],
  ['v2.3-pue-column.csv', 31, 1.2, null],
  ['v2.4-experiment-id.csv', 32, 1.2, null],
  ['v3.0.8-water-wue.csv', 34, 1.2, IT_KWH * 1.2 * 0.5],
  ['v3.2.1-utilisation.csv', 38, 1.2, IT_KWH * 1.2 * 0.5],
];

describe('CodeCarbon layouts', () => {
  it.each(layouts)('%s (%i columns)', async (file, ncols, pue, water) => {
    const rel = `codecarbon/${file}`;
    const io = fixtureIo([rel], 64);
    const text = (await io.readText(fixture(rel))).split('\n')[0] ?? '';
    expect(text.split(',')).toHaveLength(ncols);
    const s = await ingestFile(fixture(rel), {}, io, rel);
    expect(s.format).toBe('codecarbon');
    expect(s.scope).toBe('host');
    expect(s.energy_kwh).toBeCloseTo(IT_KWH, 12);
    expect(s.co2e_kg).toBeCloseTo(IT_KWH * (pue ?? 1) * 0.056, 12);
    expect(s.logged_pue).toBe(pue);
    if (water === null) expect(s.water_l).toBeNull();
    else expect(s.water_l).toBeCloseTo(water, 12);
    expect(s.duration_s).toBe(5400);
    expect(s.rows).toBe(2);
    expect(s.start).toBe('2024-03-01T11:00:00.000Z');
    expect(s.end).toBe('2024-03-01T13:00:00.000Z');
    if (ncols > 12) expect(s.devices.find((d) => d.id === 'gpu')?.energy_kwh).toBeCloseTo(2.9, 12);
  });
});

describe('CodeCarbon quirks', () => {
  it('counts the last cumulative snapshot per run_id once and ignores exact duplicates', async () => {
    const rel = 'codecarbon/cumulative-snapshots.csv';
    const s = await ingestFile(fixture(rel), {}, fixtureIo([rel]), rel);
    // run 1: snapshots 0.0906, 0.1812, 0.2718 (+ duplicate) -> 0.2718; run 2: 0.0604
    expect(s.energy_kwh).toBeCloseTo(0.2718 + 0.0604, 12);
    expect(s.co2e_kg).toBeCloseTo(0.1287 + 0.0286, 12);
    expect(s.duration_s).toBe(2700 + 600);
    expect(s.logged_pue).toBe(1);
    expect(s.warnings.join('\n')).toMatch(/2 earlier cumulative snapshot/);
    expect(s.warnings.join('\n')).toMatch(/1 exact duplicate/);
  });

  it('two runs writing snapshots into one file, interleaved: the last row of each run_id counts once', async () => {
    // Run a: 0.1, 0.2, 0.3 kWh (cumulative; last at 10:20, 1,800 s); run b: 0.05, 0.08 kWh (last at
    // 10:15, 900 s). Both share CodeCarbon's default experiment_id, so only run_id tells them apart.
    // Energy 0.3 + 0.08 = 0.38 kWh; emissions as logged 0.12 + 0.032 = 0.152 kg; GPU 0.255 + 0.064 kWh.
    const rel = 'codecarbon/interleaved-runs.csv';
    const s = await ingestFile(fixture(rel), {}, fixtureIo([rel]), rel);
    expect(s.energy_kwh).toBeCloseTo(0.3 + 0.08, 12);
    expect(s.co2e_kg).toBeCloseTo(0.12 + 0.032, 12);
    expect(s.duration_s).toBe(1800 + 900);
    expect(s.devices.find((d) => d.id === 'gpu')?.energy_kwh).toBeCloseTo(0.255 + 0.064, 12);
    // a started at 10:20 − 1,800 s = 09:50; the last row is 10:20
    expect(s.start).toBe('2024-06-10T09:50:00.000Z');
    expect(s.end).toBe('2024-06-10T10:20:00.000Z');
    expect(s.runs).toEqual([
      { id: 'codecarbon:sweep/aaaaaaaa-1111-4aaa-8aaa-00000000000a', energy_kwh: 0.3 },
      { id: 'codecarbon:sweep/bbbbbbbb-2222-4bbb-8bbb-00000000000b', energy_kwh: 0.08 },
    ]);
    // 5 rows − 2 runs = 3 superseded snapshots
    expect(s.warnings.join('\n')).toMatch(/3 earlier cumulative snapshot/);
  });

  it('runs logged at different PUEs: each divided out, logged_pue is their energy-weighted mean', async () => {
    // Run A logged 2.592 kWh at PUE 1.2 (2.16 kWh IT); run B 1.47 kWh at PUE 1.5 (0.98 kWh IT).
    // IT energy 2.16 + 0.98 = 3.14 kWh; logged_pue = (2.592 + 1.47) / 3.14 = 4.062 / 3.14 = 1.29363…
    // (not the first run's 1.2, nor the plain mean 1.35). Emissions as logged: 0.145152 + 0.08232 kg.
    const rel = 'codecarbon/mixed-pue.csv';
    const s = await ingestFile(fixture(rel), {}, fixtureIo([rel]), rel);
    expect(s.energy_kwh).toBeCloseTo(2.16 + 0.98, 12);
    expect(s.logged_pue).toBeCloseTo(4.062 / 3.14, 12);
    expect(s.logged_pue!.toFixed(4)).toBe('1.2936');
    expect(s.co2e_kg).toBeCloseTo(0.145152 + 0.08232, 12);
    // GPU: 2.4 / 1.2 + 1.35 / 1.5 = 2.0 + 0.9 kWh
    expect(s.devices.find((d) => d.id === 'gpu')?.energy_kwh).toBeCloseTo(2.9, 12);
    expect(s.warnings).toContain('runs logged different PUEs (1.2, 1.5); each divided out; logged_pue is their energy-weighted mean');
  });

  it('reads padded cells, CRLF, empty cells, scientific notation and non-ASCII regions; divides the logged PUE out', async () => {
    const rel = 'codecarbon/padded-crlf-sci.csv';
    const s = await ingestFile(fixture(rel), {}, fixtureIo([rel], 5), rel);
    // 1.308E-01 / 1.2 + 6e-02 / 1.2; emissions only on the first run, as logged: 1.5E-01
    expect(s.energy_kwh).toBeCloseTo(0.1308 / 1.2 + 0.06 / 1.2, 12);
    expect(s.co2e_kg).toBeCloseTo(0.15, 12);
    expect(s.logged_pue).toBe(1.2);
    expect(s.duration_s).toBe(7200 + 3600);
    expect(s.devices.map((d) => d.id).sort()).toEqual(['cpu', 'ram']);
    expect(s.warnings.join('\n')).toMatch(/logged PUE 1.2 divided out of energy_consumed .*; emissions kept as logged/);
  });

  it('rejects negative and non-numeric energy and flags an absurd mean power', async () => {
    const rel = 'codecarbon/negative-absurd.csv';
    const s = await ingestFile(fixture(rel), {}, fixtureIo([rel]), rel);
    expect(s.rows).toBe(4);
    expect(s.rows_rejected).toBe(2);
    expect(s.energy_kwh).toBeCloseTo(0.3 + 5000, 9);
    const w = s.warnings.join('\n');
    expect(w).toMatch(/negative energy_consumed \(line 3\)/);
    expect(w).toMatch(/not a number \(line 5\)/);
    expect(w).toMatch(/line 4: energy_consumed 5000 kWh in 60 s .* implausible/);
  });

  it('names the missing energy_consumed column (exit 2)', async () => {
    const rel = 'codecarbon/missing-energy-column.csv';
    const err = await ingestFile(fixture(rel), {}, fixtureIo([rel]), rel).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe('LOG_CORRUPT');
    expect((err as InputError).message).toMatch(/missing-energy-column.csv: line 1: energy_consumed/);
  });
});
