// A minimal Prometheus HTTP API client: POST /api/v1/query_range, bounded in time, answers
// validated by zod. Credentials travel only in the Authorization header; every text we
// build for the user (errors, warnings, Source.path) uses the redacted URL and is scrubbed
// of the secret values, so a token can never reach a log, a comment or an artifact.
import { z } from 'zod';
import { InputError, shortValue } from '../../errors.js';
import type { QueryRange } from './plan.js';

export interface PrometheusAuth {
  bearer?: string | undefined;
  basic?: { user: string; password: string } | undefined;
}

export const TOKEN_ENV = 'ML_LCA_PROMETHEUS_TOKEN';
export const USER_ENV = 'ML_LCA_PROMETHEUS_USER';
export const PASSWORD_ENV = 'ML_LCA_PROMETHEUS_PASSWORD';
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface Endpoint {
  /** Base URL without credentials, query or fragment, no trailing slash. Safe to print. */
  base: string;
  headers: Record<string, string>;
  /** Every secret value, for scrubbing text before it leaves this module. */
  secrets: string[];
}

/**
 * Build the endpoint from the scenario URL, explicit auth (action inputs) and the environment.
 * Precedence: explicit auth, then ML_LCA_PROMETHEUS_TOKEN, then ML_LCA_PROMETHEUS_USER +
 * _PASSWORD, then user:password in the URL (which is always stripped: fetch refuses such URLs).
 */
export function makeEndpoint(url: string, auth: PrometheusAuth | undefined, env: Record<string, string | undefined>): Endpoint {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError({
      code: 'BAD_INPUT',
      field: 'prometheus.url',
      expected: 'an http(s) URL such as http://prometheus:9090',
      got: shortValue(redactText(url)),
    });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InputError({
      code: 'BAD_INPUT',
      field: 'prometheus.url',
      expected: 'an http(s) URL such as http://prometheus:9090',
      got: shortValue(parsed.protocol),
    });
  }
  const urlUser = decodeURIComponent(parsed.username);
  const urlPassword = decodeURIComponent(parsed.password);
  parsed.username = '';
  parsed.password = '';
  parsed.search = '';
  parsed.hash = '';
  const base = parsed.toString().replace(/\/+$/, '');

  const nonEmpty = (s: string | undefined): string | undefined => (s !== undefined && s !== '' ? s : undefined);
  let bearer = nonEmpty(auth?.bearer);
  let basic = auth?.basic && auth.basic.user !== '' ? auth.basic : undefined;
  if (!bearer && !basic) {
    bearer = nonEmpty(env[TOKEN_ENV]);
    const user = nonEmpty(env[USER_ENV]);
    if (!bearer && user) basic = { user, password: env[PASSWORD_ENV] ?? '' };
    if (!bearer && !basic && urlUser) basic = { user: urlUser, password: urlPassword };
  }
  const headers: Record<string, string> = { accept: 'application/json' };
  const secrets: string[] = [];
  if (bearer) {
    headers.authorization = `Bearer ${bearer}`;
    secrets.push(bearer);
  } else if (basic) {
    const encoded = Buffer.from(`${basic.user}:${basic.password}`, 'utf8').toString('base64');
    headers.authorization = `Basic ${encoded}`;
    secrets.push(encoded);
    if (basic.password) secrets.push(basic.password);
  }
  if (urlPassword) secrets.push(urlPassword);
  return { base, headers, secrets: secrets.filter((s) => s.length >= 3) };
}

/** Replace every secret value in a text; also strips `user:pass@` from URLs in it. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = redactText(text);
  for (const s of secrets) out = out.split(s).join('***');
  return out;
}

function redactText(text: string): string {
  return text.replace(/(\bhttps?:\/\/)[^/\s@]*@/gi, '$1');
}

/** One series of a matrix answer; values are [epoch seconds, "number as text"]. */
export const MatrixSeries = z.object({
  metric: z.record(z.string(), z.string()),
  values: z.array(z.tuple([z.number(), z.string()])),
});
export type MatrixSeries = z.infer<typeof MatrixSeries>;

const RangeAnswer = z.object({
  status: z.literal('success'),
  data: z.object({ resultType: z.literal('matrix'), result: z.array(MatrixSeries) }),
  warnings: z.array(z.string()).optional(),
});
const ErrorAnswer = z.object({ status: z.literal('error'), errorType: z.string().optional(), error: z.string().optional() });

export interface RangeResult {
  series: MatrixSeries[];
  warnings: string[];
}

export interface RequestOptions {
  fetch: typeof fetch;
  timeoutMs: number;
}

/** One range query. Every failure is an InputError SOURCE_UNREACHABLE naming the URL (redacted). */
export async function queryRange(endpoint: Endpoint, query: string, range: QueryRange, step_s: number, opts: RequestOptions): Promise<RangeResult> {
  const url = `${endpoint.base}/api/v1/query_range`;
  const expected = `a Prometheus HTTP API answer (HTTP 200, status "success", a matrix) to query_range of ${query}`;
  const fail = (got: string, hint?: string): InputError =>
    new InputError({
      code: 'SOURCE_UNREACHABLE',
      file: url,
      expected: scrub(expected, endpoint.secrets),
      got: scrub(got, endpoint.secrets),
      hint,
    });

  // POST keeps long selectors out of URLs (and proxy logs); Prometheus accepts form bodies.
  const body = new URLSearchParams({ query, start: String(range.start_s), end: String(range.end_s), step: String(step_s) });
  let res: Response;
  let text: string;
  try {
    res = await opts.fetch(url, {
      method: 'POST',
      headers: { ...endpoint.headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
      signal: AbortSignal.timeout(opts.timeoutMs),
      // Never follow: a redirect to another host would carry the credentials there.
      redirect: 'manual',
    });
    // The same signal bounds reading the body.
    text = await res.text();
  } catch (e) {
    throw fail(describeFetchError(e, opts.timeoutMs), 'check prometheus.url and that this runner can reach it');
  }

  if (res.status >= 300 && res.status < 400) {
    const to = res.headers.get('location');
    throw fail(`HTTP ${res.status} redirect${to ? ` to ${to}` : ''}`, 'set prometheus.url to the address the server redirects to');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const type = res.headers.get('content-type') ?? 'no content type';
    throw fail(
      `HTTP ${res.status} with a body that is not JSON (${type})`,
      res.ok ? 'is prometheus.url the Prometheus server (not Grafana or a login page)?' : authHint(res.status),
    );
  }
  if (!res.ok) {
    const err = ErrorAnswer.safeParse(json);
    const detail = err.success ? `: ${[err.data.errorType, err.data.error].filter(Boolean).join(': ')}` : '';
    throw fail(`HTTP ${res.status}${shortDetail(detail)}`, authHint(res.status));
  }
  const ok = RangeAnswer.safeParse(json);
  if (!ok.success) {
    const err = ErrorAnswer.safeParse(json);
    if (err.success) throw fail(`status "error"${shortDetail(`: ${[err.data.errorType, err.data.error].filter(Boolean).join(': ')}`)}`);
    throw fail(`an answer of another shape (${shortValue(json, 80)})`);
  }
  return {
    series: ok.data.data.result,
    warnings: (ok.data.warnings ?? []).map((w) => `Prometheus: ${scrub(w, endpoint.secrets)}`),
  };
}

function shortDetail(s: string): string {
  return s.length > 200 ? `${s.slice(0, 199)}…` : s;
}

function authHint(status: number): string | undefined {
  if (status === 401 || status === 403) {
    return `check the credentials (${TOKEN_ENV}, or ${USER_ENV} and ${PASSWORD_ENV})`;
  }
  return undefined;
}

function describeFetchError(e: unknown, timeoutMs: number): string {
  if (e instanceof Error) {
    if (e.name === 'TimeoutError' || e.name === 'AbortError')
      return `no answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`;
    const cause = (e as { cause?: unknown }).cause;
    const code = cause && typeof cause === 'object' && 'code' in cause ? String((cause as { code: unknown }).code) : undefined;
    const causeMsg = cause instanceof Error ? cause.message : undefined;
    if (code) return `connection failed (${code})`;
    return `connection failed (${causeMsg ?? e.message})`;
  }
  return `connection failed (${String(e)})`;
}
