// A minimal valid model card for ledger tests: only the numbers the ledger reads vary.
import { ModelCard } from '../../src/report/card-schema.js';

export interface CardOpts {
  scenario: string;
  team?: string | null;
  co2e_kg: number;
  created_at: string;
  energy_kwh?: number;
  extensions?: Record<string, unknown>;
}

export function makeCard(o: CardOpts): ModelCard {
  const card = {
    schema_version: '1.0',
    tool: { name: 'ml-lca', version: '0.1.0' },
    created_at: o.created_at,
    scenario: {
      name: o.scenario,
      team: o.team ?? null,
      functional_unit: { description: '1,000 requests', inferences: 1000 },
      deployment: { lifetime_inferences: 1e9 },
      grid: { region: 'US', intensity_g_per_kwh: 400, intensity_low_g_per_kwh: 350, intensity_high_g_per_kwh: 450, water_intensity_l_per_kwh: 0 },
      pue: 1.2,
      pue_low: 1.1,
      pue_high: 1.3,
      wue_l_per_kwh: 0,
      it_overhead_factor: 1,
      electricity_usd_per_kwh: null,
      gpu_hour_usd: null,
      hardware: { model: 'H100-SXM', known: true, count: 1, power_w: 700, embodied_kg: 164, embodied_low_kg: 100, embodied_high_kg: 200, lifespan_years: 4 },
      stages: { training: { energy_kwh: 1 } },
      budgets: [],
      boundary: { stages: ['training'], flows: ['device_energy'] },
      assumptions: [],
    },
    stages: {},
    totals: {
      energy_kwh: o.energy_kwh ?? 10,
      it_energy_kwh: 8,
      operational_co2e_kg: o.co2e_kg,
      embodied_co2e_kg: 0,
      co2e_kg: o.co2e_kg,
      water_l: 0,
      cost_usd: null,
    },
    per_functional_unit: { co2e_g: 1, energy_wh: 1, water_ml: 0, cost_usd: null, marginal_co2e_g: 0, embodied_co2e_g: 0, amortized_co2e_g: 1 },
    lifetime: { inferences: 1e9, functional_units: 1e6, upfront_co2e_kg: o.co2e_kg, inference_co2e_kg: 0, co2e_kg: o.co2e_kg },
    interpretation: {
      dominant_stage: 'training',
      breakeven_inferences: null,
      sensitivity: [],
      uncertainty: { co2e_kg_low: o.co2e_kg, co2e_kg_high: o.co2e_kg },
      data_quality: [],
    },
    budgets: [],
    verdict: 'pass',
    comparison: null,
    sources: [],
    hf_co2_eq_emissions: {
      emissions: o.co2e_kg * 1000,
      source: 'ml-lca',
      training_type: 'pre-training',
      geographical_location: 'US',
      hardware_used: '1 x H100-SXM',
    },
    ...(o.extensions ? { extensions: o.extensions } : {}),
    warnings: [],
  };
  // Parse, so a schema change that breaks these fixtures fails here with the reason.
  return ModelCard.parse(card);
}
