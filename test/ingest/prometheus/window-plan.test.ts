import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { MAX_POINTS_PER_SERIES, parseInstant, planQueries, resolveJobWindow } from '../../../src/ingest/prometheus/index.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const T = Date.UTC(2026, 2, 9, 0, 0, 0); // 2026-03-09T00:00:00Z = 1773014400 s

describe('parseInstant', () => {
  it.each([
    ['2026-03-09T00:00:00Z', T],
    ['2026-03-09T00:00:00.250Z', T + 250],
    ['2026-03-09T02:00:00+02:00', T],
    ['2026-03-09T02:00:00+0200', T],
    ['2026-03-09T00:00:00', T], // no offset: UTC
    ['2026-03-09 00:00', T],
    ['2026-03-09', T],
    ['1773014400', T], // epoch seconds (date +%s)
    ['1773014400.5', T + 500],
    ['1773014400000', T], // epoch ms (date +%s%3N): 13 digits
    [' 1773014400 ', T],
  ])('%s', (text, ms) => {
    expect(parseInstant(text)).toBe(ms);
  });

  it.each(['yesterday', '2026-13-01T00:00:00Z', '', '-5', '1e9'])('rejects %j', (text) => {
    expect(parseInstant(text)).toBeNull();
  });
});

describe('resolveJobWindow', () => {
  it('reads ML_LCA_JOB_START / ML_LCA_JOB_END from the env given', () => {
    const w = resolveJobWindow('from_env', { ML_LCA_JOB_START: '1773014400', ML_LCA_JOB_END: '2026-03-09T06:00:00Z' }, NOW);
    expect([w.startMs, w.endMs, w.warnings]).toEqual([T, T + 6 * 3600_000, []]);
  });

  it('takes unquoted YAML epochs (numbers): seconds, and milliseconds with 13+ digits', () => {
    const w = resolveJobWindow({ start: 1773014400, end: 1773014400000 + 6 * 3600_000 }, {}, NOW);
    expect([w.startMs, w.endMs]).toEqual([T, T + 6 * 3600_000]);
  });

  it('clamps a future end to now, with a warning', () => {
    const w = resolveJobWindow({ start: '2026-11-23T11:00:00Z', end: '2026-11-23T13:00:00Z' }, {}, NOW);
    expect(w.endMs).toBe(NOW.getTime());
    expect(w.warnings).toEqual(['job window end 2026-11-23T13:00:00.000Z is in the future; measured up to now (2026-11-23T12:00:00.000Z)']);
  });

  it.each<[string, Parameters<typeof resolveJobWindow>[0], Record<string, string>, string | undefined, string | undefined, RegExp]>([
    [
      'env missing',
      'from_env',
      {},
      'ML_LCA_JOB_START',
      undefined,
      /expected an ISO 8601 time .* in the environment \(job_window: from_env\), got nothing \(set ML_LCA_JOB_START and ML_LCA_JOB_END/,
    ],
    ['env end missing', 'from_env', { ML_LCA_JOB_START: '1773014400' }, 'ML_LCA_JOB_END', undefined, /got nothing/],
    ['bad start', { start: 'soon', end: '2026-03-09T06:00:00Z' }, {}, undefined, 'prometheus.job_window.start', /got "soon"/],
    [
      'end before start',
      { start: '2026-03-09T06:00:00Z', end: '2026-03-09T00:00:00Z' },
      {},
      undefined,
      'prometheus.job_window.end',
      /a job end after its start/,
    ],
    ['start in the future', { start: '2027-01-01', end: '2027-01-02' }, {}, undefined, 'prometheus.job_window.start', /a job start before now/],
  ])('%s is BAD_INPUT', (_what, jw, env, file, field, message) => {
    let err: unknown;
    try {
      resolveJobWindow(jw, env, NOW);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe('BAD_INPUT');
    expect((err as InputError).file).toBe(file);
    expect((err as InputError).field).toBe(field);
    expect((err as InputError).message).toMatch(message);
  });
});

describe('planQueries', () => {
  const H = 3600_000;
  // points = floor(window / step) + 1; queries = ceil(points / 11,000)
  it.each([
    ['6 h at 15 s', 6 * H, 15, 15, 1441, 1],
    ['6 h, no step: default 15 s', 6 * H, undefined, 15, 1441, 1],
    ['6 h at 1 s: 21,601 points', 6 * H, 1, 1, 21_601, 2],
    ['45.8 h at 15 s: exactly 11,000 points', 10_999 * 15_000, 15, 15, 11_000, 1],
    ['one step more: 11,001 points', 11_000 * 15_000, 15, 15, 11_001, 2],
    ['30 d at 15 s: 172,801 points', 720 * H, 15, 15, 172_801, 16],
    ['0.5 s step is raised to 1 s', 1 * H, 0.5, 1, 3601, 1],
  ])('%s', (_what, windowMs, step, wantStep, points, queries) => {
    const plan = planQueries(T, T + windowMs, step);
    expect([plan.step_s, plan.points, plan.ranges.length, plan.warnings]).toEqual([wantStep, points, queries, []]);
    // The ranges tile the grid: each has <= 11,000 points, the next starts one step later.
    let total = 0;
    plan.ranges.forEach((r, i) => {
      const n = Math.round((r.end_s - r.start_s) / plan.step_s) + 1;
      expect(n).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
      total += n;
      const next = plan.ranges[i + 1];
      if (next) expect(next.start_s - r.end_s).toBe(plan.step_s);
    });
    expect(total).toBe(points);
    expect(plan.ranges[0]?.start_s).toBe(T / 1000);
  });

  it('coarsens the step (with a warning) rather than send more than 24 queries', () => {
    // 365 d at 15 s = 2,102,401 points > 24 × 11,000 = 264,000: step = ceil(31,536,000 / 263,999) = 120 s
    const plan = planQueries(T, T + 365 * 24 * H, 15);
    expect(plan.step_s).toBe(120);
    expect(plan.ranges.length).toBe(24);
    expect(plan.warnings[0]).toMatch(/^step 15 s over a 365\.0 d window needs more than 24 queries of 11000 points; step raised to 120 s/);
  });
});
