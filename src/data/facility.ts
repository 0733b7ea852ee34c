// Facility defaults: PUE, WUE, host overhead and hardware lifetime, each with source and range.
// Sources: seeds/textbook-sustainable-ai.txt ("Industry-average data centers operate at PUE of
// 1.5 to 2.0 (Uptime Institute 2022). Leading hyperscale facilities achieve PUE between 1.1 and
// 1.2"; "Google's fleet-wide PUE averages 1.10; the industry average is ~1.58"; WUE 0.5–2.0 L/kWh
// on site) and seeds/paper-model-lca.txt (4-year GPU lifetime).

export interface FactorDefault {
  value: number;
  low: number;
  high: number;
  unit: string;
  source: string;
  year: number;
}

const TEXTBOOK = 'textbook (seeds/textbook-sustainable-ai.txt)';

export const FACILITY_DEFAULTS = {
  /** Cloud regions: hyperscale facilities. */
  pue_hyperscale: {
    value: 1.12,
    low: 1.1,
    high: 1.2,
    unit: 'ratio',
    source: `${TEXTBOOK}: hyperscale PUE 1.12; leading hyperscale facilities 1.1–1.2`,
    year: 2024,
  },
  /** Everything else (on-prem, colocation, unknown): industry average. */
  pue_industry: {
    value: 1.58,
    low: 1.12,
    high: 2.0,
    unit: 'ratio',
    source: `${TEXTBOOK}: industry average ≈ 1.58, industry range 1.5–2.0 (Uptime Institute 2022); low end = hyperscale`,
    year: 2022,
  },
  /** On-site water usage effectiveness. Central = geometric mean of the textbook range. */
  wue: {
    value: 1.0,
    low: 0.5,
    high: 2.0,
    unit: 'L/kWh',
    source: `${TEXTBOOK}: WUE 0.5–2.0 L/kWh on site; central 1.0 = geometric mean of that range (our choice)`,
    year: 2024,
  },
  /** Off-site (electricity generation) water: not included unless the scenario gives it. */
  grid_water: {
    value: 0,
    low: 0,
    high: 0,
    unit: 'L/kWh',
    source: 'not included by default: set grid.water_intensity_l_per_kwh to add off-site water (system boundary)',
    year: 2026,
  },
  /** Host CPU/RAM/network on top of device-only energy. 1 = none unless the scenario says. */
  it_overhead_factor: {
    value: 1,
    low: 1,
    high: 1.375,
    unit: 'ratio',
    source: `default 1 (no host overhead added); ${TEXTBOOK}: a DGX H100 rack profile raises accelerator load 1.375× (1,433.6 kW -> 1,971.2 kW)`,
    year: 2024,
  },
  lifespan_years: {
    value: 4,
    low: 3,
    high: 5,
    unit: 'years',
    source: 'paper (seeds/paper-model-lca.txt): 4-year GPU lifetime; textbook: 3–4 years',
    year: 2026,
  },
  /** World average, used only when a scenario names neither a region nor an intensity. */
  grid_world: {
    value: 480,
    low: 350,
    high: 820,
    unit: 'g CO2e/kWh',
    source: 'estimate: rounded world average generation intensity (2022–2023); range from the textbook US average (429) region to Poland (820)',
    year: 2023,
  },
} as const satisfies Record<string, FactorDefault>;

/** Hours in a year, for the time-share embodied attribution (paper, textbook: lifespan × 8760). */
export const HOURS_PER_YEAR = 8760;
