// Where each period budget stands: spent in the current period (from the ledger) plus this
// change, against the budget; burn rate and the date the budget runs out at that rate.
// Pure: entries and the clock are passed in.
import { InputError } from '../errors.js';
import type { BudgetResult } from '../compare/schema.js';
import type { Budget, PeriodBudget } from '../scenario/schema.js';
import { metricOf, numberAt } from './entries.js';
import { withUnit } from './render.js';
import { DAY_MS, inPeriod, periodOf, utcDate } from './period.js';
import type { LedgerEntry, LedgerPosition } from './schema.js';

export function isPeriodBudget(b: Budget): b is PeriodBudget {
  return 'period' in b && 'scope' in b;
}

/** The scenario fields period budgets need; a `Scenario` and a card's resolved `scenario` both fit. */
export interface LedgerScenario {
  name: string;
  team?: string | null | undefined;
}

/**
 * Running sums of one team (scope team) or scenario (scope model) in one period, as a history
 * index keeps them (history/layout.ts): the spending without reading every entry.
 */
export interface PeriodSums {
  scope: 'team' | 'model';
  name: string;
  /** Period label: 2026-03, 2026-Q1, 2026. */
  label: string;
  runs: number;
  /** Sum of each metric over the runs that have it. */
  sum: Readonly<Record<string, number>>;
  /** How many runs have each metric. */
  count: Readonly<Record<string, number>>;
}

export interface PeriodBudgetEvaluation {
  results: BudgetResult[];
  positions: LedgerPosition[];
  /** Entries in scope that lack the budget's metric (older cards), counted as 0. */
  warnings: string[];
}

/**
 * Evaluate every period budget in `budgets` (others are ignored: compare/budgets.ts handles
 * them). `headCard` is this change (its value of the metric is added to what was spent);
 * null evaluates the ledger alone (CLI). `now` picks the current period. `sums` (from a history
 * index) are added to what `entries` hold for the same scope, name and period.
 * Throws InputError for a team budget with no team, or a metric the head card lacks.
 */
export function evaluatePeriodBudgets(
  budgets: readonly Budget[],
  scenario: LedgerScenario,
  headCard: object | null,
  entries: readonly LedgerEntry[],
  now: Date,
  sums: readonly PeriodSums[] = [],
): PeriodBudgetEvaluation {
  const results: BudgetResult[] = [];
  const positions: LedgerPosition[] = [];
  const warnings: string[] = [];
  budgets.forEach((b, i) => {
    if (!isPeriodBudget(b)) return;
    const name = b.scope === 'team' ? (b.team ?? scenario.team ?? null) : scenario.name;
    if (name === null) {
      throw new InputError({
        code: 'SCENARIO_INVALID',
        field: `budgets[${i}].team`,
        expected: 'a team name for a team budget (set `team:` on the budget or at the top of the scenario)',
        got: 'nothing',
      });
    }
    let change = 0;
    if (headCard !== null) {
      const v = numberAt(headCard, b.metric);
      if (v === null) {
        throw new InputError({
          code: 'SCENARIO_INVALID',
          field: `budgets[${i}].metric`,
          expected: 'a numeric model card path, e.g. totals.co2e_kg',
          got: JSON.stringify(b.metric),
        });
      }
      change = v;
    }
    const pos = positionOf(b, name, change, entries, sums, now);
    positions.push(pos.position);
    if (pos.missing > 0) warnings.push(`${pos.missing} ledger run(s) of ${b.scope} ${name} have no ${b.metric}; counted as 0`);
    results.push(resultOf(pos.position));
  });
  return { results, positions, warnings };
}

function positionOf(
  b: PeriodBudget,
  name: string,
  change: number,
  entries: readonly LedgerEntry[],
  sums: readonly PeriodSums[],
  now: Date,
): { position: LedgerPosition; missing: number } {
  const p = periodOf(now, b.period);
  let spent = 0;
  let runs = 0;
  let missing = 0;
  for (const s of sums) {
    if (s.scope !== b.scope || s.name !== name || s.label !== p.label) continue;
    runs += s.runs;
    spent += s.sum[b.metric] ?? 0;
    missing += s.runs - (s.count[b.metric] ?? 0);
  }
  for (const e of entries) {
    if ((b.scope === 'team' ? e.team : e.scenario) !== name || !inPeriod(e.created_at, p)) continue;
    runs += 1;
    const v = metricOf(e, b.metric);
    if (v === null) missing += 1;
    else spent += v;
  }
  const projected = spent + change;
  const startMs = Date.parse(p.start);
  // At least one day, so a run an hour into the month does not read as 24× its real rate.
  const elapsed_days = Math.min(p.days, Math.max(1, (now.getTime() - startMs) / DAY_MS));
  const burn = projected / elapsed_days;
  let run_out_date: string | null = null;
  if (projected >= b.max && projected > 0) {
    run_out_date = utcDate(now); // exhausted by what is spent plus this change
  } else if (burn > 0) {
    const t = startMs + (b.max / burn) * DAY_MS;
    if (t < Date.parse(p.end)) run_out_date = utcDate(t);
  }
  const status = projected > b.max ? 'fail' : b.warn !== undefined && projected > b.warn ? 'warn' : 'pass';
  return {
    missing,
    position: {
      scope: b.scope,
      name,
      metric: b.metric,
      period: b.period,
      label: p.label,
      start: p.start,
      end: p.end,
      max: b.max,
      warn: b.warn ?? null,
      runs,
      spent,
      change,
      projected,
      remaining: b.max - projected,
      // A zero budget is used up by any spend: report 100 % rather than infinity.
      used_pct: b.max > 0 ? (projected / b.max) * 100 : projected > 0 ? 100 : 0,
      elapsed_days,
      period_days: p.days,
      burn_rate_per_day: burn,
      forecast: burn * p.days,
      run_out_date,
      status,
    },
  };
}

function resultOf(p: LedgerPosition): BudgetResult {
  const m = p.metric;
  const rest = p.remaining >= 0 ? `${withUnit(p.remaining, m)} remaining` : `${withUnit(-p.remaining, m)} over budget`;
  const runOut = p.run_out_date && p.remaining > 0 ? `; runs out ${p.run_out_date} at ${withUnit(p.burn_rate_per_day, m)}/day` : '';
  return {
    metric: m,
    kind: 'period',
    limit: p.max,
    warn_limit: p.warn,
    actual: p.projected,
    status: p.status,
    message:
      `${p.scope} ${p.name} ${p.label}: projected ${withUnit(p.projected, m)} of ${withUnit(p.max, m)} ` +
      `(spent ${withUnit(p.spent, m)} in ${p.runs} run${p.runs === 1 ? '' : 's'} + this change ${withUnit(p.change, m)}); ${rest}${runOut}`,
  };
}
