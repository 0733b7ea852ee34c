// Is a logged power plausible for the device that logged it? Board power limits (TDP) of the
// accelerators seen in ML logs, matched on the device name as nvidia-smi / DCGM print it or on
// the scenario's hardware model. Values: vendor datasheets (NVIDIA H100/H200/A100/V100/L4/L40S/T4/
// A10/A10G/B200 product briefs; AMD MI250X/MI300X). Only used to flag data, never to compute energy.

const TDP_W: ReadonlyArray<readonly [RegExp, number]> = [
  [/gb200/i, 2700],
  [/b200/i, 1000],
  [/h200/i, 700],
  [/h100.*(pcie|nvl)|h100.*pci/i, 400],
  [/h100|gh200/i, 700],
  [/a100.*pcie/i, 300],
  [/a100/i, 400],
  [/v100/i, 300],
  [/l40s?/i, 350],
  [/a10g/i, 300],
  [/\ba10\b/i, 150],
  [/\bl4\b/i, 72],
  [/\bt4\b/i, 70],
  [/a6000|rtx 6000/i, 300],
  [/4090/i, 450],
  [/3090/i, 350],
  [/mi300x/i, 750],
  [/mi250/i, 560],
];

/** Largest board power any single accelerator draws today; the bound when the model is unknown. */
export const ANY_DEVICE_MAX_W = 3000;

/** TDP in W for a device name or hardware model, or null when we do not know it. */
export function tdpOf(name: string | null | undefined): number | null {
  if (!name) return null;
  for (const [re, w] of TDP_W) if (re.test(name)) return w;
  return null;
}

/** Below this mean power a GPU is off, not idle (idle draw is well above 2 % of TDP); 1 W when the model is unknown. */
export const IDLE_FLOOR_SHARE = 0.02;
export const ANY_DEVICE_MIN_W = 1;

/**
 * The mean power a device can plausibly have drawn over a log: from 2 % of TDP (below any idle
 * draw) to 1.5 × TDP; 1–3,000 W when the model is unknown. Used to decide how a column's unit
 * reads (builder.ts), never to compute energy.
 */
export function plausibleMeanW(name: string | null | undefined): { low: number; high: number; known: boolean; label: string } {
  const tdp = tdpOf(name);
  if (tdp !== null) return { low: IDLE_FLOOR_SHARE * tdp, high: 1.5 * tdp, known: true, label: `${name} (TDP ${tdp} W)` };
  return { low: ANY_DEVICE_MIN_W, high: ANY_DEVICE_MAX_W, known: false, label: 'an accelerator of unknown model' };
}

/** Above this a sample is implausible: 1.5 × TDP, or the absolute bound when TDP is unknown. */
export function implausibleAboveW(name: string | null | undefined): { limit: number; basis: string } {
  const tdp = tdpOf(name);
  if (tdp !== null) return { limit: 1.5 * tdp, basis: `1.5 × TDP ${tdp} W of ${name}` };
  return { limit: ANY_DEVICE_MAX_W, basis: `${ANY_DEVICE_MAX_W} W, more than any single accelerator draws` };
}
