// The history as a tree of files (layout.ts) behind a backend that can read it at a version and
// commit changes on top of one: the git branch through the GitHub API (git.ts), a directory
// (dir.ts), memory (dir.ts). Reads are bounded: a baseline is at most three files, the period's
// spending two, whatever the number of runs recorded.
//
// Writes are optimistic: read the head, compute the new files, commit on top of that head; when
// another run moved the head meanwhile (non-fast-forward), read again and retry, a bounded
// number of times with a growing, jittered wait. Never a force-push.
import type { PeriodSums } from '../ledger/position.js';
import { applyRecords, cardPath, isCardPath, historyEntry, labelsOf, readIndex, readTotals, type ReadFile, type RunRecord } from './layout.js';
import type { HistoryEntry, PeriodSum } from './schema.js';
import { type BaselineLookup, type BaselineQuery, describeFailure, type HistoryStore, type RecordOutcome, type Spending, type SpendingQuery } from './store.js';

export type CommitResult = { ok: true; version: string } | { ok: false };

export interface HistoryBackend {
  /** `history:BRANCH`, `dir:PATH`, ... */
  readonly source: string;
  readonly label: string;
  /** Reads the newest state (the branch by name: no extra call to resolve it). */
  latest(): ReadFile;
  /** Reads one version exactly (what a write is computed from). */
  at(version: string): ReadFile;
  /** The current version, or null when the history does not exist yet. */
  head(): Promise<string | null>;
  /** Commit `files` on top of `parent` (null: the first commit); not ok when the head is no longer `parent`. */
  commit(parent: string | null, files: ReadonlyMap<string, string>, message: string): Promise<CommitResult>;
}

export interface TreeHistoryOptions {
  /** Tries of one record before giving up (each re-reads the head). */
  maxAttempts?: number;
  /** Wait before try n + 1 (ms). Default: grows with n, jittered, from 0.5 s. */
  backoffMs?: (attempt: number) => number;
  sleep?: (ms: number) => Promise<void>;
  log?: (m: string) => void;
}

export const DEFAULT_MAX_ATTEMPTS = 6;

export class TreeHistory implements HistoryStore {
  readonly source: string;
  readonly label: string;
  private readonly cache = new Map<string, Promise<string | null>>();

  constructor(
    private readonly backend: HistoryBackend,
    private readonly opts: TreeHistoryOptions = {},
  ) {
    this.source = backend.source;
    this.label = backend.label;
  }

  /** Reads of the newest state, each file once per store (a run reads index.json for two purposes). */
  private read: ReadFile = (path) => {
    let p = this.cache.get(path);
    if (!p) {
      p = this.backend.latest()(path);
      this.cache.set(path, p);
      p.catch(() => this.cache.delete(path));
    }
    return p;
  };

  async baseline(q: BaselineQuery): Promise<BaselineLookup> {
    if (q.sha !== null) {
      const path = cardPath(q.scenario, q.sha);
      const text = await this.read(path);
      if (text !== null) {
        return {
          kind: 'found',
          text,
          where: `${path} in ${this.label}`,
          meta: { source: this.source, ref: q.branch, sha: q.sha, run_id: runIdInCard(text), created_at: null },
          note: null,
        };
      }
    }
    const index = await readIndex(this.read);
    const newest = index?.latest.find((e) => e.repo === q.repo && e.branch === q.branch && e.scenario === q.scenario);
    if (!newest) return { kind: 'none', reason: `no run of ${q.scenario} on ${q.branch} is recorded in ${this.label}` };
    // The index names the card; a path of another shape (edited by hand, or hostile) is not followed.
    if (!isCardPath(newest.card))
      return { kind: 'none', reason: `index.json names ${JSON.stringify(newest.card.slice(0, 120))} as a card, which is not a card path of the layout` };
    const text = await this.read(newest.card);
    if (text === null) return { kind: 'none', reason: `${newest.card}, the card of the newest run on ${q.branch}, is missing from ${this.label}` };
    const note =
      q.sha === null
        ? null
        : `Baseline: the base commit ${q.sha.slice(0, 7)} has no recorded run; compared with the newest recorded run on ${q.branch} (${newest.sha.slice(0, 7)}, run ${newest.run_id}, ${newest.created_at.slice(0, 10)}).`;
    return {
      kind: 'found',
      text,
      where: `${newest.card} in ${this.label}`,
      meta: {
        source: this.source,
        ref: q.branch,
        sha: newest.sha,
        run_id: typeof newest.run_id === 'number' ? newest.run_id : null,
        created_at: newest.created_at,
      },
      note,
    };
  }

  async spending(q: SpendingQuery): Promise<Spending> {
    const labels = labelsOf(q.now.toISOString());
    // Two small files whatever the history's length: the index (where the record begins, the
    // newest entries) and this year's totals (month, quarter and year of `now`).
    const [index, totals] = await Promise.all([readIndex(this.read), readTotals(this.read, q.now.getUTCFullYear())]);
    const sums: PeriodSums[] = [];
    for (const label of Object.values(labels)) {
      const block = totals?.periods[label];
      if (!block) continue;
      for (const [name, s] of Object.entries(block.teams)) sums.push({ scope: 'team', name, label, ...copy(s) });
      for (const [name, s] of Object.entries(block.scenarios)) sums.push({ scope: 'model', name, label, ...copy(s) });
    }
    if (q.excludeRun) {
      // A re-run of a recorded run: its first attempt is this change, not past spending.
      const ex = q.excludeRun;
      for (const e of index?.latest ?? []) if (String(e.run_id) === String(ex.id) && e.repo === ex.repo) subtract(sums, e);
    }
    const warnings: string[] = [];
    const missing = q.metrics.filter((m) => m !== 'totals.co2e_kg' && sums.some((s) => s.runs > 0 && (s.count[m] ?? 0) < s.runs));
    if (missing.length) warnings.push(`history: some recorded runs lack ${missing.join(', ')} (recorded before a budget named it); counted as 0`);
    return { source: this.source, entries: [], sums, size: index?.runs ?? 0, since: index?.since ?? null, warnings };
  }

  async record(records: readonly RunRecord[], now: Date): Promise<RecordOutcome> {
    const max = this.opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    const sleep = this.opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    const backoff = this.opts.backoffMs ?? ((n: number) => 500 * n * (0.5 + Math.random()));
    const prepared = records.map((r) => ({ entry: historyEntry(r, now), card: r.card }));
    const message = commitMessage(prepared.map((p) => p.entry));
    let warnings: string[] = [];
    for (let attempt = 1; attempt <= max; attempt++) {
      try {
        const head = await this.backend.head();
        const applied = await applyRecords(head === null ? async () => null : this.backend.at(head), prepared, now);
        warnings = applied.warnings;
        const r = await this.backend.commit(head, applied.files, message);
        if (r.ok) {
          this.cache.clear();
          return { kind: 'recorded', version: r.version, attempts: attempt, replaced: applied.replaced.length, warnings };
        }
        this.opts.log?.(`history: ${this.label} moved while recording (another run recorded first); reading it again (try ${attempt + 1}/${max})`);
      } catch (e) {
        return { kind: 'failed', reason: describeFailure(e), attempts: attempt, warnings };
      }
      if (attempt < max) await sleep(backoff(attempt));
    }
    return { kind: 'failed', reason: `${this.label} kept moving: ${max} tries, each overtaken by another run`, attempts: max, warnings };
  }
}

function copy(s: PeriodSum): Pick<PeriodSums, 'runs' | 'sum' | 'count'> {
  return { runs: s.runs, sum: { ...s.sum }, count: { ...s.count } };
}

/** Take one entry out of the sums it was counted in (its scenario and its team, each period). */
function subtract(sums: PeriodSums[], e: HistoryEntry): void {
  const labels = new Set(Object.values(labelsOf(e.created_at)));
  const values: Record<string, number> = { ...e.metrics, 'totals.co2e_kg': e.co2e_kg };
  for (const s of sums) {
    if (!labels.has(s.label)) continue;
    if (!((s.scope === 'model' && s.name === e.scenario) || (s.scope === 'team' && s.name === e.team))) continue;
    const sum = { ...s.sum };
    const count = { ...s.count };
    for (const [k, v] of Object.entries(values)) {
      if (sum[k] === undefined) continue;
      sum[k] -= v;
      count[k] = Math.max(0, (count[k] ?? 0) - 1);
    }
    Object.assign(s, { runs: Math.max(0, s.runs - 1), sum, count });
  }
}

/** The run id a card carries in `extensions.github` (written by the action), read leniently. */
function runIdInCard(text: string): number | null {
  try {
    const v: unknown = JSON.parse(text);
    const gh = (v as { extensions?: { github?: { run_id?: unknown } } } | null)?.extensions?.github;
    return typeof gh?.run_id === 'number' ? gh.run_id : null;
  } catch {
    return null;
  }
}

function commitMessage(entries: readonly HistoryEntry[]): string {
  const first = entries[0];
  if (!first) return 'ml-lca: record';
  const names = [...new Set(entries.map((e) => e.scenario))].join(', ');
  return `ml-lca: record run ${first.run_id} (attempt ${first.attempt}) of ${first.repo}@${first.sha.slice(0, 7)}: ${names}`;
}
