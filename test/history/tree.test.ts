// The history store over an in-memory backend: what a record writes (entries, running totals,
// index, cards), re-runs replacing their entry, optimistic retries when another run commits
// first, and the bounded reads a pull request makes (baseline, spending).
import { describe, expect, it } from 'vitest';
import { INDEX_PATH, IndexFile, MemoryBackend, TotalsFile, TreeHistory, cardPath, runsPath, totalsFromEntries, totalsPath } from '../../src/history/index.js';
import { parseRunsFile } from '../../src/history/layout.js';
import { record, shaOf } from './helpers.js';

const NOW = new Date('2026-03-20T12:00:00Z');
const noWait = { backoffMs: () => 0, sleep: async () => {} };

function store(max?: number) {
  const backend = new MemoryBackend();
  return { backend, history: new TreeHistory(backend, { ...noWait, ...(max ? { maxAttempts: max } : {}) }) };
}

const totals = (b: MemoryBackend, year: number) => TotalsFile.parse(JSON.parse(b.files.get(totalsPath(year)) ?? 'null'));
const index = (b: MemoryBackend) => IndexFile.parse(JSON.parse(b.files.get(INDEX_PATH) ?? 'null'));
const kg = (t: TotalsFile, label: string, scope: 'teams' | 'scenarios', name: string) => {
  const s = t.periods[label]?.[scope][name];
  return s ? [s.runs, s.sum['totals.co2e_kg']] : null;
};

describe('record', () => {
  it('writes the entry, the card, running totals per team and scenario per month/quarter/year, and the index, in one commit', async () => {
    const { backend, history } = store();
    const r1 = await history.record(
      [
        record({ id: 1, scenario: 'vision-v2', team: 'vision', kg: 10, createdAt: '2026-03-01T00:00:00Z' }),
        record({ id: 1, scenario: 'detector', team: 'vision', kg: 2.5, createdAt: '2026-03-01T00:00:00Z' }),
      ],
      NOW,
    );
    expect(r1).toMatchObject({ kind: 'recorded', version: '1', attempts: 1, replaced: 0 });
    await history.record([record({ id: 2, scenario: 'vision-v2', team: 'vision', kg: 20, createdAt: '2026-03-31T23:59:59Z' })], NOW);
    await history.record([record({ id: 3, scenario: 'vision-v2', team: 'vision', kg: 5, createdAt: '2026-04-01T00:00:00Z' })], NOW);
    await history.record([record({ id: 4, scenario: 'llm', team: null, kg: 7, createdAt: '2025-12-31T23:00:00Z' })], NOW);
    expect(backend.version).toBe(4);

    const y26 = totals(backend, 2026);
    // March: 10 + 2.5 + 20; Q1 the same; April 5 (Q2); the year 37.5. Scenario vision-v2: 10 + 20 in March.
    expect(kg(y26, '2026-03', 'teams', 'vision')).toEqual([3, 32.5]);
    expect(kg(y26, '2026-Q1', 'teams', 'vision')).toEqual([3, 32.5]);
    expect(kg(y26, '2026-04', 'teams', 'vision')).toEqual([1, 5]);
    expect(kg(y26, '2026-Q2', 'teams', 'vision')).toEqual([1, 5]);
    expect(kg(y26, '2026', 'teams', 'vision')).toEqual([4, 37.5]);
    expect(kg(y26, '2026-03', 'scenarios', 'vision-v2')).toEqual([2, 30]);
    expect(kg(y26, '2026-03', 'scenarios', 'detector')).toEqual([1, 2.5]);
    // No team: counted for its scenario only, in its own year's file.
    expect(kg(totals(backend, 2025), '2025-12', 'scenarios', 'llm')).toEqual([1, 7]);
    expect(totals(backend, 2025).periods['2025-12']?.teams).toEqual({});

    const march = parseRunsFile(backend.files.get(runsPath('vision-v2', '2026-03-01T00:00:00Z')) ?? '');
    expect(march.entries.map((e) => [e.run_id, e.co2e_kg, e.sha, e.created_at, e.verdict, e.tool_version])).toEqual([
      [1, 10, shaOf(1), '2026-03-01T00:00:00.000Z', 'pass', '0.1.0'],
      [2, 20, shaOf(2), '2026-03-31T23:59:59.000Z', 'pass', '0.1.0'],
    ]);
    expect(march.entries[0]?.card).toBe(cardPath('vision-v2', shaOf(1)));
    expect(backend.files.has(`v1/cards/vision-v2/00/${shaOf(1)}.json`)).toBe(true);

    const idx = index(backend);
    expect(idx).toMatchObject({ runs: 5, years: [2025, 2026], since: '2025-12-31T23:00:00.000Z' });
    expect(idx.latest.map((e) => [e.scenario, e.run_id])).toEqual([
      ['detector', 1],
      ['llm', 4],
      ['vision-v2', 3],
    ]);
    expect(backend.files.get('README.md')).toMatch(/^# ml-lca history/);
  });

  it('a re-run of the same run id replaces its entry and its share of the totals, never adds one', async () => {
    const { backend, history } = store();
    await history.record([record({ id: 7, scenario: 'm', team: 't', kg: 10, createdAt: '2026-03-02T00:00:00Z' })], NOW);
    await history.record([record({ id: 8, scenario: 'm', team: 't', kg: 1, createdAt: '2026-03-03T00:00:00Z' })], NOW);
    const again = await history.record([record({ id: 7, attempt: 2, scenario: 'm', team: 't', kg: 12, createdAt: '2026-03-02T00:00:00Z' })], NOW);
    expect(again).toMatchObject({ kind: 'recorded', replaced: 1 });
    const entries = parseRunsFile(backend.files.get(runsPath('m', '2026-03-02T00:00:00Z')) ?? '').entries;
    expect(entries.map((e) => [e.run_id, e.attempt, e.co2e_kg])).toEqual([
      [7, 2, 12],
      [8, 1, 1],
    ]);
    expect(kg(totals(backend, 2026), '2026-03', 'teams', 't')).toEqual([2, 13]);
    expect(index(backend).runs).toBe(2);
    // The re-run of an older run does not displace the newer run as the newest entry.
    expect(index(backend).latest.map((e) => e.run_id)).toEqual([8]);
  });

  it('the running totals equal totals rebuilt from the entries, after records, re-runs and two years', async () => {
    const { backend, history } = store();
    const kgs = [3.1, 0.2, 7.7, 0.1, 9.9, 4.4, 0.3, 2.2];
    for (const [i, v] of kgs.entries()) {
      const month = String((i % 3) + 1).padStart(2, '0');
      await history.record(
        [
          record({
            id: 100 + (i % 5),
            attempt: 1 + Math.floor(i / 5),
            scenario: `s${i % 2}`,
            team: 't',
            kg: v,
            createdAt: `${2025 + (i % 2)}-${month}-0${1 + (i % 5)}T10:00:00Z`,
          }),
        ],
        NOW,
      );
    }
    const entries = [...backend.files].filter(([p]) => p.endsWith('.jsonl')).flatMap(([, text]) => parseRunsFile(text).entries);
    for (const [year, t] of totalsFromEntries(entries)) {
      const stored = totals(backend, year);
      for (const [label, block] of Object.entries(t.periods)) {
        for (const scope of ['teams', 'scenarios'] as const) {
          for (const [name, s] of Object.entries(block[scope])) {
            expect(stored.periods[label]?.[scope][name]?.runs).toBe(s.runs);
            expect(stored.periods[label]?.[scope][name]?.sum['totals.co2e_kg']).toBeCloseTo(s.sum['totals.co2e_kg'] ?? Number.NaN, 12);
          }
        }
      }
    }
  });

  it('another run committing first: reads the new head and retries; both runs land', async () => {
    const { backend, history } = store();
    const other = new TreeHistory(backend, noWait);
    let raced = false;
    backend.beforeCommit = async () => {
      if (raced) return;
      raced = true; // run 2 commits between run 1's read and run 1's commit
      await other.record([record({ id: 2, scenario: 'm', team: 't', kg: 2, createdAt: '2026-03-02T00:00:00Z' })], NOW);
    };
    const r = await history.record([record({ id: 1, scenario: 'm', team: 't', kg: 1, createdAt: '2026-03-01T00:00:00Z' })], NOW);
    expect(r).toMatchObject({ kind: 'recorded', attempts: 2 });
    const entries = parseRunsFile(backend.files.get(runsPath('m', '2026-03-01T00:00:00Z')) ?? '').entries;
    expect(entries.map((e) => e.run_id).sort()).toEqual([1, 2]);
    expect(kg(totals(backend, 2026), '2026-03', 'teams', 't')).toEqual([2, 3]);
  });

  it('gives up after the attempts when the head keeps moving, saying so', async () => {
    const { backend, history } = store(3);
    const other = new TreeHistory(backend, noWait);
    let n = 0;
    backend.beforeCommit = async () => {
      backend.beforeCommit = null;
      await other.record([record({ id: 100 + n++, scenario: 'm', kg: 1, createdAt: '2026-03-02T00:00:00Z' })], NOW);
      backend.beforeCommit = async () => {
        backend.beforeCommit = null;
        await other.record([record({ id: 100 + n++, scenario: 'm', kg: 1, createdAt: '2026-03-02T00:00:00Z' })], NOW);
        backend.beforeCommit = async () => {
          backend.beforeCommit = null;
          await other.record([record({ id: 100 + n++, scenario: 'm', kg: 1, createdAt: '2026-03-02T00:00:00Z' })], NOW);
        };
      };
    };
    const r = await history.record([record({ id: 1, scenario: 'm', kg: 1, createdAt: '2026-03-01T00:00:00Z' })], NOW);
    expect(r).toEqual({ kind: 'failed', reason: 'memory history kept moving: 3 tries, each overtaken by another run', attempts: 3, warnings: [] });
  });

  it('warns when two jobs of one run record the same scenario (a matrix without distinct names)', async () => {
    const { history } = store();
    await history.record([record({ id: 5, scenario: 'm', kg: 1, createdAt: '2026-03-02T00:00:00Z', job: 'train-a100' })], NOW);
    const r = await history.record([record({ id: 5, scenario: 'm', kg: 2, createdAt: '2026-03-02T00:00:00Z', job: 'train-h100' })], NOW);
    expect(r.warnings).toEqual([
      'run 5: scenario m was recorded by job train-a100 and again by train-h100; the later replaces the earlier (give each matrix job its own scenario name)',
    ]);
  });
});

describe('reads', () => {
  async function seeded() {
    const s = store();
    await s.history.record([record({ id: 1, scenario: 'm', team: 't', kg: 10, createdAt: '2026-01-10T00:00:00Z' })], NOW);
    await s.history.record([record({ id: 2, scenario: 'm', team: 't', kg: 20, createdAt: '2026-03-02T00:00:00Z' })], NOW);
    await s.history.record([record({ id: 3, scenario: 'other', team: 't', kg: 5, createdAt: '2026-03-03T00:00:00Z' })], NOW);
    return s;
  }

  it('baseline: the entry of the base commit; else the newest on the base branch, saying which', async () => {
    const { history } = await seeded();
    const q = { scenario: 'm', repo: 'acme/model', branch: 'main' };
    const exact = await history.baseline({ ...q, sha: shaOf(1) });
    expect(exact).toMatchObject({ kind: 'found', meta: { source: 'history:memory', ref: 'main', sha: shaOf(1), run_id: 1 }, note: null });
    const newest = await history.baseline({ ...q, sha: 'f'.repeat(40) });
    expect(newest).toMatchObject({ kind: 'found', meta: { sha: shaOf(2), run_id: 2, created_at: '2026-03-02T00:00:00.000Z' } });
    expect(newest.kind === 'found' && newest.note).toBe(
      'Baseline: the base commit fffffff has no recorded run; compared with the newest recorded run on main (0000000, run 2, 2026-03-02).',
    );
    expect(await history.baseline({ ...q, branch: 'release', sha: null })).toEqual({
      kind: 'none',
      reason: 'no run of m on release is recorded in memory history',
    });
    expect(await history.baseline({ ...q, repo: 'acme/other', sha: null })).toMatchObject({ kind: 'none' });
  });

  it('baseline: a card path in the index that is not of the layout is not followed', async () => {
    const { backend, history } = await seeded();
    const idx = index(backend);
    backend.files.set(INDEX_PATH, JSON.stringify({ ...idx, latest: idx.latest.map((e) => ({ ...e, card: '../../secrets.json' })) }));
    const r = await new TreeHistory(backend).baseline({ scenario: 'm', repo: 'acme/model', branch: 'main', sha: null });
    expect(r).toEqual({ kind: 'none', reason: 'index.json names "../../secrets.json" as a card, which is not a card path of the layout' });
    void history;
  });

  it('spending: sums per team and scenario for the month, quarter and year of now; a re-run excludes its first attempt', async () => {
    const { history } = await seeded();
    const s = await history.spending({ now: NOW, periods: ['month', 'quarter', 'year'], scenario: 'm', teams: true, metrics: ['totals.co2e_kg'] });
    const row = (scope: string, name: string, label: string) => s.sums?.find((x) => x.scope === scope && x.name === name && x.label === label);
    expect([row('team', 't', '2026-03')?.runs, row('team', 't', '2026-03')?.sum['totals.co2e_kg']]).toEqual([2, 25]);
    expect(row('team', 't', '2026-Q1')?.sum['totals.co2e_kg']).toBe(35);
    expect(row('model', 'm', '2026')?.sum['totals.co2e_kg']).toBe(30);
    expect(s).toMatchObject({ source: 'history:memory', entries: [], size: 3, since: '2026-01-10T00:00:00.000Z', warnings: [] });
    // Push run 2 re-run: its recorded first attempt is this change.
    const rerun = await history.spending({
      now: NOW,
      periods: ['month'],
      scenario: 'm',
      teams: true,
      metrics: ['totals.co2e_kg'],
      excludeRun: { id: 2, repo: 'acme/model' },
    });
    const team = rerun.sums?.find((x) => x.scope === 'team' && x.label === '2026-03');
    expect([team?.runs, team?.sum['totals.co2e_kg']]).toEqual([1, 5]);
  });

  it('spending: a budget metric some recorded runs lack is counted as 0, and said', async () => {
    const { history } = await seeded();
    const s = await history.spending({ now: NOW, periods: ['month'], scenario: 'm', teams: false, metrics: ['stages.training.co2e_kg'] });
    expect(s.warnings).toEqual(['history: some recorded runs lack stages.training.co2e_kg (recorded before a budget named it); counted as 0']);
  });
});
