// npm run bench:history: what a pull request costs to read its baseline and its period spending
// from a history branch holding 10,000 recorded runs, and what a push costs to record one more.
// The history is built with the action's own layout code (src/history/), seeded into the fake
// GitHub of the e2e tests (test/e2e/fake-github.ts, real git object SHAs), and read through the
// action's wiring (github/history.ts, baseline.ts, ledger.ts) with its octokit over loopback.
// Goal (issue 16): at most 5 API calls and under 2 s per pull request, whatever the history's length.
// Run: node --import tsx bench/history.ts [RUNS] (RUNS defaults to 10000).
import { performance } from 'node:perf_hooks';
import { applyRecords, historyEntry, type RunRecord } from '../src/history/index.js';
import { openHistory, recordRun } from '../src/github/history.js';
import { findBaseline } from '../src/github/baseline.js';
import { loadActionLedger } from '../src/github/ledger.js';
import { createOctokit } from '../src/github/octokit.js';
import type { RunContext } from '../src/github/context.js';
import { memoryIo } from '../src/io.js';
import { startFakeGitHub } from '../test/e2e/fake-github.js';
import { makeCard } from '../test/ledger/cards.js';

const RUNS = Number(process.argv[2] ?? 10_000);
const SCENARIOS = [
  ['vision-v2', 'vision'],
  ['detector', 'vision'],
  ['segmenter', 'vision'],
  ['llm-chat', 'nlp'],
  ['llm-embed', 'nlp'],
  ['asr', 'speech'],
  ['tts', 'speech'],
  ['ranker', null],
] as const;
const START = Date.parse('2024-01-01T00:00:00Z');
const NOW = new Date('2026-11-20T12:00:00Z');
const STEP = Math.floor((NOW.getTime() - START) / RUNS); // runs spread evenly up to NOW
const shaOf = (i: number) => (i + 1).toString(16).padStart(40, '0');

function recordOf(i: number): RunRecord {
  const [scenario, team] = SCENARIOS[i % SCENARIOS.length] ?? SCENARIOS[0];
  const createdAt = new Date(START + i * STEP).toISOString();
  const card = makeCard({ scenario, team, co2e_kg: 1 + (i % 7), created_at: createdAt });
  card.extensions = { github: { run_id: 1_000_000 + i } };
  return { card, run: { id: 1_000_000 + i, attempt: 1, repo: 'acme/model', branch: 'main', sha: shaOf(i), created_at: createdAt, job: 'train' } };
}

async function main(): Promise<void> {
  // 1. The history of RUNS push runs, one record each, with the action's layout code.
  let t0 = performance.now();
  const files = new Map<string, string>();
  const read = async (p: string) => files.get(p) ?? null;
  // 50 runs per update (the layout takes a batch, as one run with several scenarios does): the
  // same files as 10,000 single records, built in seconds rather than minutes.
  for (let i = 0; i < RUNS; i += 50) {
    const batch = Array.from({ length: Math.min(50, RUNS - i) }, (_, k) => recordOf(i + k));
    const applied = await applyRecords(
      read,
      batch.map((r) => ({ entry: historyEntry(r, new Date(r.run.created_at)), card: r.card })),
      NOW,
    );
    for (const [p, text] of applied.files) files.set(p, text);
  }
  const bytes = [...files.values()].reduce((n, s) => n + Buffer.byteLength(s), 0);
  const buildMs = performance.now() - t0;

  const fake = await startFakeGitHub();
  fake.git().seed('ml-lca-data', files, `${RUNS} runs`);
  const octokit = createOctokit({ token: 'bench', baseUrl: fake.apiUrl, log: () => {} });
  const ctx = (o: Partial<RunContext>): RunContext => ({
    eventName: 'pull_request',
    repo: { owner: 'acme', repo: 'model' },
    runId: 42,
    workflowFile: 'train.yml',
    sha: 'f'.repeat(40),
    ref: 'refs/pull/7/merge',
    pullRequest: null,
    workflowRun: null,
    defaultBranch: 'main',
    ...o,
  });
  const wiring = (c: RunContext) =>
    openHistory({
      inputs: { history: 'branch', historyBranch: 'ml-lca-data', historyRepo: null },
      ctx: c,
      octokit,
      artifactName: (s) => `ml-lca-${s}`,
      artifactTemplate: 'ml-lca-{scenario}',
      retryBaseMs: 1000,
      log: () => {},
    });
  // The pull request changes the newest run's model of a team (vision-v2: every 8th run).
  const baseRun = RUNS - 1 - ((RUNS - 1) % SCENARIOS.length);
  const last = recordOf(baseRun).card;
  const head = { name: last.scenario.name, boundary: last.scenario.boundary };
  const budgets = [
    { scope: 'team' as const, period: 'year' as const, metric: 'totals.co2e_kg', max: 1e9 },
    { scope: 'team' as const, period: 'quarter' as const, metric: 'totals.co2e_kg', max: 1e9 },
    { scope: 'model' as const, period: 'month' as const, metric: 'totals.co2e_kg', max: 1e9 },
  ];

  // 2. A pull request: baseline + spending of the current month, quarter and year.
  async function pullRequest(label: string, baseSha: string) {
    const c = ctx({ pullRequest: { number: 7, baseRef: 'main', baseSha, headSha: 'f'.repeat(40), fromFork: false } });
    const h = wiring(c);
    const n = fake.requests.length;
    t0 = performance.now();
    const baseline = await findBaseline(octokit, { spec: { kind: 'history' }, ctx: c, stores: [h.primary, h.fallback].filter((x) => x !== null), head });
    const ledger = await loadActionLedger(octokit, {
      scenario: { name: head.name, budgets, ledger: undefined },
      scenarioFile: '/w/lca.yml',
      workspace: '/w',
      ctx: c,
      history: h,
      now: NOW,
      io: memoryIo({}),
      log: () => {},
    });
    const ms = performance.now() - t0;
    const calls = fake.requests.slice(n);
    const year = ledger?.sums?.find((s) => s.scope === 'team' && s.name === 'vision' && s.label === '2026');
    return {
      label,
      calls: calls.length,
      ms: Math.round(ms),
      baseline: baseline.kind === 'found' ? `${baseline.meta.sha?.slice(0, 7)} run ${baseline.meta.run_id}` : baseline.note,
      team_year: year ? `${year.name}: ${year.runs} runs, ${year.sum['totals.co2e_kg']} kg` : null,
      requests: calls.map((q) => `${q.method} ${decodeURIComponent(q.path)} ${q.status}`),
    };
  }
  const exact = await pullRequest('base commit recorded', shaOf(baseRun));
  const newest = await pullRequest('base commit not recorded (newest on main)', 'e'.repeat(40));

  // 3. A push recording run RUNS + 1 on top of the RUNS-run history (the Git Data API path).
  const next = recordOf(RUNS);
  const pushCtx = ctx({ eventName: 'push', ref: 'refs/heads/main', pullRequest: null, runId: next.run.id, sha: next.run.sha });
  const h = wiring(pushCtx);
  const n = fake.requests.length;
  t0 = performance.now();
  const line = await recordRun({
    writer:
      h.writer ??
      (() => {
        throw new Error('no writer');
      })(),
    ctx: pushCtx,
    createdAt: next.run.created_at,
    cards: [{ card: next.card, extraMetrics: [] }],
    now: NOW,
    log: { info: () => {}, warning: (m) => process.stderr.write(`${m}\n`) },
  });
  const pushMs = performance.now() - t0;
  const pushCalls = fake.requests.slice(n);
  await fake.close();

  // The spending read from the totals must be what the runs add up to.
  let wantRuns = 0;
  let wantKg = 0;
  for (let i = 0; i < RUNS; i++) {
    const r = recordOf(i);
    if (r.card.scenario.team === 'vision' && r.run.created_at.startsWith('2026')) {
      wantRuns += 1;
      wantKg += r.card.totals.co2e_kg;
    }
  }
  const want = `vision: ${wantRuns} runs, ${wantKg} kg`;
  const result = {
    runs: RUNS,
    files: files.size,
    history_mb: Number((bytes / 1e6).toFixed(1)),
    build_s: Number((buildMs / 1000).toFixed(1)),
    node: process.version,
    pull_requests: [exact, newest],
    push: {
      calls: pushCalls.length,
      ms: Math.round(pushMs),
      recorded: line,
      requests: pushCalls.map((q) => `${q.method} ${decodeURIComponent(q.path).replace(/\?.*/, '')} ${q.status}`),
    },
    spending_checked: [exact, newest].every((p) => p.team_year === want) ? want : `MISMATCH: expected ${want}`,
    goal_met: [exact, newest].every((p) => p.calls <= 5 && p.ms < 2000 && p.team_year === want),
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

await main();
