import { describe, expect, it } from 'vitest';
import { hfCo2EqEmissions, hfStages } from '../../src/report/hf.js';
import { sampleCard } from './sample-card.js';

// The Hugging Face block (Hub docs, "Displaying carbon emissions for your model"): `emissions` in
// grams = operational CO2e of the stages that produced the model; embodied excluded.
describe('hfCo2EqEmissions', () => {
  it('reports the operational CO2e of the up-front stages in grams, not embodied, not inference', () => {
    const card = sampleCard();
    // training: 24.024 kg operational (+ 0.49924 kg embodied, not counted) = 24,024 g; inference not counted.
    const hf = hfCo2EqEmissions(card);
    expect(hf.emissions).toBeCloseTo(24_024, 9);
    expect(hf.geographical_location).toBe('US');
    expect(hf.hardware_used).toBe('8 x H100-SXM');
    expect(hf.source).toBe(
      'ml-lca 0.1.0 (ISO 14040/14044 life cycle assessment): operational CO2e of stage training (the up-front stages, i.e. those without inferences): ' +
        'facility energy (PUE 1) × 429 g CO2e/kWh; not counted: embodied (hardware manufacturing) carbon; stage inference',
    );
  });

  it('leaves training_type out unless the scenario gives it: no guessing from stage names', () => {
    const card = sampleCard();
    const training = card.stages.training!;
    // A stage called fine-tune used to be guessed "fine-tuning" and any other "pre-training".
    const stages = { 'fine-tune': { ...training, operational_co2e_kg: 2.25 } };
    const scenario = { ...card.scenario, stages: { 'fine-tune': {} } };
    const guessed = hfCo2EqEmissions({ ...card, scenario, stages });
    expect('training_type' in guessed).toBe(false);
    const given = hfCo2EqEmissions({ ...card, scenario: { ...scenario, hf: { training_type: 'pre-training', stages: null } }, stages });
    expect(given.training_type).toBe('pre-training');
  });

  it('sums every up-front stage, and the largest count any of them held', () => {
    const card = sampleCard();
    const training = card.stages.training!;
    const stages = { experimentation: { ...training, operational_co2e_kg: 1.5 }, 'fine-tune': { ...training, operational_co2e_kg: 2.25 } };
    const scenario = { ...card.scenario, stages: { experimentation: {}, 'fine-tune': { count: 64 } } };
    const hf = hfCo2EqEmissions({ ...card, scenario, stages });
    expect(hf.emissions).toBeCloseTo(3750, 9); // (1.5 + 2.25) kg
    expect(hf.hardware_used).toBe('64 x H100-SXM');
    expect(hf.source).toContain('of stages experimentation, fine-tune (the up-front stages');
  });

  it('counts only hf.stages when the scenario lists them', () => {
    const card = sampleCard();
    const training = card.stages.training!;
    const stages = {
      experimentation: { ...training, operational_co2e_kg: 1.5 },
      training: { ...training, operational_co2e_kg: 2.25 },
      inference: card.stages.inference!,
    };
    const scenario = {
      ...card.scenario,
      stages: { experimentation: {}, training: { count: 16 }, inference: { inferences: 10 } },
      hf: { training_type: 'fine-tuning' as const, stages: ['training'] },
    };
    const hf = hfCo2EqEmissions({ ...card, scenario, stages });
    expect(hf.emissions).toBeCloseTo(2250, 9);
    expect(hf.training_type).toBe('fine-tuning');
    expect(hf.hardware_used).toBe('16 x H100-SXM');
    expect(hf.source).toContain('of stage training (listed in hf.stages)');
    expect(hf.source).toContain('not counted: embodied (hardware manufacturing) carbon; stages experimentation, inference');
  });

  it('counts a stage with inferences: 0 as up-front, as the per-FU terms do (one rule)', () => {
    // Before: the HF block took only stages with inferences === null, the per-FU code those
    // without inferences > 0, so a stage with `inferences: 0` was in neither or both.
    const card = sampleCard();
    const training = card.stages.training!;
    const stages = { training, warmup: { ...training, inferences: 0, operational_co2e_kg: 1 } };
    expect(hfStages({ scenario: card.scenario, stages })).toEqual(['training', 'warmup']);
    expect(hfCo2EqEmissions({ ...card, stages }).emissions).toBeCloseTo(24_024 + 1000, 9);
  });

  it('names the intensity when there is no region', () => {
    const card = sampleCard();
    const hf = hfCo2EqEmissions({ ...card, scenario: { ...card.scenario, grid: { ...card.scenario.grid, region: null, intensity_g_per_kwh: 57 } } });
    expect(hf.geographical_location).toBe('grid intensity 57 g CO2e/kWh');
  });
});
