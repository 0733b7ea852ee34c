// What the runner tells the action about this run (GITHUB_* variables and the event payload),
// parsed from plain values main.ts collects. Only the fields the action uses; the payload is
// validated, never cast.
import path from 'node:path';
import { z } from 'zod';
import { InputError } from '../errors.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface PullRequestInfo {
  number: number;
  baseRef: string;
  baseSha: string;
  headSha: string;
  /** Whether the head lives in another repository (a fork: read-only token). */
  fromFork: boolean;
}

export interface WorkflowRunInfo {
  id: number;
  event: string;
  headSha: string;
  headBranch: string | null;
  /** owner login of the repository the run's head commit lives in */
  headOwner: string | null;
  pullRequests: number[];
  /** The payload's pull requests with their head commit as GitHub listed them (sha null when absent). */
  pullRequestHeads?: Array<{ number: number; headSha: string | null }>;
}

export interface RunContext {
  eventName: string;
  repo: RepoRef;
  runId: number | null;
  /** Workflow file name (`train.yml`), from GITHUB_WORKFLOW_REF; null when unknown. */
  workflowFile: string | null;
  sha: string | null;
  ref: string | null;
  pullRequest: PullRequestInfo | null;
  workflowRun: WorkflowRunInfo | null;
  /** `repository.default_branch` of the payload (period budgets count its push runs); null when absent. */
  defaultBranch?: string | null;
  /** GITHUB_RUN_ATTEMPT (1 on the first attempt). */
  runAttempt?: number;
  /** GITHUB_JOB: the job's id in the workflow (`{job}` in artifact names). */
  job?: string | null;
  /** GITHUB_SERVER_URL (`https://github.com`, or a GitHub Enterprise Server): where web links go. */
  serverUrl?: string | null;
}

/** The environment variables main.ts passes in (names as the runner sets them). */
export type RunnerEnv = Partial<
  Record<
    | 'GITHUB_EVENT_NAME'
    | 'GITHUB_REPOSITORY'
    | 'GITHUB_RUN_ID'
    | 'GITHUB_RUN_ATTEMPT'
    | 'GITHUB_JOB'
    | 'GITHUB_WORKFLOW_REF'
    | 'GITHUB_SHA'
    | 'GITHUB_REF'
    | 'GITHUB_SERVER_URL',
    string
  >
>;

const PullRequestPayload = z.object({
  pull_request: z.object({
    number: z.number().int(),
    base: z.object({ ref: z.string(), sha: z.string(), repo: z.object({ full_name: z.string() }).nullish() }),
    head: z.object({ sha: z.string(), repo: z.object({ full_name: z.string() }).nullish() }),
  }),
  repository: z.object({ full_name: z.string() }).nullish(),
});

const RepositoryPayload = z.object({ repository: z.object({ default_branch: z.string().min(1) }) });

const WorkflowRunPayload = z.object({
  workflow_run: z.object({
    id: z.number().int(),
    event: z.string(),
    head_sha: z.string(),
    head_branch: z.string().nullish(),
    head_repository: z.object({ owner: z.object({ login: z.string() }) }).nullish(),
    pull_requests: z.array(z.object({ number: z.number().int(), head: z.object({ sha: z.string() }).nullish() })).default([]),
  }),
});

export function parseContext(env: RunnerEnv, payload: unknown): RunContext {
  const full = env.GITHUB_REPOSITORY ?? '';
  const [owner, repo, extra] = full.split('/');
  if (!owner || !repo || extra !== undefined) {
    throw new InputError({ code: 'BAD_INPUT', field: 'GITHUB_REPOSITORY', expected: 'owner/name (set by the runner)', got: JSON.stringify(full) });
  }
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const runId = Number(env.GITHUB_RUN_ID);
  const attempt = Number(env.GITHUB_RUN_ATTEMPT);
  return {
    eventName,
    repo: { owner, repo },
    runId: Number.isInteger(runId) && runId > 0 ? runId : null,
    workflowFile: workflowFileOf(env.GITHUB_WORKFLOW_REF),
    sha: env.GITHUB_SHA || null,
    ref: env.GITHUB_REF || null,
    pullRequest: pullRequestOf(payload, full),
    workflowRun: eventName === 'workflow_run' ? workflowRunOf(payload) : null,
    defaultBranch: RepositoryPayload.safeParse(payload).data?.repository.default_branch ?? null,
    runAttempt: Number.isInteger(attempt) && attempt > 0 ? attempt : 1,
    job: env.GITHUB_JOB || null,
    serverUrl: env.GITHUB_SERVER_URL || null,
  };
}

/** `owner/repo/.github/workflows/train.yml@refs/heads/x` -> `train.yml` (the API takes the file name). */
export function workflowFileOf(ref: string | undefined): string | null {
  if (!ref) return null;
  const at = ref.indexOf('@');
  const file = path.posix.basename(at >= 0 ? ref.slice(0, at) : ref);
  return /\.ya?ml$/.test(file) ? file : null;
}

function pullRequestOf(payload: unknown, repoFullName: string): PullRequestInfo | null {
  const r = PullRequestPayload.safeParse(payload);
  if (!r.success) return null;
  const pr = r.data.pull_request;
  const baseRepo = pr.base.repo?.full_name ?? r.data.repository?.full_name ?? repoFullName;
  return {
    number: pr.number,
    baseRef: pr.base.ref,
    baseSha: pr.base.sha,
    headSha: pr.head.sha,
    // A deleted fork has no head repo; treat it as a fork (the token is read-only either way).
    fromFork: (pr.head.repo?.full_name ?? '') !== baseRepo,
  };
}

function workflowRunOf(payload: unknown): WorkflowRunInfo | null {
  const r = WorkflowRunPayload.safeParse(payload);
  if (!r.success) return null;
  const w = r.data.workflow_run;
  return {
    id: w.id,
    event: w.event,
    headSha: w.head_sha,
    headBranch: w.head_branch ?? null,
    headOwner: w.head_repository?.owner.login ?? null,
    pullRequests: w.pull_requests.map((p) => p.number),
    pullRequestHeads: w.pull_requests.map((p) => ({ number: p.number, headSha: p.head?.sha ?? null })),
  };
}
