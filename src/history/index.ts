// Public API of the history (baselines and past spending across runs) and the two rules that
// combine a primary store with its fallback: the branch first, artifacts for what the branch
// does not hold yet (before the first push after upgrading; a base branch nobody records).
import { earliestStart } from './periods.js';
import { accept, type BaselineResult, type HeadIdentity } from './accept.js';
import { type BaselineQuery, describeFailure, type HistoryStore, type Spending, type SpendingQuery } from './store.js';

export { accept, boundaryDifference, type BaselineResult, type HeadIdentity } from './accept.js';
export { ArtifactHistory, artifactMatcher, cardFromZip, toBytes, CARD_FILE, type ArtifactApi, type ArtifactInfo, type ArtifactRun } from './artifact.js';
export { DirBackend, MemoryBackend, historyEntries, isHistoryDir, toLedgerEntry } from './dir.js';
export { GitBranchBackend, type GitDataApi } from './git.js';
export { applyRecords, cardPath, historyEntry, INDEX_PATH, isCardPath, runsPath, totalsPath, totalsFromEntries, type RunRecord } from './layout.js';
export { HISTORY_SCHEMA, HistoryEntry, IndexFile, TotalsFile } from './schema.js';
export { HistoryApiError, type BaselineLookup, type BaselineQuery, type HistoryStore, type RecordOutcome, type Spending, type SpendingQuery } from './store.js';
export { TreeHistory, type HistoryBackend } from './tree.js';

/**
 * The baseline from the first store that has one. A card that is found but cannot be compared
 * (another scenario or boundary) ends the search: a newer store has spoken. Never throws.
 */
export async function findBaselineIn(stores: readonly HistoryStore[], q: BaselineQuery, head: HeadIdentity): Promise<BaselineResult> {
  const reasons: string[] = [];
  for (const store of stores) {
    let r: Awaited<ReturnType<HistoryStore['baseline']>>;
    try {
      r = await store.baseline(q);
    } catch (e) {
      reasons.push(`it could not be retrieved from ${store.label} (${describeFailure(e)})`);
      continue;
    }
    if (r.kind === 'none') {
      reasons.push(r.reason);
      continue;
    }
    const a = accept(r.text, r.where, r.meta, head);
    return a.kind === 'found' ? { ...a, note: r.note } : a;
  }
  return { kind: 'none', note: `No baseline: ${reasons.join('; ') || 'no history to read'}; nothing compared.` };
}

/**
 * Past spending for period budgets: the primary store's, plus the fallback's runs from before
 * the primary's record begins (a history branch started this quarter still counts the quarter's
 * earlier runs, as long as their artifacts last). Read failures become warnings, never throws.
 */
export async function findSpendingIn(primary: HistoryStore, fallback: HistoryStore | null, q: SpendingQuery): Promise<Spending> {
  let got: Spending;
  try {
    got = await primary.spending(q);
  } catch (e) {
    const w = `ledger: past runs could not be read from ${primary.label} (${describeFailure(e)})`;
    if (!fallback) return { source: primary.source, entries: [], warnings: [`${w}; spent counts only this change`] };
    const fb = await safeSpending(fallback, q);
    return { ...fb, warnings: [`${w}; counted from ${fallback.label} instead`, ...fb.warnings] };
  }
  if (!fallback || got.since === undefined) return got;
  const start = earliestStart(q.now, q.periods);
  if (got.since !== null && Date.parse(got.since) <= Date.parse(start)) return got;
  // The primary began inside the period (or holds nothing yet): older runs are the fallback's.
  const older = await safeSpending(fallback, { ...q, before: got.since });
  const note = older.entries.length
    ? [
        `ledger: ${older.entries.length} run(s) from before ${primary.label} began${got.since ? ` (${got.since.slice(0, 10)})` : ''} counted from ${fallback.label}`,
      ]
    : [];
  return {
    source: got.source,
    entries: older.entries,
    ...(got.sums ? { sums: got.sums } : {}),
    size: (got.size ?? 0) + older.entries.length,
    since: got.since,
    warnings: [...got.warnings, ...note, ...older.warnings],
  };
}

async function safeSpending(store: HistoryStore, q: SpendingQuery): Promise<Spending> {
  try {
    return await store.spending(q);
  } catch (e) {
    return { source: store.source, entries: [], warnings: [`ledger: past runs could not be listed from ${store.label} (${describeFailure(e)}); not counted`] };
  }
}
