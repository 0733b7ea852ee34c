// Uncertainty (ISO 14044 §4.5.3.3): the low/central/high ranges of every defaulted input (grid
// intensity, PUE, embodied footprint, lifespan, the IT overhead on device-only energy, WUE for
// water) and of the measured data (the measurement method: sensor, software estimate, hours ×
// power; rejected rows, gaps, sample scatter) propagated to totals.co2e_kg,
// per_functional_unit.co2e_g, totals.energy_kwh and totals.water_l. A value stated in the scenario
// carries no range unless the scenario gives one; `covers` and `not_covered` say which inputs the
// range includes and which it leaves out, so a point range is never mistaken for certainty.
//
// Method: interval arithmetic by vertices. The model is monotone in every one of these inputs
// (carbon rises with intensity, PUE, embodied, overhead and energy, falls with lifespan), so the
// exact bounds are `assess` at two corners: each input at the end that lowers the result, and
// each at the end that raises it. The direction of each input is read from one-at-a-time runs,
// not assumed. A seeded Monte Carlo (triangular low/central/high, mulberry32, fixed seed) adds
// the 5th/50th/95th percentiles: the corners are a guaranteed envelope, the percentiles say
// where most of the mass is. Both are deterministic: same input, same numbers.
import type { ResolvedScenario } from '../../scenario/resolved.js';
import type { StageResult } from '../../report/card-schema.js';
import type { MonteCarlo, NoiseRange, UncertainParameter } from './schema.js';
import type { AssessFn, AssessResultLike, InventoryLike } from './types.js';
import { isStated, type Parameter, withValues } from './parameters.js';
import { type EnergyRange, scaleInventories } from './measurement.js';
import { mulberry32, percentile, triangular } from './prng.js';

export const MC_SEED = 20_240_521;
export const MC_SAMPLES = 1000;

export const UNCERTAINTY_METHOD =
  'interval arithmetic by vertices (the model is monotone in each input; bounds = assess at the all-low and all-high corners); ' +
  `plus seeded Monte Carlo (${MC_SAMPLES} samples, triangular low/central/high, mulberry32 seed ${MC_SEED}) for percentiles`;

export interface UncertaintyOut {
  co2e_kg_low: number;
  co2e_kg_high: number;
  per_fu_co2e_g_low: number;
  per_fu_co2e_g_high: number;
  energy_kwh_low: number;
  energy_kwh_high: number;
  water_l_low: number;
  water_l_high: number;
  method: string;
  parameters: UncertainParameter[];
  covers: string[];
  not_covered: string[];
  monte_carlo: MonteCarlo;
}

type Metric = (r: AssessResultLike) => number;
const total: Metric = (r) => r.totals.co2e_kg;
const perFu: Metric = (r) => r.per_functional_unit.co2e_g;
const energyTotal: Metric = (r) => r.totals.energy_kwh;
const water: Metric = (r) => r.totals.water_l;

/** The card name of an energy range: `stages.training.energy (measurement)`. */
const energyName = (e: EnergyRange): string => `stages.${e.stage}.energy (${e.kind})`;

export function propagate<I extends InventoryLike>(
  resolved: ResolvedScenario,
  inventories: Record<string, I>,
  stages: Record<string, StageResult>,
  params: Parameter[],
  energy: EnergyRange[],
  assess: AssessFn<I>,
): UncertaintyOut {
  const uncertain = params.filter((p) => p.uncertain);
  const energyVaried = energy.filter((e) => e.high > e.low);

  // Direction of each input, per metric, from one-at-a-time runs. WUE moves water only.
  const bounds = (m: Metric, withWater = false): [number, number] => {
    const lowSet: Array<[Parameter, number]> = [];
    const highSet: Array<[Parameter, number]> = [];
    for (const p of uncertain) {
      if (p.waterOnly && !withWater) continue;
      const atLow = m(assess(withValues(resolved, [[p, p.low]]), inventories));
      const atHigh = m(assess(withValues(resolved, [[p, p.high]]), inventories));
      const rising = atHigh >= atLow;
      lowSet.push([p, rising ? p.low : p.high]);
      highSet.push([p, rising ? p.high : p.low]);
    }
    // Energy only ever raises carbon (every term is non-negative and linear in it).
    const lo = m(
      assess(
        withValues(resolved, lowSet),
        scaleInventories(inventories, energy, (e) => e.low),
      ),
    );
    const hi = m(
      assess(
        withValues(resolved, highSet),
        scaleInventories(inventories, energy, (e) => e.high),
      ),
    );
    return [Math.min(lo, hi), Math.max(lo, hi)];
  };
  const [tLo, tHi] = bounds(total);
  const [fLo, fHi] = bounds(perFu);
  const [eLo, eHi] = bounds(energyTotal);
  const [wLo, wHi] = bounds(water, true);

  const parameters: UncertainParameter[] = [
    ...uncertain.map((p) => ({ parameter: p.parameter, unit: p.unit, low: p.low, central: p.central, high: p.high, source: p.source })),
    ...energyVaried.map((e) => ({
      parameter: energyName(e),
      unit: '×',
      low: e.low,
      central: 1,
      high: e.high,
      source: e.reasons.join('; '),
    })),
  ];

  return {
    co2e_kg_low: tLo,
    co2e_kg_high: tHi,
    per_fu_co2e_g_low: fLo,
    per_fu_co2e_g_high: fHi,
    energy_kwh_low: eLo,
    energy_kwh_high: eHi,
    water_l_low: wLo,
    water_l_high: wHi,
    method: UNCERTAINTY_METHOD,
    parameters,
    covers: parameters.map((p) => p.parameter),
    not_covered: notCovered(resolved, stages, uncertain, energyVaried),
    monte_carlo: monteCarlo(
      resolved,
      inventories,
      uncertain.filter((p) => !p.waterOnly),
      energyVaried,
      assess,
    ),
  };
}

/**
 * The inputs a range could cover but this one does not, each with why: stated in the scenario
 * without a range (the rule: a stated value is exact unless the scenario gives its range), or
 * without a range in the bundled data.
 */
export function notCovered(resolved: ResolvedScenario, stages: Record<string, StageResult>, uncertain: Parameter[], energy: EnergyRange[]): string[] {
  const covered = new Set(uncertain.map((p) => p.parameter));
  const why = (path: string, what: string) => (isStated(resolved, path) ? `stated in the scenario${what}` : `no range in the data${what}`);
  const out: string[] = [];
  const check = (path: string, relevant: boolean, what = '') => {
    if (relevant && !covered.has(path)) out.push(`${path}: ${why(path, what)}`);
  };
  check('grid.intensity_g_per_kwh', true, isStated(resolved, 'grid.intensity_g_per_kwh') ? ' (give grid.intensity_low_g_per_kwh and _high_ for a range)' : '');
  check('pue', true);
  const h = resolved.hardware;
  const anyHours = Object.values(stages).some((s) => (s.hours ?? 0) > 0);
  if (h.embodied_kg === null) out.push('hardware.embodied_kg: no embodied data (counted as 0)');
  else check('hardware.embodied_kg', anyHours);
  const embodied = anyHours && ((h.embodied_kg ?? 0) > 0 || (h.host_embodied_kg ?? 0) > 0);
  check('hardware.lifespan_years', embodied);
  check('hardware.utilization', embodied, isStated(resolved, 'hardware.utilization') ? '' : ` (default ${h.utilization}: in use its whole lifespan)`);
  if (h.host_embodied_kg !== null) {
    check('hardware.host_embodied_kg', anyHours);
    check('hardware.devices_per_host', anyHours);
  }
  const deviceOnly = Object.values(stages).some((s) => s.energy_scope === 'device' && s.it_energy_kwh > 0);
  check('it_overhead_factor', deviceOnly);
  if (resolved.wue_l_per_kwh > 0) check('wue_l_per_kwh', true, ' (water only)');
  const ranged = new Set(energy.map((e) => e.stage));
  for (const [name, s] of Object.entries(stages)) {
    if (s.energy_origin === 'energy_kwh') out.push(`stages.${name}.energy_kwh: stated in the scenario`);
    else if (s.energy_origin === 'estimate' && !ranged.has(name) && s.it_energy_kwh > 0)
      out.push(`stages.${name}: hours × power with hardware.power_w ${isStated(resolved, 'hardware.power_w') ? 'stated in the scenario' : 'without a range'}`);
  }
  return out;
}

function monteCarlo<I extends InventoryLike>(
  resolved: ResolvedScenario,
  inventories: Record<string, I>,
  uncertain: Parameter[],
  energy: EnergyRange[],
  assess: AssessFn<I>,
): MonteCarlo {
  const next = mulberry32(MC_SEED);
  const totals: number[] = [];
  const perFus: number[] = [];
  for (let i = 0; i < MC_SAMPLES; i++) {
    // Draw in a fixed order (parameters, then stages in inventory order) so a sample's
    // numbers do not depend on anything but the seed and the inputs.
    const changes = uncertain.map((p) => [p, triangular(next(), p.low, p.central, p.high)] as [Parameter, number]);
    const factors = new Map(energy.map((e) => [e, triangular(next(), e.low, 1, e.high)]));
    const r = assess(
      withValues(resolved, changes),
      scaleInventories(inventories, energy, (e) => factors.get(e) ?? 1),
    );
    totals.push(r.totals.co2e_kg);
    perFus.push(r.per_functional_unit.co2e_g);
  }
  totals.sort((a, b) => a - b);
  perFus.sort((a, b) => a - b);
  return {
    seed: MC_SEED,
    samples: MC_SAMPLES,
    distribution: 'triangular(low, central, high) per input, independent',
    co2e_kg_p05: percentile(totals, 0.05),
    co2e_kg_p50: percentile(totals, 0.5),
    co2e_kg_p95: percentile(totals, 0.95),
    per_fu_co2e_g_p05: percentile(perFus, 0.05),
    per_fu_co2e_g_p50: percentile(perFus, 0.5),
    per_fu_co2e_g_p95: percentile(perFus, 0.95),
  };
}

/**
 * Low/high of every numeric card value (stages.*, totals.*, per_functional_unit.*, lifetime.*)
 * under per-run measured-data uncertainty only (rejected rows, gaps), reference factors and
 * estimates central. Base and head of one
 * scenario share the factors, so this is the part of the uncertainty a delta must exceed.
 */
export function noiseRanges<I extends InventoryLike>(
  resolved: ResolvedScenario,
  inventories: Record<string, I>,
  result: AssessResultLike,
  energy: EnergyRange[],
  assess: AssessFn<I>,
): Record<string, NoiseRange> {
  // Estimates share their power figure between runs: that error cancels in a delta.
  const perRun = energy.filter((e) => !e.systematic);
  const varied = perRun.some((e) => e.high > e.low);
  const lo = varied
    ? flatten(
        assess(
          resolved,
          scaleInventories(inventories, perRun, (e) => e.low),
        ),
      )
    : flatten(result);
  const hi = varied
    ? flatten(
        assess(
          resolved,
          scaleInventories(inventories, perRun, (e) => e.high),
        ),
      )
    : lo;
  const out: Record<string, NoiseRange> = {};
  for (const [path, a] of lo) {
    const b = hi.get(path);
    if (b === undefined) continue;
    out[path] = { low: Math.min(a, b), high: Math.max(a, b) };
  }
  return out;
}

function flatten(r: AssessResultLike): Map<string, number> {
  const out = new Map<string, number>();
  const put = (prefix: string, obj: object) => {
    for (const [k, v] of Object.entries(obj)) if (typeof v === 'number' && Number.isFinite(v)) out.set(`${prefix}.${k}`, v);
  };
  for (const [name, s] of Object.entries(r.stages)) put(`stages.${name}`, s);
  put('totals', r.totals);
  put('per_functional_unit', r.per_functional_unit);
  put('lifetime', r.lifetime);
  return out;
}
