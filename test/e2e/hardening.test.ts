// Issue 13 on the bundled action (dist/index.js as a runner runs it, against the fake GitHub):
// a fork's card cannot put workflow commands into the privileged job log; bad input ends with
// verdict `error` and an annotation titled so, told apart from a failed budget; every path the
// workflow names stays inside the workspace; a failed run leaves no half-written outputs.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { FakeGitHub } from './fake-github.js';
import { makeWorkspace, runAction, TOKEN, type RunResult, useFakeGitHub } from './harness.js';
import { hostileCard } from '../report/hostile-card.js';

let fake: FakeGitHub;
useFakeGitHub((f) => {
  fake = f;
});

const SCENARIO = (name: string) => `name: ${name}
functional_unit: { description: "1,000 requests", inferences: 1000 }
deployment: { lifetime_inferences: 1000000 }
grid: { intensity_g_per_kwh: 400 }
pue: 1.0
hardware: { model: H100-SXM, count: 1, embodied_kg: 150, lifespan_years: 4 }
stages:
  training: { energy_kwh: 100, hours: 10 }
budgets:
  - { metric: totals.co2e_kg, max: 10 }
`;

/** Lines the runner would read as workflow commands (`::` after blanks); the runner trims first. */
function commandLines(stdout: string): string[] {
  return stdout.split('\n').filter((l) => l.trimStart().startsWith('::'));
}

function push(workspace: string, inputs: Record<string, string>, runId: number): Promise<RunResult> {
  return runAction({ fake, workspace, inputs: { 'github-token': TOKEN, ...inputs }, eventName: 'push', event: {}, runId });
}

describe('hardening of the action (dist/index.js)', () => {
  it("a fork's card cannot issue workflow commands in the privileged job log", async () => {
    const card = await hostileCard();
    fake.artifacts.push({
      id: 88_001,
      runId: 6001,
      name: 'ml-lca-fork',
      zip: Buffer.from(zipSync({ 'model-card.json': strToU8(JSON.stringify(card)) })),
      expired: false,
    });
    fake.pulls.push({ number: 61, headLabel: 'forker:hostile', headSha: 'd'.repeat(40) });
    const r = await runAction({
      fake,
      workspace: makeWorkspace({}),
      inputs: { 'github-token': TOKEN },
      eventName: 'workflow_run',
      event: {
        workflow_run: {
          id: 6001,
          event: 'pull_request',
          head_sha: 'd'.repeat(40),
          head_branch: 'hostile',
          head_repository: { owner: { login: 'forker' } },
          pull_requests: [],
        },
      },
      runId: 6002,
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    // The card's name was logged (comment created: …) on one line: its line breaks are spaces,
    // so its ::error:: no longer starts a line.
    expect(r.stdout).toMatch(/^x ::error::pwned-by-fork ## Heading from the fork <details open><summary>open me<\/summary>: PR #61 comment created: /m);
    // Only ml-lca's own commands: the token's mask, and annotations/debug whose data @actions/core escapes.
    for (const l of commandLines(r.stdout)) expect(l).toMatch(new RegExp(`^::(add-mask::${TOKEN}$|debug::|warning( [^:]*)?::|error( [^:]*)?::)`));
    expect(r.stdout).not.toMatch(/^\s*::(error|add-mask|set-output)::?(pwned|ghs_forkSecret| name=verdict)/m);
    expect(r.stdout).not.toContain('##[error]legacy');
    expect(r.outputs.verdict).not.toBe('pass'); // set-output from the card did nothing: the card's own verdict stands
    expect(fake.comments.filter((c) => c.issue === 61)).toHaveLength(1);
  });

  it('bad input: the step fails with verdict error and an annotation titled "bad input" that names the file', async () => {
    const workspace = makeWorkspace({ 'lca.yml': SCENARIO('bad').replace('energy_kwh: 100', 'energy_kwh: -5') });
    const r = await push(workspace, { scenario: 'lca.yml' }, 6101);
    expect(r.code).toBe(1);
    expect(r.outputs.verdict).toBe('error');
    expect(r.stdout).toMatch(
      /^::error title=ml-lca error%3A bad input,file=lca\.yml,line=8::ml-lca: bad input: \S+\/lca\.yml: line 8: stages\.training\.energy_kwh: expected .*, got -5$/m,
    );
    expect(r.summary).toContain('ml-lca could not run');
    expect(r.summary).toContain('bad input');
  });

  it('a failed budget is told apart: verdict fail, no "error" annotation', async () => {
    const r = await push(makeWorkspace({ 'lca.yml': SCENARIO('over') }), { scenario: 'lca.yml' }, 6102);
    expect(r.code).toBe(1);
    expect(r.outputs.verdict).toBe('fail');
    expect(r.stdout).not.toContain('bad input');
    expect(r.stdout).toMatch(/^::error::ml-lca: budget exceeded: over: /m);
  });

  it('scenario: /etc/passwd is refused as outside the workspace; nothing of it is printed', async () => {
    const r = await push(makeWorkspace({}), { scenario: '/etc/passwd' }, 6103);
    expect(r.code).toBe(1);
    expect(r.outputs.verdict).toBe('error');
    expect(r.stdout).toContain('ml-lca: bad input: input "scenario": expected a path inside');
    expect(`${r.stdout}${r.stderr}${r.summary}`).not.toMatch(/root:|daemon:|nologin/);
  });

  it('a scenario symlinked to a file outside the workspace is refused', async () => {
    const workspace = makeWorkspace({});
    symlinkSync('/etc/hostname', path.join(workspace, 'lca.yml'));
    const r = await push(workspace, { scenario: 'lca.yml' }, 6104);
    expect(r.outputs.verdict).toBe('error');
    expect(r.stdout).toContain('bad input: input "scenario": expected a path inside');
  });

  it('working-directory ../../outside is refused; nothing is written outside the workspace', async () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'ml-lca-parent-'));
    const workspace = path.join(parent, 'a', 'b');
    mkdirSync(workspace, { recursive: true });
    mkdirSync(path.join(parent, 'outside'));
    const r = await push(workspace, { scenario: 'lca.yml', 'working-directory': '../../outside' }, 6105);
    expect(r.outputs.verdict).toBe('error');
    expect(r.stdout).toContain('bad input: input "working-directory": expected a path inside');
    expect(readdirSync(path.join(parent, 'outside'))).toEqual([]);
    rmSync(parent, { recursive: true, force: true });
  });

  it('artifact-name: .. is refused before any work', async () => {
    const r = await push(makeWorkspace({ 'lca.yml': SCENARIO('dots') }), { scenario: 'lca.yml', 'artifact-name': '..' }, 6106);
    expect(r.outputs.verdict).toBe('error');
    expect(r.stdout).toContain('bad input: input "artifact-name": expected an artifact name that is not only dots, got ".."');
  });

  it('several scenarios, the second bad: no half-written output directory of the first', async () => {
    const workspace = makeWorkspace({ 'scenarios/a.yml': SCENARIO('model-a'), 'scenarios/b.yml': SCENARIO('model-b').replace('hours: 10', 'hours: -1') });
    const r = await push(workspace, { scenario: 'scenarios/*.yml' }, 6107);
    expect(r.outputs.verdict).toBe('error');
    expect(r.stdout).toContain('bad input: ');
    expect(existsSync(path.join(workspace, 'ml-lca-out'))).toBe(false);
  });
});
