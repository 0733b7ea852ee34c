// Grid carbon intensity (location-based, annual average, g CO2e per kWh consumed) by ISO 3166
// country, some subdivisions, and major cloud regions (mapped to the grid they sit on).
//
// LICENCE NOTE: the Ember yearly/monthly averages redistributed by @tgwf/co2 (CO2.js) are
// licensed CC BY-SA 4.0 (share-alike). Bundling them would put this file, and the bundled
// dist/, under share-alike terms, so that package was deliberately removed as a dependency and
// none of its numbers are copied here. Bundled values come only from: the textbook and paper
// in seeds/ (US 429, Quebec 20, Poland 820, France ≈ 57 for BLOOM), US EPA eGRID (public
// domain), and otherwise rounded ESTIMATES of recent (2022–2023) national annual averages,
// labelled "estimate" with a deliberately wide low/high. Users with better figures (e.g. their
// provider's published region data or a licensed Electricity Maps feed) set
// `grid.intensity_g_per_kwh` (and low/high) in the scenario, which overrides the region.
import { z } from 'zod';

export const GridFactor = z.object({
  /** Key as written in a scenario: `US`, `CA-QC`, `aws:us-east-1`. */
  region: z.string(),
  name: z.string(),
  kind: z.enum(['country', 'subdivision', 'cloud']),
  /** Grid this cloud region draws from (country or subdivision key); null for grids themselves. */
  grid: z.string().nullable(),
  g_per_kwh: z.number().nonnegative(),
  low: z.number().nonnegative(),
  high: z.number().nonnegative(),
  source: z.string(),
  year: z.number().int(),
});
export type GridFactor = z.infer<typeof GridFactor>;

type GridRow = readonly [region: string, name: string, central: number, low: number, high: number, source: string, year: number];

const TEXTBOOK = 'textbook (seeds/textbook-sustainable-ai.txt)';
const EST = 'estimate: rounded national annual average of recent years (2022–2023), not from a bundled dataset; wide range';
const EST_SUB = 'estimate: rounded state/provincial annual average of recent years (2021–2023), not from a bundled dataset; wide range';

/** Countries (ISO 3166-1 alpha-2). */
const COUNTRIES: readonly GridRow[] = [
  [
    'US',
    'United States (average)',
    429,
    370,
    460,
    `${TEXTBOOK}: US average 429 g/kWh; low end near the US EPA eGRID2022 national output rate (public domain)`,
    2024,
  ],
  ['CA', 'Canada', 130, 90, 170, EST, 2023],
  ['PL', 'Poland', 820, 650, 900, `${TEXTBOOK}: coal-dependent Poland 820 g/kWh`, 2024],
  ['FR', 'France', 57, 30, 90, 'Luccioni et al. 2023 (BLOOM carbon footprint, JMLR): 57 g/kWh for the French grid; textbook gives ≈ 50', 2023],
  ['DE', 'Germany', 380, 320, 480, EST, 2023],
  ['GB', 'United Kingdom', 220, 150, 280, EST, 2023],
  ['IE', 'Ireland', 300, 250, 400, EST, 2023],
  ['NL', 'Netherlands', 330, 260, 420, EST, 2023],
  ['BE', 'Belgium', 150, 100, 220, EST, 2023],
  ['CH', 'Switzerland', 40, 15, 100, EST, 2023],
  ['AT', 'Austria', 110, 70, 180, EST, 2023],
  ['DK', 'Denmark', 150, 80, 220, EST, 2023],
  ['ES', 'Spain', 170, 110, 250, EST, 2023],
  ['IT', 'Italy', 330, 260, 400, EST, 2023],
  ['SE', 'Sweden', 40, 8, 60, EST, 2023],
  ['NO', 'Norway', 30, 8, 50, EST, 2023],
  ['FI', 'Finland', 80, 50, 150, EST, 2023],
  ['IS', 'Iceland', 28, 5, 40, EST, 2023],
  ['IN', 'India', 710, 630, 800, EST, 2023],
  ['CN', 'China', 560, 500, 620, EST, 2023],
  ['HK', 'Hong Kong', 600, 500, 700, EST, 2023],
  ['TW', 'Taiwan', 560, 480, 640, EST, 2023],
  ['JP', 'Japan', 480, 420, 550, EST, 2023],
  ['KR', 'South Korea', 430, 380, 500, EST, 2023],
  ['SG', 'Singapore', 470, 400, 520, EST, 2023],
  ['ID', 'Indonesia', 680, 600, 780, EST, 2023],
  ['AU', 'Australia', 550, 450, 700, EST, 2023],
  ['NZ', 'New Zealand', 110, 60, 170, EST, 2023],
  ['BR', 'Brazil', 100, 60, 160, EST, 2023],
  ['CL', 'Chile', 300, 200, 400, EST, 2023],
  ['MX', 'Mexico', 420, 350, 500, EST, 2023],
  ['ZA', 'South Africa', 700, 600, 900, EST, 2023],
  ['AE', 'United Arab Emirates', 400, 300, 500, EST, 2023],
  ['IL', 'Israel', 500, 400, 600, EST, 2023],
  ['SA', 'Saudi Arabia', 560, 480, 650, EST, 2023],
];

/** Subdivisions (ISO 3166-2), where data centres cluster. */
const SUBDIVISIONS: readonly GridRow[] = [
  ['CA-QC', 'Québec', 20, 2, 35, `${TEXTBOOK}: Quebec hydroelectric grid 20 g/kWh (operational)`, 2024],
  ['CA-ON', 'Ontario', 40, 20, 80, EST_SUB, 2023],
  ['CA-BC', 'British Columbia', 20, 5, 40, EST_SUB, 2023],
  ['CA-AB', 'Alberta', 500, 400, 650, EST_SUB, 2023],
  ['US-VA', 'Virginia', 300, 250, 400, `${EST_SUB}; the textbook cites roughly 400 g/kWh for a Virginia on-prem cluster`, 2023],
  ['US-WV', 'West Virginia', 700, 600, 900, `${TEXTBOOK}: roughly 700 g/kWh for a West Virginia region; wide range`, 2024],
  ['US-OH', 'Ohio', 540, 450, 650, EST_SUB, 2023],
  ['US-CA', 'California', 200, 150, 280, EST_SUB, 2023],
  ['US-OR', 'Oregon', 150, 80, 300, `${EST_SUB}; the Pacific Northwest grid is shared, so the range is wide`, 2023],
  ['US-WA', 'Washington', 90, 50, 300, `${EST_SUB}; the Pacific Northwest grid is shared, so the range is wide`, 2023],
  ['US-TX', 'Texas (ERCOT)', 370, 320, 450, EST_SUB, 2023],
  ['US-IA', 'Iowa', 330, 250, 450, EST_SUB, 2023],
  ['US-IL', 'Illinois', 280, 200, 400, EST_SUB, 2023],
  ['US-GA', 'Georgia', 380, 320, 450, EST_SUB, 2023],
  ['US-SC', 'South Carolina', 250, 180, 350, EST_SUB, 2023],
  ['US-NC', 'North Carolina', 320, 250, 400, EST_SUB, 2023],
  ['US-NV', 'Nevada', 300, 230, 400, EST_SUB, 2023],
  ['US-AZ', 'Arizona', 340, 270, 420, EST_SUB, 2023],
  ['US-UT', 'Utah', 600, 500, 750, EST_SUB, 2023],
  ['US-NY', 'New York', 220, 160, 300, EST_SUB, 2023],
];

/**
 * Cloud regions -> the grid they sit on (location-based). Provider market-based figures
 * (with renewable purchases) can be far lower; set grid.intensity_g_per_kwh to use them.
 */
const CLOUD: ReadonlyArray<readonly [region: string, grid: string, location: string]> = [
  // AWS
  ['aws:us-east-1', 'US-VA', 'N. Virginia'],
  ['aws:us-east-2', 'US-OH', 'Ohio'],
  ['aws:us-west-1', 'US-CA', 'N. California'],
  ['aws:us-west-2', 'US-OR', 'Oregon'],
  ['aws:ca-central-1', 'CA-QC', 'Canada (Central, Montréal)'],
  ['aws:sa-east-1', 'BR', 'São Paulo'],
  ['aws:eu-west-1', 'IE', 'Ireland'],
  ['aws:eu-west-2', 'GB', 'London'],
  ['aws:eu-west-3', 'FR', 'Paris'],
  ['aws:eu-central-1', 'DE', 'Frankfurt'],
  ['aws:eu-central-2', 'CH', 'Zurich'],
  ['aws:eu-north-1', 'SE', 'Stockholm'],
  ['aws:eu-south-1', 'IT', 'Milan'],
  ['aws:eu-south-2', 'ES', 'Spain'],
  ['aws:ap-northeast-1', 'JP', 'Tokyo'],
  ['aws:ap-northeast-2', 'KR', 'Seoul'],
  ['aws:ap-northeast-3', 'JP', 'Osaka'],
  ['aws:ap-southeast-1', 'SG', 'Singapore'],
  ['aws:ap-southeast-2', 'AU', 'Sydney'],
  ['aws:ap-south-1', 'IN', 'Mumbai'],
  ['aws:ap-east-1', 'HK', 'Hong Kong'],
  ['aws:me-central-1', 'AE', 'UAE'],
  // Google Cloud
  ['gcp:us-central1', 'US-IA', 'Iowa'],
  ['gcp:us-east1', 'US-SC', 'South Carolina'],
  ['gcp:us-east4', 'US-VA', 'N. Virginia'],
  ['gcp:us-east5', 'US-OH', 'Columbus'],
  ['gcp:us-south1', 'US-TX', 'Dallas'],
  ['gcp:us-west1', 'US-OR', 'Oregon'],
  ['gcp:us-west2', 'US-CA', 'Los Angeles'],
  ['gcp:us-west3', 'US-UT', 'Salt Lake City'],
  ['gcp:us-west4', 'US-NV', 'Las Vegas'],
  ['gcp:northamerica-northeast1', 'CA-QC', 'Montréal'],
  ['gcp:northamerica-northeast2', 'CA-ON', 'Toronto'],
  ['gcp:southamerica-east1', 'BR', 'São Paulo'],
  ['gcp:europe-west1', 'BE', 'Belgium'],
  ['gcp:europe-west2', 'GB', 'London'],
  ['gcp:europe-west3', 'DE', 'Frankfurt'],
  ['gcp:europe-west4', 'NL', 'Netherlands'],
  ['gcp:europe-west6', 'CH', 'Zurich'],
  ['gcp:europe-west9', 'FR', 'Paris'],
  ['gcp:europe-north1', 'FI', 'Finland'],
  ['gcp:europe-central2', 'PL', 'Warsaw'],
  ['gcp:asia-east1', 'TW', 'Taiwan'],
  ['gcp:asia-east2', 'HK', 'Hong Kong'],
  ['gcp:asia-northeast1', 'JP', 'Tokyo'],
  ['gcp:asia-northeast3', 'KR', 'Seoul'],
  ['gcp:asia-southeast1', 'SG', 'Singapore'],
  ['gcp:asia-south1', 'IN', 'Mumbai'],
  ['gcp:australia-southeast1', 'AU', 'Sydney'],
  // Azure
  ['azure:eastus', 'US-VA', 'Virginia'],
  ['azure:eastus2', 'US-VA', 'Virginia'],
  ['azure:centralus', 'US-IA', 'Iowa'],
  ['azure:northcentralus', 'US-IL', 'Illinois'],
  ['azure:southcentralus', 'US-TX', 'Texas'],
  ['azure:westus', 'US-CA', 'California'],
  ['azure:westus2', 'US-WA', 'Washington'],
  ['azure:westus3', 'US-AZ', 'Arizona'],
  ['azure:canadacentral', 'CA-ON', 'Toronto'],
  ['azure:canadaeast', 'CA-QC', 'Québec City'],
  ['azure:brazilsouth', 'BR', 'São Paulo'],
  ['azure:westeurope', 'NL', 'Netherlands'],
  ['azure:northeurope', 'IE', 'Ireland'],
  ['azure:uksouth', 'GB', 'London'],
  ['azure:francecentral', 'FR', 'Paris'],
  ['azure:germanywestcentral', 'DE', 'Frankfurt'],
  ['azure:swedencentral', 'SE', 'Gävle'],
  ['azure:norwayeast', 'NO', 'Oslo'],
  ['azure:switzerlandnorth', 'CH', 'Zurich'],
  ['azure:japaneast', 'JP', 'Tokyo'],
  ['azure:koreacentral', 'KR', 'Seoul'],
  ['azure:southeastasia', 'SG', 'Singapore'],
  ['azure:eastasia', 'HK', 'Hong Kong'],
  ['azure:centralindia', 'IN', 'Pune'],
  ['azure:australiaeast', 'AU', 'New South Wales'],
];

function fromRow(kind: 'country' | 'subdivision', r: GridRow): GridFactor {
  const [region, name, g_per_kwh, low, high, source, year] = r;
  return { region, name, kind, grid: null, g_per_kwh, low, high, source, year };
}

export const GRID: readonly GridFactor[] = (() => {
  const grids = [...COUNTRIES.map((r) => fromRow('country', r)), ...SUBDIVISIONS.map((r) => fromRow('subdivision', r))];
  const byKey = new Map(grids.map((g) => [g.region, g]));
  const clouds = CLOUD.map(([region, gridKey, location]): GridFactor => {
    const g = byKey.get(gridKey);
    if (!g) throw new Error(`grid table: cloud region ${region} maps to unknown grid ${gridKey}`);
    return {
      region,
      name: `${region} (${location}) on the ${g.name} grid`,
      kind: 'cloud',
      grid: gridKey,
      g_per_kwh: g.g_per_kwh,
      low: g.low,
      high: g.high,
      source: `location-based: ${region} mapped to the ${gridKey} grid; ${g.source}`,
      year: g.year,
    };
  });
  return [...grids, ...clouds];
})();

const INDEX: ReadonlyMap<string, GridFactor> = new Map(GRID.map((g) => [g.region.toLowerCase(), g]));

/** Bare cloud region names ("us-east-1") that belong to exactly one provider. */
const BARE: ReadonlyMap<string, GridFactor> = (() => {
  const counts = new Map<string, GridFactor[]>();
  for (const g of GRID) {
    if (g.kind !== 'cloud') continue;
    const bare = g.region.slice(g.region.indexOf(':') + 1).toLowerCase();
    counts.set(bare, [...(counts.get(bare) ?? []), g]);
  }
  const m = new Map<string, GridFactor>();
  for (const [k, v] of counts) if (v.length === 1 && v[0]) m.set(k, v[0]);
  return m;
})();

/** Normalise a user-written region: trim, `aws/us-east-1` and `AWS:US-EAST-1` -> `aws:us-east-1`, `us_ca` -> `us-ca`. */
export function normaliseRegion(region: string): string {
  return region
    .trim()
    .toLowerCase()
    .replace(/^(aws|gcp|azure|google|gcloud|microsoft)[/ ]/, '$1:')
    .replace(/^(google|gcloud):/, 'gcp:')
    .replace(/^microsoft:/, 'azure:')
    .replace(/_/g, '-');
}

/** The grid factor for a country, subdivision or cloud region, or null. */
export function lookupGrid(region: string): GridFactor | null {
  const k = normaliseRegion(region);
  return INDEX.get(k) ?? BARE.get(k) ?? null;
}

/** Every region key, for did-you-mean hints and docs. */
export const GRID_REGIONS: readonly string[] = GRID.map((g) => g.region);
