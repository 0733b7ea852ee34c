// The base-branch model card a pull request is compared with (design.md "Baseline"), as wired
// for the action:
//   history (default; `artifact` is its old name): the history stores in order (github/history.ts):
//             the branch's entry for the base commit, else its newest entry on the base branch,
//             else the newest base-branch run's card artifact (src/history/);
//   file:PATH: a card committed in the repository, read at the PR's base SHA (contents API);
//   none:     compare nothing.
// Whatever goes wrong (nothing recorded, expired artifact, a card of another scenario or
// boundary, API failure after the plugins' retries) ends in a plain statement and no
// comparison, never a throw.
import { accept, type BaselineResult, findBaselineIn, type HeadIdentity, type HistoryStore, toBytes } from '../history/index.js';
import type { BaselineMeta } from '../history/store.js';
import type { BaselineSpec } from './inputs.js';
import type { RepoRef, RunContext } from './context.js';
import type { ActionOctokit } from './octokit.js';
import { describeError, statusOf } from './octokit.js';

export { accept, boundaryDifference, type BaselineResult, type HeadIdentity } from '../history/accept.js';
export { CARD_FILE, MAX_ARTIFACT_BYTES, cardFromZip, toBytes } from '../history/artifact.js';
export type { BaselineMeta } from '../history/store.js';

export interface FindBaselineArgs {
  spec: BaselineSpec;
  ctx: RunContext;
  /** The history stores to read, in order (empty with `history: off`). */
  stores: readonly HistoryStore[];
  head: HeadIdentity;
}

export async function findBaseline(octokit: ActionOctokit, a: FindBaselineArgs): Promise<BaselineResult> {
  if (a.spec.kind === 'none') return { kind: 'none', note: null };
  const pr = a.ctx.pullRequest;
  if (!pr) return { kind: 'none', note: null };
  if (a.spec.kind === 'file') {
    try {
      return await fromFile(octokit, a.ctx.repo, a.spec.path, pr.baseRef, pr.baseSha, a.head);
    } catch (e) {
      return { kind: 'none', note: `No baseline: it could not be retrieved (${describeError(e)}); nothing compared.` };
    }
  }
  if (a.stores.length === 0) return { kind: 'none', note: 'No baseline: the history is off (history: off); nothing compared.' };
  const repo = `${a.ctx.repo.owner}/${a.ctx.repo.repo}`;
  return findBaselineIn(a.stores, { scenario: a.head.name, repo, branch: pr.baseRef, sha: pr.baseSha }, a.head);
}

async function fromFile(octokit: ActionOctokit, repo: RepoRef, file: string, baseRef: string, baseSha: string, head: HeadIdentity): Promise<BaselineResult> {
  const text = await fileAtCommit(octokit, repo, file, baseSha);
  if (text === null) {
    return { kind: 'none', note: `No baseline: ${file} does not exist at the base commit ${baseSha.slice(0, 7)} (${baseRef}); nothing compared.` };
  }
  const meta: BaselineMeta = { source: `file:${file}`, ref: baseRef, sha: baseSha, run_id: null, created_at: null };
  return accept(text, `${file} at ${baseSha.slice(0, 7)}`, meta, head);
}

/** The numeric id of this run's workflow (the artifact store lists its runs). */
export async function currentWorkflowId(octokit: ActionOctokit, repo: RepoRef, runId: number | null): Promise<number | null> {
  if (runId === null) return null;
  const r = await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: runId });
  return r.data.workflow_id;
}

/** A repository file's text at a commit or branch (contents API, raw), or null when it does not exist there; other API errors throw. */
export async function fileAtCommit(octokit: ActionOctokit, repo: RepoRef, file: string, ref: string): Promise<string | null> {
  try {
    const r = await octokit.rest.repos.getContent({ ...repo, path: file, ref, mediaType: { format: 'raw' } });
    // octokit gives text or an ArrayBuffer depending on the content-type GitHub sends back.
    return new TextDecoder().decode(toBytes(r.data));
  } catch (e) {
    if (statusOf(e) === 404) return null;
    throw e;
  }
}
