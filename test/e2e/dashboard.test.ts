// End to end: `dashboard: true` on push runs (dist/index.js against the fake GitHub): after the
// run is recorded in the history branch, the site is built from the branch (one zipball download)
// and committed into its docs/ folder through the Git Data API, only the files that changed.
// Pull requests never publish. Numbers as in history.test.ts: kg(E) = 0.4 E + 10.559361 kg, and
// with 1,000 functional units g per unit = kg total.
import { describe, expect, it } from 'vitest';
import { slug } from '../../src/dashboard/model.js';
import { ScenarioPageData } from '../../src/dashboard/page-data.js';
import type { FakeGitHub } from './fake-github.js';
import { chatScenario, makeWorkspace, pullRequestEvent, runAction, TOKEN, useFakeGitHub } from './harness.js';

const EMBODIED = 370_000 / 35_040;
const kg = (energy: number) => 0.4 * energy + EMBODIED;
const NOW = '2026-11-20T12:00:00Z';
const BRANCH = 'ml-lca-data';
const sha = (c: string) => c.repeat(40);
const TEAM_BUDGET = '{ scope: team, period: month, max: 2000 }';
const files = () => fake.git().files(BRANCH);
const dataOf = (page: string) => ScenarioPageData.parse(JSON.parse(/id="ml-lca-data">([^<]*)</.exec(page)?.[1] ?? 'null'));

let fake: FakeGitHub;

useFakeGitHub((f) => {
  fake = f;
});

function push(runId: number, commit: string, createdAt: string, energy: number, inputs: Record<string, string> = { dashboard: 'true' }) {
  fake.runs.push({ id: runId, workflowFile: 'train.yml', branch: 'main', event: 'push', conclusion: 'success', headSha: commit, createdAt });
  return runAction({
    fake,
    workspace: makeWorkspace({ 'lca.yml': chatScenario({ team: 'nlp', energy, budgets: [TEAM_BUDGET] }) }),
    inputs: { scenario: 'lca.yml', 'github-token': TOKEN, ...inputs },
    eventName: 'push',
    event: { ref: 'refs/heads/main', repository: { full_name: `${fake.owner}/${fake.repo}`, default_branch: 'main' } },
    runId,
    sha: commit,
    env: { ML_LCA_NOW: NOW, GITHUB_SERVER_URL: 'https://github.com' },
  });
}

describe('dashboard: true (dist/index.js)', () => {
  it('a push run records itself, then publishes the site into docs/ of the history branch', async () => {
    const r = await push(701, sha('a'), '2026-11-02T10:00:00Z', 1000);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/dashboard: \d+ file\(s\) of docs\/ of branch ml-lca-data updated \(commit [0-9a-f]{7}; 1 runs of 1 scenarios\)/);
    const f = files();
    for (const p of ['docs/index.html', 'docs/.nojekyll', 'docs/assets/uPlot.iife.min.js', 'docs/assets/dashboard.js', `docs/team/${slug('nlp')}.html`]) {
      expect(f.has(p), p).toBe(true);
    }
    const d = dataOf(f.get(`docs/scenario/${slug('chat-model')}.html`) ?? '');
    expect(d.runs.sha).toEqual([sha('a')]);
    expect(d.repos).toEqual(['https://github.com/acme/model']);
    expect(d.runs.per_fu_g[0]).toBeCloseTo(kg(1000), 3);
    expect(f.get('docs/index.html')).toContain('<title>acme/model: carbon dashboard</title>');
    // The history itself is untouched by the publishing commit: still one entry.
    expect((f.get('v1/runs/chat-model/2026-11.jsonl') ?? '').trim().split('\n')).toHaveLength(1);
    expect(r.summary).toMatch(/Dashboard published to `docs\/` of branch ml-lca-data \(commit `[0-9a-f]{7}`\)/);
  });

  it('the next push adds its run and commits only the files that changed (not the bundled assets)', async () => {
    const n = fake.requests.length;
    const r = await push(702, sha('b'), '2026-11-09T10:00:00Z', 1500);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const f = files();
    const d = dataOf(f.get(`docs/scenario/${slug('chat-model')}.html`) ?? '');
    expect(d.runs.sha).toEqual([sha('a'), sha('b')]);
    // Team nlp, November: kg(1000) + kg(1500) spent; the team page shows it.
    const team = f.get(`docs/team/${slug('nlp')}.html`) ?? '';
    expect(Number(/data-fact="spent" data-raw="([^"]+)"/.exec(team)?.[1])).toBeCloseTo(kg(1000) + kg(1500), 6);
    const requests = fake.requests.slice(n);
    const zipballs = requests.filter((q) => /\/zipball\//.test(q.path));
    expect(zipballs.map((q) => q.status)).toEqual([302]); // one archive download, redirected to codeload
    const trees = requests.filter((q) => q.method === 'POST' && q.path.endsWith('/git/trees'));
    expect(trees).toHaveLength(2); // the record's commit, then the dashboard's
    const body = (trees[1]?.body ?? {}) as { tree?: Array<{ path: string }> };
    const paths = (body.tree ?? []).map((t) => t.path).sort();
    expect(paths).toEqual(['docs/index.html', `docs/scenario/${slug('chat-model')}.html`, `docs/team/${slug('nlp')}.html`]);
  });

  it('without dashboard: true nothing is published; a pull request never publishes', async () => {
    const before = files().get('docs/index.html');
    const r = await push(703, sha('c'), '2026-11-10T10:00:00Z', 1200, {});
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).not.toContain('dashboard:');
    expect(files().get('docs/index.html')).toBe(before);

    const n = fake.requests.length;
    const pr = await runAction({
      fake,
      workspace: makeWorkspace({ 'lca.yml': chatScenario({ team: 'nlp', energy: 1100, budgets: [TEAM_BUDGET] }) }),
      inputs: { scenario: 'lca.yml', 'github-token': TOKEN, dashboard: 'true' },
      eventName: 'pull_request',
      event: pullRequestEvent({ number: 7, repo: `${fake.owner}/${fake.repo}`, baseSha: sha('c'), fork: false }),
      runId: 704,
      ref: 'refs/pull/7/merge',
      env: { ML_LCA_NOW: NOW },
    });
    expect(pr.code, pr.stdout + pr.stderr).toBe(0);
    expect(pr.stdout).toContain('dashboard: not published: only push runs on the default branch (main) record; this is pull request #7');
    expect(fake.requests.slice(n).filter((q) => /\/zipball\/|\/git\/trees/.test(q.path))).toEqual([]);
  });

  it('a token that cannot write: the run warns, the step does not fail', async () => {
    fake.gitWriteForbidden.add(`${fake.owner}/${fake.repo}`);
    try {
      const r = await push(705, sha('d'), '2026-11-11T10:00:00Z', 1000);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout + r.stderr).toMatch(/ml-lca: dashboard: not published to docs\/ of branch ml-lca-data \(.*403.*\)\. The run itself is recorded\./);
    } finally {
      fake.gitWriteForbidden.delete(`${fake.owner}/${fake.repo}`);
    }
  });
});
