// Model cards for the dashboard tests: the ledger tests' minimal valid card with the fields the
// dashboard draws set per run (per-FU value and range, stages, lifetime curve, budgets, commit).
import { ModelCard } from '../../src/report/card-schema.js';
import { makeCard } from '../ledger/cards.js';

export interface DashCardOpts {
  scenario: string;
  team?: string | null;
  created_at: string;
  co2e_kg: number;
  per_fu_g: number;
  per_fu_low?: number;
  per_fu_high?: number;
  stages?: Record<string, { energy_kwh: number; co2e_kg: number }>;
  sha?: string;
  run_id?: number;
  pr?: number;
  verdict?: 'pass' | 'warn' | 'fail';
  budgets?: unknown[];
  lifetime?: boolean;
  functional_unit?: string;
}

const STAGE_DEFAULTS = {
  it_energy_kwh: 0,
  operational_co2e_kg: 0,
  embodied_co2e_kg: 0,
  water_l: 0,
  cost_usd: null,
  hours: null,
  inferences: null,
  energy_origin: 'energy_kwh',
  energy_scope: 'host',
  sources: [],
} as const;

export function dashCard(o: DashCardOpts): ModelCard {
  const base = makeCard({ scenario: o.scenario, team: o.team ?? null, co2e_kg: o.co2e_kg, created_at: o.created_at });
  const stages = o.stages ?? { training: { energy_kwh: o.co2e_kg * 2, co2e_kg: o.co2e_kg } };
  const card = {
    ...base,
    scenario: {
      ...base.scenario,
      functional_unit: { description: o.functional_unit ?? '1,000 requests', inferences: 1000 },
      budgets: o.budgets ?? [],
    },
    stages: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, { ...STAGE_DEFAULTS, ...v }])),
    per_functional_unit: { ...base.per_functional_unit, co2e_g: o.per_fu_g },
    interpretation: {
      ...base.interpretation,
      breakeven_inferences: o.lifetime ? 2.5e6 : null,
      ...(o.lifetime
        ? {
            lifetime_curve: [
              { inferences: 1e6, co2e_g_per_fu: 35 },
              { inferences: 2.5e6, co2e_g_per_fu: 20, label: 'breakeven' },
              { inferences: 1e7, co2e_g_per_fu: 12.5 },
              { inferences: 1e9, co2e_g_per_fu: o.per_fu_g, label: 'scenario' },
            ],
          }
        : {}),
      uncertainty: {
        co2e_kg_low: o.co2e_kg * 0.9,
        co2e_kg_high: o.co2e_kg * 1.1,
        ...(o.per_fu_low !== undefined ? { per_fu_co2e_g_low: o.per_fu_low } : {}),
        ...(o.per_fu_high !== undefined ? { per_fu_co2e_g_high: o.per_fu_high } : {}),
      },
    },
    verdict: o.verdict ?? 'pass',
    ...(o.sha || o.run_id || o.pr ? { extensions: { github: { sha: o.sha, run_id: o.run_id, pr: o.pr } } } : {}),
  };
  return ModelCard.parse(card);
}

/** A 40-digit hex SHA from a number, so each fixture commit has a distinct, valid SHA. */
export function fakeSha(n: number): string {
  const h = (Math.imul(n + 1, 2654435761) >>> 0).toString(16).padStart(8, '0');
  return `${h}${n.toString(16).padStart(32, '0')}`;
}
