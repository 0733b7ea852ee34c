// Multi-node stages: Sources from several hosts (one log per host, or one source whose devices
// carry a host label, e.g. Prometheus) merged into one Source per energy scope, with a per-host
// breakdown. Hosts' clocks may disagree: each file was already integrated on its own clock
// (per host and device, never across hosts), so skew cannot change energy; it only affects the
// stage duration, which is therefore the longest single-host span, not max(end) − min(start).
import path from 'node:path';
import type { DeviceEnergy, Source } from './source.js';

/** Default skew above which we warn: larger than NTP-less drift over a day, smaller than a scrape gap. */
export const DEFAULT_SKEW_WARN_S = 60;

export interface HostSummary {
  host: string;
  /** Energy as measured (before it_overhead_factor and PUE), kWh. */
  energy_kwh: number | null;
  /** device: accelerator-only logs; host: whole-server logs; mixed: both kinds (summed as logged). */
  scope: 'device' | 'host' | 'mixed';
  devices: number;
  start: string | null;
  end: string | null;
  duration_s: number | null;
  /** Clock offset against the median host, s (+ = ahead); null when its window is not its own clock. */
  offset_s: number | null;
  sources: string[];
}

export interface MergedStage {
  /** One merged Source per scope present ('device' first), devices keyed host/id with host set. */
  sources: Source[];
  hosts: HostSummary[];
  /** Spread of the host clock offsets, s; null with fewer than two hosts on their own clocks. */
  skew_s: number | null;
  warnings: string[];
}

export interface MergeOptions {
  /** Warn when host clocks disagree by more than this (s). Default 60. */
  skewWarn_s?: number;
  /** Host of a source without host labels; default: from the file paths (hostsFromPaths). */
  hostOf?: (source: Source) => string | null;
}

interface Part {
  source: Source;
  /** Host per device index; a single-host source has the same host for all. */
  hostOfDevice: string[];
  /** Set when the whole source is one host's log (its times are that host's clock). */
  singleHost: string | null;
}

export function mergeHostSources(sources: readonly Source[], opts: MergeOptions = {}): MergedStage {
  const warnings: string[] = [];
  const unlabeled = sources.filter((s) => !hasHostLabels(s));
  const fromPaths = hostsFromPaths(unlabeled.map((s) => s.path));
  const parts: Part[] = sources.map((source) => {
    if (hasHostLabels(source)) {
      const hosts = source.devices.map((d) => d.host ?? '');
      const distinct = new Set(hosts);
      const only = distinct.size === 1 ? (hosts[0] ?? null) : null;
      // One host's labelled log (e.g. a per-node DCGM scrape file) is on that host's clock;
      // a Prometheus query spans hosts and is timed by the Prometheus server.
      return { source, hostOfDevice: hosts, singleHost: source.format === 'prometheus' ? null : only };
    }
    const host = opts.hostOf?.(source) ?? fromPaths.get(source.path) ?? hostFromPath(source.path);
    return { source, hostOfDevice: source.devices.map(() => host), singleHost: host };
  });

  const hosts = summariseHosts(parts);
  const skew = estimateSkew(hosts);
  const skewWarn = opts.skewWarn_s ?? DEFAULT_SKEW_WARN_S;
  if (skew !== null && skew.spread_s > skewWarn) {
    const worst = hosts.reduce((a, b) => (Math.abs(b.offset_s ?? 0) > Math.abs(a.offset_s ?? 0) ? b : a));
    const off = worst.offset_s ?? 0;
    warnings.push(
      `host clocks disagree by up to ${Math.round(skew.spread_s)} s (${worst.host} is ${Math.abs(Math.round(off))} s ${off >= 0 ? 'ahead of' : 'behind'} the median host): energy is integrated per host and device, so it is not affected; the stage duration is the longest single-host span`,
    );
  }
  // Short coverage among hosts of one job (Prometheus hosts share the query window).
  const sameJob = hosts.filter((h) => h.offset_s !== null);
  const longest = Math.max(0, ...sameJob.map((h) => h.duration_s ?? 0));
  for (const h of sameJob) {
    if (h.duration_s === null || longest === 0) continue;
    if (longest - h.duration_s > Math.max(300, 0.1 * longest)) {
      warnings.push(`${h.host}: logs cover ${hours(h.duration_s)} h, the longest host ${hours(longest)} h; part of ${h.host}'s log may be missing`);
    }
  }

  const merged: Source[] = [];
  for (const scope of ['device', 'host'] as const) {
    const group = parts.filter((p) => (p.source.scope ?? 'host') === scope);
    if (group.length > 0) merged.push(mergeGroup(group, scope, hosts, warnings));
  }
  return { sources: merged, hosts, skew_s: skew?.spread_s ?? null, warnings };
}

function hasHostLabels(s: Source): boolean {
  return s.devices.length > 0 && s.devices.every((d) => typeof d.host === 'string' && d.host !== '');
}

function summariseHosts(parts: Part[]): HostSummary[] {
  const byHost = new Map<
    string,
    {
      energy: number | null;
      scopes: Set<'device' | 'host'>;
      devices: Set<string>;
      startMs: number[];
      endMs: number[];
      own: boolean;
      sources: Set<string>;
      durations: number[];
    }
  >();
  const get = (host: string) => {
    let h = byHost.get(host);
    if (!h) {
      h = { energy: null, scopes: new Set(), devices: new Set(), startMs: [], endMs: [], own: true, sources: new Set(), durations: [] };
      byHost.set(host, h);
    }
    return h;
  };
  for (const p of parts) {
    const s = p.source;
    const startMs = s.start ? Date.parse(s.start) : NaN;
    const endMs = s.end ? Date.parse(s.end) : NaN;
    const touched = new Set<string>(p.singleHost !== null ? [p.singleHost] : p.hostOfDevice);
    for (const host of touched) {
      const h = get(host);
      h.sources.add(s.path);
      if (Number.isFinite(startMs)) h.startMs.push(startMs);
      if (Number.isFinite(endMs)) h.endMs.push(endMs);
      if (s.duration_s !== null) h.durations.push(s.duration_s);
      if (p.singleHost === null) h.own = false;
    }
    const scope = s.scope ?? 'host';
    for (const host of touched) get(host).scopes.add(scope);
    // One host's log: its total (a CodeCarbon total includes CPU and RAM beyond its devices).
    // A log spanning hosts: split by the devices' host labels.
    if (p.singleHost !== null && s.energy_kwh !== null) get(p.singleHost).energy = (get(p.singleHost).energy ?? 0) + s.energy_kwh;
    s.devices.forEach((d, i) => {
      const host = p.hostOfDevice[i] ?? p.singleHost ?? '';
      const h = get(host);
      h.devices.add(deviceKey(host, d));
      if (p.singleHost === null && d.energy_kwh !== null) h.energy = (h.energy ?? 0) + d.energy_kwh;
    });
  }
  return [...byHost.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([host, h]) => {
      const startMs = h.startMs.length ? Math.min(...h.startMs) : null;
      const endMs = h.endMs.length ? Math.max(...h.endMs) : null;
      const span = startMs !== null && endMs !== null ? (endMs - startMs) / 1000 : null;
      return {
        host,
        energy_kwh: h.energy,
        scope: h.scopes.size === 1 ? ([...h.scopes][0] ?? 'host') : 'mixed',
        devices: h.devices.size,
        start: startMs !== null ? new Date(startMs).toISOString() : null,
        end: endMs !== null ? new Date(endMs).toISOString() : null,
        duration_s: span ?? (h.durations.length ? Math.max(...h.durations) : null),
        offset_s: h.own && startMs !== null && endMs !== null ? 0 : null,
        sources: [...h.sources],
      };
    });
}

/**
 * Offsets of host clocks against the median host, from the start and end of each host's own
 * logs (hosts of one job start and stop together; a clock offset moves both ends alike).
 * Only hosts whose window mostly overlaps the median window count: logs of another run (days
 * apart) are not a clock error. Fills `offset_s` in place (null for hosts left out).
 */
function estimateSkew(hosts: HostSummary[]): { spread_s: number } | null {
  const own = hosts.filter((h) => h.offset_s !== null && h.start !== null && h.end !== null);
  const startOf = (h: HostSummary) => Date.parse(h.start ?? '');
  const endOf = (h: HostSummary) => Date.parse(h.end ?? '');
  const medStart = median(own.map(startOf));
  const medEnd = median(own.map(endOf));
  const sameJob = own.filter((h) => {
    const overlap = Math.min(endOf(h), medEnd) - Math.max(startOf(h), medStart);
    const shorter = Math.min(endOf(h) - startOf(h), medEnd - medStart);
    return shorter > 0 && overlap >= 0.5 * shorter;
  });
  for (const h of own) if (!sameJob.includes(h)) h.offset_s = null;
  if (sameJob.length < 2) {
    for (const h of sameJob) h.offset_s = null;
    return null;
  }
  for (const h of sameJob) {
    const ds = startOf(h) - medStart;
    const de = endOf(h) - medEnd;
    // Both ends moved alike: a clock offset. Otherwise a log started late or stopped early;
    // the end that lines up with the others tells the offset.
    const alike = Math.abs(ds - de) <= Math.max(60_000, 0.02 * (medEnd - medStart));
    h.offset_s = (alike ? (ds + de) / 2 : Math.abs(ds) < Math.abs(de) ? ds : de) / 1000;
  }
  const offsets = sameJob.map((h) => h.offset_s ?? 0);
  return { spread_s: Math.max(...offsets) - Math.min(...offsets) };
}

function mergeGroup(group: Part[], scope: 'device' | 'host', hosts: HostSummary[], warnings: string[]): Source {
  const devices: DeviceEnergy[] = [];
  const seen = new Map<string, Part>();
  const srcWarnings: string[] = [];
  for (const p of group) {
    p.source.devices.forEach((d, i) => {
      const host = p.hostOfDevice[i] ?? p.singleHost ?? '';
      const id = deviceKey(host, d);
      const prev = seen.get(id);
      if (prev && overlaps(prev.source, p.source)) {
        warnings.push(`${id} appears in ${prev.source.path} and ${p.source.path} over overlapping times: its energy is counted twice`);
      }
      seen.set(id, p);
      devices.push({ ...d, id, host });
    });
    const prefix = p.singleHost !== null ? `${p.singleHost}: ` : '';
    for (const w of p.source.warnings) srcWarnings.push(w.startsWith(prefix) ? w : `${prefix}${w}`);
  }
  const sum = (pick: (s: Source) => number | null): number | null => {
    const vals = group.map((p) => pick(p.source)).filter((v): v is number => v !== null);
    return vals.length ? vals.reduce((a, b) => a + b, 0) : null;
  };
  const formats = [...new Set(group.map((p) => p.source.format))];
  const pues = [...new Set(group.map((p) => p.source.logged_pue))];
  const starts = group.map((p) => (p.source.start ? Date.parse(p.source.start) : NaN)).filter(Number.isFinite);
  const ends = group.map((p) => (p.source.end ? Date.parse(p.source.end) : NaN)).filter(Number.isFinite);
  const groupHosts = new Set(group.flatMap((p) => (p.singleHost !== null ? [p.singleHost] : p.hostOfDevice)));
  const spans = hosts
    .filter((h) => groupHosts.has(h.host))
    .map((h) => h.duration_s)
    .filter((d): d is number => d !== null);
  const durations = group.map((p) => p.source.duration_s).filter((d): d is number => d !== null);
  return {
    path: group.map((p) => p.source.path).join(' + '),
    format: formats.length === 1 ? (formats[0] ?? 'merged') : 'merged',
    energy_kwh: sum((s) => s.energy_kwh),
    co2e_kg: sum((s) => s.co2e_kg),
    water_l: sum((s) => s.water_l),
    // Skew-tolerant: the longest span one host saw on its own clock.
    duration_s: spans.length ? Math.max(...spans) : durations.length ? Math.max(...durations) : null,
    devices,
    rows: group.reduce((a, p) => a + p.source.rows, 0),
    rows_rejected: group.reduce((a, p) => a + p.source.rows_rejected, 0),
    logged_pue: pues.length === 1 ? (pues[0] ?? null) : null,
    warnings: srcWarnings,
    scope,
    start: starts.length ? new Date(Math.min(...starts)).toISOString() : null,
    end: ends.length ? new Date(Math.max(...ends)).toISOString() : null,
  };
}

function deviceKey(host: string, d: DeviceEnergy): string {
  return d.id.startsWith(`${host}/`) ? d.id : `${host}/${d.id}`;
}

function overlaps(a: Source, b: Source): boolean {
  if (!a.start || !a.end || !b.start || !b.end) return true;
  return Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function hours(s: number): string {
  return (s / 3600).toFixed(1);
}

/** `runs/node-a/gpu.csv` -> `node-a`. One file: its name without extension. */
export function hostFromPath(p: string): string {
  return stripExt(path.basename(p));
}

/**
 * Host names for one-file-per-host logs: the path segment that differs between the files
 * (`runs/node-a/gpu.csv`, `runs/node-b/gpu.csv` -> node-a, node-b), with a common prefix or
 * suffix cut at `_` (`power_node-a.csv` -> node-a; hostnames have no `_`). Falls back to the
 * path below the common directory, without extension.
 */
export function hostsFromPaths(paths: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const unique = [...new Set(paths)];
  if (unique.length === 0) return out;
  if (unique.length === 1) {
    const only = unique[0] ?? '';
    out.set(only, hostFromPath(only));
    return out;
  }
  const split = unique.map((p) => p.split(/[\\/]+/));
  const depth = split[0]?.length ?? 0;
  const sameDepth = split.every((s) => s.length === depth);
  const differing = sameDepth ? [...Array(depth).keys()].filter((i) => new Set(split.map((s) => s[i])).size > 1) : [];
  if (differing.length === 1) {
    const i = differing[0] ?? 0;
    const names = split.map((s) => (i === depth - 1 ? stripExt(s[i] ?? '') : (s[i] ?? '')));
    const trimmed = trimCommon(names);
    unique.forEach((p, k) => {
      out.set(p, trimmed[k] ?? p);
    });
    return out;
  }
  let common = 0;
  while (split.every((s) => common < s.length - 1 && s[common] === split[0]?.[common])) common++;
  unique.forEach((p, k) => {
    out.set(p, stripExt((split[k] ?? []).slice(common).join('/')));
  });
  return out;
}

function stripExt(name: string): string {
  return name.replace(/(\.(csv|tsv|txt|log|json|jsonl|ndjson|prom|om|gz))+$/i, '');
}

/** Cut the common prefix/suffix of names back to a `_` boundary, keeping names distinct. */
function trimCommon(names: string[]): string[] {
  const first = names[0] ?? '';
  let pre = 0;
  while (pre < first.length && names.every((n) => n[pre] === first[pre])) pre++;
  const cutPre = first.lastIndexOf('_', pre - 1) + 1;
  let suf = 0;
  while (suf < first.length && names.every((n) => n.length - suf > cutPre && n[n.length - 1 - suf] === first[first.length - 1 - suf])) suf++;
  const tail = first.slice(first.length - suf);
  const k = tail.indexOf('_');
  const cutSuf = k === -1 ? 0 : tail.length - k;
  const out = names.map((n) => n.slice(cutPre, n.length - cutSuf));
  return new Set(out).size === names.length && out.every((n) => n !== '') ? out : names;
}

export interface StageCluster {
  hosts: HostSummary[];
  skew_s: number | null;
}

/**
 * Per-host breakdown of each stage that ran on two or more hosts, for the card
 * (`extensions.cluster`) and the report. Hosts come from device host labels (Prometheus,
 * DCGM scrapes) or, for logs without them, from the paths of two or more logs of one format
 * (one file per host); a single unlabelled log is one host named after its file.
 * Energy totals are not changed: the inventory already sums the sources.
 */
export function clusterBreakdown(
  sourcesByStage: Record<string, readonly Source[]>,
  opts: Pick<MergeOptions, 'skewWarn_s'> = {},
): { cluster: Record<string, StageCluster> | null; warnings: string[] } {
  const cluster: Record<string, StageCluster> = {};
  const warnings: string[] = [];
  for (const [stage, sources] of Object.entries(sourcesByStage)) {
    const byFormat = new Map<string, Source[]>();
    for (const s of sources) if (!hasHostLabels(s)) byFormat.set(s.format, [...(byFormat.get(s.format) ?? []), s]);
    const hostOfPath = new Map<string, string>();
    for (const group of byFormat.values()) {
      for (const [p, h] of hostsFromPaths(group.map((s) => s.path))) hostOfPath.set(p, h);
    }
    // Evidence of several hosts: host labels, or several logs of one format. A lone log of its
    // format (emissions.csv next to gpu.csv) says nothing about hosts.
    const evidence = new Set<string>();
    for (const s of sources) if (hasHostLabels(s)) for (const d of s.devices) evidence.add(d.host ?? '');
    for (const group of byFormat.values()) if (group.length >= 2) for (const s of group) evidence.add(hostOfPath.get(s.path) ?? '');
    if (evidence.size < 2) continue;
    const merged = mergeHostSources(sources, { ...opts, hostOf: (s) => hostOfPath.get(s.path) ?? null });
    if (merged.hosts.length < 2) continue;
    cluster[stage] = { hosts: merged.hosts, skew_s: merged.skew_s };
    for (const w of merged.warnings) warnings.push(`${stage}: ${w}`);
  }
  return { cluster: Object.keys(cluster).length ? cluster : null, warnings };
}
