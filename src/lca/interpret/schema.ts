// ISO 14044 phase 4 (interpretation) as stored in the card. Owned by src/lca/interpret/.
// design.md names (dominant_stage, breakeven_inferences, sensitivity[], uncertainty{co2e_kg_low,
// co2e_kg_high}, data_quality[]) are normative; everything else here is additive and optional so
// cards written before a field existed still parse.
import { z } from 'zod';

export const DataQualityItem = z.object({
  severity: z.enum(['info', 'warning', 'error']),
  code: z.string(),
  message: z.string(),
  stage: z.string().optional().meta({ description: 'Stage the finding is about, when it is about one' }),
  source: z.string().optional().meta({ description: 'Path of the log the finding is about, when it is about one' }),
});
export type DataQualityItem = z.infer<typeof DataQualityItem>;

export const SensitivityItem = z.object({
  parameter: z.string(),
  unit: z.string(),
  low_value: z.number(),
  central_value: z.number(),
  high_value: z.number(),
  per_fu_co2e_g_low: z.number().meta({ description: 'Per-FU g CO2e with the parameter at low_value (others central)' }),
  per_fu_co2e_g_high: z.number().meta({ description: 'Per-FU g CO2e with the parameter at high_value (others central)' }),
  co2e_kg_low: z.number().meta({ description: 'totals.co2e_kg with the parameter at low_value' }),
  co2e_kg_high: z.number().meta({ description: 'totals.co2e_kg with the parameter at high_value' }),
  source: z.string().optional(),
  swing_per_fu_co2e_g: z.number().optional().meta({ description: '|per_fu_co2e_g_high − per_fu_co2e_g_low|: the tornado bar length' }),
  swing_co2e_kg: z.number().optional().meta({ description: '|co2e_kg_high − co2e_kg_low|' }),
  breakeven_inferences_low: z.number().nullable().optional(),
  breakeven_inferences_high: z.number().nullable().optional(),
});
export type SensitivityItem = z.infer<typeof SensitivityItem>;

export const LifetimePoint = z.object({
  inferences: z.number(),
  co2e_g_per_fu: z.number(),
  label: z.enum(['scenario', 'breakeven']).optional().meta({ description: "Marks the scenario's lifetime_inferences and the breakeven point" }),
});
export type LifetimePoint = z.infer<typeof LifetimePoint>;

export const UncertainParameter = z.object({
  parameter: z.string(),
  unit: z.string(),
  low: z.number(),
  central: z.number(),
  high: z.number(),
  source: z.string(),
});
export type UncertainParameter = z.infer<typeof UncertainParameter>;

export const MonteCarlo = z.object({
  seed: z.number().int(),
  samples: z.number().int(),
  distribution: z.string(),
  co2e_kg_p05: z.number(),
  co2e_kg_p50: z.number(),
  co2e_kg_p95: z.number(),
  per_fu_co2e_g_p05: z.number(),
  per_fu_co2e_g_p50: z.number(),
  per_fu_co2e_g_p95: z.number(),
});
export type MonteCarlo = z.infer<typeof MonteCarlo>;

/** Low/high of a card value under measurement uncertainty only (reference factors at central). */
export const NoiseRange = z.object({ low: z.number(), high: z.number() });
export type NoiseRange = z.infer<typeof NoiseRange>;

export const Sci = z.object({
  sci_g_per_fu: z.number().meta({ description: 'SCI = (E × I + M) / R, g CO2e per functional unit (ISO/IEC 21031:2024)' }),
  e_kwh: z.number().meta({ description: 'E: facility energy of the per-inference stages for the R functional units (kWh)' }),
  i_g_per_kwh: z.number().meta({ description: 'I: grid carbon intensity (g CO2e/kWh)' }),
  m_g: z.number().meta({ description: 'M: embodied carbon time share of the per-inference stages for the R functional units (g CO2e)' }),
  r: z.number().meta({
    description: 'R: functional units served while measured = requests served ÷ inferences per FU (each request passes through every per-inference stage once)',
  }),
  r_unit: z.string(),
  stages: z.array(z.string()),
  amortized_co2e_g_excluded: z.number().meta({ description: 'Up-front (experimentation + training) carbon per FU that SCI leaves out' }),
  note: z.string(),
});
export type Sci = z.infer<typeof Sci>;

export const EnergyDisclosure = z.object({
  stages: z.array(
    z.object({
      stage: z.string(),
      it_energy_kwh: z.number(),
      energy_kwh: z.number(),
      hours: z.number().nullable(),
      accelerator_hours: z.number().nullable(),
      energy_origin: z.string(),
      energy_scope: z.string(),
    }),
  ),
  total_it_energy_kwh: z.number(),
  total_energy_kwh: z.number(),
  hardware: z.object({ model: z.string(), count: z.number(), power_w: z.number().nullable(), known: z.boolean() }),
  location: z.object({ region: z.string().nullable(), intensity_g_per_kwh: z.number(), source: z.string().nullable() }),
  pue: z.number(),
  it_overhead_factor: z.number(),
  wue_l_per_kwh: z.number(),
});
export type EnergyDisclosure = z.infer<typeof EnergyDisclosure>;

export const Interpretation = z.object({
  dominant_stage: z.string().nullable(),
  dominant_term: z.enum(['marginal', 'embodied', 'amortized']).nullable().optional(),
  shares: z.record(z.string(), z.number()).optional().meta({ description: 'Share of lifecycle co2e per stage (0..1)' }),
  term_shares: z
    .object({ marginal: z.number(), embodied: z.number(), amortized: z.number() })
    .optional()
    .meta({ description: 'Share of per_functional_unit.co2e_g per term (0..1)' }),
  flow_shares: z
    .object({ operational: z.number(), embodied: z.number() })
    .optional()
    .meta({ description: 'Share of totals.co2e_kg that is operational vs embodied (0..1)' }),
  breakeven_inferences: z.number().nullable(),
  lifetime_curve: z.array(LifetimePoint).optional(),
  sensitivity: z.array(SensitivityItem),
  uncertainty: z.object({
    co2e_kg_low: z.number(),
    co2e_kg_high: z.number(),
    per_fu_co2e_g_low: z.number().optional(),
    per_fu_co2e_g_high: z.number().optional(),
    method: z.string().optional(),
    energy_kwh_low: z.number().optional().meta({ description: 'totals.energy_kwh at the low corner (kWh)' }),
    energy_kwh_high: z.number().optional().meta({ description: 'totals.energy_kwh at the high corner (kWh)' }),
    water_l_low: z.number().optional().meta({ description: 'totals.water_l at the low corner (L)' }),
    water_l_high: z.number().optional().meta({ description: 'totals.water_l at the high corner (L)' }),
    parameters: z.array(UncertainParameter).optional().meta({ description: 'Ranges that were propagated' }),
    covers: z.array(z.string()).optional().meta({ description: 'The inputs whose ranges the low/high include (names as in parameters[])' }),
    not_covered: z
      .array(z.string())
      .optional()
      .meta({ description: 'Inputs the range leaves out, each with why: stated in the scenario without a range, or no range in the data' }),
    monte_carlo: MonteCarlo.optional(),
  }),
  noise: z
    .record(z.string(), NoiseRange)
    .optional()
    .meta({ description: 'Card path -> low/high under measurement uncertainty only (for base-vs-head noise bands)' }),
  data_quality: z.array(DataQualityItem),
  sci: Sci.nullable().optional().meta({ description: 'ISO/IEC 21031:2024 Software Carbon Intensity per functional unit; null without a per-inference stage' }),
  energy_disclosure: EnergyDisclosure.optional(),
});
export type Interpretation = z.infer<typeof Interpretation>;
