// Numbers that cannot be computed with (issue 12: impossible scenarios are bad input, exit 2):
// a scenario value so small that it underflows (a subnormal double: precision is lost and
// products round to 0), and results that overflow to infinity (`energy_kwh: 1e308` × PUE × grid
// intensity), whether from the scenario or from a log's values. zod already rejects `.inf` and
// `.nan` in the scenario; these checks catch what only arithmetic reveals.
import { InputError, formatPath, shortValue } from '../errors.js';
import type { Source } from '../ingest/source.js';
import type { Scenario } from '../scenario/schema.js';
import type { AssessResult } from './index.js';

/** Smallest positive normal double (2^-1022); below it a number underflows. */
const MIN_NORMAL = 2.2250738585072014e-308;

/** InputError (field path) for the first scenario number that is nonzero but subnormal. */
export function checkScenarioMagnitudes(s: Scenario): void {
  const walk = (v: unknown, path: PropertyKey[]): void => {
    if (typeof v === 'number') {
      if (v !== 0 && Math.abs(v) < MIN_NORMAL) {
        throw new InputError({
          code: 'SCENARIO_INVALID',
          field: formatPath(path),
          expected: 'a number of ordinary size (0, or at least 1e-300): this one is so small that it underflows to 0 in the computation',
          got: String(v),
        });
      }
      return;
    }
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walk(x, [...path, i]);
    } else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(s, []);
}

/** LOG_CORRUPT naming the file whose values add up to infinity. */
export function checkSourcesFinite(sources: readonly Source[]): void {
  for (const s of sources) {
    const bad =
      (s.energy_kwh !== null && !Number.isFinite(s.energy_kwh)) ||
      (s.co2e_kg !== null && !Number.isFinite(s.co2e_kg)) ||
      s.devices.some((d) => d.energy_kwh !== null && !Number.isFinite(d.energy_kwh));
    if (bad) {
      throw new InputError({
        code: 'LOG_CORRUPT',
        file: s.path,
        expected: 'energy values that add up to a finite number',
        got: 'values so large that their total overflows to infinity',
      });
    }
  }
}

const finite = (x: number | null): boolean => x === null || Number.isFinite(x);

/**
 * InputError naming the scenario field (or the log) behind the first result that overflowed.
 * Checked stage by stage, then the sums and the per-functional-unit figures.
 */
export function checkResultsFinite(s: Scenario, result: AssessResult, sourcesByStage: Record<string, readonly Source[]>): void {
  for (const [name, r] of Object.entries(result.stages)) {
    const values = [r.it_energy_kwh, r.energy_kwh, r.operational_co2e_kg, r.embodied_co2e_kg, r.co2e_kg, r.water_l, r.cost_usd];
    if (values.every(finite)) continue;
    const st = s.stages[name];
    const logs = (Object.hasOwn(sourcesByStage, name) ? sourcesByStage[name] : undefined) ?? [];
    // Energy read from files or from a Prometheus answer: the source is to blame, not a scenario field.
    if ((r.energy_origin === 'logs' || r.energy_origin === 'prometheus') && logs.length > 0) {
      const biggest = [...logs].sort((a, b) => (b.energy_kwh ?? 0) - (a.energy_kwh ?? 0))[0]!; // logs is not empty
      throw new InputError({
        code: 'LOG_CORRUPT',
        file: biggest.path,
        field: `stage ${name}`,
        expected: 'energy small enough to compute with',
        got: `${shortValue(biggest.energy_kwh)} kWh, whose carbon overflows to infinity`,
      });
    }
    const field = r.energy_origin === 'energy_kwh' ? 'energy_kwh' : st?.hours !== undefined ? 'hours' : 'inferences';
    throw new InputError({
      code: 'SCENARIO_INVALID',
      field: `stages.${name}.${field}`,
      expected: 'a number small enough to compute with (this stage’s energy, carbon or cost overflows to infinity)',
      got: shortValue((st as Record<string, unknown> | undefined)?.[field]),
    });
  }
  const t = result.totals;
  if (![t.energy_kwh, t.it_energy_kwh, t.co2e_kg, t.operational_co2e_kg, t.embodied_co2e_kg, t.water_l, t.cost_usd].every(finite)) {
    throw new InputError({
      code: 'SCENARIO_INVALID',
      field: 'stages',
      expected: 'stage values whose sum is a finite number',
      got: 'values so large that the total overflows to infinity',
    });
  }
  const fu = result.per_functional_unit;
  const lt = result.lifetime;
  if (
    ![fu.co2e_g, fu.energy_wh, fu.water_ml, fu.cost_usd, fu.marginal_co2e_g, fu.embodied_co2e_g, fu.amortized_co2e_g, lt.co2e_kg, lt.inference_co2e_kg].every(
      finite,
    )
  ) {
    throw new InputError({
      code: 'SCENARIO_INVALID',
      field: 'functional_unit.inferences',
      expected: 'a functional unit and lifetime small enough that the per-unit and lifetime figures are finite numbers',
      got: `${shortValue(s.functional_unit.inferences)} inferences per unit, ${shortValue(s.deployment.lifetime_inferences)} over the lifetime`,
    });
  }
}
