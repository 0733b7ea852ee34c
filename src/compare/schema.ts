// Budget verdicts and base-vs-head comparison, as stored in the model card.
import { z } from 'zod';

export const BudgetStatus = z.enum(['pass', 'warn', 'fail']);
export type BudgetStatus = z.infer<typeof BudgetStatus>;

/** A card's verdict: the budgets' (pass, warn, fail), or incomplete when a stage's energy is unknown. */
export const CardVerdict = z.enum(['pass', 'warn', 'fail', 'incomplete']);
export type CardVerdict = z.infer<typeof CardVerdict>;

/**
 * A run's verdict: a card's, or `error` when the action could not assess at all (bad input).
 * Severity, worst first: error > incomplete > fail > warn > pass.
 */
export type Verdict = CardVerdict | 'error';
export const VERDICT_SEVERITY: readonly Verdict[] = ['pass', 'warn', 'fail', 'incomplete', 'error'];

/** The worst of several verdicts (pass when there are none). */
export function worstVerdict<V extends Verdict>(verdicts: readonly V[]): V | 'pass' {
  let worst: V | 'pass' = 'pass';
  for (const v of verdicts) if (VERDICT_SEVERITY.indexOf(v) > VERDICT_SEVERITY.indexOf(worst)) worst = v;
  return worst;
}

export const BudgetResult = z.object({
  metric: z.string(),
  kind: z.enum(['absolute', 'regression', 'period']).optional(),
  limit: z.number().nullable(),
  warn_limit: z.number().nullable().optional(),
  actual: z.number().nullable(),
  status: BudgetStatus,
  message: z.string(),
});
export type BudgetResult = z.infer<typeof BudgetResult>;

export const ComparedMetric = z.object({
  metric: z.string(),
  base: z.number().nullable(),
  head: z.number().nullable(),
  delta: z.number().nullable(),
  delta_pct: z.number().nullable(),
  better: z.enum(['lower', 'higher']),
  /** Whether |delta| is within the combined uncertainty/noise band (issue 5). */
  within_noise: z.boolean().nullable().optional(),
  /** Half-width of that band in the metric's unit (compare/noise.ts). */
  noise_band: z.number().nullable().optional(),
  /** One sentence: within the noise band, or a real change (compare/noise.ts). */
  noise_note: z.string().optional(),
});
export type ComparedMetric = z.infer<typeof ComparedMetric>;

export const Baseline = z.object({
  source: z.string().meta({ description: 'history:BRANCH | artifact | file:PATH | cli | dir:PATH' }),
  ref: z.string().nullable(),
  sha: z.string().nullable(),
  run_id: z.number().nullable(),
  created_at: z.string().nullable(),
});

export const Comparison = z.object({
  baseline: Baseline,
  metrics: z.array(ComparedMetric),
  /** Human statements when functional unit, boundary or factors differ (ISO 14044 consistency). */
  consistency: z.array(z.string()).default([]),
  comparable: z.boolean().default(true),
});
export type Comparison = z.infer<typeof Comparison>;
