// countOnce (lca/dedupe.ts) at its edges: which device ids are an identity, which logs are
// compared by device, windows without a start or end, a point on a window's edge, the content
// fingerprint's separators, what a source counted elsewhere keeps, later run snapshots, and the
// exact warning texts. Each test kills mutants Stryker left alive (`npm run mutate`).
import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/ingest/source.js';
import { countOnce } from '../../src/lca/dedupe.js';

const UUID = 'GPU-1a2b3c4d-0000-1111-2222-333344445555';
/** 2025-03-05 at hh:mm, UTC. */
const at = (hh: number, mm = 0) => `2025-03-05T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00.000Z`;

/** A one-GPU power log (device scope), 14:00–15:00, 0.7 kWh, unless `over` says otherwise. */
function gpuLog(path: string, over: Partial<Source> = {}, device: Partial<Source['devices'][number]> = {}): Source {
  const energy = over.energy_kwh === undefined ? 0.7 : over.energy_kwh;
  return {
    path,
    format: 'nvidia-smi',
    energy_kwh: energy,
    co2e_kg: null,
    water_l: null,
    duration_s: 3600,
    devices: [{ id: UUID, name: 'NVIDIA H100 80GB HBM3', energy_kwh: energy, samples: 3600, ...device }],
    rows: 3600,
    rows_rejected: 0,
    logged_pue: null,
    warnings: [],
    scope: 'device',
    start: at(14),
    end: at(15),
    ...over,
  };
}

describe('countOnce: which device ids are the same physical GPU', () => {
  it('an id that is a bare UUID (no GPU- prefix, no host) is an identity: the second log over the same hour repeats it', () => {
    const id = '1a2b3c4d-0000-1111-2222-333344445555';
    const r = countOnce({ inference: [gpuLog('a.csv', {}, { id }), gpuLog('b.csv', { energy_kwh: 0.6 }, { id })] });
    // same hour: all of b's 0.6 kWh is a's
    expect(r.byStage.inference!.map((s) => s.energy_kwh)).toEqual([0.7, 0]);
    expect(r.warnings).toEqual([`inference: b.csv repeats device ${id} of a.csv over the same time: counted once (0.6 kWh not added again)`]);
  });

  it('an id that only carries a UUID-like part after a label is no identity without a host: both logs count', () => {
    for (const id of ['x-GPU-1a2b3c4d-slot0', 'node7-1a2b3c4d-0000-1111-2222-333344445555']) {
      const r = countOnce({ inference: [gpuLog('a.csv', {}, { id }), gpuLog('b.csv', { energy_kwh: 0.6 }, { id })] });
      expect(r.byStage.inference!.map((s) => s.energy_kwh)).toEqual([0.7, 0.6]);
      expect(r.warnings).toEqual([]);
    }
  });

  it('a host-qualified id is shown whole in the warning, even when it contains "uuid:" (a host:port instance)', () => {
    const dev = { id: 'dcgm-uuid:9400/0', host: 'dcgm-uuid:9400' };
    const r = countOnce({ inference: [gpuLog('a.csv', {}, dev), gpuLog('b.csv', { energy_kwh: 0.6 }, dev)] });
    expect(r.warnings).toEqual(['inference: b.csv repeats device dcgm-uuid:9400/0 of a.csv over the same time: counted once (0.6 kWh not added again)']);
  });
});

describe('countOnce: which logs are compared device by device', () => {
  it('a log without a scope is taken as device power: the same GPU over the same hour counts once', () => {
    const r = countOnce({ inference: [gpuLog('a.csv', { scope: undefined }), gpuLog('b.csv', { scope: undefined, energy_kwh: 0.6 })] });
    expect(r.byStage.inference!.map((s) => s.energy_kwh)).toEqual([0.7, 0]);
    expect(r.warnings).toHaveLength(1);
  });

  it('whole-host logs are not compared by device (two hosts may log the same GPU list): both count', () => {
    const r = countOnce({ training: [gpuLog('a.csv', { scope: 'host' }), gpuLog('b.csv', { scope: 'host', energy_kwh: 0.6 })] });
    expect(r.byStage.training!.map((s) => s.energy_kwh)).toEqual([0.7, 0.6]);
    expect(r.warnings).toEqual([]);
  });

  it('logs with run ids are matched by run, not by device: two Zeus windows of the same GPU over the same hour both count', () => {
    const a = gpuLog('a.csv', { format: 'zeus', runs: [{ id: `zeus:train@${at(14)}`, energy_kwh: 0.7 }] });
    const b = gpuLog('b.csv', { format: 'zeus', energy_kwh: 0.6, runs: [{ id: `zeus:eval@${at(14)}`, energy_kwh: 0.6 }] });
    const r = countOnce({ training: [a, b] });
    expect(r.byStage.training!.map((s) => s.energy_kwh)).toEqual([0.7, 0.6]);
    expect(r.warnings).toEqual([]);
  });

  it('a device with no energy (null) or none used (0) in the second log repeats nothing', () => {
    for (const kwh of [null, 0]) {
      const b = gpuLog('b.csv', { energy_kwh: 0.2 }, { energy_kwh: kwh });
      const r = countOnce({ inference: [gpuLog('a.csv'), b] });
      expect(r.byStage.inference![1]).toBe(b);
      expect(r.warnings).toEqual([]);
    }
  });

  it('the repeated share is taken off the device too: half of 0.7 kWh left on the GPU of the second log', () => {
    // b covers 14:30–15:30, a 14:00–15:00: half of b's window, 0.7 × 0.5 = 0.35 kWh, is a's
    const r = countOnce({ inference: [gpuLog('a.csv'), gpuLog('b.csv', { start: at(14, 30), end: at(15, 30) })] });
    const b = r.byStage.inference![1]!;
    expect(b.energy_kwh).toBeCloseTo(0.35, 12);
    expect(b.devices[0]!.energy_kwh).toBeCloseTo(0.35, 12);
  });
});

describe('countOnce: time windows', () => {
  it('a window without a start or an end cannot be told apart: the same GPU is all repeated, whichever log lacks it', () => {
    // the later log lacks its start, or its end; the earlier one 14:00–15:00: share 1, all 0.6 kWh
    for (const over of [{ start: null }, { end: null }] as const) {
      const r = countOnce({ inference: [gpuLog('a.csv'), gpuLog('b.csv', { energy_kwh: 0.6, ...over })] });
      expect(r.byStage.inference![1]!.energy_kwh).toBe(0);
      expect(r.warnings).toEqual([
        'inference: b.csv repeats device GPU-1a2b3c4d-0000-1111-2222-333344445555 of a.csv over the same time: counted once (0.6 kWh not added again)',
      ]);
    }
    // the earlier log lacks its start (ends 14:30) or its end (starts 14:30): the later 14:00–15:00 log is still all repeated
    for (const over of [
      { start: null, end: at(14, 30) },
      { start: at(14, 30), end: null },
    ]) {
      const r = countOnce({ inference: [gpuLog('a.csv', over), gpuLog('b.csv', { energy_kwh: 0.6 })] });
      expect(r.byStage.inference![1]!.energy_kwh).toBe(0);
      expect(r.warnings).toHaveLength(1);
    }
  });

  it('a one-instant log on the edge of a window is inside it; one after the window is not', () => {
    const point = (path: string, t: string) => gpuLog(path, { start: t, end: t, energy_kwh: 0.01 });
    const edge = countOnce({ inference: [gpuLog('a.csv'), point('edge.csv', at(15))] });
    expect(edge.byStage.inference![1]!.energy_kwh).toBe(0);
    expect(edge.warnings).toHaveLength(1);
    const after = point('after.csv', at(16));
    const later = countOnce({ inference: [gpuLog('a.csv'), after] });
    expect(later.byStage.inference![1]).toBe(after);
    expect(later.warnings).toEqual([]);
  });
});

describe('countOnce: exact copies (logs without run ids or device identity)', () => {
  /** A log of GPUs by bare index (no host, no UUID): only the content fingerprint can match it. */
  const indexLog = (path: string, over: Partial<Source>): Source => ({ ...gpuLog(path), devices: [], ...over });
  const gpu = (id: string, energy_kwh: number | null) => ({ id, name: 'H100', energy_kwh, samples: 10 });

  it('two logs with no energy (null) or none used (0) are not copies of each other', () => {
    for (const kwh of [null, 0]) {
      const a = indexLog('a.csv', { energy_kwh: kwh, devices: [gpu('0', kwh)] });
      const b = indexLog('b.csv', { energy_kwh: kwh, devices: [gpu('0', kwh)] });
      const r = countOnce({ inference: [a, b] });
      expect(r.byStage.inference![1]).toBe(b);
      expect(r.warnings).toEqual([]);
    }
  });

  it('device lists that read the same run together are different: GPUs 0, 12, 3, 5 vs 0, 2, 3, 15', () => {
    // "0:10:0.5" + "12:10:0.5" and "0:10:0.51" + "2:10:0.5" are the same text without a separator;
    // likewise "3:10:0.41" + "5:10:0.5" and "3:10:0.4" + "15:10:0.5". Both total 1.91 kWh.
    const a = indexLog('a.csv', { energy_kwh: 1.91, devices: [gpu('0', 0.5), gpu('12', 0.5), gpu('3', 0.41), gpu('5', 0.5)] });
    const b = indexLog('b.csv', { energy_kwh: 1.91, devices: [gpu('0', 0.51), gpu('2', 0.5), gpu('3', 0.4), gpu('15', 0.5)] });
    const r = countOnce({ inference: [a, b] });
    expect(r.byStage.inference![1]).toBe(b);
    expect(r.warnings).toEqual([]);
  });

  it('fields that read the same run together are different: 12 rows of 3 kWh vs 1 row of 23 kWh', () => {
    const a = indexLog('a.csv', { format: 'generic', rows: 12, energy_kwh: 3 });
    const b = indexLog('b.csv', { format: 'generic', rows: 1, energy_kwh: 23 });
    const r = countOnce({ inference: [a, b] });
    expect(r.byStage.inference!.map((s) => s.energy_kwh)).toEqual([3, 23]);
    expect(r.warnings).toEqual([]);
  });
});

describe('countOnce: a log counted in another stage', () => {
  it('keeps its devices with zero energy (null stays null), and no hours, window or runs of its own', () => {
    const f: Source = {
      ...gpuLog('runs/e.csv', { energy_kwh: 0.9, runs: [{ id: 'zeus:train@x', energy_kwh: 0.9 }] }),
      devices: [
        { id: '0', name: 'H100', energy_kwh: 0.9, samples: 60 },
        { id: '1', name: 'H100', energy_kwh: null, samples: 0 },
      ],
      incomplete: { code: 'no_valid_values', reason: 'GPU 1 has no power column', fix: 'log power.draw for every GPU' },
    };
    const r = countOnce({ training: [f], finetune: [f] });
    const { incomplete: _incomplete, ...rest } = f;
    expect(r.byStage.finetune![0]).toEqual({
      ...rest,
      energy_kwh: 0,
      devices: [
        { id: '0', name: 'H100', energy_kwh: 0, samples: 60 },
        { id: '1', name: 'H100', energy_kwh: null, samples: 0 },
      ],
      duration_s: null,
      start: null,
      end: null,
      runs: [],
    });
  });

  it('a log with no energy stays without energy (null, not 0)', () => {
    const f = gpuLog('runs/e.csv', { energy_kwh: null });
    const r = countOnce({ training: [f], finetune: [f] });
    expect(r.byStage.finetune![0]!.energy_kwh).toBeNull();
  });
});

describe('countOnce: run snapshots', () => {
  const RUN = 'codecarbon:chat/run-1';
  const snap = (path: string, kwh: number, id = RUN) => gpuLog(path, { format: 'codecarbon', scope: 'host', energy_kwh: kwh, runs: [{ id, energy_kwh: kwh }] });

  it('three growing snapshots of a run (5, 8, 9 kWh) add up to the last one: 5 + 3 + 1', () => {
    const r = countOnce({ training: [snap('a.csv', 5), snap('b.csv', 8), snap('c.csv', 9)] });
    expect(r.byStage.training!.map((s) => s.energy_kwh)).toEqual([5, 3, 1]);
  });

  it('a run id without a lowercase format tag in front is shown as logged', () => {
    const r = countOnce({ training: [snap('a.csv', 2, 'Nightly:42'), snap('b.csv', 2, 'Nightly:42')] });
    expect(r.warnings).toEqual(['training: b.csv repeats run Nightly:42 of a.csv over the same time: counted once (2 kWh not added again)']);
  });

  it('names three repeated runs, and the first three and how many more of four', () => {
    const runs = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `eco2ai:r${i + 1}`, energy_kwh: 1 }));
    const logs = (n: number) => [1, 2].map((i) => gpuLog(`${i}.csv`, { format: 'eco2ai', scope: 'host', energy_kwh: n, runs: runs(n) }));
    expect(countOnce({ training: logs(3) }).warnings).toEqual([
      'training: 2.csv repeats run r1, run r2, run r3 of 1.csv over the same time: counted once (3 kWh not added again)',
    ]);
    expect(countOnce({ training: logs(4) }).warnings).toEqual([
      'training: 2.csv repeats run r1, run r2, run r3 and 1 more of 1.csv over the same time: counted once (4 kWh not added again)',
    ]);
  });

  it('a log of unknown total energy that repeats a run stays as it is (null)', () => {
    const b = gpuLog('b.csv', { format: 'codecarbon', scope: 'host', energy_kwh: null, runs: [{ id: RUN, energy_kwh: 2 }] });
    const r = countOnce({ training: [snap('a.csv', 2), b] });
    expect(r.byStage.training![1]).toBe(b);
    expect(r.warnings).toHaveLength(1);
  });

  it('never leaves a negative energy: a log of 0.5 kWh whose run snapshot says 1 kWh, all repeated, keeps 0', () => {
    const b = gpuLog('b.csv', { format: 'codecarbon', scope: 'host', energy_kwh: 0.5, runs: [{ id: RUN, energy_kwh: 1 }] });
    const r = countOnce({ training: [snap('a.csv', 1), b] });
    // 0.5 − min(1, 1) = −0.5 -> 0
    expect(r.byStage.training![1]!.energy_kwh).toBe(0);
  });

  it('what is left is kept only when it is more than a billionth of the log (rounding of a full copy is 0)', () => {
    // 1e9 kWh − 999 999 999 kWh repeated = 1 kWh = 1e9 × 1e-9: rounding, so 0
    const b = gpuLog('b.csv', { format: 'codecarbon', scope: 'host', energy_kwh: 1e9, runs: [{ id: RUN, energy_kwh: 999_999_999 }] });
    const r = countOnce({ training: [snap('a.csv', 999_999_999), b] });
    expect(r.byStage.training![1]!.energy_kwh).toBe(0);
  });
});
