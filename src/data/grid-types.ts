// Shapes of the generated reference tables (src/data/generated/grid-data.ts, written by
// `npm run data` from data/). Kept apart so the generated module has no logic of its own.

/** One dataset copy pinned under data/ (data/manifest.json). */
export interface DatasetMeta {
  id: string;
  title: string;
  publisher: string;
  /** The page a reader opens to see the data. */
  url: string;
  /** Where the dataset itself is published. */
  dataset_url: string;
  licence: string;
  licence_url: string;
  attribution: string;
  unit: string;
  /** When the pinned copy was taken (YYYY-MM-DD). */
  retrieved: string;
  /** repository@commit:path the pinned copy came from. */
  obtained_from: string;
}

/** A grid's annual intensity by year: [year, g CO2e/kWh]. */
export interface GridSeries {
  key: string;
  /** The dataset's own code (ISO alpha-3 for OWID, subregion acronym for eGRID). */
  code: string;
  name: string;
  points: ReadonlyArray<readonly [number, number]>;
  /** eGRID: the EPA workbook of each data year. */
  urls?: Readonly<Record<string, string>>;
}

/** A Google Cloud region by year: [year, g CO2e/kWh, Google CFE fraction or null]. */
export interface GcpSeries {
  key: string;
  location: string;
  points: ReadonlyArray<readonly [number, number, number | null]>;
}

/** A region that takes its intensity from another key (a cloud region's grid, a state's subregion). */
export interface RegionMapping {
  key: string;
  location: string;
  grid: string;
  why: string;
}
