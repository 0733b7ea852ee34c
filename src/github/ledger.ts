// The ledger of past spending for period budgets, as the action finds it:
//   ledger: artifact (default) -> the model cards of successful push runs of this workflow on
//     the default branch created since the earliest period start (REST list workflow runs,
//     `created>=`, paginated; then the repository's artifacts, newest first, down to the period
//     start), downloaded and unzipped in memory (cardFromZip of baseline.ts), one entry per
//     run and scenario;
//   ledger: file:PATH -> a JSONL ledger committed in the repository, relative to the scenario
//     file as in `ml-lca report`. On a pull request it is read at the base commit (contents
//     API), not from the checkout: a change must not be able to lower the spending it is
//     judged against by editing the ledger. On a push it is the checkout (the branch itself).
// Like the baseline, an artifact ledger that cannot be read never crashes the action: the
// budgets are evaluated on what was found and a warning says what is missing. A bad JSONL
// ledger file is the user's to fix: an InputError naming the line, as in the CLI.
import path from 'node:path';
import type { Io } from '../io.js';
import type { Scenario } from '../scenario/schema.js';
import { loadScenarioLedger, periodMetrics, type LoadedLedger } from '../ledger/apply.js';
import { dedupeEntries, entryFromCard } from '../ledger/entries.js';
import { periodOf } from '../ledger/period.js';
import { isPeriodBudget } from '../ledger/position.js';
import { cardFromText, parseLedgerJsonl, parseLedgerSetting } from '../ledger/read.js';
import type { LedgerEntry } from '../ledger/schema.js';
import { cardFromZip, currentWorkflowId, fileAtCommit, toBytes } from './baseline.js';
import type { PullRequestInfo } from './context.js';
import type { RepoRef, RunContext } from './context.js';
import { artifactNameFor } from './inputs.js';
import { describeError, type ActionOctokit } from './octokit.js';

/** Runs we read per evaluation: a year of daily pushes fits; beyond it, say so. */
const MAX_RUNS = 500;
const PER_PAGE = 100;
/** Artifact downloads per evaluation (each is a small zip). */
const MAX_DOWNLOADS = 1000;

export interface ArtifactLedgerArgs {
  repo: RepoRef;
  /** Workflow file name (`train.yml`) or numeric id. */
  workflowId: string | number;
  /** The default branch: only its push runs spent from the budget. */
  branch: string;
  /** ISO instant: runs created before it are not listed (the earliest period start). */
  since: string;
  /** Which artifacts hold the cards to count (a scenario's name, or every scenario of a template). */
  matchArtifact: (name: string) => boolean;
  /** The exact artifact name when only one is wanted (narrows the listing server-side). */
  artifactName?: string | undefined;
  /** The run being evaluated: its own earlier attempts are "this change", not the ledger. */
  excludeRunId?: number | null;
  extraMetrics?: readonly string[];
  log: (m: string) => void;
}

/**
 * Entries from the card artifacts of successful default-branch push runs created since
 * `since`. Each run is dated by its `created_at` (the same clock the `created>=` filter uses).
 *
 * API cost: the runs (100 a page), then the repository's artifacts newest first (100 a page,
 * by name when one scenario's artifact is wanted) until they are older than `since`, then
 * one download per card. Listing artifacts per run would cost one call per run, which a
 * year budget on the token's 1,000 requests an hour cannot afford.
 */
export async function ledgerFromArtifacts(octokit: ActionOctokit, a: ArtifactLedgerArgs): Promise<LoadedLedger> {
  const warnings: string[] = [];
  const sinceMs = Date.parse(a.since);
  const runs = new Map<number, { head_sha: string; created_at: string }>();
  for (let page = 1; runs.size < MAX_RUNS; page++) {
    const r = await octokit.rest.actions.listWorkflowRuns({
      ...a.repo,
      workflow_id: a.workflowId,
      branch: a.branch,
      event: 'push',
      status: 'success',
      // GitHub's search date syntax takes THH:MM:SSZ; milliseconds are not part of it.
      created: `>=${new Date(sinceMs).toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
      per_page: PER_PAGE,
      page,
    });
    const got = r.data.workflow_runs;
    for (const run of got) {
      // The API filters already; checked again because a wrong filter would silently overspend.
      if (run.conclusion !== 'success' || run.event !== 'push' || run.head_branch !== a.branch) continue;
      if (Date.parse(run.created_at) < sinceMs || run.id === a.excludeRunId) continue;
      runs.set(run.id, { head_sha: run.head_sha, created_at: run.created_at });
    }
    if (got.length < PER_PAGE || page * PER_PAGE >= r.data.total_count) break;
  }
  if (runs.size >= MAX_RUNS) warnings.push(`ledger: only the ${MAX_RUNS} newest runs since ${a.since} were read`);

  const entries: LedgerEntry[] = [];
  let downloads = 0;
  let expired = 0;
  if (runs.size > 0) {
    // An artifact is created during its run, so none older than `since` can belong to one of the runs.
    artifacts: for (let page = 1; ; page++) {
      const r = await octokit.rest.actions.listArtifactsForRepo({ ...a.repo, per_page: PER_PAGE, page, ...(a.artifactName ? { name: a.artifactName } : {}) });
      const list = r.data.artifacts;
      for (const art of list) {
        if (art.created_at && Date.parse(art.created_at) < sinceMs) break artifacts;
        const runId = art.workflow_run?.id;
        const run = runId !== undefined ? runs.get(runId) : undefined;
        if (!run || runId === undefined || !a.matchArtifact(art.name)) continue;
        if (art.expired) {
          expired += 1;
          continue;
        }
        if (downloads >= MAX_DOWNLOADS) break artifacts;
        downloads += 1;
        const entry = await downloadEntry(octokit, a, { id: art.id, name: art.name }, { id: runId, ...run }, warnings);
        if (entry) entries.push(entry);
      }
      if (list.length < PER_PAGE || page * PER_PAGE >= r.data.total_count) break;
    }
  }
  if (downloads >= MAX_DOWNLOADS) warnings.push(`ledger: stopped after ${MAX_DOWNLOADS} artifact downloads; older runs not counted`);
  if (expired)
    warnings.push(
      `ledger: ${expired} expired artifact(s) in the period could not be counted (raise retention-days, or keep a JSONL ledger: ledger: file:PATH)`,
    );
  const d = dedupeEntries(entries);
  a.log(`Ledger: ${d.entries.length} run card(s) from ${runs.size} successful ${a.branch} push run(s) since ${a.since.slice(0, 10)}`);
  return { source: 'artifact', entries: d.entries, warnings };
}

/** One artifact's card as an entry; null (with a warning when it matters) when it holds none. */
async function downloadEntry(
  octokit: ActionOctokit,
  a: ArtifactLedgerArgs,
  art: { id: number; name: string },
  run: { id: number; head_sha: string; created_at: string },
  warnings: string[],
): Promise<LedgerEntry | null> {
  const where = `artifact ${art.name} of run ${run.id}`;
  let text: string | null;
  try {
    const zip = await octokit.rest.actions.downloadArtifact({ ...a.repo, artifact_id: art.id, archive_format: 'zip' });
    text = cardFromZip(toBytes(zip.data));
  } catch (e) {
    warnings.push(`ledger: ${where} not read (${describeError(e)}); not counted`);
    return null;
  }
  if (text === null) return null; // an artifact of ours without a card (e.g. report only)
  const got = cardFromText(text);
  if ('reason' in got) {
    warnings.push(`ledger: ${where} skipped, ${got.reason}`);
    return null;
  }
  return entryFromCard(got.card, { run_id: run.id, sha: run.head_sha, created_at: run.created_at, source: `artifact:${art.name}@${run.id}` }, a.extraMetrics);
}

/**
 * Artifact names that hold some scenario's card under the `artifact-name` template: with
 * `{scenario}`, the template with any name in its place; without it, the template itself or
 * the template plus `-SCENARIO` (what artifactNameFor makes when a run has several).
 */
export function artifactMatcher(template: string): (name: string) => boolean {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = template.includes('{scenario}') ? new RegExp(`^${template.split('{scenario}').map(esc).join('.+')}$`) : new RegExp(`^${esc(template)}(?:-.+)?$`);
  return (name) => re.test(name);
}

export interface ActionLedgerArgs {
  /** The scenario as written (its `ledger` key is not in the resolved scenario). */
  scenario: Pick<Scenario, 'name' | 'budgets' | 'ledger'>;
  scenarioFile: string;
  /** The checkout's root (GITHUB_WORKSPACE): repository paths are relative to it. */
  workspace: string;
  ctx: RunContext;
  /** The repository's default branch (event payload `repository.default_branch`). */
  defaultBranch: string;
  /** The `artifact-name` input (template). */
  artifactTemplate: string;
  /** Whether this run has several scenarios (artifactNameFor appends the name then). */
  several: boolean;
  now: Date;
  io: Io;
  log: (m: string) => void;
}

/**
 * The ledger for one scenario's period budgets in the action, or null when it has none.
 * Pass the result as `buildReport({ ..., ledger })`.
 */
export async function loadActionLedger(octokit: ActionOctokit, a: ActionLedgerArgs): Promise<LoadedLedger | null> {
  const periodBudgets = a.scenario.budgets.filter(isPeriodBudget);
  if (periodBudgets.length === 0) return null;
  const setting = parseLedgerSetting(a.scenario.ledger, a.scenarioFile);
  if (setting.kind === 'file') {
    const pr = a.ctx.pullRequest;
    if (pr) {
      const atBase = await ledgerFileAtBase(octokit, a, setting.path, pr);
      if (atBase) return atBase;
    }
    // From the checkout: same code path as the CLI (errors are the user's to fix).
    return loadScenarioLedger(a.scenario, a.scenarioFile, a.io);
  }
  const since = periodBudgets.map((b) => periodOf(a.now, b.period).start).sort()[0] ?? periodOf(a.now, 'year').start;
  // Team budgets count every scenario's artifact (other models of the team); model budgets only this one's.
  const own = artifactNameFor(a.artifactTemplate, a.scenario.name, a.several);
  const team = periodBudgets.some((b) => b.scope === 'team');
  const matchArtifact = team ? artifactMatcher(a.artifactTemplate) : (n: string) => n === own;
  try {
    const workflowId = a.ctx.workflowFile ?? (await currentWorkflowId(octokit, a.ctx.repo, a.ctx.runId));
    if (workflowId === null) {
      return {
        source: 'artifact',
        entries: [],
        warnings: ['ledger: the workflow of this run is unknown (GITHUB_WORKFLOW_REF unset); spent counts only this change'],
      };
    }
    return await ledgerFromArtifacts(octokit, {
      repo: a.ctx.repo,
      workflowId,
      branch: a.defaultBranch,
      since,
      matchArtifact,
      artifactName: team ? undefined : own,
      excludeRunId: a.ctx.runId,
      extraMetrics: periodMetrics(a.scenario.budgets),
      log: a.log,
    });
  } catch (e) {
    return { source: 'artifact', entries: [], warnings: [`ledger: past runs could not be listed (${describeError(e)}); spent counts only this change`] };
  }
}

/**
 * A JSONL (or single-card) file ledger as it is at the pull request's base commit. Null when it
 * cannot be addressed in the repository (outside the workspace) or is a directory of cards: the
 * caller reads the checkout then. A ledger missing at the base, or an API failure, counts
 * nothing and says so; a malformed line is an InputError naming it, as in the CLI.
 */
async function ledgerFileAtBase(octokit: ActionOctokit, a: ActionLedgerArgs, setting: string, pr: PullRequestInfo): Promise<LoadedLedger | null> {
  const abs = path.resolve(path.dirname(a.scenarioFile), setting);
  const rel = path.relative(path.resolve(a.workspace), abs).split(path.sep).join('/');
  if (rel === '' || rel.startsWith('../') || path.isAbsolute(rel)) return null;
  // Not a file in the checkout and not named like one: a directory of cards, read from the checkout.
  if ((await a.io.size(abs)) === null && !/\.(jsonl|ndjson|json)$/i.test(rel)) return null;
  const source = `file:${setting}`;
  const at = `${rel} at the base commit ${pr.baseSha.slice(0, 7)} (${pr.baseRef})`;
  let text: string | null;
  try {
    text = await fileAtCommit(octokit, a.ctx.repo, rel, pr.baseSha);
  } catch (e) {
    return { source, entries: [], warnings: [`ledger: ${at} could not be read (${describeError(e)}); spent counts only this change`] };
  }
  if (text === null) return { source, entries: [], warnings: [`ledger: ${at} does not exist; spent counts only this change`] };
  a.log(`ledger: ${at} (changes to it in this pull request are not counted)`);
  const metrics = periodMetrics(a.scenario.budgets);
  if (/\.json$/i.test(rel)) {
    const got = cardFromText(text);
    if ('reason' in got) return { source, entries: [], warnings: [`ledger: ${at} is not a model card (${got.reason}); spent counts only this change`] };
    return { source, entries: [entryFromCard(got.card, { source: path.posix.basename(rel) }, metrics)], warnings: [] };
  }
  return { source, entries: parseLedgerJsonl(text, at), warnings: [] };
}
