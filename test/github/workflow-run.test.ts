// Fork comment mode (event workflow_run, src/github/workflow-run.ts) against the fake GitHub,
// in process: the card comes from a fork's artifact, so its text, its artifact's name and its
// artifact's size are the fork's to choose (issue 13, items 1-4).
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../e2e/fake-github.js';
import { octokitFor } from './helpers.js';
import { run, type RunDeps } from '../../src/github/run.js';
import { parseInputs } from '../../src/github/inputs.js';
import { parseContext } from '../../src/github/context.js';
import { nodeIo } from '../../src/io.js';
import { hostileCard, injectionProblems } from '../report/hostile-card.js';

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub();
});
afterAll(async () => fake.close());

const HEAD = 'c'.repeat(40);

function forkRun(runId: number, prNumber: number) {
  fake.pulls.push({ number: prNumber, headLabel: `forker:feature-${runId}`, headSha: HEAD });
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'ml-lca-wr-'));
  const logs: string[] = [];
  const summaries: string[] = [];
  const deps: RunDeps = {
    octokit: octokitFor(fake),
    io: nodeIo({ log: () => {} }),
    clock: { now: () => new Date('2026-06-01T00:00:00Z') },
    log: { info: (m) => logs.push(m), warning: (m) => logs.push(`warning: ${m}`) },
    summary: { append: async (md) => void summaries.push(md) },
    artifact: { upload: async () => ({ id: null, size: 0 }) },
    setOutput: () => {},
    context: parseContext(
      { GITHUB_REPOSITORY: 'acme/model', GITHUB_EVENT_NAME: 'workflow_run', GITHUB_RUN_ID: String(runId + 1) },
      {
        workflow_run: {
          id: runId,
          event: 'pull_request',
          head_sha: HEAD,
          head_branch: `feature-${runId}`,
          head_repository: { owner: { login: 'forker' } },
          pull_requests: [],
        },
      },
    ),
    workspace,
    version: '0.0.0-test',
  };
  return { deps, logs, summaries, workspace, inputs: parseInputs({ 'github-token': 't' }) };
}

describe('workflow_run comment mode with a hostile fork card', () => {
  it('comments and summarises inertly; the artifact name stays inside its code span', async () => {
    const card = await hostileCard();
    // Backticks end a naive code span; the rest would be markup in the privileged summary.
    const name = 'ml-lca-x` <img src=x> @admin `y';
    fake.artifacts.push({ id: 77_001, runId: 5001, name, zip: Buffer.from(zipSync({ 'model-card.json': strToU8(JSON.stringify(card)) })), expired: false });
    const { deps, inputs, summaries, workspace } = forkRun(5001, 41);
    const r = await run(inputs, deps);
    expect(r.failure).toBeNull();
    const comments = fake.comments.filter((c) => c.issue === 41);
    expect(comments).toHaveLength(1);
    expect(injectionProblems(comments[0]!.body)).toEqual([]);
    const summary = summaries.join('\n');
    expect(injectionProblems(summary)).toEqual([]);
    expect(summary).toContain('> From artifact ``ml-lca-x` <img src=x> @admin `y`` of run 5001.');
    // The card and report were written under ml-lca-out/ (the slug of the hostile name), nowhere else.
    expect(readdirSync(path.join(workspace, 'ml-lca-out'))).toEqual(['x-error-pwned-by-fork-Heading-from-the-fork-details-open-summary-open-me-summary']);
  });

  it("checks the artifact's size_in_bytes before downloading it", async () => {
    const big = Buffer.alloc(17 * 1024 * 1024);
    fake.artifacts.push({ id: 77_002, runId: 5002, name: 'ml-lca-big', zip: big, expired: false });
    const { deps, inputs, logs } = forkRun(5002, 42);
    const before = fake.requests.length;
    await run(inputs, deps);
    const requests = fake.requests.slice(before).map((q) => `${q.method} ${q.path.replace(/\?.*$/, '')}`);
    expect(requests).toContain('GET /repos/acme/model/actions/runs/5002/artifacts');
    expect(requests.filter((q) => q.includes('/artifacts/77002/zip') || q.includes('/blob/'))).toEqual([]);
    expect(logs).toContain(`warning: ml-lca: artifact ml-lca-big of run 5002 is ${big.length} bytes, more than a model card; skipped.`);
    expect(fake.comments.filter((c) => c.issue === 42)).toEqual([]);
  });
});
