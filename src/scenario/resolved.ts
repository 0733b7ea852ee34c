// The scenario after defaults are resolved from src/data/: every number the LCA uses,
// each with where it came from. This is what the model card carries as `scenario`.
import { z } from 'zod';
import { Reference } from '../data/sources.js';
import { Budget, Deployment, FunctionalUnit, HfTrainingType, Stage } from './schema.js';

export const Origin = z.enum(['scenario', 'default', 'derived', 'cli']).meta({
  description: 'scenario: set in the scenario file; default: bundled reference data; derived: computed from other values; cli: a command-line flag',
});

/** One assumption the result rests on, shown to reviewers with its source. */
export const Assumption = z.object({
  path: z.string().meta({ description: 'Scenario path the value fills, e.g. grid.intensity_g_per_kwh' }),
  value: z.union([z.number(), z.string()]),
  unit: z.string(),
  low: z.number().optional(),
  high: z.number().optional(),
  origin: Origin,
  source: z.string().meta({ description: 'Citation: publication, dataset or file (readable text)' }),
  year: z.number().int().nullable(),
  note: z.string().optional(),
  references: z
    .array(Reference)
    .optional()
    .meta({ description: 'Structured citations of `source`: title, publisher, year, URL, licence (absent in cards written before 0.2)' }),
});
export type Assumption = z.infer<typeof Assumption>;

export const ResolvedScenario = z.object({
  name: z.string(),
  team: z.string().nullable(),
  functional_unit: FunctionalUnit,
  deployment: Deployment,
  grid: z.object({
    region: z.string().nullable(),
    intensity_g_per_kwh: z.number(),
    intensity_low_g_per_kwh: z.number(),
    intensity_high_g_per_kwh: z.number(),
    water_intensity_l_per_kwh: z.number(),
    year: z.number().int().nullable().optional().meta({ description: 'Data year of the grid intensity (null: given in the scenario)' }),
    requested_year: z.number().int().nullable().optional().meta({ description: 'Year asked for: grid.year, else the year of the run' }),
    basis: z.enum(['location', 'market']).optional(),
    market_intensity_g_per_kwh: z.number().nullable().optional().meta({ description: 'Market-based factor (g CO2e/kWh) when basis is market' }),
    cfe_pct: z.number().nullable().optional().meta({ description: 'Carbon-free energy share (%) behind the market-based factor' }),
  }),
  pue: z.number(),
  pue_low: z.number(),
  pue_high: z.number(),
  wue_l_per_kwh: z.number(),
  it_overhead_factor: z.number(),
  electricity_usd_per_kwh: z.number().nullable(),
  gpu_hour_usd: z.number().nullable(),
  // Fields added after schema 1.0 carry defaults, so cards written before them still parse
  // (a baseline card from the base branch).
  gpu_hour_includes_electricity: z
    .boolean()
    .default(true)
    .meta({ description: 'true: gpu_hour_usd pays for electricity too, which is then not added where the GPU-hour price applies' }),
  hardware: z.object({
    model: z.string(),
    known: z.boolean().meta({ description: 'false when the model is not in the bundled data (values from the scenario)' }),
    count: z.number().int(),
    power_w: z.number().nullable(),
    embodied_kg: z.number().nullable(),
    embodied_low_kg: z.number().nullable(),
    embodied_high_kg: z.number().nullable(),
    lifespan_years: z.number(),
    host_embodied_kg: z
      .number()
      .nullable()
      .default(null)
      .meta({ description: 'kg CO2e per server without accelerators; null: server embodied carbon is outside the boundary' }),
    devices_per_host: z.number().int().positive().default(8),
    utilization: z.number().positive().max(1).default(1).meta({ description: 'Share of the lifespan the hardware is in use' }),
  }),
  stages: z.record(z.string(), Stage),
  /** The scenario's `hf` key as given: nulls where it says nothing. */
  hf: z.object({ training_type: HfTrainingType.nullable(), stages: z.array(z.string()).nullable() }).default({ training_type: null, stages: null }),
  budgets: z.array(Budget),
  /** ISO 14044 system boundary: two cards compare only when these match. */
  boundary: z.object({
    stages: z.array(z.string()),
    flows: z.array(z.string()).meta({
      description: 'e.g. device_energy, host_overhead, facility_overhead, embodied (accelerators), embodied_host (servers), water_onsite, water_offsite, cost',
    }),
  }),
  assumptions: z.array(Assumption),
  /** Problems found while resolving (unknown hardware without a value, inference stage without `inferences`). */
  warnings: z.array(z.string()).optional(),
});
export type ResolvedScenario = z.infer<typeof ResolvedScenario>;
