// The Hugging Face model card `co2_eq_emissions` block (README.md metadata of a model repo):
// `emissions` is in GRAMS CO2e (https://huggingface.co/docs/hub/model-cards-co2). HF means the
// emissions of creating the model, so we report the up-front stages (every stage that is not a
// per-inference stage: experimentation, training, fine-tuning, ...), operational + embodied,
// and say so in `source`.
import type { z } from 'zod';
import type { HfCo2EqEmissions as HfSchema, StageResult } from './card-schema.js';
import type { ResolvedScenario } from '../scenario/resolved.js';

export type HfCo2EqEmissions = z.infer<typeof HfSchema>;

export interface HfInput {
  scenario: Pick<ResolvedScenario, 'grid' | 'hardware' | 'stages'>;
  stages: Record<string, Pick<StageResult, 'co2e_kg' | 'inferences'>>;
  tool: { version: string };
}

export function hfCo2EqEmissions(card: HfInput): HfCo2EqEmissions {
  const upfront = Object.entries(card.stages).filter(([, s]) => s.inferences === null);
  const kg = upfront.reduce((sum, [, s]) => sum + s.co2e_kg, 0);
  const names = upfront.map(([n]) => n);
  const { grid, hardware, stages } = card.scenario;
  // The most accelerators any up-front stage held (a stage's `count` overrides hardware.count).
  const count = Math.max(hardware.count, ...names.map((n) => stages[n]?.count ?? hardware.count));
  return {
    emissions: kg * 1000,
    source: `ml-lca ${card.tool.version}: operational + embodied CO2e of ${names.length ? names.join(', ') : 'no up-front stage'} (ISO 14040/14044 life cycle assessment)`,
    training_type: names.some((n) => /fine[-_ ]?tun/i.test(n)) ? 'fine-tuning' : 'pre-training',
    geographical_location: grid.region ?? `grid intensity ${grid.intensity_g_per_kwh} g CO2e/kWh`,
    hardware_used: `${count} x ${hardware.model}`,
  };
}
