// The dashboard's model: runs grouped per scenario and per team, the columnar data each page
// embeds, the index summaries, the largest changes and the budget views. Pure: records, the
// clock and the repository URL come in; src/dashboard/pages.ts turns this into HTML.
import { createHash } from 'node:crypto';
import { budgetViews, type PeriodView } from './budgets.js';
import type { BudgetChartData, ScenarioPageData, TeamPageData } from './page-data.js';
import { type LinkConfig, runLinkBase } from './links.js';
import type { DashboardRun, Verdict } from './record.js';

export interface DashboardOptions {
  /** Evaluation time of the budget views (the CLI's clock, or --as-of). */
  now: Date;
  /** The server and repository commit links go to (validated by links.ts), or null: no commit links. */
  links: LinkConfig | null;
  title: string;
}

export interface Change {
  /** Index of the run in its scenario's runs. */
  index: number;
  /** The repository URL its commit links to (links.ts runLinkBase), or null. */
  linkBase: string | null;
  sha: string | null;
  pr: number | null;
  run_id: string | null;
  created_at: string;
  previous_sha: string | null;
  from_g: number;
  to_g: number;
  delta_pct: number;
  verdict: Verdict;
}

export interface ScenarioModel {
  name: string;
  slug: string;
  team: string | null;
  teamSlug: string | null;
  functionalUnit: string | null;
  runs: DashboardRun[];
  latest: DashboardRun;
  /** The repository URL the latest run's commit links to, or null. */
  latestLink: string | null;
  /** Change of per-FU g CO2e from the previous run, in %; null with one run or a zero base. */
  deltaPct: number | null;
  /** Per-FU g CO2e downsampled for the index sparkline. */
  spark: number[];
  changes: Change[];
  budgets: PeriodView[];
  data: ScenarioPageData;
}

export interface TeamModel {
  name: string;
  slug: string;
  scenarios: Array<{ name: string; slug: string }>;
  runs: number;
  views: PeriodView[];
  data: TeamPageData;
}

export interface SiteModel {
  title: string;
  now: string;
  totalRuns: number;
  scenarios: ScenarioModel[];
  teams: TeamModel[];
  warnings: string[];
}

/** Rows in the table of largest changes. */
export const MAX_CHANGES = 10;
/** Points of an index sparkline (min and max of each bucket, so spikes survive). */
export const SPARK_POINTS = 64;
/** Stage series drawn by name (the colour-blind-safe palette has 7 colours); the rest sum to "other". */
export const MAX_STAGE_SERIES = 7;
const LIFECYCLE_ORDER = ['experimentation', 'training', 'fine-tuning', 'finetuning', 'inference'];

/** 6 significant figures: the data stays exact to what a page shows, and compact. */
export function r6(x: number): number {
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(6));
}
const r6n = (x: number | null): number | null => (x === null ? null : r6(x));

/** A file-name-safe, stable, collision-free slug: readable prefix + hash of the exact name. */
export function slug(name: string): string {
  const base =
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'x';
  return `${base}-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}

/** Min and max of each of `points / 2` buckets, in order: a sparkline that keeps every spike. */
export function downsample(values: readonly number[], points = SPARK_POINTS): number[] {
  if (values.length <= points) return [...values];
  const buckets = Math.floor(points / 2);
  const out: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * values.length) / buckets);
    const to = Math.floor(((b + 1) * values.length) / buckets);
    let lo = from;
    let hi = from;
    for (let i = from; i < to; i++) {
      if (values[i]! < values[lo]!) lo = i;
      if (values[i]! > values[hi]!) hi = i;
    }
    for (const i of lo <= hi ? [lo, hi] : [hi, lo]) out.push(values[i]!);
  }
  return out;
}

/** Δ % of per-FU g CO2e between consecutive runs, largest magnitude first. */
export function largestChanges(runs: readonly DashboardRun[], n = MAX_CHANGES, linkOf: (r: DashboardRun) => string | null = () => null): Change[] {
  const out: Change[] = [];
  for (let i = 1; i < runs.length; i++) {
    const prev = runs[i - 1]!;
    const cur = runs[i]!;
    if (!(prev.per_fu_co2e_g > 0)) continue;
    const delta_pct = ((cur.per_fu_co2e_g - prev.per_fu_co2e_g) / prev.per_fu_co2e_g) * 100;
    if (delta_pct === 0) continue;
    out.push({
      index: i,
      linkBase: linkOf(cur),
      sha: cur.sha,
      pr: cur.pr,
      run_id: cur.run_id === null ? null : String(cur.run_id),
      created_at: cur.created_at,
      previous_sha: prev.sha,
      from_g: prev.per_fu_co2e_g,
      to_g: cur.per_fu_co2e_g,
      delta_pct,
      verdict: cur.verdict,
    });
  }
  return out.sort((a, b) => Math.abs(b.delta_pct) - Math.abs(a.delta_pct) || a.index - b.index).slice(0, n);
}

/** Stage names in lifecycle order, then by total CO2e; beyond MAX_STAGE_SERIES the rest become `other`. */
function stageSeries(runs: readonly DashboardRun[]): { names: string[]; groupOf: (stage: string) => string } {
  const total = new Map<string, number>();
  for (const r of runs) for (const [k, v] of Object.entries(r.stages)) total.set(k, (total.get(k) ?? 0) + Math.abs(v.co2e_kg));
  const rank = (s: string) => {
    const i = LIFECYCLE_ORDER.indexOf(s);
    return i < 0 ? LIFECYCLE_ORDER.length : i;
  };
  const byWeight = [...total.keys()].sort((a, b) => (total.get(b) ?? 0) - (total.get(a) ?? 0) || a.localeCompare(b));
  const named = new Set(byWeight.length > MAX_STAGE_SERIES ? byWeight.slice(0, MAX_STAGE_SERIES - 1) : byWeight);
  let other = byWeight.length > MAX_STAGE_SERIES ? 'other' : null;
  while (other !== null && named.has(other)) other = `${other} stages`;
  const names = [...named].sort((a, b) => rank(a) - rank(b) || (total.get(b) ?? 0) - (total.get(a) ?? 0) || a.localeCompare(b));
  if (other !== null) names.push(other);
  return { names, groupOf: (s) => (named.has(s) ? s : (other ?? s)) };
}

export function budgetChart(v: PeriodView, id: string, now: Date): BudgetChartData {
  return {
    id,
    label: `${v.scope === 'team' ? 'Team' : 'Scenario'} ${v.name}, ${v.label}`,
    metric: v.metric,
    date: v.daily.date,
    cumulative: v.daily.cumulative.map(r6),
    max: v.max,
    warn: v.warn,
    start: v.start,
    end: v.end,
    now: now.toISOString(),
    forecast: r6(v.forecast),
  };
}

function scenarioData(name: string, runs: readonly DashboardRun[], linkOf: (r: DashboardRun) => string | null, budgets: BudgetChartData[]): ScenarioPageData {
  const latest = runs[runs.length - 1]!;
  const repos: string[] = [];
  const repoIndex = runs.map((r) => {
    const base = linkOf(r);
    if (base === null) return null;
    let i = repos.indexOf(base);
    if (i < 0) i = repos.push(base) - 1;
    return i;
  });
  const stages = stageSeries(runs);
  const column = (field: 'energy_kwh' | 'co2e_kg') =>
    stages.names.map((s) =>
      runs.map((r) => {
        let sum: number | null = null;
        for (const [k, v] of Object.entries(r.stages)) if (stages.groupOf(k) === s) sum = (sum ?? 0) + v[field];
        return r6n(sum);
      }),
    );
  let lifetimeRun = -1;
  for (let i = runs.length - 1; i >= 0 && lifetimeRun < 0; i--) if (runs[i]!.lifetime) lifetimeRun = i;
  const lt = lifetimeRun >= 0 ? runs[lifetimeRun]!.lifetime! : null;
  const curve = lt ? lt.curve.filter((p) => p.inferences > 0 && p.co2e_g_per_fu > 0).sort((a, b) => a.inferences - b.inferences) : [];
  return {
    kind: 'scenario',
    name,
    team: latest.team,
    functional_unit: latest.functional_unit,
    repos,
    runs: {
      repo: repoIndex,
      t: runs.map((r) => Math.round(Date.parse(r.created_at) / 1000)),
      sha: runs.map((r) => r.sha),
      pr: runs.map((r) => r.pr),
      run_id: runs.map((r) => (r.run_id === null ? null : String(r.run_id))),
      verdict: runs.map((r) => r.verdict),
      per_fu_g: runs.map((r) => r6(r.per_fu_co2e_g)),
      per_fu_g_low: runs.map((r) => r6n(r.per_fu_co2e_g_low)),
      per_fu_g_high: runs.map((r) => r6n(r.per_fu_co2e_g_high)),
      budget_max_g: runs.map((r) => r.per_fu_budget.max),
      budget_warn_g: runs.map((r) => r.per_fu_budget.warn),
      co2e_kg: runs.map((r) => r6(r.co2e_kg)),
      energy_kwh: runs.map((r) => r6(r.energy_kwh)),
    },
    stages: { names: stages.names, energy_kwh: column('energy_kwh'), co2e_kg: column('co2e_kg') },
    lifetime:
      lt && curve.length > 0
        ? {
            run: lifetimeRun,
            inferences: curve.map((p) => r6(p.inferences)),
            per_fu_g: curve.map((p) => r6(p.co2e_g_per_fu)),
            breakeven_inferences: r6n(lt.breakeven_inferences),
            lifetime_inferences: r6n(lt.lifetime_inferences),
          }
        : null,
    budgets,
  };
}

/** The whole site's model from de-duplicated records (oldest first) and the read warnings. */
export function buildModel(records: readonly DashboardRun[], warnings: readonly string[], opts: DashboardOptions): SiteModel {
  const linkOf = (r: DashboardRun) => runLinkBase(opts.links, r.repo);
  const byScenario = new Map<string, DashboardRun[]>();
  for (const r of records) {
    const list = byScenario.get(r.scenario) ?? [];
    list.push(r);
    byScenario.set(r.scenario, list);
  }
  const latest = [...byScenario.values()].map((runs) => runs[runs.length - 1]!);
  const budgets = budgetViews(records, latest, opts.now);
  const teamNames = [...new Set([...records.map((r) => r.team), ...budgets.views.filter((v) => v.scope === 'team').map((v) => v.name)])]
    .filter((t): t is string => t !== null)
    .sort((a, b) => a.localeCompare(b));
  const teamSlugs = new Map(teamNames.map((t) => [t, slug(t)]));

  const scenarios: ScenarioModel[] = [...byScenario]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, runs]) => {
      const s = slug(name);
      const last = runs[runs.length - 1]!;
      const prev = runs.length > 1 ? runs[runs.length - 2]! : null;
      const mine = budgets.views.filter((v) => v.scope === 'model' && v.name === name);
      const charts = mine.map((v, i) => budgetChart(v, `budget-${i}`, opts.now));
      return {
        name,
        slug: s,
        team: last.team,
        teamSlug: last.team === null ? null : (teamSlugs.get(last.team) ?? null),
        functionalUnit: last.functional_unit,
        runs,
        latest: last,
        latestLink: linkOf(last),
        deltaPct: prev && prev.per_fu_co2e_g > 0 ? ((last.per_fu_co2e_g - prev.per_fu_co2e_g) / prev.per_fu_co2e_g) * 100 : null,
        spark: downsample(runs.map((r) => r.per_fu_co2e_g)),
        changes: largestChanges(runs, MAX_CHANGES, linkOf),
        budgets: mine,
        data: scenarioData(name, runs, linkOf, charts),
      };
    });

  const teams: TeamModel[] = teamNames.map((name) => {
    const views = budgets.views.filter((v) => v.scope === 'team' && v.name === name);
    const own = scenarios.filter((s) => s.runs.some((r) => r.team === name));
    return {
      name,
      slug: teamSlugs.get(name)!,
      scenarios: own.map((s) => ({ name: s.name, slug: s.slug })),
      runs: records.filter((r) => r.team === name).length,
      views,
      data: { kind: 'team', name, charts: views.map((v, i) => budgetChart(v, `budget-${i}`, opts.now)) },
    };
  });

  return {
    title: opts.title,
    now: opts.now.toISOString(),
    totalRuns: records.length,
    scenarios,
    teams,
    warnings: [...warnings, ...budgets.warnings],
  };
}
