// The data a page's script reads from its `<script type="application/json" id="ml-lca-data">`:
// columnar (one array per field, one entry per run) so 500 runs cost a few tens of KB, not the
// 20 KB a card costs each. Written by src/dashboard/model.ts, read by src/dashboard/client/.
// Numbers are rounded to 6 significant figures (the page shows 3). Units are in the names.
import { z } from 'zod';

const num = z.number();
const numOrNull = z.number().nullable();

export const BudgetChartData = z.object({
  id: z.string(),
  label: z.string(),
  metric: z.string(),
  /** Days of the period so far (YYYY-MM-DD) and cumulative spend at the end of each. */
  date: z.array(z.string()),
  cumulative: z.array(num),
  max: numOrNull,
  warn: numOrNull,
  /** Period start and end (ISO, end exclusive); the forecast is the spend at the end at the current burn rate. */
  start: z.string(),
  end: z.string(),
  /** When the view was computed; the forecast line starts here. */
  now: z.string(),
  forecast: num,
});
export type BudgetChartData = z.infer<typeof BudgetChartData>;

export const ScenarioPageData = z.object({
  kind: z.literal('scenario'),
  name: z.string(),
  team: z.string().nullable(),
  functional_unit: z.string().nullable(),
  /** Repository URLs commit links are built on (`https://github.com/OWNER/NAME`, validated); runs.repo indexes it. */
  repos: z.array(z.string()),
  runs: z.object({
    /** Index into `repos` of the run's repository; null: no link (no repository given, or one not to link to). */
    repo: z.array(z.number().int().nullable()),
    /** Unix seconds of each run (created_at), oldest first. */
    t: z.array(num),
    sha: z.array(z.string().nullable()),
    pr: z.array(numOrNull),
    run_id: z.array(z.string().nullable()),
    verdict: z.array(z.string()),
    /** g CO2e per functional unit, with the card's uncertainty range. */
    per_fu_g: z.array(num),
    per_fu_g_low: z.array(numOrNull),
    per_fu_g_high: z.array(numOrNull),
    /** The card's absolute budget on per_functional_unit.co2e_g. */
    budget_max_g: z.array(numOrNull),
    budget_warn_g: z.array(numOrNull),
    co2e_kg: z.array(num),
    energy_kwh: z.array(num),
  }),
  stages: z.object({
    names: z.array(z.string()),
    /** [stage][run]: null where the run had no such stage. */
    energy_kwh: z.array(z.array(numOrNull)),
    co2e_kg: z.array(z.array(numOrNull)),
  }),
  lifetime: z
    .object({
      /** Index into runs of the card the curve is from (the latest that has one). */
      run: z.number().int(),
      inferences: z.array(num),
      per_fu_g: z.array(num),
      breakeven_inferences: numOrNull,
      lifetime_inferences: numOrNull,
    })
    .nullable(),
  /** Cumulative spend charts of the scenario's own (scope: model) period budgets. */
  budgets: z.array(BudgetChartData),
});
export type ScenarioPageData = z.infer<typeof ScenarioPageData>;

export const TeamPageData = z.object({
  kind: z.literal('team'),
  name: z.string(),
  charts: z.array(BudgetChartData),
});
export type TeamPageData = z.infer<typeof TeamPageData>;

export const PageData = z.discriminatedUnion('kind', [ScenarioPageData, TeamPageData]);
export type PageData = z.infer<typeof PageData>;
