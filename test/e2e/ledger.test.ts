// The ledger against the fake GitHub API: successful default-branch push runs across two months
// hold card artifacts; only the current month's count toward a monthly budget, and failed,
// pull-request, other-branch, other-workflow and expired runs never do.
import { zipSync, strToU8 } from 'fflate';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/io.js';
import { createOctokit } from '../../src/github/octokit.js';
import { type ActionLedgerArgs, loadActionLedger } from '../../src/github/ledger.js';
import { artifactMatcher } from '../../src/history/index.js';
import { openHistory } from '../../src/github/history.js';
import type { RunContext } from '../../src/github/context.js';
import { applyLedger } from '../../src/ledger/apply.js';
import { renderLedgerSection } from '../../src/ledger/render.js';
import type { Budget } from '../../src/scenario/schema.js';
import { makeCard } from '../ledger/cards.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';
import { buildDistOnce, chatScenario, makeWorkspace, pullRequestEvent, runAction, TOKEN } from './harness.js';
import { artifactNameFor, DEFAULT_ARTIFACT_NAME } from '../../src/github/inputs.js';
import { periodOf } from '../../src/ledger/period.js';
import { LedgerExtension } from '../../src/ledger/schema.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const NOW = new Date('2026-03-20T00:00:00Z');
const WF = 'train.yml';
let fake: FakeGitHub;
let nextArtifact = 50_000;

function cardZip(scenario: string, team: string, kg: number, at: string): Buffer {
  const card = makeCard({ scenario, team, co2e_kg: kg, created_at: at });
  return Buffer.from(zipSync({ 'model-card.json': strToU8(JSON.stringify(card)), 'report.md': strToU8('# report') }));
}

function addRun(
  id: number,
  createdAt: string,
  cards: Array<[artifact: string, scenario: string, team: string, kg: number]>,
  o: { branch?: string; event?: string; conclusion?: 'success' | 'failure'; workflowFile?: string; expired?: boolean } = {},
): void {
  fake.runs.push({
    id,
    workflowFile: o.workflowFile ?? WF,
    branch: o.branch ?? 'main',
    event: o.event ?? 'push',
    conclusion: o.conclusion ?? 'success',
    headSha: `sha${id}`,
    createdAt,
  });
  for (const [name, scenario, team, kg] of cards) {
    fake.artifacts.push({ id: nextArtifact++, runId: id, name, zip: cardZip(scenario, team, kg, createdAt), expired: o.expired ?? false });
  }
}

beforeAll(async () => {
  fake = await startFakeGitHub();
  // February: must not count toward March.
  addRun(1001, '2026-02-25T10:00:00Z', [['ml-lca-vision-v2', 'vision-v2', 'vision', 100]]);
  addRun(1002, '2026-02-28T23:59:59Z', [['ml-lca-vision-v2', 'vision-v2', 'vision', 50]]);
  // March, counted: two scenarios of the team in one run; a run whose card was uploaded
  // twice under two names (counted once); 101 nightly runs (a second page of runs).
  addRun(1003, '2026-03-01T00:00:00Z', [
    ['ml-lca-vision-v2', 'vision-v2', 'vision', 200],
    ['ml-lca-detector', 'detector', 'vision', 30],
  ]);
  addRun(1004, '2026-03-10T12:00:00Z', [
    ['ml-lca-vision-v2', 'vision-v2', 'vision', 120],
    ['ml-lca-vision-v2-copy', 'vision-v2', 'vision', 120],
  ]);
  for (let i = 0; i < 101; i++) {
    const at = new Date(Date.parse('2026-03-02T00:00:00Z') + i * 60_000).toISOString();
    addRun(3000 + i, at, [['ml-lca-nightly', 'nightly', 'vision', 1]]);
  }
  // March, not counted: failed, pull request, other branch, other workflow, expired artifact,
  // another team, an artifact that is not ours, the run being evaluated itself.
  addRun(1005, '2026-03-11T00:00:00Z', [['ml-lca-vision-v2', 'vision-v2', 'vision', 400]], { conclusion: 'failure' });
  addRun(1006, '2026-03-12T00:00:00Z', [['ml-lca-vision-v2', 'vision-v2', 'vision', 500]], { event: 'pull_request', branch: 'feature' });
  addRun(1007, '2026-03-12T00:00:00Z', [['ml-lca-vision-v2', 'vision-v2', 'vision', 600]], { branch: 'dev' });
  addRun(1008, '2026-03-13T00:00:00Z', [['ml-lca-vision-v2', 'vision-v2', 'vision', 700]], { workflowFile: 'other.yml' });
  addRun(1009, '2026-03-15T00:00:00Z', [['ml-lca-vision-v2', 'vision-v2', 'vision', 800]], { expired: true });
  addRun(1010, '2026-03-16T00:00:00Z', [['ml-lca-llm', 'llm', 'nlp', 999]]);
  addRun(1011, '2026-03-16T00:00:00Z', [['coverage', 'vision-v2', 'vision', 900]]);
  addRun(2000, '2026-03-19T00:00:00Z', [['ml-lca-vision-v2', 'vision-v2', 'vision', 1000]]);
});

afterAll(async () => {
  await fake?.close();
});

const ctx = (): RunContext => ({
  eventName: 'pull_request',
  repo: { owner: fake.owner, repo: fake.repo },
  runId: 2000,
  workflowFile: WF,
  sha: 'headsha',
  ref: 'refs/pull/7/merge',
  pullRequest: { number: 7, baseRef: 'main', baseSha: 'sha1004', headSha: 'headsha', fromFork: false },
  workflowRun: null,
});

const octokit = () => createOctokit({ token: 'ghs_test', baseUrl: fake.url, log: () => {}, retryBaseMs: 1, retries: 0 });

describe('ledger from workflow-run artifacts (fake GitHub)', () => {
  // The runs and artifacts above are read-only fixtures; what a case changes or inspects
  // (requests, faults, committed files) starts empty, so each case passes alone and in any order.
  beforeEach(() => {
    fake.requests.length = 0;
    fake.faults.length = 0;
    fake.contents.clear();
  });
  const budgets: Budget[] = [
    { scope: 'team', period: 'month', metric: 'totals.co2e_kg', max: 600, warn: 450 },
    { scope: 'model', period: 'month', metric: 'totals.co2e_kg', max: 300 },
  ];
  /** The artifact store as the action wires it (`history: artifact`), logging to `log`. */
  const artifacts = (c: RunContext, log: (m: string) => void) =>
    openHistory({
      inputs: { history: 'artifact', historyBranch: 'ml-lca-data', historyRepo: null },
      ctx: { ...c, defaultBranch: 'main' },
      octokit: octokit(),
      artifactName: (s) => artifactNameFor(DEFAULT_ARTIFACT_NAME, s, false),
      artifactTemplate: DEFAULT_ARTIFACT_NAME,
      retryBaseMs: 1,
      log,
    });
  /** loadActionLedger's arguments for scenario vision-v2 at /repo/lca.yml, a PR run, NOW; `o` overrides. */
  const ledgerArgs = (o: Partial<ActionLedgerArgs> = {}): ActionLedgerArgs => {
    const log = o.log ?? (() => {});
    return {
      scenario: { name: 'vision-v2', budgets, ledger: undefined },
      scenarioFile: '/repo/lca.yml',
      workspace: '/repo',
      ctx: ctx(),
      history: artifacts(o.ctx ?? ctx(), log),
      now: NOW,
      io: memoryIo({}),
      log,
      ...o,
    };
  };

  it('counts only this month of successful main push runs, de-duplicated, across pages', async () => {
    const logs: string[] = [];
    const ledger = await loadActionLedger(octokit(), ledgerArgs({ log: (m) => logs.push(m) }));
    expect(ledger).not.toBeNull();
    if (!ledger) return;
    // 1003 (2 scenarios) + 1004 (once) + 101 nightly + 1010 (nlp) = 105 entries.
    expect(ledger.entries).toHaveLength(105);
    expect(ledger.entries.filter((e) => e.run_id === 1004)).toHaveLength(1);
    expect(ledger.entries.some((e) => Date.parse(e.created_at) < Date.parse('2026-03-01T00:00:00Z'))).toBe(false);
    expect(ledger.warnings).toEqual([expect.stringMatching(/^ledger: 1 expired artifact/)]);
    expect(logs).toEqual(['Ledger: 105 run card(s) from 106 successful main push run(s) since 2026-03-01']);
    // The API was asked for runs since the period start, and for the second page.
    const listed = fake.requests.filter((r) => r.path.startsWith(`/repos/acme/model/actions/workflows/${WF}/runs`));
    expect(listed.map((r) => new URL(r.path, 'http://x').searchParams.get('created'))).toEqual(['>=2026-03-01T00:00:00Z', '>=2026-03-01T00:00:00Z']);
    expect(listed.map((r) => new URL(r.path, 'http://x').searchParams.get('page'))).toEqual(['1', '2']);
    // Artifacts are listed for the repository (2 pages: 100 + the rest up to February), never per run.
    const artifactPages = fake.requests.filter((r) => r.path.startsWith('/repos/acme/model/actions/artifacts?'));
    expect(artifactPages.map((r) => new URL(r.path, 'http://x').searchParams.get('page'))).toEqual(['1', '2']);
    expect(fake.requests.some((r) => /\/actions\/runs\/\d+\/artifacts/.test(r.path))).toBe(false);

    // Team vision, March: 200 + 30 + 120 + 101 × 1 = 451 spent; this change 49 -> 500 of 600.
    // 19 days elapsed: 500 / 19 = 26.3 kg/day; 600 kg lasts 600 × 19 / 500 = 22.8 days: March 23.
    // Model vision-v2: 200 + 120 = 320 + 49 = 369 > 300: fail.
    const head = makeCard({ scenario: 'vision-v2', team: 'vision', co2e_kg: 49, created_at: NOW.toISOString() });
    const applied = applyLedger(budgets, { name: 'vision-v2', team: 'vision' }, head, ledger, NOW);
    expect(applied.extension?.positions.map((p) => [p.scope, p.name, p.label, p.runs, p.spent, p.projected, p.run_out_date, p.status])).toEqual([
      ['team', 'vision', '2026-03', 104, 451, 500, '2026-03-23', 'warn'],
      ['model', 'vision-v2', '2026-03', 2, 320, 369, '2026-03-20', 'fail'], // over: runs out today,
    ]);
    expect(applied.results.map((r) => r.status)).toEqual(['warn', 'fail']);
    const md = renderLedgerSection(applied.extension?.positions ?? []);
    expect(md).toContain('`████████░░ 83.3\u00a0%`');
    expect(md).toContain('**69\u00a0kg CO2e over**');
  });

  it('a model budget downloads only its own artifact', async () => {
    const before = fake.requests.length;
    const ledger = await loadActionLedger(
      octokit(),
      ledgerArgs({ scenario: { name: 'detector', budgets: [{ scope: 'model', period: 'month', metric: 'totals.co2e_kg', max: 100 }], ledger: 'artifact' } }),
    );
    expect(ledger?.entries.map((e) => [e.run_id, e.scenario, e.co2e_kg])).toEqual([[1003, 'detector', 30]]);
    const mine = fake.requests.slice(before);
    expect(mine.filter((r) => /\/artifacts\/\d+\/zip$/.test(r.path))).toHaveLength(1);
    // One scenario's artifact: listed by name, one page.
    const listings = mine.filter((r) => r.path.startsWith('/repos/acme/model/actions/artifacts?'));
    expect(listings.map((r) => new URL(r.path, 'http://x').searchParams.get('name'))).toEqual(['ml-lca-detector']);
  });

  it('an API failure is a warning, not a crash; no period budget reads nothing', async () => {
    fake.faults.push({ method: 'GET', path: /\/actions\/workflows\/.*\/runs$/, status: 404, times: 1 });
    const broken = await loadActionLedger(octokit(), ledgerArgs());
    expect(broken?.entries).toEqual([]);
    expect(broken?.warnings[0]).toMatch(/^ledger: past runs could not be read from workflow run artifacts \(HTTP 404.*spent counts only this change$/);
    const before = fake.requests.length;
    expect(
      await loadActionLedger(octokit(), ledgerArgs({ scenario: { name: 'vision-v2', budgets: [{ metric: 'totals.co2e_kg', max: 1 }], ledger: undefined } })),
    ).toBeNull();
    expect(fake.requests.length).toBe(before);
  });

  const fileArgs = (ctxOverride: RunContext, io: ReturnType<typeof memoryIo>, logs: string[] = []) =>
    ledgerArgs({
      scenario: { name: 'vision-v2', budgets, ledger: 'file:spend.jsonl' },
      scenarioFile: '/repo/ml/lca.yml',
      ctx: ctxOverride,
      io,
      log: (m: string) => logs.push(m),
    });
  const line = (kg: number) => `{"run_id":1,"created_at":"2026-03-02T00:00:00+01:00","scenario":"vision-v2","team":"vision","co2e_kg":${kg}}\n`;

  it('ledger: file:PATH on a pull request is read at the base commit, not from the checkout', async () => {
    // The pull request edits the ledger down to 0 kg; the base commit says 7 kg.
    fake.contents.set('sha1004:ml/spend.jsonl', line(7));
    const io = memoryIo({ '/repo/ml/spend.jsonl': line(0) });
    const logs: string[] = [];
    const before = fake.requests.length;
    const ledger = await loadActionLedger(octokit(), fileArgs(ctx(), io, logs));
    expect(ledger).toMatchObject({ source: 'file:spend.jsonl', entries: [{ co2e_kg: 7, created_at: '2026-03-01T23:00:00.000Z' }], warnings: [] });
    expect(fake.requests.slice(before).map((q) => q.path)).toEqual(['/repos/acme/model/contents/ml%2Fspend.jsonl?ref=sha1004']);
    expect(logs).toContain('ledger: ml/spend.jsonl at the base commit sha1004 (main) (changes to it in this pull request are not counted)');
  });

  it('a file ledger missing at the base commit counts nothing and says so; a bad line names it', async () => {
    fake.contents.delete('sha1004:ml/spend.jsonl');
    const io = memoryIo({ '/repo/ml/spend.jsonl': line(3) });
    const missing = await loadActionLedger(octokit(), fileArgs(ctx(), io));
    expect(missing).toMatchObject({
      entries: [],
      warnings: ['ledger: ml/spend.jsonl at the base commit sha1004 (main) does not exist; spent counts only this change'],
    });
    fake.contents.set('sha1004:ml/spend.jsonl', `${line(7)}{"run_id":2}\n`);
    await expect(loadActionLedger(octokit(), fileArgs(ctx(), io))).rejects.toThrow(/ml\/spend\.jsonl at the base commit sha1004 \(main\).*line 2/);
  });

  it('ledger: file:PATH on a push reads the committed JSONL from the checkout, with no API call', async () => {
    const before = fake.requests.length;
    const io = memoryIo({ '/repo/ml/spend.jsonl': line(7) });
    const push: RunContext = { ...ctx(), eventName: 'push', ref: 'refs/heads/main', pullRequest: null };
    const ledger = await loadActionLedger(octokit(), fileArgs(push, io));
    expect(ledger).toMatchObject({ source: 'file:spend.jsonl', entries: [{ co2e_kg: 7, created_at: '2026-03-01T23:00:00.000Z' }] });
    expect(fake.requests.length).toBe(before);
  });
});

describe('artifactMatcher', () => {
  it.each([
    ['ml-lca-{scenario}', 'ml-lca-vision-v2', true],
    ['ml-lca-{scenario}', 'ml-lca-', false],
    ['ml-lca-{scenario}', 'coverage', false],
    ['{scenario}.card', 'x.card', true],
    ['{scenario}.card', 'xcard', false],
    ['ml-lca', 'ml-lca', true],
    ['ml-lca', 'ml-lca-detector', true],
    ['ml-lca', 'ml-lcax', false],
  ])('%s matches %s: %s', (template, name, want) => {
    expect(artifactMatcher(template)(name)).toBe(want);
  });
});

// The bundled action (dist/index.js) on a pull request, its clock fixed by ML_LCA_NOW (a test
// hook of main.ts): runs are dated relative to that month, never to the real clock.
describe('action end to end with a period budget (dist/index.js)', () => {
  let gh: FakeGitHub;
  const ACTION_NOW = '2026-05-14T09:30:00Z';
  const period = periodOf(new Date(ACTION_NOW), 'month');
  const monthStart = Date.parse(period.start);
  const at = (ms: number) => new Date(ms).toISOString();
  const kg = 370_000 / 35_040 + 400; // head: 1,000 kWh × 0.4 kg/kWh + 8 × (150 kg + 2,500 kg server ÷ 8) × 100 h / (4 × 8,760 h)

  const scenarioText = (max: number) => chatScenario({ team: 'vision', budgets: [`{ scope: team, period: month, max: ${max} }`] });

  beforeAll(async () => {
    buildDistOnce();
    gh = await startFakeGitHub();
    const push = (id: number, createdAt: string, cards: Array<[string, number]>, conclusion: 'success' | 'failure' = 'success') => {
      gh.runs.push({ id, workflowFile: 'train.yml', branch: 'main', event: 'push', conclusion, headSha: `s${id}`, createdAt });
      for (const [scenario, co2] of cards) {
        gh.artifacts.push({
          id: nextArtifact++,
          runId: id,
          name: artifactNameFor(DEFAULT_ARTIFACT_NAME, scenario, false),
          zip: cardZip(scenario, 'vision', co2, createdAt),
          expired: false,
        });
      }
    };
    push(501, at(monthStart - 1000), [['chat-model', 5000]]); // last second of the previous month
    push(502, at(monthStart), [['chat-model', 300]]);
    push(503, at(monthStart + 60_000), [['detector', 200]]); // another model of the team
    push(504, at(monthStart + 120_000), [['chat-model', 10_000]], 'failure');
  }, 300_000);

  afterAll(async () => {
    await gh?.close();
  });

  async function pr(runId: number, max: number) {
    const workspace = makeWorkspace({ 'lca.yml': scenarioText(max) });
    const r = await runAction({
      fake: gh,
      workspace,
      inputs: { scenario: 'lca.yml', 'github-token': TOKEN, 'budget-mode': 'fail', baseline: 'none' },
      eventName: 'pull_request',
      event: pullRequestEvent({ number: 9, repo: `${gh.owner}/${gh.repo}` }),
      runId,
      ref: 'refs/pull/9/merge',
      env: { ML_LCA_NOW: ACTION_NOW },
    });
    const card: unknown = JSON.parse(readFileSync(path.join(workspace, 'ml-lca-out/chat-model/model-card.json'), 'utf8'));
    return { r, ledger: LedgerExtension.parse((card as { extensions?: { ledger?: unknown } }).extensions?.ledger) };
  }

  it('within budget: spent this month (300 + 200) + this change, position in the card, step passes', async () => {
    const { r, ledger } = await pr(900, 1000);
    expect(r.code).toBe(0);
    const p = ledger.positions[0];
    expect(p).toMatchObject({ scope: 'team', name: 'vision', runs: 2, spent: 500, status: 'pass' });
    expect(p?.projected).toBeCloseTo(500 + kg, 6);
    expect(Number(r.outputs['co2e-kg'])).toBeCloseTo(kg, 3);
    expect(r.outputs.verdict).toBe('pass');
  });

  it('over budget: the step fails after the comment and summary name the overrun', async () => {
    const { r, ledger } = await pr(901, 800);
    expect(ledger.positions[0]).toMatchObject({ spent: 500, status: 'fail' });
    expect(r.code).not.toBe(0);
    expect(r.outputs.verdict).toBe('fail');
    const comment = gh.comments.find((c) => c.issue === 9)?.body ?? '';
    const plainText = (md: string) => md.replace(/\\(.)/g, '$1');
    // One line above the fold: the period budget, projected with this change, over the limit.
    expect(plainText(comment)).toContain(`❌ **month budget of team vision, ${period.label}**`);
    expect(plainText(comment)).toMatch(/with this change \([\d.]+\u00a0%\), over the limit · limit 800\u00a0kg CO2e/);
    expect(plainText(r.summary)).toContain('over the limit');
  });
});
