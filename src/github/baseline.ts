// The base-branch model card a pull request is compared with (design.md "Baseline").
// artifact: the newest successful push run of the same workflow on the base branch that carries
//           this scenario's artifact; its zip is downloaded over REST and unzipped in memory.
// file:PATH: a card committed in the repository, read at the PR's base SHA (contents API).
// none:     compare nothing.
// Whatever goes wrong (no run, expired artifact, a card of another scenario or boundary, API
// failure after the plugins' retries) ends in a plain statement and no comparison, never a throw.
//
// Unzip: fflate (`unzipSync` with a filter). Zero dependencies, ~8 kB of it bundled, maintained,
// synchronous on a Buffer we already hold; its filter sees each entry's declared sizes before
// inflating, so we extract only model-card.json and refuse oversized entries. @actions/artifact's
// own download path (unzip-stream) writes to disk and brings its own octokit, bypassing ours.
import { unzipSync } from 'fflate';
import type { z } from 'zod';
import { ModelCard } from '../report/card-schema.js';
import type { Baseline } from '../compare/schema.js';
import type { BaselineSpec } from './inputs.js';
import type { RepoRef, RunContext } from './context.js';
import type { ActionOctokit } from './octokit.js';
import { describeError, statusOf } from './octokit.js';

export type BaselineMeta = z.infer<typeof Baseline>;

export const CARD_FILE = 'model-card.json';
/** Successful base-branch runs we look through for the artifact (one API page). */
const MAX_RUNS = 20;
/** Largest zip / card we accept: a model card is kilobytes. */
const MAX_BYTES = 16 * 1024 * 1024;
/** The same bound for the fork comment mode (workflow-run.ts), checked before downloading. */
export const MAX_ARTIFACT_BYTES = MAX_BYTES;

export interface HeadIdentity {
  name: string;
  boundary: { stages: string[]; flows: string[] };
}

export type BaselineResult =
  | { kind: 'found'; card: ModelCard; meta: BaselineMeta }
  /** `note` is the plain statement for the reader, or null when no comparison was expected (push, baseline: none). */
  | { kind: 'none'; note: string | null };

export interface FindBaselineArgs {
  spec: BaselineSpec;
  ctx: RunContext;
  artifactName: string;
  head: HeadIdentity;
  log: (m: string) => void;
}

export async function findBaseline(octokit: ActionOctokit, a: FindBaselineArgs): Promise<BaselineResult> {
  if (a.spec.kind === 'none') return { kind: 'none', note: null };
  const pr = a.ctx.pullRequest;
  if (!pr) return { kind: 'none', note: null };
  try {
    if (a.spec.kind === 'file') {
      return await fromFile(octokit, a.ctx.repo, a.spec.path, pr.baseRef, pr.baseSha, a.head);
    }
    return await fromArtifact(octokit, a, pr.baseRef);
  } catch (e) {
    return { kind: 'none', note: `No baseline: it could not be retrieved (${describeError(e)}); nothing compared.` };
  }
}

async function fromFile(octokit: ActionOctokit, repo: RepoRef, file: string, baseRef: string, baseSha: string, head: HeadIdentity): Promise<BaselineResult> {
  const text = await fileAtCommit(octokit, repo, file, baseSha);
  if (text === null) {
    return { kind: 'none', note: `No baseline: ${file} does not exist at the base commit ${baseSha.slice(0, 7)} (${baseRef}); nothing compared.` };
  }
  const meta: BaselineMeta = { source: `file:${file}`, ref: baseRef, sha: baseSha, run_id: null, created_at: null };
  return accept(text, `${file} at ${baseSha.slice(0, 7)}`, meta, head);
}

async function fromArtifact(octokit: ActionOctokit, a: FindBaselineArgs, baseRef: string): Promise<BaselineResult> {
  const { repo } = a.ctx;
  const workflowId = a.ctx.workflowFile ?? (await currentWorkflowId(octokit, repo, a.ctx.runId));
  if (workflowId === null) {
    return { kind: 'none', note: 'No baseline: the workflow of this run is unknown (GITHUB_WORKFLOW_REF unset); nothing compared.' };
  }
  const runs = await octokit.rest.actions.listWorkflowRuns({
    ...repo,
    workflow_id: workflowId,
    branch: baseRef,
    event: 'push',
    status: 'success',
    per_page: MAX_RUNS,
  });
  // Newest first, whatever order the API used.
  const sorted = [...runs.data.workflow_runs].sort((x, y) => Date.parse(y.created_at) - Date.parse(x.created_at));
  let expired: { runId: number; at: string | null } | null = null;
  for (const run of sorted) {
    const list = await octokit.rest.actions.listWorkflowRunArtifacts({ ...repo, run_id: run.id, name: a.artifactName, per_page: 10 });
    const matching = list.data.artifacts.filter((x) => x.name === a.artifactName);
    const live = matching.find((x) => !x.expired);
    if (!live) {
      const dead = matching.find((x) => x.expired);
      if (dead && !expired) expired = { runId: run.id, at: dead.expires_at ?? null };
      continue;
    }
    a.log(`Baseline: artifact ${a.artifactName} of run ${run.id} (${baseRef} @ ${run.head_sha.slice(0, 7)})`);
    if ((live.size_in_bytes ?? 0) > MAX_BYTES) {
      return {
        kind: 'none',
        note: `No baseline: artifact ${a.artifactName} of run ${run.id} is ${live.size_in_bytes} bytes, more than a model card; nothing compared.`,
      };
    }
    const zip = await octokit.rest.actions.downloadArtifact({ ...repo, artifact_id: live.id, archive_format: 'zip' });
    const card = cardFromZip(toBytes(zip.data));
    const where = `artifact ${a.artifactName} of run ${run.id}`;
    if (card === null) return { kind: 'none', note: `No baseline: ${where} holds no ${CARD_FILE}; nothing compared.` };
    const meta: BaselineMeta = { source: 'artifact', ref: baseRef, sha: run.head_sha, run_id: run.id, created_at: run.created_at };
    return accept(card, where, meta, a.head);
  }
  if (expired) {
    return {
      kind: 'none',
      note: `No baseline: artifact ${a.artifactName} of run ${expired.runId} on ${baseRef} has expired${expired.at ? ` (${expired.at})` : ''}; nothing compared. Push to ${baseRef} again to refresh it.`,
    };
  }
  return {
    kind: 'none',
    note: `No baseline: no successful push run of ${workflowId} on ${baseRef} (newest ${MAX_RUNS}) carries artifact ${a.artifactName}; nothing compared.`,
  };
}

/** The numeric id of this run's workflow (shared with the ledger's run lookup). */
export async function currentWorkflowId(octokit: ActionOctokit, repo: RepoRef, runId: number | null): Promise<number | null> {
  if (runId === null) return null;
  const r = await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: runId });
  return r.data.workflow_id;
}

/** A repository file's text at a commit (contents API, raw), or null when it does not exist there; other API errors throw. */
export async function fileAtCommit(octokit: ActionOctokit, repo: RepoRef, file: string, sha: string): Promise<string | null> {
  try {
    const r = await octokit.rest.repos.getContent({ ...repo, path: file, ref: sha, mediaType: { format: 'raw' } });
    // octokit gives text or an ArrayBuffer depending on the content-type GitHub sends back.
    return new TextDecoder().decode(toBytes(r.data));
  } catch (e) {
    if (statusOf(e) === 404) return null;
    throw e;
  }
}

/** An octokit binary response body (ArrayBuffer, view or string) as bytes. */
export function toBytes(data: unknown): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (typeof data === 'string') return new TextEncoder().encode(data);
  return new Uint8Array();
}

/** The model-card.json inside an artifact zip (at any depth), or null. Throws on a corrupt zip. */
export function cardFromZip(bytes: Uint8Array): string | null {
  if (bytes.byteLength > MAX_BYTES) throw new Error(`artifact zip of ${bytes.byteLength} bytes is larger than ${MAX_BYTES}`);
  const files = unzipSync(bytes, {
    filter: (f) => (f.name === CARD_FILE || f.name.endsWith(`/${CARD_FILE}`)) && f.originalSize <= MAX_BYTES,
  });
  const names = Object.keys(files).sort((x, y) => x.length - y.length);
  const first = names[0];
  const data = first !== undefined ? files[first] : undefined;
  return data ? new TextDecoder().decode(data) : null;
}

/** Validate a baseline card and check it describes the same scenario and system boundary. */
export function accept(text: string, where: string, meta: BaselineMeta, head: HeadIdentity): BaselineResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'none', note: `No baseline: ${where} is not valid JSON; nothing compared.` };
  }
  const r = ModelCard.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    const at = issue ? issue.path.map(String).join('.') : '';
    return {
      kind: 'none',
      note: `No baseline: ${where} is not a model card this version can read (${at || 'root'}: ${issue?.message ?? 'invalid'}); nothing compared.`,
    };
  }
  const card = r.data;
  if (card.scenario.name !== head.name) {
    return { kind: 'none', note: `No baseline: ${where} is for scenario "${card.scenario.name}", not "${head.name}"; nothing compared.` };
  }
  const diff = boundaryDifference(card.scenario.boundary, head.boundary);
  if (diff !== null) {
    return { kind: 'none', note: `No baseline: ${where} has another system boundary (${diff}); ISO 14044 compares only like with like, so nothing compared.` };
  }
  return { kind: 'found', card, meta };
}

/** A short description of how two boundaries differ, or null when they are the same sets. */
export function boundaryDifference(base: HeadIdentity['boundary'], head: HeadIdentity['boundary']): string | null {
  const parts: string[] = [];
  for (const key of ['stages', 'flows'] as const) {
    const b = new Set(base[key]);
    const h = new Set(head[key]);
    const added = [...h].filter((x) => !b.has(x));
    const removed = [...b].filter((x) => !h.has(x));
    if (added.length) parts.push(`${key} added: ${added.join(', ')}`);
    if (removed.length) parts.push(`${key} removed: ${removed.join(', ')}`);
  }
  return parts.length ? parts.join('; ') : null;
}
