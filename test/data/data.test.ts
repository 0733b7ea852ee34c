import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DATASETS,
  FACILITY_DEFAULTS,
  GRID,
  GridFactor,
  HARDWARE,
  HardwareSpec,
  SOURCES,
  lookupGrid,
  lookupHardware,
  lookupHostEmbodied,
} from '../../src/data/index.js';

describe('hardware table', () => {
  it.each(HARDWARE.map((h) => [h.model, h] as const))('%s is complete and consistent', (_m, h) => {
    expect(HardwareSpec.safeParse(h).success).toBe(true);
    expect(h.embodied_kg.low).toBeLessThanOrEqual(h.embodied_kg.central);
    expect(h.embodied_kg.central).toBeLessThanOrEqual(h.embodied_kg.high);
    expect(h.power_low_w).toBeLessThanOrEqual(h.power_w);
    expect(h.power_w).toBeLessThanOrEqual(h.power_high_w);
    expect(h.lifespan_low_years).toBeLessThanOrEqual(h.lifespan_years);
    for (const s of [h.power_source, h.embodied_source, h.lifespan_source, h.source]) expect(s.length).toBeGreaterThan(10);
    // Only the parts with a published footprint (NVIDIA HGX H100 PCF, BLOOM's A100) are not estimates;
    // every estimate states its basis.
    expect(h.embodied_estimate).toBe(!/^(H100-SXM|A100-SXM-80GB)$/.test(h.model));
    if (h.embodied_estimate) expect(h.embodied_source).toMatch(/^estimate: .{20,}/);
    for (const r of [...h.power_references, ...h.embodied_references, ...h.lifespan_references]) expect(SOURCES.get(r.id)).toBeDefined();
    expect(h.power_references[0]?.url).toMatch(/^https:\/\//);
  });

  it.each([
    // the figures domain.md gives (textbook / paper)
    ['H100-SXM', 700, 164, 15, 463, 4],
    ['A100-SXM-80GB', 400, 150, 15, 420, 4],
  ])('%s: %d W, %d kg (%d–%d), %d years', (model, w, kg, lo, hi, years) => {
    const h = lookupHardware(model);
    expect(h).toMatchObject({ power_w: w, embodied_kg: { central: kg, low: lo, high: hi }, lifespan_years: years });
  });

  it.each([
    ['h100', 'H100-SXM'],
    ['H100-SXM5-80GB', 'H100-SXM'],
    ['NVIDIA H100 80GB HBM3', 'H100-SXM'],
    ['NVIDIA H100 PCIe', 'H100-PCIe'],
    ['a100-80gb', 'A100-SXM-80GB'],
    ['A100', 'A100-SXM-80GB'],
    ['NVIDIA A100-SXM4-40GB', 'A100-SXM-40GB'],
    ['NVIDIA A100-PCIE-40GB', 'A100-PCIe-40GB'],
    ['NVIDIA A100 80GB PCIe', 'A100-PCIe-80GB'],
    ['NVIDIA A10G', 'A10G'],
    ['nvidia l4', 'L4'],
    ['Tesla T4', 'T4'],
    ['Tesla V100-SXM2-32GB', 'V100-SXM2'],
    ['NVIDIA GeForce RTX 3090', 'RTX-3090'],
    ['rtx_4090', 'RTX-4090'],
    ['AMD Instinct MI300X', 'MI300X'],
    ['tpu v4', 'TPU-v4'],
    ['TPU-v5e', 'TPU-v5e'],
  ])('lookupHardware(%s) -> %s', (name, model) => {
    expect(lookupHardware(name)?.model).toBe(model);
  });

  it('returns null for unknown or empty names', () => {
    expect(lookupHardware('Gaudi3')).toBeNull();
    expect(lookupHardware('NVIDIA')).toBeNull();
  });

  it('has no alias pointing at two different models', () => {
    const seen = new Map<string, string>();
    for (const h of HARDWARE) {
      for (const a of [h.model, ...h.aliases]) {
        const got = lookupHardware(a)?.model;
        expect(got, `${a} of ${h.model}`).toBe(h.model);
        seen.set(a, h.model);
      }
    }
    expect(seen.size).toBeGreaterThan(40);
  });
});

describe('grid table: values pinned to the dataset rows they came from', () => {
  it.each([
    // [key, data year, value, the row in data/ it must equal]
    ['FR', 2023, 55.27541, 'data/owid/carbon-intensity-electricity.csv: France,FRA,2023,55.27541'],
    ['FR', 2019, 59.78751, 'data/owid/carbon-intensity-electricity.csv: France,FRA,2019,59.78751'],
    ['US', 2022, 410.3674, 'data/owid/carbon-intensity-electricity.csv: United States,USA,2022,410.3674'],
    ['DE', 2019, 392.49112, 'data/owid/carbon-intensity-electricity.csv: Germany,DEU,2019,392.49112'],
    ['US-VA', 2022, 283.89167098138, 'data/egrid/subregion-co2e-rates.csv: 2022,SRVC,283.89167098138 (data/us-states.csv: US-VA -> SRVC)'],
    ['US-VA', 2019, 308.05362934654005, 'data/egrid/subregion-co2e-rates.csv: 2019,SRVC,308.05362934654005'],
    ['egrid:US', 2022, 375.3567580224, 'data/egrid/subregion-co2e-rates.csv: 2022,US,375.3567580224'],
    ['aws:us-east-1', 2022, 283.89167098138, 'data/cloud-regions.csv: aws:us-east-1 -> egrid:SRVC; eGRID 2022 SRVC row'],
    ['gcp:us-east1', 2024, 575.77, 'data/gcp/2024.csv: us-east1,South Carolina,0.31,575.77'],
    ['gcp:us-east1', 2023, 560, 'data/gcp/2023.csv: us-east1,South Carolina,0.29,560'],
    ['gcp:europe-west4', 2022, 317, 'data/gcp/2022.csv: europe-west4,Netherlands,0.57,317'],
    ['gcp:us-west1', 2024, 79.23, 'data/gcp/2024.csv: us-west1,Oregon,0.87,79.23'],
    ['azure:westeurope', 2023, 268.68045, 'data/cloud-regions.csv: azure:westeurope -> NL; Netherlands,NLD,2023,268.68045'],
    ['azure:westeurope', 2019, 409.99585, 'Netherlands,NLD,2019,409.99585'],
  ] as const)('%s in %i = %d g CO2e/kWh (%s)', (key, year, value, _row) => {
    const g = lookupGrid(key, year);
    expect(g).toMatchObject({ g_per_kwh: value, year, year_note: null });
  });

  it('Google CFE travels with the Google Cloud row of the same year', () => {
    expect(lookupGrid('gcp:us-east1', 2024)?.cfe).toBe(0.31);
    expect(lookupGrid('gcp:us-east1', 2023)?.cfe).toBe(0.29);
    expect(lookupGrid('aws:us-east-1')?.cfe).toBeNull();
  });

  it('the pinned rows are really in the committed copies (the tests above cite them)', () => {
    const read = (f: string) => readFileSync(path.resolve(__dirname, '../../data', f), 'utf8');
    expect(read('owid/carbon-intensity-electricity.csv')).toContain('France,FRA,2023,55.27541\n');
    expect(read('egrid/subregion-co2e-rates.csv')).toContain('2022,SRVC,283.89167098138,');
    expect(read('gcp/2024.csv')).toMatch(/us-east1,South Carolina,0\.31,575\.77\r?\n/);
    expect(read('cloud-regions.csv')).toMatch(/^aws:us-east-1,.*,egrid:SRVC,/m);
  });

  it('a year newer than the data falls back to the latest year and says so; older to the earliest', () => {
    expect(lookupGrid('FR', 2030)).toMatchObject({ year: 2024, g_per_kwh: 44.179085, requested_year: 2030 });
    expect(lookupGrid('FR', 2030)?.year_note).toBe('no 2030 data yet: the latest available year (2024) is used');
    expect(lookupGrid('gcp:us-east1', 2010)?.year_note).toBe('no data for 2010: the earliest available year (2019) is used');
  });

  it('low/high are the spread of the five most recent data years up to the one used', () => {
    // France 2019..2023: 59.78751, 59.08005, 59.787445, 78.55024, 55.27541
    const fr = lookupGrid('FR', 2023);
    expect(fr).toMatchObject({ low: 55.27541, high: 78.55024, range_years: [2019, 2023] });
    // eGRID has 2018..2022: the window at 2019 holds two years.
    expect(lookupGrid('egrid:SRVC', 2019)?.range_years).toEqual([2018, 2019]);
  });

  it.each(GRID.map((g) => [g.region, g] as const))('%s is complete, consistent and cites an openable dataset', (_r, g) => {
    expect(GridFactor.safeParse(g).success).toBe(true);
    expect(g.low).toBeLessThanOrEqual(g.g_per_kwh);
    expect(g.g_per_kwh).toBeLessThanOrEqual(g.high);
    expect(g.source).not.toMatch(/estimate|seeds\/|textbook/i);
    expect(g.references.length).toBeGreaterThan(0);
    for (const r of g.references) {
      expect(SOURCES.get(r.id)?.url).toMatch(/^https:\/\//);
      expect(r.licence).toBeTruthy();
    }
  });

  it.each([
    ['aws:us-east-1', 'egrid:SRVC'],
    ['AWS:US-EAST-1', 'egrid:SRVC'],
    ['aws/eu-north-1', 'SE'],
    ['us-west-2', 'egrid:NWPP'],
    ['azure:westeurope', 'NL'],
    ['azure:swedencentral', 'SE'],
    ['northeurope', 'IE'],
    ['aws:ca-central-1', 'CA-QC'],
    ['azure:canadacentral', 'CA-ON'],
    ['US-IL', 'egrid:RFCW'],
  ])('%s draws from the %s grid', (region, grid) => {
    const g = lookupGrid(region, 2022);
    expect(g?.grid).toBe(grid);
    expect(g?.g_per_kwh).toBe(lookupGrid(grid, 2022)?.g_per_kwh);
  });

  it("Google Cloud regions use Google's own published figures, not a state average", () => {
    for (const r of ['gcp:us-central1', 'google:europe-west4', 'asia-east1', 'gcp:europe-north1']) {
      expect(lookupGrid(r)?.kind, r).toBe('cloud');
      expect(lookupGrid(r)?.references[0]?.id, r).toBe('gcp-region-carbon-info');
    }
    // The examples (2024): us-east1 576, us-west1 79, asia-east1 439, asia-southeast1 367, europe-west4 209.
    expect(
      [['gcp:us-east1'], ['gcp:us-west1'], ['gcp:asia-east1'], ['gcp:asia-southeast1'], ['gcp:europe-west4']].map(([r]) =>
        Math.round(lookupGrid(r!, 2024)!.g_per_kwh),
      ),
    ).toEqual([576, 79, 439, 367, 209]);
  });

  it('covers countries, US states and subregions, and three cloud providers', () => {
    for (const r of [
      'US',
      'CA-QC',
      'PL',
      'FR',
      'DE',
      'GB',
      'IN',
      'CN',
      'JP',
      'BR',
      'US-CA',
      'US-VA',
      'US-TX',
      'CA-ON',
      'egrid:CAMX',
      'aws:eu-central-1',
      'gcp:europe-west1',
      'azure:eastus',
    ]) {
      expect(lookupGrid(r), r).not.toBeNull();
    }
    expect(GRID.filter((g) => g.kind === 'country').length).toBeGreaterThan(200);
    expect(lookupGrid('atlantis')).toBeNull();
  });

  it('does not bundle share-alike data (CO2.js / Ember CC BY-SA, Electricity Maps ODbL), and says why', () => {
    const src = readFileSync(path.resolve(__dirname, '../../src/data/grid.ts'), 'utf8');
    expect(src).toMatch(/CC BY-SA 4\.0/);
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    expect(Object.keys(pkg.dependencies ?? {})).not.toContain('@tgwf/co2');
    for (const d of DATASETS) expect(d.licence).not.toMatch(/SA|ODbL/);
  });
});

describe('no citation of files outside the repository', () => {
  it('src/ names the textbook and the paper by title, never a seeds/ path', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    for (const f of walk(path.resolve(__dirname, '../../src'))) {
      expect(readFileSync(f, 'utf8'), f).not.toMatch(/seeds\/|textbook-sustainable-ai\.txt|paper-model-lca\.txt/);
    }
  });
});

describe('host (server) embodied defaults', () => {
  it.each([
    ['A100', '8-GPU-A100', false],
    ['NVIDIA A100-SXM4-40GB', '8-GPU-A100', false],
    ['H100', '8-GPU-H100', true],
    ['H200', '8-GPU-H100', true],
  ] as const)('%s -> %s (estimate %s): BLOOM 2,500 kg per 8-GPU server', (model, platform, estimate) => {
    const h = lookupHostEmbodied(model);
    expect(h).toMatchObject({ platform, estimate, devices_per_host: 8, host_embodied_kg: { low: 1250, central: 2500, high: 5000 } });
    expect(h?.references[0]?.id).toBe('luccioni-2023-bloom');
  });
  it('returns null where nothing is published (consumer cards, TPUs)', () => {
    expect(lookupHostEmbodied('RTX-4090')).toBeNull();
    expect(lookupHostEmbodied('TPU-v4')).toBeNull();
  });
});

describe('facility defaults', () => {
  it('carry the textbook values with ranges', () => {
    expect(FACILITY_DEFAULTS.pue_hyperscale.value).toBe(1.12);
    expect(FACILITY_DEFAULTS.pue_industry.value).toBe(1.58);
    expect([FACILITY_DEFAULTS.wue.low, FACILITY_DEFAULTS.wue.high]).toEqual([0.5, 2.0]);
    for (const f of Object.values(FACILITY_DEFAULTS)) {
      expect(f.low).toBeLessThanOrEqual(f.value);
      expect(f.value).toBeLessThanOrEqual(f.high);
    }
  });
});
