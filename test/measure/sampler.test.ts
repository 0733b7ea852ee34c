// The sampler in process, on a fixed clock, a memory sysfs/procfs and a stand-in nvidia-smi child;
// its log is read back with the real ingest (format ml-lca-measure), so every number below goes
// through both the writer and the parser. Expected values are computed by hand in each test.
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/index.js';
import { memoryIo } from '../../src/io.js';
import { Sampler, type SamplerOptions } from '../../src/measure/sampler.js';
import { CPUINFO_EPYC_VM, Clock, FakeChildren, MEMINFO_16G, MemorySys, procStat, raplFiles } from './fakes.js';

const T0 = Date.UTC(2026, 0, 5, 10, 0, 0);
const MAX_UJ = 262_143_328_850; // a real package zone's max_energy_range_uj
const kwh = (j: number) => j / 3.6e6;

/** nvidia-smi's local-time timestamp for an epoch ms (as the real one prints it). */
function stamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}/${p(d.getMonth() + 1)}/${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

function setup(o: { sys?: MemorySys; nvidia?: boolean; rocm?: boolean } = {}) {
  const sys = o.sys ?? new MemorySys();
  const clock = new Clock(T0);
  const children = new FakeChildren();
  let log = '';
  const opts: SamplerOptions = {
    interval_s: 1,
    sysfsRoot: '/sys',
    procfsRoot: '/proc',
    nvidiaSmi: o.nvidia === false ? null : 'nvidia-smi',
    rocm: o.rocm ?? false,
    host: 'node-1',
    tool: 'ml-lca test',
  };
  const sampler = new Sampler(opts, { sys, now: clock.now, write: (t) => void (log += t), spawnLines: children.spawn });
  const readBack = async () => {
    const io = memoryIo({ '/m.jsonl': log });
    return ingestFile('/m.jsonl', {}, io, 'm.jsonl');
  };
  return { sys, clock, children, sampler, log: () => log, readBack };
}

describe('sampler: GPU power profile and RAPL counters, read back by ingest', () => {
  it('integrates a known profile exactly and counts a RAPL counter across its wraparound', async () => {
    const sys = new MemorySys();
    // Package 0 starts 1 J below its wrap point; DRAM far from it. core/uncore/psys/mmio must be ignored.
    let pkg = MAX_UJ - 1_000_000;
    let dram = 5_000_000;
    const zones = () =>
      raplFiles('/sys', [
        { entry: 'intel-rapl:0', name: 'package-0', energy_uj: pkg, max_energy_range_uj: MAX_UJ },
        { entry: 'intel-rapl:0:0', name: 'core', energy_uj: 1, max_energy_range_uj: MAX_UJ },
        { entry: 'intel-rapl:0:1', name: 'dram', energy_uj: dram, max_energy_range_uj: MAX_UJ },
        { entry: 'intel-rapl:1', name: 'psys', energy_uj: 1, max_energy_range_uj: MAX_UJ },
        { entry: 'intel-rapl-mmio:0', name: 'package-0', energy_uj: 1, max_energy_range_uj: MAX_UJ },
      ]);
    for (const [f, t] of Object.entries(zones())) sys.set(f, t);
    const { clock, children, sampler, readBack } = setup({ sys });
    sampler.start();
    expect(children.started).toHaveLength(1);
    expect(children.last.args).toEqual(['--query-gpu=timestamp,index,uuid,name,power.draw', '--format=csv,noheader,nounits', '-lms', '1000']);
    // 60 s: GPU 0 at 300 W, GPU 1 ramping 100 W + 10 W/s; the package draws 50 W, DRAM 5 W.
    for (let k = 0; k <= 60; k++) {
      const at = T0 + k * 1000;
      clock.ms = at + 40; // lines arrive a little after their timestamp
      children.last.on.line(`${stamp(at)}, 0, GPU-aaaaaaaa-0000-0000-0000-000000000000, NVIDIA H100 80GB HBM3, 300.00`);
      children.last.on.line(`${stamp(at)}, 1, GPU-bbbbbbbb-0000-0000-0000-000000000000, NVIDIA H100 80GB HBM3, ${(100 + 10 * k).toFixed(2)}`);
      if (k === 0) continue;
      clock.ms = at;
      pkg = (pkg + 50_000_000) % MAX_UJ;
      dram += 5_000_000;
      for (const [f, t] of Object.entries(zones())) sys.set(f, t);
      sampler.tick();
    }
    sampler.stop({ reason: 'command exited', exit_code: 0, signal: null });
    expect(children.last.killed).toBe(true);

    const s = await readBack();
    // By hand: GPU 0 300 W × 60 s = 18,000 J; GPU 1 ∫0..60 (100 + 10 t) dt = 6,000 + 18,000 = 24,000 J;
    // package 50 W × 60 s = 3,000 J (across one wrap); DRAM 5 W × 60 s = 300 J.
    const dev = Object.fromEntries(s.devices.map((d) => [d.id, d]));
    expect(dev['node-1/gpu0']?.energy_kwh).toBeCloseTo(kwh(18_000), 12);
    expect(dev['node-1/gpu1']?.energy_kwh).toBeCloseTo(kwh(24_000), 12);
    expect(dev['node-1/rapl:package-0']?.energy_kwh).toBeCloseTo(kwh(3_000), 12);
    expect(dev['node-1/rapl:dram-0']?.energy_kwh).toBeCloseTo(kwh(300), 12);
    expect(Object.keys(dev).sort()).toEqual(['node-1/gpu0', 'node-1/gpu1', 'node-1/rapl:dram-0', 'node-1/rapl:package-0']);
    expect(s.energy_kwh).toBeCloseTo(kwh(45_300), 12);
    expect(Math.abs((s.energy_kwh as number) / kwh(45_300) - 1)).toBeLessThan(0.01);
    expect(s.format).toBe('ml-lca-measure');
    expect(s.scope).toBe('host');
    expect(s.duration_s).toBeCloseTo(60, 6);
    expect(s.devices.map((d) => d.kind)).toEqual(['cpu', 'dram', 'gpu', 'gpu']);
    expect(s.estimated).toBeUndefined();
    expect(s.warnings).toContain('node-1: rapl:package-0: the energy counter wrapped 1 time(s) (at 262143328850 µJ); counted across each wrap');
    expect(s.warnings.some((w) => /ESTIMATE/.test(w))).toBe(false);
  });

  it('estimates CPU and memory when RAPL cannot be read, with the range, and never both', async () => {
    const sys = new MemorySys();
    for (const [f, t] of Object.entries(raplFiles('/sys', [{ entry: 'intel-rapl:0', name: 'package-0', energy_uj: null, max_energy_range_uj: MAX_UJ }])))
      sys.set(f, t);
    sys.set('/proc/cpuinfo', CPUINFO_EPYC_VM).set('/proc/meminfo', MEMINFO_16G).set('/proc/stat', procStat(0, 0));
    const { clock, sampler, readBack } = setup({ sys, nvidia: false });
    sampler.start();
    for (let k = 1; k <= 60; k++) {
      clock.advance(1);
      sys.set('/proc/stat', procStat(50 * k, 50 * k)); // 50 % busy in every interval
      sampler.tick();
    }
    sampler.stop({ reason: 'stopped (SIGTERM)', exit_code: null, signal: null });
    const s = await readBack();
    // TDP: EPYC 7763 280 W (CodeCarbon table), a VM with 4 of the chip's 128 threads: 280 × 4 / 128 = 8.75 W.
    // Load 0.5: central 8.75 × 0.5 = 4.375 W; low 8.75 × (0.1 + 0.9 × 0.125) = 1.859375 W; high 1.2 × 8.75 × 0.5 = 5.25 W.
    // Memory 16 GiB: 2 DIMMs × 5 W = 10 W; low 5 W; high max(1.5 × 10, 0.375 × 16) = 15 W. Over 60 s:
    const cpu = { w: 4.375 * 60, low: 1.859375 * 60, high: 5.25 * 60 };
    const ram = { w: 600, low: 300, high: 900 };
    const dev = Object.fromEntries(s.devices.map((d) => [d.id, d]));
    expect(Object.keys(dev).sort()).toEqual(['node-1/cpu', 'node-1/ram']);
    expect(dev['node-1/cpu']?.energy_kwh).toBeCloseTo(kwh(cpu.w), 12);
    expect(dev['node-1/ram']?.energy_kwh).toBeCloseTo(kwh(ram.w), 12);
    expect(s.scope).toBe('host');
    expect(s.estimated?.energy_kwh).toBeCloseTo(kwh(cpu.w + ram.w), 12);
    expect(s.estimated?.low_kwh).toBeCloseTo(kwh(cpu.low + ram.low), 9);
    expect(s.estimated?.high_kwh).toBeCloseTo(kwh(cpu.high + ram.high), 9);
    expect(s.estimated?.method).toContain('TDP 280 W for "AMD EPYC 7763"');
    expect(s.estimated?.method).toContain('4 visible threads / 128 threads of the chip = 8.8 W');
    expect(s.warnings.some((w) => w.startsWith('node-1: RAPL energy counters exist but cannot be read (/sys/class/powercap/intel-rapl:0/energy_uj'))).toBe(
      true,
    );
    expect(s.warnings.some((w) => w.startsWith('CPU and memory power are ESTIMATES, not measured'))).toBe(true);
  });

  it('measures the CPU package by RAPL and estimates only the memory when there is no DRAM zone', async () => {
    const sys = new MemorySys();
    let pkg = 0;
    const set = () => sys.set('/sys/class/powercap/intel-rapl:0/energy_uj', pkg);
    sys.set('/sys/class/powercap/intel-rapl:0/name', 'package-0').set('/sys/class/powercap/intel-rapl:0/max_energy_range_uj', MAX_UJ);
    set();
    sys.set('/proc/cpuinfo', CPUINFO_EPYC_VM).set('/proc/meminfo', MEMINFO_16G).set('/proc/stat', procStat(0, 0));
    const { clock, sampler, readBack } = setup({ sys, nvidia: false });
    sampler.start();
    for (let k = 1; k <= 10; k++) {
      clock.advance(1);
      pkg += 20_000_000;
      set();
      sampler.tick();
    }
    sampler.stop({ reason: 'command exited', exit_code: 0, signal: null });
    const s = await readBack();
    const dev = Object.fromEntries(s.devices.map((d) => [d.id, d]));
    expect(Object.keys(dev).sort()).toEqual(['node-1/ram', 'node-1/rapl:package-0']);
    expect(dev['node-1/rapl:package-0']?.energy_kwh).toBeCloseTo(kwh(200), 12); // 20 W × 10 s
    expect(dev['node-1/ram']?.energy_kwh).toBeCloseTo(kwh(100), 12); // 10 W × 10 s (estimate)
    expect(s.estimated?.energy_kwh).toBeCloseTo(kwh(100), 12);
    expect(s.warnings.some((w) => w.startsWith('memory power is an ESTIMATE'))).toBe(true);
  });

  it('a GPU-only log (no CPU or memory source) is device scope: it gets the IT overhead factor', async () => {
    const { clock, children, sampler, readBack } = setup();
    sampler.start();
    for (let k = 0; k <= 10; k++) {
      clock.ms = T0 + k * 1000;
      children.last.on.line(
        `${stamp(clock.ms)}, 0, GPU-aaaaaaaa-0000-0000-0000-000000000000, NVIDIA A100-SXM4-40GB, [N/A]`.replace('[N/A]', k === 5 ? '[N/A]' : '250.00'),
      );
    }
    sampler.stop({ reason: 'command exited', exit_code: 0, signal: null });
    const s = await readBack();
    expect(s.scope).toBe('device');
    // 250 W over 0..10 s with the sample at 5 s not available: the trapezoid bridges 4..6 s at 250 W.
    expect(s.energy_kwh).toBeCloseTo(kwh(2_500), 12);
    expect(s.warnings).toContain('device node-1/gpu0: 1 values not available ([N/A] or empty) skipped');
    expect(s.warnings.some((w) => w.includes('CPU power not measured'))).toBe(true);
  });
});

describe('sampler: nvidia-smi child', () => {
  it('says so when nvidia-smi is not installed, and starts no second one', async () => {
    const { children, sampler, readBack } = setup();
    sampler.start();
    children.last.on.exit(null, null, 'not found', '');
    sampler.stop({ reason: 'command exited', exit_code: 0, signal: null });
    expect(children.started).toHaveLength(1);
    const s = await readBack();
    expect(s.warnings.some((w) => w.endsWith('nvidia-smi not found (nvidia-smi): no NVIDIA GPU source'))).toBe(true);
  });

  it('notes nvidia-smi failing without a driver (its message and exit code) and does not retry', async () => {
    const { children, sampler, readBack } = setup();
    sampler.start();
    children.last.on.line("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.");
    children.last.on.exit(9, null, null, '');
    sampler.stop({ reason: 'command exited', exit_code: 0, signal: null });
    expect(children.started).toHaveLength(1);
    const s = await readBack();
    expect(s.warnings).toContain("node-1: nvidia-smi: NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.");
    expect(s.warnings).toContain('node-1: nvidia-smi exited with code 9: no NVIDIA GPU source');
  });

  it('starts nvidia-smi again after it ended while producing, at most 3 times', () => {
    const { clock, children, sampler, log } = setup();
    sampler.start();
    for (let i = 0; i < 5; i++) {
      children.last.on.line(`${stamp(clock.ms)}, 0, GPU-aaaaaaaa-0000-0000-0000-000000000000, NVIDIA H100 80GB HBM3, 100.00`);
      children.last.on.exit(null, 'SIGSEGV', null, '');
      clock.advance(1);
    }
    expect(children.started).toHaveLength(4);
    expect(log()).toContain('nvidia-smi exited with signal SIGSEGV; started again');
    expect(log()).toContain('nvidia-smi exited with signal SIGSEGV; not started again');
  });

  it('uses the arrival time when nvidia-smi timestamps are far off the clock (another time zone)', async () => {
    const { clock, children, sampler, readBack } = setup();
    sampler.start();
    for (let k = 0; k <= 4; k++) {
      clock.ms = T0 + k * 1000;
      children.last.on.line(`${stamp(clock.ms - 3 * 3600_000)}, 0, GPU-aaaaaaaa-0000-0000-0000-000000000000, NVIDIA H100 80GB HBM3, 100.00`);
    }
    sampler.stop({ reason: 'command exited', exit_code: 0, signal: null });
    const s = await readBack();
    expect(s.energy_kwh).toBeCloseTo(kwh(400), 12);
    expect(s.warnings).toContain("node-1: nvidia-smi's timestamps are -10800 s off this process's clock: the time each line arrived is used");
  });
});

describe('sampler: AMD GPUs (ROCm installed)', () => {
  it('reads the amdgpu hwmon power sensor of discrete GPUs and leaves an APU out', async () => {
    const sys = new MemorySys();
    const card = (n: number, vram: number, uw: number) => {
      const dev = `/sys/class/drm/card${n}/device`;
      sys.set(`${dev}/hwmon/hwmon${n}/name`, 'amdgpu').set(`${dev}/hwmon/hwmon${n}/power1_average`, uw).set(`${dev}/mem_info_vram_total`, vram);
    };
    card(0, 512 * 1024 ** 2, 15_000_000); // APU carve-out
    card(1, 64 * 1024 ** 3, 400_000_000); // MI250X-class board at 400 W
    const { clock, sampler, readBack } = setup({ sys, nvidia: false, rocm: true });
    sampler.start();
    for (let k = 1; k <= 10; k++) {
      clock.advance(1);
      sampler.tick();
    }
    sampler.stop({ reason: 'command exited', exit_code: 0, signal: null });
    const s = await readBack();
    expect(s.devices.filter((d) => d.kind === 'gpu').map((d) => [d.id, d.energy_kwh])).toEqual([['node-1/amdgpu1', kwh(4_000)]]);
    expect(s.warnings.some((w) => w.includes('card0 (integrated GPU, 512 MiB VRAM: counted in the CPU package)'))).toBe(true);
  });
});
