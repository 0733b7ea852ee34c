// CPU and DRAM energy from the RAPL counters the Linux powercap driver exposes (Intel, and AMD
// since Linux 5.8) under /sys/class/powercap/intel-rapl:N (a package) and intel-rapl:N:M (its
// subzones). Counted: `package-N` zones and `dram` subzones (DRAM is outside the package).
// Not counted: `core`/`uncore` subzones (inside the package: counting them would count twice),
// `psys` (the whole platform, overlapping the package) and `intel-rapl-mmio` (a second view of a
// package). energy_uj is a µJ counter that wraps at max_energy_range_uj.
import path from 'node:path';
import type { SysReader } from './system.js';

export interface RaplZone {
  /** Channel id: `rapl:package-0`, `rapl:dram-0`. */
  id: string;
  kind: 'cpu' | 'dram';
  /** The zone's own name file (`package-0`, `dram`). */
  name: string;
  energyFile: string;
  /** µJ at which the counter wraps to 0; null when it cannot be read (a decrease is then a reset). */
  maxUj: number | null;
}

export interface RaplDiscovery {
  zones: RaplZone[];
  /** Zones that exist but whose energy_uj cannot be read (root-only since Linux 5.10, CVE-2020-8694). */
  unreadable: string[];
}

const ZONE = /^intel-rapl:(\d+)(?::(\d+))?$/;

const num = (s: string | null): number | null => {
  if (s === null) return null;
  const v = Number(s.trim());
  return s.trim() !== '' && Number.isFinite(v) && v >= 0 ? v : null;
};

export function discoverRapl(sys: SysReader, sysfsRoot: string): RaplDiscovery {
  const base = path.join(sysfsRoot, 'class/powercap');
  const entries = (sys.list(base) ?? []).filter((e) => ZONE.test(e)).sort(byZone);
  const zones: RaplZone[] = [];
  const unreadable: string[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const m = ZONE.exec(entry) as RegExpExecArray;
    const dir = path.join(base, entry);
    const name = (sys.read(path.join(dir, 'name')) ?? '').trim();
    let id: string;
    let kind: RaplZone['kind'];
    if (m[2] === undefined && /^package-\d+(-die-\d+)?$/.test(name)) {
      id = `rapl:${name}`;
      kind = 'cpu';
    } else if (m[2] !== undefined && name === 'dram') {
      id = `rapl:dram-${m[1]}`;
      kind = 'dram';
    } else continue;
    // Some platforms list a zone twice (the same counter under two entries): count it once.
    if (seen.has(id)) continue;
    seen.add(id);
    const energyFile = path.join(dir, 'energy_uj');
    if (num(sys.read(energyFile)) === null) {
      unreadable.push(energyFile);
      continue;
    }
    zones.push({ id, kind, name, energyFile, maxUj: num(sys.read(path.join(dir, 'max_energy_range_uj'))) });
  }
  return { zones, unreadable };
}

function byZone(a: string, b: string): number {
  const pa = (ZONE.exec(a) as RegExpExecArray).slice(1).map((x) => Number(x ?? -1));
  const pb = (ZONE.exec(b) as RegExpExecArray).slice(1).map((x) => Number(x ?? -1));
  return (pa[0] as number) - (pb[0] as number) || (pa[1] as number) - (pb[1] as number);
}

/**
 * µJ between two readings of a counter that wraps at `maxUj`: after a wrap the counter ran from
 * `prev` up to `maxUj`, then from 0 to `raw`. Without a known range a decrease is a reset (the
 * energy since the reset, `raw`, is all that is known).
 */
export function counterDeltaUj(prev: number, raw: number, maxUj: number | null): { uj: number; wrapped: boolean; reset: boolean } {
  if (raw >= prev) return { uj: raw - prev, wrapped: false, reset: false };
  if (maxUj !== null && maxUj > prev) return { uj: maxUj - prev + raw, wrapped: true, reset: false };
  return { uj: raw, wrapped: false, reset: true };
}

/** One zone's cumulative energy since the measurement began, J. */
export class RaplCounter {
  totalJ = 0;
  wraps = 0;
  resets = 0;
  private prev: number | null;

  constructor(
    readonly zone: RaplZone,
    private readonly sys: SysReader,
  ) {
    this.prev = num(sys.read(zone.energyFile));
  }

  /** Reads the counter; returns the cumulative J, or null when the read failed (the next one catches up). */
  sample(): number | null {
    const raw = num(this.sys.read(this.zone.energyFile));
    if (raw === null) return null;
    if (this.prev !== null) {
      const d = counterDeltaUj(this.prev, raw, this.zone.maxUj);
      if (d.wrapped) this.wraps++;
      if (d.reset) this.resets++;
      this.totalJ += d.uj / 1e6;
    }
    this.prev = raw;
    return this.totalJ;
  }
}
