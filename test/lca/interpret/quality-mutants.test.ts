// Killer tests for dataQuality (src/lca/interpret/quality.ts): every finding's exact text, the
// edges of each condition (energy 0, hours 0/null, 1 % rejected rows, 3 vs 4 log warnings, a
// logged factor of null), and the sort (errors, then warnings, then info, each in found order).
// Stage results are written out by hand, so each expected item follows from the inputs alone.
import { describe, expect, it } from 'vitest';
import type { Source } from '../../../src/ingest/source.js';
import { dataQuality } from '../../../src/lca/interpret/quality.js';
import type { StageResult } from '../../../src/report/card-schema.js';
import type { ResolvedScenario } from '../../../src/scenario/resolved.js';
import { inv, scenarioA, source } from './fixtures.js';

/** A clean stage: whole-server energy from logs, with hours. */
function stage(over: Partial<StageResult> = {}): StageResult {
  return {
    it_energy_kwh: 10,
    energy_kwh: 11,
    operational_co2e_kg: 4.4,
    embodied_co2e_kg: 0,
    co2e_kg: 4.4,
    water_l: 0,
    cost_usd: null,
    hours: 10,
    inferences: null,
    energy_origin: 'logs',
    energy_scope: 'host',
    sources: [],
    ...over,
  };
}

/** Scenario A with a server embodied figure, so the boundary finding stays out of the way. */
function scenario(hw: Partial<ResolvedScenario['hardware']> = {}, over: Partial<ResolvedScenario> = {}): ResolvedScenario {
  const base = scenarioA();
  return scenarioA({ hardware: { ...base.hardware, host_embodied_kg: 2500, ...hw }, ...over });
}

const cleanStages = (): Record<string, StageResult> => ({
  experimentation: stage(),
  training: stage(),
  inference: stage({ inferences: 1e5 }),
});

describe('dataQuality: a clean assessment', () => {
  it('reports nothing when every stage, the hardware, the grid and the logs are complete', () => {
    expect(dataQuality(scenario(), {}, cleanStages(), [])).toEqual([]);
  });
});

describe('dataQuality: missing stages', () => {
  it('names the missing experimentation stage and the missing training stage in full', () => {
    // fine-tuning is up-front (no inferences), so 1 per-inference stage < 2 stages: training is looked for.
    const dq = dataQuality(scenario(), {}, { 'fine-tuning': stage(), inference: stage({ inferences: 10 }) }, []);
    expect(dq).toEqual([
      {
        severity: 'warning',
        code: 'no_experimentation_stage',
        message:
          'No experimentation stage: sweeps, ablations and failed runs are outside the boundary; they can add an order of magnitude to the final run (textbook).',
      },
      { severity: 'info', code: 'no_training_stage', message: 'No stage named training: check that the up-front stages cover the training run.' },
    ]);
  });
  it('does not look for training when every stage is per-inference (1 per-inference stage of 1)', () => {
    const dq = dataQuality(scenario(), {}, { experimentation: stage(), inference: stage({ inferences: 10 }) }, []);
    expect(dq.map((d) => d.code)).toEqual(['no_training_stage']);
    const onlyInference = dataQuality(scenario(), {}, { inference: stage({ inferences: 10 }) }, []);
    expect(onlyInference.map((d) => d.code)).toEqual(['no_experimentation_stage']);
  });
  it('names the missing per-inference stage in full', () => {
    const dq = dataQuality(scenario(), {}, { experimentation: stage(), training: stage() }, []);
    expect(dq).toEqual([
      {
        severity: 'warning',
        code: 'no_inference_stage',
        message:
          'No per-inference stage (a stage with inferences): there is no marginal term, the per-FU carbon is only the amortized up-front carbon, and no breakeven can be computed.',
      },
    ]);
  });
});

describe('dataQuality: hardware and grid', () => {
  it('says embodied carbon is counted as 0 when there is no embodied figure', () => {
    const dq = dataQuality(scenario({ embodied_kg: null, embodied_low_kg: null, embodied_high_kg: null }), {}, cleanStages(), []);
    expect(dq).toEqual([
      {
        severity: 'warning',
        code: 'no_embodied_data',
        message: 'No embodied (manufacturing) carbon for H100-SXM: embodied carbon is counted as 0; set hardware.embodied_kg.',
      },
    ]);
  });
  const noRange = {
    severity: 'info',
    code: 'no_embodied_range',
    message: 'Embodied carbon of H100-SXM has no low/high range: its uncertainty is not propagated.',
  };
  it.each([
    { low: null, high: 463 },
    { low: 15, high: null },
    { low: 164, high: 164 },
  ])('says the embodied figure has no range when low $low / high $high', ({ low, high }) => {
    expect(dataQuality(scenario({ embodied_low_kg: low, embodied_high_kg: high }), {}, cleanStages(), [])).toEqual([noRange]);
  });
  it('says unknown hardware comes from the scenario', () => {
    const dq = dataQuality(scenario({ model: 'Z9000', known: false }), {}, cleanStages(), []);
    expect(dq).toEqual([
      {
        severity: 'info',
        code: 'hardware_not_in_data',
        message: 'Z9000 is not in the bundled hardware data: power, embodied and lifespan come from the scenario.',
      },
    ]);
  });
  it('says a grid intensity without a range is not propagated', () => {
    const base = scenarioA();
    const r = scenario({}, { grid: { ...base.grid, intensity_low_g_per_kwh: 400, intensity_high_g_per_kwh: 400 } });
    expect(dataQuality(r, {}, cleanStages(), [])).toEqual([
      { severity: 'info', code: 'no_grid_range', message: 'Grid intensity has no low/high range: its uncertainty is not propagated.' },
    ]);
  });
});

describe('dataQuality: per-stage findings', () => {
  const withStage = (s: StageResult, inventories = {}, over: Partial<ResolvedScenario> = {}) =>
    dataQuality(scenario({}, over), inventories, { ...cleanStages(), training: s }, []);

  it('warns that device-only energy without an IT overhead misses the host (TEXTBOOK_IT_OVERHEAD = 1.375, parameters.ts)', () => {
    expect(withStage(stage({ energy_scope: 'device' }))).toEqual([
      {
        severity: 'warning',
        code: 'device_only_without_overhead',
        stage: 'training',
        message:
          "Stage training: device-only energy (GPU power logs or hours × power) with it_overhead_factor 1 misses host CPU, RAM and network; the textbook's DGX H100 profile adds 1.375×.",
      },
    ]);
  });
  it('does not warn about device-only energy once an IT overhead is set', () => {
    expect(withStage(stage({ energy_scope: 'device' }), {}, { it_overhead_factor: 1.5 })).toEqual([]);
  });
  it('gives a stage with no energy one error only: not device-only, not without hours', () => {
    expect(withStage(stage({ energy_scope: 'device', it_energy_kwh: 0, energy_kwh: 0, hours: null }))).toEqual([
      { severity: 'error', code: 'stage_without_energy', stage: 'training', message: 'Stage training has no energy: its operational carbon is 0.' },
    ]);
  });
  it.each([null, 0])('warns about a stage with energy but hours %s', (hours) => {
    expect(withStage(stage({ hours }))).toEqual([
      {
        severity: 'warning',
        code: 'stage_without_hours',
        stage: 'training',
        message: 'Stage training has energy but no hours: no embodied carbon is attributed to it; set stages.training.hours.',
      },
    ]);
  });
  it('warns about estimated energy', () => {
    expect(withStage(stage({ energy_origin: 'estimate' }))).toEqual([
      {
        severity: 'warning',
        code: 'estimate_based_energy',
        stage: 'training',
        message: 'Stage training: energy is an estimate (hours × count × power_w), not a measurement; a power log removes this.',
      },
    ]);
  });
  it("passes on the inventory's warnings, one info each", () => {
    expect(withStage(stage(), { training: inv({ warnings: ['gap of 2 h', 'clock skew'] }) })).toEqual([
      { severity: 'info', code: 'inventory_warning', stage: 'training', message: 'Stage training: gap of 2 h' },
      { severity: 'info', code: 'inventory_warning', stage: 'training', message: 'Stage training: clock skew' },
    ]);
  });
});

describe('dataQuality: per-log findings', () => {
  const withSource = (s: Source) => dataQuality(scenario(), {}, cleanStages(), [s]);

  it('reports nothing for a complete log (no rejected rows, no warnings, no logged factor or PUE)', () => {
    expect(withSource(source({ path: 'a.csv', logged_intensity_g_per_kwh: null }))).toEqual([]);
  });
  it('gives a log without energy an error', () => {
    expect(withSource(source({ path: 'a.csv', energy_kwh: null }))).toEqual([
      { severity: 'error', code: 'log_without_energy', source: 'a.csv', message: 'a.csv: no energy could be derived from this log.' },
    ]);
  });
  it.each([
    // 1 / 100 = 0.01: not over 1 %, so info.
    { rows: 100, rejected: 1, severity: 'info', pct: '1.0' },
    // 2 / 100 = 0.02 > 0.01: a warning.
    { rows: 100, rejected: 2, severity: 'warning', pct: '2.0' },
    // no accepted rows to divide by: the whole log counts as rejected, 100 %.
    { rows: 0, rejected: 3, severity: 'warning', pct: '100.0' },
  ])('reports $rejected of $rows rejected rows as $severity ($pct %)', ({ rows, rejected, severity, pct }) => {
    expect(withSource(source({ path: 'a.csv', rows, rows_rejected: rejected }))).toEqual([
      {
        severity,
        code: 'rows_rejected',
        source: 'a.csv',
        message: `a.csv: ${rejected} of ${rows} rows rejected (${pct} %); the energy range is widened by that share.`,
      },
    ]);
  });
  it.each([
    { warnings: ['w1', 'w2', 'w3'], shown: 'w1; w2; w3' },
    { warnings: ['w1', 'w2', 'w3', 'w4'], shown: 'w1; w2; w3; …' },
  ])("lists at most 3 of the log's warnings: $shown", ({ warnings, shown }) => {
    expect(withSource(source({ path: 'a.csv', warnings }))).toEqual([
      { severity: 'info', code: 'log_warnings', source: 'a.csv', message: `a.csv: ${warnings.length} warning(s): ${shown}` },
    ]);
  });
  it.each([
    // 1234.5 ≥ 100: rounded with a thousands separator; 1234.5 / 400 = 3.08625 → 3.09×.
    { logged: 1234.5, text: '1,235', apart: '3.09×' },
    // 12.34 < 100: 3 significant digits; 400 / 12.34 = 32.415 → 32.4×.
    { logged: 12.34, text: '12.3', apart: '32.4×' },
    // 0: 400 / 0 = Infinity, said as "far".
    { logged: 0, text: '0', apart: 'far' },
  ])("reports a logged factor of $logged g/kWh against the scenario's 400 ($apart)", ({ logged, text, apart }) => {
    expect(withSource(source({ path: 'a.csv', logged_intensity_g_per_kwh: logged }))).toEqual([
      {
        severity: 'warning',
        code: 'logger_factor_mismatch',
        source: 'a.csv',
        message: `a.csv: the logger's own emission factor is ${text} g CO2e/kWh, the scenario's 400 g CO2e/kWh (XX): ${apart} apart. A location mismatch is the usual cause; ml-lca applies the scenario's factor, so check grid.region.`,
      },
    ]);
  });
  it("says the logger's PUE was divided out", () => {
    expect(withSource(source({ path: 'a.csv', logged_pue: 1.2 }))).toEqual([
      {
        severity: 'info',
        code: 'logged_pue_divided_out',
        source: 'a.csv',
        message: "a.csv: the logger's PUE 1.2 was divided out; the scenario's PUE is applied once.",
      },
    ]);
  });
});

describe('dataQuality: order', () => {
  it('puts errors first, then warnings, then info, each in the order found', () => {
    // Found order: no_experimentation_stage (warning), hardware_not_in_data (info),
    // stage_without_energy (error), estimate_based_energy (warning), log_without_energy (error),
    // logged_pue_divided_out (info).
    const dq = dataQuality(
      scenario({ model: 'Z9000', known: false }),
      {},
      { training: stage({ it_energy_kwh: 0, energy_kwh: 0 }), inference: stage({ inferences: 10, energy_origin: 'estimate' }) },
      [source({ path: 'a.csv', energy_kwh: null, logged_pue: 1.2 })],
    );
    expect(dq.map((d) => d.code)).toEqual([
      'stage_without_energy',
      'log_without_energy',
      'no_experimentation_stage',
      'estimate_based_energy',
      'hardware_not_in_data',
      'logged_pue_divided_out',
    ]);
  });
});
