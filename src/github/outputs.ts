// Step outputs (design.md): co2e-kg, co2e-per-fu-g, verdict, card-path, report-markdown, delta-pct.
// With one scenario each is that scenario's value. With several (scenario glob): co2e-kg is the
// sum (kg add up), verdict the aggregate, card-path one path per line, report-markdown the
// reports one after another; co2e-per-fu-g and delta-pct are per scenario and do not add up, so
// they are empty, and `results` (JSON, one object per scenario) carries every value.
import type { ModelCard } from '../report/card-schema.js';
import { aggregateVerdict } from './summary.js';

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
    'report-markdown': outcomes.map((o) => o.markdown).join('\n'),
    'delta-pct': one ? num(deltaPct(one.card)) : '',
    results: JSON.stringify(results),
  };
}
