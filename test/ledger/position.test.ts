import { describe, expect, it } from 'vitest';
import { nb } from '../report/nbsp.js';
import { evaluatePeriodBudgets } from '../../src/ledger/position.js';
import { LedgerEntry, type LedgerEntryInput } from '../../src/ledger/schema.js';
import type { Budget } from '../../src/scenario/schema.js';
import { makeCard } from './cards.js';

const e = (created_at: string, co2e_kg: number, o: Partial<LedgerEntryInput> = {}): LedgerEntry =>
  LedgerEntry.parse({ created_at, co2e_kg, scenario: 'vision-v2', team: 'vision', ...o });

// Q1 2026 ledger of team vision: 500 + 700 kg in the quarter. The others must not count:
// the last second of 2025 (previous quarter), another team, and an absolute budget.
const ENTRIES = [
  e('2025-12-31T23:59:59Z', 1000, { run_id: 1 }),
  e('2026-01-15T12:00:00Z', 500, { run_id: 2 }),
  e('2026-03-01T01:00:00+02:00', 700, { run_id: 3, scenario: 'detector' }), // 2026-02-28T23:00Z, still Q1
  e('2026-02-01T00:00:00Z', 999, { run_id: 4, team: 'nlp', scenario: 'llm' }),
];
const TEAM_Q: Budget = { scope: 'team', period: 'quarter', metric: 'totals.co2e_kg', max: 2000, warn: 1500 };
const SCENARIO = { name: 'vision-v2', team: 'vision' };
// 2026-03-11T00:00Z is 31 (Jan) + 28 (Feb) + 10 = 69 days into Q1 (90 days).
const NOW = new Date('2026-03-11T00:00:00Z');
const head = (kg: number) => makeCard({ scenario: 'vision-v2', team: 'vision', co2e_kg: kg, created_at: NOW.toISOString() });

describe('evaluatePeriodBudgets: projection, burn rate, run-out date', () => {
  // Hand computation: spent 1200; burn = projected / 69; run-out = Jan 1 + 2000 / burn days.
  it.each([
    // change, projected, remaining, burn/day, forecast (burn × 90), run-out, status
    [180, 1380, 620, 20, 1800, null, 'pass'], // 2000/20 = 100 days > 90: not this quarter
    [400, 1600, 400, 1600 / 69, (1600 / 69) * 90, '2026-03-28', 'warn'], // 2000/(1600/69) = 86.25 days: Jan 1 + 86 = Mar 28
    [900, 2100, -100, 2100 / 69, (2100 / 69) * 90, '2026-03-11', 'fail'], // over now: runs out today
    [800, 2000, 0, 2000 / 69, (2000 / 69) * 90, '2026-03-11', 'warn'], // exactly at max: not over, but exhausted
  ] as const)('this change %i kg -> projected %i', (change, projected, remaining, burn, forecast, runOut, status) => {
    const { results, positions, warnings } = evaluatePeriodBudgets([TEAM_Q], SCENARIO, head(change), ENTRIES, NOW);
    expect(warnings).toEqual([]);
    const p = positions[0];
    expect(p).toMatchObject({
      scope: 'team',
      name: 'vision',
      label: '2026-Q1',
      start: '2026-01-01T00:00:00.000Z',
      end: '2026-04-01T00:00:00.000Z',
      runs: 2,
      spent: 1200,
      change,
      projected,
      remaining,
      elapsed_days: 69,
      period_days: 90,
      run_out_date: runOut,
      status,
      max: 2000,
      warn: 1500,
    });
    expect(p?.burn_rate_per_day).toBeCloseTo(burn, 9);
    expect(p?.forecast).toBeCloseTo(forecast, 6);
    expect(p?.used_pct).toBeCloseTo((projected / 2000) * 100, 9);
    expect(results[0]).toMatchObject({ kind: 'period', metric: 'totals.co2e_kg', limit: 2000, warn_limit: 1500, actual: projected, status });
  });

  it('the message says spent, this change, remaining and the run-out date', () => {
    const r = evaluatePeriodBudgets([TEAM_Q], SCENARIO, head(400), ENTRIES, NOW).results[0];
    expect(r?.message).toBe(
      nb(
        'team vision 2026-Q1: projected 1.6 t CO2e of 2 t CO2e (spent 1.2 t CO2e in 2 runs + this change 400 kg CO2e); 400 kg CO2e remaining; runs out 2026-03-28 at 23.2 kg CO2e/day',
      ),
    );
  });

  it('model scope counts the scenario only, in the current month; budget.team overrides the scenario team', () => {
    const budgets: Budget[] = [
      { metric: 'totals.co2e_kg', max: 1 }, // absolute: not ours
      { scope: 'model', period: 'month', metric: 'totals.co2e_kg', max: 1000 },
      { scope: 'team', team: 'nlp', period: 'year', metric: 'totals.co2e_kg', max: 5000 },
    ];
    const { positions } = evaluatePeriodBudgets(budgets, SCENARIO, head(10), [...ENTRIES, e('2026-03-02T00:00:00Z', 30, { run_id: 9 })], NOW);
    expect(positions.map((p) => [p.scope, p.name, p.label, p.runs, p.spent, p.projected])).toEqual([
      ['model', 'vision-v2', '2026-03', 1, 30, 40],
      ['team', 'nlp', '2026', 1, 999, 1009],
    ]);
  });

  it('an hour into the month the burn rate is over one day, not one hour', () => {
    const budgets: Budget[] = [{ scope: 'model', period: 'month', metric: 'totals.co2e_kg', max: 100 }];
    const p = evaluatePeriodBudgets(budgets, SCENARIO, head(10), [], new Date('2026-03-01T01:00:00Z')).positions[0];
    // 10 kg over 1 day: 10/day, 100 kg lasts 10 days from March 1.
    expect(p).toMatchObject({ elapsed_days: 1, burn_rate_per_day: 10, forecast: 310, run_out_date: '2026-03-11', status: 'pass' });
  });

  it('nothing spent: no burn, no run-out date; a zero budget with spend is 100 % and fails', () => {
    const zero: Budget[] = [{ scope: 'model', period: 'month', metric: 'totals.co2e_kg', max: 0 }];
    expect(evaluatePeriodBudgets(zero, SCENARIO, head(0), [], NOW).positions[0]).toMatchObject({
      burn_rate_per_day: 0,
      run_out_date: null,
      used_pct: 0,
      status: 'pass',
    });
    expect(evaluatePeriodBudgets(zero, SCENARIO, head(5), [], NOW).positions[0]).toMatchObject({ used_pct: 100, status: 'fail', run_out_date: '2026-03-11' });
  });

  it('without a head card (the CLI) only the ledger counts', () => {
    const p = evaluatePeriodBudgets([TEAM_Q], SCENARIO, null, ENTRIES, NOW).positions[0];
    expect(p).toMatchObject({ change: 0, projected: 1200, status: 'pass' });
  });

  it('other metrics are summed from entry.metrics; entries without it are reported', () => {
    const budgets: Budget[] = [{ scope: 'team', period: 'quarter', metric: 'totals.energy_kwh', max: 100 }];
    const entries = [e('2026-02-01T00:00:00Z', 1, { metrics: { 'totals.energy_kwh': 40 } }), e('2026-02-02T00:00:00Z', 1)];
    const ev = evaluatePeriodBudgets(budgets, SCENARIO, head(1), entries, NOW);
    // head card energy_kwh defaults to 10 in makeCard: 40 + 10.
    expect(ev.positions[0]).toMatchObject({ spent: 40, change: 10, projected: 50, runs: 2 });
    expect(ev.warnings).toEqual(['1 ledger run(s) of team vision have no totals.energy_kwh; counted as 0']);
    expect(ev.results[0]?.message).toContain(nb('50 kWh of 100 kWh'));
  });

  it('a team budget with no team anywhere, or a metric the card lacks, is an input error naming the budget', () => {
    const team: Budget[] = [
      { metric: 'totals.co2e_kg', max: 1 },
      { scope: 'team', period: 'month', metric: 'totals.co2e_kg', max: 1 },
    ];
    expect(() => evaluatePeriodBudgets(team, { name: 'x' }, head(1), [], NOW)).toThrow(/budgets\[1\]\.team: expected a team name/);
    const metric: Budget[] = [{ scope: 'model', period: 'month', metric: 'totals.co2_kg', max: 1 }];
    expect(() => evaluatePeriodBudgets(metric, SCENARIO, head(1), [], NOW)).toThrow(/budgets\[0\]\.metric: expected a numeric model card path/);
  });
});
