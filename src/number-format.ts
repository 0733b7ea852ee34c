// The one number style of every human-facing text: the PR comment, job summary, report.md, CLI
// lines, `compare`, the ledger (through src/report/format.ts) and the dashboard's pages, charts and
// tables (through src/dashboard/format.ts, in Node and in the browser). A value prints the same
// way in all of them. Fixed locale (en-US) so output is byte-identical on every machine.
// - results: 3 significant figures (4 where a delta needs them, see `pair`), thousands
//   separators, never an exponent;
// - quantities: an SI prefix instead of an exponent (0.78 g, 780 mg, 1.2 t, 141 Wh, 55.9 kWh),
//   a non-breaking space between number and unit so the two never wrap apart;
// - inputs a user stated (PUE 1.375, grid 383.5 g CO2e/kWh): up to 4 significant figures, so
//   the value reads as it was written (`param`);
// - percentages: one decimal, signed for a change, `+16.3 %` with a non-breaking space;
// - counts: whole numbers with separators (2,428,779 inferences); `compact` only for chart axes;
// - negative numbers take the ASCII hyphen-minus (`-6.8 %`, `-2.5 kg`), not U+2212: what a
//   reader copies from a comment, a log or a table cell pastes as a number into a spreadsheet,
//   a calculator or `Number()`, and greps the same in a job log;
// - missing (null, NaN) prints `—`; an infinite value (a change from zero) prints `∞` / `-∞`.
// DOM-free and without imports: the dashboard's browser bundle (src/dashboard/client/) takes it
// in as it is, so it stays clear of Node-side code and the card schema (test/number-format.test.ts).

/** Non-breaking space: between a number and its unit or `%`. */
export const NBSP = '\u00a0';

const cache = new Map<string, Intl.NumberFormat>();
function nf(key: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', opts);
    cache.set(key, f);
  }
  return f;
}
const sigFormat = (sig: number) => nf(`sig${sig}`, { maximumSignificantDigits: sig });

const missing = (x: number | null | undefined): x is null | undefined => x === null || x === undefined || Number.isNaN(x);

function infinite(x: number): string {
  return x > 0 ? '∞' : '-∞';
}

/** A result: `sig` significant figures (3), separators, no exponent. `5682.67` -> `5,680`; null -> `—`. */
export function fmt(x: number | null | undefined, sig = 3): string {
  if (missing(x)) return '—';
  if (!Number.isFinite(x)) return infinite(x);
  if (x === 0) return '0';
  const s = sigFormat(sig).format(x);
  return s === '-0' ? '0' : s;
}

/** A value a user or a dataset stated (a factor, an intensity, a price): up to 4 significant figures. */
export function param(x: number | null | undefined): string {
  return fmt(x, 4);
}

/** A count: a whole number with separators. `2428778.6` -> `2,428,779`. */
export function count(x: number | null | undefined): string {
  if (missing(x)) return '—';
  if (!Number.isFinite(x)) return infinite(x);
  const r = Math.round(x);
  return nf('int', { maximumFractionDigits: 0 }).format(r === 0 ? 0 : r);
}

/** A count for a chart axis: `2.5M`, `50M`, `1B`, `1T` (two significant figures); null -> `—`. */
export function compact(x: number | null | undefined): string {
  if (missing(x)) return '—';
  if (!Number.isFinite(x)) return infinite(x);
  return nf('compact', { notation: 'compact', compactDisplay: 'short', maximumSignificantDigits: 2 }).format(x);
}

/** Signed result for a change: `+3.2`, `-1.5`, `0`. */
export function fmtSigned(x: number | null | undefined, sig = 3): string {
  if (missing(x)) return '—';
  const s = fmt(x, sig);
  return x > 0 ? `+${s}` : s;
}

/** A percentage value (16.27 means 16.27 %): one decimal; `0.042 %` below 0.05; no decimal from 1,000. */
function percentNumber(p: number): string {
  const a = Math.abs(p);
  if (a === 0) return '0.0';
  if (a < 0.05) return fmt(p, 2);
  if (a >= 1000) return count(p);
  return nf('pct1', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(p);
}

/** A change in percent, signed: `+16.3 %`, `-6.8 %`, `0.0 %`; null -> `—`. */
export function deltaPct(p: number | null | undefined): string {
  if (missing(p)) return '—';
  if (!Number.isFinite(p)) return `${p > 0 ? '+' : ''}${infinite(p)}${NBSP}%`;
  const s = percentNumber(p);
  return `${p > 0 ? '+' : ''}${s === '-0.0' ? '0.0' : s}${NBSP}%`;
}

/** A share (0..1) in percent: `0.1234` -> `12.3 %`. */
export function pct(share: number | null | undefined): string {
  if (missing(share) || !Number.isFinite(share)) return '—';
  const s = percentNumber(share * 100);
  return `${s === '-0.0' ? '0.0' : s}${NBSP}%`;
}

/** A percentage a user stated (a budget's limit), as stated: `10 %`, `12.5 %`; `signed` adds `+`. */
export function percent(p: number | null | undefined, opts: { signed?: boolean } = {}): string {
  if (missing(p) || !Number.isFinite(p)) return '—';
  return `${opts.signed && p > 0 ? '+' : ''}${param(p)}${NBSP}%`;
}

// --- Quantities with SI prefixes -------------------------------------------------------------

interface Step {
  unit: string;
  factor: number;
}

/**
 * Each unit family: its steps from small to large in the base unit, and the card units that
 * belong to it with their factor. Mass beyond kg goes to tonnes (t, kt, Mt), which is how carbon
 * is reported; water beyond 1,000 L to cubic metres.
 */
interface Family {
  steps: Step[];
  /** Text after the unit (`CO2e`). */
  suffix: string;
}

const MASS: Step[] = [
  { unit: 'µg', factor: 1e-6 },
  { unit: 'mg', factor: 1e-3 },
  { unit: 'g', factor: 1 },
  { unit: 'kg', factor: 1e3 },
  { unit: 't', factor: 1e6 },
  { unit: 'kt', factor: 1e9 },
  { unit: 'Mt', factor: 1e12 },
];
const ENERGY: Step[] = [
  { unit: 'µWh', factor: 1e-6 },
  { unit: 'mWh', factor: 1e-3 },
  { unit: 'Wh', factor: 1 },
  { unit: 'kWh', factor: 1e3 },
  { unit: 'MWh', factor: 1e6 },
  { unit: 'GWh', factor: 1e9 },
  { unit: 'TWh', factor: 1e12 },
];
const VOLUME: Step[] = [
  { unit: 'µL', factor: 1e-6 },
  { unit: 'mL', factor: 1e-3 },
  { unit: 'L', factor: 1 },
  { unit: 'm³', factor: 1e3 },
];
const POWER: Step[] = [
  { unit: 'mW', factor: 1e-3 },
  { unit: 'W', factor: 1 },
  { unit: 'kW', factor: 1e3 },
  { unit: 'MW', factor: 1e6 },
];

/** The family and the factor (in the family's base unit) of a unit written in a card or a metric table. */
function familyOf(unit: string): { family: Family; factor: number } | null {
  const m = /^(µg|mg|g|kg|t|µWh|mWh|Wh|kWh|MWh|GWh|µL|mL|L|m³|mW|W|kW|MW)(?: (CO2e))?$/.exec(unit);
  if (!m) return null;
  const u = m[1]!;
  const suffix = m[2] ? ` ${m[2]}` : '';
  for (const steps of [MASS, ENERGY, VOLUME, POWER]) {
    const s = steps.find((x) => x.unit === u);
    if (s) return { family: { steps, suffix }, factor: s.factor };
  }
  return null;
}

/** The step for a magnitude in base units: the largest whose factor is at most |v| (after rounding to `sig`). */
function stepFor(steps: Step[], base: number, sig: number): Step {
  const a = Math.abs(base);
  let i = steps.length - 1;
  while (i > 0 && a < steps[i]!.factor) i--;
  // Rounding can carry into the next step (999.7 g at 3 figures is 1,000 g: 1 kg).
  if (i < steps.length - 1 && Math.abs(Number((base / steps[i]!.factor).toPrecision(sig))) >= 1000) i++;
  return steps[i]!;
}

/**
 * A quantity with its unit, SI-prefixed: `qty(0.00078, 'kg CO2e')` -> `780 mg CO2e`,
 * `qty(1234, 'kg CO2e')` -> `1.23 t CO2e`, `qty(0.1406, 'kWh')` -> `141 Wh`. Units outside the
 * families (USD, h, g CO2e/kWh) keep their unit. Zero keeps the unit it came in.
 */
export function qty(value: number | null | undefined, unit: string, sig = 3): string {
  if (missing(value)) return '—';
  const f = familyOf(unit);
  if (!f || !Number.isFinite(value) || value === 0) return withUnit(fmt(value, sig), unit);
  const base = value * f.factor;
  const step = stepFor(f.family.steps, base, sig);
  return withUnit(fmt(base / step.factor, sig), `${step.unit}${f.family.suffix}`);
}

/** A quantity stated as an input (a factor, a limit): up to 4 significant figures, SI-prefixed. */
export function qtyParam(value: number | null | undefined, unit: string): string {
  return qty(value, unit, 4);
}

function withUnit(number: string, unit: string): string {
  return unit ? `${number}${NBSP}${unit}` : number;
}

/**
 * One unit for several values shown together (a table column, a sum): the prefix the largest
 * value calls for. `scaleFor([44.8, 0.14], 'kWh')` -> kWh; `scaleFor([0.0562, 0.0042], 'kg CO2e')`
 * -> g CO2e. `format` prints a value in that unit without the unit, `withUnit` with it.
 */
export function scaleFor(values: ReadonlyArray<number | null | undefined>, unit: string, sig = 3): Scale {
  const f = familyOf(unit);
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v) && v !== 0);
  if (!f || finite.length === 0) return scale(unit, 1, sig);
  const largest = Math.max(...finite.map((v) => Math.abs(v * f.factor)));
  const step = stepFor(f.family.steps, largest, sig);
  return scale(`${step.unit}${f.family.suffix}`, step.factor / f.factor, sig);
}

export interface Scale {
  /** The unit the values are shown in (`kWh`, `g CO2e`). */
  unit: string;
  /** A value in the original unit ÷ divisor = the value in `unit` (charts plot that). */
  divisor: number;
  /** The value in that unit, no unit: `0.141`. */
  format(v: number | null | undefined): string;
  /** The value in that unit, with it: `0.141 kWh`. */
  withUnit(v: number | null | undefined): string;
}

function scale(unit: string, divisor: number, sig: number): Scale {
  const format = (v: number | null | undefined) => (missing(v) ? '—' : fmt(v / divisor, sig));
  return { unit, divisor, format, withUnit: (v) => (missing(v) ? '—' : withUnit(format(v), unit)) };
}

/** A range in one unit: `23.1–27.6 kg CO2e`; a point (low = high) is one value. */
export function range(low: number | null | undefined, high: number | null | undefined, unit: string, sig = 3): string {
  if (missing(low) || missing(high)) return '—';
  const sc = scaleFor([low, high], unit, sig);
  if (sc.format(low) === sc.format(high)) return sc.withUnit(low);
  return withUnit(`${sc.format(low)}–${sc.format(high)}`, sc.unit);
}

/**
 * Base and head of a change, with enough figures that the change shows: 3, or 4 when 3 would
 * print the two alike (or misstate their difference by more than a tenth). One unit for both,
 * and the signed difference in it.
 */
export function pair(
  base: number | null | undefined,
  head: number | null | undefined,
  unit: string,
): { base: string; head: string; delta: string; unit: string } {
  const values = [base, head];
  let sc = scaleFor(values, unit, 3);
  if (!missing(base) && !missing(head) && base !== head) {
    const d = Math.abs(head - base) / sc.divisor;
    const shown = Math.abs(Number(sc.format(head).replace(/,/g, '')) - Number(sc.format(base).replace(/,/g, '')));
    if (sc.format(base) === sc.format(head) || Math.abs(shown - d) > d / 10) sc = scaleFor(values, unit, 4);
  }
  const delta = missing(base) || missing(head) ? '—' : fmtSigned((head - base) / sc.divisor);
  return { base: sc.format(base), head: sc.format(head), delta, unit: sc.unit };
}

const SUFFIX_UNITS = { kg: 'kg', g: 'g', kwh: 'kWh', wh: 'Wh', l: 'L', ml: 'mL', usd: 'USD', h: 'h' } as const;

/**
 * The unit a name carries in its suffix (the project's "units in every name"): `co2e_kg` -> `kg`,
 * `totals.energy_kwh` -> `kWh`, `water_ml` -> `mL`, `cost_usd` -> `USD`; '' when it carries none.
 * Masses without `CO2e`: the caller adds what is weighed (compare/metrics.ts unitOf does).
 */
export function unitOfName(name: string): string {
  const suffix = /_(kg|g|kwh|wh|l|ml|usd|h)$/.exec(name)?.[1];
  return suffix ? SUFFIX_UNITS[suffix as keyof typeof SUFFIX_UNITS] : '';
}
