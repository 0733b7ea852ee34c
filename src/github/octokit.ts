// The one Octokit the action uses: REST + GraphQL with @octokit/plugin-retry (5xx, 429) and
// @octokit/plugin-throttling (primary and secondary rate limits), and a time limit on every
// request. No retry loops of our own: the plugins own waiting.
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';

export const ActionOctokit = Octokit.plugin(retry, throttling);
export type ActionOctokit = InstanceType<typeof ActionOctokit>;

export interface OctokitOptions {
  token: string;
  /** GITHUB_API_URL, e.g. https://api.github.com */
  baseUrl: string;
  /** GITHUB_GRAPHQL_URL; defaults to `${baseUrl}/graphql` as octokit derives it. */
  graphqlUrl?: string | undefined;
  /**
   * Milliseconds one unit of `retry-after` (seconds) stands for. 1000 in production; tests
   * set it small (main.ts reads ML_LCA_RETRY_BASE_MS) so rate-limit waits take milliseconds.
   */
  retryBaseMs?: number;
  /** Time limit of one HTTP request, including reading its body. */
  requestTimeoutMs?: number;
  /** Retries after a 5xx / 429 / rate limit. */
  retries?: number;
  /**
   * Longest rate-limit wait (seconds) worth taking. A primary limit can mean an hour until the
   * reset, on a runner that may be a rented GPU: past this the request fails at once, and what
   * needed it (baseline, ledger, comment, history) says it was skipped.
   */
  maxRateLimitWaitS?: number | undefined;
  /** All rate-limit waits of one run together (seconds), beyond which no more are taken. */
  maxTotalRateLimitWaitS?: number | undefined;
  /** Where the plugins report waits (core.info in the action). */
  log: (message: string) => void;
  fetch?: typeof fetch;
}

/** Seconds: a secondary limit's usual retry-after (60 s) is waited out; an hour's reset is not. */
export const DEFAULT_MAX_RATE_LIMIT_WAIT_S = 60;

export function createOctokit(o: OctokitOptions): ActionOctokit {
  const retries = o.retries ?? 3;
  const timeoutMs = o.requestTimeoutMs ?? 30_000;
  const baseFetch = o.fetch ?? fetch;
  // Each request gets its own deadline (a shared AbortSignal.timeout would expire for all).
  const boundedFetch: typeof fetch = (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    return baseFetch(input, { ...init, signal });
  };
  const base = o.retryBaseMs ?? 1000;
  const maxWait = o.maxRateLimitWaitS ?? DEFAULT_MAX_RATE_LIMIT_WAIT_S;
  const maxTotal = o.maxTotalRateLimitWaitS ?? 3 * maxWait;
  let waited = 0;
  /** Whether to wait `retryAfter` seconds and retry; a line in the log either way. */
  const waitOrSkip = (kind: string, retryAfter: number, options: { method: string; url: string }, retryCount: number): boolean => {
    const what = `${options.method} ${options.url}`;
    if (retryCount >= retries) {
      o.log(`GitHub API ${kind} on ${what}: still limited after ${retries} retries; skipped (what needed it says so)`);
      return false;
    }
    if (retryAfter > maxWait || waited + retryAfter > maxTotal) {
      o.log(
        `GitHub API ${kind} on ${what}: it lifts in ${retryAfter}s, more than ml-lca waits (${maxWait}s per wait, ${maxTotal}s per run); ` +
          'skipped, not waited for (what needed it says so)',
      );
      return false;
    }
    waited += retryAfter;
    o.log(`GitHub API ${kind} ${kind === 'rate limit' ? 'hit ' : ''}on ${what}; waiting ${retryAfter}s (retry ${retryCount + 1}/${retries})`);
    return true;
  };
  const octokit = new ActionOctokit({
    auth: o.token,
    baseUrl: o.baseUrl.replace(/\/+$/, ''),
    userAgent: 'ml-lca-action',
    request: { fetch: boundedFetch },
    // octokit's own debug/info lines would be noise in the job log; warnings and errors stay.
    log: { debug: () => {}, info: () => {}, warn: (m: string) => o.log(`GitHub API: ${m}`), error: (m: string) => o.log(`GitHub API: ${m}`) },
    // 429 and rate-limit 403s belong to the throttling plugin (it knows retry-after and the
    // reset time); letting plugin-retry retry them too would multiply the attempts.
    // 409 is a conflict (a history ref moved): the same request would conflict again.
    retry: { retries, retryAfterBaseValue: base, doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451] },
    throttle: {
      retryAfterBaseValue: base,
      ...(base < 1000 ? scaledGroups(base / 1000) : {}),
      fallbackSecondaryRateRetryAfter: 60,
      onRateLimit: (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) =>
        waitOrSkip('rate limit', retryAfter, options, retryCount),
      onSecondaryRateLimit: (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) =>
        waitOrSkip('secondary rate limit', retryAfter, options, retryCount),
    },
  });
  if (o.graphqlUrl) {
    // octokit derives /graphql from baseUrl; GHES and tests may name it explicitly.
    const url = o.graphqlUrl;
    octokit.graphql = octokit.graphql.defaults({ url });
  }
  return octokit;
}

/**
 * The throttling plugin spaces writes 1 s apart and notifying writes (comments) 3 s apart, as
 * GitHub asks. Tests shrink those spacings by the same factor as retry-after, so they stay fast.
 */
function scaledGroups(scale: number) {
  const group = (id: string, minTime: number) => new Bottleneck.Group({ id: `ml-lca-${id}`, maxConcurrent: 1, minTime: Math.round(minTime * scale) });
  return { write: group('write', 1000), notifications: group('notifications', 3000), search: group('search', 2000) };
}

/** HTTP status of an octokit error, or null for anything else (network, timeout, bug). */
export function statusOf(e: unknown): number | null {
  if (typeof e === 'object' && e !== null && 'status' in e) {
    const s = (e as { status: unknown }).status;
    return typeof s === 'number' ? s : null;
  }
  return null;
}

/** One line for a log: status and message, never headers (they could hold the token). */
export function describeError(e: unknown): string {
  const status = statusOf(e);
  const msg = e instanceof Error ? e.message : String(e);
  const short = msg.split('\n')[0]?.slice(0, 300) ?? '';
  return status !== null ? `HTTP ${status}: ${short}` : short;
}
