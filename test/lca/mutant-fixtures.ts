// Inputs shared by the test/lca/*-mutants.test.ts files: a small scenario (2 accelerators of
// 500 W, no bundled data), its assessment, a whole-server log, and the InputError a call throws.
import { InputError } from '../../src/errors.js';
import type { Source } from '../../src/ingest/source.js';
import { assess, buildInventories } from '../../src/lca/index.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { Scenario, type ScenarioInput } from '../../src/scenario/schema.js';

/**
 * 2 accelerators "X" of 500 W, no embodied carbon, 4-year life; 100 g/kWh, PUE 1; 1 inference per
 * functional unit, 1000 over the lifetime (1000 units); one stage of 10 kWh over 1 h. `over` replaces
 * whole top-level keys.
 */
export function scenario(over: Partial<ScenarioInput> = {}): Scenario {
  return Scenario.parse({
    name: 'a',
    functional_unit: { description: 'x', inferences: 1 },
    deployment: { lifetime_inferences: 1000 },
    grid: { intensity_g_per_kwh: 100 },
    pue: 1,
    hardware: { model: 'X', count: 2, power_w: 500, embodied_kg: 0, lifespan_years: 4 },
    stages: { training: { energy_kwh: 10, hours: 1 } },
    ...over,
  });
}

/** assess() of the scenario with these sources per stage. */
export function assessed(s: Scenario, sources: Record<string, Source[]> = {}) {
  const r = resolveScenario(s);
  return assess(r, buildInventories(r, sources));
}

/** A CodeCarbon log of whole-server energy over 2025-03-04 09:00–10:00 (kwh null: it gave none). */
export function hostLog(path: string, kwh: number | null): Source {
  return {
    path,
    format: 'codecarbon',
    scope: 'host',
    energy_kwh: kwh,
    co2e_kg: null,
    water_l: null,
    duration_s: 3600,
    devices: [],
    rows: 1,
    rows_rejected: 0,
    logged_pue: null,
    warnings: [],
    start: '2025-03-04T09:00:00.000Z',
    end: '2025-03-04T10:00:00.000Z',
    ...(kwh === null ? { incomplete: { code: 'no_valid_values', reason: 'no energy column', fix: 'log energy_consumed' } } : {}),
  };
}

/** The InputError that `f` throws (any other outcome fails the test). */
export function thrown(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}
