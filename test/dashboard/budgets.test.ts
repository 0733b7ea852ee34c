// Budget views against numbers worked out by hand (test/dashboard/history.ts explains them).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetViews, declaredBudgets, periodView, entryOfRecord } from '../../src/dashboard/budgets.js';
import { readHistory } from '../../src/dashboard/history.js';
import type { DashboardRun } from '../../src/dashboard/record.js';
import { memoryIo } from '../../src/io.js';
import { AS_OF, fixtureFiles } from './history.js';

async function fixture(): Promise<DashboardRun[]> {
  const root = path.resolve('/hist');
  const io = memoryIo(Object.fromEntries(Object.entries(fixtureFiles()).map(([k, v]) => [path.join(root, k), v])));
  return (await readHistory(root, io)).records;
}

const latestOf = (records: DashboardRun[]) => [...new Map(records.map((r) => [r.scenario, r])).values()];

describe('team budget view (fixture, as of 2026-03-16T00:00Z)', () => {
  it('spent 60 kg of 100 in March, 4 kg/day, forecast 124 kg, runs out 2026-03-26', async () => {
    const records = await fixture();
    const { views } = budgetViews(records, latestOf(records), new Date(AS_OF));
    const search = views.find((v) => v.scope === 'team' && v.name === 'search')!;
    // 10 + 20 + 15 (ranker) + 5 + 10 (embedder, the duplicate counted once)
    expect(search.spent).toBe(60);
    expect(search.runs).toBe(5);
    expect(search.max).toBe(100);
    expect(search.warn).toBe(80);
    expect(search.budget_from).toBe('ranker');
    expect(search.label).toBe('2026-03');
    expect(search.elapsed_days).toBe(15);
    expect(search.burn_rate_per_day).toBe(4); // 60 / 15
    expect(search.forecast).toBe(124); // 4 × 31
    expect(search.run_out_date).toBe('2026-03-26'); // March 1 + 100 / 4 days
    expect(search.status).toBe('pass'); // 60 ≤ warn 80
    expect(search.by_scenario).toEqual([
      { name: 'ranker', runs: 3, spent: 45 },
      { name: 'embedder', runs: 2, spent: 15 },
    ]);
    expect(search.past).toEqual([{ label: '2026-02', runs: 1, spent: 40 }]);
    // Cumulative at the end of each day from March 1 to the day of `now` (March 16).
    expect(search.daily.date).toHaveLength(16);
    expect(search.daily.cumulative.slice(0, 5)).toEqual([0, 10, 15, 15, 35]);
    expect(search.daily.cumulative.at(-1)).toBe(60);
  });

  it('the hostile card’s team, which has runs but no budget, gets a spending-only month view', async () => {
    const records = await fixture();
    const { views } = budgetViews(records, latestOf(records), new Date(AS_OF));
    const other = views.find((v) => v.name === '<b>team</b>')!;
    expect(other).toMatchObject({ scope: 'team', period: 'month', max: null, status: null, run_out_date: null, spent: 1, runs: 1 });
  });

  it('a warn level crossed reads warn, the limit crossed reads fail with the run-out date today', () => {
    const mk = (kg: number, at: string): DashboardRun => ({
      scenario: 's',
      team: 't',
      functional_unit: null,
      created_at: at,
      repo: null,
      sha: null,
      run_id: at,
      pr: null,
      verdict: 'pass',
      per_fu_co2e_g: 1,
      per_fu_co2e_g_low: null,
      per_fu_co2e_g_high: null,
      co2e_kg: kg,
      energy_kwh: 1,
      metrics: { 'totals.co2e_kg': kg },
      stages: {},
      per_fu_budget: { max: null, warn: null },
      period_budgets: [],
      lifetime: null,
      source: 'x',
    });
    const entries = [mk(50, '2026-01-05T00:00:00Z'), mk(40, '2026-01-06T00:00:00Z')].map(entryOfRecord);
    const now = new Date('2026-01-11T00:00:00Z'); // 10 days into January
    const warn = periodView('team', 't', 'month', 'totals.co2e_kg', { max: 100, warn: 80, from: 's' }, entries, now);
    expect(warn).toMatchObject({ spent: 90, status: 'warn', burn_rate_per_day: 9, run_out_date: '2026-01-12' }); // 100 / 9 = 11.1 days
    const fail = periodView('team', 't', 'month', 'totals.co2e_kg', { max: 85, warn: null, from: 's' }, entries, now);
    expect(fail).toMatchObject({ status: 'fail', run_out_date: '2026-01-11' });
  });

  it('two scenarios of a team declaring different limits: the newer card wins, with a warning naming both', () => {
    const base = { team: 't', period_budgets: [] } as unknown as DashboardRun;
    const a = {
      ...base,
      scenario: 'a',
      created_at: '2026-01-01T00:00:00.000Z',
      period_budgets: [{ scope: 'team', period: 'quarter', metric: 'totals.co2e_kg', max: 10 }],
    };
    const b = {
      ...base,
      scenario: 'b',
      created_at: '2026-01-02T00:00:00.000Z',
      period_budgets: [{ scope: 'team', period: 'quarter', metric: 'totals.co2e_kg', max: 12 }],
    };
    const got = declaredBudgets([b, a] as DashboardRun[]);
    expect(got.budgets).toMatchObject([{ scope: 'team', name: 't', period: 'quarter', max: 12, from: 'b' }]);
    expect(got.warnings).toEqual(['team t quarter budget on totals.co2e_kg: scenario a says 10, b says 12; showing the newer (b)']);
  });
});
