// The one rule that splits stages into per-inference and up-front, used everywhere a stage's
// kind matters (per-FU terms, breakeven, SCI, the Hugging Face block, data quality, scenario
// warnings), so no two parts of a card can disagree about a stage.
//
// A stage is per-inference when it served inferences (`inferences` > 0): its carbon per
// inference is the marginal (and embodied) term of the paper's per-FU formula (§3.3). Every
// other stage, with no `inferences` or `inferences: 0` (a stage that served nothing cannot give
// a cost per inference), is up-front: experimentation, training, fine-tuning, evaluation, ...,
// amortised over the lifetime inferences.

/** Anything that carries a stage's inferences: a scenario stage (optional) or a card stage (nullable). */
export interface HasInferences {
  inferences?: number | null | undefined;
}

export function isPerInferenceStage(s: HasInferences): boolean {
  return typeof s.inferences === 'number' && s.inferences > 0;
}

export function isUpfrontStage(s: HasInferences): boolean {
  return !isPerInferenceStage(s);
}
