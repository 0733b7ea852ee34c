// Period budgets through the whole report pipeline (buildReport): ledger file named in the
// scenario, ledger passed in by the action, and no ledger at all.
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/io.js';
import { buildReport } from '../../src/pipeline.js';
import { LedgerEntry } from '../../src/ledger/schema.js';
import { LedgerExtension } from '../../src/ledger/schema.js';
import { ledgerSectionForCard } from '../../src/ledger/render.js';

const scenario = (budgets: string, ledger = 'ledger: file:spend.jsonl') => `
name: vision-v2
team: vision
functional_unit: { description: "1,000 images", inferences: 1000 }
deployment: { lifetime_inferences: 1.0e8 }
grid: { intensity_g_per_kwh: 500 }
pue: 1.0
hardware: { model: H100-SXM, count: 1, embodied_kg: 0 }
stages:
  training: { energy_kwh: 100, hours: 10 }
budgets:
${budgets}
${ledger}
`;

// Spend in November 2026 (UTC) for team vision: 250 + 100 (03:00 on Nov 5 at +09:00 is Nov 4 18:00Z).
// February is another month; nlp another team.
const SPEND = [
  '{"run_id": 1, "created_at": "2026-02-27T10:00:00Z", "scenario": "vision-v2", "team": "vision", "co2e_kg": 300}',
  '{"run_id": 2, "created_at": "2026-11-02T10:00:00Z", "scenario": "vision-v2", "team": "vision", "co2e_kg": 250}',
  '{"run_id": 3, "created_at": "2026-11-05T03:00:00+09:00", "scenario": "detector", "team": "vision", "co2e_kg": 100}',
  '{"run_id": 4, "created_at": "2026-11-05T03:00:00Z", "scenario": "llm", "team": "nlp", "co2e_kg": 900}',
].join('\n');
const NOW = new Date('2026-11-21T00:00:00Z');
// This change, by hand: 100 kWh × PUE 1.0 × 0.5 kg/kWh = 50 kg operational; embodied: the H100's
// own figure is set to 0, the bundled 8-GPU server share stays: 2,500 kg ÷ 8 × 10 h ÷ (4 years ×
// 8,760 h) = 0.0892 kg. Total 50.0892 kg.
const CHANGE_KG = 100 * 1.0 * 0.5 + ((2500 / 8) * 10) / (4 * 8760);

function ext(card: { extensions?: Record<string, unknown> | undefined }): LedgerExtension {
  return LedgerExtension.parse(card.extensions?.ledger);
}

describe('buildReport with period budgets', () => {
  it('ledger: file:PATH -> spent + this change, results in budgets, position in extensions.ledger', async () => {
    const io = memoryIo(
      {
        '/p/lca.yml': scenario('  - { scope: team, period: month, max: 500, warn: 300 }\n  - { metric: totals.co2e_kg, max: 1.0e9 }'),
        '/p/spend.jsonl': SPEND,
      },
      { now: NOW },
    );
    const { card } = await buildReport({ scenarioPath: '/p/lca.yml', version: 't' }, io);
    expect(card.totals.co2e_kg).toBeCloseTo(CHANGE_KG, 9);
    const change = CHANGE_KG;
    const p = ext(card).positions[0];
    expect(p).toMatchObject({ scope: 'team', name: 'vision', label: '2026-11', runs: 2, spent: 350 });
    expect(p?.change).toBeCloseTo(change, 9);
    expect(p?.projected).toBeCloseTo(350 + change, 9);
    expect(ext(card).source).toBe('file:spend.jsonl');
    const period = card.budgets.filter((b) => b.kind === 'period');
    expect(period).toHaveLength(1);
    expect(period[0]?.actual).toBeCloseTo(350 + change, 9);
    // 350 + 50.09 = 400.09 kg: above the warning level (300), below the limit (500): the verdict is warn.
    expect(card.verdict).toBe('warn');
    expect(ledgerSectionForCard(card)).toContain('### Period budgets');
  });

  it('the action passes the ledger (artifact); an overrun fails the verdict', async () => {
    const io = memoryIo({ '/p/lca.yml': scenario('  - { scope: model, period: year, max: 100 }', 'ledger: artifact') }, { now: NOW });
    const entries = [LedgerEntry.parse({ run_id: 9, created_at: '2026-01-01T00:00:00Z', scenario: 'vision-v2', co2e_kg: 99 })];
    const { card } = await buildReport({ scenarioPath: '/p/lca.yml', version: 't', ledger: { source: 'artifact', entries, warnings: [] } }, io);
    expect(ext(card).positions[0]).toMatchObject({ scope: 'model', label: '2026', spent: 99, status: 'fail' });
    expect(card.verdict).toBe('fail');
  });

  it('ledger: artifact outside the action: only this change counts, and the card says so', async () => {
    const io = memoryIo({ '/p/lca.yml': scenario('  - { scope: team, period: quarter, max: 1.0e6 }', '') }, { now: NOW });
    const { card, warnings } = await buildReport({ scenarioPath: '/p/lca.yml', version: 't' }, io);
    expect(ext(card)).toMatchObject({ source: 'none', entries: 0 });
    expect(ext(card).positions[0]?.spent).toBe(0);
    expect(warnings.some((w) => /no ledger of past runs/.test(w))).toBe(true);
    expect(card.warnings.some((w) => /no ledger of past runs/.test(w))).toBe(true);
  });

  it('budget-mode off evaluates no period budget; no period budget, no extension', async () => {
    const io = memoryIo({ '/p/lca.yml': scenario('  - { scope: team, period: month, max: 1 }'), '/p/spend.jsonl': SPEND }, { now: NOW });
    const off = await buildReport({ scenarioPath: '/p/lca.yml', version: 't', budgetMode: 'off' }, io);
    expect(off.card.extensions?.ledger).toBeUndefined();
    expect(off.card.budgets).toEqual([]);
    const none = memoryIo({ '/p/lca.yml': scenario('  - { metric: totals.co2e_kg, max: 1.0e9 }') }, { now: NOW });
    expect((await buildReport({ scenarioPath: '/p/lca.yml', version: 't' }, none)).card.extensions?.ledger).toBeUndefined();
  });
});
