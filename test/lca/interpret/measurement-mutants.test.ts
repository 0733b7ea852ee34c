// Killer tests for Stryker survivors in src/lca/interpret/measurement.ts: the method each log
// format defaults to, the estimate branch (hours × power), the weight of a source in its stage,
// and the per-run noise (rejected rows, gaps, sample scatter) with their exact reason texts.
import { describe, expect, it } from 'vitest';
import { energyRanges, methodOf } from '../../../src/lca/interpret/measurement.js';
import { MEASUREMENT_UNCERTAINTY } from '../../../src/data/measurement.js';
import type { Source } from '../../../src/ingest/source.js';
import type { Assumption } from '../../../src/scenario/resolved.js';
import type { StageResult } from '../../../src/report/card-schema.js';
import { inv, scenarioA, source } from './fixtures.js';

const logs = { training: { energy_origin: 'logs' } as unknown as StageResult };

/** One stage "training" of `total` kWh read from `srcs`. */
function rangesOf(total: number, srcs: Source[], sourcePaths = srcs.map((s) => s.path)) {
  const inventories = { training: inv({ host_energy_kwh: total, origin: 'logs', sources: sourcePaths }) };
  return energyRanges(scenarioA({ stages: { training: { hours: 1 } } }), inventories, logs, srcs);
}

describe('methodOf without SOURCE.measurement', () => {
  it('codecarbon and eco2ai: software estimate; zeus: energy counter; others: power samples', () => {
    expect(methodOf(source({ path: 'a', format: 'codecarbon' }))).toBe('software_estimate');
    expect(methodOf(source({ path: 'a', format: 'eco2ai' }))).toBe('software_estimate');
    expect(methodOf(source({ path: 'a', format: 'zeus' }))).toBe('energy_counter');
    expect(methodOf(source({ path: 'a', format: 'nvidia-smi' }))).toBe('power_samples');
  });
});

describe('energyRanges: estimate stages (hours × power)', () => {
  const power = (low: number, high: number, origin: Assumption['origin']): Assumption => ({
    path: 'hardware.power_w',
    value: 700,
    unit: 'W',
    low,
    high,
    origin,
    source: 'power data',
    year: 2024,
  });
  const est = { training: { energy_origin: 'estimate' } as unknown as StageResult };
  const invs = () => ({ training: inv({ host_energy_kwh: 70, origin: 'estimate', hours: 100 }) });

  it('a defaulted power range 600–800 W around 700 W: low 600/700, high 800/700', () => {
    const r = scenarioA({ stages: { training: { hours: 100 } }, assumptions: [power(600, 800, 'default')] });
    const [x, ...rest] = energyRanges(r, invs(), est, []);
    expect(rest).toEqual([]);
    expect(x).toMatchObject({ stage: 'training', kind: 'measurement', systematic: true });
    expect(x?.low).toBeCloseTo(600 / 700, 12);
    expect(x?.high).toBeCloseTo(800 / 700, 12);
    expect(x?.reasons).toEqual(['hours × power estimate (power 600–800 W: power data)']);
  });

  it('a degenerate range 700–700 W: the rated-power ±37 %', () => {
    const r = scenarioA({ stages: { training: { hours: 100 } }, assumptions: [power(700, 700, 'default')] });
    const f = MEASUREMENT_UNCERTAINTY.rated_power_estimate;
    expect(energyRanges(r, invs(), est, [])).toEqual([
      { stage: 'training', kind: 'measurement', low: 1 - 0.37, high: 1 + 0.37, reasons: [`hours × power estimate ±37 % (${f.source})`], systematic: true },
    ]);
  });

  it('power 0 W: no range (nothing to scale)', () => {
    const base = scenarioA();
    const r = scenarioA({ stages: { training: { hours: 100 } }, hardware: { ...base.hardware, power_w: 0 }, assumptions: [power(600, 800, 'default')] });
    expect(energyRanges(r, invs(), est, [])).toEqual([]);
  });
});

describe('energyRanges: stages without ranges', () => {
  it('energy_kwh stated: no range even when the inventory lists a log', () => {
    const log = source({ path: 'l.csv', energy_kwh: 10, rows: 100, rows_rejected: 10 });
    const inventories = { training: inv({ host_energy_kwh: 10, origin: 'energy_kwh', sources: [log.path] }) };
    const stages = { training: { energy_origin: 'energy_kwh' } as unknown as StageResult };
    expect(energyRanges(scenarioA(), inventories, stages, [log])).toEqual([]);
  });

  it('a stage missing from the stage results is read from its logs', () => {
    const log = source({ path: 'l.csv', energy_kwh: 10 });
    const inventories = { training: inv({ host_energy_kwh: 10, origin: 'logs', sources: [log.path] }) };
    // nvidia-smi: sampled power ±5 %.
    const [r] = energyRanges(scenarioA(), inventories, {}, [log]);
    expect([r?.low, r?.high]).toEqual([expect.closeTo(0.95, 12), expect.closeTo(1.05, 12)]);
  });

  it('a listed path with no source is skipped', () => {
    expect(rangesOf(10, [], ['missing.csv'])).toEqual([]);
  });
});

describe('energyRanges: weight of a source in its stage', () => {
  it('two logs of 5 kWh in a 10 kWh stage each weigh 0.5', () => {
    // sensor: 0.5 × 5 % + 0.5 × 5 % = 5 %; rejected rows in a: 0.5 × (100 / 80 − 1) = 0.125.
    const a = source({ path: 'a.csv', energy_kwh: 5, rows: 100, rows_rejected: 20 });
    const b = source({ path: 'b.csv', energy_kwh: 5 });
    const [m, run] = rangesOf(10, [a, b]);
    expect([m?.low, m?.high]).toEqual([expect.closeTo(0.95, 12), expect.closeTo(1.05, 12)]);
    expect(run).toMatchObject({ kind: 'per run', low: 1, systematic: false, reasons: ['20 of 100 rows rejected in a.csv'] });
    expect(run?.high).toBeCloseTo(1.125, 12);
  });

  it('a log without energy weighs 1 and carries no sensor range', () => {
    // w = 1: high = 1 + (100 / 90 − 1) = 1.111…; no measurement range (no energy, no estimate).
    const a = source({ path: 'a.csv', energy_kwh: null, rows: 100, rows_rejected: 10 });
    const ranges = rangesOf(10, [a]);
    expect(ranges).toHaveLength(1);
    expect(ranges[0]).toMatchObject({ kind: 'per run', low: 1, reasons: ['10 of 100 rows rejected in a.csv'] });
    expect(ranges[0]?.high).toBeCloseTo(100 / 90, 12);
  });

  it('a zero-energy stage: a log of 0 kWh weighs 1', () => {
    // total 0: w = 1, high = 1 + (100 / 50 − 1) = 2.
    const a = source({ path: 'a.csv', energy_kwh: 0, rows: 100, rows_rejected: 50 });
    expect(rangesOf(0, [a])).toEqual([
      { stage: 'training', kind: 'per run', low: 1, high: 2, reasons: ['50 of 100 rows rejected in a.csv'], systematic: false },
    ]);
  });
});

describe('energyRanges: estimated parts', () => {
  it('an estimate in a zero-energy stage adds nothing', () => {
    const a = source({ path: 'm.jsonl', format: 'ml-lca-measure', energy_kwh: 0, estimated: { energy_kwh: 0, low_kwh: 0, high_kwh: 1, method: 'x' } });
    expect(rangesOf(0, [a])).toEqual([]);
  });

  it('an estimate with a zero stage total: the measured part is the whole log (±5 %)', () => {
    const a = source({ path: 'm.jsonl', format: 'ml-lca-measure', energy_kwh: 1, estimated: { energy_kwh: 0.5, low_kwh: 0.4, high_kwh: 0.6, method: 'x' } });
    const [r, ...rest] = rangesOf(0, [a]);
    expect(rest).toEqual([]);
    expect([r?.low, r?.high]).toEqual([expect.closeTo(0.95, 12), expect.closeTo(1.05, 12)]);
  });

  it('an all-estimated log with only an upside: low 1, high 1 + (3 − 2) / 2', () => {
    const a = source({ path: 'm.jsonl', format: 'ml-lca-measure', energy_kwh: 2, estimated: { energy_kwh: 2, low_kwh: 2, high_kwh: 3, method: 'x' } });
    const [r] = rangesOf(2, [a]);
    expect(r).toMatchObject({ kind: 'measurement', low: 1, high: 1.5 });
  });

  it('an all-estimated log with only a downside: low 1 − (2 − 1) / 2, high 1', () => {
    const a = source({ path: 'm.jsonl', format: 'ml-lca-measure', energy_kwh: 2, estimated: { energy_kwh: 2, low_kwh: 1, high_kwh: 2, method: 'x' } });
    const [r] = rangesOf(2, [a]);
    expect(r).toMatchObject({ kind: 'measurement', low: 0.5, high: 1 });
  });
});

describe('energyRanges: per-run noise', () => {
  it('rejected rows without a measurement record still give a per-run range', () => {
    // high = 1 + (100 / 80 − 1) = 1.25.
    const a = source({ path: 'a.csv', energy_kwh: 1, rows: 100, rows_rejected: 20 });
    const run = rangesOf(1, [a]).find((r) => r.kind === 'per run');
    expect(run).toMatchObject({ low: 1, high: 1.25, reasons: ['20 of 100 rows rejected in a.csv'] });
  });

  it('a zero sampling uncertainty adds no scatter reason', () => {
    const a = source({
      path: 'a.csv',
      energy_kwh: 1,
      rows: 100,
      rows_rejected: 20,
      measurement: { method: 'power_samples', interval_s: 1, sampling_rel_u: 0 },
    });
    const run = rangesOf(1, [a]).find((r) => r.kind === 'per run');
    expect(run?.reasons).toEqual(['20 of 100 rows rejected in a.csv']);
  });

  it('scatter without an interval: ±k·u and its exact text', () => {
    // k = 2, u = 0.01: ±2 %.
    const a = source({ path: 'a.csv', energy_kwh: 1, measurement: { method: 'power_samples', interval_s: null, sampling_rel_u: 0.01 } });
    const run = rangesOf(1, [a]).find((r) => r.kind === 'per run');
    expect(run?.reasons).toEqual(['a.csv: scatter of the power samples, ±2 % (GUM Type A, k = 2)']);
    expect([run?.low, run?.high]).toEqual([expect.closeTo(0.98, 12), expect.closeTo(1.02, 12)]);
  });

  it('every row rejected: no division by zero, no per-run range', () => {
    const a = source({ path: 'a.csv', energy_kwh: 1, rows: 10, rows_rejected: 10 });
    expect(rangesOf(1, [a]).map((r) => r.kind)).toEqual(['measurement']);
  });

  it('a gap of 12.25 s in a 100 s log: +12.25 %', () => {
    const a = source({ path: 'a.csv', energy_kwh: 1, duration_s: 100, warnings: ['gpu0: 1 gap(s) longer than 5 s not bridged (12.25 s in all; x)'] });
    const run = rangesOf(1, [a]).find((r) => r.kind === 'per run');
    expect(run?.reasons).toEqual(['gap in a.csv']);
    expect(run?.high).toBeCloseTo(1.1225, 12);
  });

  it('a gap written "30s in all" (no space): +30 % of 100 s', () => {
    const a = source({ path: 'a.csv', energy_kwh: 1, duration_s: 100, warnings: ['gpu0: 1 gap(s) longer than 5 s not bridged (30s in all)'] });
    expect(rangesOf(1, [a]).find((r) => r.kind === 'per run')?.high).toBeCloseTo(1.3, 12);
  });

  it('a gap in a log of zero duration: the unquantified +5 %', () => {
    const a = source({ path: 'a.csv', energy_kwh: 1, duration_s: 0, warnings: ['gpu0: 1 gap(s) longer than 5 s not bridged (30 s in all)'] });
    expect(rangesOf(1, [a]).find((r) => r.kind === 'per run')?.high).toBeCloseTo(1.05, 12);
  });

  it('a gap in a log with a negative duration (timestamps out of order): the unquantified +5 %, not a negative share', () => {
    const a = source({ path: 'a.csv', energy_kwh: 1, duration_s: -100, warnings: ['gpu0: 1 gap(s) longer than 5 s not bridged (30 s in all)'] });
    expect(rangesOf(1, [a]).find((r) => r.kind === 'per run')?.high).toBeCloseTo(1.05, 12);
  });
});
