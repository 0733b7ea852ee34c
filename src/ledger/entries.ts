// Model cards -> ledger entries, metric look-up on an entry, and de-duplication by run.
import { createHash } from 'node:crypto';
import { LedgerEntry, type LedgerEntryInput } from './schema.js';
import type { ModelCard } from '../report/card-schema.js';

/** Card blocks whose numeric leaves every entry keeps, so a budget on any of them can be summed. */
const KEPT_BLOCKS = ['totals', 'per_functional_unit', 'lifetime'] as const;

export const DEFAULT_METRIC = 'totals.co2e_kg';

/** The value at a dotted path (`totals.co2e_kg`) when it is a finite number, else null. */
export function numberAt(root: unknown, dotted: string): number | null {
  let cur: unknown = root;
  for (const key of dotted.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return null;
    cur = (cur as Record<string, unknown>)[key];
  }
  return typeof cur === 'number' && Number.isFinite(cur) ? cur : null;
}

export interface RunMeta {
  run_id?: number | string | null;
  sha?: string | null;
  /** When the run happened; defaults to the card's created_at. */
  created_at?: string | null;
  source: string;
}

/**
 * Run identity a card may carry itself (a card written by the action on push can hold
 * `extensions.github: { run_id, sha }`); read leniently, since it is optional data.
 */
function runMetaInCard(card: ModelCard): { run_id: number | string | null; sha: string | null } {
  for (const key of ['github', 'run']) {
    const ext = card.extensions?.[key];
    if (ext && typeof ext === 'object') {
      const e = ext as Record<string, unknown>;
      const run_id = typeof e.run_id === 'number' || (typeof e.run_id === 'string' && e.run_id !== '') ? e.run_id : null;
      const sha = typeof e.sha === 'string' && e.sha !== '' ? e.sha : null;
      if (run_id !== null || sha !== null) return { run_id, sha };
    }
  }
  return { run_id: null, sha: null };
}

/**
 * One entry from one validated card. `extraMetrics` are further card paths to keep (the
 * metrics of the scenario's period budgets). Throws only for a card whose created_at is
 * not a timestamp with a zone; callers turn that into a warning and skip the card.
 */
export function entryFromCard(card: ModelCard, meta: RunMeta, extraMetrics: readonly string[] = []): LedgerEntry {
  const metrics: Record<string, number> = {};
  for (const block of KEPT_BLOCKS) {
    for (const [k, v] of Object.entries(card[block] as Record<string, unknown>)) {
      if (typeof v === 'number' && Number.isFinite(v)) metrics[`${block}.${k}`] = v;
    }
  }
  for (const path of extraMetrics) {
    const v = numberAt(card, path);
    if (v !== null) metrics[path] = v;
  }
  const own = runMetaInCard(card);
  const input: LedgerEntryInput = {
    run_id: meta.run_id ?? own.run_id,
    sha: meta.sha ?? own.sha,
    created_at: meta.created_at ?? card.created_at,
    scenario: card.scenario.name,
    team: card.scenario.team ?? null,
    co2e_kg: Math.max(0, card.totals.co2e_kg),
    metrics,
    source: meta.source,
  };
  return LedgerEntry.parse(input);
}

/** The entry's value of a budget metric, or null when the entry does not carry it. */
export function metricOf(entry: LedgerEntry, metric: string): number | null {
  if (metric === DEFAULT_METRIC) return entry.co2e_kg;
  return entry.metrics[metric] ?? null;
}

/**
 * The key one run is known by: its run id (per scenario, since one run may report several
 * models), else commit + scenario, else a hash of the entry's content (the same card
 * found twice). `source` is left out of the hash: the same card from two places is one run.
 */
export function runKey(e: LedgerEntry): string {
  if (e.run_id !== null) return `run:${String(e.run_id)}:${e.scenario}`;
  if (e.sha !== null) return `sha:${e.sha}:${e.scenario}`;
  const { source: _source, ...content } = e;
  return `hash:${createHash('sha256').update(canonicalJson(content)).digest('hex').slice(0, 16)}`;
}

/**
 * One entry per run. Of duplicates (a re-run attempt, a card downloaded twice) the newest
 * `created_at` wins; on a tie the first seen. Order of first appearance is kept.
 */
export function dedupeEntries(entries: readonly LedgerEntry[]): { entries: LedgerEntry[]; duplicates: number } {
  const d = dedupeRuns(entries, (e) => e);
  return { entries: d.items, duplicates: d.duplicates };
}

/** `dedupeEntries` for anything that has a ledger entry (the dashboard's run records). */
export function dedupeRuns<T>(items: readonly T[], entryOf: (item: T) => LedgerEntry): { items: T[]; duplicates: number } {
  const byKey = new Map<string, { item: T; at: number }>();
  for (const item of items) {
    const e = entryOf(item);
    const key = runKey(e);
    const at = Date.parse(e.created_at);
    const prev = byKey.get(key);
    if (!prev || at > prev.at) byKey.set(key, { item, at });
  }
  return { items: [...byKey.values()].map((v) => v.item), duplicates: items.length - byKey.size };
}

/** JSON with object keys sorted, so equal content hashes equally whatever the key order. */
function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
