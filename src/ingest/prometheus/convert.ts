// Range-query answers -> one device-scope Source. Pure: no I/O.
// Per GPU (host/gpu, or its UUID), energy comes from the DCGM energy counter (mJ, differenced
// with resets handled) or, when that series is missing or too short, from the power gauge
// (W, trapezoid rule: domain.md "Integrating power logs"). Every fallback, gap, short coverage
// and GPU missing on one host is a warning, so a partial measurement is never silent.
import { InputError } from '../../errors.js';
import type { DeviceEnergy, Source } from '../source.js';
import type { MatrixSeries } from './client.js';
import { formatDuration } from './plan.js';
import { CounterSeries, PowerSeries } from '../integrate.js';
import { implausibleAboveW } from '../plausibility.js';

export const COUNTER_METRIC = 'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION';
export const GAUGE_METRIC = 'DCGM_FI_DEV_POWER_USAGE';
const MJ_PER_J = 1000;
const J_PER_KWH = 3.6e6;

export interface ConvertInput {
  /** Chunks of the counter query, in time order. */
  counter: MatrixSeries[];
  gauge: MatrixSeries[];
  startMs: number;
  endMs: number;
  step_s: number;
  /** Display name of the query (redacted URL + selector). */
  path: string;
  selector: string;
  warnings: string[];
}

interface Points {
  t: number[];
  v: number[];
  rejected: number;
}

interface Gpu {
  key: string;
  host: string;
  gpu: string;
  uuid: string | null;
  name: string | null;
  counter: Points | null;
  gauge: Points | null;
}

/** DCGM exporter labels, then Kubernetes / Prometheus target labels as fallbacks. */
export function gpuIdentity(labels: Record<string, string>): { host: string; gpu: string; uuid: string | null; name: string | null } {
  const host = labels.Hostname ?? labels.hostname ?? labels.node ?? labels.kubernetes_node ?? labels.nodename ?? stripPort(labels.instance) ?? 'unknown-host';
  const uuid = labels.UUID ?? labels.uuid ?? null;
  const gpu = labels.gpu ?? labels.device ?? uuid ?? 'unknown-gpu';
  const name = labels.modelName ?? labels.model_name ?? null;
  return { host, gpu, uuid, name };
}

function stripPort(instance: string | undefined): string | undefined {
  if (instance === undefined) return undefined;
  return instance.replace(/:\d+$/, '');
}

/** Concatenate the chunks of one query per series (chunks tile the step grid without overlap). */
function collect(series: MatrixSeries[]): Map<string, { labels: Record<string, string>; points: Points }> {
  const out = new Map<string, { labels: Record<string, string>; points: Points }>();
  for (const s of series) {
    const labels = { ...s.metric };
    delete labels.__name__;
    const id = JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    let entry = out.get(id);
    if (!entry) {
      entry = { labels, points: { t: [], v: [], rejected: 0 } };
      out.set(id, entry);
    }
    for (const [t, text] of s.values) {
      const v = Number(text);
      const last = entry.points.t[entry.points.t.length - 1];
      if (last !== undefined && t <= last) continue; // chunk edge repeated: keep the first
      if (!Number.isFinite(v) || v < 0) {
        entry.points.rejected++;
        continue;
      }
      entry.points.t.push(t);
      entry.points.v.push(v);
    }
  }
  return out;
}

/** Per-GPU findings of one kind, rendered as one warning listing the GPUs (clusters are big). */
class Findings {
  private readonly byKind = new Map<string, string[]>();
  add(kind: string, item: string): void {
    const list = this.byKind.get(kind);
    if (list) list.push(item);
    else this.byKind.set(kind, [item]);
  }
  count(kind: string): number {
    return this.byKind.get(kind)?.length ?? 0;
  }
  list(kind: string, max = 8): string {
    const items = this.byKind.get(kind) ?? [];
    const shown = items.slice(0, max).join(', ');
    return items.length > max ? `${shown} and ${items.length - max} more` : shown;
  }
}

/** Two series of one GPU that do not overlap in time, as one; null when they overlap. */
function joinDisjoint(a: Points, b: Points): Points | null {
  const [first, second] = (a.t[0] ?? 0) <= (b.t[0] ?? 0) ? [a, b] : [b, a];
  const firstEnd = first.t[first.t.length - 1] ?? Number.NEGATIVE_INFINITY;
  const secondStart = second.t[0] ?? Number.POSITIVE_INFINITY;
  if (firstEnd >= secondStart) return null;
  return { t: [...first.t, ...second.t], v: [...first.v, ...second.v], rejected: first.rejected + second.rejected };
}

export function toSource(input: ConvertInput): Source {
  const warnings = [...input.warnings];
  const found = new Findings();
  const gpus = new Map<string, Gpu>();
  const place = (metric: 'counter' | 'gauge', series: MatrixSeries[]) => {
    for (const { labels, points } of collect(series).values()) {
      const id = gpuIdentity(labels);
      const key = id.uuid ?? `${id.host}/${id.gpu}`;
      let g = gpus.get(key);
      if (!g) {
        g = { key, ...id, counter: null, gauge: null };
        gpus.set(key, g);
      }
      if (g.name === null) g.name = id.name;
      const prev = g[metric];
      if (prev) {
        const joined = joinDisjoint(prev, points);
        if (joined) {
          // One GPU, successive label sets (Kubernetes pod labels change between pods): one history.
          g[metric] = joined;
          continue;
        }
        // The same GPU scraped twice at once (two jobs, two exporters): summing would double count.
        found.add(`duplicate-${metric}`, `${g.host}/${g.gpu}`);
        if (points.t.length <= prev.t.length) continue;
      }
      g[metric] = points;
    }
  };
  place('counter', input.counter);
  place('gauge', input.gauge);

  if (gpus.size === 0) {
    throw new InputError({
      code: 'LOG_NO_MATCH',
      file: input.path,
      expected: `${COUNTER_METRIC} or ${GAUGE_METRIC} series matching ${input.selector} between ${iso(input.startMs)} and ${iso(input.endMs)}`,
      got: 'no series',
      hint: 'check the selector labels (e.g. {job="…"} or {Hostname=~"node-.*"}) and the job window',
    });
  }

  // Device ids host/gpu; two GPUs with different UUIDs under one host/gpu keep their UUID.
  const idCount = new Map<string, number>();
  for (const g of gpus.values()) idCount.set(`${g.host}/${g.gpu}`, (idCount.get(`${g.host}/${g.gpu}`) ?? 0) + 1);

  const window_s = (input.endMs - input.startMs) / 1000;
  const gapThreshold_s = input.step_s * 1.5;
  const devices: DeviceEnergy[] = [];
  let rows = 0;
  let rejected = 0;
  let resets = 0;
  let gapSeconds = 0;
  const sorted = [...gpus.values()].sort((a, b) => compareIds(`${a.host}/${a.gpu}`, `${b.host}/${b.gpu}`));
  for (const g of sorted) {
    const shortId = `${g.host}/${g.gpu}`;
    const id = (idCount.get(shortId) ?? 0) > 1 && g.uuid ? `${shortId}/${g.uuid}` : shortId;
    rows += (g.counter?.t.length ?? 0) + (g.gauge?.t.length ?? 0);
    rejected += (g.counter?.rejected ?? 0) + (g.gauge?.rejected ?? 0);
    let energy_kwh: number | null = null;
    let used: Points | null = null;
    const counter = g.counter;
    const gauge = g.gauge;
    if (counter && counter.t.length >= 2) {
      const inc = new CounterSeries();
      counter.t.forEach((t, i) => {
        inc.add(t, (counter.v[i] ?? 0) / MJ_PER_J);
      });
      energy_kwh = inc.energyJ / J_PER_KWH;
      used = counter;
      if (inc.resets > 0) {
        resets += inc.resets;
        found.add('reset', id);
      }
    } else if (gauge && gauge.t.length >= 2) {
      // Fixed threshold: on the step grid a missing point already means no sample for longer
      // than Prometheus' lookback (5 min), so any missing point is a real gap.
      const tz = new PowerSeries(gapThreshold_s);
      gauge.t.forEach((t, i) => {
        tz.add(t, gauge.v[i] ?? 0);
      });
      tz.finish();
      energy_kwh = tz.energyJ / J_PER_KWH;
      used = gauge;
      found.add(counter ? 'short-counter' : 'no-counter', id);
      if (tz.gaps > 0) {
        gapSeconds += tz.gapSeconds;
        found.add('gaps', id);
      }
    } else {
      found.add('no-energy', id);
    }
    if (used) {
      const first = used.t[0] ?? 0;
      const last = used.t[used.t.length - 1] ?? 0;
      // A mean power no GPU can draw means a unit or label mix-up (µJ for mJ, a summed series).
      const meanW = energy_kwh !== null && last > first ? (energy_kwh * J_PER_KWH) / (last - first) : 0;
      const bound = implausibleAboveW(g.name);
      if (meanW > bound.limit) found.add('implausible', `${id} ${Math.round(meanW)} W > ${bound.basis}`);
      const missing_s = first - input.startMs / 1000 + (input.endMs / 1000 - last);
      if (missing_s > Math.max(2 * input.step_s, 0.01 * window_s)) {
        found.add('coverage', `${id} (${formatDuration(last - first)}, ${iso(first * 1000)} to ${iso(last * 1000)})`);
      }
    }
    devices.push({ id, name: g.name, host: g.host, ...(g.uuid ? { uuid: g.uuid } : {}), energy_kwh, samples: used?.t.length ?? 0 });
  }

  const n = (kind: string) => found.count(kind);
  for (const metric of ['counter', 'gauge'] as const) {
    if (n(`duplicate-${metric}`)) {
      warnings.push(
        `${metric === 'counter' ? COUNTER_METRIC : GAUGE_METRIC} has more than one series for ${n(`duplicate-${metric}`)} GPU(s) (${found.list(`duplicate-${metric}`)}): scraped twice? kept the one with more samples; narrow the selector to one job`,
      );
    }
  }
  if (n('reset')) {
    warnings.push(
      `${COUNTER_METRIC} reset ${resets} time(s) on ${n('reset')} GPU(s) (${found.list('reset')}): DCGM or driver restart; counted from zero after each reset`,
    );
  }
  const fallback = n('no-counter') + n('short-counter');
  if (fallback) {
    const all =
      fallback === devices.length
        ? `all ${fallback} GPU(s)`
        : `${fallback} of ${devices.length} GPU(s) (${[found.list('no-counter'), found.list('short-counter')].filter(Boolean).join(', ')})`;
    const why = n('short-counter') ? 'no usable' : 'no';
    warnings.push(`${why} ${COUNTER_METRIC} series for ${all}: energy integrated from ${GAUGE_METRIC} (W, trapezoid at a ${input.step_s} s step) instead`);
  }
  if (n('gaps')) {
    warnings.push(
      `${GAUGE_METRIC} has gaps not bridged on ${n('gaps')} GPU(s) (${found.list('gaps')}), ${formatDuration(gapSeconds)} in all: energy during them is missing`,
    );
  }
  if (n('coverage')) {
    warnings.push(
      `samples cover only part of the ${formatDuration(window_s)} job window on ${n('coverage')} GPU(s): ${found.list('coverage', 4)}; energy outside is missing`,
    );
  }
  if (n('implausible')) {
    warnings.push(
      `implausible mean power on ${n('implausible')} GPU(s): ${found.list('implausible', 4)}; check the metric's unit (${COUNTER_METRIC} is mJ) and that the selector picks one series per GPU`,
    );
  }
  if (n('no-energy')) {
    warnings.push(
      `fewer than 2 samples of ${COUNTER_METRIC} or ${GAUGE_METRIC} in the job window for ${n('no-energy')} GPU(s) (${found.list('no-energy')}): no energy for them`,
    );
  }

  // A GPU whose series are missing altogether is visible only as a host with fewer GPUs.
  const perHost = new Map<string, number>();
  for (const d of devices) perHost.set(d.host ?? '', (perHost.get(d.host ?? '') ?? 0) + 1);
  const maxGpus = Math.max(...perHost.values());
  const short = [...perHost].filter(([, k]) => k < maxGpus);
  if (short.length) {
    const missing = short.reduce((a, [, k]) => a + maxGpus - k, 0);
    warnings.push(`${missing} GPU(s) may be missing: ${short.map(([h, k]) => `${h} reports ${k}`).join(', ')}, other hosts ${maxGpus}`);
  }

  const measured = devices.filter((d) => d.energy_kwh !== null);
  return {
    path: input.path,
    format: 'prometheus',
    energy_kwh: measured.length > 0 ? measured.reduce((s, d) => s + (d.energy_kwh ?? 0), 0) : null,
    co2e_kg: null,
    water_l: null,
    duration_s: window_s,
    devices,
    rows,
    rows_rejected: rejected,
    logged_pue: null,
    warnings,
    scope: 'device',
    start: iso(input.startMs),
    end: iso(input.endMs),
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** node-2/gpu 10 after node-2/gpu 9: numeric parts compare as numbers. */
function compareIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
