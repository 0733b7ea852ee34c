// The SOURCE object of design.md: what one log file contributes. `energy_kwh` is energy at the
// IT equipment as measured (a logger's own PUE divided out, see `logged_pue`).
import { z } from 'zod';

export const DeviceEnergy = z.object({
  id: z.string().meta({ description: 'Device key as logged (index, uuid, host/gpu)' }),
  name: z.string().nullable().meta({ description: 'Device name as logged, e.g. "NVIDIA H100 80GB HBM3"' }),
  host: z.string().nullable().optional(),
  energy_kwh: z.number().nullable(),
  samples: z.number().int(),
});
export type DeviceEnergy = z.infer<typeof DeviceEnergy>;

export const Source = z.object({
  path: z.string(),
  format: z.string().meta({ description: 'Detected format id, e.g. codecarbon, nvidia-smi, dcgm-prom' }),
  energy_kwh: z.number().nullable().meta({ description: 'IT energy as measured, logger PUE divided out (kWh)' }),
  co2e_kg: z
    .number()
    .nullable()
    .meta({ description: 'Emissions the file itself reports, as logged (kg CO2e; CodeCarbon: its own PUE included, not divided out)' }),
  water_l: z.number().nullable().meta({ description: 'Water the file itself reports (L)' }),
  duration_s: z.number().nullable(),
  devices: z.array(DeviceEnergy),
  rows: z.number().int(),
  rows_rejected: z.number().int(),
  logged_pue: z.number().nullable(),
  warnings: z.array(z.string()),
  /** Whether the energy covers only accelerators (gets it_overhead_factor) or the whole host. */
  scope: z
    .enum(['device', 'host'])
    .optional()
    .meta({ description: 'device: accelerator-only energy (GPU power logs); host: whole server (CodeCarbon, eco2ai)' }),
  /** First and last timestamp seen, ISO 8601, when the log has them. */
  start: z.string().nullable().optional(),
  end: z.string().nullable().optional(),
  /** A Hugging Face model card's `co2_eq_emissions` as read (format hf-card only). */
  hf_co2_eq_emissions: z
    .object({
      emissions: z.number().meta({ description: 'grams CO2e (Hugging Face model card convention)' }),
      source: z.string().nullable(),
      training_type: z.string().nullable(),
      geographical_location: z.string().nullable(),
      hardware_used: z.string().nullable(),
    })
    .optional(),
});
export type Source = z.infer<typeof Source>;
