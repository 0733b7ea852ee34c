import { describe, expect, it } from 'vitest';
import { hfCo2EqEmissions } from '../../src/report/hf.js';
import { sampleCard } from './sample-card.js';

describe('hfCo2EqEmissions', () => {
  it('reports the up-front stages in grams (HF convention), not the inference stage', () => {
    const card = sampleCard();
    // training only: 24.024 kg op + 0.49924 kg embodied = 24.52324 kg = 24,523.24 g
    const hf = hfCo2EqEmissions(card);
    expect(hf.emissions).toBeCloseTo(24_523.24, 6);
    expect(hf.training_type).toBe('pre-training');
    expect(hf.geographical_location).toBe('US');
    expect(hf.hardware_used).toBe('8 x H100-SXM');
    expect(hf.source).toContain('training');
  });

  it('calls a fine-tuning stage fine-tuning and sums every up-front stage', () => {
    const card = sampleCard();
    const training = card.stages.training!;
    const stages = { experimentation: { ...training, co2e_kg: 1.5 }, 'fine-tune': { ...training, co2e_kg: 2.25 } };
    const scenario = { ...card.scenario, stages: { experimentation: {}, 'fine-tune': { count: 64 } } };
    const hf = hfCo2EqEmissions({ ...card, scenario, stages });
    expect(hf.emissions).toBeCloseTo(3750, 9);
    expect(hf.training_type).toBe('fine-tuning');
    expect(hf.hardware_used).toBe('64 x H100-SXM');
  });

  it('names the intensity when there is no region', () => {
    const card = sampleCard();
    const hf = hfCo2EqEmissions({ ...card, scenario: { ...card.scenario, grid: { ...card.scenario.grid, region: null, intensity_g_per_kwh: 57 } } });
    expect(hf.geographical_location).toBe('grid intensity 57 g CO2e/kWh');
  });
});
