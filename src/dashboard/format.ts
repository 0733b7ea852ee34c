// Numbers on the dashboard: one style everywhere (3 significant figures, thousands separators,
// SI-prefixed units instead of scientific notation), the same in the generated HTML (Node) and
// in the charts' axes, tooltips and tables (the browser, src/dashboard/client/). Fixed locale
// (en-US) so a page reads the same on every machine and the browser tests can assert text.
// DOM-free and dependency-free: the client bundle imports it too.

const SIG3 = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });
const SIG3_SIGNED = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3, signDisplay: 'exceptZero' });
const INT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const COMPACT = new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 3 });

/** Non-breaking space between a number and its unit, so they never wrap apart. */
export const NBSP = '\u00a0';
const MINUS = '\u2212';

/** `x` rounded to 3 significant figures (so the unit is picked after rounding: 999.7 g -> 1 kg). */
function round3(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(3));
}

/** A scale of units, smallest first: [factor from the base unit, symbol]. */
type Scale = ReadonlyArray<readonly [number, string]>;

/** Mass, base unit gram: µg, mg, g, kg, t (tonne), kt, Mt. */
const MASS_G: Scale = [
  [1e-6, 'µg'],
  [1e-3, 'mg'],
  [1, 'g'],
  [1e3, 'kg'],
  [1e6, 't'],
  [1e9, 'kt'],
  [1e12, 'Mt'],
];

/** Energy, base unit watt-hour: mWh, Wh, kWh, MWh, GWh. */
const ENERGY_WH: Scale = [
  [1e-3, 'mWh'],
  [1, 'Wh'],
  [1e3, 'kWh'],
  [1e6, 'MWh'],
  [1e9, 'GWh'],
];

/** `—` for a value that is missing or not finite. */
function missing(x: number | null | undefined): x is null | undefined {
  return x === null || x === undefined || !Number.isFinite(x);
}

/** A plain number, 3 significant figures: `10.7`, `1,230`, `0.00123`. */
export function num(x: number | null | undefined): string {
  if (missing(x)) return '—';
  return SIG3.format(round3(x)).replace('-', MINUS);
}

function scaled(x: number | null | undefined, scale: Scale): string {
  if (missing(x)) return '—';
  const r = round3(x);
  const a = Math.abs(r);
  let pick = scale[0]!;
  for (const s of scale) if (a >= s[0]) pick = s;
  if (a === 0) pick = scale.find((s) => s[0] === 1) ?? pick;
  return `${num(r / pick[0])}${NBSP}${pick[1]}`;
}

/** A mass given in grams: `780 mg`, `10.7 g`, `24.4 kg`, `1.2 t`. */
export function massG(g: number | null | undefined): string {
  return scaled(g, MASS_G);
}

/** A mass given in kilograms (card totals): `24.4 kg`, `1.2 t`. */
export function massKg(kg: number | null | undefined): string {
  return massG(missing(kg) ? kg : kg * 1000);
}

/** Energy given in kWh (card stages and totals): `24.5 Wh`, `812 kWh`, `1.5 MWh`. */
export function energyKwh(kwh: number | null | undefined): string {
  return scaled(missing(kwh) ? kwh : kwh * 1000, ENERGY_WH);
}

/** A percentage change with its sign: `+16.3 %`, `−4.2 %`, `0 %`. */
export function pctChange(p: number | null | undefined): string {
  if (missing(p)) return '—';
  return `${SIG3_SIGNED.format(round3(p)).replace('-', MINUS)}${NBSP}%`;
}

/** A share of a whole given in percent (no sign): `45.2 %`. */
export function pct(p: number | null | undefined): string {
  if (missing(p)) return '—';
  return `${num(p)}${NBSP}%`;
}

/** A count: `2,428,779`. */
export function count(n: number | null | undefined): string {
  if (missing(n)) return '—';
  return INT.format(Math.round(n)).replace('-', MINUS);
}

/** A large count in short form, for axes: `2.5M`, `1B`, `10T`. */
export function compact(n: number | null | undefined): string {
  if (missing(n)) return '—';
  return COMPACT.format(round3(n)).replace('-', MINUS);
}

/** `YYYY-MM-DD` (UTC) of a Unix time in seconds. */
export function utcDay(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:MM UTC` of a Unix time in seconds. */
export function utcMinute(unixSeconds: number): string {
  const iso = new Date(unixSeconds * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * A value of a card path in its unit, from the suffix of the path's last key:
 * `totals.co2e_kg` -> `24.4 kg`, `per_functional_unit.co2e_g` -> `10.7 g`, `totals.energy_kwh` -> `812 kWh`.
 */
export function metricValue(value: number | null | undefined, metric: string): string {
  const key = metric.slice(metric.lastIndexOf('.') + 1);
  if (key.endsWith('_kg')) return massKg(value);
  if (key.endsWith('_g')) return massG(value);
  if (key.endsWith('_kwh')) return energyKwh(value);
  if (key.endsWith('_wh')) return energyKwh(missing(value) ? value : value / 1000);
  const unit = /_(l|ml|usd|h)$/.exec(key)?.[1];
  const label = unit ? ({ l: 'L', ml: 'mL', usd: 'USD', h: 'h' } as const)[unit as 'l'] : '';
  return label ? `${num(value)}${NBSP}${label}` : num(value);
}

/** Plain words for a card path in a heading: `totals.co2e_kg` -> `CO2e (total)`. */
export function metricLabel(metric: string): string {
  const known: Record<string, string> = {
    'totals.co2e_kg': 'CO2e',
    'totals.energy_kwh': 'energy',
    'totals.water_l': 'water',
    'totals.cost_usd': 'cost',
    'per_functional_unit.co2e_g': 'CO2e per functional unit',
  };
  return known[metric] ?? metric;
}
