// The SOURCE object of design.md: what one log file contributes. `energy_kwh` is energy at the
// IT equipment as measured (a logger's own PUE divided out, see `logged_pue`).
import { z } from 'zod';

export const DeviceEnergy = z.object({
  id: z.string().meta({ description: 'Device key as logged (index, uuid, host/gpu)' }),
  name: z.string().nullable().meta({ description: 'Device name as logged, e.g. "NVIDIA H100 80GB HBM3"' }),
  host: z.string().nullable().optional(),
  uuid: z.string().optional().meta({ description: 'GPU UUID where the log has it: the physical identity of the device (a run is counted once per device)' }),
  energy_kwh: z.number().nullable(),
  samples: z.number().int(),
  /** What the channel measures (logs of `ml-lca measure`): only `gpu` devices are accelerators. */
  kind: z
    .enum(['gpu', 'cpu', 'dram', 'ram'])
    .optional()
    .meta({ description: 'gpu: an accelerator; cpu, dram, ram: host parts measured or estimated by ml-lca measure' }),
});
export type DeviceEnergy = z.infer<typeof DeviceEnergy>;

/** How a log measured its energy: the basis of its measurement uncertainty (lca/interpret/measurement.ts). */
export const MeasurementMethod = z.enum(['power_samples', 'energy_counter', 'energy_records', 'software_estimate']).meta({
  description:
    'power_samples: power read at intervals and integrated (nvidia-smi, DCGM gauge); energy_counter: a cumulative energy counter differenced (NVML/DCGM total energy, Zeus); ' +
    "energy_records: energy per row as a script logged it; software_estimate: a tool's estimate of a whole host's energy (CodeCarbon, eco2ai)",
});
export type MeasurementMethod = z.infer<typeof MeasurementMethod>;

export const SourceMeasurement = z.object({
  method: MeasurementMethod,
  interval_s: z.number().nullable().meta({ description: 'Median sampling interval of the power samples (s); null for other methods' }),
  sampling_rel_u: z.number().nullable().meta({
    description:
      "GUM Type A relative standard uncertainty of the mean power from the samples' scatter, s / (mean × √n), energy-weighted over devices; null for other methods",
  }),
});
export type SourceMeasurement = z.infer<typeof SourceMeasurement>;

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
  logged_intensity_g_per_kwh: z.number().nullable().optional().meta({
    description:
      'Emission factor the logger itself applied: its emissions ÷ its energy as logged (PUE included where the logger applied one), g CO2e/kWh (CodeCarbon, eco2ai); null when it logs no emissions',
  }),
  logged_location: z.string().nullable().optional().meta({ description: 'Where the logger placed the run (cloud region, or country and region), as logged' }),
  measurement: SourceMeasurement.nullable().optional().meta({ description: 'How the energy was measured; null when the log holds no energy' }),
  /** First and last timestamp seen, ISO 8601, when the log has them. */
  start: z.string().nullable().optional(),
  end: z.string().nullable().optional(),
  /** Rows (or values) rejected, grouped by reason: they change the file's energy. */
  rejected: z
    .array(
      z.object({
        reason: z.string(),
        count: z.number().int(),
        first_line: z.number().int().nullable().meta({ description: 'First rejected line (1-based); null where the format has no lines' }),
      }),
    )
    .optional()
    .meta({ description: 'Rows or values rejected, by reason (absent when none)' }),
  /** Set when the file's energy could not be (fully) derived: the stage it feeds is incomplete. */
  incomplete: z
    .object({
      code: z.string().meta({ description: 'no_timestamps, no_valid_values, single_sample, no_elapsed_time, no_rows, all_rows_rejected, ...' }),
      reason: z.string().meta({ description: 'What the file holds instead of usable energy' }),
      fix: z.string().meta({ description: 'One line: what to change to get a measurement' }),
    })
    .optional()
    .meta({ description: 'Why energy_kwh is null or partial (absent when the file gave its energy)' }),
  /** Runs / measurement windows by identity, so the same run found in two files counts once. */
  runs: z
    .array(
      z.object({
        id: z.string().meta({ description: 'Format-qualified identity: codecarbon:PROJECT/RUN_ID, eco2ai:ID, zeus:WINDOW@START' }),
        energy_kwh: z.number(),
      }),
    )
    .optional()
    .meta({ description: 'Runs the file holds (CodeCarbon/eco2ai run ids, Zeus windows) with the energy counted for each' }),
  /** The part of energy_kwh that is an estimate, not a measurement (ml-lca measure without RAPL), with its range. */
  estimated: z
    .object({
      energy_kwh: z.number().meta({ description: 'Estimated part of energy_kwh (kWh)' }),
      low_kwh: z.number().meta({ description: 'Low end of the estimate (kWh)' }),
      high_kwh: z.number().meta({ description: 'High end of the estimate (kWh)' }),
      method: z.string().meta({ description: 'How it was estimated, with the sources of its figures' }),
    })
    .optional(),
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

/** A source's `start` or `end` in ms since the epoch; null when missing or unparsable. */
export function timeMs(t: string | null | undefined): number | null {
  const v = Date.parse(String(t)); // null, undefined and '' parse to NaN: no time
  return Number.isFinite(v) ? v : null;
}
