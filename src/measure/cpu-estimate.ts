// When the RAPL counters cannot be read (most CI runners and VMs), CPU and memory power are
// ESTIMATED the way CodeCarbon does when it has no counter, and labelled as estimates with a
// range that is wider than a measurement's:
//
// CPU (whole machine, from /proc/stat utilisation u over each interval):
//   central  P = TDP × max(u, 0.1)              CodeCarbon CPU._calculate_power_from_cpu_load
//                                               (codecarbon/external/hardware.py: linear, 10 % floor)
//   low      P = TDP × (0.1 + 0.9 × u³)         CodeCarbon 3.x machine-mode cpu_load curve (same file)
//   high     P = 1.2 × TDP × max(u, 0.5)        CodeCarbon's constant mode assumes 50 % of TDP on
//                                               average (docs/explanation/methodology.md); +20 % for
//                                               sustained power above TDP (PL1/PL2 turbo), a tool assumption
//   TDP: the CPU model from /proc/cpuinfo looked up in CodeCarbon's cpu_power.csv
//   (src/data/cpu-power.ts) × sockets; not found: CodeCarbon's fallback of 4 W per thread
//   (DEFAULT_POWER_PER_CORE in codecarbon/core/cpu.py). In a VM (cpuinfo flag `hypervisor`) the
//   chip is shared: TDP × visible threads / the chip's threads when the model name states its
//   cores (AMD: "64-Core", 2 threads a core), else min(TDP, 4 W × visible threads).
//
// Memory (constant, from MemTotal in /proc/meminfo):
//   central  CodeCarbon 3.x: 5 W per DIMM (x86; 1.5 W on ARM), the DIMM count guessed from the
//            size, less per DIMM beyond 4 (codecarbon/external/ram.py; methodology.md "RAM")
//   low      half of that (idle DIMMs draw less; tool assumption)
//   high     the larger of 1.5 × central and CodeCarbon 2.x's 3 W per 8 GB (0.375 W/GB, citing
//            Crucial, "How much power does memory use?")
//
// CodeCarbon: https://github.com/mlco2/codecarbon (MIT), read at commit b05965e43b690cdc53787c7577adbe6e2caf4ed9.
import { CPU_TDP_TABLE } from '../data/cpu-power.js';

export const FALLBACK_W_PER_THREAD = 4;
export const RAM_W_PER_GB_V2 = 3 / 8;
const CODECARBON = 'CodeCarbon cpu_power.csv';

export interface CpuInfo {
  model: string | null;
  threads: number;
  sockets: number;
  /** Running under a hypervisor (flag `hypervisor`): the chip's TDP is shared with other guests. */
  vm: boolean;
  arm: boolean;
}

export function parseCpuInfo(text: string): CpuInfo {
  let model: string | null = null;
  let threads = 0;
  const sockets = new Set<string>();
  let vm = false;
  let arm = false;
  for (const line of text.split('\n')) {
    const i = line.indexOf(':');
    if (i < 0) continue;
    const key = line.slice(0, i).trim();
    const value = line.slice(i + 1).trim();
    if (key === 'processor') threads++;
    else if (key === 'model name' && model === null && value !== '') model = value;
    else if (key === 'physical id') sockets.add(value);
    else if ((key === 'flags' || key === 'Features') && / hypervisor( |$)/.test(` ${value}`)) vm = true;
    else if (key === 'CPU implementer') arm = true;
  }
  return { model, threads: Math.max(1, threads), sockets: Math.max(1, sockets.size), vm, arm };
}

/** `Intel(R) Xeon(R) Platinum 8370C CPU @ 2.80GHz` -> `Intel Xeon Platinum 8370C`; `AMD EPYC 7763 64-Core Processor` -> `AMD EPYC 7763`. */
export function normaliseCpuName(raw: string): string {
  return raw
    .replace(/\((?:R|TM)\)/gi, ' ')
    .replace(/\s+CPU\s*@.*$/i, '')
    .replace(/\s*@\s*[\d.]+\s*GHz.*$/i, '')
    .replace(/\s+\d+-Cores?(\s+Processor)?\s*$/i, '')
    .replace(/\s+(CPU|Processor)\s*$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const tokens = (s: string): string[] => s.toLowerCase().split(/\s+/).filter(Boolean);

/**
 * TDP of a CPU model from the bundled table: an exact match of the normalised name, else the
 * most specific table name whose words all appear in it (one with a model number among them);
 * two equally specific names with different TDPs are ambiguous (no match), as in CodeCarbon.
 */
export function lookupCpuTdp(raw: string, table: string = CPU_TDP_TABLE): { name: string; tdp_w: number } | null {
  const want = normaliseCpuName(raw).toLowerCase();
  const have = new Set(tokens(want));
  // Only lines that contain one of the model's numbered words can match: find those with
  // indexOf instead of splitting the whole table (that would add ~8 MiB to the sampler's peak).
  const lower = `\n${table.toLowerCase()}\n`;
  const starts = new Set<number>();
  const exact = lower.indexOf(`\n${want}\t`);
  if (exact >= 0) starts.add(exact + 1);
  for (const word of have) {
    if (!/\d/.test(word)) continue;
    for (let i = lower.indexOf(word); i >= 0; i = lower.indexOf(word, i + word.length)) starts.add(lower.lastIndexOf('\n', i) + 1);
  }
  let best: { name: string; tdp_w: number; n: number } | null = null;
  let tie = false;
  for (const at of [...starts].sort((a, b) => a - b)) {
    const line = lower.slice(at, lower.indexOf('\n', at));
    const tab = line.indexOf('\t');
    const name = table.slice(at - 1, at - 1 + tab);
    const tdp = Number(line.slice(tab + 1));
    const t = tokens(line.slice(0, tab));
    if (line.slice(0, tab) === want) return { name, tdp_w: tdp };
    if (!t.some((x) => /\d/.test(x)) || !t.every((x) => have.has(x))) continue;
    if (best === null || t.length > best.n) {
      best = { name, tdp_w: tdp, n: t.length };
      tie = false;
    } else if (t.length === best.n && tdp !== best.tdp_w) tie = true;
  }
  return best && !tie ? { name: best.name, tdp_w: best.tdp_w } : null;
}

export interface CpuPowerModel {
  /** TDP attributed to this machine (W). */
  tdpW: number;
  /** One sentence: where the TDP came from and how it is shared; goes into the log. */
  method: string;
}

const fmtW = (w: number) => `${Number(w.toFixed(1))} W`;

export function cpuPowerModel(info: CpuInfo, table: string = CPU_TDP_TABLE): CpuPowerModel {
  const found = info.model ? lookupCpuTdp(info.model, table) : null;
  const fallback = FALLBACK_W_PER_THREAD * info.threads;
  const fallbackText = `CodeCarbon's fallback of ${FALLBACK_W_PER_THREAD} W per thread × ${info.threads} threads = ${fmtW(fallback)}`;
  const curve = 'P = TDP × max(load, 0.1), range TDP × (0.1 + 0.9 × load³) to 1.2 × TDP × max(load, 0.5)';
  if (!found) {
    const what = info.model ? `CPU "${info.model}" is not in ${CODECARBON}` : 'the CPU model is not named in /proc/cpuinfo';
    return { tdpW: fallback, method: `estimate: ${what}; TDP from ${fallbackText}; ${curve}` };
  }
  const chip = found.tdp_w * info.sockets;
  const matched = `TDP ${fmtW(found.tdp_w)} for "${found.name}" (${CODECARBON})${info.sockets > 1 ? ` × ${info.sockets} sockets` : ''}`;
  if (!info.vm) return { tdpW: chip, method: `estimate: ${matched}; ${curve}` };
  const cores = Number(/(\d+)-Cores?/i.exec(info.model ?? '')?.[1] ?? Number.NaN);
  if (Number.isFinite(cores) && cores > 0) {
    const share = Math.min(1, info.threads / (2 * cores));
    return {
      tdpW: found.tdp_w * share,
      method: `estimate: ${matched} shared by a VM: × ${info.threads} visible threads / ${2 * cores} threads of the chip = ${fmtW(found.tdp_w * share)}; ${curve}`,
    };
  }
  const w = Math.min(chip, fallback);
  return { tdpW: w, method: `estimate: ${matched}, in a VM whose share of the chip is unknown: the smaller of that and ${fallbackText}; ${curve}` };
}

export interface PowerRange {
  w: number;
  low: number;
  high: number;
}

/** CPU power at utilisation `load` (0..1) for a TDP (see the header for the three curves). */
export function cpuPowerW(tdpW: number, load: number): PowerRange {
  const u = Math.min(1, Math.max(0, load));
  return { w: tdpW * Math.max(u, 0.1), low: tdpW * (0.1 + 0.9 * u ** 3), high: 1.2 * tdpW * Math.max(u, 0.5) };
}

/** CodeCarbon 3.x RAM._estimate_dimm_count (codecarbon/external/ram.py). */
export function dimmCount(totalGiB: number): number {
  if (totalGiB <= 2) return 1;
  if (totalGiB <= 16) return 2;
  if (totalGiB <= 32) return 4;
  if (totalGiB <= 64) return 4;
  if (totalGiB <= 128) return 8;
  for (const size of [128, 64, 32, 16, 8, 4]) if (size <= totalGiB / 8) return Math.min(Math.ceil(totalGiB / size), 32);
  return 8;
}

/** CodeCarbon 3.x RAM._calculate_ram_power, with the range in the header. */
export function ramPower(totalGiB: number, arm: boolean): PowerRange & { method: string } {
  const n = dimmCount(totalGiB);
  const per = arm ? 1.5 : 5;
  const min = arm ? 3 : per * 2;
  let w: number;
  if (n <= 4) w = per * n;
  else if (n <= 8) w = per * 4 + per * 0.9 * (n - 4);
  else if (n <= 16) w = per * 4 + per * 0.9 * 4 + per * 0.8 * (n - 8);
  else w = per * 4 + per * 0.9 * 4 + per * 0.8 * 8 + per * 0.7 * (n - 16);
  w = Math.max(min, w);
  const perGb = RAM_W_PER_GB_V2 * totalGiB;
  const high = Math.max(1.5 * w, perGb);
  return {
    w,
    low: w / 2,
    high,
    method:
      `estimate: ${Number(totalGiB.toFixed(1))} GiB of memory as ~${n} DIMMs at ${per} W (CodeCarbon 3.x) = ${fmtW(w)}; ` +
      `range ${fmtW(w / 2)} to ${fmtW(high)} (the high end is the larger of 1.5× and CodeCarbon 2.x's 3 W per 8 GB, ${fmtW(perGb)})`,
  };
}

/** MemTotal in GiB from /proc/meminfo, or null. */
export function parseMemTotalGiB(text: string): number | null {
  const m = /^MemTotal:\s*(\d+)\s*kB/m.exec(text);
  return m ? Number(m[1]) / 1024 ** 2 : null;
}

/** Busy and total jiffies of all CPUs from /proc/stat's first line (`cpu  user nice system idle iowait irq softirq steal ...`). */
export function parseProcStat(text: string): { busy: number; total: number } | null {
  const line = text.split('\n', 1)[0] ?? '';
  if (!line.startsWith('cpu ')) return null;
  const v = line.slice(4).trim().split(/\s+/).map(Number).slice(0, 8);
  if (v.length < 4 || v.some((x) => !Number.isFinite(x))) return null;
  // guest and guest_nice are already inside user and nice: not added again.
  const total = v.reduce((a, b) => a + b, 0);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  return { busy: total - idle, total };
}

/** Utilisation (0..1) between two /proc/stat readings; 0 when no time passed. */
export function loadBetween(a: { busy: number; total: number }, b: { busy: number; total: number }): number {
  const dt = b.total - a.total;
  if (dt <= 0) return 0;
  return Math.min(1, Math.max(0, (b.busy - a.busy) / dt));
}
