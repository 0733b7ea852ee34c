// Where the dashboard's runs come from. One small interface, `HistoryReader`, with a reader per
// layout: a directory of model cards (downloaded artifacts, cards kept in a repository) today;
// the history branch of issue 16 plugs in as another reader. `readHistory` picks the reader,
// then de-duplicates runs and sorts them oldest first.
import path from 'node:path';
import { InputError } from '../errors.js';
import type { Io } from '../io.js';
import { dedupeRuns } from '../ledger/entries.js';
import { entryOfRecord } from './budgets.js';
import { type RunRecord, recordFromText } from './record.js';

export interface HistoryRead {
  records: RunRecord[];
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
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]!);
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
    const results = await mapLimit(files, READ_CONCURRENCY, async (f): Promise<{ record: RunRecord } | { warning: string } | null> => {
      const rel = (path.relative(root, f) || path.basename(f)).split(path.sep).join('/');
      if (NEVER_CARDS.test(rel)) return null;
      const size = await io.size(f);
      if (size === null) return null;
      if (size > MAX_CARD_BYTES) return { warning: `${rel}: skipped, ${size} bytes is more than a model card (at most ${MAX_CARD_BYTES})` };
      const got = recordFromText(await io.readText(f), rel);
      return 'reason' in got ? { warning: `${rel}: skipped, ${got.reason}` } : got;
    });
    const records: RunRecord[] = [];
    const warnings: string[] = [];
    for (const r of results) {
      if (r === null) continue;
      if ('record' in r) records.push(r.record);
      else warnings.push(r.warning);
    }
    return { records, warnings };
  },
};

/** Readers tried in order; the first that accepts the directory reads it. */
export const READERS: readonly HistoryReader[] = [cardDirReader];

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
export function dedupeRecords(records: readonly RunRecord[]): { records: RunRecord[]; duplicates: number } {
  const d = dedupeRuns(records, entryOfRecord);
  const sorted = d.items.sort(
    (a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || String(a.run_id ?? '').localeCompare(String(b.run_id ?? ''), 'en', { numeric: true }),
  );
  return { records: sorted, duplicates: d.duplicates };
}
