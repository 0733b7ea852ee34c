// GitHub refuses a step summary over 1 MiB and an output over 1 MB. The summary and the
// report-markdown output stay under them whatever the number of scenarios, dropping detail
// sections first and never a verdict.
import { describe, expect, it } from 'vitest';
import { outputsOf, REPORT_OUTPUT_LIMIT_BYTES } from '../../src/github/outputs.js';
import { reportsWithin, SUMMARY_LIMIT_BYTES, summaryMarkdown } from '../../src/github/summary.js';
import { renderReport } from '../../src/report/markdown.js';
import { sampleCard } from '../report/sample-card.js';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
/** n cards with distinct names (emoji in the name: bytes and characters differ). */
const cards = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    const c = sampleCard();
    return { ...c, scenario: { ...c.scenario, name: `model-${i}-🚀` }, warnings: Array.from({ length: 40 }, (_, k) => `warning ${k}: ${'x'.repeat(200)}`) };
  });

describe('size caps', () => {
  const many = cards(120);
  const full = bytes(many.map((c) => renderReport(c)).join('\n'));

  it('the reports of 120 scenarios are well over both limits untrimmed', () => {
    expect(full).toBeGreaterThan(1.4 * SUMMARY_LIMIT_BYTES);
  });

  it('the job summary stays under 1 MiB, every verdict kept, details trimmed', () => {
    const md = summaryMarkdown(many.map((card) => ({ card, notes: ['Model card artifact: `x`'] })));
    expect(bytes(md)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(SUMMARY_LIMIT_BYTES).toBeLessThan(1024 * 1024);
    for (let i = 0; i < many.length; i++) expect(md).toContain(`ml-lca: model-${i}-🚀: ${many[i]?.verdict.toUpperCase()}`);
    expect(md).toContain('Trimmed to fit');
    expect(md.match(/> Model card artifact/g)).toHaveLength(120);
  });

  it('report-markdown stays under the 1 MB output limit; a small set is passed through as rendered', () => {
    const outcomes = many.map((card, i) => ({ card, cardPath: `/c/${i}`, markdown: renderReport(card) }));
    const out = outputsOf(outcomes)['report-markdown'];
    expect(bytes(out)).toBeLessThanOrEqual(REPORT_OUTPUT_LIMIT_BYTES);
    expect(REPORT_OUTPUT_LIMIT_BYTES).toBeLessThan(1_000_000);
    expect(out).toContain('ml-lca: model-119-🚀');
    const one = outcomes.slice(0, 1);
    expect(outputsOf(one)['report-markdown']).toBe(one[0]?.markdown);
  });

  it('when even the verdicts do not fit, each report is cut to its share, never past the limit', () => {
    const cut = reportsWithin(many, 20_000);
    expect(bytes(cut.join(''))).toBeLessThanOrEqual(20_000);
    expect(cut.every((r) => r.startsWith('## ') && r.endsWith('> Trimmed: the rest is in the model card JSON.\n'))).toBe(true);
  });
});
