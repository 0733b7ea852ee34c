// `ml-lca compare` on a terminal: a one-line summary first, then a plain-text table (no markdown
// syntax), in the report's number style (format.ts). `--markdown` prints renderComparison,
// `--json` the comparison itself. Card text (stage names, consistency statements) is printed
// without control characters, so a card from elsewhere cannot move the cursor or recolour.
import type { ComparedMetric, Comparison } from '../compare/schema.js';
import { labelOf, unitOf } from '../compare/metrics.js';
import { deltaPct, NBSP, pair } from './format.js';

/** Text from a card on a terminal: C0/C1 controls (escape sequences) and bidi overrides become spaces. */
function plain(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ');
}

/** The change column in words; a metric missing on one side says which side (a stage only in head or only in base). */
export function changeWord(m: Pick<ComparedMetric, 'base' | 'head' | 'delta' | 'better' | 'within_noise'>): string {
  if (m.delta === null) return m.base === null && m.head === null ? 'no value' : m.base === null ? 'no base value' : 'no head value';
  if (m.within_noise) return 'within noise';
  if (m.delta === 0) return 'unchanged';
  return (m.better === 'lower' ? m.delta < 0 : m.delta > 0) ? 'better' : 'worse';
}

/**
 * `per FU 10.7 → 12.4 g CO2e, +16.3 %, worse; 4 of 27 metrics changed beyond noise`: what a
 * reviewer asks first, in one line.
 */
export function comparisonSummaryLine(c: Comparison): string {
  if (!c.comparable) return `not comparable with the base: ${plain(c.consistency[0] ?? 'the functional unit or the boundary differs')}`;
  const real = c.metrics.filter((m) => m.within_noise === false).length;
  const tail = `${real} of ${c.metrics.length} metrics changed beyond noise`;
  const m = c.metrics.find((x) => x.metric === 'per_functional_unit.co2e_g');
  if (!m || m.base === null || m.head === null) return `per FU: no base or head value; ${tail}`;
  const p = pair(m.base, m.head, unitOf(m.metric));
  return `per FU ${p.base} → ${p.head}${NBSP}${p.unit}, ${deltaPct(m.delta_pct)}, ${changeWord(m)}; ${tail}`;
}

/** Columns padded to their widest cell; numbers right-aligned. */
function textTable(rows: string[][], right: readonly boolean[]): string {
  const width = (s: string) => [...s].length;
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  const line = (r: string[]) =>
    r
      .map((cell, i) => (right[i] ? cell.padStart(widths[i]! + cell.length - width(cell)) : cell.padEnd(widths[i]! + cell.length - width(cell))))
      .join('  ')
      .trimEnd();
  const [head, ...body] = rows;
  return [line(head!), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** The whole terminal output of `ml-lca compare`. */
export function renderComparisonText(c: Comparison): string {
  const b = c.baseline;
  const where = [b.ref, b.sha ? b.sha.slice(0, 7) : null, b.run_id !== null ? `run ${b.run_id}` : null].filter((x) => x !== null).join(' ');
  const lines = [
    comparisonSummaryLine(c),
    '',
    `base: ${plain(where ? `${where} (${b.source})` : b.source)}${b.created_at ? `, created ${plain(b.created_at)}` : ''}`,
    ...(c.consistency.length
      ? c.consistency.map((x) => `- ${plain(x)}`)
      : ['same functional unit and system boundary as the base; lower is better for every metric']),
  ];
  if (c.metrics.length === 0) return lines.join('\n');
  const rows = c.metrics.map((m) => {
    const p = pair(m.base, m.head, unitOf(m.metric));
    return [plain(labelOf(m.metric)), p.unit, p.base, p.head, p.delta, deltaPct(m.delta_pct), changeWord(m)];
  });
  lines.push('', textTable([['metric', 'unit', 'base', 'head', 'Δ', 'Δ %', 'change'], ...rows], [false, false, true, true, true, true, false]));
  return lines.join('\n');
}
