// Facility defaults: PUE, WUE, host overhead and hardware lifetime, each with its citation and
// range (low/high), read by scenario/resolve.ts and by the uncertainty analysis.
// Sources: the textbook chapter "Sustainable AI" ("Industry-average data centers operate at PUE of
// 1.5 to 2.0 (Uptime Institute 2022). Leading hyperscale facilities achieve PUE between 1.1 and
// 1.2"; WUE "typical values ranging from 0.5 to 2.0 L/kWh"; the DGX H100 rack profile 1.375×),
// the paper "Evaluation of ML Resource Utilization Requires Model Life Cycle Assessment" (4-year
// GPU lifetime), and the world average of Our World in Data's carbon_intensity_elec.
import { lookupGrid } from './grid.js';
import { type Reference, ref } from './sources.js';

export interface FactorDefault {
  value: number;
  low: number;
  high: number;
  unit: string;
  /** Readable citation, kept for compatibility; `references` has the structured form. */
  source: string;
  year: number;
  references: readonly Reference[];
}

const TEXTBOOK = 'textbook chapter "Sustainable AI"';
const PAPER = 'paper "Evaluation of ML Resource Utilization Requires Model Life Cycle Assessment" (arXiv 2606.07632)';

const world = lookupGrid('WORLD');
if (!world) throw new Error('grid table: no World series');

export const FACILITY_DEFAULTS = {
  /** Cloud regions: hyperscale facilities. */
  pue_hyperscale: {
    value: 1.12,
    low: 1.1,
    high: 1.2,
    unit: 'ratio',
    source: `${TEXTBOOK}: hyperscale PUE 1.12 (worked examples); leading hyperscale facilities achieve 1.1–1.2`,
    year: 2024,
    references: [ref('textbook-sustainable-ai')],
  },
  /** Everything else (on-prem, colocation, unknown): industry average. */
  pue_industry: {
    value: 1.58,
    low: 1.12,
    high: 2.0,
    unit: 'ratio',
    source: `${TEXTBOOK}: industry average ≈ 1.58; industry-average data centers 1.5–2.0 (Uptime Institute 2022); low end = the hyperscale default`,
    year: 2022,
    references: [ref('textbook-sustainable-ai'), ref('uptime-2022')],
  },
  /** On-site water usage effectiveness. Central = geometric mean of the textbook's typical range. */
  wue: {
    value: 1.0,
    low: 0.5,
    high: 2.0,
    unit: 'L/kWh',
    source: `${TEXTBOOK} (Eq. 3, The Green Grid WUE): typical 0.5–2.0 L/kWh on site; central 1.0 is the geometric mean of that range (our choice, not a published figure)`,
    year: 2024,
    references: [ref('textbook-sustainable-ai')],
  },
  /** Off-site (electricity generation) water: not included unless the scenario gives it. */
  grid_water: {
    value: 0,
    low: 0,
    high: 0,
    unit: 'L/kWh',
    source: 'not included by default: set grid.water_intensity_l_per_kwh to add off-site water (system boundary)',
    year: 2026,
    references: [],
  },
  /** Host CPU/RAM/network on top of device-only energy. 1 = none unless the scenario says. */
  it_overhead_factor: {
    value: 1,
    low: 1,
    high: 1.375,
    unit: 'ratio',
    source: `default 1 (no host overhead added); high end: ${TEXTBOOK}, the DGX H100 rack profile raises accelerator load 1.375× (1,433.6 kW -> 1,971.2 kW)`,
    year: 2024,
    references: [ref('textbook-sustainable-ai')],
  },
  lifespan_years: {
    value: 4,
    low: 3,
    high: 5,
    unit: 'years',
    source: `${PAPER}: 4-year GPU lifetime; ${TEXTBOOK}: 3–4 years; high end 5 years (our choice, longer service)`,
    year: 2026,
    references: [ref('paper-model-lca'), ref('textbook-sustainable-ai')],
  },
  /** World average, used only when a scenario names neither a region nor an intensity. */
  grid_world: {
    value: world.g_per_kwh,
    low: world.low,
    high: world.high,
    unit: 'g CO2e/kWh',
    source: world.source,
    year: world.year,
    references: world.references,
  },
} as const satisfies Record<string, FactorDefault>;

/** Hours in a year, for the time-share embodied attribution (paper, textbook: lifespan × 8760). */
export const HOURS_PER_YEAR = 8760;
