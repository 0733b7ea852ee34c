// Reading a ledger: a directory of model cards (downloaded artifacts, or cards kept in a
// repo) or a JSONL file with one LedgerEntry per line. Bad cards in a directory are
// skipped with a warning (a directory of downloads holds other JSON too); a bad JSONL line
// is an error naming its line, since that file is written for us and exists to be exact.
import path from 'node:path';
import type { z } from 'zod';
import { InputError, fromZodError, jsonSyntaxProblem, shortValue } from '../errors.js';
import type { Io } from '../io.js';
import { ModelCard } from '../report/card-schema.js';
import { dedupeEntries, entryFromCard } from './entries.js';
import { LedgerEntry } from './schema.js';
import { suggest } from '../scenario/suggest.js';

export interface LedgerRead {
  entries: LedgerEntry[];
  /** Entries before de-duplication. */
  read: number;
  duplicates: number;
  warnings: string[];
}

/**
 * Where a scenario's period budgets find past spending (`ledger:` key): `history` (the default:
 * the action's history store, its `history` input; `artifact` is the old name and means the
 * same) or a JSONL file.
 */
export type LedgerSetting = { kind: 'history' } | { kind: 'file'; path: string };

export function parseLedgerSetting(value: string | undefined, file?: string): LedgerSetting {
  const v = (value ?? 'history').trim();
  if (v === 'history' || v === 'artifact') return { kind: 'history' };
  const m = /^file:(.+)$/.exec(v);
  if (m?.[1] && m[1].trim() !== '') return { kind: 'file', path: m[1].trim() };
  throw new InputError({
    code: 'SCENARIO_INVALID',
    file,
    field: 'ledger',
    expected: '"history" (the action\'s history branch or artifacts; "artifact" is its old name) or "file:PATH" (a JSONL ledger committed in the repo)',
    got: shortValue(value),
  });
}

/** Parse a JSONL ledger. Blank lines are allowed; anything else must be one LedgerEntry. */
export function parseLedgerJsonl(text: string, file: string): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      // Not quoted: a line that is not JSON may be from a file that is no ledger at all.
      throw new InputError({ code: 'BAD_INPUT', file, line, expected: 'one JSON object per line (JSONL)', got: jsonSyntaxProblem(e, raw).problem });
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new InputError({
        code: 'BAD_INPUT',
        file,
        line,
        expected: 'a JSON object (one ledger entry)',
        got: value === null ? 'null' : Array.isArray(value) ? 'a list' : `a single ${typeof value} value`,
      });
    }
    const withSource = 'source' in value ? value : { ...value, source: `${file}:${line}` };
    const parsed = LedgerEntry.safeParse(withSource);
    if (!parsed.success) {
      const z = fromZodError(parsed.error, { file, input: withSource, code: 'BAD_INPUT', suggest: (key) => suggest(key, Object.keys(LedgerEntry.shape)) });
      throw new InputError({ code: 'BAD_INPUT', file, line, field: z.field, expected: z.expected, got: z.got, hint: z.hint });
    }
    out.push(parsed.data);
  });
  return out;
}

/** One JSONL line per entry (what `parseLedgerJsonl` reads back). */
export function toJsonl(entries: readonly LedgerEntry[]): string {
  return entries.map((e) => JSON.stringify(e)).join('\n') + (entries.length ? '\n' : '');
}

/**
 * A model card from JSON text, or the reason it is not one (for a warning). Shared with the
 * GitHub ledger, which reads the same cards out of artifacts.
 */
export function cardFromText(text: string): { card: ModelCard } | { reason: string } {
  return cardFromTextWith(text, ModelCard);
}

/** `cardFromText` through another card schema (the dashboard reads a lenient subset of the card). */
export function cardFromTextWith<S extends z.ZodType>(text: string, schema: S): { card: z.output<S> } | { reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { reason: 'not JSON' };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { reason: `not an ml-lca model card (${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'})` };
  }
  return { card: parsed.data };
}

const MAX_SKIP_WARNINGS = 5;

/** Entries from every *.json model card below `dir` (recursively). */
export async function readCardDir(dir: string, io: Io, extraMetrics: readonly string[] = []): Promise<{ entries: LedgerEntry[]; warnings: string[] }> {
  let files: string[];
  try {
    files = await io.glob(['**/*.json'], dir);
  } catch {
    files = [];
  }
  const entries: LedgerEntry[] = [];
  const skipped: string[] = [];
  for (const f of files) {
    const rel = path.relative(dir, f) || f;
    // Dependencies are never cards (Node 22's fs.glob, unlike our Node 20 walker, enters them).
    if (/(^|[\\/])(node_modules|\.git)[\\/]/.test(rel)) continue;
    const got = cardFromText(await io.readText(f));
    if ('reason' in got) {
      skipped.push(`${rel}: skipped, ${got.reason}`);
      continue;
    }
    try {
      entries.push(entryFromCard(got.card, { source: rel }, extraMetrics));
    } catch {
      skipped.push(`${rel}: skipped, created_at ${shortValue(got.card.created_at)} is not a timestamp with a zone`);
    }
  }
  // A directory of downloads may hold many other JSON files: name a few, count the rest.
  const warnings = skipped.slice(0, MAX_SKIP_WARNINGS);
  if (skipped.length > MAX_SKIP_WARNINGS) warnings.push(`${skipped.length - MAX_SKIP_WARNINGS} more *.json file(s) skipped (not model cards)`);
  return { entries, warnings };
}

/**
 * Read a ledger from a JSONL file, a single card file, or a directory of cards, then
 * de-duplicate by run. A path that is neither a file nor a directory holding JSON is an error.
 */
export async function readLedger(target: string, io: Io, extraMetrics: readonly string[] = []): Promise<LedgerRead> {
  let entries: LedgerEntry[];
  let warnings: string[] = [];
  if ((await io.size(target)) !== null) {
    const text = await io.readText(target);
    if (/\.json$/i.test(target)) {
      const got = cardFromText(text);
      if ('reason' in got) {
        throw new InputError({ code: 'CARD_INVALID', file: target, expected: 'an ml-lca model card, a JSONL ledger or a directory of cards', got: got.reason });
      }
      entries = [entryFromCard(got.card, { source: path.basename(target) }, extraMetrics)];
    } else {
      entries = parseLedgerJsonl(text, target);
    }
  } else {
    const dir = await readCardDir(target, io, extraMetrics);
    if (dir.entries.length === 0 && dir.warnings.length === 0) {
      throw new InputError({
        code: 'FILE_NOT_FOUND',
        file: target,
        expected: 'a JSONL ledger or a directory holding model cards (*.json)',
        got: 'no such file, or no *.json below it',
      });
    }
    entries = dir.entries;
    warnings = dir.warnings;
  }
  const d = dedupeEntries(entries);
  if (d.duplicates > 0) warnings.push(`${d.duplicates} duplicate run(s) counted once`);
  return { entries: d.entries, read: entries.length, duplicates: d.duplicates, warnings };
}
