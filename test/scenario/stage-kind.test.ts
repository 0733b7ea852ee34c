// One rule decides whether a stage is per-inference or up-front (src/scenario/stage-kind.ts), and
// every part of the card follows it: the per-FU terms, the breakeven, SCI, the Hugging Face block.
import { describe, expect, it } from 'vitest';
import { assess, buildInventories } from '../../src/lca/index.js';
import { sci } from '../../src/lca/interpret/disclosure.js';
import { hfCo2EqEmissions } from '../../src/report/hf.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { Scenario } from '../../src/scenario/schema.js';
import { isPerInferenceStage, isUpfrontStage } from '../../src/scenario/stage-kind.js';
import { perTest } from '../per-test.js';

describe('isPerInferenceStage / isUpfrontStage', () => {
  it.each([
    [{ inferences: 1 }, true],
    [{ inferences: 1e6 }, true],
    [{ inferences: 0 }, false],
    [{ inferences: null }, false],
    [{}, false],
  ])('%j is per-inference: %s', (stage, perInference) => {
    expect(isPerInferenceStage(stage)).toBe(perInference);
    expect(isUpfrontStage(stage)).toBe(!perInference);
  });
});

describe('a stage with inferences: 0 is up-front everywhere', () => {
  // training 100 kWh, warmup 20 kWh with inferences: 0, inference 1 kWh for 1,000 inferences;
  // PUE 1, 500 g/kWh, no embodied. Up-front = (100 + 20) × 0.5 = 60 kg; HF block 60,000 g.
  const r = perTest(() =>
    resolveScenario(
      Scenario.parse({
        name: 'zero',
        functional_unit: { description: 'one request', inferences: 1 },
        deployment: { lifetime_inferences: 1e6 },
        grid: { intensity_g_per_kwh: 500 },
        pue: 1,
        hardware: { model: 'X', count: 1, embodied_kg: 0, lifespan_years: 4 },
        stages: { training: { energy_kwh: 100 }, warmup: { energy_kwh: 20, inferences: 0 }, inference: { energy_kwh: 1, inferences: 1000 } },
      }),
    ),
  );
  const res = perTest(() => assess(r, buildInventories(r, {})));

  it('per-FU: amortized, not marginal', () => {
    expect(res.lifetime.upfront_co2e_kg).toBeCloseTo(60, 12);
    expect(res.per_functional_unit.amortized_co2e_g).toBeCloseTo((60 * 1000) / 1e6, 12);
    expect(res.per_functional_unit.marginal_co2e_g).toBeCloseTo((0.5 * 1000) / 1000, 12);
    expect(res.breakeven_inferences).toBeCloseTo((60 * 1000) / 0.5, 6);
  });
  it('HF block: counted with the up-front stages', () => {
    const hf = hfCo2EqEmissions({ scenario: r, stages: res.stages, tool: { version: 't' } });
    expect(hf.emissions).toBeCloseTo(60_000, 9);
    expect(hf.source).toContain('of stages training, warmup (the up-front stages');
  });
  it('SCI: not a per-inference stage', () => {
    expect(sci(r, res)?.stages).toEqual(['inference']);
  });
  it('the scenario warns that it is counted up-front', () => {
    expect(res.warnings).toContain('stages.warmup.inferences is 0: the stage cannot give a per-inference cost and is counted as an up-front cost');
  });
});
