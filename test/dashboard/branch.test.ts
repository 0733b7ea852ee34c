// `--history` on a checkout of the history branch (issue 16's layout, docs/history.md): every
// entry is a run, its card gives the detail, and the budget view equals the card directory's.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetViews } from '../../src/dashboard/budgets.js';
import { readHistory } from '../../src/dashboard/history.js';
import { slug } from '../../src/dashboard/model.js';
import { ScenarioPageData } from '../../src/dashboard/page-data.js';
import { buildSite } from '../../src/dashboard/site.js';
import { INDEX_PATH } from '../../src/history/index.js';
import { memoryIo } from '../../src/io.js';
import { fakeSha } from './cards.js';
import { AS_OF, branchFixture, REPO, REPO_URL } from './history.js';

const ROOT = path.resolve('/checkout');
const ioOf = (files: Map<string, string>) => memoryIo(Object.fromEntries([...files].map(([k, v]) => [path.join(ROOT, k), v])));

describe('readHistory on a history branch checkout', () => {
  it('reads every entry with its card; the team budget is the same 60 kg as from the cards', async () => {
    const files = await branchFixture();
    expect(files.has(INDEX_PATH)).toBe(true);
    const got = await readHistory(ROOT, ioOf(files));
    expect(got.reader).toBe('branch');
    expect(got.warnings).toEqual([]);
    expect(got.records.map((r) => [r.scenario, r.created_at.slice(0, 10), r.repo, r.run_id])).toEqual([
      ['ranker', '2026-02-20', REPO, 1001],
      ['ranker', '2026-03-02', REPO, 1002],
      ['embedder', '2026-03-03', REPO, 1021],
      ['ranker', '2026-03-05', REPO, 1003],
      ['ranker', '2026-03-10', REPO, 1004],
      ['embedder', '2026-03-12', REPO, 1022],
    ]);
    const r3 = got.records[3]!;
    expect(r3.sha).toBe(fakeSha(3));
    expect(r3.stages.training).toEqual({ energy_kwh: 30, co2e_kg: 12 });
    expect(r3.per_fu_co2e_g_high).toBeCloseTo(16.5, 10);
    const latest = [...new Map(got.records.map((r) => [r.scenario, r])).values()];
    const search = budgetViews(got.records, latest, new Date(AS_OF)).views.find((v) => v.name === 'search')!;
    expect([search.spent, search.runs, search.burn_rate_per_day, search.run_out_date]).toEqual([60, 5, 4, '2026-03-26']);
  });

  it('two runs of one commit share a card: the earlier keeps its own numbers from its entry, without stages', async () => {
    const files = await branchFixture();
    // Run 1009 re-assessed ranker's last commit (sha of run 4) two days later, at 12 g: its card replaced run 1004's.
    const { MemoryBackend, TreeHistory } = await import('../../src/history/index.js');
    const { dashCard } = await import('./cards.js');
    const backend = new MemoryBackend();
    backend.files = new Map(files);
    backend.version = 1;
    const h = new TreeHistory(backend, { backoffMs: () => 0, sleep: async () => {} });
    const card = dashCard({ scenario: 'ranker', team: 'search', created_at: '2026-03-12T09:00:00Z', co2e_kg: 5, per_fu_g: 12, sha: fakeSha(4), run_id: 1009 });
    card.extensions = { github: { repository: REPO, run_id: 1009, sha: fakeSha(4) } };
    await h.record(
      [{ card, run: { id: 1009, attempt: 1, repo: REPO, branch: 'main', sha: fakeSha(4), created_at: card.created_at, job: null } }],
      new Date(AS_OF),
    );
    const got = await readHistory(ROOT, ioOf(backend.files));
    const ranker = got.records.filter((r) => r.scenario === 'ranker');
    expect(ranker.map((r) => [r.run_id, r.per_fu_co2e_g, Object.keys(r.stages).length])).toEqual([
      [1001, 10, 3],
      [1002, 11, 3],
      [1003, 13.2, 3],
      [1004, 9.9, 0], // its card was replaced by run 1009's: numbers from its entry
      [1009, 12, 1],
    ]);
    expect(got.warnings).toEqual([]);
  });

  it('an entry naming a card outside the layout is drawn from the entry, with a note; nothing outside is read', async () => {
    const files = await branchFixture();
    const [runsFile, text] = [...files].find(([k]) => k.startsWith('v1/runs/embedder/'))!;
    files.set(runsFile, text.replace(/"card":"[^"]*"/, '"card":"../../../etc/passwd"'));
    const got = await readHistory(ROOT, ioOf(files));
    expect(got.warnings).toEqual([
      `${runsFile}:1: card "../../../etc/passwd" not used: not a card path of the layout`,
      '1 run(s) drawn from their history entry alone (no usable card): no stages or uncertainty range for them',
    ]);
    const e = got.records.find((r) => r.scenario === 'embedder' && r.created_at.startsWith('2026-03-03'))!;
    expect([e.per_fu_co2e_g, e.co2e_kg, e.stages]).toEqual([2, 5, {}]);
  });

  it('links each run to its own repository when the configured one has the same owner, and no further', async () => {
    const files = await branchFixture();
    for (const [k, v] of files) if (k.startsWith('v1/runs/embedder/')) files.set(k, v.replaceAll(`"repo":"${REPO}"`, '"repo":"octo-org/embeddings"'));
    const read = await readHistory(ROOT, ioOf(files));
    const own = buildSite(read.records, read.warnings, { now: new Date(AS_OF), links: { server: 'https://github.com', repo: REPO }, title: 't', version: '0' });
    const emb = ScenarioPageData.parse(JSON.parse(/id="ml-lca-data">([^<]*)</.exec(own.files[`scenario/${slug('embedder')}.html`]!)![1]!));
    expect(emb.repos).toEqual(['https://github.com/octo-org/embeddings']);
    const other = buildSite(read.records, read.warnings, {
      now: new Date(AS_OF),
      links: { server: 'https://github.com', repo: 'someone-else/x' },
      title: 't',
      version: '0',
    });
    const page = other.files[`scenario/${slug('ranker')}.html`]!;
    expect(page).not.toContain('href="https://github.com/');
    expect(ScenarioPageData.parse(JSON.parse(/id="ml-lca-data">([^<]*)</.exec(page)![1]!)).runs.repo).toEqual([null, null, null, null]);
    expect(REPO_URL).toBe('https://github.com/octo-org/models');
  });
});
