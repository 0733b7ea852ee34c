// Budget views of the dashboard: per team (and per model) and period, what was spent, the
// cumulative curve against the budget line, burn rate and the date the budget runs out. The
// arithmetic is the ledger's (src/ledger/position.ts, totals.ts), so the dashboard and the PR
// check can never disagree on a number. Pure: records and the clock come in.
import { DEFAULT_METRIC, metricOf } from '../ledger/entries.js';
import { DAY_MS, inPeriod, periodOf } from '../ledger/period.js';
import { evaluatePeriodBudgets } from '../ledger/position.js';
import { LedgerEntry, type PeriodKind } from '../ledger/schema.js';
import { dailyCumulative } from '../ledger/totals.js';
import type { PeriodBudget } from '../scenario/schema.js';
import type { DashboardRun } from './record.js';

/** The ledger entry of a run: what period budgets sum. */
export function entryOfRecord(r: DashboardRun): LedgerEntry {
  return LedgerEntry.parse({
    run_id: r.run_id,
    sha: r.sha,
    created_at: r.created_at,
    scenario: r.scenario,
    team: r.team,
    co2e_kg: Math.max(0, r.co2e_kg),
    metrics: r.metrics,
    source: r.source,
  });
}

/** How many earlier periods a view lists under the current one. */
const PAST_PERIODS = 12;

export interface PeriodView {
  scope: 'team' | 'model';
  name: string;
  period: PeriodKind;
  metric: string;
  /** 2026-03, 2026-Q1, 2026 */
  label: string;
  start: string;
  end: string;
  days: number;
  /** null: no budget of this scope, period and metric in the latest cards (spending only). */
  max: number | null;
  warn: number | null;
  /** The scenario whose newest card set the budget. */
  budget_from: string | null;
  runs: number;
  spent: number;
  elapsed_days: number;
  burn_rate_per_day: number;
  /** Spent at the end of the period at the current burn rate. */
  forecast: number;
  run_out_date: string | null;
  status: 'pass' | 'warn' | 'fail' | null;
  /** Cumulative spend at the end of each UTC day of the period, up to now. */
  daily: { date: string[]; cumulative: number[] };
  /** Team views: spend per scenario in the period, largest first. */
  by_scenario: Array<{ name: string; runs: number; spent: number }>;
  /** Earlier periods with runs, newest first (at most 12). */
  past: Array<{ label: string; runs: number; spent: number }>;
  /** Runs in scope that lack the metric (older cards), counted as 0. */
  missing_metric: number;
}

/**
 * The view of one scope (a team or a scenario) for one period kind and metric as of `now`,
 * against `budget` (null: spending only).
 */
export function periodView(
  scope: 'team' | 'model',
  name: string,
  kind: PeriodKind,
  metric: string,
  budget: { max: number; warn: number | null; from: string } | null,
  entries: readonly LedgerEntry[],
  now: Date,
): PeriodView {
  const mine = entries.filter((e) => (scope === 'team' ? e.team : e.scenario) === name);
  // An unlimited budget gives the ledger's spent, burn rate and forecast with no run-out date.
  const b: PeriodBudget = { scope, period: kind, metric, max: budget?.max ?? Number.POSITIVE_INFINITY, ...(budget?.warn != null ? { warn: budget.warn } : {}) };
  if (scope === 'team') b.team = name;
  const ev = evaluatePeriodBudgets([b], { name, team: scope === 'team' ? name : null }, null, mine, now);
  const pos = ev.positions[0]!;
  const p = periodOf(now, kind);
  const inP = mine.filter((e) => inPeriod(e.created_at, p));
  const value = (e: LedgerEntry) => metricOf(e, metric) ?? 0;
  const daily = dailyCumulative(
    inP.map((e) => ({ ...e, co2e_kg: value(e) })),
    p,
    now,
  );
  const perScenario = new Map<string, { runs: number; spent: number }>();
  for (const e of inP) {
    const s = perScenario.get(e.scenario) ?? { runs: 0, spent: 0 };
    s.runs += 1;
    s.spent += value(e);
    perScenario.set(e.scenario, s);
  }
  const past = new Map<string, { label: string; start: string; runs: number; spent: number }>();
  for (const e of mine) {
    const q = periodOf(e.created_at, kind);
    if (q.start >= p.start) continue;
    const t = past.get(q.label) ?? { label: q.label, start: q.start, runs: 0, spent: 0 };
    t.runs += 1;
    t.spent += value(e);
    past.set(q.label, t);
  }
  return {
    scope,
    name,
    period: kind,
    metric,
    label: p.label,
    start: p.start,
    end: p.end,
    days: p.days,
    max: budget?.max ?? null,
    warn: budget?.warn ?? null,
    budget_from: budget?.from ?? null,
    runs: pos.runs,
    spent: pos.spent,
    elapsed_days: pos.elapsed_days,
    burn_rate_per_day: pos.burn_rate_per_day,
    forecast: pos.forecast,
    run_out_date: budget ? pos.run_out_date : null,
    status: budget ? pos.status : null,
    daily: { date: daily.map((d) => d.date), cumulative: daily.map((d) => d.cumulative) },
    by_scenario: [...perScenario].map(([n, s]) => ({ name: n, ...s })).sort((x, y) => y.spent - x.spent || x.name.localeCompare(y.name)),
    past: [...past.values()]
      .sort((x, y) => y.start.localeCompare(x.start))
      .slice(0, PAST_PERIODS)
      .map(({ label, runs, spent }) => ({ label, runs, spent })),
    missing_metric: inP.filter((e) => metricOf(e, metric) === null).length,
  };
}

export interface BudgetKey {
  scope: 'team' | 'model';
  name: string;
  period: PeriodKind;
  metric: string;
}

/**
 * The period budgets the newest card of each scenario declares, per (scope, name, period,
 * metric). Where two scenarios of a team declare different limits, the newer card wins and a
 * warning names both.
 */
export function declaredBudgets(latest: readonly DashboardRun[]): {
  budgets: Array<BudgetKey & { max: number; warn: number | null; from: string; at: string }>;
  warnings: string[];
} {
  const byKey = new Map<string, BudgetKey & { max: number; warn: number | null; from: string; at: string }>();
  const warnings: string[] = [];
  for (const r of latest) {
    for (const b of r.period_budgets) {
      const name = b.scope === 'team' ? (b.team ?? r.team) : r.scenario;
      if (name === null) continue;
      const key = JSON.stringify([b.scope, name, b.period, b.metric]);
      const next = { scope: b.scope, name, period: b.period, metric: b.metric, max: b.max, warn: b.warn ?? null, from: r.scenario, at: r.created_at };
      const prev = byKey.get(key);
      if (prev && prev.from !== r.scenario && (prev.max !== next.max || prev.warn !== next.warn)) {
        const [older, newer] = prev.at <= next.at ? [prev, next] : [next, prev];
        warnings.push(
          `${b.scope} ${name} ${b.period} budget on ${b.metric}: scenario ${older.from} says ${older.max}, ${newer.from} says ${newer.max}; showing the newer (${newer.from})`,
        );
      }
      if (!prev || prev.at <= next.at) byKey.set(key, next);
    }
  }
  return { budgets: [...byKey.values()], warnings };
}

/**
 * Every budget view: one per declared team or model budget, plus a month view of spending for a
 * team that has runs but no budget in its latest cards.
 */
export function budgetViews(records: readonly DashboardRun[], latest: readonly DashboardRun[], now: Date): { views: PeriodView[]; warnings: string[] } {
  const entries = records.map(entryOfRecord);
  const declared = declaredBudgets(latest);
  const views = declared.budgets.map((b) => periodView(b.scope, b.name, b.period, b.metric, { max: b.max, warn: b.warn, from: b.from }, entries, now));
  const teams = new Set(records.map((r) => r.team).filter((t): t is string => t !== null));
  for (const t of teams) {
    if (!views.some((v) => v.scope === 'team' && v.name === t)) views.push(periodView('team', t, 'month', DEFAULT_METRIC, null, entries, now));
  }
  const order = { month: 0, quarter: 1, year: 2 } as const;
  views.sort((a, b) => a.scope.localeCompare(b.scope) || a.name.localeCompare(b.name) || order[a.period] - order[b.period] || a.metric.localeCompare(b.metric));
  const warnings = [...declared.warnings];
  for (const v of views) {
    if (v.missing_metric > 0) warnings.push(`${v.scope} ${v.name} ${v.label}: ${v.missing_metric} run(s) have no ${v.metric}; counted as 0`);
  }
  return { views, warnings };
}

/** Days from `now` to the end of the view's period (for the projection line). */
export function daysLeft(v: Pick<PeriodView, 'end'>, now: Date): number {
  return Math.max(0, (Date.parse(v.end) - now.getTime()) / DAY_MS);
}
