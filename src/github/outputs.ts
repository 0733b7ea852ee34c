// Step outputs (design.md): co2e-kg, co2e-per-fu-g, verdict, card-path, report-markdown, delta-pct.
// With one scenario each is that scenario's value. With several (scenario glob): co2e-kg is the
// sum (kg add up), verdict the aggregate, card-path one path per line, report-markdown the
// reports one after another; co2e-per-fu-g and delta-pct are per scenario and do not add up, so
// they are empty, and `results` (JSON, one object per scenario) carries every value.
import type { ModelCard } from '../report/card-schema.js';
import { aggregateVerdict, reportsWithin } from './summary.js';

/**
 * GitHub keeps a step output of at most 1 MB; report-markdown stays under it with room for the
 * other outputs (details trimmed first, the verdict never).
 */
export const REPORT_OUTPUT_LIMIT_BYTES = 900_000;

export interface ScenarioOutcome {
  card: ModelCard;
  cardPath: string;
  markdown: string;
}

export type Outputs = Record<'co2e-kg' | 'co2e-per-fu-g' | 'verdict' | 'card-path' | 'report-markdown' | 'delta-pct' | 'results', string>;

/** delta % of CO2e per functional unit against base; null without a comparable baseline. */
export function deltaPct(card: ModelCard): number | null {
  const c = card.comparison;
  if (!c?.comparable) return null;
  return c.metrics.find((m) => m.metric === 'per_functional_unit.co2e_g')?.delta_pct ?? null;
}

const num = (x: number | null): string => (x === null || !Number.isFinite(x) ? '' : String(x));

export function outputsOf(outcomes: readonly ScenarioOutcome[]): Outputs {
  const one = outcomes.length === 1 ? outcomes[0] : undefined;
  const results = outcomes.map((o) => ({
    scenario: o.card.scenario.name,
    verdict: o.card.verdict,
    co2e_kg: o.card.totals.co2e_kg,
    co2e_per_fu_g: o.card.per_functional_unit.co2e_g,
    delta_pct: deltaPct(o.card),
    card_path: o.cardPath,
  }));
  return {
    'co2e-kg': num(outcomes.reduce((s, o) => s + o.card.totals.co2e_kg, 0)),
    'co2e-per-fu-g': one ? num(one.card.per_functional_unit.co2e_g) : '',
    verdict: aggregateVerdict(outcomes.map((o) => o.card.verdict)),
    'card-path': outcomes.map((o) => o.cardPath).join('\n'),
    'report-markdown': reportMarkdown(outcomes),
    'delta-pct': one ? num(deltaPct(one.card)) : '',
    results: JSON.stringify(results),
  };
}

/** The reports one after another, re-rendered shorter when together they pass the output limit. */
function reportMarkdown(outcomes: readonly ScenarioOutcome[], limitBytes = REPORT_OUTPUT_LIMIT_BYTES): string {
  const whole = outcomes.map((o) => o.markdown).join('\n');
  if (Buffer.byteLength(whole, 'utf8') <= limitBytes) return whole;
  return reportsWithin(
    outcomes.map((o) => o.card),
    limitBytes - outcomes.length,
  ).join('\n');
}
