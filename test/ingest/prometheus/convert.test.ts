import { describe, expect, it } from 'vitest';
import type { MatrixSeries } from '../../../src/ingest/prometheus/client.js';
import { gpuIdentity, toSource, type ConvertInput } from '../../../src/ingest/prometheus/convert.js';

const T0 = 1773014400; // 2026-03-09T00:00:00Z
const STEP = 60;

/** A series on the step grid; null leaves a point out. Counter values in mJ, gauge in W. */
function series(metric: string, labels: Record<string, string>, values: Array<number | string | null>, from = 0): MatrixSeries {
  const out: Array<[number, string]> = [];
  values.forEach((v, i) => {
    if (v !== null) out.push([T0 + (from + i) * STEP, String(v)]);
  });
  return { metric: { __name__: metric, ...labels }, values: out };
}
const C = 'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION';
const G = 'DCGM_FI_DEV_POWER_USAGE';
const gpu = (host: string, g: number, extra: Record<string, string> = {}) => ({ Hostname: host, gpu: String(g), UUID: `GPU-${host}-${g}`, ...extra });

function input(counter: MatrixSeries[], gauge: MatrixSeries[] = [], points = 6): ConvertInput {
  return {
    counter,
    gauge,
    startMs: T0 * 1000,
    endMs: (T0 + (points - 1) * STEP) * 1000,
    step_s: STEP,
    path: 'prometheus:http://p:9090{}',
    selector: '{}',
    warnings: [],
  };
}
const J = (kwh: number | null | undefined) => (kwh ?? NaN) * 3.6e6;

describe('gpuIdentity', () => {
  it.each([
    [
      'dcgm-exporter labels',
      { Hostname: 'n1', gpu: '3', UUID: 'GPU-x', modelName: 'NVIDIA H100 80GB HBM3' },
      { host: 'n1', gpu: '3', uuid: 'GPU-x', name: 'NVIDIA H100 80GB HBM3' },
    ],
    ['kubernetes node label', { node: 'k8s-7', gpu: '0' }, { host: 'k8s-7', gpu: '0', uuid: null, name: null }],
    ['only the target instance (port dropped)', { instance: '10.0.0.5:9400', device: 'nvidia2' }, { host: '10.0.0.5', gpu: 'nvidia2', uuid: null, name: null }],
    ['nothing usable', {}, { host: 'unknown-host', gpu: 'unknown-gpu', uuid: null, name: null }],
  ])('%s', (_what, labels, want) => {
    expect(gpuIdentity(labels)).toEqual(want);
  });
});

describe('toSource', () => {
  it('sorts devices host/gpu numerically (gpu 10 after gpu 9)', () => {
    const s = [10, 9, 2].map((g) => series(C, gpu('n1', g), [0, 60_000, 120_000, 180_000, 240_000, 300_000]));
    const src = toSource(input(s));
    expect(src.devices.map((d) => d.id)).toEqual(['n1/2', 'n1/9', 'n1/10']);
    // 1 W for 300 s each
    expect(J(src.energy_kwh)).toBeCloseTo(900, 6);
  });

  it('prefers the counter when both exist; the gauge is not added on top', () => {
    const src = toSource(input([series(C, gpu('n1', 0), [0, 6e6, 12e6, 18e6, 24e6, 30e6])], [series(G, gpu('n1', 0), [1, 1, 1, 1, 1, 1])]));
    // counter: 30e6 mJ = 30,000 J (the gauge would say 300 J)
    expect(J(src.energy_kwh)).toBeCloseTo(30_000, 6);
    expect(src.warnings).toEqual([]);
    expect(src.rows).toBe(12);
  });

  it('two resets: the value after each drop counts from zero', () => {
    // increments: 10, [reset] 5, 10, [reset] 3, 10 (J × 1000 mJ) = 38 J
    const src = toSource(input([series(C, gpu('n1', 0), [100e3, 110e3, 5e3, 15e3, 3e3, 13e3])]));
    expect(J(src.energy_kwh)).toBeCloseTo(38, 9);
    expect(src.warnings).toEqual([
      'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION reset 2 time(s) on 1 GPU(s) (n1/0): DCGM or driver restart; counted from zero after each reset',
    ]);
  });

  it('rejects NaN, Inf and negative points and counts them', () => {
    const src = toSource(input([], [series(G, gpu('n1', 0), [100, 'NaN', 100, '+Inf', -5, 100])], 6));
    // kept: t=0, 120, 300 with 100 W; 0→120 is a 120 s hole > 1.5 × 60 s: not bridged; so are 120→300
    expect(src.rows_rejected).toBe(3);
    expect(src.devices[0]?.samples).toBe(3);
    expect(J(src.energy_kwh)).toBe(0);
    expect(src.warnings).toContain('DCGM_FI_DEV_POWER_USAGE has gaps not bridged on 1 GPU(s) (n1/0), 5 min in all: energy during them is missing');
  });

  it('warns when a GPU covers only part of the window', () => {
    // 6 points expected; node n1/1 reports only the first 3 (exporter died): 2 of 5 intervals
    const src = toSource(input([series(C, gpu('n1', 0), [0, 1e3, 2e3, 3e3, 4e3, 5e3]), series(C, gpu('n1', 1), [0, 1e3, 2e3])]));
    expect(src.warnings).toEqual([
      'samples cover only part of the 5 min job window on 1 GPU(s): n1/1 (2 min, 2026-03-09T00:00:00.000Z to 2026-03-09T00:02:00.000Z); energy outside is missing',
    ]);
  });

  it('one GPU scraped by two jobs is counted once, with a warning', () => {
    const a = series(C, { ...gpu('n1', 0), job: 'dcgm' }, [0, 1e3, 2e3, 3e3, 4e3, 5e3]);
    const b = series(C, { ...gpu('n1', 0), job: 'dcgm-dup' }, [0, 1e3, 2e3, 3e3, 4e3, 5e3]);
    const src = toSource(input([a, b]));
    expect(src.devices).toHaveLength(1);
    expect(J(src.energy_kwh)).toBeCloseTo(5, 9);
    expect(src.warnings).toEqual([
      'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION has more than one series for 1 GPU(s) (n1/0): scraped twice? kept the one with more samples; narrow the selector to one job',
    ]);
  });

  it('concatenates the chunks of a split query into one series (no double count at the seam)', () => {
    const first = series(C, gpu('n1', 0), [0, 1e3, 2e3]);
    const second = series(C, gpu('n1', 0), [2e3, 3e3, 4e3, 5e3], 2); // repeats the seam point
    const src = toSource(input([first, second]));
    expect(src.devices[0]?.samples).toBe(6);
    expect(J(src.energy_kwh)).toBeCloseTo(5, 9);
  });

  it('a GPU with one sample has no energy and says so', () => {
    const src = toSource(input([series(C, gpu('n1', 0), [0, 1e3, 2e3, 3e3, 4e3, 5e3]), series(C, gpu('n1', 1), [7e3])]));
    expect(src.devices[1]).toEqual({ id: 'n1/1', name: null, host: 'n1', uuid: 'GPU-n1-1', energy_kwh: null, samples: 0 });
    expect(src.warnings).toEqual([
      'fewer than 2 samples of DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION or DCGM_FI_DEV_POWER_USAGE in the job window for 1 GPU(s) (n1/1): no energy for them',
    ]);
  });

  it('one warning per kind for a big cluster, listing at most 8 GPUs', () => {
    // 20 GPUs on n1; 12 of them (gpu 0..11) export only the power gauge.
    const counters = Array.from({ length: 8 }, (_, i) => series(C, gpu('n1', 12 + i), [0, 1e3, 2e3, 3e3, 4e3, 5e3]));
    const gauges = Array.from({ length: 12 }, (_, i) => series(G, gpu('n1', i), [1, 1, 1, 1, 1, 1]));
    const src = toSource(input(counters, gauges));
    expect(src.warnings).toEqual([
      'no DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION series for 12 of 20 GPU(s) (n1/0, n1/1, n1/2, n1/3, n1/4, n1/5, n1/6, n1/7 and 4 more): energy integrated from DCGM_FI_DEV_POWER_USAGE (W, trapezoid at a 60 s step) instead',
    ]);
    // 8 × 5 J (counters) + 12 × 1 W × 300 s
    expect(J(src.energy_kwh)).toBeCloseTo(40 + 3600, 6);
  });

  it('successive series of one GPU (pod labels changed) are one history, not a duplicate', () => {
    const a = series(C, { ...gpu('n1', 0), pod: 'train-a' }, [0, 1e3, 2e3]);
    const b = series(C, { ...gpu('n1', 0), pod: 'train-b' }, [3e3, 4e3, 5e3], 3);
    const src = toSource(input([b, a]));
    expect(src.warnings).toEqual([]);
    expect(src.devices[0]?.samples).toBe(6);
    // 5,000 mJ over the whole window, the step between the two pods included
    expect(J(src.energy_kwh)).toBeCloseTo(5, 9);
  });

  it('flags a mean power no GPU can draw (a unit mix-up)', () => {
    // 3e9 "mJ" per 60 s = 50 kW on an H100 (TDP 700 W, limit 1.5 × 700 = 1,050 W)
    const s = series(C, gpu('n1', 0, { modelName: 'NVIDIA H100 80GB HBM3' }), [0, 3e9, 6e9, 9e9, 12e9, 15e9]);
    const src = toSource(input([s]));
    expect(src.warnings).toEqual([
      "implausible mean power on 1 GPU(s): n1/0 50000 W > 1.5 × TDP 700 W of NVIDIA H100 80GB HBM3; check the metric's unit (DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION is mJ) and that the selector picks one series per GPU",
    ]);
  });
});
