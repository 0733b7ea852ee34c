// End to end: the bundled action (dist/index.js) records push runs in the history branch through
// the fake GitHub's Git Data API (fake-git.ts) and pull requests read their baseline and period
// spending from it. The tests run in order and share the fake: what a push records is what the
// later pull requests read. The clock is fixed with ML_LCA_NOW.
//
// Numbers (as in action.test.ts): kg(E) = E kWh × PUE 1.0 × 0.400 kg/kWh + embodied
// 8 × (150 kg GPU + 2,500 kg ÷ 8 bundled 8-GPU server default) × 100 h / (4 y × 8,760 h)
// = 0.4 E + 10.559361 kg; with 1,000 functional units, g per unit = kg total.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub, type LoggedRequest } from './fake-github.js';
import { chatScenario, makeWorkspace, pullRequestEvent, runAction, TOKEN, type RunResult, useFakeGitHub } from './harness.js';
import { HistoryEntry, IndexFile, TotalsFile } from '../../src/history/index.js';
import { LedgerExtension } from '../../src/ledger/schema.js';

const EMBODIED = 370_000 / 35_040;
const kg = (energy: number) => 0.4 * energy + EMBODIED;
const NOW = '2026-11-20T12:00:00Z';
const BRANCH = 'ml-lca-data';
const sha = (c: string) => c.repeat(40);

function scenario(o: { name?: string; energy?: number; team?: string; budgets?: string[] } = {}): string {
  return chatScenario({ ...o, budgets: o.budgets ?? ['{ metric: per_functional_unit.co2e_g, max_increase_pct: 50 }'] });
}

let fake: FakeGitHub;
const plain = (md: string) => md.replace(/\\(.)/g, '$1');
const since = (n: number) => fake.requests.slice(n);
const isGitWrite = (q: LoggedRequest) => q.method !== 'GET' && /\/git\//.test(q.path);

interface PushOpts {
  gh?: FakeGitHub;
  runId: number;
  sha: string;
  createdAt: string;
  files?: Record<string, string>;
  energy?: number;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  attempt?: number;
}

function pushRun(o: PushOpts): Promise<RunResult> {
  const gh = o.gh ?? fake;
  if (!gh.runs.some((r) => r.id === o.runId)) {
    gh.runs.push({ id: o.runId, workflowFile: 'train.yml', branch: 'main', event: 'push', conclusion: 'success', headSha: o.sha, createdAt: o.createdAt });
  }
  return runAction({
    fake: gh,
    workspace: makeWorkspace(o.files ?? { 'lca.yml': scenario({ energy: o.energy ?? 1000 }) }),
    inputs: { scenario: 'lca.yml', 'github-token': TOKEN, ...(o.inputs ?? {}) },
    eventName: 'push',
    event: { ref: 'refs/heads/main', repository: { full_name: `${gh.owner}/${gh.repo}`, default_branch: 'main' } },
    runId: o.runId,
    sha: o.sha,
    ...(o.attempt ? { attempt: o.attempt } : {}),
    env: { ML_LCA_NOW: NOW, ...(o.env ?? {}) },
  });
}

interface PrOpts {
  gh?: FakeGitHub;
  number: number;
  runId: number;
  baseSha: string;
  files?: Record<string, string>;
  energy?: number;
  fork?: boolean;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
}

function prRun(o: PrOpts): Promise<RunResult & { workspace: string }> {
  const gh = o.gh ?? fake;
  const workspace = makeWorkspace(o.files ?? { 'lca.yml': scenario({ energy: o.energy ?? 1000 }) });
  return runAction({
    fake: gh,
    workspace,
    inputs: { scenario: 'lca.yml', 'github-token': TOKEN, ...(o.inputs ?? {}) },
    eventName: 'pull_request',
    event: pullRequestEvent({ number: o.number, repo: `${gh.owner}/${gh.repo}`, baseSha: o.baseSha, fork: o.fork ?? false }),
    runId: o.runId,
    ref: `refs/pull/${o.number}/merge`,
    env: { ML_LCA_NOW: NOW, ...(o.env ?? {}) },
  }).then((r) => ({ ...r, workspace }));
}

const branchFiles = (gh = fake, repo?: string) => gh.git(repo).files(BRANCH);
const entriesIn = (files: Map<string, string>, file: string) =>
  (files.get(file) ?? '')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => HistoryEntry.parse(JSON.parse(l)));
const totalsIn = (files: Map<string, string>, year = 2026) => TotalsFile.parse(JSON.parse(files.get(`v1/totals/${year}.json`) ?? 'null'));
const comment = (issue: number, gh = fake) => gh.comments.find((c) => c.issue === issue)?.body ?? '';

useFakeGitHub((f) => {
  fake = f;
});

describe('history branch end to end (dist/index.js)', () => {
  it('a push to the default branch records its entry and card in ml-lca-data through the Git Data API', async () => {
    const n = fake.requests.length;
    const r = await pushRun({ runId: 601, sha: sha('a'), createdAt: '2026-11-01T10:00:00Z', energy: 1000 });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const files = branchFiles();
    const [entry, ...more] = entriesIn(files, 'v1/runs/chat-model/2026-11.jsonl');
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      run_id: 601,
      attempt: 1,
      repo: 'acme/model',
      branch: 'main',
      sha: sha('a'),
      created_at: '2026-11-01T10:00:00.000Z', // the run's created_at from the API, not the clock
      scenario: 'chat-model',
      team: null,
      job: 'train',
      verdict: 'pass',
      card: `v1/cards/chat-model/aa/${sha('a')}.json`,
      recorded_at: '2026-11-20T12:00:00.000Z',
    });
    expect(entry?.co2e_kg).toBeCloseTo(kg(1000), 9);
    expect(entry?.metrics['per_functional_unit.co2e_g']).toBeCloseTo(kg(1000), 9);
    // The full card, as written to ml-lca-out, with the run that made it.
    const card = JSON.parse(files.get(`v1/cards/chat-model/aa/${sha('a')}.json`) ?? 'null') as { extensions: { github: Record<string, unknown> } };
    expect(card).toEqual(JSON.parse(readFileSync(r.outputs['card-path'] ?? '', 'utf8')));
    expect(card.extensions.github).toMatchObject({ repository: 'acme/model', run_id: 601, run_attempt: 1, event: 'push', sha: sha('a') });
    expect(IndexFile.parse(JSON.parse(files.get('v1/index.json') ?? 'null'))).toMatchObject({ runs: 1, years: [2026], since: '2026-11-01T10:00:00.000Z' });
    // The first record creates the branch: a tree, a commit without parents, a new ref; no git binary, no force.
    expect(
      since(n)
        .filter(isGitWrite)
        .map((q) => `${q.method} ${q.path} ${q.status}`),
    ).toEqual(['POST /repos/acme/model/git/trees 201', 'POST /repos/acme/model/git/commits 201', 'POST /repos/acme/model/git/refs 201']);
    expect(since(n).find((q) => q.path.endsWith('/git/refs'))?.body).toMatchObject({ ref: 'refs/heads/ml-lca-data' });
    expect(r.summary).toContain('Recorded in the history branch ml-lca-data (commit');
  });

  it('two push runs recording at once both land: the second is not a fast-forward (422), reads again and retries', async () => {
    const n = fake.requests.length;
    fake.refUpdateBarrier = 2; // both runs have committed on the same head before either moves the branch
    const [a, b] = await Promise.all([
      pushRun({ runId: 602, sha: sha('b'), createdAt: '2026-11-02T10:00:00Z', energy: 1010 }),
      pushRun({ runId: 603, sha: sha('c'), createdAt: '2026-11-03T10:00:00Z', energy: 1020 }),
    ]);
    expect(a.code, a.stdout + a.stderr).toBe(0);
    expect(b.code, b.stdout + b.stderr).toBe(0);
    const moves = since(n).filter((q) => q.method === 'PATCH' && q.path.includes('/git/refs/'));
    expect(moves.map((q) => q.status).sort()).toEqual([200, 200, 422]);
    expect(moves.every((q) => (q.body as { force?: unknown }).force === false)).toBe(true);
    expect(`${a.stdout}${b.stdout}`).toMatch(/moved while recording \(another run recorded first\); reading it again \(try 2\/6\)/);
    const files = branchFiles();
    expect(
      entriesIn(files, 'v1/runs/chat-model/2026-11.jsonl')
        .map((e) => e.run_id)
        .sort(),
    ).toEqual([601, 602, 603]);
    const nov = totalsIn(files).periods['2026-11']?.scenarios['chat-model'];
    expect(nov?.runs).toBe(3);
    expect(nov?.sum['totals.co2e_kg']).toBeCloseTo(kg(1000) + kg(1010) + kg(1020), 9);
  });

  it('a re-run of a recorded run replaces its entry (attempt 2), never adds a second', async () => {
    const r = await pushRun({ runId: 603, sha: sha('c'), createdAt: '2026-11-03T10:00:00Z', energy: 1030, attempt: 2 });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('replacing the entry of an earlier attempt');
    const files = branchFiles();
    // (602 and 603 landed in either order above.)
    const entries = entriesIn(files, 'v1/runs/chat-model/2026-11.jsonl').sort((a, b) => Number(a.run_id) - Number(b.run_id));
    expect(entries.map((e) => [e.run_id, e.attempt])).toEqual([
      [601, 1],
      [602, 1],
      [603, 2],
    ]);
    const nov = totalsIn(files).periods['2026-11']?.scenarios['chat-model'];
    expect(nov?.runs).toBe(3);
    expect(nov?.sum['totals.co2e_kg']).toBeCloseTo(kg(1000) + kg(1010) + kg(1030), 9);
  });

  it("a pull request is compared with its base commit's entry, in at most 5 history reads and no artifact call", async () => {
    const n = fake.requests.length;
    const r = await prRun({ number: 21, runId: 701, baseSha: sha('b'), energy: 1100 });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    // Base: run 602 (1,010 kWh). +36 kg on 404 + 3.42 kg.
    expect(Number(r.outputs['delta-pct'])).toBeCloseTo(((kg(1100) - kg(1010)) / kg(1010)) * 100, 6);
    expect(plain(comment(21))).toContain(`vs base main \`${'b'.repeat(7)}\` run 602 (\`history:ml-lca-data\`)`);
    const mine = since(n);
    const reads = mine.filter((q) => q.path.includes('/contents/') || q.path.includes('/git/'));
    expect(reads.map((q) => q.path)).toEqual([`/repos/acme/model/contents/v1%2Fcards%2Fchat-model%2Fbb%2F${sha('b')}.json?ref=ml-lca-data`]);
    expect(mine.filter((q) => q.path.includes('/actions/'))).toEqual([]);
    expect(mine.filter(isGitWrite)).toEqual([]);
  });

  it('a base commit with no recorded run: the newest entry on the base branch, and the comment says which', async () => {
    const n = fake.requests.length;
    const r = await prRun({ number: 22, runId: 702, baseSha: sha('e'), energy: 1100 });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    // Newest on main: run 603, attempt 2 (1,030 kWh).
    expect(Number(r.outputs['delta-pct'])).toBeCloseTo(((kg(1100) - kg(1030)) / kg(1030)) * 100, 6);
    expect(plain(comment(22))).toContain(
      'Baseline: the base commit eeeeeee has no recorded run; compared with the newest recorded run on main (ccccccc, run 603, 2026-11-03).',
    );
    expect(since(n).filter((q) => q.path.includes('/contents/')).length).toBeLessThanOrEqual(5);
  });

  it('a year budget counts runs older than 90 days, whose artifacts have expired', async () => {
    const team = (energy: number) => ({
      'lca.yml': scenario({ name: 'vision-v2', team: 'vision', energy, budgets: ['{ scope: team, period: year, max: 2000 }'] }),
    });
    // February (283 days before NOW) and November pushes of the team's model.
    for (const [runId, c, createdAt, energy] of [
      [611, 'f', '2026-02-10T08:00:00Z', 500],
      [612, '1', '2026-11-05T08:00:00Z', 700],
    ] as const) {
      const r = await pushRun({ runId, sha: sha(c), createdAt, files: team(energy) });
      expect(r.code, r.stdout + r.stderr).toBe(0);
    }
    for (const a of fake.artifacts) if (a.runId === 611) a.expired = true; // 90 days on a public repository
    const ledgerOf = (r: { workspace: string }) =>
      LedgerExtension.parse(
        (JSON.parse(readFileSync(path.join(r.workspace, 'ml-lca-out/vision-v2/model-card.json'), 'utf8')) as { extensions: { ledger: unknown } }).extensions
          .ledger,
      );

    const viaBranch = await prRun({ number: 23, runId: 703, baseSha: sha('1'), files: team(600) });
    expect(viaBranch.code, viaBranch.stdout + viaBranch.stderr).toBe(0);
    const year = ledgerOf(viaBranch).positions[0];
    expect(year).toMatchObject({ scope: 'team', name: 'vision', label: '2026', runs: 2 });
    expect(year?.spent).toBeCloseTo(kg(500) + kg(700), 9);
    expect(year?.projected).toBeCloseTo(kg(500) + kg(700) + kg(600), 9);

    // The same check from artifacts alone misses February: its artifact expired.
    const viaArtifacts = await prRun({ number: 24, runId: 704, baseSha: sha('1'), files: team(600), inputs: { history: 'artifact' } });
    const partial = ledgerOf(viaArtifacts);
    expect(partial.positions[0]?.runs).toBe(1);
    expect(partial.positions[0]?.spent).toBeCloseTo(kg(700), 9);
    expect(partial.warnings.join('\n')).toMatch(/1 expired artifact\(s\) in the period could not be counted/);
  });

  it('a push whose only failure is a budget still records its card (the baseline does not vanish)', async () => {
    const files = { 'lca.yml': scenario({ name: 'over', energy: 1000, budgets: ['{ metric: totals.co2e_kg, max: 100 }'] }) };
    const r = await pushRun({ runId: 613, sha: sha('2'), createdAt: '2026-11-06T08:00:00Z', files });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::ml-lca: budget exceeded/);
    const [entry] = entriesIn(branchFiles(), 'v1/runs/over/2026-11.jsonl');
    expect(entry).toMatchObject({ run_id: 613, verdict: 'fail' });
    expect(branchFiles().has(`v1/cards/over/22/${sha('2')}.json`)).toBe(true);
  });

  it('a fork pull request reads the branch with its read-only token and writes nothing', async () => {
    fake.readOnly = true;
    try {
      const n = fake.requests.length;
      const r = await prRun({ number: 25, runId: 705, baseSha: sha('a'), energy: 1000, fork: true });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(Number(r.outputs['delta-pct'])).toBeCloseTo(0, 9);
      expect(r.summary).toContain('could not be posted');
      const mine = since(n);
      expect(mine.filter((q) => q.path.includes('/contents/v1')).map((q) => q.status)).toEqual([200]);
      expect(mine.filter(isGitWrite)).toEqual([]);
      expect(r.stdout).toContain('history: not recorded: only push runs on the default branch (main) record; this is pull request #25');
    } finally {
      fake.readOnly = false;
    }
  });

  it('across repositories: history-repo with history-token records there; a PR of the repository reads it back', async () => {
    const ledgerRepo = 'acme/carbon-ledger';
    fake.git(ledgerRepo);
    const HISTORY_TOKEN = 'ghs_historyTOKEN0123456789abcdef';
    const n = fake.requests.length;
    const push = await pushRun({
      runId: 614,
      sha: sha('3'),
      createdAt: '2026-11-07T08:00:00Z',
      inputs: { 'history-repo': ledgerRepo, 'history-token': HISTORY_TOKEN },
    });
    expect(push.code, push.stdout + push.stderr).toBe(0);
    const writes = since(n).filter(isGitWrite);
    expect(writes.map((q) => q.path)).toEqual([
      '/repos/acme/carbon-ledger/git/trees',
      '/repos/acme/carbon-ledger/git/commits',
      '/repos/acme/carbon-ledger/git/refs',
    ]);
    expect(writes.every((q) => q.authorization === `token ${HISTORY_TOKEN}`)).toBe(true);
    // The token is masked (core.setSecret) and appears nowhere else.
    expect(push.stdout.split('\n').filter((l) => l.includes(HISTORY_TOKEN.slice(4)))).toEqual([`::add-mask::${HISTORY_TOKEN}`]);
    expect(entriesIn(branchFiles(fake, ledgerRepo), 'v1/runs/chat-model/2026-11.jsonl').map((e) => [e.run_id, e.repo])).toEqual([[614, 'acme/model']]);
    const pr = await prRun({ number: 26, runId: 706, baseSha: sha('3'), energy: 1000, inputs: { 'history-repo': ledgerRepo } });
    expect(pr.code, pr.stdout + pr.stderr).toBe(0);
    expect(Number(pr.outputs['delta-pct'])).toBeCloseTo(0, 9);
    expect(plain(comment(26))).toContain(`vs base main \`${'3'.repeat(7)}\` run 614 (\`history:ml-lca-data\`)`);
  });

  it('a rate limit that lifts in an hour is not waited for: the run goes on and says what was skipped', async () => {
    const reset = String(Math.floor(Date.parse(NOW) / 1000) + 3600 * 24 * 365 * 10); // far beyond any cap, whatever the clock
    fake.faults.push({
      method: 'GET',
      path: /\/contents\/v1/,
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      body: { message: 'API rate limit exceeded' },
      times: 1,
    });
    const r = await prRun({ number: 27, runId: 707, baseSha: sha('a'), energy: 1000 });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /GitHub API rate limit on GET \S+\/contents\/\{path\}: it lifts in \d+s, more than ml-lca waits \(60s per wait, 180s per run\); skipped, not waited for/,
    );
    // The branch could not be read: the artifact of the base branch's newest run is the baseline instead, and the comment says why.
    expect(plain(comment(27))).toMatch(/vs base main `\w{7}` run 614 \(`artifact`\)/);
    expect(plain(comment(27))).not.toContain('No baseline');
    expect(r.ms).toBeLessThan(20_000);
  });

  it('matrix jobs: {matrix} makes artifact names unique; retention-days sets the expiry; a clash is a clear warning', async () => {
    const files = { 'lca.yml': scenario({ name: 'mx' }) };
    const a = await pushRun({
      runId: 615,
      sha: sha('4'),
      createdAt: '2026-11-08T08:00:00Z',
      files,
      inputs: { 'artifact-name': 'ml-lca-{scenario}-{matrix}', matrix: '{"gpu":"a100","python":"3.12"}', 'retention-days': '30', history: 'off' },
    });
    expect(a.code, a.stdout + a.stderr).toBe(0);
    expect(fake.createdArtifacts.filter((x) => x.runId === 615).map((x) => [x.name, typeof x.expiresAt])).toEqual([['ml-lca-mx-a100-3.12', 'string']]);
    // A second matrix job of the same run with a name template that ignores the matrix.
    const b = await pushRun({
      runId: 615,
      sha: sha('4'),
      createdAt: '2026-11-08T08:00:00Z',
      files,
      inputs: { 'artifact-name': 'ml-lca-mx-a100-3.12', matrix: '{"gpu":"a100","python":"3.12"}', history: 'off' },
    });
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(
      /::warning::ml-lca: mx: artifact ml-lca-mx-a100-3\.12 not uploaded \(.*already exists.*\)\. Another job of this run \(a matrix job\?\) uploaded the same name: put \{matrix\} or \{job\} in artifact-name/,
    );
    expect(fake.createdArtifacts.filter((x) => x.runId === 615).map((x) => x.expiresAt === null)).toEqual([false, true]);
  });

  it('a 409 conflict on the ref update is retried like a non-fast-forward (read again, commit again), never forced', async () => {
    const n = fake.requests.length;
    fake.faults.push({ method: 'PATCH', path: /\/git\/refs\/heads/, status: 409, body: { message: 'Reference update failed', status: '409' }, times: 1 });
    const r = await pushRun({ runId: 617, sha: sha('6'), createdAt: '2026-11-09T09:00:00Z' });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const moves = since(n).filter((q) => q.method === 'PATCH' && q.path.includes('/git/refs/'));
    expect(moves.map((q) => q.status)).toEqual([409, 200]);
    expect(since(n).filter((q) => q.method === 'GET' && q.path.includes('/git/ref/')).length).toBe(2);
    expect(entriesIn(branchFiles(), 'v1/runs/chat-model/2026-11.jsonl').some((e) => e.run_id === 617)).toBe(true);
  });

  it('history: off reads and writes no history', async () => {
    const n = fake.requests.length;
    const r = await pushRun({ runId: 616, sha: sha('5'), createdAt: '2026-11-09T08:00:00Z', inputs: { history: 'off' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(since(n).filter((q) => q.path.includes('/git/') || q.path.includes('/contents/'))).toEqual([]);
  });
});

describe('GitHub Enterprise Server (GITHUB_API_URL .../api/v3)', () => {
  let ghes: FakeGitHub;
  beforeAll(async () => {
    ghes = await startFakeGitHub({ ghes: true });
  });
  afterAll(async () => ghes?.close());

  it('records and reads the history under /api/v3, with no artifact service (GHES has none for v4 artifacts)', async () => {
    const env = { GITHUB_SERVER_URL: 'https://ghes.example.com' };
    const push = await pushRun({ gh: ghes, runId: 801, sha: sha('9'), createdAt: '2026-11-10T08:00:00Z', energy: 1000, env });
    expect(push.code, push.stdout + push.stderr).toBe(0);
    expect(push.stdout).toMatch(/::warning::ml-lca: chat-model: artifact ml-lca-chat-model not uploaded \(.*GHES/);
    expect(push.summary).toContain('Recorded in the history branch ml-lca-data');
    const pr = await prRun({ gh: ghes, number: 31, runId: 802, baseSha: sha('9'), energy: 1100, env });
    expect(pr.code, pr.stdout + pr.stderr).toBe(0);
    expect(Number(pr.outputs['delta-pct'])).toBeCloseTo(((kg(1100) - kg(1000)) / kg(1000)) * 100, 6);
    expect(plain(comment(31, ghes))).toContain(`vs base main \`${'9'.repeat(7)}\` run 801 (\`history:ml-lca-data\`)`);
    const api = ghes.requests.filter((q) => !q.path.startsWith('/twirp/') && !q.path.startsWith('/blob/'));
    expect(api.length).toBeGreaterThan(5);
    expect(api.filter((q) => !q.path.startsWith('/api/v3/repos/acme/model/') && q.path !== '/api/graphql')).toEqual([]);
    expect(api.some((q) => q.path === '/api/graphql')).toBe(true); // the comment's viewer query
  });
});
