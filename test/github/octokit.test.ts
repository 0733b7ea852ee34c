import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../e2e/fake-github.js';
import { octokitFor } from './helpers.js';
import { describeError, statusOf } from '../../src/github/octokit.js';

// A fixed clock for the whole file (only Date is faked; timers stay real): plugin-throttling
// reads Date.now() for the time left until x-ratelimit-reset, and Bottleneck keeps its schedule
// in Date time, so every octokit here must see the same clock from its first request on.
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
let fake: FakeGitHub;
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  fake = await startFakeGitHub();
});
afterAll(async () => {
  await fake.close();
  vi.useRealTimers();
});
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
  headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + inS) },
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
    // The clock is fixed (NOW), so the wait is exact whatever the load: reset 2 s ahead ->
    // ceil(2000 ms / 1000) + 1 = 3 s (the plugin adds one second).
    const logs: string[] = [];
    fake.faults.push(primaryLimit(2));
    await listRuns(octokitFor(fake, logs));
    expect(statuses()).toEqual([403, 200]);
    expect(logs.join('\n')).toMatch(/rate limit hit on GET .*waiting 3s \(retry 1\/3\)/);
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
      /rate limit on GET \S+: it lifts in 360[01]s, more than ml-lca waits \(60s per wait, 180s per run\); skipped, not waited for/,
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
    // The fake answers after 5 s; a 200 ms request limit must abort it (the error says so). No
    // stopwatch: vitest's own test timeout catches a request that is not bounded.
    fake.faults.push({ method: 'GET', path: /\/runs$/, status: 200, times: 5, delayMs: 5_000 });
    const err = await listRuns(octokitFor(fake, [], { requestTimeoutMs: 200, retries: 0 })).catch((e: unknown) => e);
    expect(describeError(err)).toMatch(/abort|timeout/i);
    expect(fake.requests).toHaveLength(0); // the fake logs a request when it answers: this one never was
  });

  it('statusOf / describeError never include headers (the token)', async () => {
    fake.faults.push({ method: 'GET', path: /\/runs$/, status: 404, times: 1 });
    const err = await listRuns(octokitFor(fake)).catch((e: unknown) => e);
    expect(statusOf(err)).toBe(404);
    expect(describeError(err)).toBe('HTTP 404: fake fault 404');
    expect(describeError(err)).not.toContain('test-token');
  });
});
