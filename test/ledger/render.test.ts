import { beforeEach, describe, expect, it } from 'vitest';
import { nb } from '../report/nbsp.js';
import { ledgerLinesForCard, ledgerSectionForCard, niceCeil, renderCumulativeChart, renderLedgerSection, textBar } from '../../src/ledger/render.js';
import { themeDirective } from '../../src/report/charts.js';
import { evaluatePeriodBudgets } from '../../src/ledger/position.js';
import { LedgerEntry } from '../../src/ledger/schema.js';
import { makeCard } from './cards.js';

/** mermaid's own parser (happy-dom gives it the DOM it expects): the chart must be valid syntax. */
async function mermaidParse(md: string): Promise<unknown> {
  const { Window } = await import('happy-dom');
  const w = new Window();
  Object.assign(globalThis, { window: w, document: w.document });
  const { default: mermaid } = await import('mermaid');
  return mermaid.parse(md.replace(/^```mermaid\n/, '').replace(/```\n$/, ''));
}

describe('textBar', () => {
  it.each([
    [80, '████████░░ 80.0 %'],
    [0, '░░░░░░░░░░ 0.0 %'],
    [100, '██████████ 100.0 %'],
    [134.6, '██████████ 134.6 %'],
    [4, '░░░░░░░░░░ 4.0 %'],
    [5, '█░░░░░░░░░ 5.0 %'],
  ])('%d%%', (pct, bar) => {
    expect(textBar(pct)).toBe(nb(bar));
  });
});

describe('niceCeil', () => {
  it.each([
    [110, 120],
    [1, 1],
    [0.034, 0.04],
    [2310, 2500],
    [9000.1, 10000],
  ])('%d -> %d', (v, want) => {
    expect(niceCeil(v)).toBe(want);
  });
});

describe('renderLedgerSection', () => {
  const now = new Date('2026-03-11T00:00:00Z');
  const entries = [LedgerEntry.parse({ created_at: '2026-02-01T00:00:00Z', scenario: 'm', team: 'vi|sion @org', co2e_kg: 1200 })];
  const head = makeCard({ scenario: 'm', team: 'vi|sion @org', co2e_kg: 400, created_at: now.toISOString() });
  // (made before each test, not while the file is collected: test/per-test.ts)
  let positions: ReturnType<typeof evaluatePeriodBudgets>['positions'] = [];
  beforeEach(() => {
    positions = evaluatePeriodBudgets(
      [{ scope: 'team', period: 'quarter', metric: 'totals.co2e_kg', max: 2000, warn: 1500 }],
      { name: 'm', team: 'vi|sion @org' },
      head,
      entries,
      now,
    ).positions;
  });

  it('shows bar, projected, remaining and run-out date, with the team name escaped', () => {
    const md = renderLedgerSection(positions);
    expect(md).toContain('### Period budgets');
    // 1600 / 2000 = 80 %
    expect(md).toContain(nb('`████████░░ 80.0 %`'));
    expect(md).toContain(nb('1.6 t CO2e of 2 t CO2e<br>spent 1.2 t CO2e (1 run) + this change 400 kg CO2e'));
    expect(md).toContain(nb('| 400 kg CO2e |'));
    expect(md).toContain(nb('2026-03-28 at 23.2 kg CO2e/day'));
    expect(md).toContain('⚠️ team **vi\\|sion @\u200dorg** · 2026-Q1');
    // Every table row has the same number of unescaped cell separators as the header.
    const rows = md.split('\n').filter((l) => l.startsWith('|'));
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    expect(new Set(rows.map(cells)).size).toBe(1);
  });

  it('over budget says how far over; empty input renders nothing', () => {
    const over = { ...positions[0]!, projected: 2300, remaining: -300, used_pct: 115, status: 'fail' as const, run_out_date: '2026-03-11' };
    const md = renderLedgerSection([over]);
    expect(md).toContain(nb('**300 kg CO2e over**'));
    expect(md).toContain('❌');
    expect(md).toContain(nb('██████████ 115.0 %'));
    expect(md).toContain('| exhausted (');
    expect(renderLedgerSection([])).toBe('');
  });

  it.each([
    ['artifact', 'Spent: model cards of successful default-branch push runs of this workflow this period'],
    ['file:ml/spend.jsonl', 'Spent: runs in ml/spend.jsonl this period'],
    ['none', 'Spent: no ledger of past runs was available, so only this change counts'],
  ])('a card with ledger source %s says where spending came from', (source, note) => {
    const card = { extensions: { ledger: { source, entries: 1, positions, warnings: [] } } };
    expect(ledgerSectionForCard(card)).toContain(note);
  });

  it('one line per period budget for the top of the comment: projected, share, warning level and limit', () => {
    const card = { extensions: { ledger: { source: 'artifact', entries: 1, positions, warnings: [] } } };
    // 1,200 spent + 400 this change = 1,600 of 2,000 (80 %), above the warning level of 1,500
    expect(ledgerLinesForCard(card)).toEqual([
      {
        status: 'warn',
        text: nb(
          '⚠️ **quarter budget of team vi\\|sion @\u200dorg, 2026-Q1** 1.6 t CO2e with this change (80.0 %), above the warning level · warn at 1.5 t CO2e, limit 2 t CO2e',
        ),
      },
    ]);
    expect(ledgerLinesForCard({})).toEqual([]);
  });

  it('a card without (or with a malformed) extensions.ledger renders nothing', () => {
    expect(ledgerSectionForCard({})).toBe('');
    expect(ledgerSectionForCard({ extensions: { ledger: { positions: 'x' } } })).toBe('');
  });
});

describe('renderCumulativeChart', () => {
  const points = [
    { date: '2026-03-01', cumulative: 10 },
    { date: '2026-03-02', cumulative: 10 },
    { date: '2026-03-03', cumulative: 25.5 },
  ];

  it('draws the cumulative line and a flat budget line over the same days', () => {
    const md = renderCumulativeChart('team "vision", 2026-03', points, 'totals.co2e_kg', 100);
    expect(md).toBe(
      [
        '```mermaid',
        themeDirective('xy'),
        'xychart-beta',
        `  title "team 'vision', 2026-03"`,
        '  x-axis ["03-01", "03-02", "03-03"]',
        '  y-axis "kg CO2e" 0 --> 120',
        '  line [10, 10, 25.5]',
        '  line [100, 100, 100]',
        '```',
        '',
      ].join('\n'),
    );
  });

  it('numbers the days of a period longer than a month', () => {
    const quarter = Array.from({ length: 40 }, (_, i) => ({ date: `2026-01-${String(i + 1).padStart(2, '0')}`, cumulative: i }));
    expect(renderCumulativeChart('t', quarter, 'totals.co2e_kg', null)).toContain('  x-axis "day (1 = 2026-01-01)" 1 --> 40\n');
  });

  it('is valid mermaid, with and without a budget, dates or day numbers', async () => {
    const long = Array.from({ length: 90 }, (_, i) => ({ date: '2026-01-01', cumulative: i * 1.5 }));
    await expect(mermaidParse(renderCumulativeChart('t', long, 'totals.co2e_kg', 100))).resolves.toMatchObject({ diagramType: 'xychart' });
    await expect(mermaidParse(renderCumulativeChart('t', points, 'totals.co2e_kg', 100))).resolves.toMatchObject({ diagramType: 'xychart' });
    await expect(mermaidParse(renderCumulativeChart('t', points, 'totals.co2e_kg', null))).resolves.toMatchObject({ diagramType: 'xychart' });
  });
});
