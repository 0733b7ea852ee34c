// Markdown for the budget position: the section of the PR comment and job summary, and the
// tables and chart of `ml-lca ledger`. Pure: positions and totals in, markdown out.
import { markdownTable } from 'markdown-table';
import { escapeMarkdown } from '../report/escape.js';
import { pct, qty, unitOf } from '../report/format.js';
import { niceCeil, themeDirective } from '../report/charts.js';
import { LedgerExtension, type LedgerPosition } from './schema.js';

export { niceCeil };

const ICON = { pass: '✅', warn: '⚠️', fail: '❌' } as const;

/** `12.5 kg CO2e`, SI-prefixed (`1.6 t CO2e`); the bare number when the metric's name gives no unit. */
export function withUnit(v: number, metric: string): string {
  return qty(v, unitOf(metric));
}

/** `████████░░ 80.0 %`: ten cells, full at 100 % and beyond (the percentage still says how far). */
export function textBar(used: number, width = 10): string {
  const clamped = Math.min(100, Math.max(0, used));
  const filled = Math.round((clamped / 100) * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${pct(used / 100)}`;
}

/**
 * The "Period budgets" section: one row per budget with a bar, projected (spent + this
 * change), remaining and the run-out date. Empty string when there are no period budgets.
 */
export function renderLedgerSection(
  positions: readonly LedgerPosition[],
  opts: {
    heading?: string;
    /** false: no head card (the CLI), so no "this change" */
    withChange?: boolean;
    /** The ledger's source (`artifact`, `file:PATH`, `none`, a CLI path), for the footnote. */
    source?: string;
  } = {},
): string {
  if (positions.length === 0) return '';
  const withChange = opts.withChange ?? true;
  const rows = positions.map((p) => {
    const m = p.metric;
    // Card text (a baseline's or a fork's card carries this block): escaped like all of it.
    const who = `${ICON[p.status]} ${p.scope} **${escapeMarkdown(p.name ?? '(none)')}** · ${escapeMarkdown(p.label)}`;
    const runs = `${p.runs} run${p.runs === 1 ? '' : 's'}`;
    const projected = withChange
      ? `${withUnit(p.projected, m)} of ${withUnit(p.max, m)}<br>spent ${withUnit(p.spent, m)} (${runs}) + this change ${withUnit(p.change, m)}`
      : `${withUnit(p.spent, m)} of ${withUnit(p.max, m)} (${runs})`;
    const remaining = p.remaining >= 0 ? withUnit(p.remaining, m) : `**${withUnit(-p.remaining, m)} over**`;
    const rate = `${withUnit(p.burn_rate_per_day, m)}/day`;
    const runOut =
      p.remaining <= 0 && p.projected > 0
        ? `exhausted (${rate})`
        : p.run_out_date
          ? `${escapeMarkdown(p.run_out_date)} at ${rate}`
          : `not this ${p.period} (${rate})`;
    return [who, `\`${textBar(p.used_pct)}\``, projected, remaining, runOut];
  });
  const heading = opts.heading ?? '### Period budgets';
  const title = heading ? `${heading}\n\n` : '';
  const table = markdownTable([['Budget', 'Used', withChange ? 'Projected' : 'Spent', 'Remaining', 'Runs out'], ...rows], { alignDelimiters: false });
  const metrics = [...new Set(positions.map((p) => p.metric))].join(', ');
  return `${title}${table}\n\n<sub>Spent: ${spentFrom(opts.source)}, de-duplicated by run; metric ${escapeMarkdown(metrics)}; periods in UTC.</sub>\n`;
}

function spentFrom(source: string | undefined): string {
  if (source === undefined) return 'runs in the ledger this period';
  if (source === 'artifact') return 'model cards of successful default-branch push runs of this workflow this period';
  if (source === 'none') return 'no ledger of past runs was available, so only this change counts';
  if (source.startsWith('history:')) return `default-branch runs recorded in the history branch ${escapeMarkdown(source.slice('history:'.length))} this period`;
  return `runs in ${escapeMarkdown(source.replace(/^file:/, ''))} this period`;
}

/** One point of a cumulative series: spend up to the end of a UTC day. */
export interface DailyPoint {
  date: string;
  cumulative: number;
}

/**
 * Mermaid xychart-beta: cumulative spend per day of the period, and the budget as a flat
 * line. The x axis covers the days shown (the elapsed days of a current period), so the
 * points are never stretched over days that have not happened.
 */
export function renderCumulativeChart(title: string, points: readonly DailyPoint[], metric: string, budget: number | null): string {
  if (points.length === 0) return '';
  const last = points[points.length - 1]?.cumulative ?? 0;
  const top = niceCeil(Math.max(last, budget ?? 0) * 1.1 || 1);
  const unit = unitOf(metric) || metric;
  const round = (v: number) => Number(v.toPrecision(6));
  const lines = [
    '```mermaid',
    themeDirective(),
    'xychart-beta',
    `  title "${title.replace(/"/g, "'")}"`,
    // A month reads well as dates; a quarter or year of date labels is a smear, so days are numbered.
    points.length <= 31
      ? `  x-axis [${points.map((p) => `"${p.date.slice(5)}"`).join(', ')}]`
      : `  x-axis "day (1 = ${points[0]?.date ?? ''})" 1 --> ${points.length}`,
    `  y-axis "${unit}" 0 --> ${round(top)}`,
    `  line [${points.map((p) => round(p.cumulative)).join(', ')}]`,
  ];
  if (budget !== null) lines.push(`  line [${points.map(() => round(budget)).join(', ')}]`);
  lines.push('```');
  return `${lines.join('\n')}\n`;
}

/**
 * One line per period budget for the top of the PR comment: where it stands with this change,
 * the warning level and the limit both shown. Markdown, escaped; empty when the card has none.
 */
export function ledgerLinesForCard(card: { extensions?: Record<string, unknown> | undefined }): Array<{ status: LedgerPosition['status']; text: string }> {
  const parsed = LedgerExtension.safeParse(card.extensions?.ledger);
  if (!parsed.success) return [];
  return parsed.data.positions.map((p) => {
    const m = p.metric;
    const levels = `${p.warn !== null ? `warn at ${withUnit(p.warn, m)}, ` : ''}limit ${withUnit(p.max, m)}`;
    const said = { pass: '', warn: ', above the warning level', fail: ', over the limit' }[p.status];
    const who = `${p.period} budget of ${p.scope} ${escapeMarkdown(p.name ?? '(none)')}, ${escapeMarkdown(p.label)}`;
    return {
      status: p.status,
      text: `${ICON[p.status]} **${who}** ${withUnit(p.projected, m)} with this change (${pct(p.used_pct / 100)})${said} · ${levels}`,
    };
  });
}

/**
 * The "Period budgets" section for a card (PR comment, job summary, report.md): reads
 * `extensions.ledger` back through its schema; empty string when the card has none.
 */
export function ledgerSectionForCard(card: { extensions?: Record<string, unknown> | undefined }, opts: { heading?: string } = {}): string {
  const parsed = LedgerExtension.safeParse(card.extensions?.ledger);
  return parsed.success ? renderLedgerSection(parsed.data.positions, { ...opts, source: parsed.data.source }) : '';
}
