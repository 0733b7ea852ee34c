// Timestamps as the tools write them, to epoch seconds (a double). One rule for every format:
//  - `2024/10/13 03:33:31.779` (nvidia-smi) and ISO `2024-10-13[T ]03:33:31[.f][Z|±hh:mm]`:
//    a time without an offset is read as UTC (nvidia-smi writes local time with no zone; energy
//    only needs differences, and start/end are then labelled UTC: documented in the README);
//  - a bare number is epoch time: seconds below 1e11, milliseconds below 1e14, microseconds below
//    1e17, else nanoseconds (Prometheus exposition uses ms; nvidia-smi scripts often `date +%s.%N`);
//  - `03/04/2024 10:00:00` is ambiguous: day/month order is taken from the first row of the file
//    where one part is > 12; before that (or never) month/day (US order), and the caller warns.

export interface DateOrder {
  /** 'mdy' or 'dmy' once decided by an unambiguous row; null while undecided. */
  order: 'mdy' | 'dmy' | null;
  /** First ambiguous date text seen, for the warning. */
  ambiguous: string | null;
}

export const newDateOrder = (): DateOrder => ({ order: null, ambiguous: null });

const ISO_RE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;
const SLASH_RE = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;
const NUM_RE = /^[+]?\d+(?:\.\d+)?(?:[eE][+]?\d+)?$/;

function fracSeconds(frac: string | undefined): number {
  if (!frac) return 0;
  return Number(`0.${frac}`);
}

function offsetSeconds(z: string | undefined): number {
  if (!z || /^(z|utc)$/i.test(z)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
  if (!m) return 0;
  const s = (Number(m[2]) * 3600 + Number(m[3]) * 60) * (m[1] === '-' ? -1 : 1);
  return s;
}

/**
 * The range of a JavaScript Date (±8.64e15 ms). A timestamp beyond it is corrupt, and it
 * cannot be written as ISO 8601 ("Invalid time value"): parsers reject such rows.
 */
export const MAX_ABS_EPOCH_S = 8.64e12;

/** Whether `t` (epoch seconds) is a time a Date can hold. */
export function validEpoch(t: number): boolean {
  return Number.isFinite(t) && Math.abs(t) <= MAX_ABS_EPOCH_S;
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, frac: number, off: number): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return null;
  const t = Date.UTC(y, mo - 1, d, h, mi, s) / 1000 + frac - off;
  return validEpoch(t) ? t : null;
}

/** Epoch seconds from a number that may be s, ms, µs or ns since the epoch. */
export function epochToSeconds(v: number): number {
  if (v < 1e11) return v;
  if (v < 1e14) return v / 1e3;
  if (v < 1e17) return v / 1e6;
  return v / 1e9;
}

/** Parse one timestamp cell; null when it is not a timestamp we recognise. */
export function parseTimestamp(text: string, dates: DateOrder = newDateOrder()): number | null {
  const s = text.trim().replace(/^"|"$/g, '');
  if (s === '') return null;
  if (NUM_RE.test(s)) {
    const v = Number(s);
    if (!(Number.isFinite(v) && v > 1e8)) return null;
    const t = epochToSeconds(v);
    return validEpoch(t) ? t : null;
  }
  let m = ISO_RE.exec(s);
  if (m) {
    return build(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), fracSeconds(m[7]), offsetSeconds(m[8]));
  }
  m = SLASH_RE.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) dates.order ??= 'dmy';
    else if (b > 12 && a <= 12) dates.order ??= 'mdy';
    else if (a !== b && dates.order === null) dates.ambiguous ??= s;
    const order = dates.order ?? 'mdy';
    const [mo, d] = order === 'mdy' ? [a, b] : [b, a];
    return build(Number(m[3]), mo, d, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), fracSeconds(m[7]), offsetSeconds(m[8]));
  }
  return null;
}

/** Epoch seconds to ISO 8601 (UTC, millisecond precision). */
export function isoOf(t: number): string {
  return new Date(Math.round(t * 1000)).toISOString();
}

/** Seconds of day from `HH:MM:SS` (nvidia-smi dmon `-o T`), or null. */
export function parseTimeOfDay(s: string): number | null {
  const m = /^(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d+))?$/.exec(s.trim());
  if (!m) return null;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + fracSeconds(m[4]);
}

/** `20241013` (dmon `-o D`) to epoch seconds of midnight UTC, or null. */
export function parseCompactDate(s: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s.trim());
  if (!m) return null;
  return build(Number(m[1]), Number(m[2]), Number(m[3]), 0, 0, 0, 0, 0);
}

/** Epoch seconds start here (1973): a smaller plain number in a time column is not an epoch time. */
export const EPOCH_MIN_S = 1e8;

/**
 * A time column read as absolute (dates, epoch numbers) or relative (seconds since the log
 * began: `sec`, `elapsed_s`, `t`, or a `time` column whose first value is a small number such as
 * `0.0`). The header decides when its name says relative; otherwise the first value does, for
 * the whole file, so a stray small number in an absolute log is rejected rather than mixed in.
 */
export class TimeColumn {
  /** null until the first value decides; true: relative seconds (× scale); false: absolute. */
  relative: boolean | null;

  constructor(
    /** Seconds per unit of the column (`elapsed_ms`: 0.001). */
    readonly scale = 1,
    relativeByName = false,
  ) {
    this.relative = relativeByName ? true : null;
  }

  /** Seconds (epoch or since the start) from a plain number, or null when it cannot be one. */
  fromNumber(v: number): number | null {
    if (!(v >= 0) || !Number.isFinite(v)) return null;
    this.relative ??= v * this.scale < EPOCH_MIN_S;
    if (this.relative) return v * this.scale;
    if (v * this.scale < EPOCH_MIN_S) return null;
    // Beyond a Date's range (1e308) the time is corrupt: the row is rejected, never integrated.
    const t = epochToSeconds(v);
    return validEpoch(t) ? t : null;
  }

  /** Seconds from a cell's text: a plain number as fromNumber, else a date (absolute only). */
  fromText(text: string, dates: DateOrder): number | null {
    const s = text.trim().replace(/^"|"$/g, '');
    if (NUM_RE.test(s)) return this.fromNumber(Number(s));
    if (this.relative === true) return null;
    const t = parseTimestamp(s, dates);
    if (t !== null) this.relative = false;
    return t;
  }
}
