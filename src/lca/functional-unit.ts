// Per functional unit, §3.3 of the paper "Evaluation of ML Resource Utilization Requires Model Life Cycle Assessment":
//   C_FU = C_per_inference + (HW utilisation time × C_embodied / HW lifespan)
//          + (C_experimentation + C_training) / total lifetime inferences
// scaled to the functional unit (FU = functional_unit.inferences inferences). The three terms
// are reported separately:
//   marginal  = operational carbon per inference of the per-inference stages × FU inferences
//   embodied  = embodied (time-share) carbon per inference of those stages × FU inferences
//   amortized = all carbon (operational + embodied) of the up-front stages / lifetime FUs
// Per-inference stages are those with `inferences` > 0; every other stage is up-front
// (scenario/stage-kind.ts, the one rule every part of the card uses).
import type { StageResult } from '../report/card-schema.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { sumNullable } from './impact.js';
import type { AssessResult } from './index.js';
import { isPerInferenceStage, isUpfrontStage } from '../scenario/stage-kind.js';

type FuPart = Pick<AssessResult, 'per_functional_unit' | 'lifetime' | 'breakeven_inferences'>;

export function perFunctionalUnit(r: ResolvedScenario, stages: Record<string, StageResult>): FuPart {
  const fu = r.functional_unit.inferences;
  const lifetime = r.deployment.lifetime_inferences;
  const lifetimeFus = lifetime / fu;
  const all = Object.values(stages);
  const perInf = all.filter(isPerInferenceStage);
  const upfront = all.filter(isUpfrontStage);

  // Per single inference (sum over per-inference stages: each unit passes through all of them).
  const per = (f: (s: StageResult) => number) => perInf.reduce((a, s) => a + f(s) / (s.inferences as number), 0);
  const opG = per((s) => s.operational_co2e_kg * 1000);
  const embG = per((s) => s.embodied_co2e_kg * 1000);
  const energyWh = per((s) => s.energy_kwh * 1000);
  const waterMl = per((s) => s.water_l * 1000);
  const costPer = sumNullable(perInf.map((s) => (s.cost_usd === null ? null : s.cost_usd / (s.inferences as number))));

  const up = {
    co2eKg: upfront.reduce((a, s) => a + s.co2e_kg, 0),
    energyKwh: upfront.reduce((a, s) => a + s.energy_kwh, 0),
    waterL: upfront.reduce((a, s) => a + s.water_l, 0),
    cost: sumNullable(upfront.map((s) => s.cost_usd)),
  };

  const marginal = opG * fu;
  const embodied = embG * fu;
  const amortized = (up.co2eKg * 1000) / lifetimeFus;
  const costFu = costPer === null && up.cost === null ? null : (costPer ?? 0) * fu + (up.cost ?? 0) / lifetimeFus;

  const perInfCo2eG = opG + embG;
  const inferenceKg = (perInfCo2eG * lifetime) / 1000;
  return {
    per_functional_unit: {
      co2e_g: marginal + embodied + amortized,
      energy_wh: energyWh * fu + (up.energyKwh * 1000) / lifetimeFus,
      water_ml: waterMl * fu + (up.waterL * 1000) / lifetimeFus,
      cost_usd: costFu,
      marginal_co2e_g: marginal,
      embodied_co2e_g: embodied,
      amortized_co2e_g: amortized,
    },
    lifetime: {
      inferences: lifetime,
      functional_units: lifetimeFus,
      upfront_co2e_kg: up.co2eKg,
      inference_co2e_kg: inferenceKg,
      co2e_kg: up.co2eKg + inferenceKg,
    },
    // Lifetime inferences at which cumulative per-inference carbon equals the up-front carbon.
    // Without a per-inference stage perInfCo2eG is 0: no breakeven either.
    breakeven_inferences: perInfCo2eG > 0 ? (up.co2eKg * 1000) / perInfCo2eG : null,
  };
}
