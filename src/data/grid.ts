// Grid carbon intensity (location-based, annual average, g CO2e per kWh) by year, from public
// datasets pinned under data/ and turned into typed tables by `npm run data`
// (src/data/generated/grid-data.ts):
//  - countries: Our World in Data, carbon_intensity_elec (Ember; Energy Institute), CC BY 4.0;
//  - US: EPA eGRID subregion CO2e output emission rates (public domain); a state key resolves to
//    the subregion that serves most of its load (data/us-states.csv says which and why);
//  - Google Cloud regions: Google's own region-carbon-info yearly figures (grid intensity, CFE);
//  - AWS and Azure regions: the grid of their location (data/cloud-regions.csv, per region).
//
// LICENCE NOTE: share-alike data is not bundled. The Ember yearly/monthly averages redistributed
// by @tgwf/co2 (CO2.js) are CC BY-SA 4.0, and Electricity Maps' data is ODbL; neither is a
// dependency and none of their numbers are copied here.
//
// The year matters: `lookupGrid(region, year)` gives the value of that data year, or the nearest
// earlier one (the latest available when the year is newer than the data), and says so in
// `year_note`. low/high are the spread (min/max) of the five most recent data years up to the one
// used: the year-to-year variation of the grid, taken from the dataset, not a hand-typed guess.
import { z } from 'zod';
import { CLOUD_MAPPINGS, EGRID_SERIES, GCP_COLUMNS, GCP_SERIES, OWID_SERIES, STATE_MAPPINGS } from './generated/grid-data.js';
import type { RegionMapping } from './grid-types.js';
import { Reference, ref, refForYear } from './sources.js';

export const GridFactor = z.object({
  /** Key as written in a scenario: `US`, `US-VA`, `egrid:SRVC`, `aws:us-east-1`. */
  region: z.string(),
  name: z.string(),
  kind: z.enum(['country', 'subdivision', 'subregion', 'cloud']),
  /** Grid this region draws from (country, subdivision or eGRID subregion key); null for grids themselves. */
  grid: z.string().nullable(),
  g_per_kwh: z.number().nonnegative(),
  low: z.number().nonnegative(),
  high: z.number().nonnegative(),
  /** Readable citation (dataset, publisher, data year, licence, URL). */
  source: z.string(),
  /** Data year of `g_per_kwh`. */
  year: z.number().int(),
  /** The year asked for (null: none asked, the latest available was used). */
  requested_year: z.number().int().nullable(),
  /** Why the data year differs from the year asked for; null when it does not. */
  year_note: z.string().nullable(),
  /** Data years the low/high spread covers. */
  range_years: z.tuple([z.number().int(), z.number().int()]),
  /** Every data year the dataset holds for this grid. */
  years: z.array(z.number().int()),
  /** Google CFE (hourly carbon-free energy share, 0–1) for Google Cloud regions; else null. */
  cfe: z.number().min(0).max(1).nullable(),
  references: z.array(Reference),
});
export type GridFactor = z.infer<typeof GridFactor>;

/** Years in the low/high spread. */
export const RANGE_YEARS = 5;

type Point = readonly [number, number, (number | null)?];

interface Grid {
  key: string;
  name: string;
  kind: 'country' | 'subdivision' | 'subregion' | 'cloud';
  dataset: 'owid-carbon-intensity-elec' | 'epa-egrid' | 'gcp-region-carbon-info';
  points: readonly Point[];
  /** How the dataset names this row (for the citation). */
  row: string;
}

const OWID_URL = ref('owid-carbon-intensity-elec');

// Canadian provinces: no open dataset by province is bundled; Google publishes the grid intensity
// of the Québec and Ontario grids for its Montréal and Toronto regions, which is what these use.
const PROVINCES_FROM_GCP: ReadonlyArray<readonly [key: string, name: string, gcp: string]> = [
  ['CA-QC', 'Québec (Hydro-Québec grid)', 'gcp:northamerica-northeast1'],
  ['CA-ON', 'Ontario (IESO grid)', 'gcp:northamerica-northeast2'],
];

const GRIDS: ReadonlyMap<string, Grid> = (() => {
  const m = new Map<string, Grid>();
  for (const s of OWID_SERIES) {
    m.set(s.key.toLowerCase(), {
      key: s.key,
      name: s.name,
      kind: 'country',
      dataset: 'owid-carbon-intensity-elec',
      points: s.points,
      row: `${s.name} (${s.code})`,
    });
  }
  for (const s of EGRID_SERIES) {
    const name = s.code === 'US' ? 'United States (eGRID U.S. total)' : `eGRID subregion ${s.code}`;
    m.set(s.key.toLowerCase(), {
      key: s.key,
      name,
      kind: 'subregion',
      dataset: 'epa-egrid',
      points: s.points,
      row: s.code === 'US' ? 'U.S. (USC2ERTA)' : `${s.code} (SRC2ERTA)`,
    });
  }
  for (const s of GCP_SERIES) {
    m.set(s.key.toLowerCase(), {
      key: s.key,
      name: `${s.key} (${s.location})`,
      kind: 'cloud',
      dataset: 'gcp-region-carbon-info',
      points: s.points,
      row: s.key.slice(4),
    });
  }
  for (const [key, name, gcp] of PROVINCES_FROM_GCP) {
    const g = m.get(gcp);
    if (g) m.set(key.toLowerCase(), { ...g, key, name, kind: 'subdivision', row: `${g.row} (Google's figure for the ${name} grid)` });
  }
  return m;
})();

/** Keys that take another key's grid: US states (-> eGRID subregion), AWS/Azure regions (-> grid). */
const MAPPED: ReadonlyMap<string, RegionMapping & { kind: 'subdivision' | 'cloud' }> = new Map(
  [...STATE_MAPPINGS.map((r) => ({ ...r, kind: 'subdivision' as const })), ...CLOUD_MAPPINGS.map((r) => ({ ...r, kind: 'cloud' as const }))].map((r) => [
    r.key.toLowerCase(),
    r,
  ]),
);

/** The point for `year` (or the nearest earlier; the earliest when all are later; the latest without a year). */
function pick(points: readonly Point[], year: number | null): { point: Point; note: string | null } {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) throw new Error('grid table: a series without points');
  if (year === null) return { point: last, note: null };
  if (year > last[0]) return { point: last, note: `no ${year} data yet: the latest available year (${last[0]}) is used` };
  if (year < first[0]) return { point: first, note: `no data for ${year}: the earliest available year (${first[0]}) is used` };
  const exact = points.find((p) => p[0] === year);
  if (exact) return { point: exact, note: null };
  const earlier = [...points].reverse().find((p) => p[0] < year) ?? first;
  return { point: earlier, note: `no ${year} data: the nearest earlier year (${earlier[0]}) is used` };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

function sourceText(g: Grid, year: number, value: number, from: number, to: number): string {
  const spread = from === to ? `single data year ${year}` : `range = spread of data years ${from}–${to}`;
  switch (g.dataset) {
    case 'owid-carbon-intensity-elec':
      return `Our World in Data, carbon intensity of electricity (Ember; Energy Institute), ${g.row} ${year}: ${round(value)} g CO2e/kWh; ${spread}; CC BY 4.0; ${OWID_URL.url}`;
    case 'epa-egrid':
      return `U.S. EPA eGRID${year}, ${g.row} CO2e total output emission rate: ${round(value)} g CO2e/kWh; ${spread}; public domain; ${ref('epa-egrid').url}`;
    case 'gcp-region-carbon-info': {
      const basis = /lifecycle/i.test(GCP_COLUMNS[year] ?? '') ? ' (life-cycle basis in this year)' : '';
      return `Google Cloud region-carbon-info ${year}, ${g.row}: grid carbon intensity ${round(value)} g CO2e/kWh${basis}; ${spread}; Apache-2.0; ${ref('gcp-region-carbon-info').url}`;
    }
  }
}

function factorOf(g: Grid, year: number | null): GridFactor {
  const { point, note } = pick(g.points, year);
  const [y, value] = point;
  const window = g.points.filter((p) => p[0] <= y && p[0] > y - RANGE_YEARS);
  const values = window.map((p) => p[1]);
  const from = window[0]?.[0] ?? y;
  return {
    region: g.key,
    name: g.name,
    kind: g.kind,
    grid: null,
    g_per_kwh: value,
    low: Math.min(...values),
    high: Math.max(...values),
    source: sourceText(g, y, value, from, y),
    year: y,
    requested_year: year,
    year_note: note,
    range_years: [from, y],
    years: g.points.map((p) => p[0]),
    cfe: g.dataset === 'gcp-region-carbon-info' ? (point[2] ?? null) : null,
    references: [refForYear(g.dataset, y)],
  };
}

function mappedFactor(m: RegionMapping & { kind: 'subdivision' | 'cloud' }, year: number | null): GridFactor | null {
  const g = GRIDS.get(m.grid.toLowerCase());
  if (!g) return null;
  const f = factorOf(g, year);
  const what = m.kind === 'cloud' ? `location-based: ${m.key} (${m.location}) draws from the ${g.name} grid` : `${m.location} resolves to ${g.name}`;
  return { ...f, region: m.key, name: `${m.key} (${m.location}) on the ${g.name} grid`, kind: m.kind, grid: g.key, source: `${what} (${m.why}); ${f.source}` };
}

/** Every key, canonical spelling. */
export const GRID_REGIONS: readonly string[] = [...[...GRIDS.values()].map((g) => g.key), ...[...MAPPED.values()].map((m) => m.key)];

/** Bare cloud region names ("us-east-1") that belong to exactly one provider. */
const BARE: ReadonlyMap<string, string> = (() => {
  const counts = new Map<string, string[]>();
  for (const key of GRID_REGIONS) {
    const i = key.indexOf(':');
    if (i < 0 || key.startsWith('egrid:')) continue;
    const bare = key.slice(i + 1).toLowerCase();
    counts.set(bare, [...(counts.get(bare) ?? []), key]);
  }
  const m = new Map<string, string>();
  for (const [k, v] of counts) if (v.length === 1 && v[0]) m.set(k, v[0]);
  return m;
})();

/** Normalise a user-written region: trim, `aws/us-east-1` and `AWS:US-EAST-1` -> `aws:us-east-1`, `us_ca` -> `us-ca`. */
export function normaliseRegion(region: string): string {
  return region
    .trim()
    .toLowerCase()
    .replace(/^(aws|gcp|azure|google|gcloud|microsoft|egrid)[/ ]/, '$1:')
    .replace(/^(google|gcloud):/, 'gcp:')
    .replace(/^microsoft:/, 'azure:')
    .replace(/_/g, '-');
}

/**
 * The grid factor for a country, subdivision, eGRID subregion or cloud region, for a data year
 * (null: the latest available), or null when the region is unknown.
 */
export function lookupGrid(region: string, year: number | null = null): GridFactor | null {
  let k = normaliseRegion(region);
  k = BARE.get(k)?.toLowerCase() ?? k;
  const g = GRIDS.get(k);
  if (g) return factorOf(g, year);
  const m = MAPPED.get(k);
  return m ? mappedFactor(m, year) : null;
}

/** Every region at its latest data year, for listings and docs (`ml-lca data grid`). */
export function gridTable(year: number | null = null): GridFactor[] {
  return GRID_REGIONS.map((r) => lookupGrid(r, year)).filter((f): f is GridFactor => f !== null);
}

/** Every region at its latest data year (compatibility: the old static table). */
export const GRID: readonly GridFactor[] = gridTable();
