// Numbers for humans: fixed locale (en-US) so reports are byte-identical everywhere, enough
// significant digits to check a hand calculation, thousands separators for large values.

const BIG = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const MID = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

/** `5682.67` -> `5,682.7`; `0.49954` -> `0.4995`; `1.2e-7` -> `1.2e-7`; null -> `—`. */
export function fmt(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  const a = Math.abs(x);
  if (a === 0) return '0';
  if (a >= 1000) return BIG.format(x);
  if (a >= 0.001) return MID.format(x);
  return x.toExponential(2).replace(/\.?0+e/, 'e');
}

/** Signed, for deltas: `+3.2`, `−1.5`. */
export function fmtSigned(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  return x > 0 ? `+${fmt(x)}` : fmt(x);
}

/** `0.1234` -> `12.3 %` (a share 0..1). */
export function pct(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${(share * 100).toFixed(1)} %`;
}

/** The unit of a card path: one table of metrics and units, in compare/metrics.ts. */
export { unitOf } from '../compare/metrics.js';
