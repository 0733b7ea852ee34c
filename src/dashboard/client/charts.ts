// The dashboard's charts as uPlot options and data. uPlot (MIT, ~50 KB minified, canvas) is the
// bundled chart library: it draws 10,000 points in a few milliseconds, has bands (the uncertainty
// range), log scales (the lifetime curve) and a cursor we can drive from the keyboard, and needs
// nothing from the network. Colours come from CSS variables so the charts follow light and dark
// mode. Every value shown is formatted by ../format.ts, the same as the HTML around it.
import { compact, energyKwh, fmt, massG, massKg, metricValue, utcDay, utcMinute } from '../format.js';
import { commitUrl } from '../links.js';
import type { BudgetChartData, ScenarioPageData } from '../page-data.js';
import { cssVar, repoOf } from './dom.js';

/** A drawn chart and what the keyboard, the click handler and the status line need from it. */
export interface ChartSpec {
  id: string;
  opts: (width: number) => uPlot.Options;
  data: uPlot.AlignedData;
  /** Number of points a reader can step through (x values). */
  points: number;
  /** One sentence for the status line at point `idx`. */
  describe(idx: number): string;
  /** Where a click or Enter at `idx` goes (a commit page), or null. */
  href(idx: number): string | null;
  /** Where to put the cursor vertically at `idx` (the main series' value and scale). */
  yAt(idx: number): number | null;
  yScale: string;
}

interface Theme {
  fg: string;
  muted: string;
  grid: string;
  main: string;
  band: string;
  budget: string;
  warn: string;
  projection: string;
  bg: string;
  stage: (i: number, name: string) => string;
}

export function theme(): Theme {
  const stages = [1, 2, 3, 4, 5, 6, 7].map((i) => cssVar(`--c-s${i}`, '#999999'));
  return {
    fg: cssVar('--fg', '#1b1f24'),
    muted: cssVar('--muted', '#57606a'),
    grid: cssVar('--c-grid', 'rgba(0,0,0,0.1)'),
    main: cssVar('--c-main', '#0072b2'),
    band: cssVar('--c-band', 'rgba(0,114,178,0.18)'),
    budget: cssVar('--c-budget', '#d55e00'),
    warn: cssVar('--c-warn', '#b36b00'),
    projection: cssVar('--c-projection', '#009e73'),
    bg: cssVar('--bg', '#ffffff'),
    stage: (i, name) => (name === 'other' || name.startsWith('other ') ? cssVar('--c-other', '#999999') : (stages[i % stages.length] ?? '#999999')),
  };
}

const HEIGHT = 300;
/** Integer steps for an x axis of run indices, so ticks fall on runs. */
const INDEX_INCRS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000];

function axis(t: Theme, label: string, values: uPlot.Axis.Values, extra: Partial<uPlot.Axis> = {}): uPlot.Axis {
  return {
    label,
    stroke: t.fg,
    labelFont: '12px system-ui, sans-serif',
    font: '11px system-ui, sans-serif',
    grid: { stroke: t.grid, width: 1 },
    ticks: { stroke: t.grid, width: 1 },
    values,
    ...extra,
  };
}

const fmtAxis =
  (f: (v: number) => string): uPlot.Axis.Values =>
  (_u, splits) =>
    splits.map((v) => (v === null || v === undefined ? '' : f(v)));

/** The commit label of run i: `2026-03-04 · abc1234` (or the run id). */
function runLabel(d: ScenarioPageData, i: number): string {
  const t = d.runs.t[i];
  const sha = d.runs.sha[i];
  const id = sha ? sha.slice(0, 7) : d.runs.run_id[i] ? `run ${d.runs.run_id[i]}` : `run ${i + 1}`;
  const pr = d.runs.pr[i];
  return `${t === undefined ? '' : utcDay(t)} · ${id}${pr != null ? ` (#${pr})` : ''}`;
}

/** Half a run of room at both ends, so the first and last points and labels are not cut. */
const commitScale: uPlot.Scale = { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] };

/** The x axis of a chart over commits: run index, labelled with the run's date. */
function commitAxis(t: Theme, d: ScenarioPageData): uPlot.Axis {
  return axis(
    t,
    'Commit (oldest → newest)',
    (_u, splits) =>
      splits.map((i) => {
        const ts = Number.isInteger(i) ? d.runs.t[i] : undefined;
        return ts === undefined ? '' : utcDay(ts);
      }),
    { space: 90, incrs: INDEX_INCRS },
  );
}

function commitHref(d: ScenarioPageData): (idx: number) => string | null {
  return (idx) => commitUrl(repoOf(d, idx), d.runs.sha[idx]);
}

const xs = (n: number) => Array.from({ length: n }, (_, i) => i);
const allNull = (a: ReadonlyArray<number | null>) => a.every((v) => v === null);
const pointSize = (n: number) => (n <= 60 ? 7 : n <= 300 ? 5 : 3);

/** g CO2e per functional unit over commits, with the uncertainty band and the budget lines. */
export function perFuChart(d: ScenarioPageData): ChartSpec {
  const n = d.runs.t.length;
  const r = d.runs;
  const hasBand = !allNull(r.per_fu_g_low) && !allNull(r.per_fu_g_high);
  const hasBudget = !allNull(r.budget_max_g);
  const hasWarn = !allNull(r.budget_warn_g);
  const data: Array<Array<number | null>> = [xs(n), r.per_fu_g];
  if (hasBand) data.push(r.per_fu_g_low, r.per_fu_g_high);
  if (hasBudget) data.push(r.budget_max_g);
  if (hasWarn) data.push(r.budget_warn_g);
  const g = (v: number | null | undefined) => massG(v);
  return {
    id: 'per-fu',
    data: data as uPlot.AlignedData,
    points: n,
    yScale: 'y',
    yAt: (i) => r.per_fu_g[i] ?? null,
    href: commitHref(d),
    describe: (i) => {
      const lo = r.per_fu_g_low[i];
      const hi = r.per_fu_g_high[i];
      const range = lo != null && hi != null ? ` (range ${massG(lo)}–${massG(hi)})` : '';
      const budget = r.budget_max_g[i] != null ? `, budget ${massG(r.budget_max_g[i])}` : '';
      return `Run ${i + 1} of ${n}, ${runLabel(d, i)}: ${massG(r.per_fu_g[i])} CO2e per functional unit${range}${budget}, verdict ${r.verdict[i] ?? '—'}.`;
    },
    opts: (width) => {
      const t = theme();
      const series: uPlot.Series[] = [
        { label: 'Commit', value: (_u, i) => (i === null || i === undefined ? '—' : runLabel(d, i)) },
        {
          label: 'g CO2e / FU',
          stroke: t.main,
          width: 2,
          points: { show: true, size: pointSize(n), fill: t.main, stroke: t.main },
          value: (_u, v) => g(v),
        },
      ];
      const bands: uPlot.Band[] = [];
      if (hasBand) {
        series.push(
          { label: 'range low', stroke: t.band, width: 0, points: { show: false }, value: (_u, v) => g(v) },
          { label: 'range high', stroke: t.band, width: 0, points: { show: false }, value: (_u, v) => g(v) },
        );
        bands.push({ series: [3, 2], fill: t.band });
      }
      if (hasBudget) series.push({ label: 'budget', stroke: t.budget, width: 2, dash: [10, 5], points: { show: false }, value: (_u, v) => g(v) });
      if (hasWarn) series.push({ label: 'warn level', stroke: t.warn, width: 2, dash: [3, 4], points: { show: false }, value: (_u, v) => g(v) });
      return {
        width,
        height: HEIGHT,
        scales: { x: commitScale },
        axes: [commitAxis(t, d), axis(t, 'g CO2e per functional unit', fmtAxis(massG), { size: 70 })],
        series,
        bands,
        legend: { live: true },
        cursor: { drag: { x: true, y: false }, focus: { prox: 30 } },
      };
    },
  };
}

/** Energy (kWh) or CO2e (kg) per stage over commits, stacked: the top is the run's total. */
export function stageChart(d: ScenarioPageData, what: 'energy' | 'co2e'): ChartSpec {
  const n = d.runs.t.length;
  const raw = what === 'energy' ? d.stages.energy_kwh : d.stages.co2e_kg;
  const f = what === 'energy' ? energyKwh : massKg;
  const names = d.stages.names;
  // Cumulative sums, bottom stage first; a stage a run did not have adds nothing.
  const stacked: Array<Array<number | null>> = [];
  let below: number[] = new Array<number>(n).fill(0);
  raw.forEach((col) => {
    const next = below.map((b, i) => b + (col[i] ?? 0));
    stacked.push(next.map((v, i) => (raw.every((c) => c[i] === null) ? null : v)));
    below = next;
  });
  const total = (i: number) => raw.reduce((s, c) => s + (c[i] ?? 0), 0);
  // Drawn top of the stack first, each filled down to zero, so lower stages paint over upper ones.
  const order = names.map((_, k) => names.length - 1 - k);
  return {
    id: what === 'energy' ? 'stage-energy' : 'stage-co2e',
    data: [xs(n), ...order.map((k) => stacked[k]!)] as uPlot.AlignedData,
    points: n,
    yScale: 'y',
    yAt: (i) => (names.length ? (stacked[names.length - 1]![i] ?? null) : null),
    href: commitHref(d),
    describe: (i) => {
      const parts = names.map((s, k) => `${s} ${f(raw[k]![i])}`).join(', ');
      return `Run ${i + 1} of ${n}, ${runLabel(d, i)}: total ${f(total(i))}; ${parts}.`;
    },
    opts: (width) => {
      const t = theme();
      return {
        width,
        height: HEIGHT,
        scales: { x: commitScale, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.05 : 1] } },
        axes: [commitAxis(t, d), axis(t, what === 'energy' ? 'Facility energy' : 'CO2e', fmtAxis(f), { size: 70 })],
        series: [
          { label: 'Commit', value: (_u, i) => (i === null || i === undefined ? '—' : runLabel(d, i)) },
          ...order.map(
            (k): uPlot.Series => ({
              label: names[k]!,
              stroke: t.bg,
              width: 1,
              fill: t.stage(k, names[k]!),
              points: { show: false },
              // The legend shows the stage's own value, not the stacked sum.
              value: (_u, _v, _si, idx) => (idx === null || idx === undefined ? '—' : f(raw[k]![idx])),
            }),
          ),
        ],
        legend: { live: true },
        cursor: { drag: { x: true, y: false } },
      };
    },
  };
}

/** The latest card's lifetime curve (log-log), with the breakeven and the scenario's lifetime marked. */
export function lifetimeChart(d: ScenarioPageData): ChartSpec | null {
  const lt = d.lifetime;
  if (!lt || lt.inferences.length === 0) return null;
  const n = lt.inferences.length;
  const marks: Array<{ x: number; label: string; colour: keyof Theme }> = [];
  if (lt.breakeven_inferences != null && lt.breakeven_inferences > 0)
    marks.push({ x: lt.breakeven_inferences, label: `breakeven ${compact(lt.breakeven_inferences)}`, colour: 'budget' });
  if (lt.lifetime_inferences != null && lt.lifetime_inferences > 0)
    marks.push({ x: lt.lifetime_inferences, label: `scenario lifetime ${compact(lt.lifetime_inferences)}`, colour: 'projection' });
  return {
    id: 'lifetime',
    data: [lt.inferences, lt.per_fu_g],
    points: n,
    yScale: 'y',
    yAt: (i) => lt.per_fu_g[i] ?? null,
    href: () => null,
    describe: (i) => `${fmt(lt.inferences[i])} lifetime inferences: ${massG(lt.per_fu_g[i])} CO2e per functional unit.`,
    opts: (width) => {
      const t = theme();
      return {
        width,
        height: HEIGHT,
        scales: { x: { time: false, distr: 3 }, y: { distr: 3 } },
        axes: [axis(t, 'Lifetime inferences (log)', fmtAxis(compact)), axis(t, 'g CO2e per functional unit (log)', fmtAxis(massG), { size: 70 })],
        series: [
          { label: 'Inferences', value: (_u, v) => fmt(v) },
          { label: 'g CO2e / FU', stroke: t.main, width: 2, points: { show: true, size: 6, fill: t.main }, value: (_u, v) => massG(v) },
        ],
        legend: { live: true },
        cursor: { drag: { x: false, y: false } },
        hooks: {
          draw: [
            (u) => {
              const ctx = u.ctx;
              const dpr = window.devicePixelRatio || 1;
              ctx.save();
              ctx.font = `${11 * dpr}px system-ui, sans-serif`;
              ctx.lineWidth = 1.5 * dpr;
              marks.forEach((m, k) => {
                const x = u.valToPos(m.x, 'x', true);
                if (!Number.isFinite(x)) return;
                const colour = t[m.colour] as string;
                ctx.strokeStyle = colour;
                ctx.fillStyle = colour;
                ctx.setLineDash([6 * dpr, 4 * dpr]);
                ctx.beginPath();
                ctx.moveTo(x, u.bbox.top);
                ctx.lineTo(x, u.bbox.top + u.bbox.height);
                ctx.stroke();
                // Labels right of the line, or left of it in the right third (never cut at the edge).
                const right = x > u.bbox.left + u.bbox.width * 0.66;
                ctx.textAlign = right ? 'right' : 'left';
                ctx.fillText(m.label, x + (right ? -4 : 4) * dpr, u.bbox.top + (14 + k * 14) * dpr);
              });
              ctx.restore();
            },
          ],
        },
      };
    },
  };
}

/** Cumulative spend in a budget period against the budget, with the forecast at the burn rate. */
export function budgetChart(b: BudgetChartData): ChartSpec {
  const DAY = 86400;
  const start = Date.parse(b.start) / 1000;
  const end = Date.parse(b.end) / 1000;
  const now = Math.min(end, Math.max(start, Date.parse(b.now) / 1000));
  // x: period start, the end of each day so far (the last one at most `now`), period end.
  const days = b.date.map((_, i) => Math.min(start + (i + 1) * DAY, now));
  const x = [start, ...days, end];
  const last = b.cumulative[b.cumulative.length - 1] ?? 0;
  const spent = [0, ...b.cumulative, null];
  const forecast: Array<number | null> = x.map((_, i) => (i === x.length - 2 ? last : i === x.length - 1 ? b.forecast : null));
  const data: Array<Array<number | null>> = [x, spent, forecast];
  if (b.max !== null) data.push(x.map(() => b.max));
  if (b.warn !== null) data.push(x.map(() => b.warn));
  const f = (v: number | null | undefined) => metricValue(v, b.metric);
  return {
    id: b.id,
    data: data as uPlot.AlignedData,
    points: x.length - 1,
    yScale: 'y',
    yAt: (i) => spent[i] ?? null,
    href: () => null,
    describe: (i) => {
      if (i === 0) return `${utcDay(start)} (period start): nothing spent yet.`;
      const date = b.date[i - 1];
      const v = b.cumulative[i - 1];
      return date !== undefined ? `End of ${date}: ${f(v)} spent${b.max !== null ? ` of ${f(b.max)}` : ''}.` : '';
    },
    opts: (width) => {
      const t = theme();
      const series: uPlot.Series[] = [
        { label: 'Time (UTC)', value: (_u, v) => (v === null || v === undefined ? '—' : utcMinute(v)) },
        { label: 'spent', stroke: t.main, width: 2, fill: t.band, points: { show: b.date.length <= 40, size: 5, fill: t.main }, value: (_u, v) => f(v) },
        { label: 'forecast', stroke: t.projection, width: 2, dash: [2, 4], points: { show: false }, spanGaps: false, value: (_u, v) => f(v) },
      ];
      if (b.max !== null) series.push({ label: 'budget', stroke: t.budget, width: 2, dash: [10, 5], points: { show: false }, value: (_u, v) => f(v) });
      if (b.warn !== null) series.push({ label: 'warn level', stroke: t.warn, width: 2, dash: [3, 4], points: { show: false }, value: (_u, v) => f(v) });
      return {
        width,
        height: HEIGHT,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
        scales: { x: { time: true, range: [start, end] }, y: { range: (_u, _min, max) => [0, Math.max(max, b.max ?? 0, b.forecast) * 1.08 || 1] } },
        axes: [axis(t, 'Day (UTC)', (_u, splits) => splits.map((v) => utcDay(v).slice(5)), { space: 60 }), axis(t, 'Cumulative', fmtAxis(f), { size: 70 })],
        series,
        legend: { live: true },
        cursor: { drag: { x: false, y: false } },
      };
    },
  };
}
