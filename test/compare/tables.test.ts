// The tables the comparison is built from, as a reader meets them: each compared metric's label
// and unit (the rows of `ml-lca compare` and the PR comment), the per-stage columns, the verdicts
// and their order of severity.
//
// The modules are imported inside the tests, not at the top of the file: their tables are built
// when the module loads, and mutation testing (`npm run mutate`) only counts that load towards a
// test, and runs that test against a changed table, when the load happens during the test.
import { describe, expect, it } from 'vitest';

const metrics = () => import('../../src/compare/metrics.js');
const schema = () => import('../../src/compare/schema.js');

describe('the compared metrics', () => {
  it('each metric: path, unit, label, lower is better', async () => {
    const { METRICS, labelOf, unitOf } = await metrics();
    const rows = [
      ['totals.co2e_kg', 'kg CO2e', 'total CO2e'],
      ['totals.operational_co2e_kg', 'kg CO2e', 'operational CO2e'],
      ['totals.embodied_co2e_kg', 'kg CO2e', 'embodied CO2e'],
      ['totals.energy_kwh', 'kWh', 'facility energy'],
      ['totals.it_energy_kwh', 'kWh', 'IT energy incl. overhead'],
      ['totals.water_l', 'L', 'water'],
      ['totals.cost_usd', 'USD', 'cost'],
      ['per_functional_unit.co2e_g', 'g CO2e', 'CO2e per FU'],
      ['per_functional_unit.marginal_co2e_g', 'g CO2e', 'marginal CO2e per FU'],
      ['per_functional_unit.embodied_co2e_g', 'g CO2e', 'embodied CO2e per FU'],
      ['per_functional_unit.amortized_co2e_g', 'g CO2e', 'amortized CO2e per FU'],
      ['per_functional_unit.energy_wh', 'Wh', 'facility energy per FU'],
      ['per_functional_unit.water_ml', 'mL', 'water per FU'],
      ['per_functional_unit.cost_usd', 'USD', 'cost per FU'],
      ['lifetime.co2e_kg', 'kg CO2e', 'lifetime CO2e'],
    ];
    expect(METRICS.map((m) => [m.path, m.unit, m.label])).toEqual(rows);
    expect(METRICS.map((m) => m.better)).toEqual(rows.map(() => 'lower'));
    // unitOf and labelOf read the same table
    expect(rows.map(([p]) => [p, unitOf(p!), labelOf(p!)])).toEqual(rows);
  });

  it('each stage column: field, unit, label; the label names the stage', async () => {
    const { STAGE_FIELDS, labelOf, unitOf } = await metrics();
    expect(STAGE_FIELDS.map((f) => [f.field, f.unit, f.label])).toEqual([
      ['co2e_kg', 'kg CO2e', 'CO2e'],
      ['energy_kwh', 'kWh', 'facility energy'],
      ['water_l', 'L', 'water'],
      ['cost_usd', 'USD', 'cost'],
    ]);
    expect(['co2e_kg', 'energy_kwh', 'water_l', 'cost_usd'].map((f) => [unitOf(`stages.fine-tune.${f}`), labelOf(`stages.fine-tune.${f}`)])).toEqual([
      ['kg CO2e', 'fine-tune: CO2e'],
      ['kWh', 'fine-tune: facility energy'],
      ['L', 'fine-tune: water'],
      ['USD', 'fine-tune: cost'],
    ]);
  });

  it('labelOf: any other path is its own label', async () => {
    const { labelOf } = await metrics();
    // a stage number that is not a compared column
    expect(labelOf('stages.training.hours')).toBe('stages.training.hours');
    // `stages.` not at the start
    expect(labelOf('interpretation.stages.training.co2e_kg')).toBe('interpretation.stages.training.co2e_kg');
    expect(labelOf('lifetime.upfront_co2e_kg')).toBe('lifetime.upfront_co2e_kg');
  });

  it('numericPaths walks lifetime by default; valueAtPath does not step into a string', async () => {
    const { numericPaths, valueAtPath } = await metrics();
    expect(numericPaths({ lifetime: { co2e_kg: 7 } })).toEqual(['lifetime.co2e_kg']);
    expect(valueAtPath({ scenario: { name: 'abc' } }, 'scenario.name.length')).toBeUndefined();
  });
});

describe('verdicts', () => {
  it('a card verdict is pass, warn, fail or incomplete', async () => {
    const { BudgetStatus, CardVerdict } = await schema();
    expect(CardVerdict.options).toEqual(['pass', 'warn', 'fail', 'incomplete']);
    expect(BudgetStatus.options).toEqual(['pass', 'warn', 'fail']);
    expect(CardVerdict.parse('incomplete')).toBe('incomplete');
  });

  it('severity: error > incomplete > fail > warn > pass; the first of equals is kept', async () => {
    const { VERDICT_SEVERITY, worstVerdict } = await schema();
    expect(VERDICT_SEVERITY).toEqual(['pass', 'warn', 'fail', 'incomplete', 'error']);
    expect(worstVerdict([])).toBe('pass');
    expect(worstVerdict(['pass'])).toBe('pass');
    expect(worstVerdict(['incomplete', 'fail', 'warn'])).toBe('incomplete');
    expect(worstVerdict(['warn', 'error', 'incomplete'])).toBe('error');
    expect(worstVerdict(['fail', 'warn', 'pass'])).toBe('fail');
  });

  it('a budget result may be a period budget; a compared metric may be better higher; a comparison defaults to comparable', async () => {
    const { BudgetResult, ComparedMetric, Comparison } = await schema();
    const r = { metric: 'totals.co2e_kg', kind: 'period', limit: 1, actual: 0.5, status: 'pass', message: 'ok' };
    expect(BudgetResult.parse(r)).toEqual(r);
    const m = { metric: 'x', base: 1, head: 2, delta: 1, delta_pct: 100, better: 'higher' };
    expect(ComparedMetric.parse(m)).toEqual(m);
    const baseline = { source: 'cli', ref: null, sha: null, run_id: null, created_at: null };
    expect(Comparison.parse({ baseline, metrics: [] })).toEqual({ baseline, metrics: [], consistency: [], comparable: true });
  });
});
