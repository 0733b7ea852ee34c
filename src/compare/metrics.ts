// The metrics compared between cards and allowed in budgets: one table, with unit and the
// direction that is better (every impact is better lower).

import { unitOfName } from '../number-format.js';

export interface Metric {
  /** Dotted path into the model card. */
  path: string;
  unit: string;
  better: 'lower' | 'higher';
  label: string;
}

export const METRICS: readonly Metric[] = [
  { path: 'totals.co2e_kg', unit: 'kg CO2e', better: 'lower', label: 'total CO2e' },
  { path: 'totals.operational_co2e_kg', unit: 'kg CO2e', better: 'lower', label: 'operational CO2e' },
  { path: 'totals.embodied_co2e_kg', unit: 'kg CO2e', better: 'lower', label: 'embodied CO2e' },
  { path: 'totals.energy_kwh', unit: 'kWh', better: 'lower', label: 'facility energy' },
  { path: 'totals.it_energy_kwh', unit: 'kWh', better: 'lower', label: 'IT energy incl. overhead' },
  { path: 'totals.water_l', unit: 'L', better: 'lower', label: 'water' },
  { path: 'totals.cost_usd', unit: 'USD', better: 'lower', label: 'cost' },
  { path: 'per_functional_unit.co2e_g', unit: 'g CO2e', better: 'lower', label: 'CO2e per FU' },
  { path: 'per_functional_unit.marginal_co2e_g', unit: 'g CO2e', better: 'lower', label: 'marginal CO2e per FU' },
  { path: 'per_functional_unit.embodied_co2e_g', unit: 'g CO2e', better: 'lower', label: 'embodied CO2e per FU' },
  { path: 'per_functional_unit.amortized_co2e_g', unit: 'g CO2e', better: 'lower', label: 'amortized CO2e per FU' },
  { path: 'per_functional_unit.energy_wh', unit: 'Wh', better: 'lower', label: 'facility energy per FU' },
  { path: 'per_functional_unit.water_ml', unit: 'mL', better: 'lower', label: 'water per FU' },
  { path: 'per_functional_unit.cost_usd', unit: 'USD', better: 'lower', label: 'cost per FU' },
  { path: 'lifetime.co2e_kg', unit: 'kg CO2e', better: 'lower', label: 'lifetime CO2e' },
];

/** Per-stage columns compared for each stage present in either card. */
export const STAGE_FIELDS: ReadonlyArray<{ field: string; unit: string; label: string }> = [
  { field: 'co2e_kg', unit: 'kg CO2e', label: 'CO2e' },
  { field: 'energy_kwh', unit: 'kWh', label: 'facility energy' },
  { field: 'water_l', unit: 'L', label: 'water' },
  { field: 'cost_usd', unit: 'USD', label: 'cost' },
];

/** Unit of a card path (stage paths included), or '' when unknown. */
export function unitOf(path: string): string {
  const m = METRICS.find((x) => x.path === path);
  if (m) return m.unit;
  const stage = /^stages\.[^.]+\.(.+)$/.exec(path);
  const f = stage ? STAGE_FIELDS.find((x) => x.field === stage[1]) : undefined;
  if (f) return f.unit;
  const unit = unitOfName(path);
  return unit === 'kg' || unit === 'g' ? `${unit} CO2e` : unit; // a mass in a card is CO2e
}

/**
 * What a metric is, in words for a reader: `CO2e per FU`, `training: facility energy`; the path
 * itself when it is none of the compared metrics. Plain text: a stage name comes from the card,
 * so markdown callers escape the result.
 */
export function labelOf(path: string): string {
  const m = METRICS.find((x) => x.path === path);
  if (m) return m.label;
  const stage = /^stages\.(.+)\.([^.]+)$/.exec(path);
  const f = stage ? STAGE_FIELDS.find((x) => x.field === stage[2]) : undefined;
  if (stage && f) return `${stage[1]}: ${f.label}`;
  return path;
}

/** Value at a dotted path (`stages.training.co2e_kg`); undefined when the path does not exist. */
export function valueAtPath(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** Every dotted path to a number (or null) under the given roots: the metrics a budget may name. */
export function numericPaths(root: unknown, roots: readonly string[] = ['totals', 'per_functional_unit', 'lifetime', 'stages', 'interpretation']): string[] {
  const out: string[] = [];
  const walk = (v: unknown, p: string, depth: number) => {
    if (typeof v === 'number' || v === null) {
      out.push(p);
      return;
    }
    if (depth > 3 || v === undefined || typeof v !== 'object' || Array.isArray(v)) return;
    for (const [k, x] of Object.entries(v)) walk(x, `${p}.${k}`, depth + 1);
  };
  for (const r of roots) walk(valueAtPath(root, r), r, 0);
  return out;
}
