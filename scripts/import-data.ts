// `npm run data`: turns the pinned dataset copies in data/ into the typed tables of
// src/data/generated/grid-data.ts. Offline and deterministic: it reads only data/ (and the ISO
// 3166 code table of the i18n-iso-countries dev dependency), never the network.
// test/data/generated.test.ts fails when the committed module differs from what this writes.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import countries from 'i18n-iso-countries';
import type { DatasetMeta } from '../src/data/grid-types.js';

export const GENERATED_PATH = 'src/data/generated/grid-data.ts';

type Read = (relPath: string) => string;

/** data/manifest.json: the generated DatasetMeta plus where the copy came from and its files. */
interface Manifest {
  datasets: Array<Omit<DatasetMeta, 'obtained_from'> & { files: string[]; obtained_from: { repo: string; commit: string; path: string } }>;
}

function csv(read: Read, file: string): Record<string, string>[] {
  return parse(read(file), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
}

function num(v: string | undefined, where: string): number {
  const n = Number(v);
  if (v === undefined || v.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new Error(`${where}: expected a non-negative number, found ${JSON.stringify(v)}`);
  return n;
}

/** ISO 3166-1 alpha-3 (or OWID's own code) -> the key a scenario uses. */
function isoKey(code: string): string | null {
  if (code === 'OWID_WRL') return 'WORLD';
  if (code === 'OWID_KOS') return 'XK'; // Kosovo: user-assigned code, as CLDR and most tools use
  return countries.alpha3ToAlpha2(code) ?? null;
}

type Point = [year: number, g_per_kwh: number];
type GcpPoint = [year: number, g_per_kwh: number, cfe: number | null];

function owid(read: Read): Array<{ key: string; code: string; name: string; points: Point[] }> {
  const byCode = new Map<string, { key: string; code: string; name: string; points: Point[] }>();
  for (const [i, r] of csv(read, 'owid/carbon-intensity-electricity.csv').entries()) {
    const code = r.Code ?? '';
    const key = isoKey(code);
    if (key === null) throw new Error(`owid row ${i + 2}: no ISO 3166 alpha-2 code for ${JSON.stringify(code)}`);
    const e = byCode.get(code) ?? { key, code, name: r.Entity ?? code, points: [] };
    e.points.push([num(r.Year, `owid row ${i + 2} Year`), num(r['Carbon intensity of electricity - gCO2/kWh'], `owid row ${i + 2} value`)]);
    byCode.set(code, e);
  }
  const out = [...byCode.values()].sort((a, b) => a.key.localeCompare(b.key));
  for (const e of out) e.points.sort((a, b) => a[0] - b[0]);
  return out;
}

function egrid(read: Read): Array<{ key: string; code: string; points: Point[]; urls: Record<number, string> }> {
  const m = new Map<string, { key: string; code: string; points: Point[]; urls: Record<number, string> }>();
  for (const [i, r] of csv(read, 'egrid/subregion-co2e-rates.csv').entries()) {
    const code = r.subregion ?? '';
    const year = num(r.year, `egrid row ${i + 2} year`);
    const e = m.get(code) ?? { key: `egrid:${code}`, code, points: [], urls: {} };
    e.points.push([year, num(r.co2e_kg_per_mwh, `egrid row ${i + 2} co2e_kg_per_mwh`)]);
    e.urls[year] = r.egrid_workbook_url ?? '';
    m.set(code, e);
  }
  const out = [...m.values()].sort((a, b) => a.key.localeCompare(b.key));
  for (const e of out) e.points.sort((a, b) => a[0] - b[0]);
  return out;
}

function gcp(read: Read, files: string[]): { regions: Array<{ key: string; location: string; points: GcpPoint[] }>; columns: Record<number, string> } {
  const m = new Map<string, { key: string; location: string; points: GcpPoint[] }>();
  const columns: Record<number, string> = {};
  for (const file of files) {
    const year = num(/(\d{4})\.csv$/.exec(file)?.[1], `${file}: year in the file name`);
    for (const [i, r] of csv(read, file).entries()) {
      const col = Object.keys(r).find((k) => /carbon intensity/i.test(k));
      if (!col) throw new Error(`${file}: no carbon intensity column`);
      columns[year] = col;
      const region = r['Google Cloud Region'] ?? '';
      const cfe = r['Google CFE'] === undefined || r['Google CFE'] === '' ? null : num(r['Google CFE'], `${file} row ${i + 2} Google CFE`);
      const e = m.get(region) ?? { key: `gcp:${region}`, location: r.Location ?? '', points: [] };
      e.location = r.Location ?? e.location; // the newest file names it last
      e.points.push([year, num(r[col], `${file} row ${i + 2} ${col}`), cfe]);
      m.set(region, e);
    }
  }
  return { regions: [...m.values()].sort((a, b) => a.key.localeCompare(b.key)), columns };
}

function mapping(read: Read, file: string, keys: string[]): Record<string, string>[] {
  const rows = csv(read, file);
  for (const [i, r] of rows.entries()) for (const k of keys) if (!r[k]) throw new Error(`${file} row ${i + 2}: ${k} is empty`);
  return rows;
}

const j = (v: unknown) => JSON.stringify(v);

/** The generated module's text, from data/ read through `read` (paths relative to data/). */
export function generateGridModule(read: Read): string {
  const manifest = JSON.parse(read('manifest.json')) as Manifest;
  const gcpFiles = manifest.datasets.find((d) => d.id === 'gcp-region-carbon-info')?.files ?? [];
  const g = gcp(read, gcpFiles);
  const clouds = mapping(read, 'cloud-regions.csv', ['region', 'location', 'grid', 'why']);
  const states = mapping(read, 'us-states.csv', ['state', 'name', 'subregion', 'why']);
  const lines = [
    '// GENERATED by `npm run data` (scripts/import-data.ts) from the pinned copies in data/.',
    '// Do not edit: change data/ and run `npm run data`. test/data/generated.test.ts fails when stale.',
    'import type { DatasetMeta, GcpSeries, GridSeries, RegionMapping } from "../grid-types.js";',
    '',
    `export const DATASETS: readonly DatasetMeta[] = ${j(
      manifest.datasets.map((d) => ({
        id: d.id,
        title: d.title,
        publisher: d.publisher,
        url: d.url,
        dataset_url: d.dataset_url,
        licence: d.licence,
        licence_url: d.licence_url,
        attribution: d.attribution,
        unit: d.unit,
        retrieved: d.retrieved,
        obtained_from: `${d.obtained_from.repo}@${d.obtained_from.commit.slice(0, 12)}:${d.obtained_from.path}`,
      })),
    )};`,
    '',
    '/** Our World in Data, carbon_intensity_elec: [year, g CO2e/kWh] per country. */',
    'export const OWID_SERIES: readonly GridSeries[] = [',
    ...owid(read).map((e) => `  ${j({ key: e.key, code: e.code, name: e.name, points: e.points })},`),
    '];',
    '',
    '/** EPA eGRID subregion (and U.S.) CO2e total output emission rate: [year, g CO2e/kWh]. */',
    'export const EGRID_SERIES: readonly GridSeries[] = [',
    ...egrid(read).map((e) => `  ${j({ key: e.key, code: e.code, name: e.code, points: e.points, urls: e.urls })},`),
    '];',
    '',
    '/** Google Cloud region-carbon-info: [year, g CO2e/kWh, Google CFE fraction or null]. */',
    'export const GCP_SERIES: readonly GcpSeries[] = [',
    ...g.regions.map((e) => `  ${j({ key: e.key, location: e.location, points: e.points })},`),
    '];',
    `export const GCP_COLUMNS: Readonly<Record<number, string>> = ${j(g.columns)};`,
    '',
    '/** data/cloud-regions.csv: AWS and Azure regions and the grid each draws from. */',
    `export const CLOUD_MAPPINGS: readonly RegionMapping[] = [`,
    ...clouds.map((r) => `  ${j({ key: r.region, location: r.location, grid: r.grid, why: r.why })},`),
    '];',
    '',
    '/** data/us-states.csv: US state keys and the eGRID subregion serving most of their load. */',
    `export const STATE_MAPPINGS: readonly RegionMapping[] = [`,
    ...states.map((r) => `  ${j({ key: r.state, location: r.name, grid: `egrid:${r.subregion}`, why: r.why })},`),
    '];',
    '',
  ];
  return lines.join('\n');
}

export function dataRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
}

export const readData =
  (root: string): Read =>
  (rel) =>
    readFileSync(path.join(root, 'data', rel), 'utf8');

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = dataRoot();
  writeFileSync(path.join(root, GENERATED_PATH), generateGridModule(readData(root)));
  process.stdout.write(`wrote ${GENERATED_PATH}\n`);
}
