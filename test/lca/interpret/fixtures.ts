// Hand-built inputs for the interpretation tests: a resolved scenario and stage inventories
// written out in full (no bundled data, no resolveScenario), so every expected number can be
// worked by hand from domain.md's formulas.
import { ResolvedScenario } from '../../../src/scenario/resolved.js';
import type { StageInventory } from '../../../src/lca/index.js';
import { assess } from '../../../src/lca/index.js';
import type { Source } from '../../../src/ingest/source.js';
import { interpret } from '../../../src/lca/interpret/index.js';
import { ModelCard } from '../../../src/report/card-schema.js';

/**
 * Scenario A: 1 H100, grid 400 g/kWh (200–600), PUE 1.1 (1.05–1.5), embodied 164 kg (15–463),
 * lifespan 4 years (3–5), FU = 1,000 inferences, 1e9 lifetime inferences.
 * training: 1,000 kWh whole-server, 100 h; inference: 1 kWh whole-server, 1 h, 1e5 inferences.
 */
export function scenarioA(over: Partial<ResolvedScenario> = {}): ResolvedScenario {
  return ResolvedScenario.parse({
    name: 'scenario-a',
    team: null,
    functional_unit: { description: '1,000 chat requests served', inferences: 1000 },
    deployment: { lifetime_inferences: 1e9 },
    grid: { region: 'XX', intensity_g_per_kwh: 400, intensity_low_g_per_kwh: 200, intensity_high_g_per_kwh: 600, water_intensity_l_per_kwh: 0 },
    pue: 1.1,
    pue_low: 1.05,
    pue_high: 1.5,
    wue_l_per_kwh: 0,
    it_overhead_factor: 1,
    electricity_usd_per_kwh: null,
    gpu_hour_usd: null,
    hardware: {
      model: 'H100-SXM',
      known: true,
      count: 1,
      power_w: 700,
      embodied_kg: 164,
      embodied_low_kg: 15,
      embodied_high_kg: 463,
      lifespan_years: 4,
      host_embodied_kg: null,
      devices_per_host: 8,
      utilization: 1,
    },
    stages: { training: { energy_kwh: 1000, hours: 100 }, inference: { energy_kwh: 1, hours: 1, inferences: 1e5 } },
    budgets: [],
    boundary: { stages: ['training', 'inference'], flows: ['facility_overhead', 'embodied'] },
    assumptions: [
      { path: 'grid.intensity_g_per_kwh', value: 400, unit: 'g CO2e/kWh', low: 200, high: 600, origin: 'scenario', source: 'test grid', year: 2024 },
      { path: 'hardware.lifespan_years', value: 4, unit: 'years', low: 3, high: 5, origin: 'default', source: 'paper: 4-year GPU lifetime', year: 2026 },
    ],
    ...over,
  });
}

export function inv(over: Partial<StageInventory>): StageInventory {
  return {
    device_energy_kwh: 0,
    host_energy_kwh: 0,
    origin: 'energy_kwh',
    hours: null,
    inferences: null,
    count: 1,
    sources: [],
    completeness: { status: 'estimate', reason: 'energy_kwh stated in the scenario, not read from a log', file: null, fix: null },
    warnings: [],
    ...over,
  };
}

export function inventoriesA(): Record<string, StageInventory> {
  return {
    training: inv({ host_energy_kwh: 1000, hours: 100 }),
    inference: inv({ host_energy_kwh: 1, hours: 1, inferences: 1e5 }),
  };
}

/**
 * The domain.md model of scenario A, written independently of src/lca: returns per-FU g CO2e,
 * assessed total kg CO2e, and the breakeven in inferences, for any choice of the inputs.
 * oh multiplies device-only energy (none in A); energyF scales each stage's energy.
 */
export function handA(p: { ci?: number; pue?: number; emb?: number; life?: number; L?: number; trainF?: number; infF?: number } = {}) {
  const { ci = 400, pue = 1.1, emb = 164, life = 4, L = 1e9, trainF = 1, infF = 1 } = p;
  const embPerHourKg = emb / (life * 8760); // C_emb = count × C_mfg × hours / (lifespan × 8760)
  const trainKg = (1000 * trainF * pue * ci) / 1000 + embPerHourKg * 100;
  const infOpKg = (1 * infF * pue * ci) / 1000;
  const infEmbKg = embPerHourKg * 1;
  const perInfG = ((infOpKg + infEmbKg) * 1000) / 1e5;
  const lifetimeFus = L / 1000;
  return {
    perFuG: perInfG * 1000 + (trainKg * 1000) / lifetimeFus, // marginal + embodied + amortized
    totalKg: trainKg + infOpKg + infEmbKg,
    breakeven: (trainKg * 1000) / perInfG,
  };
}

export function source(over: Partial<Source> & { path: string }): Source {
  return {
    format: 'nvidia-smi',
    energy_kwh: 1,
    co2e_kg: null,
    water_l: null,
    duration_s: 3600,
    devices: [],
    rows: 100,
    rows_rejected: 0,
    logged_pue: null,
    warnings: [],
    scope: 'device',
    ...over,
  };
}

/** A whole model card around `interpret`, the way the pipeline assembles one. */
export function cardOf(resolved: ResolvedScenario, inventories: Record<string, StageInventory>, sources: Source[] = []): ModelCard {
  const result = assess(resolved, inventories);
  const interpretation = interpret(resolved, inventories, result, sources);
  return ModelCard.parse({
    schema_version: '1.0',
    tool: { name: 'ml-lca', version: '0.0.0-test' },
    created_at: '2026-01-01T00:00:00Z',
    scenario: resolved,
    stages: result.stages,
    totals: result.totals,
    per_functional_unit: result.per_functional_unit,
    lifetime: result.lifetime,
    interpretation,
    budgets: [],
    verdict: 'pass',
    comparison: null,
    sources,
    hf_co2_eq_emissions: {
      emissions: result.totals.co2e_kg * 1000,
      source: 'ml-lca',
      training_type: 'pre-training',
      geographical_location: 'XX',
      hardware_used: '1 x H100-SXM',
    },
    warnings: result.warnings,
  });
}
