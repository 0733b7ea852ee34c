// Fakes at the edge for the sampler: a sysfs/procfs tree (in memory for in-process tests, on disk
// for the CLI run as a child process), a fixed clock, and a stand-in for the nvidia-smi child.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LineChild, LineHandlers, SpawnLines, SysReader } from '../../src/measure/system.js';

export const FAKE_NVIDIA_SMI = path.resolve(import.meta.dirname, '../fixtures/measure/fake-nvidia-smi');

/** A file tree as a mutable map (path -> text); a null value is a file that exists but cannot be read. */
export class MemorySys implements SysReader {
  readonly files = new Map<string, string | null>();

  set(file: string, text: string | number | null): this {
    this.files.set(file, text === null ? null : String(text));
    return this;
  }

  read(file: string): string | null {
    return this.files.get(file) ?? null;
  }

  list(dir: string): string[] | null {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    const names = new Set<string>();
    for (const f of this.files.keys()) if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split('/')[0] as string);
    return names.size ? [...names].sort() : null;
  }
}

export interface RaplSpec {
  /** e.g. `intel-rapl:0` */
  entry: string;
  name: string;
  energy_uj: number | null;
  max_energy_range_uj?: number;
}

/** Files of a powercap tree under `root` (a sysfs root). */
export function raplFiles(root: string, zones: RaplSpec[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const z of zones) {
    const dir = `${root}/class/powercap/${z.entry}`;
    out[`${dir}/name`] = `${z.name}\n`;
    out[`${dir}/energy_uj`] = z.energy_uj === null ? null : `${z.energy_uj}\n`;
    if (z.max_energy_range_uj !== undefined) out[`${dir}/max_energy_range_uj`] = `${z.max_energy_range_uj}\n`;
  }
  return out;
}

export const CPUINFO_EPYC_VM = [
  'processor\t: 0',
  'vendor_id\t: AuthenticAMD',
  'model name\t: AMD EPYC 7763 64-Core Processor',
  'physical id\t: 0',
  'flags\t\t: fpu vme de pse hypervisor lahf_lm',
  '',
  'processor\t: 1',
  'model name\t: AMD EPYC 7763 64-Core Processor',
  'physical id\t: 0',
  'flags\t\t: fpu vme de pse hypervisor lahf_lm',
  '',
  'processor\t: 2',
  'model name\t: AMD EPYC 7763 64-Core Processor',
  'physical id\t: 0',
  'flags\t\t: fpu vme de pse hypervisor lahf_lm',
  '',
  'processor\t: 3',
  'model name\t: AMD EPYC 7763 64-Core Processor',
  'physical id\t: 0',
  'flags\t\t: fpu vme de pse hypervisor lahf_lm',
  '',
].join('\n');

/** /proc/stat's first line with `busy` and `idle` jiffies (user = busy, the rest 0). */
export const procStat = (busy: number, idle: number) => `cpu  ${busy} 0 0 ${idle} 0 0 0 0 0 0\ncpu0 ${busy} 0 0 ${idle} 0 0 0 0 0 0\n`;

export const MEMINFO_16G = 'MemTotal:       16777216 kB\nMemFree:         8000000 kB\n';

/**
 * A powercap tree on disk under `sysRoot` whose package and DRAM counters are readable and do
 * not move: the host part of a measurement is then exactly 0 J, measured (no estimate).
 */
export function writeStaticRapl(sysRoot: string): void {
  writeTree(
    raplFiles(sysRoot, [
      { entry: 'intel-rapl:0', name: 'package-0', energy_uj: 1_000_000, max_energy_range_uj: 262_143_328_850 },
      { entry: 'intel-rapl:0:0', name: 'dram', energy_uj: 2_000_000, max_energy_range_uj: 65_712_999_613 },
    ]),
  );
}

/** Writes a tree to disk (for child processes); a null file is created unreadable (mode 000). */
export function writeTree(files: Record<string, string | null>): void {
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(f), { recursive: true });
    writeFileSync(f, text ?? '0\n');
    if (text === null) chmodSync(f, 0o000);
  }
}

/** A fixed clock the test moves. */
export class Clock {
  constructor(public ms: number) {}
  now = () => this.ms;
  advance(s: number): void {
    this.ms += s * 1000;
  }
}

/** Stands in for nodeSpawnLines: the test pushes nvidia-smi lines and ends the child. */
export class FakeChildren {
  readonly started: Array<{ command: string; args: string[]; on: LineHandlers; killed: boolean }> = [];
  readonly spawn: SpawnLines = (command, args, on): LineChild => {
    const c = { command, args, on, killed: false };
    this.started.push(c);
    return {
      pid: 1000 + this.started.length,
      kill() {
        c.killed = true;
      },
    };
  };

  get last() {
    const c = this.started.at(-1);
    if (!c) throw new Error('no child started');
    return c;
  }
}

/** The records of a measure log, one object a line. */
export const logRecords = (file: string): Array<Record<string, unknown>> =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** Polls until `what` holds (child processes run on their own time), failing after `ms`. */
export async function until(what: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}
