// queryPrometheus: energy of a stage measured by DCGM exporter through Prometheus.
// window (scenario or env) -> query plan (11,000-point limit) -> range queries of the energy
// counter and the power gauge -> one device-scope Source with devices keyed host/gpu.
import type { Source } from '../source.js';
import type { PrometheusSource } from '../../scenario/schema.js';
import { DEFAULT_TIMEOUT_MS, makeEndpoint, queryRange, scrub, type MatrixSeries, type PrometheusAuth } from './client.js';
import { COUNTER_METRIC, GAUGE_METRIC, toSource } from './convert.js';
import { planQueries } from './plan.js';
import { resolveJobWindow } from './window.js';

export { COUNTER_METRIC, GAUGE_METRIC, gpuIdentity } from './convert.js';
export { MAX_POINTS_PER_SERIES, DEFAULT_STEP_S, planQueries } from './plan.js';
export { parseInstant, resolveJobWindow, JOB_START_ENV, JOB_END_ENV } from './window.js';
export { TOKEN_ENV, USER_ENV, PASSWORD_ENV, type PrometheusAuth } from './client.js';

export interface QueryPrometheusOptions {
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** The environment as the shell passes it (ML_LCA_JOB_START/END, ML_LCA_PROMETHEUS_*). */
  env?: Record<string, string | undefined>;
  /** From action inputs; wins over the environment. */
  auth?: PrometheusAuth;
  /** Per request (each range query), including reading the answer. Default 30 s. */
  timeoutMs?: number;
  now?: Date;
}

/** A PrometheusSource as parsed (selector defaulted) or as written (selector optional). */
export type PrometheusSourceInput = Omit<PrometheusSource, 'selector'> & { selector?: string | undefined };

export async function queryPrometheus(src: PrometheusSourceInput, opts: QueryPrometheusOptions = {}): Promise<Source> {
  const env = opts.env ?? {};
  const now = opts.now ?? new Date();
  const doFetch = opts.fetch ?? globalThis.fetch;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const selector = normaliseSelector(src.selector);

  const endpoint = makeEndpoint(src.url, opts.auth, env);
  const window = resolveJobWindow(src.job_window, env, now);
  const plan = planQueries(window.startMs, window.endMs, src.step_s);

  const warnings = [...window.warnings, ...plan.warnings];
  const run = async (metric: string): Promise<MatrixSeries[]> => {
    const all: MatrixSeries[] = [];
    // Sequential on purpose: one server, bounded load, and errors surface in order.
    for (const range of plan.ranges) {
      const r = await queryRange(endpoint, `${metric}${selector}`, range, plan.step_s, { fetch: doFetch, timeoutMs });
      all.push(...r.series);
      for (const w of r.warnings) if (!warnings.includes(w)) warnings.push(w);
    }
    return all;
  };
  const counter = await run(COUNTER_METRIC);
  const gauge = await run(GAUGE_METRIC);

  const source = toSource({
    counter,
    gauge,
    startMs: window.startMs,
    endMs: window.endMs,
    step_s: plan.step_s,
    path: `prometheus:${endpoint.base}${selector}`,
    selector,
    warnings,
  });
  // Labels come from the server; scrub anyway so no secret can ride along into a card.
  source.warnings = source.warnings.map((w) => scrub(w, endpoint.secrets));
  return source;
}

/** `{}`-style selector; a bare `job="x"` gets braces. */
function normaliseSelector(selector: string | undefined): string {
  const s = (selector ?? '{}').trim();
  if (s === '') return '{}';
  return s.startsWith('{') ? s : `{${s}}`;
}
