// The action's flow, with every outside effect passed in (deps), so tests run it against a fake
// GitHub API and a memory summary: for each scenario compute the card (with its baseline) ->
// comment -> job summary -> artifact -> outputs -> only then the verdict (a failed budget, or an
// incomplete assessment) fails the step (budget-mode fail), annotates it (warn) or is only
// reported (off).
import path from 'node:path';
import { containedPath, type Io } from '../io.js';
import { InputError } from '../errors.js';
import { escapeCode } from '../report/escape.js';
import { buildReport } from '../pipeline.js';
import { loadScenario } from '../scenario/load.js';
import { resolveScenario } from '../scenario/resolve.js';
import type { ModelCard } from '../report/card-schema.js';
import { renderReport } from '../report/markdown.js';
import type { Inputs } from './inputs.js';
import { artifactNameFor, slug } from './inputs.js';
import type { RunContext } from './context.js';
import type { ActionOctokit } from './octokit.js';
import { describeError } from './octokit.js';
import { findBaseline } from './baseline.js';
import { commentBody, upsertComment } from './comment.js';
import type { ArtifactUploader } from './artifact.js';
import { aggregateVerdict, summaryMarkdown, type SummaryWriter, type Verdict } from './summary.js';
import { outputsOf, type Outputs, type ScenarioOutcome } from './outputs.js';
import { runWorkflowRunMode } from './workflow-run.js';
import { loadActionLedger } from './ledger.js';
import { OUT_DIR, writeOutcomes } from './out-dir.js';
import { type ActionHistory, openHistory, recordRun, runCreatedAt } from './history.js';
import { publishRunDashboard } from './dashboard.js';
import { periodMetrics } from '../ledger/apply.js';
import { attentionOf, incompleteLines } from '../report/attention.js';
import { writeActionHfReadme } from './hf-readme.js';
import { measuredLogEntry } from './measure.js';

export interface ActionLog {
  info(message: string): void;
  /** A warning annotation on the run. */
  warning(message: string): void;
}

export interface RunDeps {
  octokit: ActionOctokit;
  io: Io;
  clock: { now(): Date };
  log: ActionLog;
  summary: SummaryWriter;
  artifact: ArtifactUploader;
  setOutput(name: keyof Outputs, value: string): void;
  context: RunContext;
  /** The repository checkout (GITHUB_WORKSPACE); working-directory is relative to it. */
  workspace: string;
  version: string;
  /** Job window and credentials for stages with `prometheus:` (ML_LCA_JOB_*, ML_LCA_PROMETHEUS_*). */
  env?: Record<string, string | undefined>;
  /** Octokit for another repository's history (`history-token`); `octokit` when absent. */
  historyOctokit?: ActionOctokit;
  /** ms one second of backoff stands for (history record retries): 1000; tests shrink it. */
  retryBaseMs?: number;
  /** The log of a measurement this step stopped (mode: measure-start earlier in the job) and the stage it joins. */
  measurement?: { log: string; stage: string } | null;
}

export interface RunResult {
  verdict: Verdict | null;
  /** Set when the step must fail (budget-mode fail and a budget failed or the assessment is incomplete); main.ts calls setFailed. */
  failure: string | null;
}

export { OUT_DIR } from './out-dir.js';

interface Computed extends ScenarioOutcome {
  artifactName: string;
  dir: string;
  notes: string[];
  /** Card paths the scenario's period budgets sum (kept in its history entry). */
  periodMetrics: string[];
}

export async function run(inputs: Inputs, deps: RunDeps): Promise<RunResult> {
  // Every path the workflow names stays inside the checkout, also through symlinks: the action
  // writes (ml-lca-out/) and reads (scenario, logs, ledger) nowhere else.
  const cwd = await containedPath(deps.io, deps.workspace, inputs.workingDirectory, { field: 'input "working-directory"' });
  if (deps.context.eventName === 'workflow_run') return runWorkflowRunMode(inputs, deps, cwd);

  const files = await scenarioFiles(inputs.scenarios, cwd, deps.io, deps.workspace);
  const several = files.length > 1;
  const jobNames = { job: deps.context.job ?? null, matrix: inputs.matrix };
  const nameOf = (scenario: string) => artifactNameFor(inputs.artifactName, scenario, several, jobNames);
  const history = openHistory({
    inputs,
    ctx: deps.context,
    octokit: deps.octokit,
    historyOctokit: deps.historyOctokit,
    artifactName: nameOf,
    artifactTemplate: inputs.artifactName,
    retryBaseMs: deps.retryBaseMs ?? 1000,
    log: deps.log.info,
  });

  // 1. Compute every card first: a bad scenario fails before anything is posted.
  const computed: Computed[] = [];
  const names = new Set<string>();
  for (const file of files) {
    const scenario = await loadScenario(file, deps.io);
    const head = resolveScenario(scenario);
    // Names (and their slugs: artifact and directory names) must differ, or two scenarios would
    // overwrite each other's card, artifact and comment.
    if (names.has(slug(head.name))) {
      throw new InputError({
        code: 'BAD_INPUT',
        file,
        field: 'name',
        expected: 'a scenario name used once per run (it names the comment, the artifact and ml-lca-out/NAME)',
        got: JSON.stringify(head.name),
      });
    }
    names.add(slug(head.name));
    const artifactName = nameOf(head.name);
    const stores = [history.primary, history.fallback].filter((x) => x !== null);
    const baseline = await findBaseline(deps.octokit, { spec: inputs.baseline, ctx: deps.context, stores, head: { name: head.name, boundary: head.boundary } });
    // Period budgets: past spending from the history (branch totals; artifacts behind them).
    const ledger =
      inputs.budgetMode === 'off'
        ? null
        : await loadActionLedger(deps.octokit, {
            scenario,
            scenarioFile: file,
            workspace: deps.workspace,
            ctx: deps.context,
            history,
            now: deps.clock.now(),
            io: deps.io,
            log: deps.log.info,
          });
    const measured = deps.measurement ? [measuredLogEntry(deps.measurement.log, deps.measurement.stage, cwd, Object.keys(scenario.stages), file)] : [];
    const r = await buildReport(
      {
        scenarioPath: file,
        extraLogs: [...inputs.logs, ...measured],
        cwd,
        baseline: baseline.kind === 'found' ? { card: baseline.card, meta: baseline.meta } : null,
        budgetMode: inputs.budgetMode,
        version: deps.version,
        ...(ledger ? { ledger } : {}),
        ...(deps.env ? { prometheus: { env: deps.env } } : {}),
      },
      deps.io,
    );
    const card: ModelCard = r.card;
    // The statement of why nothing was compared (or what was compared instead of the base
    // commit) belongs to the report the reviewer reads.
    if (baseline.kind === 'none' && baseline.note !== null) card.warnings = [baseline.note, ...card.warnings];
    if (baseline.kind === 'found' && baseline.note) card.warnings = [baseline.note, ...card.warnings];
    // Which run made this card: the history finds a base commit's card by it.
    card.extensions = { ...card.extensions, github: githubProvenance(deps.context) };
    for (const w of card.warnings) deps.log.info(`${head.name}: ${w}`);
    const markdown = renderReport(card);
    const dir = path.join(cwd, OUT_DIR, slug(head.name));
    computed.push({
      card,
      markdown,
      cardPath: path.join(dir, 'model-card.json'),
      artifactName,
      dir,
      notes: [],
      periodMetrics: periodMetrics(scenario.budgets),
    });
  }
  // 1b. The Hugging Face block into a model README (input hf-readme), before anything is posted:
  // a README that cannot be rewritten is bad input. Writing only; committing is the user's step.
  if (inputs.hfReadme !== null) {
    const only = computed[0];
    if (computed.length !== 1 || !only) {
      throw new InputError({
        code: 'BAD_INPUT',
        field: 'input "hf-readme"',
        expected: 'one scenario (one model card per README)',
        got: `${computed.length} scenarios`,
      });
    }
    const rel = await writeActionHfReadme(only.card, { readme: inputs.hfReadme, cwd, workspace: deps.workspace, io: deps.io });
    deps.log.info(`${only.card.scenario.name}: co2_eq_emissions written into ${rel} (not committed: commit it in a later step to publish it)`);
    only.notes.push(`Hugging Face \`co2_eq_emissions\` written into ${escapeCode(rel)} (not committed).`);
  }
  // Written only once every scenario is assessed (and a bad hf-readme refused), all in one go:
  // a bad second scenario leaves no directory of the first one behind.
  await writeOutcomes(computed, cwd, deps.io);
  for (const c of computed)
    deps.log.info(`${c.card.scenario.name}: ${c.card.verdict.toUpperCase()}; ${c.card.totals.co2e_kg} kg CO2e; card written to ${c.dir}`);

  // 2. Comments (pull requests only), 3. the history (push runs on the default branch),
  // 4. summary, 5. artifacts, 6. outputs.
  await commentAll(computed, inputs, deps);
  await recordAll(computed, history, deps);
  if (inputs.dashboard) await publishDashboardOf(computed, history, deps);
  for (const c of computed) c.notes.push(`Model card artifact: ${escapeCode(c.artifactName)}`);
  await writeSummary(computed, deps);
  await uploadAll(computed, inputs, deps);
  setOutputs(computed, deps);
  return decide(
    computed.map((c) => c.card),
    inputs,
    deps,
  );
}

async function scenarioFiles(patterns: readonly string[], cwd: string, io: Io, workspace: string): Promise<string[]> {
  if (patterns.length === 0) {
    throw new InputError({
      code: 'BAD_INPUT',
      field: 'input "scenario"',
      expected: 'a scenario file or glob (e.g. lca.yml or scenarios/*.yml)',
      got: 'nothing',
    });
  }
  for (const p of patterns) if (!/[*?[\]{}]/.test(p)) await containedPath(io, workspace, path.resolve(cwd, p), { field: 'input "scenario"' });
  const files = await io.glob(patterns, cwd);
  const existing: string[] = [];
  for (const f of files) {
    await containedPath(io, workspace, f, { field: 'input "scenario"' });
    if ((await io.size(f)) !== null) existing.push(f);
  }
  if (existing.length === 0) {
    throw new InputError({
      code: 'LOG_NO_MATCH',
      field: 'input "scenario"',
      expected: `a scenario file matching it under ${cwd}`,
      got: JSON.stringify(patterns.join('\n')),
    });
  }
  return existing;
}

async function commentAll(computed: Computed[], inputs: Inputs, deps: RunDeps): Promise<void> {
  const pr = deps.context.pullRequest;
  if (!pr) return;
  if (inputs.comment === 'never') return;
  for (const c of computed) {
    const outcome = await upsertComment(deps.octokit, {
      repo: deps.context.repo,
      prNumber: pr.number,
      scenarioName: c.card.scenario.name,
      body: commentBody(c.card),
      mode: inputs.comment,
    });
    const name = c.card.scenario.name;
    switch (outcome.action) {
      case 'created':
      case 'updated':
        deps.log.info(`${name}: PR comment ${outcome.action}: ${outcome.url}`);
        break;
      case 'unchanged':
        deps.log.info(`${name}: PR comment unchanged (comment: on-change)`);
        break;
      case 'skipped':
        break;
      case 'failed':
        deps.log.warning(`ml-lca: ${name}: no PR comment: ${outcome.reason} The report is in the job summary.`);
        c.notes.push(`The PR comment could not be posted: ${outcome.forbidden ? 'the token is read-only (fork pull request?)' : 'GitHub API error'}.`);
        break;
    }
  }
}

async function writeSummary(computed: Computed[], deps: RunDeps): Promise<void> {
  try {
    await deps.summary.append(summaryMarkdown(computed));
  } catch (e) {
    deps.log.warning(`ml-lca: could not write the job summary (${describeError(e)})`);
  }
}

async function recordAll(computed: Computed[], history: ActionHistory, deps: RunDeps): Promise<void> {
  if (!history.writer) {
    if (history.notRecording) deps.log.info(`history: not recorded: ${history.notRecording}`);
    return;
  }
  const now = deps.clock.now();
  const createdAt = await runCreatedAt(deps.octokit, deps.context, now, deps.log.info);
  const line = await recordRun({
    writer: history.writer,
    ctx: deps.context,
    createdAt,
    cards: computed.map((c) => ({ card: c.card, extraMetrics: c.periodMetrics })),
    now,
    log: deps.log,
  });
  if (line) for (const c of computed) c.notes.push(line);
}

/** `dashboard: true`: the site into the history branch's docs/, after the record (push runs on the default branch). */
async function publishDashboardOf(computed: Computed[], history: ActionHistory, deps: RunDeps): Promise<void> {
  if (!history.branch) {
    deps.log.info(`dashboard: not published: ${history.notRecording ?? 'it needs history: branch'}`);
    return;
  }
  const line = await publishRunDashboard({
    branch: history.branch,
    ctx: deps.context,
    now: deps.clock.now(),
    version: deps.version,
    retryBaseMs: deps.retryBaseMs ?? 1000,
    log: deps.log,
  });
  if (line) for (const c of computed) c.notes.push(line);
}

async function uploadAll(computed: Computed[], inputs: Inputs, deps: RunDeps): Promise<void> {
  const matrixJob = inputs.matrix !== null && !/\{(?:matrix|job)\}/.test(inputs.artifactName);
  for (const c of computed) {
    try {
      const files = [path.join(c.dir, 'model-card.json'), path.join(c.dir, 'report.md')];
      const r = await deps.artifact.upload(c.artifactName, files, c.dir, { retentionDays: inputs.retentionDays });
      deps.log.info(`${c.card.scenario.name}: artifact ${c.artifactName} uploaded${r.id !== null ? ` (id ${r.id})` : ''}`);
    } catch (e) {
      // Without the artifact the fork comment mode has no card: loud, but the assessment itself stands.
      const clash = /already exists|conflict|409/i.test(describeError(e));
      const hint = clash
        ? matrixJob
          ? ' Another job of this run (a matrix job?) uploaded the same name: put {matrix} or {job} in artifact-name, e.g. ml-lca-{scenario}-{matrix}.'
          : ' Another step or job of this run uploaded the same name: give each its own artifact-name ({scenario}, {job}, {matrix}).'
        : '';
      deps.log.warning(`ml-lca: ${c.card.scenario.name}: artifact ${c.artifactName} not uploaded (${describeError(e)}).${hint}`);
    }
  }
}

/** The run that made a card (`extensions.github`): where it came from, for readers of the card and the history. */
function githubProvenance(ctx: RunContext): Record<string, unknown> {
  return {
    repository: `${ctx.repo.owner}/${ctx.repo.repo}`,
    run_id: ctx.runId,
    run_attempt: ctx.runAttempt ?? 1,
    event: ctx.eventName,
    ref: ctx.ref,
    sha: ctx.pullRequest?.headSha ?? ctx.sha,
    job: ctx.job ?? null,
  };
}

function setOutputs(computed: ScenarioOutcome[], deps: RunDeps): void {
  const out = outputsOf(computed);
  for (const [k, v] of Object.entries(out) as Array<[keyof Outputs, string]>) deps.setOutput(k, v);
}

/**
 * After everything is written: an incomplete assessment (a stage's energy unknown) or a failed
 * budget fails the step under budget-mode fail, is a warning annotation under warn, and is only
 * reported under off. Incomplete is said first: a gate that cannot measure never passes green.
 */
function decide(cards: ModelCard[], inputs: Inputs, deps: RunDeps): RunResult {
  const verdict = aggregateVerdict(cards.map((c) => c.verdict));
  const incomplete = cards.flatMap((c) => incompleteLines(attentionOf(c)).map((l) => `${c.scenario.name}: ${l}`));
  const failedBudgets = cards.flatMap((c) => c.budgets.filter((b) => b.status === 'fail').map((b) => `${c.scenario.name}: ${b.message}`));
  const problems = [
    ...(incomplete.length ? [`INCOMPLETE: ${incomplete.join('; ')}`] : []),
    ...(failedBudgets.length ? [`budget exceeded: ${failedBudgets.join('; ')}`] : []),
  ];
  if (problems.length === 0) {
    if (verdict === 'warn') deps.log.warning(`ml-lca: budget warning: ${warnLines(cards).join('; ')}`);
    return { verdict, failure: null };
  }
  const text = problems.join(' | ');
  if (inputs.budgetMode === 'fail') return { verdict, failure: `ml-lca: ${text}` };
  if (inputs.budgetMode === 'warn') deps.log.warning(`ml-lca: ${text} (budget-mode: warn)`);
  else deps.log.info(`ml-lca: ${text} (budget-mode: off, report only)`);
  return { verdict, failure: null };
}

function warnLines(cards: ModelCard[]): string[] {
  return cards.flatMap((c) => c.budgets.filter((b) => b.status === 'warn').map((b) => `${c.scenario.name}: ${b.message}`));
}
