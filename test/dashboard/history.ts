// A small history for the dashboard tests, with numbers chosen so the budget view can be checked
// by hand (see budgets.test.ts and the browser test):
//   team "search", month budget 100 kg CO2e (warn 80), declared by the newest "ranker" card;
//   March 2026 runs: ranker 10 + 20 + 15 kg, embedder 5 + 10 kg = 60 kg; February: ranker 40 kg.
//   As of 2026-03-16T00:00:00Z: 15 days elapsed, burn 60 / 15 = 4 kg/day, forecast 4 × 31 = 124 kg,
//   run-out 2026-03-01 + 100 / 4 = 25 days = 2026-03-26, status pass (60 ≤ 80).
// Plus one hostile card (markup in its names, a SHA that is not one) and two files that are not cards.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dashCard, fakeSha } from './cards.js';

export const AS_OF = '2026-03-16T00:00:00Z';
export const REPO = 'octo-org/models';
export const REPO_URL = 'https://github.com/octo-org/models';
export { fakeSha as fakeShaOf } from './cards.js';
export const HOSTILE_NAME = '</script><script>window.pwned=1</script><img src=x onerror="window.pwned=2">';

const TEAM_BUDGET = { scope: 'team', period: 'month', metric: 'totals.co2e_kg', max: 100, warn: 80 };
const PER_FU_BUDGET = { metric: 'per_functional_unit.co2e_g', max: 15, warn: 12 };

const rankerStages = (kg: number) => ({
  experimentation: { energy_kwh: kg * 0.5, co2e_kg: kg * 0.2 },
  training: { energy_kwh: kg * 1.5, co2e_kg: kg * 0.6 },
  inference: { energy_kwh: kg * 0.5, co2e_kg: kg * 0.2 },
});

/** file name -> card JSON text. */
export function fixtureFiles(): Record<string, string> {
  const ranker = [
    { at: '2026-02-20T09:00:00Z', kg: 40, g: 10, n: 1, pr: 11 },
    { at: '2026-03-02T09:00:00Z', kg: 10, g: 11, n: 2, pr: 12 },
    { at: '2026-03-05T09:00:00Z', kg: 20, g: 13.2, n: 3, pr: 13 },
    { at: '2026-03-10T09:00:00Z', kg: 15, g: 9.9, n: 4, pr: 14 },
  ];
  const files: Record<string, string> = {};
  for (const r of ranker) {
    files[`ranker/run-${r.n}.json`] = JSON.stringify(
      dashCard({
        scenario: 'ranker',
        team: 'search',
        created_at: r.at,
        co2e_kg: r.kg,
        per_fu_g: r.g,
        per_fu_low: r.g * 0.8,
        per_fu_high: r.g * 1.25,
        stages: rankerStages(r.kg),
        sha: fakeSha(r.n),
        run_id: 1000 + r.n,
        pr: r.pr,
        verdict: r.g > 12 ? 'warn' : 'pass',
        budgets: [PER_FU_BUDGET, TEAM_BUDGET],
        lifetime: true,
      }),
    );
  }
  const embedder = [
    { at: '2026-03-03T12:00:00Z', kg: 5, g: 2, n: 21 },
    { at: '2026-03-12T12:00:00Z', kg: 10, g: 3, n: 22 },
  ];
  for (const r of embedder) {
    files[`embedder/run-${r.n}.json`] = JSON.stringify(
      dashCard({ scenario: 'embedder', team: 'search', created_at: r.at, co2e_kg: r.kg, per_fu_g: r.g, sha: fakeSha(r.n), run_id: 1000 + r.n }),
    );
  }
  // The same embedder run downloaded twice: counted once.
  files['downloads/embedder-copy.json'] = files['embedder/run-22.json']!;
  files['hostile/card.json'] = JSON.stringify(
    dashCard({
      scenario: HOSTILE_NAME,
      team: '<b>team</b>',
      created_at: '2026-03-04T00:00:00Z',
      co2e_kg: 1,
      per_fu_g: 1,
      stages: { '<i>stage</i>': { energy_kwh: 1, co2e_kg: 1 } },
      functional_unit: '"><script>window.pwned=3</script>',
    }),
  ).replace('"extensions"', '"extensions"');
  // Not cards: named in a warning, never drawn.
  files['notes/package.json'] = JSON.stringify({ name: 'x', version: '1.0.0' });
  files['broken/half.json'] = '{"schema_version": "1.0", "tool": {';
  return files;
}

/** Write the fixture history below `dir`; returns `dir`. The hostile card gets a SHA that is not one. */
export function writeFixture(dir: string): string {
  for (const [rel, text] of Object.entries(fixtureFiles())) {
    const f = path.join(dir, rel);
    mkdirSync(path.dirname(f), { recursive: true });
    const card = rel === 'hostile/card.json' ? withExtension(text, { github: { sha: 'javascript:alert(1)//', run_id: '../../etc', pr: '12; DROP' } }) : text;
    writeFileSync(f, card);
  }
  return dir;
}

function withExtension(text: string, ext: Record<string, unknown>): string {
  const v = JSON.parse(text) as Record<string, unknown>;
  v.extensions = ext;
  return JSON.stringify(v);
}

/**
 * The same ranker and embedder runs recorded in a history branch (issue 16's layout, through its
 * own writer on a memory backend): path -> file text, as a checkout of the branch holds them.
 */
export async function branchFixture(): Promise<Map<string, string>> {
  const { MemoryBackend, TreeHistory } = await import('../../src/history/index.js');
  const { ModelCard } = await import('../../src/report/card-schema.js');
  const backend = new MemoryBackend();
  const h = new TreeHistory(backend, { backoffMs: () => 0, sleep: async () => {} });
  for (const [rel, text] of Object.entries(fixtureFiles())) {
    if (!/^(ranker|embedder)\//.test(rel)) continue;
    const card = ModelCard.parse(JSON.parse(text));
    const gh = card.extensions?.github as { sha: string; run_id: number };
    card.extensions = { github: { repository: REPO, run_id: gh.run_id, sha: gh.sha } };
    const run = { id: gh.run_id, attempt: 1, repo: REPO, branch: 'main', sha: gh.sha, created_at: card.created_at, job: 'assess' };
    const r = await h.record([{ card, run }], new Date(AS_OF));
    if (r.kind !== 'recorded') throw new Error(`fixture not recorded: ${r.reason}`);
  }
  return backend.files;
}
