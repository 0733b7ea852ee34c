// The job summary (GITHUB_STEP_SUMMARY): written on every run, also when the comment could not
// be posted, so fork PRs and push runs still show the whole report on the run page.
import type { ModelCard } from '../report/card-schema.js';
import { renderReport } from '../report/markdown.js';
import { type Verdict, VERDICT_SEVERITY, worstVerdict } from '../compare/schema.js';

export type { Verdict } from '../compare/schema.js';

/** Appends markdown to the step summary (core.summary in the action, an array in tests). */
export interface SummaryWriter {
  append(markdown: string): Promise<void>;
}

/** Characters one scenario's report may take in the summary, when the total allows. */
const SUMMARY_REPORT_MAX = 200_000;
/**
 * GitHub refuses a step summary over 1 MiB (and shows none). Ours stays under it in total,
 * however many scenarios, with room for a line of error text appended after it.
 */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 16 * 1024;

const ICON: Record<Verdict, string> = { pass: '✅', warn: '⚠️', fail: '❌', incomplete: '⛔', error: '❌' };

/** Worst of the scenarios' verdicts (error > incomplete > fail > warn > pass): one fail fails the run. */
export function aggregateVerdict(verdicts: readonly Verdict[]): Verdict {
  return worstVerdict(verdicts);
}

export interface SummaryEntry {
  card: ModelCard;
  /** Lines about the run, not the assessment (comment posted / failed, artifact name). */
  notes: string[];
}

/**
 * One summary for the run: with several scenarios an aggregated verdict line comes first, then
 * each scenario's report (the same renderReport text as the comment) and what the action did.
 */
export function summaryMarkdown(entries: readonly SummaryEntry[], limitBytes = SUMMARY_LIMIT_BYTES): string {
  let header = '';
  if (entries.length > 1) {
    const v = aggregateVerdict(entries.map((e) => e.card.verdict));
    const counts = [...VERDICT_SEVERITY]
      .reverse()
      .filter((s) => s !== 'error' && (s !== 'incomplete' || entries.some((e) => e.card.verdict === s)))
      .map((s) => `${entries.filter((e) => e.card.verdict === s).length} ${s}`)
      .join(', ');
    header = `# ${ICON[v]} ml-lca: ${v.toUpperCase()} (${entries.length} scenarios: ${counts})\n`;
  }
  const notes = entries.map((e) => (e.notes.length ? e.notes.map((n) => `> ${n}`).join('\n>\n') + '\n' : ''));
  // Separators, header and notes first; the reports share what is left, details trimmed first.
  const fixed = byteLength(header) + notes.reduce((n, x) => n + byteLength(x), 0) + 2 * entries.length + 1;
  const reports = reportsWithin(
    entries.map((e) => e.card),
    Math.max(0, limitBytes - fixed),
    SUMMARY_REPORT_MAX,
  );
  const parts: string[] = header ? [header] : [];
  entries.forEach((_, i) => {
    parts.push(reports[i] ?? '');
    if (notes[i]) parts.push(notes[i] ?? '');
  });
  return parts.join('\n');
}

const byteLength = (s: string) => Buffer.byteLength(s, 'utf8');

/**
 * Each card's report, all of them together within `limitBytes` (UTF-8): renderReport trims
 * detail sections first and the verdict never; when even the verdicts do not fit (thousands of
 * scenarios), each report is cut to its share.
 */
export function reportsWithin(cards: readonly ModelCard[], limitBytes: number, maxChars = Number.POSITIVE_INFINITY): string[] {
  let chars = Math.min(maxChars, limitBytes);
  let out: string[] = [];
  for (let i = 0; i < 8; i++) {
    out = cards.map((c) => renderReport(c, Number.isFinite(chars) ? { maxChars: chars } : {}));
    const bytes = out.reduce((n, r) => n + byteLength(r), 0);
    if (bytes <= limitBytes) return out;
    chars = Math.floor(Math.min(chars, bytes) * (limitBytes / bytes) * 0.95);
  }
  const share = Math.floor(limitBytes / Math.max(1, cards.length));
  return out.map((r) => cutBytes(r, share));
}

/** The longest prefix of `s` within `n` UTF-8 bytes, never splitting a character. */
function cutBytes(s: string, n: number): string {
  if (byteLength(s) <= n) return s;
  const cut = '\n\n> Trimmed: the rest is in the model card JSON.\n';
  const room = Math.max(0, n - byteLength(cut));
  let end = Math.min(s.length, room);
  while (end > 0 && byteLength(s.slice(0, end)) > room) end = Math.floor(end * 0.9);
  return room > 0 ? `${s.slice(0, end).replace(/[\uD800-\uDBFF]$/, '')}${cut}` : '';
}
