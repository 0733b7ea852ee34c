// The one place units are normalised (style.md §7). Parsers find a unit (in a header such as
// `power.draw [W]`, `power_consumption(kWh)`, `energy_mj`, or after a value such as `312.45 W`)
// and ask here for the factor to the canonical unit: watts for power, joules for energy,
// kilograms for mass. Parsers never multiply by 1000 inline.

export type Quantity = 'power' | 'energy' | 'mass';

/** Canonical units: power W, energy J, mass kg. */
const FACTORS: Record<Quantity, Record<string, number>> = {
  power: { w: 1, watt: 1, watts: 1, mw: 1e-3, milliwatt: 1e-3, milliwatts: 1e-3, kw: 1e3, kilowatt: 1e3, kilowatts: 1e3 },
  energy: {
    j: 1,
    joule: 1,
    joules: 1,
    mj: 1e-3, // lower-case `mj` is read as millijoule (DCGM's counter unit); megajoules are never logged by these tools
    millijoule: 1e-3,
    millijoules: 1e-3,
    kj: 1e3,
    wh: 3600,
    kwh: 3.6e6,
    mwh: 3.6e9,
  },
  mass: { g: 1e-3, gram: 1e-3, grams: 1e-3, kg: 1, kilogram: 1, kilograms: 1, t: 1e3, tonne: 1e3, tonnes: 1e3 },
};

/** Factor that turns a value in `unit` into the canonical unit of `q`, or null when unknown. */
export function unitFactor(unit: string, q: Quantity): number | null {
  const u = unit.trim().toLowerCase();
  // `MJ` written in capitals in a header is megajoules; only lower-case `mj` means millijoules.
  if (q === 'energy' && unit.trim() === 'MJ') return 1e6;
  return FACTORS[q][u] ?? null;
}

/** The quantity a unit string measures, if it is one we know. */
export function quantityOf(unit: string): Quantity | null {
  const u = unit.trim().toLowerCase();
  for (const q of ['power', 'energy', 'mass'] as const) if (u in FACTORS[q]) return q;
  return null;
}

export interface HeaderUnit {
  /** Column name without its unit decoration, lower-cased, e.g. `power.draw`, `power`. */
  base: string;
  /** Unit text as written, or null. */
  unit: string | null;
}

/**
 * Split a header cell into its name and unit: `power.draw [W]`, `power (W)`,
 * `power_consumption(kWh)`, `power_w`, `energy_mj`, `gpu0_energy`.
 * A `_w`-style suffix counts as a unit only when it is one we know.
 */
export function splitHeaderUnit(header: string): HeaderUnit {
  const h = header.trim();
  const bracket = /^(.*?)\s*[[(]\s*([A-Za-z%/ ]+?)\s*[\])]\s*$/.exec(h);
  if (bracket?.[1] !== undefined && bracket[2] !== undefined) {
    return { base: bracket[1].trim().toLowerCase(), unit: bracket[2] };
  }
  const suffix = /^(.*?)[_.-]([A-Za-z]+)$/.exec(h);
  if (suffix?.[1] && suffix[2] && quantityOf(suffix[2]) !== null && suffix[1].length > 0) {
    return { base: suffix[1].toLowerCase(), unit: suffix[2] };
  }
  return { base: h.toLowerCase(), unit: null };
}

export const J_PER_KWH = 3.6e6;
export const jToKwh = (j: number): number => j / J_PER_KWH;
export const kwhToJ = (kwh: number): number => kwh * J_PER_KWH;
