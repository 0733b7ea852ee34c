// Where the dashboard's runs come from. One small interface, `HistoryReader`, with a reader per
// layout: a directory of model cards (downloaded artifacts, cards kept in a repository) today;
// the history branch of issue 16 plugs in as another reader. `readHistory` picks the reader,
// then de-duplicates runs and sorts them oldest first.
import path from 'node:path';
import { InputError } from '../errors.js';
import type { Io } from '../io.js';
import { dedupeRuns } from '../ledger/entries.js';
import { entryOfRecord } from './budgets.js';
import { historyEntries, isCardPath, isHistoryDir } from '../history/index.js';
import { cardFromTextWith } from '../ledger/read.js';
import { DashboardCard, type DashboardRun, type RunMeta, recordFromEntry, recordFromText } from './record.js';

export interface HistoryRead {
  records: DashboardRun[];
  /** One line per file that was skipped (naming the file) or other doubt about the input. */
  warnings: string[];
}

export interface HistoryReader {
  /** Short name for messages: `cards`, `branch`. */
  kind: string;
  /** Whether `root` looks like this reader's layout. */
  accepts(root: string, io: Io): Promise<boolean>;
  read(root: string, io: Io): Promise<HistoryRead>;
}

/** A card larger than this is not one of ours (ours are tens of KB); skipped unread. */
export const MAX_CARD_BYTES = 8 << 20;

/** Files read at once. */
const READ_CONCURRENCY = 16;

/** `fn` over `items` with at most `limit` calls in flight; results in the order of `items`. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]!, i);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Paths below a history that never hold cards. */
const NEVER_CARDS = /(^|[\\/])(node_modules|\.git)[\\/]/;

/** Every *.json below `root` that parses as an ml-lca model card; the others are named in `warnings`. */
export const cardDirReader: HistoryReader = {
  kind: 'cards',
  async accepts() {
    return true;
  },
  async read(root, io) {
    let files: string[];
    try {
      files = await io.glob(['**/*.json'], root);
    } catch {
      files = [];
    }
    // Reads overlap (a history branch holds thousands of small files); results keep the file order.
    const results = await mapLimit(files, READ_CONCURRENCY, async (f): Promise<{ record: DashboardRun } | { warning: string } | null> => {
      const rel = (path.relative(root, f) || path.basename(f)).split(path.sep).join('/');
      if (NEVER_CARDS.test(rel)) return null;
      const size = await io.size(f);
      if (size === null) return null;
      if (size > MAX_CARD_BYTES) return { warning: `${rel}: skipped, ${size} bytes is more than a model card (at most ${MAX_CARD_BYTES})` };
      const got = recordFromText(await io.readText(f), rel);
      return 'reason' in got ? { warning: `${rel}: skipped, ${got.reason}` } : got;
    });
    const records: DashboardRun[] = [];
    const warnings: string[] = [];
    for (const r of results) {
      if (r === null) continue;
      if ('record' in r) records.push(r.record);
      else warnings.push(r.warning);
    }
    return { records, warnings };
  },
};

/**
 * A checkout (or copy) of the history branch (docs/history.md, layout v1): every JSONL entry is a
 * run, and its card (`entry.card`, a path checked against the layout's shape before it is
 * followed) gives the stages, the uncertainty range, the budgets and the lifetime curve. Two runs
 * of one commit share a card (the later one's): the earlier run then keeps its own numbers from
 * its entry and draws no stages or range. An entry whose card is missing is drawn from its entry
 * alone, and a note says so; period spending always counts every entry, as the action does.
 */
export const branchReader: HistoryReader = {
  kind: 'branch',
  accepts: (root, io) => isHistoryDir(root, io),
  async read(root, io) {
    const got = await historyEntries(root, io);
    const warnings = [...got.warnings];
    const cards = new Map<string, Promise<{ card: DashboardCard } | { reason: string }>>();
    const cardAt = (rel: string) => {
      let p = cards.get(rel);
      if (!p) {
        p = (async () => {
          const file = path.join(root, ...rel.split('/'));
          const size = await io.size(file);
          if (size === null) return { reason: 'missing' };
          if (size > MAX_CARD_BYTES) return { reason: `${size} bytes is more than a model card` };
          return cardFromTextWith(await io.readText(file), DashboardCard);
        })();
        cards.set(rel, p);
      }
      return p;
    };
    let cardless = 0;
    const records = await mapLimit(got.entries, READ_CONCURRENCY, async (e, i) => {
      const source = got.ledger[i]?.source ?? e.card;
      const meta: RunMeta = { repo: e.repo, sha: e.sha, run_id: e.run_id, created_at: e.created_at };
      const c = isCardPath(e.card) ? await cardAt(e.card) : { reason: 'not a card path of the layout' };
      if ('reason' in c) {
        cardless += 1;
        if (c.reason !== 'missing') warnings.push(`${source}: card ${JSON.stringify(e.card.slice(0, 120))} not used: ${c.reason}`);
        return recordFromEntry(e, null, source, meta);
      }
      return recordFromEntry(e, c.card, source, meta);
    });
    if (cardless > 0) warnings.push(`${cardless} run(s) drawn from their history entry alone (no usable card): no stages or uncertainty range for them`);
    return { records: records.filter((r): r is DashboardRun => r !== null), warnings };
  },
};

/** Readers tried in order; the first that accepts the directory reads it. */
export const READERS: readonly HistoryReader[] = [branchReader, cardDirReader];

/**
 * The runs below `root`, one per run (a re-run or a card found twice counts once, the newest
 * `created_at` winning), oldest first. A directory with no usable card is an InputError.
 */
export async function readHistory(root: string, io: Io, readers: readonly HistoryReader[] = READERS): Promise<HistoryRead & { reader: string }> {
  if ((await io.size(root)) !== null) {
    throw new InputError({ code: 'BAD_INPUT', file: root, expected: 'a directory: model cards (*.json) or a checkout of the history branch', got: 'a file' });
  }
  let reader: HistoryReader | undefined;
  for (const r of readers) {
    if (await r.accepts(root, io)) {
      reader = r;
      break;
    }
  }
  const got = reader ? await reader.read(root, io) : { records: [], warnings: [] };
  if (got.records.length === 0) {
    throw new InputError({
      code: 'FILE_NOT_FOUND',
      file: root,
      expected: 'a directory holding ml-lca model cards (*.json) or a checkout of the history branch',
      got: got.warnings.length
        ? `no usable card (${got.warnings.length} file(s) skipped; first: ${got.warnings[0]})`
        : 'no such directory, or no *.json below it',
    });
  }
  const { records, duplicates } = dedupeRecords(got.records);
  const warnings = [...got.warnings];
  if (duplicates > 0) warnings.push(`${duplicates} duplicate run(s) (same run id or commit) counted once`);
  return { records, warnings, reader: reader?.kind ?? 'cards' };
}

/** One record per run (ledger `runKey`: run id, else commit, else content; newest wins), oldest first. */
export function dedupeRecords(records: readonly DashboardRun[]): { records: DashboardRun[]; duplicates: number } {
  const d = dedupeRuns(records, entryOfRecord);
  const sorted = d.items.sort(
    (a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || String(a.run_id ?? '').localeCompare(String(b.run_id ?? ''), 'en', { numeric: true }),
  );
  return { records: sorted, duplicates: d.duplicates };
}
