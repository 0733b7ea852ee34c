// The history layout (version 1) and the pure rules that read and update it. Every store
// (the git branch, a local checkout, memory) shares these, so a checkout of the branch is
// read exactly as the action reads it.
//
//   README.md                                   what this branch is (written with the first entry)
//   v1/index.json                               IndexFile: entry count, years, newest entry per repo/branch/scenario
//   v1/totals/<YYYY>.json                       TotalsFile: running sums per team and scenario per month, quarter, year
//   v1/runs/<scenario>/<YYYY-MM>.jsonl          HistoryEntry lines, one per run and scenario, by the run's created_at
//   v1/cards/<scenario>/<sha[0:2]>/<sha>.json   the full model card of the newest run at that commit
//
// Why this shape: a pull request needs its baseline and the period's spending. The card of its
// base commit sits at a path computed from the commit (one read); the newest entry of its base
// branch is in index.json (one read, then the card); the spending of the current month, quarter
// and year is one totals file. None of these reads grows with the number of runs recorded. The
// JSONL files are the record itself (what `ml-lca ledger DIR` audits); index and totals are
// derived from them and rewritten in the same commit as each entry.
import { slug } from '../slug.js';
import { entryFromCard } from '../ledger/entries.js';
import { periodOf } from '../ledger/period.js';
import type { PeriodKind } from '../ledger/schema.js';
import type { ModelCard } from '../report/card-schema.js';
import { HISTORY_SCHEMA, HistoryEntry, IndexFile, type PeriodBlock, type PeriodSum, TotalsFile } from './schema.js';

export const LAYOUT = 'v1';
export const INDEX_PATH = `${LAYOUT}/index.json`;
export const README_PATH = 'README.md';

/** A scenario's directory name (the entry keeps the exact name; two names may share a slug). */
export const scenarioDir = (scenario: string) => slug(scenario);
export const totalsPath = (year: number) => `${LAYOUT}/totals/${year}.json`;
export const runsPath = (scenario: string, createdAt: string) => `${LAYOUT}/runs/${scenarioDir(scenario)}/${createdAt.slice(0, 7)}.jsonl`;

/** Commit SHAs are hex; anything else (a ref name from a test, a tag) is reduced to a safe segment. */
export function cardPath(scenario: string, sha: string): string {
  const s = /^[0-9a-f]{7,64}$/i.test(sha) ? sha.toLowerCase() : slug(sha);
  return `${LAYOUT}/cards/${scenarioDir(scenario)}/${s.slice(0, 2)}/${s}.json`;
}

/** Whether a path has the shape cardPath gives (safe to follow from index.json: no `..`, no absolute path). */
export function isCardPath(p: string): boolean {
  return /^v1\/cards\/[A-Za-z0-9_-][A-Za-z0-9._-]*\/[A-Za-z0-9_-][A-Za-z0-9._-]*\/[A-Za-z0-9_-][A-Za-z0-9._-]*\.json$/.test(p);
}

/** What a run hands the store: the compact entry is derived from the card here. */
export interface RunRecord {
  card: ModelCard;
  run: { id: number; attempt: number; repo: string; branch: string; sha: string; created_at: string; job: string | null };
  /** Further card paths the entry keeps (the metrics of the scenario's period budgets). */
  extraMetrics?: readonly string[];
}

export function historyEntry(r: RunRecord, recordedAt: Date): HistoryEntry {
  // entryFromCard keeps the headline blocks (totals, per functional unit, lifetime) + extra metrics.
  const base = entryFromCard(r.card, { run_id: r.run.id, sha: r.run.sha, created_at: r.run.created_at, source: '' }, r.extraMetrics);
  return HistoryEntry.parse({
    run_id: r.run.id,
    attempt: r.run.attempt,
    repo: r.run.repo,
    branch: r.run.branch,
    sha: r.run.sha,
    created_at: base.created_at,
    scenario: r.card.scenario.name,
    team: r.card.scenario.team ?? null,
    job: r.run.job,
    verdict: r.card.verdict,
    tool_version: r.card.tool.version,
    co2e_kg: base.co2e_kg,
    metrics: base.metrics,
    card: cardPath(r.card.scenario.name, r.run.sha),
    recorded_at: recordedAt.toISOString(),
  });
}

/** The same run of the same scenario in the same repository: a re-run replaces it. */
export const sameRun = (a: Pick<HistoryEntry, 'run_id' | 'repo' | 'scenario'>, b: Pick<HistoryEntry, 'run_id' | 'repo' | 'scenario'>) =>
  String(a.run_id) === String(b.run_id) && a.repo === b.repo && a.scenario === b.scenario;

/** Reads the files of one state of the history; null when a file does not exist. */
export type ReadFile = (path: string) => Promise<string | null>;

// ---------- reading

export class HistoryFormatError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'HistoryFormatError';
  }
}

function parseJson<T>(
  text: string,
  file: string,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } },
): T {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new HistoryFormatError(file, 'not JSON');
  }
  if (v && typeof v === 'object' && 'schema' in v && v.schema !== HISTORY_SCHEMA) {
    throw new HistoryFormatError(file, `layout ${JSON.stringify(v.schema)}, this ml-lca reads ${HISTORY_SCHEMA} (upgrade ml-lca)`);
  }
  const r = schema.safeParse(v);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new HistoryFormatError(file, `${i ? `${i.path.map(String).join('.') || '(root)'}: ${i.message}` : 'invalid'}`);
  }
  return r.data;
}

export async function readIndex(read: ReadFile): Promise<IndexFile | null> {
  const text = await read(INDEX_PATH);
  return text === null ? null : parseJson(text, INDEX_PATH, IndexFile);
}

export async function readTotals(read: ReadFile, year: number): Promise<TotalsFile | null> {
  const file = totalsPath(year);
  const text = await read(file);
  return text === null ? null : parseJson(text, file, TotalsFile);
}

/** Entries of a JSONL file; lines that are not entries are returned apart (kept verbatim on rewrite). */
export function parseRunsFile(text: string): { entries: HistoryEntry[]; foreign: string[] } {
  const entries: HistoryEntry[] = [];
  const foreign: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      foreign.push(line);
      continue;
    }
    const r = HistoryEntry.safeParse(v);
    if (r.success) entries.push(r.data);
    else foreign.push(line);
  }
  return { entries, foreign };
}

/** The period labels a date falls in: month, quarter, year. */
export function labelsOf(createdAt: string): Record<PeriodKind, string> {
  return { month: periodOf(createdAt, 'month').label, quarter: periodOf(createdAt, 'quarter').label, year: periodOf(createdAt, 'year').label };
}

// ---------- updating

/** An entry's metric values as the totals sum them (co2e_kg is totals.co2e_kg, clamped at 0). */
function valuesOf(e: HistoryEntry): Record<string, number> {
  return { ...e.metrics, 'totals.co2e_kg': e.co2e_kg };
}

function addTo(s: PeriodSum, e: HistoryEntry, sign: 1 | -1): void {
  s.runs += sign;
  for (const [k, v] of Object.entries(valuesOf(e))) {
    s.sum[k] = (s.sum[k] ?? 0) + sign * v;
    s.count[k] = (s.count[k] ?? 0) + sign;
    if (s.count[k] === 0) {
      // Nothing left: drop the key rather than keep float dust (0.1 + 0.2 - 0.2 - 0.1).
      delete s.sum[k];
      delete s.count[k];
    }
  }
}

function applyToTotals(t: TotalsFile, e: HistoryEntry, sign: 1 | -1): void {
  for (const label of Object.values(labelsOf(e.created_at))) {
    const block: PeriodBlock = (t.periods[label] ??= { teams: {}, scenarios: {} });
    const targets: Array<[Record<string, PeriodSum>, string]> = [[block.scenarios, e.scenario]];
    if (e.team !== null) targets.push([block.teams, e.team]);
    for (const [map, name] of targets) {
      const s = (map[name] ??= { runs: 0, sum: {}, count: {} });
      addTo(s, e, sign);
      if (s.runs <= 0) delete map[name];
    }
  }
}

export interface ApplyResult {
  /** path -> new content, to be written in one commit. */
  files: Map<string, string>;
  /** Entries replaced (a re-run of a recorded run). */
  replaced: HistoryEntry[];
  warnings: string[];
}

/**
 * The files that change when `records` are added to the history as `read` sees it. Pure apart
 * from the reads. A run already recorded (same repo, run id and scenario) is replaced: its
 * entry, its share of the totals, and (when it is still the newest) its place in the index.
 */
export async function applyRecords(read: ReadFile, records: readonly { entry: HistoryEntry; card: ModelCard }[], now: Date): Promise<ApplyResult> {
  const files = new Map<string, string>();
  const warnings: string[] = [];
  const replaced: HistoryEntry[] = [];
  const existing = await readIndex(read);
  const index: IndexFile = existing ?? { schema: HISTORY_SCHEMA, updated_at: now.toISOString(), runs: 0, since: null, years: [], latest: [] };
  const totals = new Map<number, TotalsFile>();
  const totalsOf = async (year: number) => {
    let t = totals.get(year);
    if (!t) {
      t = (await readTotals(read, year)) ?? { schema: HISTORY_SCHEMA, year, periods: {} };
      totals.set(year, t);
    }
    return t;
  };
  const runFiles = new Map<string, { entries: HistoryEntry[]; foreign: string[] }>();

  for (const { entry, card } of records) {
    const file = runsPath(entry.scenario, entry.created_at);
    let rf = runFiles.get(file);
    if (!rf) {
      const text = await read(file);
      rf = text === null ? { entries: [], foreign: [] } : parseRunsFile(text);
      if (rf.foreign.length) warnings.push(`${file}: ${rf.foreign.length} line(s) that are not entries kept as they are`);
      runFiles.set(file, rf);
    }
    const at = rf.entries.findIndex((x) => sameRun(x, entry));
    const old = at >= 0 ? rf.entries[at] : undefined;
    if (old) {
      rf.entries[at] = entry;
      replaced.push(old);
      applyToTotals(await totalsOf(Number(old.created_at.slice(0, 4))), old, -1);
      if (old.job !== entry.job && old.job !== null && entry.job !== null) {
        warnings.push(
          `run ${entry.run_id}: scenario ${entry.scenario} was recorded by job ${old.job} and again by ${entry.job}; the later replaces the earlier (give each matrix job its own scenario name)`,
        );
      }
    } else {
      rf.entries.push(entry);
      index.runs += 1;
    }
    const year = Number(entry.created_at.slice(0, 4));
    applyToTotals(await totalsOf(year), entry, 1);
    if (!index.years.includes(year)) index.years = [...index.years, year].sort((a, b) => a - b);
    updateLatest(index, entry);
    if (index.since === null || Date.parse(entry.created_at) < Date.parse(index.since)) index.since = entry.created_at;
    files.set(entry.card, `${JSON.stringify(card, null, 2)}\n`);
  }

  index.updated_at = now.toISOString();
  for (const [file, rf] of runFiles) files.set(file, [...rf.foreign, ...rf.entries.map((e) => JSON.stringify(e))].join('\n') + '\n');
  for (const [year, t] of totals) files.set(totalsPath(year), `${JSON.stringify(sortTotals(t), null, 1)}\n`);
  files.set(INDEX_PATH, `${JSON.stringify(index, null, 1)}\n`);
  // The first entry creates the history: say what it is to whoever finds the branch.
  if (existing === null && (await read(README_PATH)) === null) files.set(README_PATH, BRANCH_README);
  return { files, replaced, warnings };
}

/** The newest entry per repo, branch and scenario; a re-run of an older run does not displace a newer one. */
function updateLatest(index: IndexFile, e: HistoryEntry): void {
  const i = index.latest.findIndex((x) => x.repo === e.repo && x.branch === e.branch && x.scenario === e.scenario);
  const cur = i >= 0 ? index.latest[i] : undefined;
  if (!cur) index.latest.push(e);
  else if (sameRun(cur, e) || Date.parse(e.created_at) >= Date.parse(cur.created_at)) index.latest[i] = e;
  index.latest.sort((a, b) => a.repo.localeCompare(b.repo) || a.branch.localeCompare(b.branch) || a.scenario.localeCompare(b.scenario));
}

/** Periods in label order (2026, 2026-01, ..., 2026-Q1, ...), names sorted: stable diffs. */
function sortTotals(t: TotalsFile): TotalsFile {
  const sortRec = <V>(r: Record<string, V>) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)));
  const periods = Object.fromEntries(
    Object.entries(t.periods)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([label, b]) => [label, { teams: sortRec(b.teams), scenarios: sortRec(b.scenarios) }]),
  );
  return { ...t, periods };
}

/**
 * Totals rebuilt from entries alone: what the running totals must equal (tests; and a repair
 * if someone edits the JSONL files by hand).
 */
export function totalsFromEntries(entries: readonly HistoryEntry[]): Map<number, TotalsFile> {
  const out = new Map<number, TotalsFile>();
  for (const e of entries) {
    const year = Number(e.created_at.slice(0, 4));
    const t = out.get(year) ?? { schema: HISTORY_SCHEMA, year, periods: {} };
    applyToTotals(t, e, 1);
    out.set(year, t);
  }
  for (const [y, t] of out) out.set(y, sortTotals(t));
  return out;
}

export const BRANCH_README = `# ml-lca history

This branch is written by the ml-lca GitHub Action: one entry per successful assessment of a
push to the default branch, committed through the GitHub API. Do not merge it into your code.

- \`v1/runs/<scenario>/<YYYY-MM>.jsonl\`: one JSON object per run and scenario (run id, attempt,
  repository, branch, commit, the run's created_at, team, verdict, headline metrics, tool
  version, path of the card). This is the record; everything else is derived from it.
- \`v1/cards/<scenario>/<sha[0:2]>/<sha>.json\`: the full model card of the newest run at that commit.
- \`v1/totals/<YYYY>.json\`: running sums per team and per scenario for the year, each quarter
  and each month (UTC), updated in the same commit as each entry.
- \`v1/index.json\`: the newest entry per repository, branch and scenario.

Audit it offline from a checkout: \`ml-lca ledger . --period quarter\`, and
\`ml-lca compare . model-card.json\` compares a card with its baseline here.
`;
