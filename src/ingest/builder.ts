// Collects what one log file contributes while its parser streams it, then builds the SOURCE
// object (src/ingest/source.ts). Parsers emit canonical units (W, J, kWh, kg, L) and call
// `device(...)` / `reject(...)` / `warn(...)`; every data-quality rule that is not specific to
// one format lives here, so all formats report the same way.
import type { DeviceEnergy, Source } from './source.js';
import { CounterSeries, PowerSeries } from './integrate.js';
import { implausibleAboveW } from './plausibility.js';
import { isoOf, type DateOrder, newDateOrder } from './time.js';
import { jToKwh } from './units.js';
import type { IngestOptions } from './types.js';

const MAX_WARNINGS = 40;
const fmt = (x: number, d = 3): string => (Number.isInteger(x) ? String(x) : x.toPrecision(d));

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

  /** Energy of one window or run as logged, J. */
  addEnergy(j: number): void {
    this.directJ += j;
    this.directRecords++;
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
  /** Set by a format that knows why it has no energy (a header without rows, emissions only). */
  noEnergy: EnergyProblem | null = null;
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
    for (const d of this.devices.values()) {
      const { energyJ, samples, problem } = d.finish(warn);
      if (energyJ === null) {
        anyNull = true;
        if (problem) problems.push(problem);
      } else {
        anyEnergy = true;
        total += energyJ;
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
