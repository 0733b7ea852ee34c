// The sticky PR comment of one scenario (marocchino/sticky-pull-request-comment's approach):
// find our previous comment by its hidden marker AND its author (the token's identity, GraphQL
// `viewer`; `GET /user` is forbidden for GITHUB_TOKEN), then update it in place or create it.
// Every function takes the octokit first; the body is built only from renderReport + marker.
import { hasMarker, markerFor } from '../report/marker.js';
import { renderReport } from '../report/markdown.js';
import type { ModelCard } from '../report/card-schema.js';
import type { CommentMode } from './inputs.js';
import type { RepoRef } from './context.js';
import type { ActionOctokit } from './octokit.js';
import { describeError, statusOf } from './octokit.js';

/** GitHub refuses comment bodies of 65,536 characters or more. */
export const COMMENT_LIMIT = 65_536;
/** Pages of 100 comments we read at most (a PR with >5,000 comments is not worth more calls). */
const MAX_PAGES = 50;

export interface PreviousComment {
  id: number;
  body: string;
}

/** The comment body: marker line + the rendered report, whole body under COMMENT_LIMIT. */
export function commentBody(card: ModelCard): string {
  const marker = markerFor(card.scenario.name);
  // renderReport trims details (never the verdict) to fit; keep a margin for the marker line.
  const report = renderReport(card, { maxChars: COMMENT_LIMIT - marker.length - 64 });
  return `${marker}\n${report}`;
}

/** The login the token acts as, without `[bot]` (GraphQL says `github-actions`, REST `github-actions[bot]`). */
export async function viewerLogin(octokit: ActionOctokit): Promise<string> {
  const r: unknown = await octokit.graphql('query { viewer { login } }');
  const login = (r as { viewer?: { login?: unknown } } | null)?.viewer?.login;
  if (typeof login !== 'string' || login === '') throw new Error('GraphQL viewer query returned no login');
  return stripBot(login);
}

function stripBot(login: string): string {
  return login.replace(/\[bot\]$/, '');
}

export async function findPreviousComment(
  octokit: ActionOctokit,
  repo: RepoRef,
  prNumber: number,
  scenarioName: string,
  viewer: string,
): Promise<PreviousComment | null> {
  let pages = 0;
  const it = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    ...repo,
    issue_number: prNumber,
    per_page: 100,
  });
  for await (const page of it) {
    for (const c of page.data) {
      const author = c.user?.login;
      if (author !== undefined && stripBot(author) === viewer && c.body !== undefined && hasMarker(c.body, scenarioName)) {
        return { id: c.id, body: c.body };
      }
    }
    if (++pages >= MAX_PAGES) break;
  }
  return null;
}

/**
 * Whether two bodies say the same thing. The report's last line (`<sub>ml-lca VERSION · ... ·
 * created_at</sub>`) changes on every run, so it is left out: `on-change` means the assessment
 * changed, not the clock.
 */
export function sameReport(a: string, b: string): boolean {
  const strip = (s: string) => s.replace(/^<sub>ml-lca [^\n]*<\/sub>\s*$/gm, '').trimEnd();
  return strip(a) === strip(b);
}

export type CommentOutcome =
  | { action: 'created' | 'updated'; id: number; url: string }
  | { action: 'unchanged'; id: number }
  | { action: 'skipped'; reason: string }
  | { action: 'failed'; reason: string; forbidden: boolean };

/**
 * Create or update the scenario's comment. Never throws for an API failure: a read-only token
 * (fork PRs: 403 "Resource not accessible by integration") or an API still failing after the
 * plugins' retries is reported as `failed`, and the caller warns; the job summary still has it all.
 */
export async function upsertComment(
  octokit: ActionOctokit,
  args: { repo: RepoRef; prNumber: number; scenarioName: string; body: string; mode: CommentMode },
): Promise<CommentOutcome> {
  if (args.mode === 'never') return { action: 'skipped', reason: 'comment: never' };
  try {
    const viewer = await viewerLogin(octokit);
    const prev = await findPreviousComment(octokit, args.repo, args.prNumber, args.scenarioName, viewer);
    if (prev && args.mode === 'on-change' && sameReport(prev.body, args.body)) return { action: 'unchanged', id: prev.id };
    if (prev) {
      const r = await octokit.rest.issues.updateComment({ ...args.repo, comment_id: prev.id, body: args.body });
      return { action: 'updated', id: r.data.id, url: r.data.html_url };
    }
    const r = await octokit.rest.issues.createComment({ ...args.repo, issue_number: args.prNumber, body: args.body });
    return { action: 'created', id: r.data.id, url: r.data.html_url };
  } catch (e) {
    const status = statusOf(e);
    const forbidden = status === 403 || status === 404;
    const reason = forbidden
      ? `the token cannot write PR comments (${describeError(e)}). Pull requests from forks get a read-only token: ` +
        'see the workflow_run example in examples/workflows to comment on them safely.'
      : `commenting failed (${describeError(e)})`;
    return { action: 'failed', reason, forbidden };
  }
}
