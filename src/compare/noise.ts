// Is a base-vs-head delta a real change or noise? Base and head of one scenario share the
// reference factors (grid, PUE, embodied), so those uncertainties cancel in the delta; what does
// not cancel is the measured-data uncertainty each card stores in `interpretation.noise` (rejected
// rows, gaps, estimates) plus run-to-run jitter, taken as a relative floor. The two cards'
// half-widths add in quadrature (independent errors). When the cards use different factors the
// factor uncertainty no longer cancels, so the card-level uncertainty range is used instead.
import type { Comparison, ComparedMetric } from './schema.js';
import type { ModelCard } from '../report/card-schema.js';
import { deltaPct, percent, scaleFor, unitOf } from '../report/format.js';

/** Run-to-run variation of a re-measured job, as a share of the value (tool assumption, 2 %). */
export const NOISE_FLOOR_REL = 0.02;

export interface NoiseOptions {
  floorRel?: number;
}

/** Half-width of `metric`'s range in a card, from measurement noise or (factors differ) the full uncertainty. */
function halfWidth(card: ModelCard, metric: string, factorsDiffer: boolean): number | null {
  const i = card.interpretation;
  if (factorsDiffer) {
    const u = i.uncertainty;
    if (metric === 'totals.co2e_kg') return (u.co2e_kg_high - u.co2e_kg_low) / 2;
    if (metric === 'per_functional_unit.co2e_g' && u.per_fu_co2e_g_low !== undefined && u.per_fu_co2e_g_high !== undefined) {
      return (u.per_fu_co2e_g_high - u.per_fu_co2e_g_low) / 2;
    }
  }
  const r = i.noise?.[metric];
  return r ? (r.high - r.low) / 2 : null;
}

/**
 * Whether base and head used different reference factors. Only then does the factor uncertainty
 * stop cancelling in a delta; a different lifetime, WUE or price (a consistency statement, still
 * comparable) leaves the factors shared.
 */
function referenceFactorsDiffer(base: ModelCard, head: ModelCard): boolean {
  const a = base.scenario;
  const b = head.scenario;
  const values = (s: ModelCard['scenario']) => [
    s.grid.intensity_g_per_kwh,
    s.grid.intensity_low_g_per_kwh,
    s.grid.intensity_high_g_per_kwh,
    s.pue,
    s.it_overhead_factor,
    s.hardware.embodied_kg,
    s.hardware.lifespan_years,
  ];
  const va = values(a);
  const vb = values(b);
  return a.hardware.model !== b.hardware.model || va.some((x, i) => x !== vb[i]);
}

/**
 * A copy of `comparison` with `within_noise`, `noise_band` and a `noise_note` on every metric.
 * Cards that are not comparable (different functional unit or boundary) get `within_noise: null`.
 */
export function annotateNoise(comparison: Comparison, baseCard: ModelCard, headCard: ModelCard, opts: NoiseOptions = {}): Comparison {
  const floorRel = opts.floorRel ?? NOISE_FLOOR_REL;
  const factorsDiffer = referenceFactorsDiffer(baseCard, headCard);
  const metrics = comparison.metrics.map((m): ComparedMetric => {
    if (!comparison.comparable) {
      return { ...m, within_noise: null, noise_band: null, noise_note: 'Not comparable (different functional unit or boundary): no noise test.' };
    }
    if (m.delta === null || m.base === null || m.head === null) {
      return { ...m, within_noise: null, noise_band: null, noise_note: 'No base or head value: no noise test.' };
    }
    const hb = halfWidth(baseCard, m.metric, factorsDiffer);
    const hh = halfWidth(headCard, m.metric, factorsDiffer);
    const measured = Math.hypot(hb ?? 0, hh ?? 0);
    const floor = floorRel * Math.max(Math.abs(m.base), Math.abs(m.head));
    const band = Math.max(measured, floor);
    const within = Math.abs(m.delta) <= band;
    const unit = unitOf(m.metric);
    const what = factorsDiffer
      ? 'uncertainty of base and head (their factors differ, so it does not cancel)'
      : measured > floor
        ? 'measured-data uncertainty of base and head'
        : `${percent(floorRel * 100)} run-to-run floor`;
    const missing = hb === null || hh === null ? ' (a card has no noise range for this metric; floor used for it)' : '';
    const pct = m.delta_pct === null ? '' : ` (${deltaPct(m.delta_pct)})`;
    // The change and the band in the unit of the values, so the two read side by side.
    const sc = scaleFor([m.base, m.head], unit);
    const change = `${m.delta > 0 ? '+' : ''}${sc.withUnit(m.delta)}`;
    const note = within
      ? `${change}${pct} is within the noise band ±${sc.withUnit(band)} (${what})${missing}: not a real change.`
      : `${change}${pct} exceeds the noise band ±${sc.withUnit(band)} (${what})${missing}: a real change, ${
          (m.better === 'lower' ? m.delta < 0 : m.delta > 0) ? 'better' : 'worse'
        }.`;
    return { ...m, within_noise: within, noise_band: band, noise_note: note };
  });
  return { ...comparison, metrics };
}
