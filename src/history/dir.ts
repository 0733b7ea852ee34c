// The history as files on a disk or in memory, for tree.ts: a local checkout of the branch (or
// a directory copy: `git worktree add ../ledger ml-lca-data`, or the branch's zip), read by the
// CLI exactly as the action reads the branch; and a memory tree for tests and the benchmark.
// The JSONL files are the record: `historyEntries` reads every entry back, so a ledger can be
// audited offline against the totals the action used.
import path from 'node:path';
import type { Io } from '../io.js';
import type { LedgerEntry } from '../ledger/schema.js';
import { INDEX_PATH, LAYOUT, parseRunsFile, type ReadFile, readTotals, totalsFromEntries } from './layout.js';
import type { HistoryEntry } from './schema.js';
import type { CommitResult, HistoryBackend } from './tree.js';

/** A read-only checkout or copy of the history branch. */
export class DirBackend implements HistoryBackend {
  readonly source: string;
  readonly label: string;

  constructor(
    private readonly dir: string,
    private readonly io: Io,
  ) {
    this.source = `dir:${dir}`;
    this.label = `history directory ${dir}`;
  }

  latest(): ReadFile {
    return async (rel) => {
      const file = path.join(this.dir, ...rel.split('/'));
      return (await this.io.size(file)) === null ? null : this.io.readText(file);
    };
  }

  at(): ReadFile {
    return this.latest();
  }

  async head(): Promise<string | null> {
    return 'working-tree';
  }

  async commit(): Promise<CommitResult> {
    throw new Error(`${this.label} is read-only here: the action records runs through the GitHub API`);
  }
}

/** Whether `dir` holds the history layout (its index), so the CLI reads it as a history. */
export async function isHistoryDir(dir: string, io: Io): Promise<boolean> {
  return (await io.size(path.join(dir, ...INDEX_PATH.split('/')))) !== null;
}

/**
 * Every entry of a history directory, oldest first, as ledger entries (`ml-lca ledger DIR`).
 * Lines that are not entries are counted in a warning, never guessed at.
 */
export async function historyEntries(dir: string, io: Io): Promise<{ entries: HistoryEntry[]; ledger: LedgerEntry[]; warnings: string[] }> {
  const files = await io.glob([`${LAYOUT}/runs/**/*.jsonl`], dir);
  const entries: HistoryEntry[] = [];
  const ledger: LedgerEntry[] = [];
  const warnings: string[] = [];
  for (const file of files) {
    const rel = path.relative(dir, file).split(path.sep).join('/');
    const { entries: got, foreign } = parseRunsFile(await io.readText(file));
    if (foreign.length) warnings.push(`${rel}: ${foreign.length} line(s) that are not history entries skipped`);
    got.forEach((e, i) => {
      entries.push(e);
      ledger.push(toLedgerEntry(e, `${rel}:${i + 1}`));
    });
  }
  const order = (a: { created_at: string }, b: { created_at: string }) => a.created_at.localeCompare(b.created_at);
  return { entries: entries.sort(order), ledger: ledger.sort(order), warnings };
}

/**
 * Whether the running totals files (what the action read) agree with the entries (the record):
 * one line per disagreement, none when they agree. A hand edit or a lost write shows up here.
 */
export async function auditTotals(dir: string, entries: readonly HistoryEntry[], io: Io, maxLines = 10): Promise<string[]> {
  const read = new DirBackend(dir, io).latest();
  const rebuilt = totalsFromEntries(entries);
  const out: string[] = [];
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  const years = new Set([...rebuilt.keys()]);
  for (const y of (await io.glob([`${LAYOUT}/totals/*.json`], dir)).map((f) => Number(path.basename(f, '.json')))) if (Number.isInteger(y)) years.add(y);
  for (const year of [...years].sort()) {
    const stored = await readTotals(read, year);
    const want = rebuilt.get(year);
    const labels = new Set([...Object.keys(stored?.periods ?? {}), ...Object.keys(want?.periods ?? {})]);
    for (const label of [...labels].sort()) {
      for (const scope of ['teams', 'scenarios'] as const) {
        const a = stored?.periods[label]?.[scope] ?? {};
        const b = want?.periods[label]?.[scope] ?? {};
        for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
          const sa = a[name];
          const sb = b[name];
          const kg = (s: typeof sa) => s?.sum['totals.co2e_kg'] ?? 0;
          if ((sa?.runs ?? 0) !== (sb?.runs ?? 0) || !close(kg(sa), kg(sb))) {
            out.push(
              `totals ${label} ${scope === 'teams' ? 'team' : 'scenario'} ${name}: the totals file says ${sa?.runs ?? 0} run(s), ${kg(sa)} kg; the entries say ${sb?.runs ?? 0}, ${kg(sb)} kg`,
            );
          }
        }
      }
    }
  }
  if (out.length > maxLines) return [...out.slice(0, maxLines), `${out.length - maxLines} more disagreement(s) between totals and entries`];
  return out;
}

/** A history entry as the ledger counts it (period budgets, `ml-lca ledger`). */
export function toLedgerEntry(e: HistoryEntry, source: string): LedgerEntry {
  return { run_id: e.run_id, sha: e.sha, created_at: e.created_at, scenario: e.scenario, team: e.team, co2e_kg: e.co2e_kg, metrics: e.metrics, source };
}

/** The history in memory, with the same optimistic commit as the branch: for tests and the benchmark. */
export class MemoryBackend implements HistoryBackend {
  readonly source = 'history:memory';
  readonly label = 'memory history';
  files = new Map<string, string>();
  version = 0;
  /** Called before each commit is applied: a test can land a concurrent commit there. */
  beforeCommit: (() => Promise<void>) | null = null;

  latest(): ReadFile {
    return async (p) => this.files.get(p) ?? null;
  }

  at(): ReadFile {
    // Copy: a read must see the version it started from even if a commit lands meanwhile.
    const snapshot = new Map(this.files);
    return async (p) => snapshot.get(p) ?? null;
  }

  async head(): Promise<string | null> {
    return this.version === 0 ? null : String(this.version);
  }

  async commit(parent: string | null, files: ReadonlyMap<string, string>): Promise<CommitResult> {
    if (this.beforeCommit) await this.beforeCommit();
    if (parent !== (await this.head())) return { ok: false };
    for (const [p, c] of files) this.files.set(p, c);
    this.version += 1;
    return { ok: true, version: String(this.version) };
  }
}
