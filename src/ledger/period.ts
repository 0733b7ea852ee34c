// Budget periods as UTC calendar ranges. All arithmetic is in UTC (Date.UTC), never the
// machine's zone: a runner in UTC and a laptop in UTC+2 must put a run in the same month.
import type { PeriodKind } from './schema.js';

export const DAY_MS = 86_400_000;

export interface Period {
  kind: PeriodKind;
  /** Inclusive start, ISO UTC. */
  start: string;
  /** Exclusive end (the next period's start), ISO UTC. */
  end: string;
  /** 2026-03, 2026-Q1, 2026 */
  label: string;
  /** Whole days in the period (28..31, 90..92, 365/366). */
  days: number;
}

/** The UTC month, quarter or year that contains `date` (a Date or any string Date accepts). */
export function periodOf(date: Date | string, kind: PeriodKind): Period {
  const d = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(d.getTime())) throw new RangeError(`periodOf: not a date: ${String(date)}`);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  let startMs: number;
  let endMs: number;
  let label: string;
  if (kind === 'month') {
    startMs = Date.UTC(y, m, 1);
    endMs = Date.UTC(y, m + 1, 1); // Date.UTC rolls month 12 into January of y+1
    label = `${y}-${String(m + 1).padStart(2, '0')}`;
  } else if (kind === 'quarter') {
    const q = Math.floor(m / 3);
    startMs = Date.UTC(y, q * 3, 1);
    endMs = Date.UTC(y, q * 3 + 3, 1);
    label = `${y}-Q${q + 1}`;
  } else {
    startMs = Date.UTC(y, 0, 1);
    endMs = Date.UTC(y + 1, 0, 1);
    label = String(y);
  }
  return {
    kind,
    start: new Date(startMs).toISOString(),
    end: new Date(endMs).toISOString(),
    label,
    days: Math.round((endMs - startMs) / DAY_MS),
  };
}

/** Whether an instant lies in [start, end). */
export function inPeriod(instant: string | Date, p: Pick<Period, 'start' | 'end'>): boolean {
  const t = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return t >= Date.parse(p.start) && t < Date.parse(p.end);
}

/** `YYYY-MM-DD` of an instant in UTC. */
export function utcDate(instant: string | Date | number): string {
  const d = instant instanceof Date ? instant : new Date(instant);
  return d.toISOString().slice(0, 10);
}
