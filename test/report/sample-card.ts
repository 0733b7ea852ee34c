// A complete, schema-valid model card for renderer tests, built by hand (not by the engine) so
// the report tests do not depend on the LCA code. Numbers: domain.md worked example 1
// (8 H100 × 0.7 kW × 10 h = 56 kWh; × 0.429 kg/kWh = 24.024 kg; embodied 8 × 164 × 10 / 26,280
// = 0.49924 kg), plus an inference stage of 1,000,000 inferences at 2 kWh facility energy.
import { ModelCard } from '../../src/report/card-schema.js';
import { hfCo2EqEmissions } from '../../src/report/hf.js';

export function sampleCard(over: Partial<ModelCard> = {}): ModelCard {
  const scenario: ModelCard['scenario'] = {
    name: 'chat-7b',
    team: null,
    functional_unit: { description: '1,000 chat requests served', inferences: 1000 },
    deployment: { lifetime_inferences: 1e9 },
    grid: { region: 'US', intensity_g_per_kwh: 429, intensity_low_g_per_kwh: 350, intensity_high_g_per_kwh: 500, water_intensity_l_per_kwh: 0 },
    pue: 1,
    pue_low: 1,
    pue_high: 1.2,
    wue_l_per_kwh: 0,
    it_overhead_factor: 1,
    electricity_usd_per_kwh: null,
    gpu_hour_usd: null,
    gpu_hour_includes_electricity: true,
    hardware: {
      model: 'H100-SXM',
      known: true,
      count: 8,
      power_w: 700,
      embodied_kg: 164,
      embodied_low_kg: 15,
      embodied_high_kg: 463,
      lifespan_years: 3,
      host_embodied_kg: null,
      devices_per_host: 8,
      utilization: 1,
    },
    stages: { training: { hours: 10 }, inference: { energy_kwh: 2, inferences: 1_000_000, hours: 1 } },
    hf: { training_type: null, stages: null },
    budgets: [],
    boundary: { stages: ['training', 'inference'], flows: ['device_energy', 'facility_overhead', 'embodied'] },
    assumptions: [
      { path: 'grid.intensity_g_per_kwh', value: 429, unit: 'g CO2e/kWh', low: 350, high: 500, origin: 'default', source: 'textbook (US average)', year: 2024 },
      { path: 'hardware.embodied_kg', value: 164, unit: 'kg CO2e', low: 15, high: 463, origin: 'default', source: 'NVIDIA HGX H100 PCF ÷ 8', year: 2023 },
    ],
  };
  const training = {
    it_energy_kwh: 56,
    energy_kwh: 56,
    operational_co2e_kg: 24.024,
    embodied_co2e_kg: 0.49924,
    co2e_kg: 24.52324,
    water_l: 0,
    cost_usd: null,
    hours: 10,
    inferences: null,
    energy_origin: 'estimate' as const,
    energy_scope: 'device' as const,
    sources: [],
  };
  const inference = {
    it_energy_kwh: 2,
    energy_kwh: 2,
    operational_co2e_kg: 0.858,
    embodied_co2e_kg: 0.049924,
    co2e_kg: 0.907924,
    water_l: 0,
    cost_usd: null,
    hours: 1,
    inferences: 1_000_000,
    energy_origin: 'logs' as const,
    energy_scope: 'host' as const,
    sources: ['runs/infer/emissions.csv'],
  };
  const stages = { training, inference };
  const tool = { name: 'ml-lca' as const, version: '0.1.0' };
  const card: ModelCard = {
    schema_version: '1.0',
    tool,
    created_at: '2026-01-01T00:00:00.000Z',
    scenario,
    stages,
    totals: { energy_kwh: 58, it_energy_kwh: 58, operational_co2e_kg: 24.882, embodied_co2e_kg: 0.549164, co2e_kg: 25.431164, water_l: 0, cost_usd: null },
    // marginal 0.858 kg / 1e6 inf × 1000 inf/FU = 0.858 g; embodied 0.049924 kg / 1e3 FU = 0.049924 g;
    // amortized 24.52324 kg / (1e9 / 1000) FU = 0.02452324 g.
    per_functional_unit: {
      co2e_g: 0.93244724,
      energy_wh: 2,
      water_ml: 0,
      cost_usd: null,
      marginal_co2e_g: 0.858,
      embodied_co2e_g: 0.049924,
      amortized_co2e_g: 0.02452324,
    },
    lifetime: { inferences: 1e9, functional_units: 1e6, upfront_co2e_kg: 24.52324, inference_co2e_kg: 907.924, co2e_kg: 932.44724 },
    interpretation: {
      dominant_stage: 'training',
      breakeven_inferences: 27_010_000,
      sensitivity: [],
      uncertainty: { co2e_kg_low: 20, co2e_kg_high: 60 },
      data_quality: [],
    },
    budgets: [],
    verdict: 'pass',
    comparison: null,
    sources: [
      {
        path: 'runs/infer/emissions.csv',
        format: 'codecarbon',
        energy_kwh: 2,
        co2e_kg: 0.8,
        water_l: null,
        duration_s: 3600,
        devices: [],
        rows: 12,
        rows_rejected: 1,
        logged_pue: 1.0,
        warnings: ['row 7: negative energy rejected'],
        scope: 'host',
      },
    ],
    hf_co2_eq_emissions: hfCo2EqEmissions({ scenario, stages, tool }),
    warnings: [],
    ...over,
  };
  return ModelCard.parse(card);
}
