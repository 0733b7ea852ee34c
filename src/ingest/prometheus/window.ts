// The job window a Prometheus stage is measured over: fixed in the scenario, or given by the
// CI job through ML_LCA_JOB_START / ML_LCA_JOB_END. The environment is passed in by the shell
// (cli.ts / main.ts), never read here from process.env.
import { InputError, shortValue } from '../../errors.js';
import type { PrometheusSource } from '../../scenario/schema.js';

export interface JobWindow {
  /** Epoch milliseconds. */
  startMs: number;
  endMs: number;
  warnings: string[];
}

export const JOB_START_ENV = 'ML_LCA_JOB_START';
export const JOB_END_ENV = 'ML_LCA_JOB_END';

/**
 * An instant as ISO 8601 (with or without offset; no offset means UTC) or epoch numbers:
 * seconds (`1773000000`, `1773000000.5`) or, with 13+ digits, milliseconds (`date +%s%3N`).
 * Returns epoch milliseconds, or null when the text is neither.
 */
export function parseInstant(text: string): number | null {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) {
    const n = Number(t);
    const intDigits = t.split('.')[0]?.length ?? 0;
    const ms = intDigits >= 13 ? n : n * 1000;
    // Beyond a Date's range (±8.64e15 ms) it is no time at all.
    return Number.isFinite(ms) && ms <= 8.64e15 ? ms : null;
  }
  // ISO date or date-time; a date-time without offset is read as UTC (CI runners log UTC).
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(t);
  if (!m) return null;
  const [, date, time, zone] = m;
  const iso = time === undefined ? `${date}T00:00:00Z` : `${date}T${time}${zone ?? 'Z'}`;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/** Resolve `job_window` to epoch ms; the end is clamped to `now` (a job still running). */
export function resolveJobWindow(jobWindow: PrometheusSource['job_window'], env: Record<string, string | undefined>, now: Date): JobWindow {
  const fromEnv = jobWindow === 'from_env';
  // A number is an unquoted epoch from YAML: read as its decimal text, by the same rule.
  const text = (v: string | number | undefined) => (typeof v === 'number' ? String(v) : v);
  const startText = fromEnv ? env[JOB_START_ENV] : text(jobWindow.start);
  const endText = fromEnv ? env[JOB_END_ENV] : text(jobWindow.end);
  const where = (which: 'start' | 'end') => (fromEnv ? { file: which === 'start' ? JOB_START_ENV : JOB_END_ENV } : { field: `prometheus.job_window.${which}` });
  const expected = 'an ISO 8601 time (2026-03-08T20:00:00Z) or epoch seconds';

  const parse = (text: string | undefined, which: 'start' | 'end'): number => {
    if (text === undefined || text.trim() === '') {
      throw new InputError({
        code: 'BAD_INPUT',
        ...where(which),
        expected: fromEnv ? `${expected} in the environment (job_window: from_env)` : expected,
        got: 'nothing',
        hint: fromEnv ? `set ${JOB_START_ENV} and ${JOB_END_ENV} in the step that runs ml-lca, or give job_window: { start, end }` : undefined,
      });
    }
    const ms = parseInstant(text);
    if (ms === null) throw new InputError({ code: 'BAD_INPUT', ...where(which), expected, got: shortValue(text) });
    return ms;
  };

  const startMs = parse(startText, 'start');
  let endMs = parse(endText, 'end');
  const warnings: string[] = [];
  const nowMs = now.getTime();
  if (startMs >= nowMs) {
    throw new InputError({
      code: 'BAD_INPUT',
      ...where('start'),
      expected: `a job start before now (${now.toISOString()})`,
      got: new Date(startMs).toISOString(),
    });
  }
  if (endMs > nowMs) {
    warnings.push(`job window end ${new Date(endMs).toISOString()} is in the future; measured up to now (${now.toISOString()})`);
    endMs = nowMs;
  }
  if (endMs <= startMs) {
    throw new InputError({
      code: 'BAD_INPUT',
      ...where('end'),
      expected: `a job end after its start (${new Date(startMs).toISOString()})`,
      got: new Date(endMs).toISOString(),
    });
  }
  return { startMs, endMs, warnings };
}
