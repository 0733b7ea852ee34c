// ISO 14044 phase 4 (interpretation) as stored in the card. Owned by src/lca/interpret/.
import { z } from 'zod';

export const DataQualityItem = z.object({
  severity: z.enum(['info', 'warning', 'error']),
  code: z.string(),
  message: z.string(),
});
export type DataQualityItem = z.infer<typeof DataQualityItem>;

export const SensitivityItem = z.object({
  parameter: z.string(),
  unit: z.string(),
  low_value: z.number(),
  central_value: z.number(),
  high_value: z.number(),
  per_fu_co2e_g_low: z.number(),
  per_fu_co2e_g_high: z.number(),
  co2e_kg_low: z.number(),
  co2e_kg_high: z.number(),
  source: z.string().optional(),
});
export type SensitivityItem = z.infer<typeof SensitivityItem>;

export const Interpretation = z.object({
  dominant_stage: z.string().nullable(),
  dominant_term: z.enum(['marginal', 'embodied', 'amortized']).nullable().optional(),
  shares: z.record(z.string(), z.number()).optional().meta({ description: 'Share of lifecycle co2e per stage (0..1)' }),
  breakeven_inferences: z.number().nullable(),
  lifetime_curve: z.array(z.object({ inferences: z.number(), co2e_g_per_fu: z.number() })).optional(),
  sensitivity: z.array(SensitivityItem),
  uncertainty: z.object({
    co2e_kg_low: z.number(),
    co2e_kg_high: z.number(),
    per_fu_co2e_g_low: z.number().optional(),
    per_fu_co2e_g_high: z.number().optional(),
    method: z.string().optional(),
  }),
  data_quality: z.array(DataQualityItem),
});
export type Interpretation = z.infer<typeof Interpretation>;
