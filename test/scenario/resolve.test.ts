import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { Scenario, type ScenarioInput } from '../../src/scenario/schema.js';
import { looksLikeInferenceStage, resolveScenario } from '../../src/scenario/resolve.js';
import { ResolvedScenario } from '../../src/scenario/resolved.js';

function scenario(over: Partial<ScenarioInput> = {}): Scenario {
  return Scenario.parse({
    name: 't',
    functional_unit: { description: '1,000 requests', inferences: 1000 },
    deployment: { lifetime_inferences: 1e9 },
    hardware: { model: 'H100', count: 8 },
    stages: { training: { hours: 10 }, inference: { energy_kwh: 1, inferences: 1000, hours: 1 } },
    ...over,
  });
}

const assumption = (r: ResolvedScenario, p: string) => r.assumptions.find((a) => a.path === p);

describe('resolveScenario', () => {
  it('produces a valid ResolvedScenario with provenance for every value the LCA uses', () => {
    const r = resolveScenario(scenario({ grid: { region: 'US' } }));
    expect(ResolvedScenario.safeParse(r).success).toBe(true);
    for (const p of [
      'grid.intensity_g_per_kwh',
      'grid.water_intensity_l_per_kwh',
      'pue',
      'wue_l_per_kwh',
      'it_overhead_factor',
      'hardware.power_w',
      'hardware.embodied_kg',
      'hardware.lifespan_years',
      'functional_unit.inferences',
      'deployment.lifetime_inferences',
    ]) {
      const a = assumption(r, p);
      expect(a, p).toBeDefined();
      expect(a?.source.length, p).toBeGreaterThan(3);
    }
  });

  it('takes grid intensity and range from the region: US = OWID carbon_intensity_elec, latest year without a run date', () => {
    // Was the textbook's 429 g/kWh (a single hand-typed figure); now Our World in Data's
    // "United States,USA,2024,383.5492" row, range = min/max of 2020–2024 (410.3674 .. 423.7412 ..).
    const r = resolveScenario(scenario({ grid: { region: 'us' } }));
    expect(r.grid).toMatchObject({ region: 'US', intensity_g_per_kwh: 383.5492, year: 2024, requested_year: null });
    expect(r.grid.intensity_low_g_per_kwh).toBe(383.5492);
    expect(r.grid.intensity_high_g_per_kwh).toBe(423.7412); // 2021
    const a = assumption(r, 'grid.intensity_g_per_kwh');
    expect(a).toMatchObject({ origin: 'default', unit: 'g CO2e/kWh', year: 2024 });
    expect(a?.note).toContain('no run date known: the latest data year');
    expect(a?.references?.[0]).toMatchObject({ id: 'owid-carbon-intensity-elec', licence: 'CC BY 4.0', year: 2024 });
  });

  it.each([
    // [run year, from, data year used, value, note fragment]
    [2023, 'card date', 2023, 392.848, 'year of the run 2023 (card date)'],
    [2021, 'logs', 2021, 423.7412, 'year of the run 2021 (logs)'],
    [2026, 'card date', 2024, 383.5492, 'no 2026 data yet: the latest available year (2024) is used'],
  ] as const)('the year of the run picks the data year: %i from %s -> %i', (runYear, from, year, value, note) => {
    const r = resolveScenario(scenario({ grid: { region: 'US' } }), { runYear, runYearFrom: from });
    expect(r.grid).toMatchObject({ intensity_g_per_kwh: value, year, requested_year: runYear });
    expect(assumption(r, 'grid.intensity_g_per_kwh')?.note).toContain(note);
  });

  it('grid.year pins the data year over the run year, and warns when the dataset lacks it', () => {
    const r = resolveScenario(scenario({ grid: { region: 'FR', year: 2022 } }), { runYear: 2024 });
    expect(r.grid).toMatchObject({ intensity_g_per_kwh: 78.55024, year: 2022, requested_year: 2022 });
    expect(r.warnings ?? []).toEqual([]);
    const old = resolveScenario(scenario({ grid: { region: 'aws:us-east-1', year: 2024 } }));
    // eGRID data years end in 2022 here: SRVC 2022 is used, and the scenario is told.
    expect(old.grid).toMatchObject({ intensity_g_per_kwh: 283.89167098138, year: 2022 });
    expect(old.warnings).toContain('grid.year 2024: aws:us-east-1 has no 2024 data yet: the latest available year (2022) is used');
  });

  it('basis market with a Google Cloud region: market factor = grid × (1 − Google CFE) of the same year', () => {
    // data/gcp/2024.csv: "us-east1,South Carolina,0.31,575.77"
    const r = resolveScenario(scenario({ grid: { region: 'gcp:us-east1', basis: 'market' } }), { runYear: 2024 });
    expect(r.grid).toMatchObject({ intensity_g_per_kwh: 575.77, basis: 'market', cfe_pct: 31 });
    expect(r.grid.market_intensity_g_per_kwh).toBeCloseTo(575.77 * (1 - 0.31), 9);
    expect(assumption(r, 'grid.cfe_pct')).toMatchObject({ origin: 'default', value: 31, year: 2024 });
    expect(assumption(r, 'grid.market_intensity_g_per_kwh')).toMatchObject({ origin: 'derived' });
  });

  it('basis market with a supplier factor or a stated CFE %; errors when neither can be had', () => {
    const supplier = resolveScenario(scenario({ grid: { region: 'DE', basis: 'market', market_intensity_g_per_kwh: 12 } }));
    expect(supplier.grid).toMatchObject({ market_intensity_g_per_kwh: 12, cfe_pct: null });
    const cfe = resolveScenario(scenario({ grid: { intensity_g_per_kwh: 400, basis: 'market', cfe_pct: 75 } }));
    expect(cfe.grid.market_intensity_g_per_kwh).toBe(100);
    expect(() => resolveScenario(scenario({ grid: { region: 'DE', basis: 'market' } }))).toThrow(
      /grid\.market_intensity_g_per_kwh \(a supplier factor\) or grid\.cfe_pct/,
    );
    expect(() => resolveScenario(scenario({ grid: { region: 'DE', cfe_pct: 50 } }))).toThrow(/grid\.basis: market alongside it/);
    const loc = resolveScenario(scenario({ grid: { region: 'DE' } }));
    expect(loc.grid).toMatchObject({ basis: 'location', market_intensity_g_per_kwh: null });
  });

  it('lets an explicit intensity override the region, range collapsing to it unless given', () => {
    const r = resolveScenario(scenario({ grid: { region: 'US', intensity_g_per_kwh: 100 } }));
    expect(r.grid).toMatchObject({ intensity_g_per_kwh: 100, intensity_low_g_per_kwh: 100, intensity_high_g_per_kwh: 100 });
    const a = assumption(r, 'grid.intensity_g_per_kwh');
    expect(a?.origin).toBe('scenario');
    expect(a?.note).toContain('overrides US');
    const r2 = resolveScenario(scenario({ grid: { intensity_g_per_kwh: 100, intensity_low_g_per_kwh: 50, intensity_high_g_per_kwh: 200 } }));
    expect(r2.grid).toMatchObject({ region: null, intensity_low_g_per_kwh: 50, intensity_high_g_per_kwh: 200 });
  });

  it.each([
    // [region, PUE default, why]
    ['aws:us-east-1', 1.12, 'cloud region -> hyperscale (textbook 1.12)'],
    ['gcp:europe-west4', 1.12, 'cloud region -> hyperscale'],
    ['DE', 1.58, 'country -> industry average (textbook, Uptime 2022)'],
    [undefined, 1.58, 'no region -> industry average'],
  ] as Array<[string | undefined, number, string]>)('PUE default for %s is %s (%s)', (region, pue) => {
    const r = resolveScenario(scenario({ grid: region ? { region } : {} }));
    expect(r.pue).toBe(pue);
    expect(r.pue_low).toBeLessThanOrEqual(pue);
    expect(r.pue_high).toBeGreaterThanOrEqual(pue);
  });

  it('uses scenario values over defaults, with origin scenario', () => {
    const r = resolveScenario(scenario({ pue: 1.3, wue_l_per_kwh: 0.4, it_overhead_factor: 1.375, electricity_usd_per_kwh: 0.1 }));
    expect(r).toMatchObject({
      pue: 1.3,
      pue_low: 1.3,
      pue_high: 1.3,
      wue_l_per_kwh: 0.4,
      it_overhead_factor: 1.375,
      electricity_usd_per_kwh: 0.1,
      gpu_hour_usd: null,
    });
    expect(assumption(r, 'pue')?.origin).toBe('scenario');
  });

  it('defaults WUE to 1.0 L/kWh within the textbook 0.5–2.0 range and overhead to 1', () => {
    const r = resolveScenario(scenario());
    expect(r.wue_l_per_kwh).toBe(1);
    expect(assumption(r, 'wue_l_per_kwh')).toMatchObject({ low: 0.5, high: 2 });
    expect(r.it_overhead_factor).toBe(1);
    expect(r.grid.water_intensity_l_per_kwh).toBe(0);
  });

  it('fills hardware from the bundled data (H100: 700 W, 164 kg, 4 years; server 2,500 kg per 8 GPUs)', () => {
    const r = resolveScenario(scenario());
    expect(r.hardware).toEqual({
      model: 'H100-SXM',
      known: true,
      count: 8,
      power_w: 700,
      embodied_kg: 164,
      embodied_low_kg: 15,
      embodied_high_kg: 463,
      lifespan_years: 4,
      // Server embodied carbon: the bundled 8-GPU server figure (BLOOM's 2,500 kg, an estimate for
      // H100 servers); 8 accelerators per server; in use all its life.
      host_embodied_kg: 2500,
      devices_per_host: 8,
      utilization: 1,
    });
    expect(r.boundary.flows).toContain('embodied_host');
    expect(assumption(r, 'hardware.utilization')).toMatchObject({ value: 1, origin: 'default' });
    expect(assumption(r, 'hardware.host_embodied_kg')).toMatchObject({ value: 2500, low: 1250, high: 5000, origin: 'default', year: 2023 });
    expect(assumption(r, 'hardware.host_embodied_kg')?.source).toMatch(/^estimate: no host-only footprint is published for HGX\/DGX H100/);
    expect(assumption(r, 'hardware.host_embodied_kg')?.references?.map((x) => x.id)).toEqual(['luccioni-2023-bloom', 'nvidia-hgx-h100-pcf']);
  });

  it('leaves server embodied carbon out with host_embodied_kg: 0, and where no server figure is published (L4)', () => {
    const zero = resolveScenario(scenario({ hardware: { model: 'H100', count: 8, host_embodied_kg: 0 } }));
    expect(zero.hardware.host_embodied_kg).toBe(0);
    expect(zero.boundary.flows).not.toContain('embodied_host');
    const l4 = resolveScenario(scenario({ hardware: { model: 'L4', count: 8 } }));
    expect(l4.hardware.host_embodied_kg).toBeNull();
    expect(assumption(l4, 'hardware.host_embodied_kg')).toBeUndefined();
  });

  it('takes the server embodied figure, devices per host and utilization from the scenario (BLOOM: 2,500 kg per 8-GPU server, 85 %)', () => {
    const r = resolveScenario(scenario({ hardware: { model: 'A100-SXM-80GB', count: 384, host_embodied_kg: 2500, utilization: 0.85 } }));
    expect(r.hardware).toMatchObject({ host_embodied_kg: 2500, devices_per_host: 8, utilization: 0.85 });
    expect(r.boundary.flows).toContain('embodied_host');
    expect(assumption(r, 'hardware.host_embodied_kg')).toMatchObject({ value: 2500, origin: 'scenario', note: 'shared by 8 accelerators per server' });
    expect(assumption(r, 'hardware.devices_per_host')).toMatchObject({ value: 8, origin: 'default' });
    expect(assumption(r, 'hardware.utilization')).toMatchObject({ value: 0.85, origin: 'scenario' });
    const four = resolveScenario(scenario({ hardware: { model: 'A100-SXM-80GB', count: 8, host_embodied_kg: 1000, devices_per_host: 4 } }));
    expect(four.hardware.devices_per_host).toBe(4);
    expect(assumption(four, 'hardware.devices_per_host')?.origin).toBe('scenario');
  });

  it('states the cost rule as an assumption when both prices are given', () => {
    const both = resolveScenario(scenario({ electricity_usd_per_kwh: 0.08, gpu_hour_usd: 2 }));
    expect(both.gpu_hour_includes_electricity).toBe(true);
    expect(assumption(both, 'gpu_hour_includes_electricity')).toMatchObject({ value: 'yes', origin: 'default' });
    const excl = resolveScenario(scenario({ electricity_usd_per_kwh: 0.08, gpu_hour_usd: 2, gpu_hour_includes_electricity: false }));
    expect(excl.gpu_hour_includes_electricity).toBe(false);
    expect(assumption(excl, 'gpu_hour_includes_electricity')).toMatchObject({ value: 'no', origin: 'scenario' });
    expect(assumption(resolveScenario(scenario({ gpu_hour_usd: 2 })), 'gpu_hour_includes_electricity')).toBeUndefined();
  });

  it('carries the hf options, nulls where the scenario says nothing', () => {
    expect(resolveScenario(scenario()).hf).toEqual({ training_type: null, stages: null });
    expect(resolveScenario(scenario({ hf: { training_type: 'fine-tuning', stages: ['training'] } })).hf).toEqual({
      training_type: 'fine-tuning',
      stages: ['training'],
    });
  });

  it('accepts unknown hardware as custom hardware when the scenario gives every figure, labelled so', () => {
    const full = resolveScenario(scenario({ hardware: { model: 'Gaudi3', count: 2, power_w: 900, embodied_kg: 200, lifespan_years: 5 } }));
    expect(full.hardware).toMatchObject({ model: 'Gaudi3', known: false, power_w: 900, embodied_kg: 200, lifespan_years: 5 });
    expect(full.warnings?.filter((w) => w.includes('Gaudi3'))).toEqual([]);
    expect(full.assumptions.find((a) => a.path === 'hardware.embodied_kg')?.note).toBe('custom hardware (not in the bundled data): value from the scenario');
  });

  it('refuses unknown hardware that lacks a needed figure (exit 2), with a did-you-mean for a typo', () => {
    const e = (() => {
      try {
        resolveScenario(scenario({ hardware: { model: 'H100-SMX', count: 8 } }));
      } catch (err) {
        return err as InputError;
      }
      throw new Error('expected an InputError');
    })();
    expect(e).toBeInstanceOf(InputError);
    expect(e.field).toBe('hardware.model');
    expect(e.got).toBe('"H100-SMX"');
    expect(e.hint).toBe('did you mean "H100-SXM"?');
    expect(e.expected).toContain(
      'missing: hardware.power_w (stage(s) training are estimated from hours × count × power_w), hardware.embodied_kg, hardware.lifespan_years',
    );
    // power_w is needed only where a stage is estimated from hours × power.
    expect(() =>
      resolveScenario(scenario({ hardware: { model: 'Gaudi3', count: 2, embodied_kg: 1, lifespan_years: 4 }, stages: { training: { energy_kwh: 5 } } })),
    ).not.toThrow();
  });

  it('warns when an inference-like stage gives no inferences', () => {
    const r = resolveScenario(scenario({ stages: { training: { hours: 1 }, inference: { energy_kwh: 1 } } }));
    expect(r.warnings?.some((w) => w.includes('"inference" looks like an inference stage'))).toBe(true);
    expect(r.warnings?.some((w) => w.includes('no stage gives inferences'))).toBe(true);
  });

  it('records the system boundary: stages and flows', () => {
    const r = resolveScenario(
      scenario({ pue: 1.1, it_overhead_factor: 1.375, electricity_usd_per_kwh: 0.1, grid: { region: 'FR', water_intensity_l_per_kwh: 1.8 } }),
    );
    expect(r.boundary.stages).toEqual(['training', 'inference']);
    expect(r.boundary.flows).toEqual([
      'device_energy',
      'host_overhead',
      'facility_overhead',
      'embodied',
      'embodied_host',
      'water_onsite',
      'water_offsite',
      'cost',
    ]);
    const minimal = resolveScenario(
      scenario({ pue: 1, wue_l_per_kwh: 0, hardware: { model: 'H100', count: 8, host_embodied_kg: 0 }, stages: { training: { hours: 1 } } }),
    );
    expect(minimal.boundary.flows).toEqual(['device_energy', 'embodied']);
  });

  it('throws an InputError naming grid.region for an unknown region', () => {
    expect(() => resolveScenario(scenario({ grid: { region: 'XX-YY' } }))).toThrow(InputError);
  });

  it.each([
    ['inference', true],
    ['batch-inference', true],
    ['serving', true],
    ['serve_eu', true],
    ['deployment', true],
    ['prod', true],
    ['training', false],
    ['experimentation', false],
    ['observability', false],
    ['fine-tuning', false],
  ])('looksLikeInferenceStage(%s) = %s', (name, yes) => {
    expect(looksLikeInferenceStage(name)).toBe(yes);
  });
});
