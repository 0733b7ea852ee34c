// workflow_run comment mode: which pull request the triggering run belongs to. Always the one
// whose head is exactly the run's commit: the payload's `pull_requests` may name a PR whose head
// has moved on, or list two PRs of one branch; forks leave it empty.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../e2e/fake-github.js';
import { octokitFor } from './helpers.js';
import { pullRequestOf } from '../../src/github/workflow-run.js';
import type { WorkflowRunInfo } from '../../src/github/context.js';

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub();
});
afterAll(async () => fake.close());
beforeEach(() => {
  fake.pulls.length = 0;
  fake.requests.length = 0;
});

const HEAD = 'c'.repeat(40);
const run = (o: Partial<WorkflowRunInfo>): WorkflowRunInfo => ({
  id: 1,
  event: 'pull_request',
  headSha: HEAD,
  headBranch: 'feature',
  headOwner: 'acme',
  pullRequests: [],
  pullRequestHeads: [],
  ...o,
});
const repo = { owner: 'acme', repo: 'model' };

describe('pullRequestOf', () => {
  it('takes the payload PR whose head is the run commit, not the first one listed', async () => {
    const wr = run({
      pullRequests: [4, 5],
      pullRequestHeads: [
        { number: 4, headSha: 'd'.repeat(40) },
        { number: 5, headSha: HEAD },
      ],
    });
    expect(await pullRequestOf(octokitFor(fake), repo, wr)).toBe(5);
    expect(fake.requests).toHaveLength(0);
  });

  it('a payload PR whose head moved on is not taken: the PR is looked up by owner:branch and exact head', async () => {
    fake.pulls.push({ number: 6, headLabel: 'acme:feature', headSha: 'e'.repeat(40) }, { number: 7, headLabel: 'acme:feature', headSha: HEAD });
    const wr = run({ pullRequests: [6], pullRequestHeads: [{ number: 6, headSha: 'e'.repeat(40) }] });
    expect(await pullRequestOf(octokitFor(fake), repo, wr)).toBe(7);
    expect(fake.requests.map((q) => q.path)).toEqual(['/repos/acme/model/pulls?head=acme%3Afeature&state=open&per_page=30']);
  });

  it('a fork run (empty pull_requests) is found by the fork owner and branch; none with that head: null', async () => {
    fake.pulls.push({ number: 9, headLabel: 'forker:feature', headSha: HEAD });
    expect(await pullRequestOf(octokitFor(fake), repo, run({ headOwner: 'forker' }))).toBe(9);
    expect(await pullRequestOf(octokitFor(fake), repo, run({ headOwner: 'forker', headSha: 'f'.repeat(40) }))).toBeNull();
  });
});
