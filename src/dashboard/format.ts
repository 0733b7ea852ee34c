// Numbers on the dashboard: the project's one number style (src/number-format.ts, the same as
// the PR comment and the CLI), in the generated HTML (Node) and in the charts' axes, tooltips and
// tables (the browser, src/dashboard/client/). This file adds what only the dashboard needs: fixed
// units (massG, massKg, energyKwh), a card path's value and label, and UTC dates.
// DOM-free and dependency-free like the module it builds on: the client bundle imports it too.

import { qty, unitOfName } from '../number-format.js';

export { compact, count, deltaPct, fmt, NBSP, pct } from '../number-format.js';

/** A mass given in grams: `780 mg`, `10.7 g`, `24.4 kg`, `1.2 t`. */
export function massG(g: number | null | undefined): string {
  return qty(g, 'g');
}

/** A mass given in kilograms (card totals): `24.4 kg`, `1.2 t`. */
export function massKg(kg: number | null | undefined): string {
  return qty(kg, 'kg');
}

/** Energy given in kWh (card stages and totals): `24.5 Wh`, `812 kWh`, `1.5 MWh`. */
export function energyKwh(kwh: number | null | undefined): string {
  return qty(kwh, 'kWh');
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
 * A value of a card path in the unit its last key names, SI-prefixed: `totals.co2e_kg` -> `24.4 kg`,
 * `per_functional_unit.co2e_g` -> `10.7 g`, `totals.energy_kwh` -> `812 kWh`, `totals.water_l` -> `3.25 L`.
 * Masses without `CO2e`: the page's heading names the metric.
 */
export function metricValue(value: number | null | undefined, metric: string): string {
  return qty(value, unitOfName(metric));
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
