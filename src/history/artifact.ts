// The history as the artifacts of past workflow runs: the fallback reader (`history: artifact`,
// or a branch that has no entry yet, e.g. before the first push after upgrading). Read-only:
// every run uploads its own card artifact anyway. Its limits are why the branch exists:
// artifacts expire (90 days on public repositories by default, 400 at most on private ones),
// GitHub Enterprise Server has no v4 artifact API, and a period's spending costs one download
// per run.
//
// Baseline: the newest successful push run of the same workflow on the base branch that carries
// this scenario's artifact; its zip is unzipped in memory. Spending: the cards of successful
// default-branch push runs created since the earliest period start (runs listed with
// `created>=`, then the repository's artifacts newest first down to the period start, never
// one listing per run), one entry per run and scenario.
//
// Unzip: fflate (`unzipSync` with a filter). Zero dependencies, ~8 kB bundled, synchronous on a
// buffer we already hold; its filter sees each entry's declared sizes before inflating, so only
// model-card.json is extracted and oversized entries are refused. @actions/artifact's own
// download path (unzip-stream) writes to disk and brings its own octokit, bypassing ours.
import { unzipSync } from 'fflate';
import { dedupeEntries, entryFromCard } from '../ledger/entries.js';
import { earliestStart } from './periods.js';
import { cardFromText } from '../ledger/read.js';
import type { LedgerEntry } from '../ledger/schema.js';
import { type BaselineLookup, type BaselineQuery, describeFailure, type HistoryStore, type Spending, type SpendingQuery } from './store.js';

export const CARD_FILE = 'model-card.json';
/** Successful base-branch runs looked through for the baseline artifact (one API page). */
const MAX_BASELINE_RUNS = 20;
/** Largest zip / card accepted: a model card is kilobytes. */
const MAX_BYTES = 16 * 1024 * 1024;
/** The same bound for the fork comment mode (github/workflow-run.ts), checked before downloading. */
export const MAX_ARTIFACT_BYTES = MAX_BYTES;
/** Runs read per ledger evaluation: a year of daily pushes fits; beyond it, say so. */
const MAX_LEDGER_RUNS = 500;
const PER_PAGE = 100;
/** Artifact downloads per ledger evaluation (each is a small zip). */
const MAX_DOWNLOADS = 1000;

export interface ArtifactRun {
  id: number;
  head_sha: string;
  head_branch: string | null;
  event: string;
  conclusion: string | null;
  created_at: string;
}

export interface ArtifactInfo {
  id: number;
  name: string;
  expired: boolean;
  expires_at: string | null;
  created_at: string | null;
  size_in_bytes: number | null;
  run_id: number | null;
}

/** The Actions API calls the artifact store makes; github/artifact-api.ts implements them with octokit. */
export interface ArtifactApi {
  /** Successful push runs of a workflow on a branch, newest first as GitHub lists them; `created` is GitHub's qualifier. */
  listPushRuns(q: { workflowId: string | number; branch: string; created?: string; perPage: number; page: number }): Promise<{
    total: number;
    runs: ArtifactRun[];
  }>;
  listRunArtifacts(runId: number, name: string): Promise<ArtifactInfo[]>;
  /** The repository's artifacts, newest first (optionally one name). */
  listRepoArtifacts(q: { page: number; perPage: number; name?: string | undefined }): Promise<{ total: number; artifacts: ArtifactInfo[] }>;
  downloadZip(artifactId: number): Promise<Uint8Array>;
}

export interface ArtifactHistoryOptions {
  /** Workflow file name (`train.yml`) or id, or null when unknown (then nothing can be listed). */
  workflowId: () => Promise<string | number | null>;
  /** The repository's default branch: only its push runs spent from a period budget. */
  defaultBranch: string;
  /** The artifact name a scenario's card is uploaded under. */
  artifactName: (scenario: string) => string;
  /** Whether an artifact holds some scenario's card (team budgets count every scenario). */
  isCardArtifact: (name: string) => boolean;
  log: (m: string) => void;
}

export class ArtifactHistory implements HistoryStore {
  readonly source = 'artifact';
  readonly label = 'workflow run artifacts';

  constructor(
    private readonly api: ArtifactApi,
    private readonly o: ArtifactHistoryOptions,
  ) {}

  async baseline(q: BaselineQuery): Promise<BaselineLookup> {
    const name = this.o.artifactName(q.scenario);
    const workflowId = await this.o.workflowId();
    if (workflowId === null) return { kind: 'none', reason: 'the workflow of this run is unknown (GITHUB_WORKFLOW_REF unset)' };
    const listed = await this.api.listPushRuns({ workflowId, branch: q.branch, perPage: MAX_BASELINE_RUNS, page: 1 });
    // Newest first, whatever order the API used.
    const sorted = [...listed.runs].sort((x, y) => Date.parse(y.created_at) - Date.parse(x.created_at));
    let expired: { runId: number; at: string | null } | null = null;
    for (const run of sorted) {
      const matching = (await this.api.listRunArtifacts(run.id, name)).filter((x) => x.name === name);
      const live = matching.find((x) => !x.expired);
      if (!live) {
        const dead = matching.find((x) => x.expired);
        if (dead && !expired) expired = { runId: run.id, at: dead.expires_at };
        continue;
      }
      this.o.log(`Baseline: artifact ${name} of run ${run.id} (${q.branch} @ ${run.head_sha.slice(0, 7)})`);
      const where = `artifact ${name} of run ${run.id}`;
      if ((live.size_in_bytes ?? 0) > MAX_BYTES) return { kind: 'none', reason: `${where} is ${live.size_in_bytes} bytes, more than a model card` };
      const text = cardFromZip(await this.api.downloadZip(live.id));
      if (text === null) return { kind: 'none', reason: `${where} holds no ${CARD_FILE}` };
      return {
        kind: 'found',
        text,
        where,
        meta: { source: 'artifact', ref: q.branch, sha: run.head_sha, run_id: run.id, created_at: run.created_at },
        note: null,
      };
    }
    if (expired) {
      return {
        kind: 'none',
        reason: `artifact ${name} of run ${expired.runId} on ${q.branch} has expired${expired.at ? ` (${expired.at})` : ''}`,
      };
    }
    return { kind: 'none', reason: `no successful push run of ${workflowId} on ${q.branch} (newest ${MAX_BASELINE_RUNS}) carries artifact ${name}` };
  }

  /**
   * Entries from the card artifacts of successful default-branch push runs created since the
   * earliest period start. Each run is dated by its `created_at` (the clock `created>=` uses).
   */
  async spending(q: SpendingQuery): Promise<Spending> {
    const since = earliestStart(q.now, q.periods);
    const own = this.o.artifactName(q.scenario);
    const match = q.teams ? this.o.isCardArtifact : (n: string) => n === own;
    const workflowId = await this.o.workflowId();
    if (workflowId === null) {
      return {
        source: this.source,
        entries: [],
        warnings: ['ledger: the workflow of this run is unknown (GITHUB_WORKFLOW_REF unset); spent counts only this change'],
      };
    }
    const warnings: string[] = [];
    const sinceMs = Date.parse(since);
    if (q.before && Date.parse(q.before) <= sinceMs) return { source: this.source, entries: [], warnings };
    const runs = new Map<number, { head_sha: string; created_at: string }>();
    for (let page = 1; runs.size < MAX_LEDGER_RUNS; page++) {
      // GitHub's search date syntax takes THH:MM:SSZ; milliseconds are not part of it.
      const created = `>=${new Date(sinceMs).toISOString().replace(/\.\d{3}Z$/, 'Z')}`;
      const r = await this.api.listPushRuns({ workflowId, branch: this.o.defaultBranch, created, perPage: PER_PAGE, page });
      for (const run of r.runs) {
        // The API filters already; checked again because a wrong filter would silently overspend.
        if (run.conclusion !== 'success' || run.event !== 'push' || run.head_branch !== this.o.defaultBranch) continue;
        if (Date.parse(run.created_at) < sinceMs || run.id === q.excludeRun?.id) continue;
        if (q.before && Date.parse(run.created_at) >= Date.parse(q.before)) continue;
        runs.set(run.id, { head_sha: run.head_sha, created_at: run.created_at });
      }
      if (r.runs.length < PER_PAGE || page * PER_PAGE >= r.total) break;
    }
    if (runs.size >= MAX_LEDGER_RUNS) warnings.push(`ledger: only the ${MAX_LEDGER_RUNS} newest runs since ${since} were read`);

    const entries: LedgerEntry[] = [];
    let downloads = 0;
    let expired = 0;
    if (runs.size > 0) {
      // An artifact is created during its run, so none older than `since` can belong to one of the runs.
      artifacts: for (let page = 1; ; page++) {
        const r = await this.api.listRepoArtifacts({ page, perPage: PER_PAGE, name: q.teams ? undefined : own });
        for (const art of r.artifacts) {
          if (art.created_at && Date.parse(art.created_at) < sinceMs) break artifacts;
          const run = art.run_id !== null ? runs.get(art.run_id) : undefined;
          if (!run || art.run_id === null || !match(art.name)) continue;
          if (art.expired) {
            expired += 1;
            continue;
          }
          if (downloads >= MAX_DOWNLOADS) break artifacts;
          downloads += 1;
          const entry = await this.download(art, { id: art.run_id, ...run }, q.metrics, warnings);
          if (entry) entries.push(entry);
        }
        if (r.artifacts.length < PER_PAGE || page * PER_PAGE >= r.total) break;
      }
    }
    if (downloads >= MAX_DOWNLOADS) warnings.push(`ledger: stopped after ${MAX_DOWNLOADS} artifact downloads; older runs not counted`);
    if (expired)
      warnings.push(
        `ledger: ${expired} expired artifact(s) in the period could not be counted (record runs in the history branch, history: branch, or raise retention-days)`,
      );
    const d = dedupeEntries(entries);
    this.o.log(`Ledger: ${d.entries.length} run card(s) from ${runs.size} successful ${this.o.defaultBranch} push run(s) since ${since.slice(0, 10)}`);
    return { source: this.source, entries: d.entries, warnings };
  }

  /** One artifact's card as an entry; null (with a warning when it matters) when it holds none. */
  private async download(
    art: ArtifactInfo,
    run: { id: number; head_sha: string; created_at: string },
    metrics: readonly string[],
    warnings: string[],
  ): Promise<LedgerEntry | null> {
    const where = `artifact ${art.name} of run ${run.id}`;
    let text: string | null;
    try {
      text = cardFromZip(await this.api.downloadZip(art.id));
    } catch (e) {
      warnings.push(`ledger: ${where} not read (${describeFailure(e)}); not counted`);
      return null;
    }
    if (text === null) return null; // an artifact of ours without a card (e.g. report only)
    const got = cardFromText(text);
    if ('reason' in got) {
      warnings.push(`ledger: ${where} skipped, ${got.reason}`);
      return null;
    }
    return entryFromCard(got.card, { run_id: run.id, sha: run.head_sha, created_at: run.created_at, source: `artifact:${art.name}@${run.id}` }, metrics);
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

/**
 * Artifact names that hold some scenario's card under the `artifact-name` template: with
 * `{scenario}`, the template with any name in its place; without it, the template itself or
 * the template plus `-SCENARIO` (what artifactNameFor makes when a run has several). Other
 * placeholders (`{job}`, `{matrix}`) match any text.
 */
export function artifactMatcher(template: string): (name: string) => boolean {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const body = template
    .split(/(\{(?:scenario|job|matrix)\})/)
    .map((part) => (part === '{scenario}' ? '.+' : part === '{job}' || part === '{matrix}' ? '.*' : esc(part)))
    .join('');
  const re = template.includes('{scenario}') ? new RegExp(`^${body}$`) : new RegExp(`^${body}(?:-.+)?$`);
  return (name) => re.test(name);
}
