// Builders for inventory tests: a resolved scenario (H100-SXM × 8, bundled power 700 W) and
// Source objects (what one log file contributes) with every field empty but the ones a test names.
import type { Source } from '../../src/ingest/source.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import type { ResolvedScenario } from '../../src/scenario/resolved.js';
import { Scenario, type ScenarioInput } from '../../src/scenario/schema.js';

export function resolved(stages: ScenarioInput['stages'], extra: Partial<ScenarioInput> = {}): ResolvedScenario {
  return resolveScenario(
    Scenario.parse({
      name: 'inv',
      functional_unit: { description: 'x', inferences: 1 },
      deployment: { lifetime_inferences: 1e6 },
      grid: { intensity_g_per_kwh: 100 },
      pue: 1.5,
      it_overhead_factor: 1.2,
      hardware: { model: 'H100', count: 8 },
      stages,
      ...extra,
    }),
  );
}

export function src(over: Partial<Source> & Pick<Source, 'path' | 'format'>): Source {
  return {
    energy_kwh: null,
    co2e_kg: null,
    water_l: null,
    duration_s: null,
    devices: [],
    rows: 1,
    rows_rejected: 0,
    logged_pue: null,
    warnings: [],
    start: null,
    end: null,
    ...over,
  };
}

/** A stage's Prometheus source over 2024-05-01 09:00–10:00 (the query is not run in these tests). */
export const PROMETHEUS = { url: 'http://prometheus:9090', selector: '{}', job_window: { start: '2024-05-01T09:00:00Z', end: '2024-05-01T10:00:00Z' } };

/** A device-scope nvidia-smi log of `kwh`. */
export const smi = (path: string, kwh: number, extra: Partial<Source> = {}): Source =>
  src({ path, format: 'nvidia-smi', scope: 'device', energy_kwh: kwh, ...extra });
/** A whole-server CodeCarbon log of `kwh`. */
export const cc = (path: string, kwh: number, extra: Partial<Source> = {}): Source =>
  src({ path, format: 'codecarbon', scope: 'host', energy_kwh: kwh, ...extra });
