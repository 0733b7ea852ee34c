// The Hugging Face model card `co2_eq_emissions` block (README.md metadata of a model repo;
// Hub docs, "Displaying carbon emissions for your model"): `emissions` in GRAMS CO2e, `source`,
// `training_type` (pre-training | fine-tuning), `geographical_location`, `hardware_used`.
//
// What it counts: the operational CO2e of the stages that produced the model: the up-front
// stages (scenario/stage-kind.ts, the same rule as the per-FU terms) unless the scenario lists
// them in `hf.stages`. Embodied (hardware manufacturing) carbon stays in the card, not in this
// block, as CodeCarbon and the ML CO2 Impact calculator report it; `source` says exactly what
// is counted. `training_type` only when the scenario gives `hf.training_type`: never guessed.
import type { z } from 'zod';
import type { HfCo2EqEmissions as HfSchema, StageResult } from './card-schema.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { isUpfrontStage } from '../scenario/stage-kind.js';

export type HfCo2EqEmissions = z.infer<typeof HfSchema>;

export interface HfInput {
  scenario: Pick<ResolvedScenario, 'grid' | 'hardware' | 'stages' | 'hf' | 'pue'>;
  stages: Record<string, Pick<StageResult, 'operational_co2e_kg' | 'inferences'>>;
  tool: { version: string };
}

/** The stages the block counts: `hf.stages` when given, else every up-front stage, in scenario order. */
export function hfStages(card: Pick<HfInput, 'scenario' | 'stages'>): string[] {
  const listed = card.scenario.hf.stages;
  const names = Object.keys(card.stages);
  return listed !== null ? names.filter((n) => listed.includes(n)) : names.filter((n) => isUpfrontStage(card.stages[n] ?? {}));
}

export function hfCo2EqEmissions(card: HfInput): HfCo2EqEmissions {
  const { grid, hardware, stages, hf, pue } = card.scenario;
  const counted = hfStages(card);
  const others = Object.keys(card.stages).filter((n) => !counted.includes(n));
  const kg = counted.reduce((sum, n) => sum + (card.stages[n]?.operational_co2e_kg ?? 0), 0);
  // The most accelerators any counted stage held (a stage's `count` overrides hardware.count).
  const count = Math.max(0, ...counted.map((n) => stages[n]?.count ?? hardware.count));
  const which = counted.length === 0 ? 'no stage (the scenario has no up-front stage)' : `stage${counted.length > 1 ? 's' : ''} ${counted.join(', ')}`;
  const why = hf.stages !== null ? 'listed in hf.stages' : 'the up-front stages, i.e. those without inferences';
  const notCounted = ['embodied (hardware manufacturing) carbon', ...(others.length ? [`stage${others.length > 1 ? 's' : ''} ${others.join(', ')}`] : [])];
  return {
    emissions: kg * 1000,
    source:
      `ml-lca ${card.tool.version} (ISO 14040/14044 life cycle assessment): operational CO2e of ${which} (${why}): ` +
      `facility energy (PUE ${pue}) × ${grid.intensity_g_per_kwh} g CO2e/kWh; not counted: ${notCounted.join('; ')}`,
    ...(hf.training_type !== null ? { training_type: hf.training_type } : {}),
    geographical_location: grid.region ?? `grid intensity ${grid.intensity_g_per_kwh} g CO2e/kWh`,
    hardware_used: `${count > 0 ? count : hardware.count} x ${hardware.model}`,
  };
}
