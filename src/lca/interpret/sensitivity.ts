// Sensitivity (ISO 14044 §4.5.3.3): the per-FU curve over lifetime inferences (paper §3.3 and
// Fig. 2(b): per-inference cost "is extremely sensitive to the total lifespan of the model until
// it is used at least tens of billions of times") and a one-at-a-time tornado, each point a
// re-run of `assess` on a perturbed copy of the resolved scenario.
import type { ResolvedScenario } from '../../scenario/resolved.js';
import type { LifetimePoint, SensitivityItem } from './schema.js';
import type { AssessFn, AssessResultLike, InventoryLike } from './types.js';
import { type Parameter, withValues } from './parameters.js';

/** 1e6, 1e7, ..., 1e12: the x points of the lifetime curve (log-spaced, one per decade). */
export const LIFETIME_DECADES: readonly number[] = [1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];

export function lifetimeCurve<I extends InventoryLike>(
  resolved: ResolvedScenario,
  inventories: Record<string, I>,
  result: AssessResultLike,
  assess: AssessFn<I>,
): LifetimePoint[] {
  const points = new Map<number, LifetimePoint['label']>();
  for (const x of LIFETIME_DECADES) points.set(x, undefined);
  const be = result.breakeven_inferences;
  if (be !== null && Number.isFinite(be) && be > 0) points.set(be, 'breakeven');
  // The scenario's own value wins a tie: it is the point the card reports.
  points.set(resolved.deployment.lifetime_inferences, 'scenario');
  return [...points.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([inferences, label]) => {
      const r = assess(withValues(resolved, [[lifetimeParam, inferences]]), inventories);
      return { inferences, co2e_g_per_fu: r.per_functional_unit.co2e_g, ...(label ? { label } : {}) };
    });
}

const lifetimeParam: Parameter = {
  id: 'lifetime_inferences',
  parameter: 'deployment.lifetime_inferences',
  unit: 'inferences',
  low: 0,
  central: 0,
  high: 0,
  source: '',
  uncertain: false,
  set: (s, v) => {
    s.deployment.lifetime_inferences = v;
  },
};

/** One row per parameter: assess at its low and at its high, all others central; by swing, largest first. */
export function tornado<I extends InventoryLike>(
  resolved: ResolvedScenario,
  inventories: Record<string, I>,
  params: Parameter[],
  assess: AssessFn<I>,
): SensitivityItem[] {
  const rows = params.map((p): SensitivityItem => {
    const lo = assess(withValues(resolved, [[p, p.low]]), inventories);
    const hi = assess(withValues(resolved, [[p, p.high]]), inventories);
    return {
      parameter: p.parameter,
      unit: p.unit,
      low_value: p.low,
      central_value: p.central,
      high_value: p.high,
      per_fu_co2e_g_low: lo.per_functional_unit.co2e_g,
      per_fu_co2e_g_high: hi.per_functional_unit.co2e_g,
      co2e_kg_low: lo.totals.co2e_kg,
      co2e_kg_high: hi.totals.co2e_kg,
      source: p.source,
      swing_per_fu_co2e_g: Math.abs(hi.per_functional_unit.co2e_g - lo.per_functional_unit.co2e_g),
      swing_co2e_kg: Math.abs(hi.totals.co2e_kg - lo.totals.co2e_kg),
      breakeven_inferences_low: lo.breakeven_inferences,
      breakeven_inferences_high: hi.breakeven_inferences,
    };
  });
  // Stable order: per-FU swing, then total swing, then name (so ties do not depend on input order).
  return rows.sort(
    (a, b) =>
      (b.swing_per_fu_co2e_g ?? 0) - (a.swing_per_fu_co2e_g ?? 0) ||
      (b.swing_co2e_kg ?? 0) - (a.swing_co2e_kg ?? 0) ||
      (a.parameter < b.parameter ? -1 : a.parameter > b.parameter ? 1 : 0),
  );
}
