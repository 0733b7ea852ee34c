// Wires the history stores (src/history/) for one action run: which store is read, which is
// the fallback, and whether this run records.
//
//   history: branch (default)  read the branch `history-branch` (of `history-repo`, else this
//                              repository); artifacts are the fallback reader for what the
//                              branch does not hold yet; push runs on the default branch record.
//   history: artifact          read artifacts only (the behaviour before the branch existed).
//   history: off               no baseline from history, no past spending, nothing recorded.
//
// Reads use the run's token (a fork PR's read-only token can read a public repository's branch);
// only push runs on the default branch write, with `history-token` when the history lives in
// another repository. A record that cannot be written is a warning, never a failed step.
import { ArtifactHistory, artifactMatcher, GitBranchBackend, type HistoryStore, type RunRecord, TreeHistory } from '../history/index.js';
import type { ModelCard } from '../report/card-schema.js';
import { artifactApi } from './artifact-api.js';
import { currentWorkflowId } from './baseline.js';
import type { RepoRef, RunContext } from './context.js';
import { gitDataApi } from './git-data.js';
import type { Inputs } from './inputs.js';
import { describeError, type ActionOctokit } from './octokit.js';

export interface ActionHistory {
  /** Read first; null with `history: off`. */
  primary: HistoryStore | null;
  /** Read for what the primary does not hold (artifacts behind the branch). */
  fallback: HistoryStore | null;
  /** Records this run's cards; null unless a push run on the default branch with `history: branch`. */
  writer: TreeHistory | null;
  /** Why this run does not record (for the log), when it does not. */
  notRecording: string | null;
  /** The branch the writer commits to, with the client and repository that reach it (`dashboard: true` publishes there). */
  branch?: { backend: GitBranchBackend; octokit: ActionOctokit; repo: RepoRef } | null;
}

export interface OpenHistoryArgs {
  inputs: Pick<Inputs, 'history' | 'historyBranch' | 'historyRepo'>;
  ctx: RunContext;
  octokit: ActionOctokit;
  /** Writes (and reads) of another repository's history; the run's octokit when absent. */
  historyOctokit?: ActionOctokit | undefined;
  /** The artifact a scenario's card is uploaded under, and the template's pattern. */
  artifactName: (scenario: string) => string;
  artifactTemplate: string;
  /** ms one second of backoff stands for (1000; tests shrink it). */
  retryBaseMs: number;
  log: (m: string) => void;
}

export function openHistory(a: OpenHistoryArgs): ActionHistory {
  const { inputs, ctx } = a;
  const defaultBranch = ctx.defaultBranch ?? 'main';
  const artifacts = new ArtifactHistory(artifactApi(a.octokit, ctx.repo), {
    workflowId: async () => ctx.workflowFile ?? (await currentWorkflowId(a.octokit, ctx.repo, ctx.runId)),
    defaultBranch,
    artifactName: a.artifactName,
    isCardArtifact: artifactMatcher(a.artifactTemplate),
    log: a.log,
  });
  if (inputs.history === 'off') return { primary: null, fallback: null, writer: null, notRecording: 'history: off' };
  if (inputs.history === 'artifact')
    return { primary: artifacts, fallback: null, writer: null, notRecording: 'history: artifact (the card artifact is the record)' };

  const own = `${ctx.repo.owner}/${ctx.repo.repo}`;
  const target = historyRepo(inputs.historyRepo, ctx.repo);
  const cross = `${target.owner}/${target.repo}` !== own;
  const octokit = cross && a.historyOctokit ? a.historyOctokit : a.octokit;
  const api = gitDataApi(octokit, target);
  const base = a.retryBaseMs;
  const backend = new GitBranchBackend(api, inputs.historyBranch, cross);
  const tree = new TreeHistory(backend, {
    backoffMs: (n) => base * 0.5 * n * (0.5 + Math.random()),
    log: a.log,
  });
  const pushOnDefault = ctx.eventName === 'push' && ctx.ref === `refs/heads/${defaultBranch}`;
  const notRecording = pushOnDefault ? null : `only push runs on the default branch (${defaultBranch}) record; this is ${describeEvent(ctx)}`;
  return {
    primary: tree,
    fallback: artifacts,
    writer: pushOnDefault ? tree : null,
    notRecording,
    branch: pushOnDefault ? { backend, octokit, repo: target } : null,
  };
}

function historyRepo(name: string | null, own: RepoRef): RepoRef {
  const [owner, repo] = (name ?? '').split('/');
  return owner && repo ? { owner, repo } : own;
}

function describeEvent(ctx: RunContext): string {
  if (ctx.pullRequest) return `pull request #${ctx.pullRequest.number}`;
  return `a ${ctx.eventName || 'run'} event${ctx.ref ? ` on ${ctx.ref}` : ''}`;
}

/** Verdicts whose card is a complete assessment (a budget failure is one; an unmeasured stage is not). */
const RECORDED_VERDICTS = new Set(['pass', 'warn', 'fail']);

export interface RecordArgs {
  writer: TreeHistory;
  ctx: RunContext;
  /** The run's created_at (the date it counts in); the clock when GitHub did not say. */
  createdAt: string;
  cards: ReadonlyArray<{ card: ModelCard; extraMetrics: readonly string[] }>;
  now: Date;
  log: { info(m: string): void; warning(m: string): void };
}

/** Record this run's complete cards in one commit. Returns a line for the summary, or null when nothing was recorded. */
export async function recordRun(a: RecordArgs): Promise<string | null> {
  const sha = a.ctx.sha;
  if (a.ctx.runId === null || sha === null) {
    a.log.warning('ml-lca: history: GITHUB_RUN_ID or GITHUB_SHA unset; this run is not recorded');
    return null;
  }
  const repo = `${a.ctx.repo.owner}/${a.ctx.repo.repo}`;
  const branch = (a.ctx.ref ?? '').replace(/^refs\/heads\//, '');
  const records: RunRecord[] = [];
  for (const c of a.cards) {
    if (!RECORDED_VERDICTS.has(c.card.verdict)) {
      a.log.info(`${c.card.scenario.name}: verdict ${c.card.verdict}: not recorded in the history (not a complete assessment)`);
      continue;
    }
    records.push({
      card: c.card,
      run: { id: a.ctx.runId, attempt: a.ctx.runAttempt ?? 1, repo, branch, sha, created_at: a.createdAt, job: a.ctx.job ?? null },
      extraMetrics: c.extraMetrics,
    });
  }
  if (records.length === 0) return null;
  const names = records.map((r) => r.card.scenario.name).join(', ');
  const r = await a.writer.record(records, a.now);
  for (const w of r.warnings) a.log.warning(`ml-lca: history: ${w}`);
  if (r.kind === 'failed') {
    a.log.warning(
      `ml-lca: history: run not recorded in ${a.writer.label} (${r.reason}). Push runs need \`contents: write\` on the history's repository; the model card artifact still holds this run.`,
    );
    return `Not recorded in the history ${a.writer.label}: ${r.reason}.`;
  }
  const tries = r.attempts > 1 ? ` after ${r.attempts} tries (other runs recorded first)` : '';
  const replaced = r.replaced ? `, replacing the entry of an earlier attempt` : '';
  a.log.info(`history: ${names} recorded in ${a.writer.label} (commit ${r.version.slice(0, 7)})${tries}${replaced}`);
  return `Recorded in the history ${a.writer.label} (commit \`${r.version.slice(0, 7)}\`)${replaced}.`;
}

/** The run's created_at from the API (1 call); the clock when it cannot be read, and a line says so. */
export async function runCreatedAt(octokit: ActionOctokit, ctx: RunContext, now: Date, log: (m: string) => void): Promise<string> {
  if (ctx.runId === null) return now.toISOString();
  try {
    const r = await octokit.rest.actions.getWorkflowRun({ ...ctx.repo, run_id: ctx.runId });
    return r.data.created_at;
  } catch (e) {
    log(`history: the run's created_at could not be read (${describeError(e)}); dated by the clock instead`);
    return now.toISOString();
  }
}
