// Budget verdicts as data: absolute limits (max, warn) on any numeric card path, regression
// limits (max_increase_pct, warn_increase_pct) against the comparison with the base card.
// Period budgets are evaluated by the ledger (src/ledger/) and produce nothing here.
import { InputError } from '../errors.js';
import type { AbsoluteBudget, Budget, RegressionBudget } from '../scenario/schema.js';
import { type BudgetResult, type BudgetStatus, type CardVerdict, type Comparison, worstVerdict } from './schema.js';
import { suggest } from '../scenario/suggest.js';
import { METRICS, numericPaths, unitOf, valueAtPath } from './metrics.js';
import { deltaPct, percent, qty, qtyParam } from '../report/format.js';

/** What a budget can read: any card-shaped object (the head card, or its parts before assembly). */
export type HeadForBudgets = { readonly [key: string]: unknown };

function isRegression(b: Budget): b is RegressionBudget {
  return 'max_increase_pct' in b;
}
function isPeriod(b: Budget): boolean {
  return 'period' in b;
}

/** The head's value at `metric`; an InputError naming budgets[i].metric when the path is not a numeric card path. */
function metricValue(head: HeadForBudgets, metric: string, i: number): number | null {
  const v = valueAtPath(head, metric);
  if (typeof v === 'number' || v === null) return v;
  const valid = [...new Set([...METRICS.map((m) => m.path), ...numericPaths(head)])];
  throw new InputError({
    code: 'SCENARIO_INVALID',
    field: `budgets[${i}].metric`,
    // The compared metrics plus the per-stage pattern, not every card path: one readable line.
    expected: `a numeric model-card path: one of ${METRICS.map((m) => m.path).join(', ')}, or stages.<stage>.<field> (stages: ${stageNames(head).join(', ') || 'none'})`,
    got: JSON.stringify(metric),
    hint: hintFor(metric, valid),
  });
}

function stageNames(head: HeadForBudgets): string[] {
  const stages = head.stages;
  return stages !== null && typeof stages === 'object' ? Object.keys(stages) : [];
}

function hintFor(metric: string, valid: readonly string[]): string | undefined {
  const near = suggest(metric, valid);
  return near ? `did you mean "${near}"?` : undefined;
}

function absolute(b: AbsoluteBudget, actual: number | null, unit: string): BudgetResult {
  // The number style of the report (format.ts): the actual to 3 figures, limits as stated.
  const limit = qtyParam(b.max, unit);
  const base = { metric: b.metric, kind: 'absolute' as const, limit: b.max, warn_limit: b.warn ?? null, actual };
  if (actual === null) {
    return {
      ...base,
      status: 'warn',
      message: `${b.metric} has no value (e.g. cost without a price in the scenario): budget of ${limit} not checked`,
    };
  }
  const value = qty(actual, unit);
  if (actual > b.max) return { ...base, status: 'fail', message: `${b.metric} = ${value} exceeds the limit of ${limit}` };
  if (b.warn !== undefined && actual > b.warn) {
    return { ...base, status: 'warn', message: `${b.metric} = ${value} exceeds the warning level of ${qtyParam(b.warn, unit)} (limit ${limit})` };
  }
  return { ...base, status: 'pass', message: `${b.metric} = ${value} is within the limit of ${limit}` };
}

function regression(b: RegressionBudget, comparison: Comparison | null): BudgetResult {
  const base = { metric: b.metric, kind: 'regression' as const, limit: b.max_increase_pct, warn_limit: b.warn_increase_pct ?? null };
  if (comparison === null) return { ...base, actual: null, status: 'pass', message: 'no baseline: regression budget not checked' };
  const m = comparison.metrics.find((x) => x.metric === b.metric);
  const note = comparison.comparable ? '' : ' (base and head are not fully comparable, see consistency)';
  if (!m) {
    // A numeric card path outside the compared set (e.g. stages.x.hours): say so, loudly.
    return {
      ...base,
      actual: null,
      status: 'warn',
      message: `${b.metric} is not among the compared metrics (${METRICS.map((x) => x.path).join(', ')}, stages.<name>.co2e_kg|energy_kwh|water_l|cost_usd): regression budget not checked`,
    };
  }
  if (m.base === null || m.head === null) {
    return {
      ...base,
      actual: null,
      status: 'pass',
      message: `${b.metric}: no value in the ${m.base === null ? 'base' : 'head'} card: regression budget not checked`,
    };
  }
  let pct = m.delta_pct;
  if (pct === null) pct = m.head > m.base ? Infinity : 0; // base 0, head > 0: any increase is infinite
  // For a higher-is-better metric a regression is a decrease.
  const increase = m.better === 'lower' ? pct : -pct;
  const shown = Number.isFinite(increase) ? deltaPct(increase) : `up from 0`;
  const actual = Number.isFinite(increase) ? increase : null;
  const limit = percent(b.max_increase_pct, { signed: true });
  let status: BudgetStatus = 'pass';
  let message = `${b.metric} changed ${shown} vs base, within ${limit}`;
  if (increase > b.max_increase_pct) {
    status = 'fail';
    message = `${b.metric} rose ${shown} vs base, above the allowed ${limit}`;
  } else if (b.warn_increase_pct !== undefined && increase > b.warn_increase_pct) {
    status = 'warn';
    message = `${b.metric} rose ${shown} vs base, above the warning level ${percent(b.warn_increase_pct, { signed: true })} (limit ${limit})`;
  }
  return { ...base, actual, status, message: message + note };
}

/**
 * One result per absolute or regression budget, in order; none for period budgets.
 * Throws InputError (budgets[i].metric) for a path that is not a numeric card value.
 */
export function evaluateBudgets(budgets: readonly Budget[], head: HeadForBudgets, comparison: Comparison | null): BudgetResult[] {
  const out: BudgetResult[] = [];
  budgets.forEach((b, i) => {
    if (isPeriod(b)) return;
    const actual = metricValue(head, b.metric, i);
    if (isRegression(b)) out.push(regression(b, comparison));
    else out.push(absolute(b as AbsoluteBudget, actual, unitOf(b.metric)));
  });
  return out;
}

/**
 * The card's verdict: incomplete when a stage's energy could not be determined (`incomplete`):
 * a gate that cannot measure never passes, whatever the budgets say; else fail if any budget
 * failed, warn if any warned, pass.
 */
export function verdictOf(results: readonly BudgetResult[], incomplete = false): CardVerdict {
  return worstVerdict([...results.map((r) => r.status), ...(incomplete ? (['incomplete'] as const) : [])]);
}
