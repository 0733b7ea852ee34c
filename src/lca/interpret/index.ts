// Interpretation (ISO 14044 phase 4): significant issues, sensitivity, uncertainty,
// completeness/consistency, and the SCI and energy disclosures. Pure and deterministic: every
// number comes from re-running `assess` on perturbed copies of the inputs (nothing is mutated,
// no clock, no unseeded randomness).
import type { ResolvedScenario } from '../../scenario/resolved.js';
import { assess as engineAssess, type StageInventory } from '../index.js';
import type { Interpretation } from './schema.js';
import { type AssessFn, type AssessResultLike, type SourcesArg, flattenSources } from './types.js';
import { parametersOf } from './parameters.js';
import { energyRanges } from './measurement.js';
import { lifetimeCurve, tornado } from './sensitivity.js';
import { noiseRanges, propagate } from './uncertainty.js';
import { dataQuality } from './quality.js';
import { significantIssues } from './significant.js';
import { energyDisclosure, sci } from './disclosure.js';

export interface InterpretOptions {
  /** The engine's assess by default; injectable so the interpretation can be tested on its own. */
  assess?: AssessFn<StageInventory>;
}

/**
 * `result` must be `assess(resolved, inventories)`; `sources` are the ingested logs, as a list
 * or by stage (what buildInventories was given).
 */
export function interpret(
  resolved: ResolvedScenario,
  inventories: Record<string, StageInventory>,
  result: AssessResultLike,
  sources: SourcesArg,
  opts: InterpretOptions = {},
): Interpretation {
  const assess = opts.assess ?? engineAssess;
  const srcs = flattenSources(sources);
  const params = parametersOf(resolved, result.stages);
  const energy = energyRanges(resolved, inventories, result.stages, srcs);
  const u = propagate(resolved, inventories, result.stages, params, energy, assess);
  return {
    ...significantIssues(result),
    breakeven_inferences: result.breakeven_inferences,
    lifetime_curve: lifetimeCurve(resolved, inventories, result, assess),
    sensitivity: tornado(
      resolved,
      inventories,
      params.filter((p) => !p.waterOnly),
      assess,
    ),
    uncertainty: u,
    noise: noiseRanges(resolved, inventories, result, energy, assess),
    data_quality: dataQuality(resolved, inventories, result.stages, srcs),
    sci: sci(resolved, result),
    energy_disclosure: energyDisclosure(resolved, inventories, result),
  };
}

export { Interpretation } from './schema.js';
export { LIFETIME_DECADES } from './sensitivity.js';
export { mulberry32 } from './prng.js';
export { SCI_NOTE } from './disclosure.js';
export { UNCERTAINTY_METHOD, MC_SEED, MC_SAMPLES } from './uncertainty.js';
