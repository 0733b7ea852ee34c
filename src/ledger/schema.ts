// The ledger: what past runs spent, and where a period budget stands. These zod schemas are
// the single source of the types; `LedgerExtension` is what the card carries under
// `extensions.ledger` (card-schema.ts keeps `extensions` open for such optional blocks).
import { z } from 'zod';
import { BudgetStatus } from '../compare/schema.js';

/** ISO 8601 instant with an explicit zone (Z or ±hh:mm), or a bare date (taken as UTC midnight). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2}))?$/; // no flags: the JSON Schema pattern must mean the same

/**
 * A timestamp normalised to UTC (`2026-04-01T02:00:00+02:00` -> `2026-04-01T00:00:00.000Z`).
 * A date-time without a zone is refused: "local time" differs between the laptop that wrote
 * the ledger and the runner, and a run near midnight would land in the wrong month.
 */
/** Date.parse rolls 2026-02-30 over to March 2; refuse it instead of moving a run between months. */
function isCalendarDate(s: string): boolean {
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  const day = new Date(Date.UTC(y, m - 1, d));
  return (
    day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d && !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s))
  );
}

export const UtcInstant = z
  .string()
  .regex(ISO_INSTANT, 'an ISO 8601 timestamp with a zone, e.g. 2026-03-31T23:59:59Z or 2026-04-01T01:00:00+02:00')
  .refine(isCalendarDate, 'a real calendar date (2026-02-30 is not one)')
  .transform((s) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s).toISOString());

export const RunId = z.union([z.number().int().nonnegative(), z.string().min(1)]);

export const LedgerEntry = z
  .strictObject({
    run_id: RunId.nullable().default(null).meta({ description: 'GitHub Actions run id (or any CI run id); de-duplication key' }),
    sha: z.string().min(1).nullable().default(null).meta({ description: 'Commit the run built' }),
    created_at: UtcInstant.meta({ description: 'When the run happened (ISO 8601; offsets are normalised to UTC)' }),
    scenario: z.string('the scenario name').min(1, 'a non-empty scenario name').meta({ description: 'Scenario (model) name of the card' }),
    team: z.string().min(1).nullable().default(null).meta({ description: 'Team that owns the scenario' }),
    co2e_kg: z
      .number('a number of kg CO2e')
      .nonnegative('a number of kg CO2e >= 0')
      .meta({ description: 'Lifecycle carbon of the run, totals.co2e_kg (kg CO2e)' }),
    metrics: z
      .record(z.string(), z.number('a number'))
      .default({})
      .meta({ description: 'Other card values by path, e.g. { "totals.energy_kwh": 812 } (for budgets on other metrics)' }),
    source: z.string().default('').meta({ description: 'Where the entry came from: artifact:RUN_ID, a card file, or FILE:LINE of a JSONL ledger' }),
  })
  .meta({ description: 'One successful default-branch run as counted by period budgets' });
export type LedgerEntry = z.infer<typeof LedgerEntry>;
export type LedgerEntryInput = z.input<typeof LedgerEntry>;

export const PeriodKind = z.enum(['month', 'quarter', 'year']);
export type PeriodKind = z.infer<typeof PeriodKind>;

export const LedgerPosition = z.object({
  scope: z.enum(['team', 'model']),
  name: z.string().nullable().meta({ description: 'Team name (scope team) or scenario name (scope model); null when no team is set' }),
  metric: z.string(),
  period: PeriodKind,
  label: z.string().meta({ description: 'Period label: 2026-03, 2026-Q1, 2026' }),
  start: z.string().meta({ description: 'Period start, inclusive (UTC)' }),
  end: z.string().meta({ description: 'Period end, exclusive (UTC)' }),
  max: z.number(),
  warn: z.number().nullable(),
  runs: z.number().int().meta({ description: 'Ledger entries counted in the period' }),
  spent: z.number().meta({ description: 'Sum of the metric over the runs counted' }),
  change: z.number().meta({ description: "This change: the head card's value of the metric (0 without a head)" }),
  projected: z.number().meta({ description: 'spent + change' }),
  remaining: z.number().meta({ description: 'max - projected (negative when over)' }),
  used_pct: z.number().meta({ description: 'projected / max × 100' }),
  elapsed_days: z.number().meta({ description: 'Days of the period elapsed at evaluation time (at least 1)' }),
  period_days: z.number().int(),
  burn_rate_per_day: z.number().meta({ description: 'projected / elapsed_days' }),
  forecast: z.number().meta({ description: 'Spend at the end of the period at the current burn rate' }),
  run_out_date: z.string().nullable().meta({ description: 'UTC date the budget runs out at the current rate; null if not within the period' }),
  status: BudgetStatus,
});
export type LedgerPosition = z.infer<typeof LedgerPosition>;

export const LedgerExtension = z
  .object({
    source: z.string().meta({ description: 'history:BRANCH | artifact | file:PATH | DIR (CLI)' }),
    entries: z.number().int().meta({ description: 'Entries read before period and scope filters' }),
    positions: z.array(LedgerPosition),
    warnings: z.array(z.string()).default([]),
  })
  .meta({ description: 'Period budget positions, stored in the card as extensions.ledger' });
export type LedgerExtension = z.infer<typeof LedgerExtension>;
