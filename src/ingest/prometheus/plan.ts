// Query planning for /api/v1/query_range. Prometheus refuses a range query that would return
// more than 11,000 points per series ("exceeded maximum resolution of 11,000 points per
// timeseries"). We keep the requested resolution by splitting the window into several
// queries, and only when that would take too many requests do we coarsen the step.

/** Prometheus' hard limit per range query (web/api/v1/api.go, queryRange: "exceeded maximum resolution"). */
export const MAX_POINTS_PER_SERIES = 11_000;
/** Default step when the scenario gives none: a common DCGM exporter scrape interval. */
export const DEFAULT_STEP_S = 15;
/** More requests than this per metric and we coarsen the step instead (a 15 s step covers ~45 days). */
export const MAX_QUERIES = 24;

export interface QueryRange {
  /** Epoch seconds; both ends are evaluated (Prometheus evaluates start, start+step, ..., <= end). */
  start_s: number;
  end_s: number;
}

export interface QueryPlan {
  step_s: number;
  ranges: QueryRange[];
  /** Number of evaluation points per series over the whole window. */
  points: number;
  warnings: string[];
}

/**
 * Split [startMs, endMs] into range queries of at most MAX_POINTS_PER_SERIES points each.
 * The ranges tile the step grid start, start+step, ... without overlap, so concatenating their
 * points gives the same series as one unlimited query.
 */
export function planQueries(startMs: number, endMs: number, requestedStep_s?: number): QueryPlan {
  const warnings: string[] = [];
  const start_s = startMs / 1000;
  const end_s = endMs / 1000;
  const window_s = end_s - start_s;
  let step_s = requestedStep_s ?? DEFAULT_STEP_S;
  // Prometheus rejects steps below 1 ms; sub-second steps are never useful for energy.
  if (step_s < 1) step_s = 1;
  let points = Math.floor(window_s / step_s) + 1;
  const maxPoints = MAX_POINTS_PER_SERIES * MAX_QUERIES;
  if (points > maxPoints) {
    const coarser = Math.ceil(window_s / (maxPoints - 1));
    warnings.push(
      `step ${step_s} s over a ${formatDuration(window_s)} window needs more than ${MAX_QUERIES} queries of ${MAX_POINTS_PER_SERIES} points; step raised to ${coarser} s (power-gauge energy is less exact at a coarse step; counters are not affected)`,
    );
    step_s = coarser;
    points = Math.floor(window_s / step_s) + 1;
  }
  const ranges: QueryRange[] = [];
  for (let first = 0; first < points; first += MAX_POINTS_PER_SERIES) {
    const last = Math.min(points, first + MAX_POINTS_PER_SERIES) - 1;
    ranges.push({ start_s: start_s + first * step_s, end_s: start_s + last * step_s });
  }
  return { step_s, ranges, points, warnings };
}

export function formatDuration(s: number): string {
  if (s < 120) return `${Math.round(s)} s`;
  if (s < 2 * 3600) return `${Math.round(s / 60)} min`;
  if (s < 72 * 3600) return `${(s / 3600).toFixed(1)} h`;
  return `${(s / 86400).toFixed(1)} d`;
}
