// A real ActionOctokit pointed at the fake GitHub of the e2e tests, with millisecond waits.
import { createOctokit, type ActionOctokit } from '../../src/github/octokit.js';
import type { FakeGitHub } from '../e2e/fake-github.js';

export function octokitFor(
  fake: FakeGitHub,
  logs: string[] = [],
  over: { requestTimeoutMs?: number; retries?: number; maxRateLimitWaitS?: number; maxTotalRateLimitWaitS?: number } = {},
): ActionOctokit {
  return createOctokit({ token: 'test-token', baseUrl: fake.url, retryBaseMs: 1, log: (m) => logs.push(m), ...over });
}
