// The measure sources one by one: nvidia-smi lines, RAPL zones and their wraparound, the CPU TDP
// table and the CPU / memory estimate formulas (golden values computed by hand in each row).
import { describe, expect, it } from 'vitest';
import {
  cpuPowerModel,
  cpuPowerW,
  dimmCount,
  loadBetween,
  lookupCpuTdp,
  normaliseCpuName,
  parseCpuInfo,
  parseMemTotalGiB,
  parseProcStat,
  ramPower,
} from '../../src/measure/cpu-estimate.js';
import { nvidiaSmiArgs, parseLocalTimestamp, parseNvidiaLine } from '../../src/measure/nvidia-smi.js';
import { counterDeltaUj, discoverRapl, RaplCounter } from '../../src/measure/rapl.js';
import { measureEnv } from '../../src/measure/system.js';
import { CPUINFO_EPYC_VM, MemorySys, raplFiles } from './fakes.js';

describe('nvidia-smi', () => {
  it('asks for one long-running loop at the interval in ms', () => {
    expect(nvidiaSmiArgs(1)).toEqual(['--query-gpu=timestamp,index,uuid,name,power.draw', '--format=csv,noheader,nounits', '-lms', '1000']);
    expect(nvidiaSmiArgs(0.25)[3]).toBe('250');
  });

  it('reads its local-time timestamp as local time', () => {
    expect(parseLocalTimestamp('2026/01/05 10:00:01.234')).toBe(new Date(2026, 0, 5, 10, 0, 1, 234).getTime());
    expect(parseLocalTimestamp('2026/01/05 10:00:01')).toBe(new Date(2026, 0, 5, 10, 0, 1, 0).getTime());
    expect(parseLocalTimestamp('yesterday')).toBeNull();
  });

  it.each([
    ['2026/01/05 10:00:01.234, 0, GPU-8f2c1a2b-0000-0000-0000-000000000000, NVIDIA H100 80GB HBM3, 312.45', '0', 'NVIDIA H100 80GB HBM3', 312.45],
    ['2026/01/05 10:00:01.234, 7, GPU-x, NVIDIA A100-SXM4-40GB, [N/A]', '7', 'NVIDIA A100-SXM4-40GB', null],
    ['2026/01/05 10:00:01.234, 1, GPU-x, NVIDIA GeForce RTX 4090, [Not Supported]', '1', 'NVIDIA GeForce RTX 4090', null],
    ['2026/01/05 10:00:01.234, 2, GPU-x, Some, Name With Comma, 55.5', '2', 'Some, Name With Comma', 55.5],
  ])('parses %s', (line, index, name, w) => {
    const r = parseNvidiaLine(line);
    expect(r).not.toBeNull();
    expect([r?.index, r?.name, r?.powerW]).toEqual([index, name, w]);
  });

  it('ignores lines that are not readings', () => {
    expect(parseNvidiaLine("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.")).toBeNull();
    expect(parseNvidiaLine('timestamp, index, uuid, name, power.draw [W]')).toBeNull();
  });
});

describe('RAPL', () => {
  const MAX = 262_143_328_850;

  it.each([
    ['no wrap', 1_000, 51_000, MAX, { uj: 50_000, wrapped: false, reset: false }],
    ['wraps at max_energy_range_uj', MAX - 1_000_000, 49_000_000, MAX, { uj: 50_000_000, wrapped: true, reset: false }],
    ['a decrease without a known range is a reset', 9_000, 2_000, null, { uj: 2_000, wrapped: false, reset: true }],
    ['unchanged', 5, 5, MAX, { uj: 0, wrapped: false, reset: false }],
  ])('counter delta: %s', (_what, prev, raw, max, want) => {
    expect(counterDeltaUj(prev, raw, max)).toEqual(want);
  });

  it('counts packages and DRAM; skips core, uncore, psys, mmio, duplicates; lists unreadable zones', () => {
    const sys = new MemorySys();
    const files = raplFiles('/s', [
      { entry: 'intel-rapl:0', name: 'package-0', energy_uj: 10, max_energy_range_uj: MAX },
      { entry: 'intel-rapl:0:0', name: 'core', energy_uj: 10 },
      { entry: 'intel-rapl:0:1', name: 'uncore', energy_uj: 10 },
      { entry: 'intel-rapl:0:2', name: 'dram', energy_uj: 10, max_energy_range_uj: MAX },
      { entry: 'intel-rapl:1', name: 'package-1', energy_uj: null, max_energy_range_uj: MAX },
      { entry: 'intel-rapl:2', name: 'psys', energy_uj: 10 },
      { entry: 'intel-rapl:10', name: 'package-0', energy_uj: 10 },
      { entry: 'intel-rapl-mmio:0', name: 'package-0', energy_uj: 10 },
    ]);
    for (const [f, t] of Object.entries(files)) sys.set(f, t);
    const r = discoverRapl(sys, '/s');
    expect(r.zones.map((z) => [z.id, z.kind, z.maxUj])).toEqual([
      ['rapl:package-0', 'cpu', MAX],
      ['rapl:dram-0', 'dram', MAX],
    ]);
    expect(r.unreadable).toEqual(['/s/class/powercap/intel-rapl:1/energy_uj']);
  });

  it('accumulates joules across two wraps and a failed read', () => {
    const sys = new MemorySys();
    const f = '/s/class/powercap/intel-rapl:0/energy_uj';
    sys.set(f, MAX - 10_000_000);
    const c = new RaplCounter({ id: 'rapl:package-0', kind: 'cpu', name: 'package-0', energyFile: f, maxUj: MAX }, sys);
    const readings = [MAX - 5_000_000, 15_000_000, null, MAX - 1_000_000, 4_000_000];
    const totals = readings.map((r) => {
      sys.set(f, r);
      return c.sample();
    });
    // 5 J; +5 to the wrap +15 = 25 J; failed read (null); up to MAX − 1 J: +MAX/1e6 − 16 J; +1 +4 = 5 J more.
    const third = 25 + (MAX - 1_000_000 - 15_000_000) / 1e6;
    expect(totals).toEqual([5, 25, null, third, third + 5]);
    expect(c.wraps).toBe(2);
    expect(c.resets).toBe(0);
  });
});

describe('CPU and memory estimate', () => {
  it('reads cpuinfo: model, threads, sockets, VM', () => {
    expect(parseCpuInfo(CPUINFO_EPYC_VM)).toEqual({ model: 'AMD EPYC 7763 64-Core Processor', threads: 4, sockets: 1, vm: true, arm: false });
    const twoSockets = [0, 1, 2, 3]
      .map((i) => `processor\t: ${i}\nmodel name\t: Intel(R) Xeon(R) Platinum 8480+\nphysical id\t: ${i % 2}\nflags\t: fpu sse\n`)
      .join('\n');
    expect(parseCpuInfo(twoSockets)).toEqual({ model: 'Intel(R) Xeon(R) Platinum 8480+', threads: 4, sockets: 2, vm: false, arm: false });
  });

  it.each([
    ['Intel(R) Xeon(R) Platinum 8370C CPU @ 2.80GHz', 'Intel Xeon Platinum 8370C', 205],
    ['AMD EPYC 7763 64-Core Processor', 'AMD EPYC 7763', 280],
    ['Intel(R) Core(TM) i7-7600U CPU @ 2.80GHz', 'Intel Core i7-7600U', 15],
    ['Intel(R) Xeon(R) CPU E5-2673 v4 @ 2.30GHz', 'Intel Xeon E5-2673 v4', 135],
    ['AMD Ryzen 9 5950X 16-Core Processor', 'AMD Ryzen 9 5950X', 105],
  ])('finds %s in the CodeCarbon table', (raw, name, tdp) => {
    expect(lookupCpuTdp(raw)).toEqual({ name, tdp_w: tdp });
  });

  it('does not guess: a name without a model number, or not in the table, is no match', () => {
    expect(lookupCpuTdp('AMD EPYC')).toBeNull();
    expect(lookupCpuTdp('Imaginary CPU 9999X')).toBeNull();
    expect(normaliseCpuName('Intel(R) Xeon(R) Gold 6248R CPU @ 3.00GHz')).toBe('Intel Xeon Gold 6248R');
  });

  it('equally specific names with different TDPs are ambiguous', () => {
    expect(lookupCpuTdp('Chip 100 Pro Max', 'Chip 100 Pro\t50\nChip 100 Max\t60')).toBeNull();
    expect(lookupCpuTdp('Chip 100 Pro Max', 'Chip 100 Pro\t50\nChip 100 Max\t50')).toEqual({ name: 'Chip 100 Pro', tdp_w: 50 });
  });

  it.each([
    // bare metal, two sockets: 350 × 2
    [{ model: 'Intel(R) Xeon(R) Platinum 8480+', threads: 224, sockets: 2, vm: false, arm: false }, 700, 'TDP 350 W for "Intel Xeon Platinum 8480+"'],
    // VM, the chip's cores are in its name: 280 × 4 / 128
    [{ model: 'AMD EPYC 7763 64-Core Processor', threads: 4, sockets: 1, vm: true, arm: false }, 8.75, '4 visible threads / 128 threads'],
    // VM, no core count: min(205, 4 W × 4)
    [{ model: 'Intel(R) Xeon(R) Platinum 8370C CPU @ 2.80GHz', threads: 4, sockets: 1, vm: true, arm: false }, 16, 'the smaller of that and'],
    // unknown CPU: CodeCarbon's 4 W per thread
    [{ model: 'Mystery CPU', threads: 6, sockets: 1, vm: false, arm: false }, 24, 'CPU "Mystery CPU" is not in CodeCarbon cpu_power.csv'],
  ])('TDP model %#', (info, tdp, phrase) => {
    const m = cpuPowerModel(info);
    expect(m.tdpW).toBeCloseTo(tdp, 9);
    expect(m.method).toContain(phrase);
  });

  it.each([
    // load, central, low, high for TDP 100 W
    [0, 10, 10, 60],
    [0.05, 10, 10.01125, 60],
    [0.5, 50, 21.25, 60],
    [1, 100, 100, 120],
  ])('CPU power at load %s of a 100 W TDP', (load, w, low, high) => {
    const p = cpuPowerW(100, load);
    expect(p.w).toBeCloseTo(w, 9);
    expect(p.low).toBeCloseTo(low, 9);
    expect(p.high).toBeCloseTo(high, 9);
  });

  it.each([
    // GiB, DIMMs, central W, high W (CodeCarbon 3.x docs: 8 GB ~10 W, 32 GB ~20 W, 128 GB ~40 W (38.0), 1 TB ~40 W (38.0))
    [8, 2, 10, 15],
    [16, 2, 10, 15],
    [32, 4, 20, 30],
    [128, 8, 38, 57],
    [1024, 8, 38, 384],
    [2048, 16, 70, 768],
  ])('memory %s GiB', (gib, n, w, high) => {
    expect(dimmCount(gib)).toBe(n);
    const p = ramPower(gib, false);
    expect(p.w).toBeCloseTo(w, 9);
    expect(p.low).toBeCloseTo(w / 2, 9);
    expect(p.high).toBeCloseTo(high, 9);
  });

  it('memory on ARM: 1.5 W a DIMM, at least 3 W', () => {
    expect(ramPower(4, true).w).toBe(3);
  });

  it('reads /proc/stat and /proc/meminfo', () => {
    const a = parseProcStat('cpu  100 5 20 800 10 3 2 0 0 0\ncpu0 1 2 3\n');
    const b = parseProcStat('cpu  150 5 30 880 10 3 2 0 0 0\n');
    expect(a).toEqual({ busy: 130, total: 940 });
    expect(b).toEqual({ busy: 190, total: 1080 });
    expect(loadBetween(a!, b!)).toBeCloseTo(60 / 140, 12);
    expect(loadBetween(b!, b!)).toBe(0);
    expect(parseProcStat('intr 1 2 3')).toBeNull();
    expect(parseMemTotalGiB('MemTotal:       16777216 kB\n')).toBe(16);
  });
});

describe('environment overrides', () => {
  it('ML_LCA_NVIDIA_SMI, ML_LCA_SYSFS_ROOT, ML_LCA_PROCFS_ROOT, with the real machine as default', () => {
    expect(measureEnv({})).toEqual({ sysfsRoot: '/sys', procfsRoot: '/proc', nvidiaSmi: 'nvidia-smi', path: '' });
    expect(measureEnv({ ML_LCA_NVIDIA_SMI: '/x/fake', ML_LCA_SYSFS_ROOT: '/f/sys', ML_LCA_PROCFS_ROOT: '/f/proc', PATH: '/bin' })).toEqual({
      sysfsRoot: '/f/sys',
      procfsRoot: '/f/proc',
      nvidiaSmi: '/x/fake',
      path: '/bin',
    });
    expect(measureEnv({ ML_LCA_NVIDIA_SMI: 'off' }).nvidiaSmi).toBeNull();
  });
});
