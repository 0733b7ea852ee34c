// The CLI reads a checkout (or directory copy) of the history branch as the action reads the
// branch: `ml-lca ledger DIR` counts its JSONL entries and checks the running totals against
// them; `ml-lca compare DIR HEAD.json` finds the baseline by commit or newest on a branch.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryBackend, TreeHistory, totalsPath } from '../../src/history/index.js';
import { runInProcess, tempDir } from '../cli/helpers.js';
import { makeCard } from '../ledger/cards.js';
import { record, shaOf } from './helpers.js';

const NOW = new Date('2026-03-20T00:00:00Z');
let dir: string;
let files: Map<string, string>;

function writeTree(root: string, tree: Map<string, string>): void {
  for (const [rel, text] of tree) {
    const p = path.join(root, ...rel.split('/'));
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
}

beforeAll(async () => {
  const backend = new MemoryBackend();
  const h = new TreeHistory(backend, { backoffMs: () => 0, sleep: async () => {} });
  // Team vision: 100 in January, 40 + 2.5 in March (two scenarios); nlp: 300 in March; run 3 re-run (30 -> 40).
  await h.record([record({ id: 1, scenario: 'vision-v2', team: 'vision', kg: 100, createdAt: '2026-01-15T00:00:00Z', energyKwh: 250 })], NOW);
  await h.record([record({ id: 3, scenario: 'vision-v2', team: 'vision', kg: 30, createdAt: '2026-03-02T00:00:00Z', energyKwh: 75 })], NOW);
  await h.record([record({ id: 3, attempt: 2, scenario: 'vision-v2', team: 'vision', kg: 40, createdAt: '2026-03-02T00:00:00Z', energyKwh: 100 })], NOW);
  await h.record([record({ id: 4, scenario: 'detector', team: 'vision', kg: 2.5, createdAt: '2026-03-03T00:00:00Z' })], NOW);
  await h.record([record({ id: 5, scenario: 'llm', team: 'nlp', kg: 300, createdAt: '2026-03-04T00:00:00Z', branch: 'release' })], NOW);
  files = backend.files;
  dir = tempDir('ml-lca-history-');
  writeTree(dir, files);
});

describe('ml-lca ledger on a history checkout', () => {
  it('counts every entry once, per team and model per quarter, and the totals agree with the entries', async () => {
    const r = await runInProcess(['ledger', dir, '--json', '--period', 'quarter'], dir);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { runs: number; totals: Array<Record<string, unknown>> };
    expect(j.runs).toBe(4);
    expect(j.totals.map((t) => [t.period, t.scope, t.name, t.runs, t.co2e_kg])).toEqual([
      ['2026-Q1', 'model', 'detector', 1, 2.5],
      ['2026-Q1', 'model', 'llm', 1, 300],
      ['2026-Q1', 'model', 'vision-v2', 2, 140],
      ['2026-Q1', 'team', 'nlp', 1, 300],
      ['2026-Q1', 'team', 'vision', 3, 142.5],
    ]);
    expect(r.stderr).toBe('');
  });

  it('says where the running totals disagree with the entries (a hand edit, a lost write)', async () => {
    const edited = tempDir('ml-lca-history-edited-');
    writeTree(edited, files);
    const t = JSON.parse(files.get(totalsPath(2026)) ?? '{}') as { periods: Record<string, { teams: Record<string, { sum: Record<string, number> }> }> };
    const march = t.periods['2026-03']?.teams.vision;
    if (march) march.sum['totals.co2e_kg'] = 1;
    writeFileSync(path.join(edited, 'v1/totals/2026.json'), JSON.stringify(t));
    const r = await runInProcess(['ledger', edited, '--json'], edited);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('ml-lca ledger: totals 2026-03 team vision: the totals file says 2 run(s), 1 kg; the entries say 2, 42.5 kg');
  });
});

describe('ml-lca compare on a history checkout', () => {
  const head = (kg: number) => {
    const p = path.join(tempDir('ml-lca-head-'), 'head.json');
    writeFileSync(p, JSON.stringify(makeCard({ scenario: 'vision-v2', team: 'vision', co2e_kg: kg, created_at: '2026-03-20T00:00:00Z' })));
    return p;
  };

  it('without --sha: the newest entry of the scenario (run 3, attempt 2: 40 kg), and it says which', async () => {
    const r = await runInProcess(['compare', dir, head(50), '--json'], dir);
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout) as { baseline: Record<string, unknown>; metrics: Array<{ metric: string; base: number; head: number; delta_pct: number }> };
    expect(c.baseline).toMatchObject({ ref: 'main', sha: shaOf(3), run_id: 3 });
    const total = c.metrics.find((m) => m.metric === 'totals.co2e_kg');
    expect([total?.base, total?.head, total?.delta_pct]).toEqual([40, 50, 25]);
    expect(r.stderr).toBe(`ml-lca compare: base v1/cards/vision-v2/00/${shaOf(3)}.json in history directory ${dir}`);
  });

  it('--sha: the card of that commit; a commit not recorded falls back to the newest, saying so', async () => {
    const exact = await runInProcess(['compare', dir, head(50), '--json', '--sha', shaOf(1)], dir);
    expect(exact.code, exact.stderr).toBe(0);
    expect((JSON.parse(exact.stdout) as { metrics: Array<{ metric: string; base: number }> }).metrics.find((m) => m.metric === 'totals.co2e_kg')?.base).toBe(
      100,
    );
    const other = await runInProcess(['compare', dir, head(50), '--sha', 'a'.repeat(40)], dir);
    expect(other.code).toBe(0);
    expect(other.stderr).toContain('the base commit aaaaaaa has no recorded run; compared with the newest recorded run on main');
  });

  it('a scenario the history never recorded is bad input (exit 2) naming the directory', async () => {
    const p = path.join(tempDir('ml-lca-head-'), 'head.json');
    writeFileSync(p, JSON.stringify(makeCard({ scenario: 'unknown', co2e_kg: 1, created_at: '2026-03-20T00:00:00Z' })));
    const r = await runInProcess(['compare', dir, p], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ml-lca: ${dir}: expected a recorded run of scenario "unknown" to compare with, got no entry of it`);
  });
});
