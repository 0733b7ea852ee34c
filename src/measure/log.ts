// The log `ml-lca measure` writes (format id `ml-lca-measure`): JSON lines, appended and written
// through to the OS after every sample, so a killed sampler or a crashed job keeps what it measured.
// The sampler imports only the types (no zod at run time: it must stay small); the ingest format
// (src/ingest/formats/ml-lca-measure.ts) validates the header, channel and end records with them.
//
//   {"ml_lca_measure":1,"started":"2026-01-05T10:00:00.000Z","host":"gpu-node-1","interval_s":1,"tool":"ml-lca 0.1.0"}
//   {"channel":"gpu0","kind":"gpu","scope":"device","source":"nvidia-smi","name":"NVIDIA H100 80GB HBM3","estimate":false}
//   {"channel":"rapl:package-0","kind":"cpu","scope":"host","source":"rapl","name":"package-0","estimate":false}
//   {"t":1767607200.000,"ch":"rapl:package-0","j":0}                        cumulative energy since start, J
//   {"t":1767607200.512,"ch":"gpu0","w":312.45}                             power, W (null: not available)
//   {"t":1767607201.000,"ch":"cpu","j":45.1,"j_low":20.3,"j_high":62.5}      an estimate, with its range
//   {"t":1767607201.300,"note":"nvidia-smi exited with code 9: ..."}
//   {"t":1767607260.000,"end":"2026-01-05T10:01:00.000Z","reason":"command exited","exit_code":0,"signal":null}
//
// Scope: `device` channels (GPUs) are accelerator-only energy; `host` channels (CPU package, DRAM,
// their estimates) are the rest of the server that ml-lca can see. A log with host channels is
// host-inclusive energy, like CodeCarbon's (no it_overhead_factor on it).
import { z } from 'zod';

export const MEASURE_FORMAT_ID = 'ml-lca-measure';
export const MEASURE_LOG_VERSION = 1;

const ChannelId = z.string().regex(/^[A-Za-z0-9:._-]{1,64}$/, 'a channel id of letters, digits and : . _ -');

export const MeasureHeader = z.object({
  ml_lca_measure: z.literal(MEASURE_LOG_VERSION),
  started: z.string(),
  host: z.string().max(255),
  interval_s: z.number().positive(),
  tool: z.string().max(100),
});
export type MeasureHeader = z.infer<typeof MeasureHeader>;

export const ChannelKind = z.enum(['gpu', 'cpu', 'dram', 'ram']);
export type ChannelKind = z.infer<typeof ChannelKind>;

export const MeasureChannel = z.object({
  channel: ChannelId,
  kind: ChannelKind,
  scope: z.enum(['device', 'host']),
  /** Where the numbers come from: nvidia-smi, amdgpu-hwmon (what rocm-smi reads), rapl, estimate. */
  source: z.enum(['nvidia-smi', 'amdgpu-hwmon', 'rapl', 'estimate']),
  name: z.string().max(255).nullable(),
  estimate: z.boolean(),
  /** How an estimate is made, with the source of its figures (estimates only). */
  method: z.string().max(1000).optional(),
  uuid: z.string().max(100).optional(),
});
export type MeasureChannel = z.infer<typeof MeasureChannel>;

export const MeasureEnd = z.object({
  t: z.number(),
  end: z.string(),
  reason: z.string().max(200),
  exit_code: z.number().int().nullable().optional(),
  signal: z.string().max(20).nullable().optional(),
  /** The sampler's own cost: CPU seconds after start-up, peak resident memory. */
  overhead: z.object({ cpu_s: z.number(), max_rss_mib: z.number(), nvidia_smi_processes: z.number().int() }).optional(),
});
export type MeasureEnd = z.infer<typeof MeasureEnd>;

/** A power sample (`w`, W; null when the source said N/A) or a cumulative energy reading (`j`, J). */
export interface MeasureSample {
  t: number;
  ch: string;
  w?: number | null;
  j?: number;
  j_low?: number;
  j_high?: number;
}
