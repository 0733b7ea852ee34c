// The scenario file (YAML or JSON): the goal and scope of the assessment (ISO 14044 phase 1).
// This zod schema is the single source of the TypeScript type and of the published
// JSON Schema (`npm run schema` -> schema/scenario.schema.json). Strict: unknown keys
// are an error with a did-you-mean suggestion (see scenario/load.ts).
import { z } from 'zod';

const nonneg = (unit: string, what: string) =>
  z
    .number()
    .nonnegative()
    .meta({ description: `${what} (${unit})` });
const positive = (unit: string, what: string) =>
  z
    .number()
    .positive()
    .meta({ description: `${what} (${unit})` });

export const FunctionalUnit = z
  .strictObject({
    description: z.string().min(1).meta({ description: 'The service one unit delivers, e.g. "1,000 chat requests served"' }),
    inferences: positive('inferences', 'Inferences that make one functional unit'),
  })
  .meta({ description: 'ISO 14044 functional unit: what the results are normalised to' });

export const Deployment = z.strictObject({
  lifetime_inferences: positive('inferences', "Expected inferences over the model's whole deployed life"),
});

export const Grid = z.strictObject({
  region: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'ISO 3166 country (US, FR), subdivision (CA-QC), or cloud region (aws:us-east-1, gcp:europe-west4, azure:westeurope)' }),
  intensity_g_per_kwh: nonneg('g CO2e/kWh', 'Grid carbon intensity; overrides region').optional(),
  intensity_low_g_per_kwh: nonneg('g CO2e/kWh', 'Low end of the grid intensity range (uncertainty)').optional(),
  intensity_high_g_per_kwh: nonneg('g CO2e/kWh', 'High end of the grid intensity range (uncertainty)').optional(),
  water_intensity_l_per_kwh: nonneg('L/kWh', 'Off-site water of electricity generation (optional)').optional(),
  year: z.number().int().min(1990).max(2100).optional().meta({
    description: "Data year of the region's grid intensity; default: the year of the run (logs' dates, else the card date), or the latest year available",
  }),
  basis: z.enum(['location', 'market']).optional().meta({
    description:
      "location (default): the grid average of the region. market: also report a market-based result (GHG Protocol Scope 2) from market_intensity_g_per_kwh, cfe_pct, or the provider's published CFE % (Google Cloud regions); location-based stays the primary result",
  }),
  market_intensity_g_per_kwh: nonneg('g CO2e/kWh', 'Market-based emission factor (supplier-specific or contractual), for basis: market').optional(),
  cfe_pct: z.number().min(0).max(100).optional().meta({
    description: "Carbon-free energy share covering the load (%), e.g. the provider's hourly CFE %; market factor = location intensity × (1 − cfe_pct/100)",
  }),
});

export const Hardware = z.strictObject({
  model: z.string().min(1).meta({ description: 'Accelerator model, e.g. H100-SXM, A100-80GB, L4 (see src/data/hardware.ts)' }),
  count: z.number().int().positive().default(1).meta({ description: 'Accelerators in use' }),
  power_w: positive('W', 'Power per accelerator at typical load; overrides the bundled value').optional(),
  embodied_kg: nonneg('kg CO2e', 'Manufacturing footprint per accelerator; overrides the bundled central value').optional(),
  lifespan_years: positive('years', 'Service life of the hardware').optional(),
  host_embodied_kg: nonneg(
    'kg CO2e per server',
    'Manufacturing footprint of one server (host CPUs, memory, storage, chassis) without its accelerators; shared by devices_per_host accelerators. Absent: server embodied carbon is outside the boundary',
  ).optional(),
  devices_per_host: z
    .number()
    .int()
    .positive()
    .optional()
    .meta({ description: 'Accelerators per server, to share host_embodied_kg (default 8, an HGX/DGX server)' }),
  utilization: z.number().positive().max(1).optional().meta({
    description:
      'Share of its lifespan the hardware is in use (0-1, default 1): embodied carbon per hour used = embodied ÷ (lifespan_years × 8,760 h × utilization)',
  }),
});

export const HfTrainingType = z.enum(['pre-training', 'fine-tuning']);

export const HfOptions = z
  .strictObject({
    training_type: HfTrainingType.optional().meta({
      description: 'co2_eq_emissions.training_type of the Hugging Face block; left out of the block when not given',
    }),
    stages: z.array(z.string().min(1)).min(1).optional().meta({
      description: 'Stages whose operational CO2e the Hugging Face block reports (default: every up-front stage, i.e. every stage without inferences)',
    }),
  })
  .meta({ description: 'The Hugging Face model card co2_eq_emissions block (card hf_co2_eq_emissions, ml-lca hf-card)' });

// An instant as text (ISO 8601 or epoch digits), or a number: an unquoted epoch in YAML
// (`start: 1773014400`) arrives as one.
const Instant = z.union([z.string().min(1), z.number().nonnegative()]);

export const PrometheusSource = z
  .strictObject({
    url: z.string().url().meta({ description: 'Prometheus base URL, e.g. http://prometheus:9090' }),
    selector: z.string().default('{}').meta({ description: 'PromQL label selector, e.g. {job="train-123"}' }),
    job_window: z.union([z.literal('from_env'), z.strictObject({ start: Instant, end: Instant })]).meta({
      description:
        'Time window of the job: start/end as ISO 8601 or epoch seconds (or milliseconds, 13+ digits), or from_env (ML_LCA_JOB_START / ML_LCA_JOB_END)',
    }),
    step_s: positive('s', 'Range-query step').optional(),
  })
  .meta({ description: 'Query DCGM energy from a Prometheus server instead of log files' });

export const Stage = z.strictObject({
  logs: z.array(z.string().min(1)).optional().meta({ description: 'Globs of energy logs, relative to the scenario file; format detected per file' }),
  prometheus: PrometheusSource.optional(),
  energy_kwh: nonneg('kWh', 'IT energy of the whole server(s) for this stage, as a meter would give it (no overhead factor applied)').optional(),
  hours: nonneg('h', 'Wall-clock hours the stage held its hardware (time-share embodied attribution); derived from logs when absent').optional(),
  inferences: nonneg('inferences', 'Inferences served while this stage was measured; makes this a per-inference (marginal) stage').optional(),
  interval_s: positive('s', 'Sampling interval for logs without timestamps').optional(),
  count: z.number().int().positive().optional().meta({ description: 'Accelerators used by this stage; defaults to hardware.count' }),
});

export const AbsoluteBudget = z.strictObject({
  metric: z.string().min(1).meta({ description: 'Card path, e.g. totals.co2e_kg or per_functional_unit.co2e_g' }),
  max: nonneg('unit of the metric', 'Fail above this value'),
  warn: nonneg('unit of the metric', 'Warn above this value (must be <= max)').optional(),
});

export const RegressionBudget = z.strictObject({
  metric: z.string().min(1),
  max_increase_pct: nonneg('%', 'Fail when head exceeds base by more than this percentage'),
  warn_increase_pct: nonneg('%', 'Warn above this percentage (must be <= max_increase_pct)').optional(),
});

export const PeriodBudget = z.strictObject({
  scope: z.enum(['team', 'model']),
  team: z.string().min(1).optional(),
  period: z.enum(['month', 'quarter', 'year']),
  metric: z.string().min(1).default('totals.co2e_kg'),
  max: nonneg('unit of the metric', 'Budget for the whole period'),
  warn: nonneg('unit of the metric', 'Warn when the projected spend exceeds this').optional(),
});

export const Budget = z.union([PeriodBudget, RegressionBudget, AbsoluteBudget]);

export const Scenario = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1).max(100).meta({ description: 'Scenario name; identifies the PR comment and artifact' }),
    team: z.string().min(1).optional().meta({ description: 'Team that owns the model (period budgets)' }),
    functional_unit: FunctionalUnit,
    deployment: Deployment,
    grid: Grid.default({}),
    pue: z.number().min(1).max(3).optional().meta({ description: 'Power usage effectiveness of the facility (>= 1)' }),
    wue_l_per_kwh: nonneg('L/kWh', 'On-site water usage effectiveness').optional(),
    it_overhead_factor: z.number().min(1).max(5).optional().meta({ description: 'Host CPU/RAM/network on top of device-only power logs (default 1)' }),
    electricity_usd_per_kwh: nonneg('USD/kWh', 'Electricity price').optional(),
    gpu_hour_usd: nonneg('USD/h', 'Price of one accelerator-hour (cloud rental)').optional(),
    gpu_hour_includes_electricity: z.boolean().optional().meta({
      description:
        'Whether gpu_hour_usd already pays for the electricity (a cloud rental does; default true): then electricity_usd_per_kwh is not added where the GPU-hour price applies',
    }),
    hardware: Hardware,
    hf: HfOptions.optional(),
    stages: z
      .record(z.string().regex(/^[A-Za-z0-9_-]{1,40}$/), Stage)
      .meta({ description: 'Life cycle stages: experimentation, training, inference, or any custom name' }),
    budgets: z.array(Budget).default([]),
    ledger: z.string().optional().meta({
      description: "Where period budgets find past spending: history (the action's history branch or artifacts; artifact is the old name) | file:PATH",
    }),
  })
  .superRefine((s, ctx) => {
    s.budgets.forEach((b, i) => {
      if ('warn' in b && b.warn !== undefined && 'max' in b && b.warn > b.max) {
        ctx.addIssue({ code: 'custom', path: ['budgets', i, 'warn'], message: `a warn level <= max (${b.max})` });
      }
      if ('warn_increase_pct' in b && b.warn_increase_pct !== undefined && b.warn_increase_pct > b.max_increase_pct) {
        ctx.addIssue({ code: 'custom', path: ['budgets', i, 'warn_increase_pct'], message: `a warn level <= max_increase_pct (${b.max_increase_pct})` });
      }
    });
    if (Object.keys(s.stages).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['stages'], message: 'at least one stage' });
    }
    // A model that never serves one functional unit has no per-unit result (the amortised
    // up-front carbon would be divided by less than one unit): an impossible scenario.
    if (s.deployment.lifetime_inferences < s.functional_unit.inferences) {
      ctx.addIssue({
        code: 'custom',
        path: ['deployment', 'lifetime_inferences'],
        message: `a number of at least functional_unit.inferences (${s.functional_unit.inferences.toLocaleString('en-US')}): over its life the model must serve at least one functional unit`,
      });
    }
    s.hf?.stages?.forEach((name, i) => {
      if (!Object.hasOwn(s.stages, name)) {
        ctx.addIssue({ code: 'custom', path: ['hf', 'stages', i], message: `a stage of this scenario (${Object.keys(s.stages).join(', ')})` });
      }
    });
  });

export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;
export type Stage = z.infer<typeof Stage>;
export type Budget = z.infer<typeof Budget>;
export type AbsoluteBudget = z.infer<typeof AbsoluteBudget>;
export type RegressionBudget = z.infer<typeof RegressionBudget>;
export type PeriodBudget = z.infer<typeof PeriodBudget>;
export type PrometheusSource = z.infer<typeof PrometheusSource>;
export type HfOptions = z.infer<typeof HfOptions>;
