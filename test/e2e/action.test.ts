// End-to-end: the bundled dist/index.js, run as a child process exactly as a runner runs it,
// against a fake GitHub API + artifact service on 127.0.0.1 (fake-github.ts). Every case gets a
// fresh fake and sets up what it needs itself (the base run and its card, an earlier comment),
// so each passes alone (`-t '<name>'`) and in any order. The base card is made once, in
// beforeAll, by running the push as a default-branch workflow would. These cases read the history
// from artifacts (`history: artifact`); history.test.ts covers the history branch.
//
// Numbers (hand-computed from the scenario below; formulas in ../../shared/domain.md):
//   operational = energy_kwh × PUE 1.0 × 0.400 kg/kWh; embodied = 8 GPUs × 150 kg × 100 h / (4 y × 8,760 h)
//   = 120,000 / 35,040 = 3.424658 kg. Base (1,000 kWh): 400 + 3.424658 = 403.424658 kg.
//   Per functional unit: lifetime 1,000,000 inferences / 1,000 per unit = 1,000 units,
//   so g per unit = kg total (403.424658 g). PR 1 (1,100 kWh): 443.424658 -> +40 / 403.424658 = +9.9151 %.
//   PR 2 (1,050 kWh): 423.424658 -> +20 / 403.424658 = +4.9576 %.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';
import { buildDistOnce, chatScenario, makeWorkspace, pullRequestEvent, ROOT, runAction, TOKEN, type RunResult } from './harness.js';

// 8 × (150 kg GPU + 2,500 kg ÷ 8 bundled 8-GPU server default) × 100 h / 35,040 h
const EMBODIED = 370_000 / 35_040;
const BASE_KG = 400 + EMBODIED;

function scenario(o: { name?: string; energy?: number; budgets?: string[] } = {}): string {
  return chatScenario({ ...o, budgets: o.budgets ?? ['{ metric: per_functional_unit.co2e_g, max_increase_pct: 10, warn_increase_pct: 5 }'] });
}

const MARKER = '<!-- ml-lca:chat-model -->';
let fake: FakeGitHub;
/** The artifact zip (model-card.json + report.md) a push run of scenario() uploads: the baseline. */
let baseZip: Buffer;
const repoFull = () => `${fake.owner}/${fake.repo}`;

/** Markdown text without report/escape.ts's backslash escapes, for matching sentences. */
const plain = (md: string) => md.replace(/\\(.)/g, '$1');

function commentsOn(issue: number) {
  return fake.comments.filter((c) => c.issue === issue);
}

/** The token appears only in the runner's `::add-mask::` command (core.setSecret), never elsewhere. */
function expectNoToken(r: RunResult) {
  expect(r.stdout.split('\n').filter((l) => l.includes(TOKEN))).toEqual([`::add-mask::${TOKEN}`]);
  expect(r.stderr).not.toContain(TOKEN);
  expect(r.summary).not.toContain(TOKEN);
}

function prRun(o: {
  number: number;
  runId: number;
  energy?: number;
  fork?: boolean;
  baseRef?: string;
  inputs?: Record<string, string>;
  files?: Record<string, string>;
}) {
  const workspace = makeWorkspace(o.files ?? { 'lca.yml': scenario({ energy: o.energy ?? 1000 }) });
  return runAction({
    fake,
    workspace,
    inputs: { scenario: 'lca.yml', 'github-token': TOKEN, 'budget-mode': 'fail', history: 'artifact', ...(o.inputs ?? {}) },
    eventName: 'pull_request',
    event: pullRequestEvent({ number: o.number, repo: repoFull(), fork: o.fork ?? false, ...(o.baseRef ? { baseRef: o.baseRef } : {}) }),
    runId: o.runId,
    ref: `refs/pull/${o.number}/merge`,
  });
}

const BASE_RUN = 101;

/** The push run on main that a pull request's baseline search finds, with its uploaded card. */
function seedBaseRun(): void {
  fake.runs.push({
    id: BASE_RUN,
    workflowFile: 'train.yml',
    branch: 'main',
    event: 'push',
    conclusion: 'success',
    headSha: 'b'.repeat(40),
    createdAt: '2026-11-01T10:00:00Z',
  });
  fake.artifacts.push({ id: 5000, runId: BASE_RUN, name: 'ml-lca-chat-model', zip: baseZip, expired: false });
}

function pushRun(runId: number, workspace = makeWorkspace({ 'lca.yml': scenario() })) {
  return runAction({
    fake,
    workspace,
    inputs: { scenario: 'lca.yml', 'github-token': TOKEN, history: 'artifact' },
    eventName: 'push',
    event: { ref: 'refs/heads/main' },
    runId,
  });
}

beforeAll(async () => {
  buildDistOnce();
  fake = await startFakeGitHub();
  try {
    const r = await pushRun(BASE_RUN);
    if (r.code !== 0) throw new Error(`the baseline push run failed:\n${r.stdout}${r.stderr}`);
    const art = fake.artifacts.find((a) => a.runId === BASE_RUN);
    if (!art) throw new Error('the baseline push run uploaded no artifact');
    baseZip = art.zip;
  } finally {
    await fake.close();
  }
}, 300_000);

beforeEach(async () => {
  fake = await startFakeGitHub();
});

afterEach(async () => {
  await fake?.close();
});

describe('action end to end (dist/index.js)', () => {
  it('push: computes, uploads model-card.json and report.md as the artifact, sets outputs, posts no comment', async () => {
    const workspace = makeWorkspace({ 'lca.yml': scenario() });
    const r = await pushRun(101, workspace);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const art = fake.artifacts.filter((a) => a.runId === 101);
    expect(art.map((a) => a.name)).toEqual(['ml-lca-chat-model']);
    const files = unzipSync(new Uint8Array(art[0]!.zip));
    expect(Object.keys(files).sort()).toEqual(['model-card.json', 'report.md']);
    const card = JSON.parse(new TextDecoder().decode(files['model-card.json'])) as { totals: { co2e_kg: number }; scenario: { name: string } };
    expect(card.scenario.name).toBe('chat-model');
    expect(card.totals.co2e_kg).toBeCloseTo(BASE_KG, 6);
    expect(Number(r.outputs['co2e-kg'])).toBeCloseTo(BASE_KG, 6);
    expect(Number(r.outputs['co2e-per-fu-g'])).toBeCloseTo(BASE_KG, 6); // 1,000 functional units: g/unit = kg total
    expect(r.outputs.verdict).toBe('pass');
    expect(r.outputs['delta-pct']).toBe('');
    expect(r.outputs['card-path']).toBe(path.join(workspace, 'ml-lca-out/chat-model/model-card.json'));
    expect(JSON.parse(readFileSync(r.outputs['card-path']!, 'utf8'))).toEqual(card);
    expect(r.outputs['report-markdown']).toContain('chat-model');
    expect(r.summary).toContain('ml-lca: chat-model');
    expect(fake.comments).toHaveLength(0);
    expectNoToken(r);
  });

  it('pull request: finds the base run, downloads its card, compares, creates one sticky comment', async () => {
    seedBaseRun();
    const r = await prRun({ number: 7, runId: 201, energy: 1100 });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const paths = fake.requests.map((q) => `${q.method} ${q.path}`);
    expect(paths).toContain('GET /repos/acme/model/actions/workflows/train.yml/runs?branch=main&event=push&status=success&per_page=20');
    expect(paths.some((p) => p.startsWith('GET /repos/acme/model/actions/runs/101/artifacts?name=ml-lca-chat-model'))).toBe(true);
    expect(paths.some((p) => /^GET \/repos\/acme\/model\/actions\/artifacts\/\d+\/zip$/.test(p))).toBe(true);
    expect(Number(r.outputs['delta-pct'])).toBeCloseTo((40 / BASE_KG) * 100, 4); // +9.9151 %
    expect(r.outputs.verdict).toBe('warn'); // 5 % < +9.9 % <= 10 %
    const cs = commentsOn(7);
    expect(cs).toHaveLength(1);
    expect(cs[0]!.body.startsWith(`${MARKER}\n`)).toBe(true);
    expect(cs[0]!.body).toContain('WARN');
    expect(cs[0]!.body.length).toBeLessThan(65_536);
    expect(r.stdout).toContain('::warning::'); // budget-mode fail + verdict warn: an annotation, not a failure
    expectNoToken(r);
    // The token went to the API, as a bearer token, and nowhere else.
    expect(fake.requests.filter((q) => q.path.startsWith('/repos/')).every((q) => q.authorization === `token ${TOKEN}`)).toBe(true);
  });

  it('a second run on the same PR updates that comment in place (no second comment)', async () => {
    seedBaseRun();
    const before = `${MARKER}\nan earlier report`;
    fake.comments.push({ id: 77, body: before, user: { login: `${fake.viewerLogin}[bot]`, type: 'Bot' }, issue: 7 });
    const patches = () => fake.requests.filter((q) => q.method === 'PATCH').length;
    const n = patches();
    const r = await prRun({ number: 7, runId: 202, energy: 1050 });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const cs = commentsOn(7);
    expect(cs).toHaveLength(1);
    expect(patches()).toBe(n + 1);
    expect(cs[0]!.id).toBe(77);
    expect(cs[0]!.body).not.toBe(before);
    expect(Number(r.outputs['delta-pct'])).toBeCloseTo((20 / BASE_KG) * 100, 4); // +4.9576 %
    expect(r.outputs.verdict).toBe('pass');
  });

  it('comment: on-change skips the update when the report is the same', async () => {
    seedBaseRun();
    // A first run writes the comment; a second with the same numbers finds it unchanged.
    const first = await prRun({ number: 7, runId: 202, energy: 1050 });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(commentsOn(7)).toHaveLength(1);
    const patches = () => fake.requests.filter((q) => q.method === 'PATCH').length;
    const n = patches();
    const r = await prRun({ number: 7, runId: 203, energy: 1050, inputs: { comment: 'on-change' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(patches()).toBe(n);
    expect(commentsOn(7)).toHaveLength(1);
    expect(r.stdout).toContain('unchanged');
  });

  it('budget overrun: exits non-zero only after the comment, summary, artifact and outputs are written', async () => {
    seedBaseRun();
    const files = { 'lca.yml': scenario({ energy: 1100, budgets: ['{ metric: totals.co2e_kg, max: 100 }'] }) };
    const r = await prRun({ number: 8, runId: 204, files });
    expect(r.code).toBe(1);
    expect(commentsOn(8)).toHaveLength(1);
    expect(commentsOn(8)[0]!.body).toContain('FAIL');
    expect(r.summary).toContain('FAIL');
    expect(r.outputs.verdict).toBe('fail');
    expect(Number(r.outputs['co2e-kg'])).toBeCloseTo(440 + EMBODIED, 6);
    expect(fake.artifacts.some((a) => a.runId === 204)).toBe(true);
    const failAt = r.stdout.indexOf('::error::');
    expect(failAt).toBeGreaterThan(r.stdout.indexOf('PR comment created'));
    expect(r.stdout.slice(failAt)).toMatch(/budget exceeded/);
  });

  it('fork PR (read-only token, 403 on comment): stays green with a warning; summary and outputs still written', async () => {
    seedBaseRun();
    fake.readOnly = true;
    try {
      const r = await prRun({ number: 9, runId: 301, energy: 1000, fork: true });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(/::warning::.*read-only|::warning::.*cannot write PR comments/);
      expect(commentsOn(9)).toHaveLength(0);
      expect(r.summary).toContain('ml-lca: chat-model');
      expect(r.summary).toContain('could not be posted');
      expect(r.outputs.verdict).toBe('pass');
      expect(Number(r.outputs['delta-pct'])).toBeCloseTo(0, 6);
      expect(fake.artifacts.some((a) => a.runId === 301)).toBe(true);
      expectNoToken(r);
    } finally {
      fake.readOnly = false;
    }
  });

  it("workflow_run: the privileged workflow downloads the fork run's card and comments on its PR", async () => {
    // The fork's pull_request run (301) uploaded its card; the privileged run comments with it.
    fake.artifacts.push({ id: 5001, runId: 301, name: 'ml-lca-chat-model', zip: baseZip, expired: false });
    fake.pulls.push({ number: 9, headLabel: 'forker:feature', headSha: 'c'.repeat(40) });
    const workspace = makeWorkspace({});
    const r = await runAction({
      fake,
      workspace,
      inputs: { 'github-token': TOKEN },
      eventName: 'workflow_run',
      event: {
        action: 'completed',
        workflow_run: {
          id: 301,
          event: 'pull_request',
          head_sha: 'c'.repeat(40),
          head_branch: 'feature',
          head_repository: { owner: { login: 'forker' } },
          pull_requests: [],
        },
      },
      runId: 401,
      workflowFile: 'ml-lca-comment.yml',
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const cs = commentsOn(9);
    expect(cs).toHaveLength(1);
    expect(cs[0]!.body.startsWith(`${MARKER}\n`)).toBe(true);
    expect(r.outputs.verdict).toBe('pass');
    expect(fake.artifacts.some((a) => a.runId === 401)).toBe(false); // comment mode uploads nothing
  });

  it('no baseline: says so plainly in the comment and summary, compares nothing, passes', async () => {
    seedBaseRun(); // on main: a PR against release finds none
    const r = await prRun({ number: 10, runId: 205, baseRef: 'release', energy: 1100 });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs['delta-pct']).toBe('');
    expect(plain(commentsOn(10)[0]!.body)).toContain('No baseline: no successful push run of train.yml on release');
    expect(r.summary).toContain('No baseline');
  });

  it('expired baseline artifact: says it expired, compares nothing', async () => {
    seedBaseRun();
    fake.runs.push({
      id: 150,
      workflowFile: 'train.yml',
      branch: 'old',
      event: 'push',
      conclusion: 'success',
      headSha: 'd'.repeat(40),
      createdAt: '2026-10-01T10:00:00Z',
    });
    const src = fake.artifacts.find((a) => a.runId === 101)!;
    fake.artifacts.push({ ...src, id: 9999, runId: 150, expired: true });
    const r = await prRun({ number: 11, runId: 206, baseRef: 'old' });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs['delta-pct']).toBe('');
    expect(plain(commentsOn(11)[0]!.body)).toMatch(/No baseline: artifact ml-lca-chat-model of run 150 on old has expired/);
  });

  it('API 500s are retried (plugin-retry) and the run succeeds', async () => {
    seedBaseRun();
    fake.faults.push(
      { method: 'GET', path: /\/actions\/workflows\/train\.yml\/runs$/, status: 500, times: 2 },
      { method: 'POST', path: /\/issues\/12\/comments$/, status: 502, times: 1 },
    );
    const r = await prRun({ number: 12, runId: 207, energy: 1100 });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const runs = fake.requests.filter((q) => q.path.includes('/workflows/train.yml/runs') && q.path.includes('per_page=20'));
    expect(runs.slice(-3).map((q) => q.status)).toEqual([500, 500, 200]);
    const posts = fake.requests.filter((q) => q.method === 'POST' && q.path.endsWith('/issues/12/comments'));
    expect(posts.map((q) => q.status)).toEqual([502, 201]);
    expect(commentsOn(12)).toHaveLength(1);
    expect(Number(r.outputs['delta-pct'])).toBeCloseTo((40 / BASE_KG) * 100, 4);
  });

  it('rate limits (403 x-ratelimit-remaining 0, 429 secondary with retry-after) are waited out', async () => {
    seedBaseRun();
    // No clock here: a reset already past means "retry now" (plugin-throttling waits
    // max(ceil(reset − now) + 1 s, 0) = 0 s). retry-after 50 s (under the 60 s the action waits at
    // most) would outlast the harness's 45 s limit (the run is killed, code null) unless waits are
    // scaled by ML_LCA_RETRY_BASE_MS (5 ms per second: 0.25 s), so a passing run proves the scaling.
    fake.faults.push(
      {
        method: 'GET',
        path: /\/actions\/runs\/101\/artifacts$/,
        status: 403,
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '0' },
        body: { message: 'API rate limit exceeded' },
        times: 1,
      },
      {
        method: 'POST',
        path: /\/issues\/13\/comments$/,
        status: 429,
        headers: { 'retry-after': '50' },
        body: { message: 'You have exceeded a secondary rate limit' },
        times: 1,
      },
    );
    const r = await prRun({ number: 13, runId: 208, energy: 1100 });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/rate limit hit on GET .*; waiting 0s/);
    expect(r.stdout).toMatch(/secondary rate limit on POST .*; waiting 50s/);
    const lists = fake.requests.filter((q) => q.path.startsWith('/repos/acme/model/actions/runs/101/artifacts') && q.path.includes('per_page=10'));
    expect(lists.map((q) => q.status)).toEqual([403, 200]);
    expect(commentsOn(13)).toHaveLength(1);
    expect(Number(r.outputs['delta-pct'])).toBeCloseTo((40 / BASE_KG) * 100, 4);
  });

  it('several scenarios (glob): one card, artifact and sticky comment each, one aggregated verdict', async () => {
    const files = {
      'lca/a.yml': scenario({ name: 'model-a', energy: 1000, budgets: ['{ metric: totals.co2e_kg, max: 1000000 }'] }),
      'lca/b.yml': scenario({ name: 'model-b', energy: 1100, budgets: ['{ metric: totals.co2e_kg, max: 1000000, warn: 420 }'] }),
    };
    const r = await prRun({ number: 14, runId: 209, files, inputs: { scenario: 'lca/*.yml' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const cs = commentsOn(14);
    expect(cs.map((c) => c.body.split('\n')[0]).sort()).toEqual(['<!-- ml-lca:model-a -->', '<!-- ml-lca:model-b -->']);
    expect(
      fake.artifacts
        .filter((a) => a.runId === 209)
        .map((a) => a.name)
        .sort(),
    ).toEqual(['ml-lca-model-a', 'ml-lca-model-b']);
    expect(r.outputs.verdict).toBe('warn'); // pass + warn
    expect(Number(r.outputs['co2e-kg'])).toBeCloseTo(BASE_KG + 440 + EMBODIED, 6);
    expect(r.outputs['co2e-per-fu-g']).toBe('');
    expect(r.outputs['card-path']!.split('\n')).toHaveLength(2);
    expect(JSON.parse(r.outputs.results!)).toHaveLength(2);
    expect(r.summary).toMatch(/ml-lca: WARN \(2 scenarios: 0 fail, 1 warn, 1 pass\)/);
  });

  it('logs input: a CodeCarbon log is added to the training stage', async () => {
    const files = {
      'lca.yml': scenario({ name: 'logged' }).replace('training: { energy_kwh: 1000, hours: 100 }', 'training: { hours: 10 }'),
      'runs/emissions.csv': readFileSync(path.join(ROOT, 'test/fixtures/action/emissions.csv'), 'utf8'),
    };
    const workspace = makeWorkspace(files);
    const r = await runAction({
      fake,
      workspace,
      inputs: { scenario: 'lca.yml', logs: 'training=runs/*.csv', 'github-token': TOKEN, history: 'artifact' },
      eventName: 'push',
      event: {},
      runId: 102,
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    // 50 kWh (logged PUE 1.0) × 0.4 kg/kWh = 20 kg + embodied 8 × 150 × 10 / 35,040 = 0.342466 kg
    expect(Number(r.outputs['co2e-kg'])).toBeCloseTo(20 + 37_000 / 35_040, 6); // 8 × (150 + 2,500 / 8) × 10 h / 35,040 h
  });

  it.each([
    ['warn', 0, /::warning::ml-lca: budget exceeded: .*\(budget-mode: warn\)/, 'fail'],
    ['off', 0, /budget-mode off: 1 budget\(s\) not evaluated/, 'pass'],
  ])('budget-mode %s with an overrun: exit %i, reported only', async (mode, code, line, verdict) => {
    const workspace = makeWorkspace({ 'lca.yml': scenario({ budgets: ['{ metric: totals.co2e_kg, max: 100 }'] }) });
    const r = await runAction({
      fake,
      workspace,
      inputs: { scenario: 'lca.yml', 'budget-mode': mode, 'github-token': TOKEN, history: 'artifact' },
      eventName: 'push',
      event: {},
      runId: 104,
    });
    expect(r.code, r.stdout + r.stderr).toBe(code);
    expect(r.stdout).toMatch(line);
    expect(r.stdout).not.toContain('::error::');
    expect(r.outputs.verdict).toBe(verdict);
  });

  it('baseline file:PATH and working-directory: the card committed at the base SHA is compared; comment: never posts nothing', async () => {
    const baseCard = new TextDecoder().decode(unzipSync(new Uint8Array(baseZip))['model-card.json']);
    fake.contents.set(`${'b'.repeat(40)}:cards/base.json`, baseCard);
    const r = await prRun({
      number: 15,
      runId: 210,
      files: { 'ml/lca.yml': scenario({ energy: 1100 }) },
      inputs: { 'working-directory': 'ml', baseline: 'file:cards/base.json', comment: 'never' },
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(Number(r.outputs['delta-pct'])).toBeCloseTo((40 / BASE_KG) * 100, 4);
    expect(r.outputs['card-path']).toMatch(/\/ml\/ml-lca-out\/chat-model\/model-card\.json$/);
    expect(fake.comments).toHaveLength(0);
    expect(fake.requests.filter((q) => q.path.includes('/contents/')).map((q) => q.path)).toEqual([
      `/repos/acme/model/contents/cards%2Fbase.json?ref=${'b'.repeat(40)}`,
    ]);
  });

  it('a bad input fails with one line naming the input and its value', async () => {
    const workspace = makeWorkspace({ 'lca.yml': scenario() });
    const r = await runAction({
      fake,
      workspace,
      inputs: { scenario: 'lca.yml', 'budget-mode': 'fial', 'github-token': TOKEN },
      eventName: 'push',
      event: {},
      runId: 103,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '::error title=ml-lca error%3A bad input::ml-lca: bad input: input "budget-mode": expected one of fail | warn | off, got "fial"',
    );
    expect(r.outputs.verdict).toBe('error');
    expect(r.summary).toContain('ml-lca could not run');
    expect(plain(r.summary)).toContain('input "budget-mode": expected one of fail | warn | off, got "fial"');
    expectNoToken(r);
  });
});
