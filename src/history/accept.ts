// A baseline card, wherever it came from (history branch, artifact, a committed file), is
// compared only when it is a valid model card of the same scenario and system boundary.
import { ModelCard } from '../report/card-schema.js';
import type { BaselineMeta } from './store.js';

export interface HeadIdentity {
  name: string;
  boundary: { stages: string[]; flows: string[] };
}

export type BaselineResult =
  | { kind: 'found'; card: ModelCard; meta: BaselineMeta; note?: string | null }
  /** `note` is the plain statement for the reader, or null when no comparison was expected (push, baseline: none). */
  | { kind: 'none'; note: string | null };

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
