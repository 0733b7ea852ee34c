import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACILITY_DEFAULTS, GRID, GridFactor, HARDWARE, HardwareSpec, lookupGrid, lookupHardware } from '../../src/data/index.js';

describe('hardware table', () => {
  it.each(HARDWARE.map((h) => [h.model, h] as const))('%s is complete and consistent', (_m, h) => {
    expect(HardwareSpec.safeParse(h).success).toBe(true);
    expect(h.embodied_kg.low).toBeLessThanOrEqual(h.embodied_kg.central);
    expect(h.embodied_kg.central).toBeLessThanOrEqual(h.embodied_kg.high);
    expect(h.power_low_w).toBeLessThanOrEqual(h.power_w);
    expect(h.power_w).toBeLessThanOrEqual(h.power_high_w);
    expect(h.lifespan_low_years).toBeLessThanOrEqual(h.lifespan_years);
    for (const s of [h.power_source, h.embodied_source, h.lifespan_source, h.source]) expect(s.length).toBeGreaterThan(10);
    // Only the textbook-cited parts have a non-estimate embodied figure.
    if (!/^(H100-SXM|A100-SXM-80GB)$/.test(h.model)) expect(h.embodied_source).toMatch(/estimate/);
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

describe('grid table', () => {
  it.each(GRID.map((g) => [g.region, g] as const))('%s is complete and consistent', (_r, g) => {
    expect(GridFactor.safeParse(g).success).toBe(true);
    expect(g.low).toBeLessThanOrEqual(g.g_per_kwh);
    expect(g.g_per_kwh).toBeLessThanOrEqual(g.high);
    expect(g.source.length).toBeGreaterThan(10);
    expect(g.year).toBeGreaterThanOrEqual(2020);
  });

  it.each([
    // domain.md reference values (textbook; Luccioni et al. 2023 for France)
    ['US', 429],
    ['CA-QC', 20],
    ['PL', 820],
    ['FR', 57],
  ])('%s = %d g/kWh', (region, g) => {
    expect(lookupGrid(region)?.g_per_kwh).toBe(g);
  });

  it.each([
    ['aws:us-east-1', 'US-VA'],
    ['AWS:US-EAST-1', 'US-VA'],
    ['aws/eu-north-1', 'SE'],
    ['us-west-2', 'US-OR'],
    ['gcp:us-central1', 'US-IA'],
    ['google:europe-west4', 'NL'],
    ['gcp:europe-north1', 'FI'],
    ['asia-east1', 'TW'],
    ['azure:westeurope', 'NL'],
    ['azure:swedencentral', 'SE'],
    ['northeurope', 'IE'],
    ['aws:ca-central-1', 'CA-QC'],
  ])('cloud region %s is on the %s grid', (region, grid) => {
    const g = lookupGrid(region);
    expect(g?.kind).toBe('cloud');
    expect(g?.grid).toBe(grid);
    expect(g?.g_per_kwh).toBe(lookupGrid(grid)?.g_per_kwh);
  });

  it('covers the regions the brief asks for', () => {
    for (const r of [
      'US',
      'CA-QC',
      'PL',
      'FR',
      'DE',
      'GB',
      'IE',
      'NL',
      'SE',
      'NO',
      'FI',
      'IN',
      'CN',
      'JP',
      'KR',
      'SG',
      'AU',
      'BR',
      'CA',
      'US-CA',
      'US-VA',
      'US-WA',
      'US-OR',
      'US-TX',
      'CA-ON',
      'aws:us-east-2',
      'aws:eu-west-1',
      'aws:eu-central-1',
      'aws:ap-northeast-1',
      'gcp:us-east1',
      'gcp:europe-west1',
      'azure:eastus',
      'azure:westus2',
    ]) {
      expect(lookupGrid(r), r).not.toBeNull();
    }
    expect(lookupGrid('atlantis')).toBeNull();
  });

  it('does not bundle the CC BY-SA CO2.js (Ember) data, and says why', () => {
    const src = readFileSync(path.resolve(__dirname, '../../src/data/grid.ts'), 'utf8');
    expect(src).toMatch(/CC BY-SA 4\.0/);
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    expect(Object.keys(pkg.dependencies ?? {})).not.toContain('@tgwf/co2');
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
