// Which inputs the uncertainty range covers (issue 14, item 6): every defaulted input carries
// its data range (grid, PUE, IT overhead on device-only energy, WUE for water, lifespan), logged
// energy carries its measurement uncertainty by method (src/data/measurement.ts), and a value
// stated in the scenario carries none, which the card and the report then say. Every expected
// number is worked out here by hand.
import { describe, expect, it } from 'vitest';
import { perTest } from '../../per-test.js';
import { assess, buildInventories } from '../../../src/lca/index.js';
import { interpret } from '../../../src/lca/interpret/index.js';
import { renderInterpretation } from '../../../src/report/interpretation-md.js';
import { renderReport } from '../../../src/report/markdown.js';
import { resolveScenario } from '../../../src/scenario/resolve.js';
import { Scenario } from '../../../src/scenario/schema.js';
import type { ResolvedScenario } from '../../../src/scenario/resolved.js';
import type { Source } from '../../../src/ingest/source.js';
import { cardOf, inv, scenarioA, source } from './fixtures.js';

describe('a scenario where every input is stated (GPT-3, Patterson et al. 2021: 1,287 MWh at 429 g/kWh)', () => {
  const s = Scenario.parse({
    name: 'gpt-3',
    functional_unit: { description: 'one trained model', inferences: 1 },
    deployment: { lifetime_inferences: 1 },
    grid: { intensity_g_per_kwh: 429 },
    pue: 1,
    wue_l_per_kwh: 0,
    hardware: { model: 'V100-SXM2', count: 10_000, embodied_kg: 150, lifespan_years: 4 },
    stages: { training: { energy_kwh: 1_287_000 } },
  });
  const r = resolveScenario(s);
  const i = perTest(() => buildInventories(r, {}));
  const out = perTest(() => interpret(r, i, assess(r, i), []));

  it('gives a point range, 1,287,000 kWh × 0.429 kg/kWh = 552,123 kg, covering no input', () => {
    expect(out.uncertainty.co2e_kg_low).toBeCloseTo(552_123, 6);
    expect(out.uncertainty.co2e_kg_high).toBeCloseTo(552_123, 6);
    expect(out.uncertainty.covers).toEqual([]);
  });

  it('names what the point leaves out, and why', () => {
    expect(out.uncertainty.not_covered).toEqual([
      'grid.intensity_g_per_kwh: stated in the scenario (give grid.intensity_low_g_per_kwh and _high_ for a range)',
      'pue: stated in the scenario',
      'stages.training.energy_kwh: stated in the scenario',
    ]);
  });

  it('the report calls it a point and lists the stated inputs', () => {
    const md = renderInterpretation(cardOf(r, i));
    // 552,123 kg in the report's number style: 552 t (3 figures, SI prefix, non-breaking space)
    expect(md).toContain('**552\u00a0t CO2e** (a point: no input it rests on carries a range)');
    expect(md).toContain('- The range covers no input: none carries a range.');
    expect(md).toContain('  - pue: stated in the scenario');
    expect(renderReport(cardOf(r, i))).toContain('**552\u00a0t CO2e** over the assessed stages (no range: every input it rests on is stated without one)');
  });
});

/**
 * Scenario B: every facility input defaulted with its data range, embodied stated.
 * 1 GPU; grid 400 g/kWh (300–500); PUE 1.2 (1.1–1.5); IT overhead 1 (1–1.375); WUE 1.0 L/kWh
 * (0.5–2.0); lifespan 4 years (3–5); embodied 100 kg stated. Training: a GPU power log of
 * 100 kWh (device only) over 10 h, sampled every second with a Type A u of 1 %.
 */
function scenarioB(over: Partial<ResolvedScenario> = {}): ResolvedScenario {
  const d = (path: string, value: number, unit: string, low: number, high: number) => ({
    path,
    value,
    unit,
    low,
    high,
    origin: 'default' as const,
    source: `data: ${path}`,
    year: 2024,
  });
  return scenarioA({
    grid: { region: 'XX', intensity_g_per_kwh: 400, intensity_low_g_per_kwh: 300, intensity_high_g_per_kwh: 500, water_intensity_l_per_kwh: 0 },
    pue: 1.2,
    pue_low: 1.1,
    pue_high: 1.5,
    wue_l_per_kwh: 1,
    it_overhead_factor: 1,
    hardware: { ...scenarioA().hardware, embodied_kg: 100, embodied_low_kg: 100, embodied_high_kg: 100 },
    stages: { training: { logs: ['gpu.csv'], hours: 10 } },
    functional_unit: { description: 'one trained model', inferences: 1 },
    deployment: { lifetime_inferences: 1 },
    assumptions: [
      d('grid.intensity_g_per_kwh', 400, 'g CO2e/kWh', 300, 500),
      d('pue', 1.2, 'ratio', 1.1, 1.5),
      d('it_overhead_factor', 1, 'ratio', 1, 1.375),
      d('wue_l_per_kwh', 1, 'L/kWh', 0.5, 2),
      d('hardware.lifespan_years', 4, 'years', 3, 5),
      { path: 'hardware.embodied_kg', value: 100, unit: 'kg', origin: 'scenario', source: 'scenario file', year: null },
    ],
    ...over,
  });
}
const gpuLog: Source = source({
  path: 'gpu.csv',
  energy_kwh: 100,
  rows: 36_000,
  measurement: { method: 'power_samples', interval_s: 1, sampling_rel_u: 0.01 },
});
const invB = () => ({ training: inv({ device_energy_kwh: 100, hours: 10, origin: 'logs', sources: ['gpu.csv'] }) });

describe('scenario B: defaulted inputs carry their data ranges, logged energy its measurement uncertainty', () => {
  const r = scenarioB();
  const i = invB();
  const out = perTest(() => interpret(r, i, assess(r, i), [gpuLog]));
  const u = perTest(() => out.uncertainty);
  // Energy factor: sensor ±5 % (NVML) × sample scatter ±2 % (k = 2 × 1 %): 0.95 × 0.98 .. 1.05 × 1.02.
  const eLo = 0.95 * 0.98;
  const eHi = 1.05 * 1.02;
  // Embodied: 100 kg × 10 h / (lifespan × 8,760 h).
  const emb = (years: number) => (100 * 10) / (years * 8760);

  it('lists every propagated input, carbon and water', () => {
    expect(u.covers).toEqual([
      'grid.intensity_g_per_kwh',
      'pue',
      'hardware.lifespan_years',
      'it_overhead_factor',
      'wue_l_per_kwh',
      'stages.training.energy (measurement)',
      'stages.training.energy (per run)',
    ]);
    // Embodied is stated without a range, utilization defaulted without one: named, not silently narrow.
    expect(u.not_covered).toEqual([
      'hardware.embodied_kg: stated in the scenario',
      'hardware.utilization: no range in the data (default 1: in use its whole lifespan)',
    ]);
  });

  it('low corner: 100 kWh × 0.931 × overhead 1 × PUE 1.1 × 0.3 kg/kWh + embodied over 5 years', () => {
    expect(u.co2e_kg_low).toBeCloseTo(100 * eLo * 1 * 1.1 * 0.3 + emb(5), 9);
    expect(u.energy_kwh_low).toBeCloseTo(100 * eLo * 1 * 1.1, 9);
  });

  it('high corner: 100 kWh × 1.071 × overhead 1.375 × PUE 1.5 × 0.5 kg/kWh + embodied over 3 years', () => {
    expect(u.co2e_kg_high).toBeCloseTo(100 * eHi * 1.375 * 1.5 * 0.5 + emb(3), 9);
    expect(u.energy_kwh_high).toBeCloseTo(100 * eHi * 1.375 * 1.5, 9);
  });

  it('the measurement entries carry their sources', () => {
    const m = u.parameters?.find((p) => p.parameter === 'stages.training.energy (measurement)');
    expect([m?.low, m?.high]).toEqual([expect.closeTo(0.95, 12), expect.closeTo(1.05, 12)]);
    expect(m?.source).toMatch(/gpu\.csv: sampled power, GPU sensor ±5 % \(NVIDIA Management Library/);
    const run = u.parameters?.find((p) => p.parameter === 'stages.training.energy (per run)');
    expect([run?.low, run?.high]).toEqual([expect.closeTo(0.98, 12), expect.closeTo(1.02, 12)]);
    expect(run?.source).toBe('gpu.csv: scatter of the power samples every 1 s, ±2 % (GUM Type A, k = 2)');
  });

  it('the tornado stays a carbon tornado: WUE is not in it', () => {
    expect(out.sensitivity.map((x) => x.parameter)).not.toContain('wue_l_per_kwh');
  });

  it('only the per-run part is noise (the sensor is the same in base and head): energy × 0.98 .. × 1.02', () => {
    expect(out.noise?.['stages.training.it_energy_kwh']).toEqual({ low: expect.closeTo(98, 9), high: expect.closeTo(102, 9) });
  });
});

describe('a defaulted server embodied figure carries its range (BLOOM: 2,500 kg per 8-GPU server; here 1,250–5,000)', () => {
  const base = scenarioB();
  const r = scenarioB({
    hardware: { ...base.hardware, host_embodied_kg: 2500, devices_per_host: 8 },
    assumptions: [
      ...base.assumptions,
      {
        path: 'hardware.host_embodied_kg',
        value: 2500,
        unit: 'kg CO2e per server',
        low: 1250,
        high: 5000,
        origin: 'default',
        source: 'data: host',
        year: 2023,
      },
    ],
  });
  const i = invB();
  const u = perTest(() => interpret(r, i, assess(r, i), [gpuLog]).uncertainty);
  // Embodied per GPU-hour = (100 kg + host ÷ 8) / (lifespan × 8,760 h); 10 h of 1 GPU.
  const emb = (host: number, years: number) => ((100 + host / 8) * 10) / (years * 8760);
  it('low corner: host 1,250 kg over 5 years; high corner: host 5,000 kg over 3 years', () => {
    expect(u.covers).toContain('hardware.host_embodied_kg');
    expect(u.co2e_kg_low).toBeCloseTo(100 * 0.95 * 0.98 * 1 * 1.1 * 0.3 + emb(1250, 5), 9);
    expect(u.co2e_kg_high).toBeCloseTo(100 * 1.05 * 1.02 * 1.375 * 1.5 * 0.5 + emb(5000, 3), 9);
  });
});

describe('water range from a defaulted WUE (PUE stated 1, so IT and facility energy agree)', () => {
  const r = scenarioB({ pue: 1, pue_low: 1, pue_high: 1 });
  const i = invB();
  const out = perTest(() => interpret(r, i, assess(r, i), [gpuLog]));
  it('water: 100 kWh × 0.931 × 1 × 0.5 L/kWh .. 100 kWh × 1.071 × 1.375 × 2.0 L/kWh', () => {
    expect(out.uncertainty.water_l_low).toBeCloseTo(100 * 0.95 * 0.98 * 1 * 0.5, 9);
    expect(out.uncertainty.water_l_high).toBeCloseTo(100 * 1.05 * 1.02 * 1.375 * 2, 9);
  });
});

describe('measurement uncertainty by method (one stage of 100 kWh)', () => {
  const logged = (s: Partial<Source>) => {
    const r = scenarioB();
    const i = {
      training: inv({
        device_energy_kwh: s.scope === 'host' ? 0 : 100,
        host_energy_kwh: s.scope === 'host' ? 100 : 0,
        hours: 10,
        origin: 'logs',
        sources: ['log'],
      }),
    };
    return interpret(r, i, assess(r, i), [source({ path: 'log', energy_kwh: 100, ...s })]).uncertainty;
  };
  it.each([
    [
      'an energy counter (DCGM, NVML, Zeus)',
      0.95,
      1.05,
      { measurement: { method: 'energy_counter', interval_s: null, sampling_rel_u: null } },
      /energy counter, GPU sensor ±5 %/,
    ],
    [
      'per-row energy of a script',
      0.95,
      1.05,
      { measurement: { method: 'energy_records', interval_s: null, sampling_rel_u: null } },
      /logged energy, GPU sensor ±5 %/,
    ],
    [
      'a CodeCarbon estimate of the host',
      0.6,
      1.4,
      { format: 'codecarbon', scope: 'host', measurement: { method: 'software_estimate', interval_s: null, sampling_rel_u: null } },
      /software estimate ±40 % \(R\. Fischer, "Ground-Truthing AI Energy Consumption/,
    ],
    // Cards written before SOURCE.measurement existed: the method follows the format.
    ['an eco2ai log without SOURCE.measurement', 0.6, 1.4, { format: 'eco2ai', scope: 'host' }, /software estimate ±40 %/],
    ['a DCGM log without SOURCE.measurement', 0.95, 1.05, { format: 'dcgm-prom' }, /sampled power, GPU sensor ±5 %/],
  ] as const)('%s: ×%f .. ×%f', (_what, low, high, s, why) => {
    const m = logged(s as Partial<Source>).parameters?.find((p) => p.parameter === 'stages.training.energy (measurement)');
    expect([m?.low, m?.high]).toEqual([expect.closeTo(low, 12), expect.closeTo(high, 12)]);
    expect(m?.source).toMatch(why);
  });

  it('hours × power: the data power range when it has one, else ±37 % (rated-power estimates), none when power_w is stated', () => {
    const estimate = (assumption: ResolvedScenario['assumptions'][number] | null) => {
      const base = scenarioB();
      const r = scenarioB({
        stages: { training: { hours: 10 } },
        assumptions: [...base.assumptions, ...(assumption ? [assumption] : [])],
      });
      const i = { training: inv({ device_energy_kwh: 7, hours: 10, origin: 'estimate' }) };
      return interpret(r, i, assess(r, i), []).uncertainty;
    };
    const power = (origin: 'default' | 'scenario', low?: number, high?: number) => ({
      path: 'hardware.power_w',
      value: 700,
      unit: 'W',
      ...(low !== undefined ? { low, high } : {}),
      origin,
      source: origin === 'default' ? 'datasheet' : 'scenario file',
      year: null,
    });
    const m = (u: ReturnType<typeof estimate>) => u.parameters?.find((p) => p.parameter === 'stages.training.energy (measurement)');
    // Data range 350–700 W around 700 W: ×0.5 .. ×1.
    expect([m(estimate(power('default', 350, 700)))?.low, m(estimate(power('default', 350, 700)))?.high]).toEqual([0.5, 1]);
    // No range in the data: ±37 %.
    const rated = m(estimate(power('default')));
    expect([rated?.low, rated?.high]).toEqual([expect.closeTo(0.63, 12), expect.closeTo(1.37, 12)]);
    expect(rated?.source).toMatch(/arXiv:2506\.14551/);
    // Stated: no range, and said so.
    const stated = estimate(power('scenario'));
    expect(m(stated)).toBeUndefined();
    expect(stated.not_covered).toContain('stages.training: hours × power with hardware.power_w stated in the scenario');
  });

  it('a stated IT overhead is exact, even on device-only energy', () => {
    const r = scenarioB({
      it_overhead_factor: 1.2,
      assumptions: [
        ...scenarioB().assumptions.filter((a) => a.path !== 'it_overhead_factor'),
        { path: 'it_overhead_factor', value: 1.2, unit: 'ratio', origin: 'scenario', source: 'scenario file', year: null },
      ],
    });
    const i = invB();
    const u = interpret(r, i, assess(r, i), [gpuLog]).uncertainty;
    expect(u.covers).not.toContain('it_overhead_factor');
    expect(u.not_covered).toContain('it_overhead_factor: stated in the scenario');
    // High corner without the overhead's range: 100 × 1.071 × 1.2 × 1.5 × 0.5 + embodied (3 years).
    expect(u.co2e_kg_high).toBeCloseTo(100 * 1.05 * 1.02 * 1.2 * 1.5 * 0.5 + (100 * 10) / (3 * 8760), 9);
  });
});

describe('the report says what the range covers', () => {
  it('lists the covered inputs with their ranges and the uncovered ones with why', () => {
    const r = scenarioB();
    const i = invB();
    const md = renderInterpretation(cardOf(r, i, [gpuLog]));
    expect(md).toContain('- The range covers:');
    expect(md).toContain('  - pue: 1.1–1.5 (central 1.2; data: pue)');
    expect(md).toContain('- Not covered (the range is narrower than the truth by what these hide):\n  - hardware.embodied\\_kg: stated in the scenario');
    expect(md).toMatch(/- Energy: \d/);
    expect(md).toMatch(/- Water: \d/);
  });
});
