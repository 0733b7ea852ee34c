import { describe, expect, it } from 'vitest';
import { clusterBreakdown, hostsFromPaths, mergeHostSources } from '../../src/ingest/merge.js';
import type { Source } from '../../src/ingest/source.js';

const T0 = Date.UTC(2026, 2, 9); // 2026-03-09T00:00:00Z
const H = 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A per-host GPU log as a format parser returns it: devices by index, no host. */
function gpuLog(path: string, kwh: number[], startMs = T0, endMs = T0 + 6 * H, extra: Partial<Source> = {}): Source {
  return {
    path,
    format: 'nvidia-smi',
    energy_kwh: kwh.reduce((a, b) => a + b, 0),
    co2e_kg: null,
    water_l: null,
    duration_s: (endMs - startMs) / 1000,
    devices: kwh.map((e, i) => ({ id: String(i), name: 'NVIDIA H100 80GB HBM3', energy_kwh: e, samples: 100 })),
    rows: 100 * kwh.length,
    rows_rejected: 0,
    logged_pue: null,
    warnings: [],
    scope: 'device',
    start: iso(startMs),
    end: iso(endMs),
    ...extra,
  };
}

describe('hostsFromPaths', () => {
  it.each([
    ['the differing directory', ['runs/node-a/gpu.csv', 'runs/node-b/gpu.csv'], ['node-a', 'node-b']],
    ['one file per host', ['logs/node-a.csv', 'logs/node-b.csv'], ['node-a', 'node-b']],
    ['common prefix and suffix cut at _', ['logs/power_gpu01_smi.csv', 'logs/power_gpu02_smi.csv'], ['gpu01', 'gpu02']],
    ['hyphens are kept (hostnames have them)', ['logs/node-1.csv', 'logs/node-2.csv'], ['node-1', 'node-2']],
    ['differing depths: path below the common directory', ['r/a/x.csv', 'r/b/c/x.csv'], ['a/x', 'b/c/x']],
    ['one file: its name', ['runs/node-a.jsonl'], ['node-a']],
  ])('%s', (_what, paths, hosts) => {
    const m = hostsFromPaths(paths);
    expect(paths.map((p) => m.get(p))).toEqual(hosts);
  });
});

describe('mergeHostSources', () => {
  it('one log per host: devices keyed host/index, per-host breakdown, summed energy', () => {
    const a = gpuLog('runs/node-a/gpu.csv', [1, 2]);
    const b = gpuLog('runs/node-b/gpu.csv', [3, 4.5]);
    const m = mergeHostSources([a, b]);
    expect(m.hosts.map((h) => [h.host, h.energy_kwh, h.devices, h.duration_s, h.offset_s])).toEqual([
      ['node-a', 3, 2, 21_600, 0],
      ['node-b', 7.5, 2, 21_600, 0],
    ]);
    expect(m.sources).toHaveLength(1);
    const s = m.sources[0];
    expect(s?.devices.map((d) => [d.id, d.host, d.energy_kwh])).toEqual([
      ['node-a/0', 'node-a', 1],
      ['node-a/1', 'node-a', 2],
      ['node-b/0', 'node-b', 3],
      ['node-b/1', 'node-b', 4.5],
    ]);
    expect(s).toMatchObject({
      energy_kwh: 10.5,
      format: 'nvidia-smi',
      scope: 'device',
      duration_s: 21_600,
      rows: 400,
      path: 'runs/node-a/gpu.csv + runs/node-b/gpu.csv',
    });
    expect(m.skew_s).toBe(0);
    expect(m.warnings).toEqual([]);
  });

  it('clock skew: node-c 90 s ahead is reported, energy and duration are not affected', () => {
    // Three hosts ran the same 6 h job; node-c's clock is 90 s fast, so its log is shifted.
    const m = mergeHostSources([gpuLog('l/node-a.csv', [1]), gpuLog('l/node-b.csv', [1]), gpuLog('l/node-c.csv', [1], T0 + 90_000, T0 + 6 * H + 90_000)]);
    expect(m.hosts.map((h) => h.offset_s)).toEqual([0, 0, 90]);
    expect(m.skew_s).toBe(90);
    expect(m.warnings).toEqual([
      'host clocks disagree by up to 90 s (node-c is 90 s ahead of the median host): energy is integrated per host and device, so it is not affected; the stage duration is the longest single-host span',
    ]);
    // max(end) − min(start) would be 6 h + 90 s; each host saw 6 h.
    expect(m.sources[0]?.duration_s).toBe(21_600);
    expect(m.sources[0]?.energy_kwh).toBe(3);
  });

  it('skew within the threshold is silent; the threshold is an option', () => {
    const srcs = [gpuLog('l/node-a.csv', [1]), gpuLog('l/node-b.csv', [1], T0 - 30_000, T0 + 6 * H - 30_000)];
    expect(mergeHostSources(srcs).warnings).toEqual([]);
    expect(mergeHostSources(srcs, { skewWarn_s: 10 }).warnings[0]).toMatch(/^host clocks disagree by up to 30 s/);
  });

  it('a host whose log stops early is flagged', () => {
    const m = mergeHostSources([gpuLog('l/node-a.csv', [1]), gpuLog('l/node-b.csv', [0.5], T0, T0 + 3 * H)]);
    // Not mistaken for clock skew: the starts line up.
    expect(m.warnings).toEqual(["node-b: logs cover 3.0 h, the longest host 6.0 h; part of node-b's log may be missing"]);
    expect(m.skew_s).toBe(0);
  });

  it('a late start with an aligned end is an offset of 0, and logs of another run are not skew', () => {
    const m = mergeHostSources([
      gpuLog('l/node-a.csv', [1]),
      gpuLog('l/node-b.csv', [1], T0 + 2 * H, T0 + 6 * H),
      gpuLog('l/node-c.csv', [1], T0 + 72 * H, T0 + 78 * H), // three days later: another run
    ]);
    expect(m.hosts.map((h) => [h.host, h.offset_s])).toEqual([
      ['node-a', 0],
      ['node-b', 0],
      ['node-c', null],
    ]);
    expect(m.skew_s).toBe(0);
  });

  it('host labels (a Prometheus source) give the hosts; its window is the server clock, so no offsets', () => {
    const prom: Source = {
      ...gpuLog('prometheus:http://p:9090{}', []),
      format: 'prometheus',
      energy_kwh: 6,
      devices: [
        { id: 'n1/0', name: null, host: 'n1', energy_kwh: 1, samples: 10 },
        { id: 'n1/1', name: null, host: 'n1', energy_kwh: 2, samples: 10 },
        { id: 'n2/0', name: null, host: 'n2', energy_kwh: 3, samples: 10 },
      ],
    };
    const m = mergeHostSources([prom]);
    expect(m.hosts.map((h) => [h.host, h.energy_kwh, h.devices, h.offset_s, h.duration_s])).toEqual([
      ['n1', 3, 2, null, 21_600],
      ['n2', 3, 1, null, 21_600],
    ]);
    expect(m.sources[0]?.devices.map((d) => d.id)).toEqual(['n1/0', 'n1/1', 'n2/0']);
    expect(m.skew_s).toBeNull();
  });

  it('host-scope and device-scope logs stay apart (they get different overhead treatment)', () => {
    const cc: Source = { ...gpuLog('runs/node-a/emissions.csv', []), format: 'codecarbon', scope: 'host', energy_kwh: 9, devices: [] };
    const m = mergeHostSources([gpuLog('runs/node-b/gpu.csv', [2]), cc], { hostOf: (s) => s.path.split('/')[1] ?? null });
    expect(m.sources.map((s) => [s.scope, s.energy_kwh, s.format])).toEqual([
      ['device', 2, 'nvidia-smi'],
      ['host', 9, 'codecarbon'],
    ]);
    expect(m.hosts.map((h) => [h.host, h.energy_kwh, h.scope])).toEqual([
      ['node-a', 9, 'host'],
      ['node-b', 2, 'device'],
    ]);
  });

  it("a host's log total counts, not only its devices (CodeCarbon: CPU and RAM beyond the GPU)", () => {
    const cc: Source = { ...gpuLog('runs/node-a/emissions.csv', [3]), format: 'codecarbon', scope: 'host', energy_kwh: 5 };
    const m = mergeHostSources([cc, gpuLog('runs/node-b/gpu.csv', [2])], { hostOf: (s) => s.path.split('/')[1] ?? null });
    expect(m.hosts.map((h) => [h.host, h.energy_kwh, h.devices])).toEqual([
      ['node-a', 5, 1],
      ['node-b', 2, 1],
    ]);
  });

  it('the same GPU in two logs over the same hours is flagged as double counting', () => {
    const a = gpuLog('l/node-a.csv', [1], T0, T0 + 6 * H, { devices: [{ id: 'node-a/0', name: null, host: 'node-a', energy_kwh: 1, samples: 1 }] });
    const b = gpuLog('l/node-a-copy.csv', [1], T0 + H, T0 + 2 * H, { devices: [{ id: 'node-a/0', name: null, host: 'node-a', energy_kwh: 1, samples: 1 }] });
    const m = mergeHostSources([a, b]);
    expect(m.warnings).toContain('node-a/0 appears in l/node-a.csv and l/node-a-copy.csv over overlapping times: its energy is counted twice');
  });

  it('the same GPU in two logs that only touch (one ends at 06:00, the next starts at 06:00) is not double counting', () => {
    // node-a/0 logged 00:00–06:00 and then 06:00–08:00 (a restarted logger): no shared second, both count.
    const dev = [{ id: 'node-a/0', name: null, host: 'node-a', energy_kwh: 1, samples: 1 }];
    const a = gpuLog('l/node-a.csv', [1], T0, T0 + 6 * H, { devices: dev });
    const b = gpuLog('l/node-a-next.csv', [1], T0 + 6 * H, T0 + 8 * H, { devices: dev });
    const m = mergeHostSources([a, b]);
    expect(m.warnings.filter((w) => w.includes('counted twice'))).toEqual([]);
    expect(mergeHostSources([b, a]).warnings.filter((w) => w.includes('counted twice'))).toEqual([]);
    // 1 + 1 kWh, one host
    expect(m.sources[0]?.energy_kwh).toBe(2);
    // one second of overlap is double counting
    const c = gpuLog('l/node-a-next.csv', [1], T0 + 6 * H - 1000, T0 + 8 * H, { devices: dev });
    expect(mergeHostSources([a, c]).warnings).toContain(
      'node-a/0 appears in l/node-a.csv and l/node-a-next.csv over overlapping times: its energy is counted twice',
    );
  });

  it('source warnings are prefixed with their host', () => {
    const m = mergeHostSources([gpuLog('l/node-a.csv', [1], T0, T0 + 6 * H, { warnings: ['2 rows rejected'] }), gpuLog('l/node-b.csv', [1])]);
    expect(m.sources[0]?.warnings).toEqual(['node-a: 2 rows rejected']);
  });
});

describe('clusterBreakdown', () => {
  it('reports stages on two or more hosts, with stage-prefixed warnings', () => {
    const r = clusterBreakdown({
      training: [gpuLog('runs/node-a/gpu.csv', [1, 2]), gpuLog('runs/node-b/gpu.csv', [3], T0 + 120_000, T0 + 6 * H + 120_000)],
      inference: [gpuLog('runs/serve/gpu.csv', [0.5])],
    });
    expect(Object.keys(r.cluster ?? {})).toEqual(['training']);
    expect(r.cluster?.training?.hosts.map((h) => [h.host, h.energy_kwh, h.offset_s])).toEqual([
      ['node-a', 3, -60],
      ['node-b', 3, 60],
    ]);
    expect(r.cluster?.training?.skew_s).toBe(120);
    expect(r.warnings).toEqual([
      'training: host clocks disagree by up to 120 s (node-a is 60 s behind the median host): energy is integrated per host and device, so it is not affected; the stage duration is the longest single-host span',
    ]);
  });

  it('two logs of different formats from one machine are not two hosts', () => {
    const cc: Source = { ...gpuLog('runs/emissions.csv', []), format: 'codecarbon', scope: 'host', energy_kwh: 9, devices: [] };
    const r = clusterBreakdown({ training: [gpuLog('runs/gpu.csv', [1]), cc] });
    expect(r).toEqual({ cluster: null, warnings: [] });
  });

  it('null when no stage spans hosts', () => {
    expect(clusterBreakdown({ training: [gpuLog('runs/gpu.csv', [1])] })).toEqual({ cluster: null, warnings: [] });
  });
});
