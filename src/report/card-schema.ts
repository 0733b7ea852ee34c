// The model card JSON (the artifact). The single source of its type and of the published
// JSON Schema (schema/model-card.schema.json, written by `npm run schema`).
import { z } from 'zod';
import { ResolvedScenario } from '../scenario/resolved.js';
import { Source } from '../ingest/source.js';
import { BudgetResult, CardVerdict, Comparison } from '../compare/schema.js';
import { Interpretation } from '../lca/interpret/schema.js';
import { StageCompleteness } from '../lca/completeness.js';

export const SCHEMA_VERSION = '1.0';

export const StageResult = z.object({
  it_energy_kwh: z.number().meta({ description: 'Whole-server energy before PUE (kWh): device energy × it_overhead_factor, or host-inclusive energy as is' }),
  energy_kwh: z.number().meta({ description: 'Facility energy: it_energy_kwh × PUE (kWh)' }),
  operational_co2e_kg: z.number(),
  embodied_co2e_kg: z.number(),
  co2e_kg: z.number(),
  water_l: z.number(),
  cost_usd: z.number().nullable(),
  hours: z.number().nullable(),
  inferences: z.number().nullable().meta({ description: 'Inferences served while measured; non-null marks a per-inference stage' }),
  energy_origin: z.enum(['logs', 'energy_kwh', 'estimate', 'prometheus']),
  energy_scope: z.enum(['device', 'host']).meta({ description: 'device: got it_overhead_factor; host: already whole-server' }),
  sources: z.array(z.string()).meta({ description: 'Paths of the logs this stage used' }),
  /** Absent only in cards written before ml-lca 0.2 (read back as baselines). */
  completeness: StageCompleteness.optional(),
});
export type StageResult = z.infer<typeof StageResult>;

export const Totals = z.object({
  energy_kwh: z.number(),
  it_energy_kwh: z.number(),
  operational_co2e_kg: z.number(),
  embodied_co2e_kg: z.number(),
  co2e_kg: z.number(),
  water_l: z.number(),
  cost_usd: z.number().nullable(),
});

export const PerFunctionalUnit = z.object({
  co2e_g: z.number().meta({ description: 'marginal + embodied + amortized (g CO2e per functional unit), paper §3.3' }),
  energy_wh: z.number(),
  water_ml: z.number(),
  cost_usd: z.number().nullable(),
  marginal_co2e_g: z.number().meta({ description: 'Operational carbon of producing one unit (per-inference stages)' }),
  embodied_co2e_g: z.number().meta({ description: 'Embodied share of the hardware time one unit used' }),
  amortized_co2e_g: z.number().meta({ description: 'Up-front (experimentation + training) carbon over all lifetime units' }),
});

export const Lifetime = z.object({
  inferences: z.number(),
  functional_units: z.number(),
  upfront_co2e_kg: z.number().meta({ description: 'Stages without inferences (experimentation, training, ...)' }),
  inference_co2e_kg: z.number().meta({ description: 'Per-inference carbon × lifetime inferences' }),
  co2e_kg: z.number(),
});

export const HfCo2EqEmissions = z.object({
  emissions: z.number().meta({
    description:
      'grams CO2e (Hugging Face model card convention): operational CO2e of the stages that produced the model (up-front stages, or hf.stages); embodied excluded',
  }),
  source: z.string().meta({ description: 'What is counted: the stages, operational only, the factors' }),
  training_type: z.string().optional().meta({ description: "pre-training | fine-tuning, from the scenario's hf.training_type; absent when not given" }),
  geographical_location: z.string(),
  hardware_used: z.string(),
});

/** GHG Protocol Scope 2 dual reporting: the market-based figures beside the location-based totals. */
export const MarketBased = z.object({
  intensity_g_per_kwh: z.number().meta({ description: 'Market-based emission factor used (g CO2e/kWh)' }),
  source: z.string(),
  operational_co2e_kg: z.number(),
  co2e_kg: z.number().meta({ description: 'Operational (market-based) + embodied, assessed stages' }),
  per_functional_unit_co2e_g: z.number(),
});
export type MarketBased = z.infer<typeof MarketBased>;

export const ModelCard = z.object({
  schema_version: z.string(),
  tool: z.object({ name: z.literal('ml-lca'), version: z.string() }),
  created_at: z.string(),
  scenario: ResolvedScenario,
  stages: z.record(z.string(), StageResult),
  totals: Totals,
  per_functional_unit: PerFunctionalUnit,
  lifetime: Lifetime,
  interpretation: Interpretation,
  budgets: z.array(BudgetResult),
  verdict: CardVerdict.meta({
    description:
      'pass | warn | fail from the budgets; incomplete when the energy of a stage could not be determined (it leads: see stages.<stage>.completeness)',
  }),
  comparison: Comparison.nullable(),
  sources: z.array(Source),
  hf_co2_eq_emissions: HfCo2EqEmissions,
  /** Market-based results (grid.basis: market); the location-based totals above stay primary. */
  market_based: MarketBased.nullable().optional(),
  /** Optional blocks added by later features (energy disclosure, SCI, ledger position). */
  extensions: z.record(z.string(), z.unknown()).optional(),
  warnings: z.array(z.string()),
});
export type ModelCard = z.infer<typeof ModelCard>;
