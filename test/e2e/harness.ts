// Runs the bundled action (dist/index.js) as a child process the way the runner does: inputs as
// INPUT_<NAME> (upper-cased, hyphens kept), the event payload in a file named by
// GITHUB_EVENT_PATH, outputs and summary appended to the files GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY name, API and results-service URLs pointing at the fake.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { fakeRuntimeToken, startFakeGitHub, type FakeGitHub } from './fake-github.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist/index.js');
export const TOKEN = 'ghs_e2eSECRETtoken0123456789';

/**
 * The file-wide fake GitHub of an e2e test file: dist/ built and the fake started before the
 * file's tests, closed after them. `onStart` hands it to the file (which keeps its own `fake`).
 */
export function useFakeGitHub(onStart: (fake: FakeGitHub) => void): void {
  let started: FakeGitHub | undefined;
  beforeAll(async () => {
    buildDistOnce();
    started = await startFakeGitHub();
    onStart(started);
  }, 300_000);
  afterAll(async () => {
    await started?.close();
  });
}

/**
 * Rebuild dist/ once per test run (the e2e tests must exercise the bundle, not src/). Other test
 * files may build at the same time, so a lock directory serialises builds; a build newer than
 * every src/ file is reused.
 */
export function buildDistOnce(): void {
  if (process.env.ML_LCA_E2E_SKIP_BUILD === '1' && existsSync(DIST)) return;
  const lock = path.join(ROOT, '.tmp/build.lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 240_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than 5 minutes belongs to a build that died.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        /* gone meanwhile */
      }
      if (Date.now() > deadline) throw new Error('timed out waiting for another dist build (.tmp/build.lock)');
      spawnSync('sleep', ['1']);
    }
  }
  try {
    if (distIsFresh()) return;
    const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
    if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function distIsFresh(): boolean {
  if (!existsSync(DIST)) return false;
  const built = statSync(DIST).mtimeMs;
  const newest = (dir: string): number => {
    let t = 0;
    for (const ent of readdirSafe(dir)) {
      const p = path.join(dir, ent.name);
      t = Math.max(t, ent.isDirectory() ? newest(p) : statSync(p).mtimeMs);
    }
    return t;
  };
  return newest(path.join(ROOT, 'src')) < built && statSync(path.join(ROOT, 'package-lock.json')).mtimeMs < built;
}

function readdirSafe(dir: string) {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

export interface RunOptions {
  fake: FakeGitHub;
  workspace: string;
  inputs: Record<string, string>;
  eventName: string;
  event: unknown;
  runId: number;
  sha?: string;
  ref?: string;
  workflowFile?: string;
  attempt?: number;
  env?: Record<string, string>;
  timeoutMs?: number;
  /** The script to run instead of dist/index.js (dist/post.js for the post step). */
  entry?: string;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  ms: number;
}

export function makeWorkspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ml-lca-e2e-'));
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(dir, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  return dir;
}

export async function runAction(o: RunOptions): Promise<RunResult> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'ml-lca-runner-'));
  const eventPath = path.join(tmp, 'event.json');
  const outputPath = path.join(tmp, 'output');
  const summaryPath = path.join(tmp, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(o.event));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const inputEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(o.inputs)) inputEnv[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  const wf = o.workflowFile ?? 'train.yml';
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: tmp,
    RUNNER_TEMP: tmp,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_EVENT_NAME: o.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: `${o.fake.owner}/${o.fake.repo}`,
    GITHUB_REPOSITORY_OWNER: o.fake.owner,
    GITHUB_RUN_ID: String(o.runId),
    GITHUB_RUN_ATTEMPT: String(o.attempt ?? 1),
    GITHUB_JOB: 'train',
    GITHUB_WORKFLOW: 'train',
    GITHUB_WORKFLOW_REF: `${o.fake.owner}/${o.fake.repo}/.github/workflows/${wf}@${o.ref ?? 'refs/heads/main'}`,
    GITHUB_SHA: o.sha ?? 'a'.repeat(40),
    GITHUB_REF: o.ref ?? 'refs/heads/main',
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_API_URL: o.fake.apiUrl,
    GITHUB_GRAPHQL_URL: o.fake.graphqlUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    ACTIONS_RUNTIME_TOKEN: fakeRuntimeToken(o.runId),
    ACTIONS_RESULTS_URL: `${o.fake.url}/`,
    // Tests only: one second of retry-after / backoff lasts 5 ms.
    ML_LCA_RETRY_BASE_MS: '5',
    ...inputEnv,
    ...(o.env ?? {}),
  };
  const t0 = Date.now();
  const child = spawn(process.execPath, [o.entry ?? DIST], { cwd: o.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 45_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(timer);
  const result: RunResult = {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputPath, 'utf8')),
    summary: readFileSync(summaryPath, 'utf8'),
    ms: Date.now() - t0,
  };
  rmSync(tmp, { recursive: true, force: true });
  return result;
}

/** `name<<DELIM\nvalue\nDELIM\n` blocks, as core.setOutput writes them. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) if (m[1] && m[3] !== undefined) out[m[1]] = m[3];
  return out;
}

export function pullRequestEvent(o: { number: number; baseRef?: string; baseSha?: string; headSha?: string; fork?: boolean; repo: string }) {
  return {
    action: 'synchronize',
    number: o.number,
    pull_request: {
      number: o.number,
      base: { ref: o.baseRef ?? 'main', sha: o.baseSha ?? 'b'.repeat(40), repo: { full_name: o.repo } },
      head: { ref: 'feature', sha: o.headSha ?? 'c'.repeat(40), repo: { full_name: o.fork ? 'forker/model' : o.repo } },
    },
    repository: { full_name: o.repo },
  };
}

/**
 * The e2e tests' scenario: a chat model trained on 8 H100s, `energy` kWh (1,000 by default) at
 * 400 g/kWh with PUE 1, embodied 8 × (150 kg + the bundled server share) × 100 h / (4 y × 8,760 h),
 * 1,000 functional units over the lifetime (so g per unit = kg total).
 */
export function chatScenario(o: { name?: string; team?: string; energy?: number; budgets: readonly string[] }): string {
  return [
    `name: ${o.name ?? 'chat-model'}`,
    ...(o.team ? [`team: ${o.team}`] : []),
    'functional_unit: { description: "1,000 chat requests", inferences: 1000 }',
    'deployment: { lifetime_inferences: 1000000 }',
    'grid: { region: US, intensity_g_per_kwh: 400, water_intensity_l_per_kwh: 0 }',
    'pue: 1.0',
    'wue_l_per_kwh: 0',
    'hardware: { model: H100-SXM, count: 8, embodied_kg: 150, lifespan_years: 4 }',
    'stages:',
    `  training: { energy_kwh: ${o.energy ?? 1000}, hours: 100 }`,
    'budgets:',
    ...o.budgets.map((b) => `  - ${b}`),
    '',
  ].join('\n');
}
