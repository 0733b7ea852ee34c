import { describe, expect, it } from 'vitest';
import { parseContext, workflowFileOf } from '../../src/github/context.js';
import { InputError } from '../../src/errors.js';

const env = {
  GITHUB_REPOSITORY: 'acme/model',
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_RUN_ID: '42',
  GITHUB_WORKFLOW_REF: 'acme/model/.github/workflows/train.yml@refs/pull/7/merge',
};

describe('parseContext', () => {
  it('reads a same-repo pull_request payload', () => {
    const c = parseContext(env, {
      pull_request: { number: 7, base: { ref: 'main', sha: 'b1', repo: { full_name: 'acme/model' } }, head: { sha: 'h1', repo: { full_name: 'acme/model' } } },
    });
    expect(c).toMatchObject({ eventName: 'pull_request', repo: { owner: 'acme', repo: 'model' }, runId: 42, workflowFile: 'train.yml' });
    expect(c.pullRequest).toEqual({ number: 7, baseRef: 'main', baseSha: 'b1', headSha: 'h1', fromFork: false });
  });

  it('marks a fork PR (and one whose head repository was deleted) as from a fork', () => {
    const pr = (head: unknown) =>
      parseContext(env, { pull_request: { number: 1, base: { ref: 'main', sha: 'b', repo: { full_name: 'acme/model' } }, head: { sha: 'h', repo: head } } })
        .pullRequest;
    expect(pr({ full_name: 'forker/model' })?.fromFork).toBe(true);
    expect(pr(null)?.fromFork).toBe(true);
  });

  it('has no pull request on push, and reads workflow_run payloads only for that event', () => {
    expect(parseContext({ ...env, GITHUB_EVENT_NAME: 'push' }, { ref: 'refs/heads/main' }).pullRequest).toBeNull();
    const c = parseContext(
      { ...env, GITHUB_EVENT_NAME: 'workflow_run' },
      {
        workflow_run: { id: 9, event: 'pull_request', head_sha: 'h', head_branch: 'feat', head_repository: { owner: { login: 'forker' } }, pull_requests: [] },
      },
    );
    expect(c.workflowRun).toEqual({
      id: 9,
      event: 'pull_request',
      headSha: 'h',
      headBranch: 'feat',
      headOwner: 'forker',
      pullRequests: [],
      pullRequestHeads: [],
    });
  });

  it('reads the payload pull requests with their head commit, the run attempt and the job', () => {
    const c = parseContext(
      { ...env, GITHUB_EVENT_NAME: 'workflow_run', GITHUB_RUN_ATTEMPT: '3', GITHUB_JOB: 'train' },
      {
        workflow_run: {
          id: 9,
          event: 'pull_request',
          head_sha: 'h',
          pull_requests: [{ number: 4, head: { sha: 'old' } }, { number: 5, head: { sha: 'h' } }, { number: 6 }],
        },
      },
    );
    expect(c.workflowRun?.pullRequestHeads).toEqual([
      { number: 4, headSha: 'old' },
      { number: 5, headSha: 'h' },
      { number: 6, headSha: null },
    ]);
    expect([c.runAttempt, c.job]).toEqual([3, 'train']);
    expect([parseContext(env, {}).runAttempt, parseContext(env, {}).job]).toEqual([1, null]);
  });

  it('reads repository.default_branch when the payload has it', () => {
    expect(parseContext(env, { repository: { full_name: 'acme/model', default_branch: 'trunk' } }).defaultBranch).toBe('trunk');
    expect(parseContext(env, {}).defaultBranch).toBeNull();
  });

  it('rejects a missing GITHUB_REPOSITORY naming the variable', () => {
    expect(() => parseContext({}, {})).toThrow(InputError);
    expect(() => parseContext({}, {})).toThrow(/GITHUB_REPOSITORY/);
  });

  it.each([
    ['o/r/.github/workflows/train.yml@refs/heads/main', 'train.yml'],
    ['o/r/.github/workflows/ci.yaml@refs/pull/1/merge', 'ci.yaml'],
    ['', null],
    [undefined, null],
    ['garbage', null],
  ])('workflowFileOf(%j) = %j', (ref, file) => {
    expect(workflowFileOf(ref)).toBe(file);
  });
});
