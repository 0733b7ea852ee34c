// Records for history tests: a small valid card per run, dated by the run's created_at.
import type { RunRecord } from '../../src/history/index.js';
import { makeCard } from '../ledger/cards.js';

export interface RunOpts {
  id: number;
  scenario: string;
  team?: string | null;
  kg: number;
  createdAt: string;
  sha?: string;
  attempt?: number;
  branch?: string;
  repo?: string;
  job?: string | null;
  energyKwh?: number;
}

export const shaOf = (id: number) => id.toString(16).padStart(40, '0');

export function record(o: RunOpts): RunRecord {
  const card = makeCard({ scenario: o.scenario, team: o.team ?? null, co2e_kg: o.kg, created_at: o.createdAt, energy_kwh: o.energyKwh ?? 10 });
  card.extensions = { github: { run_id: o.id } };
  return {
    card,
    run: {
      id: o.id,
      attempt: o.attempt ?? 1,
      repo: o.repo ?? 'acme/model',
      branch: o.branch ?? 'main',
      sha: o.sha ?? shaOf(o.id),
      created_at: o.createdAt,
      job: o.job ?? null,
    },
  };
}
