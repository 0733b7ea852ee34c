import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../e2e/fake-github.js';
import { octokitFor } from './helpers.js';
import { describeError, statusOf } from '../../src/github/octokit.js';

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub();
});
afterAll(async () => fake.close());
beforeEach(() => {
  fake.faults.length = 0;
  fake.requests.length = 0;
});

const listRuns = (o: ReturnType<typeof octokitFor>) => o.rest.actions.listWorkflowRuns({ owner: 'acme', repo: 'model', workflow_id: 'train.yml' });
const statuses = () => fake.requests.map((r) => r.status);
/** One 403 of an exhausted primary rate limit that resets `inS` seconds from now. */
const primaryLimit = (inS: number) => ({
  method: 'GET',
  path: /\/runs$/,
  status: 403,
  times: 1,
  headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + inS) },
  body: { message: 'API rate limit exceeded' },
});

describe('the action octokit', () => {
  it.each([
    [500, 2, [500, 500, 200]],
    [502, 1, [502, 200]],
    [503, 3, [503, 503, 503, 200]],
  ])('retries %i (%i times) through plugin-retry', async (status, times, seen) => {
    fake.faults.push({ method: 'GET', path: /\/runs$/, status, times });
    await listRuns(octokitFor(fake));
    expect(statuses()).toEqual(seen);
  });

  it.each([404, 409, 422])('does not retry %i', async (status) => {
    fake.faults.push({ method: 'GET', path: /\/runs$/, status, times: 5 });
    await expect(listRuns(octokitFor(fake))).rejects.toMatchObject({ status });
    expect(statuses()).toEqual([status]);
  });

  it('waits out a primary rate limit (403, x-ratelimit-remaining 0) until x-ratelimit-reset, scaled', async () => {
    const logs: string[] = [];
    fake.faults.push(primaryLimit(2));
    await listRuns(octokitFor(fake, logs));
    expect(statuses()).toEqual([403, 200]);
    expect(logs.join('\n')).toMatch(/rate limit hit on GET .*waiting [23]s/);
  });

  it('waits out a secondary rate limit (429 with retry-after) once, through plugin-throttling only', async () => {
    fake.faults.push({
      method: 'GET',
      path: /\/runs$/,
      status: 429,
      times: 1,
      headers: { 'retry-after': '2' },
      body: { message: 'You have exceeded a secondary rate limit' },
    });
    await listRuns(octokitFor(fake));
    expect(statuses()).toEqual([429, 200]);
  });

  it('gives up after the retries on a rate limit that does not end', async () => {
    fake.faults.push({
      method: 'GET',
      path: /\/runs$/,
      status: 429,
      times: 100,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit' },
    });
    await expect(listRuns(octokitFor(fake, [], { retries: 2 }))).rejects.toMatchObject({ status: 429 });
    expect(statuses()).toEqual([429, 429, 429]);
  });

  it('does not wait out a rate limit that lifts later than the cap: fails at once and says it skipped', async () => {
    const logs: string[] = [];
    fake.faults.push(primaryLimit(3600));
    await expect(listRuns(octokitFor(fake, logs))).rejects.toMatchObject({ status: 403 });
    expect(statuses()).toEqual([403]);
    expect(logs.join('\n')).toMatch(
      /rate limit on GET \S+: it lifts in 3[56]\d\ds, more than ml-lca waits \(60s per wait, 180s per run\); skipped, not waited for/,
    );
  });

  it('stops waiting once the waits of the run add up to the total cap', async () => {
    const logs: string[] = [];
    const octokit = octokitFor(fake, logs, { maxRateLimitWaitS: 2, maxTotalRateLimitWaitS: 3 });
    const limited = {
      method: 'GET',
      path: /\/runs$/,
      status: 429,
      headers: { 'retry-after': '2' },
      body: { message: 'You have exceeded a secondary rate limit' },
    };
    fake.faults.push({ ...limited, times: 1 });
    await listRuns(octokit); // waits 2 s (scaled): 2 of 3
    fake.faults.push({ ...limited, times: 1 });
    await expect(listRuns(octokit)).rejects.toMatchObject({ status: 429 }); // 2 more would make 4 > 3
    expect(statuses()).toEqual([429, 200, 429]);
    expect(logs.filter((l) => l.includes('skipped'))).toHaveLength(1);
  });

  it('bounds every request in time', async () => {
    fake.faults.push({ method: 'GET', path: /\/runs$/, status: 200, times: 5, delayMs: 5_000 });
    const t0 = Date.now();
    const err = await listRuns(octokitFor(fake, [], { requestTimeoutMs: 200, retries: 0 })).catch((e: unknown) => e);
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(describeError(err)).toMatch(/abort|timeout/i);
  });

  it('statusOf / describeError never include headers (the token)', async () => {
    fake.faults.push({ method: 'GET', path: /\/runs$/, status: 404, times: 1 });
    const err = await listRuns(octokitFor(fake)).catch((e: unknown) => e);
    expect(statusOf(err)).toBe(404);
    expect(describeError(err)).toBe('HTTP 404: fake fault 404');
    expect(describeError(err)).not.toContain('test-token');
  });
});
