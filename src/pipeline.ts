// The one pipeline behind `ml-lca report`, `ml-lca demo` and the action:
// scenario -> ingest each stage's logs -> resolve -> inventories -> assess -> interpret
// -> compare with baseline -> budgets -> card (validated) -> markdown.
// Pure apart from the Io it is given; warnings are returned, never printed.
import path from 'node:path';
import type { Io } from './io.js';
import { InputError, redactUrlCredentials } from './errors.js';
import type { Scenario } from './scenario/schema.js';
import type { MarketBased, ModelCard } from './report/card-schema.js';
import type { ResolvedScenario } from './scenario/resolved.js';
import type { Source } from './ingest/source.js';
import type { BudgetResult, Comparison } from './compare/schema.js';
import { loadScenario, locateField } from './scenario/load.js';
import { isPerInferenceStage } from './scenario/stage-kind.js';
import { resolveScenario } from './scenario/resolve.js';
import { ingestPatterns } from './ingest/index.js';
import type { QueryPrometheusOptions } from './ingest/prometheus/index.js';
import { prometheusStageSource } from './ingest/prometheus/stage.js';
import { clusterBreakdown } from './ingest/merge.js';
import { assess, buildInventories } from './lca/index.js';
import { countOnce } from './lca/dedupe.js';
import { checkResultsFinite, checkScenarioMagnitudes, checkSourcesFinite } from './lca/finite.js';
import { interpret } from './lca/interpret/index.js';
import { compareCards } from './compare/compare.js';
import { annotateNoise } from './compare/noise.js';
import { evaluateBudgets, verdictOf } from './compare/budgets.js';
import { assembleCard } from './report/card.js';
import { applyLedger, loadScenarioLedger, type LoadedLedger } from './ledger/apply.js';
import type { LedgerExtension } from './ledger/schema.js';
import { renderReport } from './report/markdown.js';
import type { z } from 'zod';
import type { Baseline } from './compare/schema.js';

export type BudgetMode = 'fail' | 'warn' | 'off';

export interface BuildReportOptions {
  /** The scenario file; its `logs` globs are relative to its directory. */
  scenarioPath: string;
  /**
   * Logs from the command line (`--log`) or the action's `logs` input, relative to `cwd`:
   * `STAGE=GLOB` adds to that stage; a bare `GLOB` goes to the one stage that names logs in
   * the scenario (or the only stage). See `assignExtraLogs`.
   */
  extraLogs?: readonly string[];
  /** Directory the `extraLogs` are relative to (the shell's working directory). */
  cwd?: string;
  baseline?: { card: ModelCard; meta: z.infer<typeof Baseline> } | null;
  /** fail/warn: budgets are evaluated (the shell decides the exit code); off: not evaluated. */
  budgetMode?: BudgetMode;
  /** ml-lca version for `tool.version`. */
  version: string;
  /**
   * Past runs for period budgets (the action passes what src/github/ledger.ts found for
   * `ledger: history`). Undefined: the scenario's `ledger: file:PATH`, if any (ledger/apply.ts).
   */
  ledger?: LoadedLedger | null;
  /** For stages with `prometheus:`: the shell's environment (job window, credentials) and fetch. */
  prometheus?: QueryPrometheusOptions;
}

export interface BuildReportResult {
  card: ModelCard;
  markdown: string;
  warnings: string[];
}

export async function buildReport(opts: BuildReportOptions, io: Io): Promise<BuildReportResult> {
  const scenarioPath = path.resolve(opts.cwd ?? '.', opts.scenarioPath);
  const scenario = await loadScenario(scenarioPath, io);
  const where = (f: () => void) => inScenarioFile(scenarioPath, io, f);
  await where(() => checkScenarioMagnitudes(scenario));
  // The grid's data year is the year of the run: the logs' dates when they have any (known only
  // after ingest, so the scenario is resolved again then), else the card date.
  const cardYear = io.now().getUTCFullYear();
  const first = await inScenarioFile(scenarioPath, io, () => resolveScenario(scenario, { runYear: cardYear, runYearFrom: 'card date' }));
  const warnings: string[] = [];

  const extra = await inScenarioFile(scenarioPath, io, () => assignExtraLogs(scenario, opts.extraLogs ?? []));
  await where(() => checkEnergySources(scenario, extra));
  const sourcesByStage = await ingestStages(scenario, scenarioPath, opts, extra, first.hardware.model, io);
  const sources = uniqueSources(sourcesByStage);
  checkSourcesFinite(sources);
  const logYear = runYearOfLogs(sources);
  const resolved =
    logYear !== null && logYear !== cardYear
      ? await inScenarioFile(scenarioPath, io, () => resolveScenario(scenario, { runYear: logYear, runYearFrom: 'logs' }))
      : first;
  // The same run in two files (or stages) counts once; the card keeps the files as read.
  const counted = countOnce(sourcesByStage);
  warnings.push(...counted.warnings);
  // Multi-node stages (issue 7): per-host breakdown and clock-skew checks; totals unchanged.
  const cluster = clusterBreakdown(sourcesByStage);
  warnings.push(...cluster.warnings);

  const inventories = buildInventories(resolved, counted.byStage);
  const result = assess(resolved, inventories);
  await where(() => checkResultsFinite(scenario, result, counted.byStage));
  warnings.push(...result.warnings);
  const interpretation = interpret(resolved, inventories, result, counted.byStage);
  const market_based = marketBased(resolved, inventories);
  const incomplete = Object.values(result.stages).some((st) => st.completeness?.status === 'incomplete');

  const mode = opts.budgetMode ?? 'fail';
  const parts = {
    version: opts.version,
    createdAt: io.now(),
    // The engine refines the boundary with what the logs held (e.g. host energy from CodeCarbon).
    // Credentials in a prometheus.url were used to query; the card (an uploaded artifact) never holds them.
    scenario: { ...resolved, stages: withoutUrlCredentials(resolved.stages), boundary: result.boundary },
    stages: result.stages,
    totals: result.totals,
    per_functional_unit: result.per_functional_unit,
    lifetime: result.lifetime,
    interpretation,
    sources,
    warnings,
    market_based,
  };
  // The comparison and the regression budgets need the head card's numbers, so the card is
  // assembled once without them, then again with them.
  const head = assembleCard({ ...parts, budgets: [], verdict: verdictOf([], incomplete), comparison: null });
  const base = opts.baseline;
  const comparison: Comparison | null = base ? compareWithBaseline(base.card, head, base.meta) : null;
  let budgets: BudgetResult[] = [];
  let ledgerExtension: { ledger: LedgerExtension } | null = null;
  const clusterExtension = cluster.cluster ? { cluster: cluster.cluster } : null;
  if (mode === 'off') {
    if (resolved.budgets.length) warnings.push(`budget-mode off: ${resolved.budgets.length} budget(s) not evaluated`);
  } else {
    budgets = await inScenarioFile(scenarioPath, io, () => evaluateBudgets(resolved.budgets, head, comparison));
    // Period budgets (issue 6): spent this period (the ledger) + this change; position -> extensions.ledger.
    const ledger = opts.ledger !== undefined ? opts.ledger : await loadScenarioLedger(scenario, scenarioPath, io, opts.cwd);
    const period = applyLedger(resolved.budgets, resolved, head, ledger, io.now());
    budgets.push(...period.results);
    warnings.push(...period.warnings);
    if (period.extension) ledgerExtension = { ledger: period.extension };
  }
  const extensions = { ...clusterExtension, ...ledgerExtension };
  const card = assembleCard({
    ...parts,
    budgets,
    verdict: verdictOf(budgets, incomplete),
    comparison,
    ...(Object.keys(extensions).length ? { extensions } : {}),
  });
  return { card, markdown: renderReport(card), warnings };
}

/** Stages as the card shows them: a prometheus.url without its `user:password@`. */
function withoutUrlCredentials(stages: Scenario['stages']): Scenario['stages'] {
  const out: Scenario['stages'] = Object.create(null) as Scenario['stages'];
  for (const [name, st] of Object.entries(stages)) {
    out[name] = st.prometheus ? { ...st, prometheus: { ...st.prometheus, url: redactUrlCredentials(st.prometheus.url) } } : st;
  }
  return { ...out };
}

/** The year of the latest timestamp in the logs (their `end`, else `start`), or null when none has one. */
export function runYearOfLogs(sources: readonly Source[]): number | null {
  let latest: number | null = null;
  for (const s of sources) {
    const t = Date.parse(s.end ?? s.start ?? '');
    if (Number.isFinite(t)) latest = Math.max(latest ?? t, t);
  }
  return latest === null ? null : new Date(latest).getUTCFullYear();
}

/**
 * GHG Protocol Scope 2 dual reporting: the same inventory assessed at the market-based factor
 * (grid.basis: market). The location-based result stays the card's primary totals.
 */
function marketBased(resolved: ResolvedScenario, inventories: ReturnType<typeof buildInventories>): MarketBased | null {
  const factor = resolved.grid.market_intensity_g_per_kwh;
  if (factor === null || factor === undefined) return null;
  const m = assess({ ...resolved, grid: { ...resolved.grid, intensity_g_per_kwh: factor } }, inventories);
  const source = resolved.assumptions.find((a) => a.path === 'grid.market_intensity_g_per_kwh')?.source ?? 'scenario file';
  return {
    intensity_g_per_kwh: factor,
    source,
    operational_co2e_kg: m.totals.operational_co2e_kg,
    co2e_kg: m.totals.co2e_kg,
    per_functional_unit_co2e_g: m.per_functional_unit.co2e_g,
  };
}

/**
 * Errors about scenario values (`grid.region`, `budgets[2].metric`, `stages.x.logs`) name the
 * scenario file, and the line of the field where it can be found.
 */
async function inScenarioFile<T>(file: string, io: Io, f: () => T | Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (!InputError.is(e) || (e.file !== undefined && e.file !== file) || (e.file === file && e.line !== undefined)) throw e;
    const line = e.line ?? (e.field ? await fieldLine(file, e.field, io) : undefined);
    throw new InputError({ code: e.code, file, line, field: e.field, expected: e.expected, got: e.got, hint: e.hint });
  }
}

async function fieldLine(file: string, field: string, io: Io): Promise<number | undefined> {
  try {
    return locateField(await io.readText(file), file, field);
  } catch {
    return undefined;
  }
}

/**
 * A per-inference stage (inferences > 0) with nothing to measure or estimate its energy from
 * would give 0 g per inference: an impossible scenario, exit 2. (A stage without inferences and
 * without a source is assessed as incomplete instead: the card says which stage is missing.)
 */
function checkEnergySources(scenario: Scenario, extra: Record<string, string[]>): void {
  for (const [name, st] of Object.entries(scenario.stages)) {
    if (!isPerInferenceStage(st)) continue;
    const hasSource =
      (st.logs?.length ?? 0) > 0 || (extra[name]?.length ?? 0) > 0 || st.prometheus !== undefined || st.energy_kwh !== undefined || st.hours !== undefined;
    if (!hasSource) {
      throw new InputError({
        code: 'SCENARIO_INVALID',
        field: `stages.${name}`,
        expected: `a source of energy for a stage that serves inferences: logs, prometheus, energy_kwh or hours (or --log ${name}=GLOB)`,
        got: `inferences ${st.inferences} and no energy source`,
      });
    }
  }
}

/** Base vs head, metric by metric, each delta marked as within measurement noise or not. */
export function compareWithBaseline(base: ModelCard, head: ModelCard, meta: z.infer<typeof Baseline>): Comparison {
  return annotateNoise(compareCards(base, head, meta), base, head);
}

/**
 * Whether the shell should exit 1 / fail the step: under budget-mode fail, a failed budget or an
 * incomplete assessment (a gate that cannot measure never passes).
 */
export function budgetFailed(card: ModelCard, mode: BudgetMode): boolean {
  return mode === 'fail' && (card.verdict === 'fail' || card.verdict === 'incomplete');
}

async function ingestStages(
  scenario: Scenario,
  scenarioPath: string,
  opts: BuildReportOptions,
  extra: Record<string, string[]>,
  hardwareModel: string,
  io: Io,
): Promise<Record<string, Source[]>> {
  const scenarioDir = path.dirname(scenarioPath);
  const cwd = path.resolve(opts.cwd ?? '.');
  const out: Record<string, Source[]> = Object.create(null) as Record<string, Source[]>;
  for (const [name, stage] of Object.entries(scenario.stages)) {
    const ingestOpts = { hardwareModel, ...(stage.interval_s !== undefined ? { interval_s: stage.interval_s } : {}) };
    const sources: Source[] = [];
    // ingestPatterns reports paths relative to the directory it was given; the card's are
    // relative to the working directory (the repository root in the action).
    const ingest = async (patterns: string[], dir: string, rename: (e: unknown) => Promise<unknown>) => {
      if (patterns.length === 0) return;
      const found = await ingestPatterns(patterns, dir, ingestOpts, io).catch(async (e: unknown) => {
        throw await rename(e);
      });
      sources.push(...found.map((s) => ({ ...s, path: displayPath(path.resolve(dir, s.path), cwd) })));
    };
    for (const [i, original] of (stage.logs ?? []).entries()) {
      const { dir, pattern } = placeScenarioLog(original, scenarioDir, cwd);
      await ingest([pattern], dir, (e) => scenarioLogError(e, { scenarioPath, field: `stages.${name}.logs[${i}]`, pattern: original, dir: scenarioDir, io }));
    }
    await ingest(extra[name] ?? [], cwd, async (e) => extraLogError(e, name, cwd));
    if (stage.prometheus) {
      sources.push(await prometheusStageSource(name, stage.prometheus, { now: io.now(), ...opts.prometheus, scenarioFile: scenarioPath }));
    }
    if (sources.length) out[name] = dedupeByPath(sources);
  }
  return out;
}

/**
 * Scenario log globs are relative to the scenario file and may not leave the directory that
 * bounds them (ingest refuses an escape). That bound is the working directory (the repository
 * in the action) when the glob lands inside it, so `lca/lca.yml` may name `../runs/*.csv`;
 * otherwise the scenario's own directory. A glob inside the working directory is rewritten
 * relative to it.
 */
function placeScenarioLog(pattern: string, scenarioDir: string, cwd: string): { dir: string; pattern: string } {
  const rel = path.relative(cwd, path.resolve(scenarioDir, pattern.replace(/\\/g, '/')));
  if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) return { dir: cwd, pattern: rel.split(path.sep).join('/') };
  return { dir: scenarioDir, pattern };
}

const NO_LOG = new Set(['LOG_NO_MATCH', 'PATH_ESCAPE']);

/** A scenario glob that matches nothing (or leaves its directory): name the scenario file, line, stage and pattern. */
async function scenarioLogError(e: unknown, where: { scenarioPath: string; field: string; pattern: string; dir: string; io: Io }): Promise<unknown> {
  if (!InputError.is(e) || !NO_LOG.has(e.code)) return e;
  return new InputError({
    code: e.code,
    file: where.scenarioPath,
    line: await fieldLine(where.scenarioPath, where.field, where.io),
    field: where.field,
    expected: e.code === 'PATH_ESCAPE' ? `a log path inside ${where.dir}` : `a log file matching ${JSON.stringify(where.pattern)} (relative to ${where.dir})`,
    got: e.code === 'PATH_ESCAPE' ? `${JSON.stringify(where.pattern)}, which leaves it` : 'no matching file',
    // "a symlink to a file outside": the pattern stays inside, a file it matched does not.
    hint: e.code === 'PATH_ESCAPE' ? e.hint : undefined,
  });
}

/** A `--log` / action `logs` glob that matches nothing: name the stage and the pattern. */
async function extraLogError(e: unknown, stage: string, cwd: string): Promise<unknown> {
  if (!InputError.is(e) || !NO_LOG.has(e.code)) return e;
  return new InputError({
    code: e.code,
    field: '--log',
    expected: e.code === 'PATH_ESCAPE' ? `a log path inside ${cwd} for stage ${stage}` : `a log file matching ${e.got} (relative to ${cwd}) for stage ${stage}`,
    got: e.code === 'PATH_ESCAPE' ? `${e.got}, which leaves it` : 'no matching file',
    hint: e.code === 'PATH_ESCAPE' ? e.hint : undefined,
  });
}

/**
 * Which stage a command-line log belongs to. `STAGE=GLOB` names it (STAGE must be a stage of
 * the scenario); a bare `GLOB` goes to the single stage whose scenario entry has `logs`, or to
 * the only stage when there is one. Anything else is ambiguous and an error, because a log
 * counted in the wrong stage silently moves carbon between the up-front and per-inference terms.
 */
export function assignExtraLogs(scenario: Pick<Scenario, 'stages'>, extra: readonly string[]): Record<string, string[]> {
  const stages = Object.keys(scenario.stages);
  // Keyed by stage names the user chose: no prototype, so a stage named `constructor` or
  // `toString` finds nothing but its own logs.
  const out: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const raw of extra) {
    const m = /^([A-Za-z0-9_-]{1,40})=(.+)$/.exec(raw);
    let stage: string;
    let pattern: string;
    if (m && m[1] !== undefined && m[2] !== undefined) {
      if (!stages.includes(m[1])) {
        throw new InputError({
          code: 'BAD_FLAG',
          field: '--log',
          expected: `STAGE=GLOB with STAGE one of ${stages.join(', ')}`,
          got: JSON.stringify(raw),
        });
      }
      stage = m[1];
      pattern = m[2];
    } else {
      const withLogs = stages.filter((s) => Object.hasOwn(scenario.stages, s) && scenario.stages[s]?.logs?.length);
      const candidates = withLogs.length ? withLogs : stages;
      if (candidates.length !== 1 || candidates[0] === undefined) {
        throw new InputError({
          code: 'BAD_FLAG',
          field: '--log',
          expected: `STAGE=GLOB (the scenario has ${candidates.length} stages that could take it: ${candidates.join(', ')})`,
          got: JSON.stringify(raw),
        });
      }
      stage = candidates[0];
      pattern = raw;
    }
    (out[stage] ??= []).push(pattern);
  }
  return out;
}

/**
 * A file as shown in the card and on the terminal: relative to the working directory (with `/`)
 * when inside it, so cards from different machines compare and do not leak home directories;
 * absolute otherwise.
 */
export function displayPath(file: string, cwd: string): string {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel.split(path.sep).join('/');
}

/** A file matched twice for one stage (scenario glob and --log) counts once. */
function dedupeByPath(sources: Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    if (seen.has(s.path)) return false;
    seen.add(s.path);
    return true;
  });
}

/** Every source once for the card (a file named by two stages is counted once: lca/dedupe.ts). */
function uniqueSources(byStage: Record<string, Source[]>): Source[] {
  const seen = new Set<string>();
  const all: Source[] = [];
  for (const list of Object.values(byStage)) {
    for (const s of list) {
      if (seen.has(s.path)) continue;
      seen.add(s.path);
      all.push(s);
    }
  }
  return all;
}
