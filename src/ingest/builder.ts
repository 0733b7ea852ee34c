// Collects what one log file contributes while its parser streams it, then builds the SOURCE
// object (src/ingest/source.ts). Parsers emit canonical units (W, J, kWh, kg, L) and call
// `device(...)` / `reject(...)` / `warn(...)`; every data-quality rule that is not specific to
// one format lives here, so all formats report the same way.
import type { DeviceEnergy, MeasurementMethod, Source, SourceMeasurement } from './source.js';
import type { Measure } from './columns.js';
import { CounterSeries, PowerSeries } from './integrate.js';
import { implausibleAboveW, plausibleMeanW } from './plausibility.js';
import { isoOf, type DateOrder, newDateOrder, validEpoch } from './time.js';
import { jToKwh, type UnitReading } from './units.js';
import type { IngestOptions } from './types.js';

const MAX_WARNINGS = 40;
const fmt = (x: number, d = 3): string => (Number.isInteger(x) ? String(x) : x.toPrecision(d));
/**
 * A power in warnings: whole watts with separators from 100 W up, else 3 significant digits.
 * Grouped by hand: toLocaleString would load ICU's locale data (~7 MB RSS) for every log read.
 */
const watts = (x: number): string => (Math.abs(x) >= 100 ? String(Math.round(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : Number(x.toPrecision(3)).toString());

/** Why a file's (or a device's) energy could not be derived: the stage it feeds is incomplete. */
export interface EnergyProblem {
  /** Stable id: no_timestamps, no_valid_values, single_sample, no_elapsed_time, single_counter_reading, no_rows, all_rows_rejected, no_values, emissions_only, no_energy */
  code: string;
  /** One sentence: what the file holds instead of usable energy. */
  reason: string;
  /** One line: what the user changes to get a measurement. */
  fix: string;
}

const FIX_NO_TIMESTAMPS =
  "set the stage's interval_s to the logging interval in seconds (ml-lca ingest: --interval), or log timestamps: nvidia-smi --query-gpu=timestamp,index,power.draw --format=csv -l 1";

export interface DeviceMeta {
  name?: string | null | undefined;
  host?: string | null | undefined;
}

export class DeviceAcc {
  readonly power: PowerSeries;
  readonly counter = new CounterSeries();
  /** Energy logged directly (per window or per run), J. */
  directJ = 0;
  directRecords = 0;
  /** Samples without a timestamp (placed at index × interval_s when one is given). */
  untimed = 0;
  /** Of those, samples with a value (reported when no interval is given). */
  untimedValid = 0;
  na = 0;
  negative = 0;
  /** Values that parsed as ±Infinity (1e999): rejected, never integrated. */
  infinite = 0;
  over = 0;
  maxW = 0;
  /** Sum and sum of squares of the valid power values, for the Type A uncertainty of their mean. */
  sumW = 0;
  sumW2 = 0;
  nW = 0;
  /** How finish() derived the energy (null: none). */
  method: 'power_samples' | 'energy_counter' | 'energy_records' | null = null;
  /** First and last timestamp of energy records (per-row energy), for their mean power. */
  energyFirst = Number.POSITIVE_INFINITY;
  energyLast = Number.NEGATIVE_INFINITY;
  /** Factor from the unit applied as rows arrived to the one the values decided (builder decideUnits). */
  powerScale = 1;
  counterScale = 1;
  directScale = 1;
  /** Header of the power column, named in warnings. */
  powerColumn: string | null = null;
  name: string | null;
  host: string | null;
  /** What the device is, when the log says (ml-lca measure channels). */
  kind: DeviceEnergy['kind'];
  private readonly limit: number;
  private readonly basis: string;

  constructor(
    readonly id: string,
    meta: DeviceMeta,
    private readonly src: SourceBuilder,
  ) {
    this.name = meta.name ?? null;
    this.host = meta.host ?? null;
    this.power = new PowerSeries(src.opts.gapThreshold_s);
    // The device name as logged is more specific than the scenario's hardware model.
    const p = implausibleAboveW(this.name ?? src.opts.hardwareModel);
    this.limit = p.limit;
    this.basis = p.basis;
  }

  /** A power sample in W; `t` epoch seconds or null when the log has no timestamps. */
  addPower(t: number | null, w: number): void {
    // Without timestamps a sample's time is its position: a missing value still takes its slot.
    const slot = t === null ? this.untimed++ : 0;
    if (!(w >= 0 && w < Number.POSITIVE_INFINITY)) {
      this.rejectValue(w);
      return;
    }
    if (w > this.limit) this.over++;
    if (w > this.maxW) this.maxW = w;
    this.sumW += w;
    this.sumW2 += w * w;
    this.nW++;
    if (t === null) {
      const iv = this.src.opts.interval_s;
      if (iv === undefined) {
        this.untimedValid++;
        return;
      }
      t = slot * iv;
    } else this.src.seen(t);
    this.power.add(t, w);
  }

  /** A reading of a cumulative energy counter, J. */
  addCounter(t: number | null, j: number): void {
    if (!(j >= 0 && j < Number.POSITIVE_INFINITY)) {
      this.rejectValue(j);
      return;
    }
    if (t !== null) this.src.seen(t);
    this.counter.add(t, j);
  }

  private rejectValue(v: number): void {
    if (Number.isNaN(v)) this.na++;
    else if (v === Number.POSITIVE_INFINITY) this.infinite++;
    else this.negative++;
  }

  /** Energy of one window or run as logged, J; `t` the row's time when it has one. */
  addEnergy(j: number, t: number | null = null): void {
    this.directJ += j;
    this.directRecords++;
    if (t !== null) {
      if (t < this.energyFirst) this.energyFirst = t;
      if (t > this.energyLast) this.energyLast = t;
    }
  }

  /**
   * Mean power (W, at the unit read so far) the device's values of `kind` imply, or null when
   * they span no time: integrated power over the seconds bridged; a counter's increase over its
   * span; per-row energies over their span (n rows stamped over a span cover about n intervals
   * of span / (n − 1)). Power samples without any span (no timestamps) give their largest value.
   */
  meanW(kind: Measure['kind']): { w: number; peak: boolean } | null {
    if (kind === 'power') {
      if (this.power.coveredS > 0) return { w: this.power.energyJ / this.power.coveredS, peak: false };
      return this.power.samples > 0 || this.untimedValid > 0 ? { w: this.maxW, peak: true } : null;
    }
    if (kind === 'counter') {
      const span = this.counter.last - this.counter.first;
      return this.counter.samples >= 2 && span > 0 ? { w: this.counter.energyJ / span, peak: false } : null;
    }
    const n = this.directRecords;
    const span = this.energyLast - this.energyFirst;
    return n >= 2 && span > 0 ? { w: (this.directJ * (n - 1)) / n / span, peak: false } : null;
  }

  /**
   * GUM Type A relative standard uncertainty of the mean power: s / (mean × √n) over the valid
   * samples (unit-free, so the unit decided later does not matter); null under two samples.
   */
  samplingRelU(): number | null {
    const n = this.nW;
    if (n < 2 || !(this.sumW > 0)) return null;
    const mean = this.sumW / n;
    const variance = Math.max(0, (this.sumW2 - n * mean * mean) / (n - 1));
    return Math.sqrt(variance / n) / mean;
  }

  /** The plausible mean power of this device (plausibility.ts). */
  plausible(): ReturnType<typeof plausibleMeanW> {
    return plausibleMeanW(this.name ?? this.src.opts.hardwareModel);
  }

  /**
   * Energy in J, or null when it cannot be derived honestly (then `problem` says why and how to
   * fix it: the stage this file feeds is incomplete); appends warnings.
   */
  finish(warn: (m: string) => void): { energyJ: number | null; samples: number; problem?: EnergyProblem } {
    const d = `device ${this.id}`;
    if (this.na > 0) warn(`${d}: ${this.na} values not available ([N/A] or empty) skipped`);
    if (this.negative > 0) warn(`${d}: ${this.negative} negative values rejected`);
    if (this.infinite > 0) warn(`${d}: ${this.infinite} infinite values (overflowing numbers) rejected`);
    const p = this.power;
    p.finish();
    let energyJ: number | null = null;
    let samples = this.directRecords;
    if (this.counter.samples >= 2) {
      this.method = 'energy_counter';
      energyJ = this.counter.energyJ * this.counterScale;
      samples = this.counter.samples;
      if (this.counter.resets > 0) warn(`${d}: energy counter reset ${this.counter.resets} time(s); counted from zero after each reset`);
      if (p.samples > 0) warn(`${d}: energy taken from the energy counter; ${p.samples} power samples not integrated`);
    } else if (p.samples > 0 || this.untimedValid > 0) {
      samples = Math.max(p.samples, this.untimedValid);
      if (this.untimedValid > 0 && this.src.opts.interval_s === undefined) {
        warn(
          `${d}: ${this.untimedValid} power samples have no timestamp; pass --interval SECONDS (or the stage's interval_s) to integrate them; energy_kwh is null`,
        );
        return {
          energyJ: null,
          samples,
          problem: {
            code: 'no_timestamps',
            reason: `${d}: ${this.untimedValid} power samples have no timestamp, so they cannot be integrated over time`,
            fix: FIX_NO_TIMESTAMPS,
          },
        };
      }
      if (p.samples === 1) {
        warn(`${d}: a single power sample cannot be integrated; energy_kwh is null`);
        return {
          energyJ: null,
          samples,
          problem: {
            code: 'single_sample',
            reason: `${d}: a single power sample, so there is no interval to integrate`,
            fix: 'log power for the whole run (at least two samples), e.g. start nvidia-smi -l 1 before the workload and stop it after',
          },
        };
      }
      if (p.coveredS === 0) {
        // Samples, but no interval between them that can be integrated: the energy is unknown, not 0.
        const allSame = p.duplicates + p.sameTimestamp === p.samples - 1;
        warn(`${d}: ${p.samples} power samples but no time between them that can be integrated; energy_kwh is null`);
        return {
          energyJ: null,
          samples,
          problem: allSame
            ? {
                code: 'no_elapsed_time',
                reason: `${d}: all ${p.samples} power samples share one timestamp, so no time passes between them`,
                fix: "check the timestamp column (it does not advance); if the log has no real timestamps, remove the column and set the stage's interval_s",
              }
            : {
                code: 'no_elapsed_time',
                reason: `${d}: ${p.samples} power samples with no interval that can be integrated (every step is a repeated time, a jump back in time or a gap longer than ${fmt(p.threshold)} s)`,
                fix: 'sort the log by time and log at a steady interval (e.g. nvidia-smi -l 1)',
              },
        };
      }
      energyJ = p.energyJ;
      this.method = 'power_samples';
      if (p.gaps > 0 && p.longestGap) {
        warn(
          `${d}: ${p.gaps} gap(s) longer than ${fmt(p.threshold)} s not bridged (${fmt(p.gapSeconds)} s in all; longest ${fmt(p.longestGap.length)} s after ${isoOrRel(p.longestGap.at, this.untimed > 0)})`,
        );
      }
      if (p.duplicates > 0) warn(`${d}: ${p.duplicates} duplicate rows (same timestamp and value) counted once`);
      if (p.sameTimestamp > 0)
        warn(
          `${d}: ${p.sameTimestamp} samples share a timestamp with the previous sample but differ in value; no time passes between them, so they add no energy`,
        );
      if (p.descendingRuns > 0 && p.outOfOrder === 0) warn(`${d}: timestamps run backwards (newest first); integrated in that order`);
      if (p.outOfOrder > 0) {
        const ov = p.overlappingRuns();
        warn(
          `${d}: ${p.outOfOrder} samples out of time order (concatenated logs?); integrated as ${p.runs.length} time-ordered runs` +
            (ov > 0 ? `, ${ov} of which overlap in time and may double count` : ''),
        );
      }
      energyJ *= this.powerScale;
      const col = this.powerColumn === null ? '' : ` in column ${JSON.stringify(this.powerColumn)}`;
      const maxW = this.maxW * this.powerScale;
      if (this.powerScale === 1 && this.over > 0) {
        warn(`${d}: ${this.over} power values${col} exceed ${this.basis} (max ${fmt(maxW)} W); implausible, check the unit`);
      } else if (this.powerScale !== 1 && maxW > this.limit) {
        warn(`${d}: power values${col} up to ${fmt(maxW)} W exceed ${this.basis}; implausible, check the unit`);
      }
    } else if (this.directRecords > 0) {
      this.method = 'energy_records';
      energyJ = this.directJ * this.directScale;
    } else if (this.counter.samples === 1) {
      warn(`${d}: a single energy counter reading cannot be differenced; energy_kwh is null`);
      return {
        energyJ: null,
        samples: 1,
        problem: {
          code: 'single_counter_reading',
          reason: `${d}: a single energy-counter reading, so there is no difference to take`,
          fix: 'read the energy counter at least at the start and the end of the run',
        },
      };
    } else if (this.na + this.negative + this.infinite > 0) {
      const parts = [
        this.na > 0 ? `${this.na} not available ([N/A], NaN or empty)` : null,
        this.negative > 0 ? `${this.negative} negative` : null,
        this.infinite > 0 ? `${this.infinite} infinite` : null,
      ].filter((x): x is string => x !== null);
      return {
        energyJ: null,
        samples: 0,
        problem: {
          code: 'no_valid_values',
          reason: `${d}: none of its ${this.na + this.negative + this.infinite} values is usable (${parts.join(', ')})`,
          fix: 'check the power column: nvidia-smi prints [N/A] where a GPU does not report power.draw; log a device that reports power, or measure with CodeCarbon or DCGM',
        },
      };
    }
    return { energyJ, samples };
  }

  /** Values this device rejected (negative, infinite), for the source's `rejected` list. */
  rejectedValues(): Array<{ reason: string; count: number; first_line: number | null }> {
    const out: Array<{ reason: string; count: number; first_line: number | null }> = [];
    if (this.negative > 0) out.push({ reason: `device ${this.id}: negative values`, count: this.negative, first_line: null });
    if (this.infinite > 0) out.push({ reason: `device ${this.id}: infinite values`, count: this.infinite, first_line: null });
    return out;
  }
}

/**
 * How each column's unit reads, decided by its values (style.md §7: the rule lives with the
 * units; the data-quality judgement is here, where every device's totals are known). Rows were
 * read at the first reading (columns.ts); another reading only rescales, since every energy is
 * linear in the values. A reading is plausible when every device the column fed has a mean
 * power (plausibility.ts) between 2 % of its TDP and 1.5 × TDP (1–3,000 W when the model is
 * unknown). The first reading stays when it is plausible or when nothing decides; another is
 * taken when it is the only plausible one; a `_w` column is read as milliwatts only for devices
 * of known model (a whole-server log in watts could pass for milliwatts of an unknown device).
 */
/** A column read at its first unit, the only plausible reading: grouped over columns alike (a wide log's GPU0..GPU7). */
interface Settled {
  /** Same key, same sentence but for the column and its mean. */
  key: string;
  column: string;
  /** The sentence for this column alone. */
  alone: string;
  /** The sentence after the column names, for several. */
  shared: string;
}

function decideUnit(m: Measure, devices: DeviceAcc[], warn: (msg: string) => void, settled: (s: Settled) => void): number {
  const col = `column ${JSON.stringify(m.header)}`;
  if (m.kind === 'power') for (const d of devices) d.powerColumn = m.header;
  const fed = devices.flatMap((d) => {
    const mean = d.meanW(m.kind);
    return mean === null ? [] : [{ d, mean: mean.w, peak: mean.peak, p: d.plausible() }];
  });
  const first = m.readings[0] as UnitReading;
  const ratio = (r: UnitReading) => r.factor / first.factor;
  const fits = (r: UnitReading) => fed.every(({ mean, p }) => mean * ratio(r) >= p.low && mean * ratio(r) <= p.high);
  const what = m.kind === 'power' ? 'power' : 'energy';
  const example = fed[0];
  const meanText = (r: UnitReading) =>
    example
      ? `${example.peak ? 'peak' : 'mean'} power ${watts(example.mean * ratio(r))} W on device ${example.d.id}${fed.length > 1 ? ` (and ${fed.length - 1} more)` : ''}`
      : '';
  const range = () => (example ? `${watts(example.p.low)}–${watts(example.p.high)} W for ${example.p.label}` : '');
  const names = m.readings.map((r) => `${r.name} (${r.symbol})`).join(' or ');
  const why =
    m.unitCase === 'ambiguous'
      ? `the unit may be ${names}`
      : m.unitCase === 'none'
        ? `the header names no unit (${names}?)`
        : `the header says ${first.symbol}`;
  if (fed.length === 0) {
    if (m.unitCase === 'ambiguous' || m.unitCase === 'none')
      warn(
        `${col}: ${why}, and without timestamps the values cannot decide: read as ${first.name} (${first.symbol}); write the unit in the header, with its case`,
      );
    return 1;
  }
  if (m.readings.length === 1 || m.cellUnits === true) {
    // A certain unit: power is checked sample by sample in finish(); energy here, by its mean power.
    if (m.kind !== 'power' && !fits(first))
      warn(`${col}: ${what} in ${first.symbol} gives a ${meanText(first)}, implausible (expected ${range()}); check the unit`);
    return 1;
  }
  const alternatives = m.unitCase !== 'suspect' || fed.every(({ p }) => p.known) ? m.readings.slice(1) : [];
  const plausibleAlt = alternatives.filter(fits);
  if (fits(first)) {
    if (m.unitCase === 'suspect') return 1;
    if (plausibleAlt.length > 0) {
      warn(
        `${col}: ${why}: read as ${first.name} (${first.symbol}), ${meanText(first)}; ${plausibleAlt.map((r) => r.symbol).join(', ')} would be plausible too, so check the unit`,
      );
    } else {
      const read = `read as ${first.name} (${first.symbol})`;
      settled({
        key: `${why}\u0000${read}\u0000${range()}`,
        column: JSON.stringify(m.header),
        alone: `${col}: ${why}: ${read}, ${meanText(first)}, the only reading plausible (${range()})`,
        shared: `${why}: ${read}, the only reading plausible for each (${range()})`,
      });
    }
    return 1;
  }
  if (plausibleAlt.length === 1) {
    const r = plausibleAlt[0] as UnitReading;
    warn(`${col}: ${why}, but as ${first.symbol} the ${meanText(first)} is implausible (expected ${range()}); read as ${r.name} (${r.symbol}): ${meanText(r)}`);
    return ratio(r);
  }
  warn(
    `${col}: ${why}; as ${first.symbol} the ${meanText(first)} is implausible (expected ${range()}) and no other reading decides: read as ${first.symbol}, check the unit`,
  );
  return 1;
}

function isoOrRel(t: number, relative: boolean): string {
  return relative ? `t=${fmt(t)} s` : isoOf(t);
}

export class SourceBuilder {
  rows = 0;
  rowsRejected = 0;
  co2eKg: number | null = null;
  waterL: number | null = null;
  loggedPue: number | null = null;
  /** Logged emissions (kg) and the logged energy they were computed from (kWh, as logged): the logger's own factor. */
  loggedEmissionsKg = 0;
  loggedEnergyKwh = 0;
  loggedLocations: string[] = [];
  /** Set by formats that log a duration (CodeCarbon); else derived from first/last timestamp. */
  durationS: number | null = null;
  /** Energy the format computed itself (CodeCarbon, eco2ai), kWh; overrides the device sum. */
  energyKwhOverride: number | null | undefined = undefined;
  scope: 'device' | 'host' = 'device';
  /** Set by formats whose energy is measured otherwise than their rows show (Zeus: the NVML energy counter; CodeCarbon, eco2ai: a software estimate). */
  method: MeasurementMethod | null = null;
  /** Timestamps are relative (time of day without a date): start/end are not reported. */
  relativeTime = false;
  first = Number.POSITIVE_INFINITY;
  last = Number.NEGATIVE_INFINITY;
  readonly dates: DateOrder = newDateOrder();
  readonly extra: Partial<Source> = {};
  /** Set by a format that knows why it has no energy (a header without rows, emissions only). */
  noEnergy: EnergyProblem | null = null;
  private readonly warnings: string[] = [];
  private dropped = 0;
  private readonly rejects = new Map<string, { n: number; lines: number[] }>();
  private readonly devices = new Map<string, DeviceAcc>();
  /** The measures of the columns read (columns.ts), by kind and header: their units are decided in build(). */
  private readonly measures = new Map<string, Measure>();

  constructor(
    readonly path: string,
    public format: string,
    readonly opts: IngestOptions,
  ) {}

  warn(message: string): void {
    if (this.warnings.includes(message)) return;
    if (this.warnings.length >= MAX_WARNINGS) this.dropped++;
    else this.warnings.push(message);
  }

  /** A row that could not be used; grouped by reason in the warnings with its first lines (0: no line, e.g. JSON). */
  reject(line: number, reason: string): void {
    this.rowsRejected++;
    let r = this.rejects.get(reason);
    if (!r) this.rejects.set(reason, (r = { n: 0, lines: [] }));
    r.n++;
    if (r.lines.length < 3) r.lines.push(line);
  }

  seen(t: number): void {
    // A corrupt time (a Zeus window at 1e308 s) must not become start/end: a Date cannot hold it.
    if (!validEpoch(t)) return;
    if (t < this.first) this.first = t;
    if (t > this.last) this.last = t;
  }

  /** The accumulator of a device; `id` host-qualified by the caller's key when a host is known. */
  device(key: string, meta: DeviceMeta = {}): DeviceAcc {
    let d = this.devices.get(key);
    if (!d) {
      const id = meta.host && !key.startsWith(`${meta.host}/`) ? `${meta.host}/${key}` : key;
      d = new DeviceAcc(id, meta, this);
      this.devices.set(key, d);
    } else {
      if (d.name === null && meta.name) d.name = meta.name;
      if (d.host === null && meta.host) d.host = meta.host;
    }
    return d;
  }

  deviceCount(): number {
    return this.devices.size;
  }

  /** The measures a column plan reads (the scanner and JSON lines call this once per plan). */
  columns(measures: readonly Measure[]): void {
    for (const m of measures) {
      const k = `${m.kind}\u0000${m.header}`;
      if (!this.measures.has(k)) this.measures.set(k, m);
    }
  }

  /**
   * One run's emissions and the energy they were computed from, both as the logger wrote them
   * (CodeCarbon's energy_consumed includes its pue column, and so do its emissions): their ratio
   * is the emission factor the logger applied, whatever the SOURCE reports after dividing out.
   */
  loggedRun(emissionsKg: number, energyKwh: number, location: string | null): void {
    if (!(energyKwh > 0) || !(emissionsKg >= 0)) return;
    this.loggedEmissionsKg += emissionsKg;
    this.loggedEnergyKwh += energyKwh;
    if (location && !this.loggedLocations.includes(location) && this.loggedLocations.length < 3) this.loggedLocations.push(location);
  }

  /**
   * How the energy was measured: a format's stated method (CodeCarbon and eco2ai: their own
   * estimate; Zeus: the energy counter), else the method of the device holding the most energy; for
   * power samples the longest median interval and the energy-weighted Type A uncertainty.
   */
  private measurementOf(measured: Array<{ d: DeviceAcc; j: number }>): SourceMeasurement | null {
    const main = measured.reduce<{ d: DeviceAcc; j: number } | null>((a, b) => (a === null || b.j > a.j ? b : a), null);
    const method = this.method ?? main?.d.method ?? null;
    if (method === null) return null;
    if (method !== 'power_samples') return { method, interval_s: null, sampling_rel_u: null };
    const sampled = measured.filter((x) => x.d.method === 'power_samples');
    const interval = Math.max(0, ...sampled.map((x) => x.d.power.medianInterval));
    const weighted = sampled.map((x) => ({ u: x.d.samplingRelU(), j: x.j })).filter((x): x is { u: number; j: number } => x.u !== null);
    const jSum = weighted.reduce((a, x) => a + x.j, 0);
    return {
      method,
      interval_s: interval > 0 ? interval : null,
      sampling_rel_u: jSum > 0 ? weighted.reduce((a, x) => a + x.u * x.j, 0) / jSum : null,
    };
  }

  /** Each column's unit, decided by its values (decideUnit); the devices rescaled to it. */
  private decideUnits(warn: (m: string) => void): void {
    const devices = [...this.devices.entries()];
    // Integration finishes here (samples held back for the gap threshold are integrated); finish() is idempotent.
    for (const [, d] of devices) d.power.finish();
    const settled = new Map<string, Settled[]>();
    const settle = (x: Settled) => {
      const list = settled.get(x.key);
      if (list) list.push(x);
      else settled.set(x.key, [x]);
    };
    for (const m of this.measures.values()) {
      const fed = m.device !== null ? devices.filter(([k]) => k === m.device).map(([, d]) => d) : devices.map(([, d]) => d);
      const k = decideUnit(m, fed, warn, settle);
      if (k === 1) continue;
      for (const d of fed) {
        if (m.kind === 'power') d.powerScale = k;
        else if (m.kind === 'counter') d.counterScale = k;
        else d.directScale = k;
      }
    }
    for (const list of settled.values()) {
      const one = list[0] as Settled;
      warn(list.length === 1 ? one.alone : `columns ${list.map((x) => x.column).join(', ')}: ${one.shared}`);
    }
  }

  build(): Source {
    const warn = (m: string) => this.warn(m);
    this.decideUnits(warn);
    const rejected: NonNullable<Source['rejected']> = [];
    for (const [reason, r] of this.rejects) {
      const lines = r.lines.filter((l) => l > 0);
      warn(`${r.n} row(s) rejected: ${reason}${lines.length ? ` (line ${lines.join(', ')}${r.n > lines.length ? ', …' : ''})` : ''}`);
      rejected.push({ reason, count: r.n, first_line: lines[0] ?? null });
    }
    if (this.dates.ambiguous !== null) {
      warn(
        `ambiguous date ${JSON.stringify(this.dates.ambiguous)}: day and month are both ≤ 12; read as ${this.dates.order === 'dmy' ? 'day/month (decided by a later-unambiguous row)' : 'month/day (US order)'}; prefer ISO 8601 timestamps`,
      );
    }
    const devices: Source['devices'] = [];
    const problems: EnergyProblem[] = [];
    let total = 0;
    let anyNull = false;
    let anyEnergy = false;
    let untimedSpan = 0;
    const measured: Array<{ d: DeviceAcc; j: number }> = [];
    for (const d of this.devices.values()) {
      const { energyJ, samples, problem } = d.finish(warn);
      if (energyJ === null) {
        anyNull = true;
        if (problem) problems.push(problem);
      } else {
        anyEnergy = true;
        total += energyJ;
        measured.push({ d, j: energyJ });
      }
      rejected.push(...d.rejectedValues());
      if (d.untimed > 0 && this.opts.interval_s !== undefined) untimedSpan = Math.max(untimedSpan, (d.untimed - 1) * this.opts.interval_s);
      devices.push({
        id: d.id,
        name: d.name,
        host: d.host,
        energy_kwh: energyJ === null ? null : jToKwh(energyJ),
        samples,
        ...(d.kind ? { kind: d.kind } : {}),
      });
    }
    let energyKwh: number | null;
    if (this.energyKwhOverride !== undefined) energyKwh = this.energyKwhOverride;
    else if (!anyEnergy) energyKwh = null;
    else {
      energyKwh = jToKwh(total);
      if (anyNull) warn('energy_kwh sums only the devices whose energy could be derived');
    }
    if (this.devices.size === 0 && this.energyKwhOverride === undefined) warn('no energy or power values found');
    const timed = this.first <= this.last;
    const absolute = timed && !this.relativeTime;
    const duration = this.durationS ?? (timed ? this.last - this.first : untimedSpan > 0 ? untimedSpan : null);
    if (this.dropped > 0) this.warnings.push(`… ${this.dropped} more warning(s) not shown`);
    const incomplete = this.incompleteness(energyKwh, anyNull, problems);
    return {
      path: this.path,
      format: this.format,
      energy_kwh: energyKwh,
      co2e_kg: this.co2eKg,
      water_l: this.waterL,
      duration_s: duration,
      devices,
      rows: this.rows,
      rows_rejected: this.rowsRejected,
      logged_pue: this.loggedPue,
      warnings: this.warnings,
      scope: this.scope,
      ...(this.loggedEnergyKwh > 0
        ? {
            logged_intensity_g_per_kwh: (this.loggedEmissionsKg / this.loggedEnergyKwh) * 1000,
            logged_location: this.loggedLocations.length > 0 ? this.loggedLocations.join('; ') : null,
          }
        : {}),
      measurement: energyKwh === null ? null : this.measurementOf(measured),
      start: absolute ? isoOf(this.first) : null,
      end: absolute ? isoOf(this.last) : null,
      ...(rejected.length ? { rejected } : {}),
      ...(incomplete ? { incomplete } : {}),
      ...this.extra,
    };
  }

  /**
   * Why the file's energy is missing or partial (a device without usable energy), or null when
   * it is whole. A file that is read without error but yields no energy must not count as 0 kWh.
   */
  private incompleteness(energyKwh: number | null, anyNull: boolean, problems: EnergyProblem[]): EnergyProblem | null {
    if (energyKwh !== null && !(anyNull && this.energyKwhOverride === undefined)) return null;
    if (this.noEnergy) return this.noEnergy;
    const first = problems[0];
    if (first) {
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more device(s) alike)` : '';
      const partial = energyKwh !== null ? ' (the other devices are counted)' : '';
      return { code: first.code, reason: `${first.reason}${more}${partial}`, fix: first.fix };
    }
    if (this.rows > 0 && this.rowsRejected >= this.rows) {
      const [reason, r] = [...this.rejects.entries()][0] ?? ['unusable', { lines: [] as number[] }];
      const line = r.lines.find((l) => l > 0);
      return {
        code: 'all_rows_rejected',
        reason: `all ${this.rows} data rows were rejected (${reason}${line !== undefined ? `, first at line ${line}` : ''})`,
        fix: 'fix or regenerate the log: ml-lca ingest FILE --json lists what was rejected',
      };
    }
    if (this.rows === 0) {
      return {
        code: 'no_rows',
        reason: 'the file has no data rows (a header only?)',
        fix: 'check that the logger ran during the workload and was stopped (flushed) before this step read the file',
      };
    }
    return {
      code: 'no_energy',
      reason: 'no energy or power values could be read from it',
      fix: "check that the file is the logger's output with an energy or power column: ml-lca ingest FILE --json shows what was read",
    };
  }
}
