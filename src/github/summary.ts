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

/** GITHUB_STEP_SUMMARY is limited to 1 MiB per step; keep each report well under it. */
const SUMMARY_REPORT_MAX = 200_000;

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
export function summaryMarkdown(entries: readonly SummaryEntry[]): string {
  const parts: string[] = [];
  if (entries.length > 1) {
    const v = aggregateVerdict(entries.map((e) => e.card.verdict));
    const counts = [...VERDICT_SEVERITY]
      .reverse()
      .filter((s) => s !== 'error' && (s !== 'incomplete' || entries.some((e) => e.card.verdict === s)))
      .map((s) => `${entries.filter((e) => e.card.verdict === s).length} ${s}`)
      .join(', ');
    parts.push(`# ${ICON[v]} ml-lca: ${v.toUpperCase()} (${entries.length} scenarios: ${counts})\n`);
  }
  for (const e of entries) {
    parts.push(renderReport(e.card, { maxChars: SUMMARY_REPORT_MAX }));
    if (e.notes.length) parts.push(e.notes.map((n) => `> ${n}`).join('\n>\n') + '\n');
  }
  return parts.join('\n');
}
