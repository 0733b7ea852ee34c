// Assembles the model card from the pipeline's parts and validates it against the published
// schema before anyone writes it: a card that does not match is our bug, not the user's.
import { ModelCard, SCHEMA_VERSION } from './card-schema.js';
import { hfCo2EqEmissions } from './hf.js';
import { InputError, formatPath, fromZodError, jsonSyntaxProblem } from '../errors.js';

export type CardParts = Omit<ModelCard, 'schema_version' | 'tool' | 'hf_co2_eq_emissions' | 'created_at'> & {
  version: string;
  createdAt: Date;
};

export function assembleCard(parts: CardParts): ModelCard {
  const { version, createdAt, ...rest } = parts;
  const tool = { name: 'ml-lca' as const, version };
  const draft = {
    schema_version: SCHEMA_VERSION,
    tool,
    created_at: createdAt.toISOString(),
    ...rest,
    hf_co2_eq_emissions: hfCo2EqEmissions({ scenario: rest.scenario, stages: rest.stages, tool }),
  };
  const parsed = ModelCard.safeParse(draft);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`model card does not match its schema at ${formatPath(issue?.path ?? [])}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** A card read back from disk (a baseline, or `ml-lca compare`): JSON, then the schema. */
export function parseCard(text: string, file: string): ModelCard {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    // The problem in words, not V8's message, which quotes the file (it may not be a card at all).
    const { line, problem } = jsonSyntaxProblem(e, text);
    throw new InputError({ code: 'CARD_INVALID', file, line, expected: 'a model card JSON written by ml-lca', got: `invalid JSON (${problem})` });
  }
  const parsed = ModelCard.safeParse(json);
  if (!parsed.success) throw fromZodError(parsed.error, { file, input: json, code: 'CARD_INVALID' });
  return parsed.data;
}
