// The parameters interpretation varies, each with its low/central/high and where the range
// comes from, and how to set it in a copy of the resolved scenario. One table, used by the
// tornado (one at a time) and by the uncertainty propagation (all together).
import type { ResolvedScenario } from '../../scenario/resolved.js';
import type { StageResult } from '../../report/card-schema.js';

export type ParameterId = 'grid_intensity' | 'pue' | 'embodied' | 'host_embodied' | 'lifespan' | 'it_overhead_factor' | 'lifetime_inferences' | 'wue';

export interface Parameter {
  id: ParameterId;
  /** Card-facing name: the scenario path the value fills. */
  parameter: string;
  unit: string;
  low: number;
  central: number;
  high: number;
  source: string;
  /** Whether the range is uncertainty of reference/measured data (propagated), not a what-if. */
  uncertain: boolean;
  /** Water only (WUE): in the water range, not in the carbon tornado. */
  waterOnly?: boolean;
  set: (r: ResolvedScenario, value: number) => void;
}

/** Textbook DGX H100 rack profile: accelerator load 1,433.6 kW -> 1,971.2 kW with host, i.e. 1.375×. */
export const TEXTBOOK_IT_OVERHEAD = 1.375;
/** Textbook: leading hyperscale facilities PUE 1.1–1.2; industry average ≈ 1.58 (Uptime Institute 2022). */
const TEXTBOOK_PUE = { low: 1.1, high: 1.58 };
/** Textbook: "Extending GPU lifetime from three to five years ..." (textbook chapter "Sustainable AI"). */
const TEXTBOOK_LIFESPAN_RANGE = { low: 3, high: 5 };

/** The low/high an assumption recorded for a scenario path, when resolveScenario stored one. */
export function assumptionRange(r: ResolvedScenario, path: string): { low: number; high: number; source: string } | null {
  const a = r.assumptions.find((x) => x.path === path);
  if (!a || a.low === undefined || a.high === undefined) return null;
  return { low: a.low, high: a.high, source: a.source };
}

export function assumptionSource(r: ResolvedScenario, path: string): string | null {
  return r.assumptions.find((x) => x.path === path)?.source ?? null;
}

/** The value was set in the scenario file (a stated value: no range unless the file gives one). */
export function isStated(r: ResolvedScenario, path: string): boolean {
  return r.assumptions.find((x) => x.path === path)?.origin === 'scenario';
}

const ordered = (low: number, central: number, high: number) => ({
  low: Math.min(low, central, high),
  central,
  high: Math.max(low, central, high),
});

/**
 * Every parameter with a non-degenerate range (low < high). `stages` tells whether any energy is
 * device-only, which decides whether a missing IT overhead is an uncertainty of this result.
 */
export function parametersOf(r: ResolvedScenario, stages: Record<string, StageResult>): Parameter[] {
  const out: Parameter[] = [];
  const g = r.grid;
  out.push({
    id: 'grid_intensity',
    parameter: 'grid.intensity_g_per_kwh',
    unit: 'g CO2e/kWh',
    ...ordered(g.intensity_low_g_per_kwh, g.intensity_g_per_kwh, g.intensity_high_g_per_kwh),
    source: assumptionSource(r, 'grid.intensity_g_per_kwh') ?? 'resolved grid range',
    uncertain: true,
    set: (s, v) => {
      s.grid.intensity_g_per_kwh = v;
    },
  });
  // A PUE set in the scenario carries no range: the tornado still shows the what-if between
  // the textbook's hyperscale (1.1) and industry-average (1.58) PUE, not propagated as uncertainty.
  const pueRange = r.pue_high > r.pue_low;
  out.push({
    id: 'pue',
    parameter: 'pue',
    unit: '',
    ...(pueRange ? ordered(r.pue_low, r.pue, r.pue_high) : ordered(TEXTBOOK_PUE.low, r.pue, TEXTBOOK_PUE.high)),
    source: pueRange
      ? (assumptionSource(r, 'pue') ?? 'resolved PUE range')
      : 'what-if: textbook hyperscale PUE 1.1 to industry average 1.58 (set pue in the scenario, no range)',
    uncertain: pueRange,
    set: (s, v) => {
      s.pue = v;
    },
  });
  const h = r.hardware;
  if (h.embodied_kg !== null) {
    // Without a range in the data (a value set in the scenario) the tornado shows ×0.5 .. ×2 as
    // a what-if: published embodied estimates for one GPU span an order of magnitude (domain.md:
    // H100 ≈ 15–463 kg around 164 kg), so a point value deserves at least that question.
    const embRange = h.embodied_low_kg !== null && h.embodied_high_kg !== null && h.embodied_high_kg > h.embodied_low_kg;
    out.push({
      id: 'embodied',
      parameter: 'hardware.embodied_kg',
      unit: 'kg CO2e per device',
      ...(embRange
        ? ordered(h.embodied_low_kg ?? h.embodied_kg, h.embodied_kg, h.embodied_high_kg ?? h.embodied_kg)
        : ordered(h.embodied_kg / 2, h.embodied_kg, h.embodied_kg * 2)),
      source: embRange
        ? (assumptionSource(r, 'hardware.embodied_kg') ?? 'resolved hardware data')
        : 'what-if: ×0.5 and ×2 (no range for a value set in the scenario)',
      uncertain: embRange,
      set: (s, v) => {
        s.hardware.embodied_kg = v;
      },
    });
  }
  // The server's embodied carbon (host CPUs, memory, chassis), shared by devices_per_host: a
  // defaulted platform figure carries its data range; a stated one none.
  const host = assumptionRange(r, 'hardware.host_embodied_kg');
  if (h.host_embodied_kg !== null && host && !isStated(r, 'hardware.host_embodied_kg')) {
    out.push({
      id: 'host_embodied',
      parameter: 'hardware.host_embodied_kg',
      unit: 'kg CO2e per server',
      ...ordered(host.low, h.host_embodied_kg, host.high),
      source: host.source,
      uncertain: true,
      set: (s, v) => {
        s.hardware.host_embodied_kg = v;
      },
    });
  }
  const life = assumptionRange(r, 'hardware.lifespan_years');
  out.push({
    id: 'lifespan',
    parameter: 'hardware.lifespan_years',
    unit: 'years',
    ...ordered(life?.low ?? TEXTBOOK_LIFESPAN_RANGE.low, h.lifespan_years, life?.high ?? TEXTBOOK_LIFESPAN_RANGE.high),
    source: life?.source ?? 'textbook: GPU lifetime three to five years',
    // Only a range the data carries is propagated as uncertainty; the textbook what-if is not.
    uncertain: life !== null,
    set: (s, v) => {
      s.hardware.lifespan_years = v;
    },
  });
  const deviceOnly = Object.values(stages).some((s) => s.energy_scope === 'device' && s.it_energy_kwh > 0);
  const oh = assumptionRange(r, 'it_overhead_factor');
  const ohStated = isStated(r, 'it_overhead_factor');
  out.push({
    id: 'it_overhead_factor',
    parameter: 'it_overhead_factor',
    unit: '×',
    ...(oh && !ohStated
      ? ordered(oh.low, r.it_overhead_factor, oh.high)
      : ordered(1, r.it_overhead_factor, Math.max(TEXTBOOK_IT_OVERHEAD, r.it_overhead_factor))),
    source: oh && !ohStated ? oh.source : 'textbook: DGX H100 rack, host load raises accelerator load 1.375× (1,433.6 kW -> 1,971.2 kW)',
    // Defaulted and applied to device-only energy, the overhead is an uncertainty of the result;
    // stated in the scenario (a value without a range), or with host-inclusive energy only, a what-if.
    uncertain: deviceOnly && !ohStated,
    set: (s, v) => {
      s.it_overhead_factor = v;
    },
  });
  // WUE (water only): a defaulted WUE carries the data's range; a stated one none.
  const wue = assumptionRange(r, 'wue_l_per_kwh');
  if (wue && !isStated(r, 'wue_l_per_kwh')) {
    out.push({
      id: 'wue',
      parameter: 'wue_l_per_kwh',
      unit: 'L/kWh',
      ...ordered(wue.low, r.wue_l_per_kwh, wue.high),
      source: wue.source,
      uncertain: true,
      waterOnly: true,
      set: (s, v) => {
        s.wue_l_per_kwh = v;
      },
    });
  }
  const L = r.deployment.lifetime_inferences;
  out.push({
    id: 'lifetime_inferences',
    parameter: 'deployment.lifetime_inferences',
    unit: 'inferences',
    low: L / 10,
    central: L,
    high: L * 10,
    source: 'scenario value ÷10 and ×10 (paper: per-unit cost is extremely sensitive to lifetime use)',
    uncertain: false,
    set: (s, v) => {
      s.deployment.lifetime_inferences = v;
    },
  });
  return out.filter((p) => p.high > p.low);
}

/**
 * A copy of the scenario with `set` applied: the original is never mutated. Only the objects a
 * `set` writes into (grid, hardware, deployment, the top level) are copied; this runs once per
 * Monte Carlo sample, where a deep clone of the assumptions list would dominate the time.
 */
export function withValues(r: ResolvedScenario, changes: ReadonlyArray<readonly [Parameter, number]>): ResolvedScenario {
  const copy: ResolvedScenario = { ...r, grid: { ...r.grid }, hardware: { ...r.hardware }, deployment: { ...r.deployment } };
  for (const [p, v] of changes) p.set(copy, v);
  return copy;
}
