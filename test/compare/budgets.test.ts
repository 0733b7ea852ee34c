import { describe, expect, it } from 'vitest';
import { evaluateBudgets, METRICS, valueAtPath, verdictOf } from '../../src/compare/index.js';
import { worstVerdict } from '../../src/compare/schema.js';
import type { Comparison } from '../../src/compare/schema.js';
import { InputError } from '../../src/errors.js';
import type { Budget } from '../../src/scenario/schema.js';
import { nb } from '../report/nbsp.js';

// A head card reduced to what budgets read (numbers chosen to make the arithmetic obvious).
const HEAD = {
  totals: { co2e_kg: 100, energy_kwh: 250, cost_usd: null, water_l: 10 },
  per_functional_unit: { co2e_g: 20, energy_wh: 5 },
  stages: { training: { co2e_kg: 80 }, inference: { co2e_kg: 20 } },
  lifetime: { co2e_kg: 1000 },
};

function comparison(metric: string, base: number | null, head: number | null, comparable = true): Comparison {
  const delta = base !== null && head !== null ? head - base : null;
  return {
    baseline: { source: 'cli', ref: null, sha: null, run_id: null, created_at: null },
    metrics: [{ metric, base, head, delta, delta_pct: delta !== null && base ? (delta / base) * 100 : null, better: 'lower' }],
    consistency: comparable ? [] : ['Grid intensity differs'],
    comparable,
  };
}

describe('absolute budgets', () => {
  it.each([
    // [budget, status, message fragment]
    [{ metric: 'totals.co2e_kg', max: 150 }, 'pass', 'totals.co2e_kg = 100 kg CO2e is within the limit of 150 kg CO2e'],
    [{ metric: 'totals.co2e_kg', max: 100 }, 'pass', 'within'], // equal to the limit passes
    [{ metric: 'totals.co2e_kg', max: 99.9 }, 'fail', 'exceeds the limit of 99.9 kg CO2e'],
    [{ metric: 'totals.co2e_kg', max: 150, warn: 90 }, 'warn', 'exceeds the warning level of 90 kg CO2e (limit 150 kg CO2e)'],
    [{ metric: 'totals.co2e_kg', max: 150, warn: 100 }, 'pass', 'within'],
    [{ metric: 'totals.co2e_kg', max: 50, warn: 40 }, 'fail', 'exceeds the limit'],
    [{ metric: 'per_functional_unit.co2e_g', max: 30 }, 'pass', '20 g CO2e'],
    [{ metric: 'per_functional_unit.co2e_g', max: 10 }, 'fail', 'per_functional_unit.co2e_g = 20 g CO2e exceeds'],
    [{ metric: 'stages.training.co2e_kg', max: 50 }, 'fail', 'stages.training.co2e_kg = 80 kg CO2e'],
    [{ metric: 'totals.cost_usd', max: 10 }, 'warn', 'has no value'],
  ] as const)('%o -> %s', (budget, status, message) => {
    const [r] = evaluateBudgets([budget], HEAD, null);
    expect(r?.status).toBe(status);
    // The report's number style: a non-breaking space between a number and its unit.
    expect(r?.message).toContain(nb(message));
    expect(r?.kind).toBe('absolute');
    expect(r?.limit).toBe(budget.max);
  });

  it.each([
    // Numbers in messages (src/number-format.ts): the card's value as a result (3 significant
    // figures), a limit as stated (up to 4), SI-prefixed, a non-breaking space before the unit:
    // 1,234.5678 kWh -> 1.23 MWh; 1,000 kWh -> 1 MWh; 0.123456 L -> 123 mL.
    [{ metric: 'totals.energy_kwh', max: 1000 }, 'fail', 'totals.energy_kwh = 1.23 MWh exceeds the limit of 1 MWh', null],
    [
      // 1,000.25 kWh at 4 figures is 1.000 MWh; 12,345 kWh is 12.35 MWh
      { metric: 'totals.energy_kwh', max: 12_345, warn: 1000.25 },
      'warn',
      'totals.energy_kwh = 1.23 MWh exceeds the warning level of 1 MWh (limit 12.35 MWh)',
      1000.25,
    ],
    [{ metric: 'totals.water_l', max: 1 }, 'pass', 'totals.water_l = 123 mL is within the limit of 1 L', null],
    [{ metric: 'totals.cost_usd', max: 5 }, 'pass', 'totals.cost_usd = 0 USD is within the limit of 5 USD', null],
    // a card number without a unit (hours are not a compared metric): no unit after the numbers
    [{ metric: 'stages.training.hours', max: 5 }, 'fail', 'stages.training.hours = 10 exceeds the limit of 5', null],
    [
      // 1,234.5 at 4 figures, with a thousands separator
      { metric: 'totals.cost_usd', max: 1234.5 },
      'warn',
      'totals.cost_usd has no value (e.g. cost without a price in the scenario): budget of 1,235 USD not checked',
      null,
    ],
  ] as const)('message %o: %s, "%s"', (budget, status, message, warnLimit) => {
    const head = {
      ...HEAD,
      totals: { co2e_kg: 100, energy_kwh: 1234.5678, water_l: 0.123456, cost_usd: budget.max === 1234.5 ? null : 0 },
      stages: { training: { co2e_kg: 80, hours: 10 } },
    };
    const [r] = evaluateBudgets([budget], head, null);
    expect(r).toEqual({
      metric: budget.metric,
      kind: 'absolute',
      limit: budget.max,
      warn_limit: warnLimit,
      actual: budget.max === 1234.5 ? null : valueAtPath(head, budget.metric),
      status,
      message: nb(message),
    });
  });

  it('rejects an unknown metric, naming budgets[i].metric and listing valid metrics', () => {
    const budgets: Budget[] = [
      { metric: 'totals.co2e_kg', max: 1e9 },
      { metric: 'totals.co2_kg', max: 1 },
    ];
    let err: unknown;
    try {
      evaluateBudgets(budgets, HEAD, null);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const e = err as InputError;
    expect(e.field).toBe('budgets[1].metric');
    expect(e.code).toBe('SCENARIO_INVALID');
    expect(e.got).toBe('"totals.co2_kg"');
    expect(e.expected).toBe(
      `a numeric model-card path: one of ${METRICS.map((m) => m.path).join(', ')}, or stages.<stage>.<field> (stages: training, inference)`,
    );
    expect(e.expected).toContain('totals.co2e_kg, totals.operational_co2e_kg, ');
    expect(e.expected.length).toBeLessThan(700);
    expect(e.hint).toBe('did you mean "totals.co2e_kg"?');
  });

  it.each([
    ['no stages at all', {}],
    ['stages: null', { stages: null }],
  ])('an unknown metric on a card with %s lists "stages: none"', (_what, over) => {
    const head = { totals: { co2e_kg: 1 }, ...over };
    expect(() => evaluateBudgets([{ metric: 'totals.co2_kg', max: 1 }], head, null)).toThrow(/\(stages: none\)/);
  });

  it('rejects a path to an object, not a number', () => {
    expect(() => evaluateBudgets([{ metric: 'totals', max: 1 }], HEAD, null)).toThrow(/budgets\[0\]\.metric/);
  });
});

describe('regression budgets', () => {
  it.each([
    // [base, head, max %, warn %, status, actual]
    [100, 105, 10, undefined, 'pass', 5],
    [100, 110, 10, undefined, 'pass', 10],
    [100, 112, 10, undefined, 'fail', 12],
    [100, 107, 10, 5, 'warn', 7],
    [100, 105, 10, 5, 'pass', 5], // exactly at the warning level: not above it
    [100, 105.5, 10, 5, 'warn', 5.5],
    [100, 110, 10, 5, 'warn', 10], // at the limit, above the warning level
    [100, 90, 0, undefined, 'pass', -10],
    [0, 5, 10, undefined, 'fail', null], // up from 0: infinite increase
    [0, 0, 10, undefined, 'pass', 0],
  ] as const)('base %s -> head %s with max %s%% warn %s%%: %s', (base, head, max, warn, status, actual) => {
    const b: Budget =
      warn === undefined ? { metric: 'totals.co2e_kg', max_increase_pct: max } : { metric: 'totals.co2e_kg', max_increase_pct: max, warn_increase_pct: warn };
    const [r] = evaluateBudgets([b], HEAD, comparison('totals.co2e_kg', base, head));
    expect(r?.status).toBe(status);
    expect(r?.kind).toBe('regression');
    expect(r?.limit).toBe(max);
    if (actual === null) expect(r?.actual).toBeNull();
    else expect(r?.actual).toBeCloseTo(actual, 9);
  });

  it.each([
    // [base, head, max %, warn %, message]
    // (the change with one decimal, the limits as stated; a non-breaking space before `%`)
    [100, 105, 10, undefined, 'totals.co2e_kg changed +5.0 % vs base, within +10 %'],
    [100, 95, 10, undefined, 'totals.co2e_kg changed -5.0 % vs base, within +10 %'],
    [100, 90, 10, undefined, 'totals.co2e_kg changed -10.0 % vs base, within +10 %'],
    [100, 100, 10, undefined, 'totals.co2e_kg changed 0.0 % vs base, within +10 %'],
    [100, 112, 10, undefined, 'totals.co2e_kg rose +12.0 % vs base, above the allowed +10 %'],
    [100, 112.5, 10, undefined, 'totals.co2e_kg rose +12.5 % vs base, above the allowed +10 %'],
    [100, 107, 10, 5, 'totals.co2e_kg rose +7.0 % vs base, above the warning level +5 % (limit +10 %)'],
    [3, 4, 10, undefined, 'totals.co2e_kg rose +33.3 % vs base, above the allowed +10 %'],
    [0, 5, 10, undefined, 'totals.co2e_kg rose up from 0 vs base, above the allowed +10 %'],
    [100, 1600, 2500, undefined, 'totals.co2e_kg changed +1,500 % vs base, within +2,500 %'],
  ] as const)('message when base %s -> head %s', (base, head, max, warn, message) => {
    const b: Budget =
      warn === undefined ? { metric: 'totals.co2e_kg', max_increase_pct: max } : { metric: 'totals.co2e_kg', max_increase_pct: max, warn_increase_pct: warn };
    const [r] = evaluateBudgets([b], HEAD, comparison('totals.co2e_kg', base, head));
    expect(r?.message).toBe(nb(message));
    expect(r?.warn_limit).toBe(warn ?? null);
  });

  it('a higher-is-better metric regresses when it falls', () => {
    // base 100 -> head 80: delta_pct −20 %; for a metric where higher is better that is a +20 % regression.
    const c = comparison('totals.co2e_kg', 100, 80);
    const higher: Comparison = { ...c, metrics: c.metrics.map((m) => ({ ...m, better: 'higher' as const })) };
    const [r] = evaluateBudgets([{ metric: 'totals.co2e_kg', max_increase_pct: 10 }], HEAD, higher);
    expect(r).toMatchObject({ status: 'fail', actual: 20, message: nb('totals.co2e_kg rose +20.0 % vs base, above the allowed +10 %') });
    // and rising is no regression: 100 -> 130 is −30 %
    const up: Comparison = { ...higher, metrics: comparison('totals.co2e_kg', 100, 130).metrics.map((m) => ({ ...m, better: 'higher' as const })) };
    expect(evaluateBudgets([{ metric: 'totals.co2e_kg', max_increase_pct: 10 }], HEAD, up)[0]).toMatchObject({ status: 'pass', actual: -30 });
  });

  it('passes with a clear message when there is no baseline', () => {
    const [r] = evaluateBudgets([{ metric: 'per_functional_unit.co2e_g', max_increase_pct: 10 }], HEAD, null);
    expect(r).toMatchObject({ status: 'pass', message: 'no baseline: regression budget not checked', actual: null });
  });

  it('notes when the cards are not comparable', () => {
    const [r] = evaluateBudgets([{ metric: 'totals.co2e_kg', max_increase_pct: 10 }], HEAD, comparison('totals.co2e_kg', 100, 120, false));
    expect(r?.status).toBe('fail');
    expect(r?.message).toBe(nb('totals.co2e_kg rose +20.0 % vs base, above the allowed +10 % (base and head are not fully comparable, see consistency)'));
  });

  it('warns when the metric is a card number that is not compared', () => {
    const [r] = evaluateBudgets([{ metric: 'lifetime.co2e_kg', max_increase_pct: 10 }], HEAD, comparison('totals.co2e_kg', 100, 100));
    expect(r?.status).toBe('warn');
    expect(r?.actual).toBeNull();
    expect(r?.message).toBe(
      `lifetime.co2e_kg is not among the compared metrics (${METRICS.map((m) => m.path).join(', ')}, stages.<name>.co2e_kg|energy_kwh|water_l|cost_usd): regression budget not checked`,
    );
    expect(r?.message).toContain('(totals.co2e_kg, totals.operational_co2e_kg, ');
  });

  it('passes, saying why, when the base has no value', () => {
    const [r] = evaluateBudgets([{ metric: 'totals.co2e_kg', max_increase_pct: 10 }], HEAD, comparison('totals.co2e_kg', null, 100));
    expect(r?.status).toBe('pass');
    expect(r?.actual).toBeNull();
    expect(r?.message).toBe('totals.co2e_kg: no value in the base card: regression budget not checked');
    const [h] = evaluateBudgets([{ metric: 'totals.co2e_kg', max_increase_pct: 10 }], HEAD, comparison('totals.co2e_kg', 100, null));
    expect(h).toMatchObject({ status: 'pass', actual: null, message: 'totals.co2e_kg: no value in the head card: regression budget not checked' });
  });
});

describe('period budgets and verdict', () => {
  it('skips period budgets (the ledger evaluates them)', () => {
    const budgets: Budget[] = [
      { scope: 'team', period: 'month', metric: 'totals.co2e_kg', max: 1 },
      { metric: 'totals.co2e_kg', max: 1000 },
    ];
    const rs = evaluateBudgets(budgets, HEAD, null);
    expect(rs).toHaveLength(1);
    expect(rs[0]?.kind).toBe('absolute');
  });

  it.each([
    [[], 'pass'],
    [['pass', 'pass'], 'pass'],
    [['pass', 'warn'], 'warn'],
    [['warn', 'fail', 'pass'], 'fail'],
  ] as const)('verdictOf(%o) = %s', (statuses, verdict) => {
    expect(verdictOf(statuses.map((status) => ({ metric: 'm', limit: 1, actual: 1, status, message: '' })))).toBe(verdict);
  });

  it.each([
    [[], 'incomplete'],
    [['pass'], 'incomplete'],
    [['warn', 'fail'], 'incomplete'],
  ] as const)('an incomplete assessment leads: verdictOf(%o, incomplete) = %s', (statuses, verdict) => {
    expect(
      verdictOf(
        statuses.map((status) => ({ metric: 'm', limit: 1, actual: 1, status, message: '' })),
        true,
      ),
    ).toBe(verdict);
  });

  it('severity order: error > incomplete > fail > warn > pass', () => {
    expect(worstVerdict([])).toBe('pass');
    expect(worstVerdict(['warn', 'pass'])).toBe('warn');
    expect(worstVerdict(['fail', 'warn'])).toBe('fail');
    expect(worstVerdict(['fail', 'incomplete', 'warn'])).toBe('incomplete');
    expect(worstVerdict(['incomplete', 'error', 'pass'])).toBe('error');
  });
});
