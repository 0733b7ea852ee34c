// Collects what one log file contributes while its parser streams it, then builds the SOURCE
// object (src/ingest/source.ts). Parsers emit canonical units (W, J, kWh, kg, L) and call
// `device(...)` / `reject(...)` / `warn(...)`; every data-quality rule that is not specific to
// one format lives here, so all formats report the same way.
import { InputError } from '../errors.js';
import type { Source } from './source.js';
import { CounterSeries, PowerSeries } from './integrate.js';
import { implausibleAboveW } from './plausibility.js';
import { isoOf, type DateOrder, newDateOrder, validEpoch } from './time.js';
import { jToKwh } from './units.js';
import type { IngestOptions } from './types.js';

const MAX_WARNINGS = 40;
const fmt = (x: number, d = 3): string => (Number.isInteger(x) ? String(x) : x.toPrecision(d));

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
  over = 0;
  maxW = 0;
  name: string | null;
  host: string | null;
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
    if (!(w >= 0)) {
      if (Number.isNaN(w)) this.na++;
      else this.negative++;
      return;
    }
    if (w > this.limit) this.over++;
    if (w > this.maxW) this.maxW = w;
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
    if (!(j >= 0)) {
      if (Number.isNaN(j)) this.na++;
      else this.negative++;
      return;
    }
    if (t !== null) this.src.seen(t);
    this.counter.add(t, j);
  }

  /** Energy of one window or run as logged, J. */
  addEnergy(j: number): void {
    this.directJ += j;
    this.directRecords++;
  }

  /** Energy in J, or null when it cannot be derived honestly; appends warnings. */
  finish(warn: (m: string) => void): { energyJ: number | null; samples: number } {
    const d = `device ${this.id}`;
    if (this.na > 0) warn(`${d}: ${this.na} values not available ([N/A] or empty) skipped`);
    if (this.negative > 0) warn(`${d}: ${this.negative} negative values rejected`);
    const p = this.power;
    p.finish();
    let energyJ: number | null = null;
    let samples = this.directRecords;
    if (this.counter.samples >= 2) {
      energyJ = this.counter.energyJ;
      samples = this.counter.samples;
      if (this.counter.resets > 0) warn(`${d}: energy counter reset ${this.counter.resets} time(s); counted from zero after each reset`);
      if (p.samples > 0) warn(`${d}: energy taken from the energy counter; ${p.samples} power samples not integrated`);
    } else if (p.samples > 0 || this.untimedValid > 0) {
      samples = Math.max(p.samples, this.untimedValid);
      if (this.untimedValid > 0 && this.src.opts.interval_s === undefined) {
        warn(
          `${d}: ${this.untimedValid} power samples have no timestamp; pass --interval SECONDS (or the stage's interval_s) to integrate them; energy_kwh is null`,
        );
        return { energyJ: null, samples };
      }
      energyJ = p.energyJ;
      if (p.samples === 1) warn(`${d}: a single power sample cannot be integrated; energy 0`);
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
      if (p.outOfOrder > 0) {
        const ov = p.overlappingRuns();
        warn(
          `${d}: ${p.outOfOrder} samples out of time order (concatenated logs?); integrated as ${p.runs.length} time-ordered runs` +
            (ov > 0 ? `, ${ov} of which overlap in time and may double count` : ''),
        );
      }
      if (this.over > 0) {
        const share = this.over / p.samples;
        if (share >= 0.9 && this.maxW / 1000 <= this.limit) {
          energyJ /= 1000;
          warn(
            `${d}: ${this.over} of ${p.samples} power values exceed ${this.basis} (max ${fmt(this.maxW)}); they look like milliwatts and were read as mW (energy divided by 1000)`,
          );
        } else {
          warn(`${d}: ${this.over} power values exceed ${this.basis} (max ${fmt(this.maxW)} W); implausible, check the unit`);
        }
      }
    } else if (this.directRecords > 0) {
      energyJ = this.directJ;
    } else if (this.counter.samples === 1) {
      warn(`${d}: a single energy counter reading cannot be differenced; energy 0`);
      energyJ = 0;
      samples = 1;
    }
    return { energyJ, samples };
  }
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
  /** Set by formats that log a duration (CodeCarbon); else derived from first/last timestamp. */
  durationS: number | null = null;
  /** Energy the format computed itself (CodeCarbon, eco2ai), kWh; overrides the device sum. */
  energyKwhOverride: number | null | undefined = undefined;
  scope: 'device' | 'host' = 'device';
  /** Timestamps are relative (time of day without a date): start/end are not reported. */
  relativeTime = false;
  first = Number.POSITIVE_INFINITY;
  last = Number.NEGATIVE_INFINITY;
  readonly dates: DateOrder = newDateOrder();
  readonly extra: Partial<Source> = {};
  private readonly warnings: string[] = [];
  private dropped = 0;
  private readonly rejects = new Map<string, { n: number; lines: number[] }>();
  private readonly devices = new Map<string, DeviceAcc>();

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

  build(): Source {
    const warn = (m: string) => this.warn(m);
    for (const [reason, r] of this.rejects) {
      const lines = r.lines.filter((l) => l > 0);
      warn(`${r.n} row(s) rejected: ${reason}${lines.length ? ` (line ${lines.join(', ')}${r.n > lines.length ? ', …' : ''})` : ''}`);
    }
    if (this.dates.ambiguous !== null) {
      warn(
        `ambiguous date ${JSON.stringify(this.dates.ambiguous)}: day and month are both ≤ 12; read as ${this.dates.order === 'dmy' ? 'day/month (decided by a later-unambiguous row)' : 'month/day (US order)'}; prefer ISO 8601 timestamps`,
      );
    }
    const devices: Source['devices'] = [];
    let total = 0;
    let anyNull = false;
    let anyEnergy = false;
    let untimedSpan = 0;
    for (const d of this.devices.values()) {
      const { energyJ, samples } = d.finish(warn);
      if (energyJ === null) anyNull = true;
      else {
        anyEnergy = true;
        total += energyJ;
      }
      if (d.untimed > 0 && this.opts.interval_s !== undefined) untimedSpan = Math.max(untimedSpan, (d.untimed - 1) * this.opts.interval_s);
      devices.push({ id: d.id, name: d.name, host: d.host, energy_kwh: energyJ === null ? null : jToKwh(energyJ), samples });
    }
    let energyKwh: number | null;
    if (this.energyKwhOverride !== undefined) energyKwh = this.energyKwhOverride;
    else if (!anyEnergy) energyKwh = null;
    else {
      energyKwh = jToKwh(total);
      if (anyNull) warn('energy_kwh sums only the devices whose energy could be derived');
    }
    if (this.devices.size === 0 && this.energyKwhOverride === undefined) warn('no energy or power values found');
    // Values near the largest double (1e308 W) add up to Infinity: corrupt, not a measurement.
    if ([energyKwh, this.co2eKg, this.waterL, ...devices.map((d) => d.energy_kwh)].some((x) => x !== null && !Number.isFinite(x))) {
      throw new InputError({
        code: 'LOG_CORRUPT',
        file: this.path,
        expected: 'power and energy values whose sum is a finite number',
        got: 'values so large that the sum overflows (e.g. 1e308)',
      });
    }
    const timed = this.first <= this.last;
    const absolute = timed && !this.relativeTime;
    const duration = this.durationS ?? (timed ? this.last - this.first : untimedSpan > 0 ? untimedSpan : null);
    if (this.dropped > 0) this.warnings.push(`… ${this.dropped} more warning(s) not shown`);
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
      start: absolute ? isoOf(this.first) : null,
      end: absolute ? isoOf(this.last) : null,
      ...this.extra,
    };
  }
}
