// The one place units are normalised (style.md §7). Parsers find a unit (in a header such as
// `power.draw [W]`, `power_consumption(kWh)`, `energy_mj`, `elapsed_s`, or after a value such
// as `312.45 W`) and ask here how it reads: watts for power, joules for energy, kilograms for
// mass, seconds for time. Parsers never multiply by 1000 inline.
//
// Case matters, as in SI: `mW` is a milliwatt and `MW` a megawatt, `mWh` and `MWh` likewise,
// `mJ` and `MJ`. A unit whose case does not decide (`mw`, `mwh`, `mj`, or `MW` in a header
// written all in capitals, where every letter is upper case anyway) is *ambiguous*: readUnit
// returns every reading, the SI one for the letters as written first (lower-case m = milli).
// The caller decides between them by what is plausible for the device (builder.ts) and says so.

export type Quantity = 'power' | 'energy' | 'mass' | 'time';

/** One way to read a unit: the symbol as SI writes it, its factor to the canonical unit, its name. */
export interface UnitReading {
  symbol: string;
  factor: number;
  name: string;
}

const r = (symbol: string, factor: number, name: string): UnitReading => ({ symbol, factor, name });

/** Symbols, case as SI writes them. The canonical units: W, J, kg, s. */
const SYMBOLS: Record<Quantity, readonly UnitReading[]> = {
  power: [r('W', 1, 'watts'), r('mW', 1e-3, 'milliwatts'), r('kW', 1e3, 'kilowatts'), r('MW', 1e6, 'megawatts')],
  energy: [
    r('J', 1, 'joules'),
    r('mJ', 1e-3, 'millijoules'),
    r('kJ', 1e3, 'kilojoules'),
    r('MJ', 1e6, 'megajoules'),
    r('Wh', 3600, 'watt-hours'),
    r('mWh', 3.6, 'milliwatt-hours'),
    r('kWh', 3.6e6, 'kilowatt-hours'),
    r('MWh', 3.6e9, 'megawatt-hours'),
  ],
  mass: [r('g', 1e-3, 'grams'), r('kg', 1, 'kilograms'), r('t', 1e3, 'tonnes')],
  time: [
    r('s', 1, 'seconds'),
    r('ms', 1e-3, 'milliseconds'),
    r('us', 1e-6, 'microseconds'),
    r('µs', 1e-6, 'microseconds'),
    r('ns', 1e-9, 'nanoseconds'),
    r('min', 60, 'minutes'),
    r('h', 3600, 'hours'),
  ],
};

/** Spelled-out units (any case): their symbol. */
const WORDS: Record<Quantity, Record<string, string>> = {
  power: { watt: 'W', watts: 'W', milliwatt: 'mW', milliwatts: 'mW', kilowatt: 'kW', kilowatts: 'kW', megawatt: 'MW', megawatts: 'MW' },
  energy: { joule: 'J', joules: 'J', millijoule: 'mJ', millijoules: 'mJ', kilojoule: 'kJ', kilojoules: 'kJ', megajoule: 'MJ', megajoules: 'MJ' },
  mass: { gram: 'g', grams: 'g', kilogram: 'kg', kilograms: 'kg', tonne: 't', tonnes: 't' },
  time: {
    sec: 's',
    secs: 's',
    second: 's',
    seconds: 's',
    msec: 'ms',
    millisecond: 'ms',
    milliseconds: 'ms',
    minute: 'min',
    minutes: 'min',
    hour: 'h',
    hours: 'h',
  },
};

export interface UnitRead {
  /** Every reading the text allows, the one taken when nothing else decides first. */
  readings: UnitReading[];
  /** More than one reading: the letters' case does not decide (`mw`, `MWH`). */
  ambiguous: boolean;
}

/**
 * How a unit reads. `caseKnown` is false where the writer's case says nothing (a header all in
 * capitals: `POWER_MW`); then `MW` is as ambiguous as `mw`. Null for a unit not of quantity `q`.
 */
export function readUnit(unit: string, q: Quantity, caseKnown = true): UnitRead | null {
  const u = unit.trim();
  if (u === '') return null;
  const lower = u.toLowerCase();
  const word = WORDS[q][lower];
  const symbols = SYMBOLS[q];
  if (word !== undefined) return { readings: symbols.filter((s) => s.symbol === word), ambiguous: false };
  const exact = symbols.find((s) => s.symbol === u);
  const sameLetters = symbols.filter((s) => s.symbol.toLowerCase() === lower);
  if (exact && (caseKnown || sameLetters.length === 1)) return { readings: [exact], ambiguous: false };
  if (sameLetters.length === 0) return null;
  // SI first: the prefix as a lower-case letter reads milli (m), as written in capitals mega (M).
  const readings = [...sameLetters].sort((a, b) => siRank(a.symbol) - siRank(b.symbol));
  return { readings, ambiguous: readings.length > 1 };
}

/** Lower-case prefixes (milli) before upper-case ones (mega): the SI reading of lower-case text. */
function siRank(symbol: string): number {
  return symbol.startsWith('M') ? 1 : 0;
}

/** Factor to the canonical unit of `q` (W, J, kg, s) of the first reading, or null when unknown. */
export function unitFactor(unit: string, q: Quantity): number | null {
  return readUnit(unit, q)?.readings[0]?.factor ?? null;
}

/** The quantity a unit string measures, if it is one we know. */
export function quantityOf(unit: string): Quantity | null {
  for (const q of ['power', 'energy', 'mass', 'time'] as const) if (readUnit(unit, q) !== null) return q;
  return null;
}

export interface HeaderUnit {
  /** Column name without its unit decoration, lower-cased, e.g. `power.draw`, `power`. */
  base: string;
  /** Unit text as written, or null. */
  unit: string | null;
  /** Whether the letters' case carries meaning: false for a header written all in capitals. */
  caseKnown: boolean;
}

/**
 * Split a header cell into its name and unit: `power.draw [W]`, `power (W)`,
 * `power_consumption(kWh)`, `power_w`, `energy_mj`, `elapsed_s`, `gpu0_energy`.
 * A `_w`-style suffix counts as a unit only when it is one we know.
 */
export function splitHeaderUnit(header: string): HeaderUnit {
  const h = header.trim();
  const caseKnown = /[a-z]/.test(h);
  const bracket = /^(.*?)\s*[[(]\s*([A-Za-zµ%/ ]+?)\s*[\])]\s*$/.exec(h);
  if (bracket?.[1] !== undefined && bracket[2] !== undefined) {
    return { base: bracket[1].trim().toLowerCase(), unit: bracket[2], caseKnown };
  }
  const suffix = /^(.*?)[_.-]([A-Za-zµ]+)$/.exec(h);
  if (suffix?.[1] && suffix[2] && quantityOf(suffix[2]) !== null && suffix[1].length > 0) {
    return { base: suffix[1].toLowerCase(), unit: suffix[2], caseKnown };
  }
  return { base: h.toLowerCase(), unit: null, caseKnown };
}

export const J_PER_KWH = 3.6e6;
export const jToKwh = (j: number): number => j / J_PER_KWH;
export const kwhToJ = (kwh: number): number => kwh * J_PER_KWH;

/** The readings of a power column without a unit in its header: watts first (what loggers write). */
export const UNITLESS_POWER: readonly UnitReading[] = [SYMBOLS.power[0], SYMBOLS.power[1], SYMBOLS.power[2]] as UnitReading[];
/** The reading a mislabelled `_w` column is most often really in (domain.md: milliwatts in a `_w` column). */
export const MILLIWATTS: UnitReading = SYMBOLS.power[1] as UnitReading;
/** Joules and millijoules: the two units energy counters count in (NVML and DCGM count mJ). */
export const JOULES: UnitReading = SYMBOLS.energy[0] as UnitReading;
export const MILLIJOULES: UnitReading = SYMBOLS.energy[1] as UnitReading;
