// One run as the dashboard draws it (a `DashboardRun`), and how a model card becomes one.
//
// Cards in a history may come from anywhere (an older ml-lca, a fork's artifact, a tampered
// branch), so they are read through a lenient subset of the ModelCard schema: only the fields the
// dashboard draws, built from the card schema's own parts so a rename there breaks here, with
// lengths capped. A card that fails is skipped with a message naming its file; nothing from it
// reaches the page. Strings are kept as data: the page writes them with textContent or escaped
// HTML only (src/dashboard/html.ts, client/).
import { z } from 'zod';
import { Lifetime, PerFunctionalUnit, StageResult, Totals } from '../report/card-schema.js';
import { LifetimePoint } from '../lca/interpret/schema.js';
import { AbsoluteBudget, PeriodBudget } from '../scenario/schema.js';
import type { HistoryEntry } from '../history/schema.js';
import { cardFromTextWith } from '../ledger/read.js';
import { UtcInstant } from '../ledger/schema.js';
import { cleanPr, cleanRepo, cleanSha } from './links.js';

/** Verdicts a card may carry; anything else (a future verdict, a tampered one) reads as `unknown`. */
export const VERDICTS = ['pass', 'warn', 'fail', 'incomplete', 'error'] as const;
export const Verdict = z.enum([...VERDICTS, 'unknown']);
export type Verdict = z.infer<typeof Verdict>;

const MAX_STAGES = 50;
const name = (max: number) => z.string().trim().min(1).max(max);

/** The part of a model card the dashboard reads. Unknown keys are dropped, not rejected. */
export const DashboardCard = z.object({
  tool: z.object({ name: z.literal('ml-lca'), version: z.string().max(50).optional() }),
  created_at: UtcInstant,
  scenario: z.object({
    name: name(200),
    team: name(200).nullable().optional(),
    functional_unit: z.object({ description: z.string().max(500).optional() }).optional(),
    deployment: z.object({ lifetime_inferences: z.number().optional() }).optional(),
    budgets: z.array(z.unknown()).max(100).optional(),
  }),
  stages: z
    .record(name(100), StageResult.pick({ energy_kwh: true, co2e_kg: true }))
    .refine((s) => Object.keys(s).length <= MAX_STAGES, `at most ${MAX_STAGES} stages`),
  totals: Totals.pick({ energy_kwh: true, co2e_kg: true }).catchall(z.unknown()),
  per_functional_unit: PerFunctionalUnit.pick({ co2e_g: true }).catchall(z.unknown()),
  lifetime: Lifetime.partial().optional(),
  interpretation: z
    .object({
      breakeven_inferences: z.number().nullable().optional(),
      lifetime_curve: z.array(LifetimePoint).max(1000).optional(),
      uncertainty: z.object({ per_fu_co2e_g_low: z.number().optional(), per_fu_co2e_g_high: z.number().optional() }).optional(),
    })
    .optional(),
  verdict: z.string().max(40),
  extensions: z.record(z.string(), z.unknown()).optional(),
});
export type DashboardCard = z.infer<typeof DashboardCard>;

export const StagePoint = z.object({ energy_kwh: z.number(), co2e_kg: z.number() });

export const RunLifetime = z.object({
  curve: z.array(LifetimePoint),
  breakeven_inferences: z.number().nullable(),
  lifetime_inferences: z.number().nullable(),
});
export type RunLifetime = z.infer<typeof RunLifetime>;

/** One run of one scenario, everything the dashboard draws. Units in the names. */
export const DashboardRun = z.object({
  scenario: z.string(),
  team: z.string().nullable(),
  functional_unit: z.string().nullable(),
  /** ISO 8601, UTC. */
  created_at: z.string(),
  /** `OWNER/NAME` of the repository the run assessed, when the entry or card says (validated). */
  repo: z.string().nullable(),
  sha: z.string().nullable(),
  run_id: z.union([z.number(), z.string()]).nullable(),
  pr: z.number().nullable(),
  verdict: Verdict,
  per_fu_co2e_g: z.number(),
  per_fu_co2e_g_low: z.number().nullable(),
  per_fu_co2e_g_high: z.number().nullable(),
  co2e_kg: z.number(),
  energy_kwh: z.number(),
  /** Numeric card values by path (`totals.water_l`), for period budgets on other metrics. */
  metrics: z.record(z.string(), z.number()),
  stages: z.record(z.string(), StagePoint),
  /** The card's absolute budget on per_functional_unit.co2e_g (the tightest), drawn as lines. */
  per_fu_budget: z.object({ max: z.number().nullable(), warn: z.number().nullable() }),
  period_budgets: z.array(PeriodBudget),
  lifetime: RunLifetime.nullable(),
  /** Where the run was read from (a file below the history), for messages. */
  source: z.string(),
});
export type DashboardRun = z.infer<typeof DashboardRun>;

/** Run identity an entry or a card may carry (`extensions.github` / `extensions.run`), validated. */
export interface RunMeta {
  repo?: unknown;
  repository?: unknown;
  sha?: unknown;
  run_id?: unknown;
  pr?: unknown;
  created_at?: unknown;
}

function cleanRunId(v: unknown): number | string | null {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return v;
  if (typeof v === 'string' && /^[A-Za-z0-9._:-]{1,64}$/.test(v)) return v;
  return null;
}

function metaInCard(card: DashboardCard): RunMeta {
  for (const key of ['github', 'run', 'history']) {
    const ext = card.extensions?.[key];
    if (ext && typeof ext === 'object' && !Array.isArray(ext)) return ext as RunMeta;
  }
  return {};
}

/** Finite numbers of one card block, keyed `block.key`. */
function numbersOf(block: string, o: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(o)) if (typeof v === 'number' && Number.isFinite(v)) out[`${block}.${k}`] = v;
  return out;
}

function perFuBudget(budgets: readonly unknown[]): { max: number | null; warn: number | null } {
  let max: number | null = null;
  let warn: number | null = null;
  for (const b of budgets) {
    const p = AbsoluteBudget.safeParse(b);
    if (!p.success || p.data.metric !== 'per_functional_unit.co2e_g') continue;
    if (max === null || p.data.max < max) {
      max = p.data.max;
      warn = p.data.warn ?? null;
    }
  }
  return { max, warn };
}

/**
 * A DashboardRun from a validated card. `meta` (from a history entry) wins over what the card says
 * about itself; both are validated: a SHA that is not hex, a PR that is not a positive integer
 * are dropped, so no link is built from them.
 */
export function recordFromCard(card: DashboardCard, source: string, meta: RunMeta = {}): DashboardRun {
  const own = metaInCard(card);
  const created = UtcInstant.safeParse(meta.created_at);
  const u = card.interpretation?.uncertainty;
  const curve = card.interpretation?.lifetime_curve ?? [];
  const stages: Record<string, { energy_kwh: number; co2e_kg: number }> = {};
  for (const [k, v] of Object.entries(card.stages)) stages[k] = { energy_kwh: v.energy_kwh, co2e_kg: v.co2e_kg };
  const budgets = card.scenario.budgets ?? [];
  return {
    scenario: card.scenario.name,
    team: card.scenario.team ?? null,
    functional_unit: card.scenario.functional_unit?.description?.trim() || null,
    created_at: created.success ? created.data : card.created_at,
    repo: cleanRepo(meta.repo) ?? cleanRepo(own.repo ?? own.repository),
    sha: cleanSha(meta.sha) ?? cleanSha(own.sha),
    run_id: cleanRunId(meta.run_id) ?? cleanRunId(own.run_id),
    pr: cleanPr(meta.pr) ?? cleanPr(own.pr),
    verdict: Verdict.catch('unknown').parse(card.verdict),
    per_fu_co2e_g: card.per_functional_unit.co2e_g,
    per_fu_co2e_g_low: u?.per_fu_co2e_g_low ?? null,
    per_fu_co2e_g_high: u?.per_fu_co2e_g_high ?? null,
    co2e_kg: card.totals.co2e_kg,
    energy_kwh: card.totals.energy_kwh,
    metrics: {
      ...numbersOf('totals', card.totals),
      ...numbersOf('per_functional_unit', card.per_functional_unit),
      ...numbersOf('lifetime', card.lifetime ?? {}),
    },
    stages,
    per_fu_budget: perFuBudget(budgets),
    period_budgets: budgets.flatMap((b) => {
      const p = PeriodBudget.safeParse(b);
      return p.success ? [p.data] : [];
    }),
    lifetime:
      curve.length > 0
        ? {
            curve,
            breakeven_inferences: card.interpretation?.breakeven_inferences ?? null,
            lifetime_inferences: card.scenario.deployment?.lifetime_inferences ?? card.lifetime?.inferences ?? null,
          }
        : null,
    source,
  };
}

/**
 * A run of the history branch from its entry (the record of the run) and the card stored for its
 * commit (null when missing). The card is the later run's when two runs assessed one commit: then
 * only what the scenario file decides (functional unit, budgets) is taken from it, and the numbers
 * come from the entry. Null when the entry lacks the per-FU value the charts need.
 */
export function recordFromEntry(entry: HistoryEntry, card: DashboardCard | null, source: string, meta: RunMeta): DashboardRun | null {
  const own = card ? metaInCard(card) : {};
  const sameRun = card !== null && (own.run_id === undefined || String(own.run_id) === String(entry.run_id));
  if (card && sameRun) return { ...recordFromCard(card, source, meta), verdict: Verdict.catch('unknown').parse(entry.verdict) };
  const perFu = entry.metrics['per_functional_unit.co2e_g'];
  if (perFu === undefined) return null;
  const base = card ? recordFromCard(card, source, meta) : null;
  const created = UtcInstant.safeParse(meta.created_at);
  return {
    scenario: entry.scenario,
    team: entry.team,
    functional_unit: base?.functional_unit ?? null,
    created_at: created.success ? created.data : entry.created_at,
    repo: cleanRepo(meta.repo),
    sha: cleanSha(meta.sha),
    run_id: cleanRunId(meta.run_id),
    pr: null,
    verdict: Verdict.catch('unknown').parse(entry.verdict),
    per_fu_co2e_g: perFu,
    per_fu_co2e_g_low: null,
    per_fu_co2e_g_high: null,
    co2e_kg: entry.co2e_kg,
    energy_kwh: entry.metrics['totals.energy_kwh'] ?? 0,
    metrics: { ...entry.metrics, 'totals.co2e_kg': entry.co2e_kg },
    stages: {},
    per_fu_budget: base?.per_fu_budget ?? { max: null, warn: null },
    period_budgets: base?.period_budgets ?? [],
    lifetime: null,
    source,
  };
}

/** Card JSON text -> a DashboardRun, or the reason it is not a usable card (for a warning naming the file). */
export function recordFromText(text: string, source: string, meta: RunMeta = {}): { record: DashboardRun } | { reason: string } {
  const got = cardFromTextWith(text, DashboardCard);
  return 'reason' in got ? got : { record: recordFromCard(got.card, source, meta) };
}
