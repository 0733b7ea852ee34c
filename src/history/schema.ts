// The history's files (the `ml-lca-data` branch, or a local checkout of it). These zod schemas
// are the single source of the types, and the published contract of the layout: the dashboard
// (issue 18) and anyone auditing a ledger read the same files. Layout and rules: layout.ts and
// docs/history.md.
import { z } from 'zod';
import { RunId, UtcInstant } from '../ledger/schema.js';

/** `schema` of every JSON file of layout version 1; a reader refuses any other. */
export const HISTORY_SCHEMA = 'ml-lca-history/1';

/** One recorded run of one scenario: a line of `v1/runs/<scenario>/<YYYY-MM>.jsonl`. */
export const HistoryEntry = z
  .strictObject({
    run_id: RunId.meta({ description: 'GitHub Actions run id; with repo and scenario, the key of the entry (a re-run replaces it)' }),
    attempt: z.number().int().min(1).meta({ description: 'Run attempt that wrote the entry (GITHUB_RUN_ATTEMPT)' }),
    repo: z.string().min(1).meta({ description: 'owner/name of the repository the run belongs to' }),
    branch: z.string().min(1).meta({ description: 'Branch the run assessed (the default branch)' }),
    sha: z.string().min(1).meta({ description: 'Commit the run assessed' }),
    created_at: UtcInstant.meta({ description: "The run's created_at (UTC): the date the run counts in for period budgets" }),
    scenario: z.string().min(1).meta({ description: 'Scenario (model) name' }),
    team: z.string().min(1).nullable().meta({ description: 'Team that owns the scenario, or null' }),
    job: z.string().nullable().default(null).meta({ description: 'Job (and matrix values) that assessed it' }),
    verdict: z.string().min(1).meta({ description: 'Verdict of the card: pass | warn | fail | incomplete' }),
    tool_version: z.string().meta({ description: 'ml-lca version that wrote the card' }),
    co2e_kg: z.number().nonnegative().meta({ description: 'totals.co2e_kg of the card (kg CO2e), what period budgets sum by default' }),
    metrics: z.record(z.string(), z.number()).meta({ description: 'Headline card values by path: totals.*, per_functional_unit.*, lifetime.*' }),
    card: z.string().min(1).meta({ description: 'Path of the full model card in the history' }),
    recorded_at: UtcInstant.meta({ description: 'When the entry was written' }),
  })
  .meta({ description: 'One recorded run of one scenario (a line of v1/runs/SCENARIO/YYYY-MM.jsonl)' });
export type HistoryEntry = z.infer<typeof HistoryEntry>;
export type HistoryEntryInput = z.input<typeof HistoryEntry>;

/** Running sums of one team or scenario in one period. */
export const PeriodSum = z.object({
  runs: z.number().int().nonnegative().meta({ description: 'Entries counted' }),
  sum: z.record(z.string(), z.number()).meta({ description: 'Sum of each metric over the entries that have it' }),
  count: z.record(z.string(), z.number().int().nonnegative()).meta({ description: 'How many entries have each metric' }),
});
export type PeriodSum = z.infer<typeof PeriodSum>;

export const PeriodBlock = z.object({
  teams: z.record(z.string(), PeriodSum),
  scenarios: z.record(z.string(), PeriodSum),
});
export type PeriodBlock = z.infer<typeof PeriodBlock>;

/** `v1/totals/<YYYY>.json`: running sums per team and per scenario for the year, its quarters and months. */
export const TotalsFile = z
  .object({
    schema: z.literal(HISTORY_SCHEMA),
    year: z.number().int(),
    periods: z.record(z.string(), PeriodBlock).meta({ description: 'By period label: 2026, 2026-Q1, 2026-03' }),
  })
  .meta({ description: 'Running totals of one UTC year (v1/totals/YYYY.json), updated in the commit that adds an entry' });
export type TotalsFile = z.infer<typeof TotalsFile>;

/** `v1/index.json`: small, read first. */
export const IndexFile = z
  .object({
    schema: z.literal(HISTORY_SCHEMA),
    updated_at: UtcInstant,
    runs: z.number().int().nonnegative().meta({ description: 'Entries recorded (all scenarios, all time)' }),
    since: UtcInstant.nullable().meta({
      description: 'created_at of the oldest entry: spending before it (from before the history existed) is not in the totals',
    }),
    years: z.array(z.number().int()).meta({ description: 'Years that have a totals file' }),
    latest: z.array(HistoryEntry).meta({ description: 'Newest entry per repository, branch and scenario (the baseline when the base commit has none)' }),
  })
  .meta({ description: 'Index of the history (v1/index.json)' });
export type IndexFile = z.infer<typeof IndexFile>;
