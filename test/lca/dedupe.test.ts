// The same run counts once (issue 12): across the files of a stage and across stages, by run
// id (CodeCarbon / eco2ai / Zeus), by device and time window (power logs), by exact copy and by
// path; each time with a warning naming both files.
import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/ingest/source.js';
import { countOnce } from '../../src/lca/dedupe.js';

function src(over: Partial<Source> & Pick<Source, 'path'>): Source {
  return {
    format: 'codecarbon',
    energy_kwh: 1,
    co2e_kg: null,
    water_l: null,
    duration_s: 3600,
    devices: [],
    rows: 1,
    rows_rejected: 0,
    logged_pue: null,
    warnings: [],
    scope: 'host',
    start: '2025-03-04T09:00:00.000Z',
    end: '2025-03-04T10:00:00.000Z',
    ...over,
  };
}

const RUN = 'codecarbon:chat-7b-sft/0f6e4a52-8c1d-4d7e-9a3b-2b5c7e9d1f08';

describe('countOnce', () => {
  it('a CodeCarbon run in two files of a stage counts once (9.762 kWh, not 19.52), naming both files', () => {
    const a = src({ path: 'runs/a/emissions.csv', energy_kwh: 9.762, runs: [{ id: RUN, energy_kwh: 9.762 }] });
    const b = src({ path: 'runs/copy/emissions.csv', energy_kwh: 9.762, runs: [{ id: RUN, energy_kwh: 9.762 }] });
    const r = countOnce({ training: [a, b] });
    expect(r.byStage.training!.map((s) => s.energy_kwh)).toEqual([9.762, 0]);
    expect(r.warnings).toEqual([
      'training: runs/copy/emissions.csv repeats run chat-7b-sft/0f6e4a52-8c1d-4d7e-9a3b-2b5c7e9d1f08 of runs/a/emissions.csv over the same time: counted once (9.762 kWh not added again)',
    ]);
  });

  it('keeps the later (larger) snapshot of a run: a stale copy adds nothing, a newer copy adds its increase', () => {
    const early = src({ path: 'early.csv', energy_kwh: 5, runs: [{ id: RUN, energy_kwh: 5 }] });
    const late = src({ path: 'late.csv', energy_kwh: 8, runs: [{ id: RUN, energy_kwh: 8 }] });
    const r = countOnce({ training: [early, late] });
    // 5 + (8 − 5) = 8 kWh: the run's last snapshot, once
    expect(r.byStage.training!.map((s) => s.energy_kwh)).toEqual([5, 3]);
    const other = src({ path: 'other.csv', energy_kwh: 3, runs: [{ id: 'codecarbon:p/other', energy_kwh: 3 }] });
    expect(countOnce({ training: [other, early] }).warnings).toEqual([]);
  });

  it('a run found in two stages counts in the first stage only', () => {
    const a = src({ path: 'train.csv', energy_kwh: 2, runs: [{ id: 'eco2ai:42', energy_kwh: 2 }] });
    const b = src({
      path: 'eval.csv',
      energy_kwh: 2.5,
      runs: [
        { id: 'eco2ai:42', energy_kwh: 2 },
        { id: 'eco2ai:43', energy_kwh: 0.5 },
      ],
    });
    const r = countOnce({ training: [a], evaluation: [b] });
    expect(r.byStage.evaluation![0]!.energy_kwh).toBeCloseTo(0.5, 12);
    expect(r.warnings[0]).toBe('evaluation: eval.csv repeats run 42 of train.csv (stage training) over the same time: counted once (2 kWh not added again)');
  });

  it('the same file named by two stages counts in the first, with no hours in the second', () => {
    const f = src({ path: 'runs/e.csv', energy_kwh: 4 });
    const r = countOnce({ training: [f], finetune: [f] });
    expect(r.byStage.training![0]).toBe(f);
    expect(r.byStage.finetune![0]).toMatchObject({ energy_kwh: 0, duration_s: null, start: null });
    expect(r.warnings).toEqual(['finetune: runs/e.csv is also a log of stage training: its energy is counted once, in training']);
  });

  it('power logs: the same GPU (UUID) over an overlapping window counts once, in proportion to the overlap', () => {
    const gpu = (path: string, start: string, end: string, kwh: number) =>
      src({
        path,
        format: 'nvidia-smi',
        scope: 'device',
        energy_kwh: kwh,
        start,
        end,
        devices: [{ id: 'GPU-1a2b3c4d-0000-1111-2222-333344445555', name: 'NVIDIA H100 80GB HBM3', energy_kwh: kwh, samples: 3600 }],
      });
    const a = gpu('node/a.csv', '2025-03-05T14:00:00.000Z', '2025-03-05T15:00:00.000Z', 0.7);
    // the second log covers 14:30–15:30: half of it (0.35 of its 0.7 kWh) repeats the first
    const b = gpu('node/b.csv', '2025-03-05T14:30:00.000Z', '2025-03-05T15:30:00.000Z', 0.7);
    const r = countOnce({ inference: [a, b] });
    expect(r.byStage.inference![1]!.energy_kwh).toBeCloseTo(0.35, 12);
    expect(r.warnings[0]).toContain('node/b.csv repeats device GPU-1a2b3c4d-0000-1111-2222-333344445555 of node/a.csv');
    // a later, disjoint window of the same GPU is a different run
    const c = gpu('node/c.csv', '2025-03-05T16:00:00.000Z', '2025-03-05T17:00:00.000Z', 0.7);
    expect(countOnce({ inference: [a, c] }).warnings).toEqual([]);
  });

  it('power logs of the same GPU that only touch (14:00–15:00, then 15:00–16:00) are two runs; a one-sample log inside a window repeats it', () => {
    const gpu = (path: string, start: string, end: string, kwh: number) =>
      src({
        path,
        format: 'nvidia-smi',
        scope: 'device',
        energy_kwh: kwh,
        start,
        end,
        devices: [{ id: 'GPU-1a2b3c4d-0000-1111-2222-333344445555', name: 'NVIDIA H100 80GB HBM3', energy_kwh: kwh, samples: 3600 }],
      });
    const a = gpu('node/a.csv', '2025-03-05T14:00:00.000Z', '2025-03-05T15:00:00.000Z', 0.7);
    const next = gpu('node/next.csv', '2025-03-05T15:00:00.000Z', '2025-03-05T16:00:00.000Z', 0.6);
    // adjacent, in either order: no shared time, 0.7 + 0.6 kWh both count
    for (const order of [
      [a, next],
      [next, a],
    ]) {
      const r = countOnce({ inference: order });
      expect(r.byStage.inference!.map((s) => s.energy_kwh)).toEqual(order.map((s) => s.energy_kwh));
      expect(r.warnings).toEqual([]);
    }
    // a log of one instant (start = end) at 14:30, inside a's window: all of its 0.01 kWh is a's
    const point = gpu('node/point.csv', '2025-03-05T14:30:00.000Z', '2025-03-05T14:30:00.000Z', 0.01);
    const r = countOnce({ inference: [a, point] });
    expect(r.byStage.inference![1]!.energy_kwh).toBe(0);
    expect(r.warnings).toEqual([
      'inference: node/point.csv repeats device GPU-1a2b3c4d-0000-1111-2222-333344445555 of node/a.csv over the same time: counted once (0.01 kWh not added again)',
    ]);
  });

  it('power logs without host or UUID: only an exact copy is recognised (per-host logs stay apart)', () => {
    const log = (path: string, kwh: number) =>
      src({ path, format: 'nvidia-smi', scope: 'device', energy_kwh: kwh, rows: 300, devices: [{ id: '0', name: 'H100', energy_kwh: kwh, samples: 300 }] });
    const r = countOnce({ inference: [log('runs/a/gpu.csv', 0.0913), log('runs/b/gpu.csv', 0.0913)] });
    expect(r.byStage.inference!.map((s) => s.energy_kwh)).toEqual([0.0913, 0]);
    expect(r.warnings).toEqual(['inference: runs/b/gpu.csv is a copy of runs/a/gpu.csv (same device, time window and samples): counted once']);
    // two hosts' logs of one job: same index 0, same window, different energy -> both count
    expect(countOnce({ inference: [log('node-a/gpu.csv', 0.09), log('node-b/gpu.csv', 0.08)] }).warnings).toEqual([]);
  });
});

describe('countOnce: device identity', () => {
  const dev = (path: string, host: string, uuid: string | undefined, kwh = 2) =>
    src({
      path,
      format: 'prometheus',
      scope: 'device',
      energy_kwh: kwh,
      devices: [{ id: `${host}/0`, host, ...(uuid ? { uuid } : {}), name: 'H100', energy_kwh: kwh, samples: 100 }],
    });

  it('the GPU UUID is the identity where both logs have it: same host/index with different UUIDs are different GPUs', () => {
    expect(countOnce({ a: [dev('p1', 'node-a', 'GPU-aaaa')], b: [dev('p2', 'node-a', 'GPU-bbbb')] }).warnings).toEqual([]);
    const same = countOnce({ a: [dev('p1', 'node-a', 'GPU-aaaa')], b: [dev('p2', 'node-x', 'GPU-aaaa')] });
    expect(same.byStage.b![0]!.energy_kwh).toBe(0);
  });

  it('without UUIDs, the same host and index over the same window is the same GPU', () => {
    // two queries of one GPU (another selector, a slightly different step): 1.9 and 2 kWh
    const r = countOnce({ a: [dev('p1', 'node-a', undefined, 2)], b: [dev('p2', 'node-a', undefined, 1.9)] });
    expect(r.byStage.b![0]!.energy_kwh).toBe(0);
    expect(r.warnings).toEqual(['b: p2 repeats device node-a/0 of p1 (stage a) over the same time: counted once (1.9 kWh not added again)']);
  });
});
