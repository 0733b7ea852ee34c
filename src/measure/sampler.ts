// The sampler behind `ml-lca measure`: finds the power sources of this machine, writes the log
// header and one channel record per source, then one line per sample (log.ts). Every source is
// used when available and named in the log; what is missing is said in a note.
//   GPUs:  one long-running nvidia-smi child (its lines arrive on their own clock); AMD GPUs'
//          hwmon sensor when ROCm is installed.
//   CPU:   RAPL package counters when readable, else an estimate from /proc/stat and the TDP.
//   DRAM:  RAPL dram counters when readable, else an estimate from the memory size.
// Never both a counter and an estimate for the same part, so nothing is counted twice.
// Time, the file system, the child process and the log sink are passed in (tests drive tick()).
import path from 'node:path';
import type { MeasureChannel, MeasureEnd, MeasureHeader, MeasureSample } from './log.js';
import { type AmdGpu, discoverAmdGpus, readMicroWatts } from './amd-gpu.js';
import { cpuPowerModel, cpuPowerW, loadBetween, parseCpuInfo, parseMemTotalGiB, parseProcStat, type PowerRange, ramPower } from './cpu-estimate.js';
import { nvidiaSmiArgs, parseNvidiaLine } from './nvidia-smi.js';
import { discoverRapl, RaplCounter } from './rapl.js';
import type { LineChild, SpawnLines, SysReader } from './system.js';

export interface SamplerOptions {
  interval_s: number;
  sysfsRoot: string;
  procfsRoot: string;
  /** nvidia-smi binary, or null for no NVIDIA source. */
  nvidiaSmi: string | null;
  /** ROCm installed (rocm-smi on PATH): read the amdgpu hwmon sensors. */
  rocm: boolean;
  host: string;
  tool: string;
}

export interface SamplerDeps {
  sys: SysReader;
  /** Epoch milliseconds. */
  now(): number;
  /** Appends text to the log and hands it to the OS before returning (one call per batch). */
  write(text: string): void;
  spawnLines: SpawnLines;
}

/** nvidia-smi timestamps further than this from our clock are not trusted (another zone?). */
const MAX_CLOCK_SKEW_MS = 120_000;
/** nvidia-smi is started again after it ends, at most this many times. */
const MAX_NVIDIA_RESTARTS = 3;

interface Estimator {
  id: string;
  /** Power over the last interval, from the reading at `t`. */
  power(): PowerRange;
  j: number;
  low: number;
  high: number;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const secs = (ms: number) => Math.round(ms) / 1000;

export class Sampler {
  readonly channels: MeasureChannel[] = [];
  samples = 0;
  nvidiaStarts = 0;
  private rapl: RaplCounter[] = [];
  private amd: AmdGpu[] = [];
  private estimators: Estimator[] = [];
  private lastTick = 0;
  private nvidia: LineChild | null = null;
  private nvidiaLines = 0;
  private gpuSeen = new Set<string>();
  private skewNoted = false;
  private stopped = false;
  private startedAt = 0;

  constructor(
    private readonly opts: SamplerOptions,
    private readonly deps: SamplerDeps,
  ) {}

  /** Header, channel records and the first reading of every counter (0 J at the start). */
  start(): void {
    const t = this.deps.now();
    this.startedAt = t;
    this.lastTick = t;
    const header: MeasureHeader = {
      ml_lca_measure: 1,
      started: new Date(t).toISOString(),
      host: this.opts.host,
      interval_s: this.opts.interval_s,
      tool: this.opts.tool,
    };
    const out: object[] = [header];
    const note = (text: string) => out.push({ t: secs(t), note: text });
    const { sys } = this.deps;

    // CPU package and DRAM: RAPL counters when readable.
    const rapl = discoverRapl(sys, this.opts.sysfsRoot);
    for (const zone of rapl.zones) {
      this.rapl.push(new RaplCounter(zone, sys));
      out.push(this.channel({ channel: zone.id, kind: zone.kind, scope: 'host', source: 'rapl', name: zone.name, estimate: false }));
    }
    if (rapl.unreadable.length > 0) {
      note(
        `RAPL energy counters exist but cannot be read (${rapl.unreadable.join(', ')}; root-only since Linux 5.10): ` +
          'CPU and memory power are estimated instead. `sudo chmod o+r /sys/class/powercap/intel-rapl:*/energy_uj /sys/class/powercap/intel-rapl:*/*/energy_uj` before measuring gives measured values',
      );
    } else if (rapl.zones.length === 0) note('no RAPL energy counters under /sys/class/powercap: CPU and memory power are estimated');

    // Estimates for what RAPL does not cover.
    const hasCpu = this.rapl.some((r) => r.zone.kind === 'cpu');
    const hasDram = this.rapl.some((r) => r.zone.kind === 'dram');
    const cpuinfo = sys.read(path.join(this.opts.procfsRoot, 'cpuinfo'));
    const info = cpuinfo !== null ? parseCpuInfo(cpuinfo) : null;
    if (!hasCpu) {
      const statFile = path.join(this.opts.procfsRoot, 'stat');
      let prev = parseProcStat(sys.read(statFile) ?? '');
      if (info && prev) {
        const model = cpuPowerModel(info);
        out.push(this.channel({ channel: 'cpu', kind: 'cpu', scope: 'host', source: 'estimate', name: info.model, estimate: true, method: model.method }));
        this.estimators.push({
          id: 'cpu',
          j: 0,
          low: 0,
          high: 0,
          power: () => {
            const cur = parseProcStat(sys.read(statFile) ?? '');
            if (!cur || !prev) return cpuPowerW(model.tdpW, 0.1);
            const p = cpuPowerW(model.tdpW, loadBetween(prev, cur));
            prev = cur;
            return p;
          },
        });
      } else note(`CPU power not measured: neither RAPL nor ${path.join(this.opts.procfsRoot, 'stat')} and cpuinfo could be read`);
    }
    if (!hasDram) {
      const gib = parseMemTotalGiB(sys.read(path.join(this.opts.procfsRoot, 'meminfo')) ?? '');
      if (gib !== null) {
        const ram = ramPower(gib, info?.arm ?? false);
        out.push(
          this.channel({
            channel: 'ram',
            kind: 'ram',
            scope: 'host',
            source: 'estimate',
            name: `${Number(gib.toFixed(1))} GiB`,
            estimate: true,
            method: ram.method,
          }),
        );
        this.estimators.push({ id: 'ram', j: 0, low: 0, high: 0, power: () => ram });
      } else note(`memory power not measured: neither a RAPL dram counter nor ${path.join(this.opts.procfsRoot, 'meminfo')} could be read`);
    }

    // AMD GPUs (ROCm installed).
    if (this.opts.rocm) {
      const amd = discoverAmdGpus(sys, this.opts.sysfsRoot);
      this.amd = amd.gpus;
      for (const g of amd.gpus) out.push(this.channel({ channel: g.id, kind: 'gpu', scope: 'device', source: 'amdgpu-hwmon', name: g.name, estimate: false }));
      if (amd.skipped.length) note(`AMD GPUs left out: ${amd.skipped.join('; ')}`);
      if (amd.gpus.length === 0 && amd.skipped.length === 0) note('rocm-smi is installed but no amdgpu power sensor was found under /sys/class/drm');
    }

    // Counters start at 0 J now, so the whole span is integrated.
    for (const r of this.rapl) out.push(this.sample({ t: secs(t), ch: r.zone.id, j: 0 }));
    for (const e of this.estimators) out.push(this.sample({ t: secs(t), ch: e.id, j: 0, j_low: 0, j_high: 0 }));
    for (const g of this.amd) out.push(this.sample({ t: secs(t), ch: g.id, w: readMicroWatts(sys, g.powerFile) }));
    this.emit(out);

    if (this.opts.nvidiaSmi !== null) this.startNvidia();
  }

  /** One reading of every polled source (RAPL, estimates, AMD), written in one batch. */
  tick(): void {
    if (this.stopped) return;
    const now = this.deps.now();
    const dt = Math.max(0, (now - this.lastTick) / 1000);
    this.lastTick = now;
    const t = secs(now);
    const out: object[] = [];
    for (const r of this.rapl) {
      const j = r.sample();
      if (j !== null) out.push(this.sample({ t, ch: r.zone.id, j: round3(j) }));
    }
    for (const e of this.estimators) {
      const p = e.power();
      e.j += p.w * dt;
      e.low += p.low * dt;
      e.high += p.high * dt;
      out.push(this.sample({ t, ch: e.id, j: round3(e.j), j_low: round3(e.low), j_high: round3(e.high) }));
    }
    for (const g of this.amd) out.push(this.sample({ t, ch: g.id, w: readMicroWatts(this.deps.sys, g.powerFile) }));
    this.emit(out);
  }

  /** A line of nvidia-smi output (the child's stdout). */
  onNvidiaLine(line: string): void {
    if (this.stopped) return;
    const r = parseNvidiaLine(line);
    if (!r) {
      if (line.trim() !== '') this.emit([{ t: secs(this.deps.now()), note: `nvidia-smi: ${line.trim().slice(0, 300)}` }]);
      return;
    }
    this.nvidiaLines++;
    const now = this.deps.now();
    let t = r.t ?? now;
    if (Math.abs(t - now) > MAX_CLOCK_SKEW_MS) {
      if (!this.skewNoted) {
        this.skewNoted = true;
        this.emit([
          { t: secs(now), note: `nvidia-smi's timestamps are ${Math.round((t - now) / 1000)} s off this process's clock: the time each line arrived is used` },
        ]);
      }
      t = now;
    }
    const id = `gpu${r.index}`;
    const out: object[] = [];
    if (!this.gpuSeen.has(id)) {
      this.gpuSeen.add(id);
      const ch: MeasureChannel = { channel: id, kind: 'gpu', scope: 'device', source: 'nvidia-smi', name: r.name || null, estimate: false };
      if (/^GPU-[0-9a-f-]{8,}$/i.test(r.uuid)) ch.uuid = r.uuid;
      out.push(this.channel(ch));
    }
    out.push(this.sample({ t: secs(t), ch: id, w: r.powerW }));
    this.emit(out);
  }

  /** A last reading, the end record, and the nvidia-smi child stopped. */
  stop(end: Omit<MeasureEnd, 't' | 'end'>): void {
    if (this.stopped) return;
    this.tick();
    this.stopped = true;
    this.nvidia?.kill();
    const t = this.deps.now();
    const rec: MeasureEnd = { t: secs(t), end: new Date(t).toISOString(), ...end };
    const notes: object[] = [];
    for (const r of this.rapl) {
      if (r.wraps > 0)
        notes.push({ t: secs(t), note: `${r.zone.id}: the energy counter wrapped ${r.wraps} time(s) (at ${r.zone.maxUj} µJ); counted across each wrap` });
      if (r.resets > 0)
        notes.push({ t: secs(t), note: `${r.zone.id}: the energy counter went back ${r.resets} time(s) with no known range; counted from 0 after each` });
    }
    this.emit([...notes, rec]);
  }

  /** Seconds since start (for the overhead figures). */
  elapsed_s(): number {
    return (this.deps.now() - this.startedAt) / 1000;
  }

  private startNvidia(): void {
    const cmd = this.opts.nvidiaSmi as string;
    this.nvidiaStarts++;
    const linesBefore = this.nvidiaLines;
    this.nvidia = this.deps.spawnLines(cmd, nvidiaSmiArgs(this.opts.interval_s), {
      line: (l) => this.onNvidiaLine(l),
      exit: (code, signal, error, stderr) => {
        this.nvidia = null;
        if (this.stopped) return;
        const t = secs(this.deps.now());
        const why = error === 'not found' ? 'not found' : error ? `could not start (${error})` : `exited with ${signal ? `signal ${signal}` : `code ${code}`}`;
        const detail = stderr.trim().split('\n')[0]?.slice(0, 300) ?? '';
        const producing = this.nvidiaLines > linesBefore;
        if (error === 'not found' && this.nvidiaStarts === 1) {
          this.emit([{ t, note: `nvidia-smi not found (${cmd}): no NVIDIA GPU source` }]);
          return;
        }
        // Restart a child that was producing (a driver hiccup), not one that never worked.
        const again = producing && this.nvidiaStarts <= MAX_NVIDIA_RESTARTS;
        this.emit([
          {
            t,
            note: `nvidia-smi ${why}${detail ? `: ${detail}` : ''}${again ? '; started again' : producing ? '; not started again' : ': no NVIDIA GPU source'}`,
          },
        ]);
        if (again) this.startNvidia();
      },
    });
  }

  private channel(c: MeasureChannel): MeasureChannel {
    this.channels.push(c);
    return c;
  }

  private sample(s: MeasureSample): MeasureSample {
    this.samples++;
    return s;
  }

  private emit(records: object[]): void {
    if (records.length === 0) return;
    let text = '';
    for (const r of records) text += `${JSON.stringify(r)}\n`;
    this.deps.write(text);
  }
}
