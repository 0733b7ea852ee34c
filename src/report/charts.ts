// Mermaid charts for report.md and the PR comment (GitHub renders ```mermaid blocks): stage
// breakdown (pie), per-FU carbon vs lifetime inferences (xychart-beta line, breakeven and the
// scenario marked once), the tornado (horizontal bar of swings), and head vs base (bars and a
// reference line). Pure: card in, text out.
// Every chart starts with an explicit theme (`%%{init}%%`): a mid-tone blue main series and grey
// references that keep a contrast of at least 3:1 on GitHub's light (#ffffff) and dark (#0d1117)
// backgrounds, grey text that reads on both, and a transparent background. Axes are in real
// units (g CO2e per FU, SI-prefixed), never log10 values a reader must convert.
// Mermaid's grammars are narrow, so numbers are written as plain decimals (xychart-beta and pie
// reject exponents like 1.5e-7) and labels are stripped of quotes, line breaks and `%`.
import type { ModelCard } from './card-schema.js';
import type { Comparison } from '../compare/schema.js';
import { compact, scaleFor } from './format.js';

/** Chart colours (WCAG contrast on #ffffff / #0d1117 in brackets). */
export const CHART_COLORS = {
  /** The main series (4.6:1 / 4.1:1). */
  main: '#1f6feb',
  /** References: base, floor, limits (3.0:1 / 6.2:1). */
  reference: '#8c959f',
  /** Titles, axes, labels (4.6:1 / 4.2:1). */
  text: '#6e7781',
  /** Pie slices: each 3:1 or more on both backgrounds, white text on each. */
  slices: ['#1f6feb', '#bc4c00', '#8250df', '#1a7f37', '#bf3989', '#9a6700', '#cf222e', '#6e7781'],
} as const;

/**
 * The `%%{init}%%` line of every chart: theme `base` with our colours, so GitHub's light and dark
 * themes both read; `xy` for xychart-beta, `pie` for pie charts.
 */
export function themeDirective(kind: 'xy' | 'pie' = 'xy'): string {
  const c = CHART_COLORS;
  const common = { background: 'transparent', primaryTextColor: c.text, textColor: c.text, titleColor: c.text };
  if (kind === 'pie') {
    const slices = Object.fromEntries(c.slices.map((color, i) => [`pie${i + 1}`, color]));
    const vars = {
      ...common,
      ...slices,
      pieTitleTextColor: c.text,
      pieLegendTextColor: c.text,
      pieSectionTextColor: '#ffffff',
      pieStrokeColor: '#ffffff',
      pieOuterStrokeColor: c.text,
    };
    return `%%{init: ${JSON.stringify({ theme: 'base', themeVariables: vars })}}%%`;
  }
  const axis = (a: 'x' | 'y') => ({
    [`${a}AxisLabelColor`]: c.text,
    [`${a}AxisTitleColor`]: c.text,
    [`${a}AxisTickColor`]: c.text,
    [`${a}AxisLineColor`]: c.text,
  });
  const xyChart = { backgroundColor: 'transparent', titleColor: c.text, ...axis('x'), ...axis('y'), plotColorPalette: `${c.main}, ${c.reference}` };
  const config = { xyChart: { width: 720, height: 400, titleFontSize: 16, xAxis: { labelFontSize: 13 }, yAxis: { labelFontSize: 13, titleFontSize: 14 } } };
  return `%%{init: ${JSON.stringify({ theme: 'base', themeVariables: { ...common, xyChart }, ...config })}}%%`;
}

/** A finite number as a plain decimal with `sig` significant digits, never in exponent form. */
export function plainNumber(x: number, sig = 4): string {
  if (!Number.isFinite(x) || x === 0) return '0';
  const mag = Math.floor(Math.log10(Math.abs(x)));
  const decimals = Math.min(20, Math.max(0, sig - 1 - mag));
  const rounded = Number(x.toPrecision(sig));
  let s = rounded.toFixed(decimals);
  if (s.includes('e')) s = BigInt(rounded).toString(); // toFixed switches to exponent at 1e21
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

/** `5M`, `2.5B`: a compact label for an inference count (the report's compact count style). */
export function compactCount(x: number): string {
  if (!Number.isFinite(x) || x <= 0) return String(x);
  return compact(x);
}

/** A label inside mermaid double quotes (or a bare title): no quotes, no line breaks, bounded. */
export function mermaidLabel(text: string, max = 60): string {
  const clean = text
    .replace(/[\r\n\t\v\f\u2028\u2029]+/g, ' ')
    .replace(/["`]/g, "'")
    .replace(/[;#%{}<>\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/**
 * A label that cleaned to nothing (`%%`, a backslash, a tab, U+2028: a card from outside can
 * hold any text) gets a neutral name: an empty `""` label breaks or blanks the chart.
 */
function labelOr(label: string, fallback: string): string {
  return label === '' ? fallback : label;
}

export function mermaidBlock(diagram: string): string {
  return `\`\`\`mermaid\n${diagram}\n\`\`\`\n`;
}

/** A round number at or above v (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k): an axis top that reads well. */
export function niceCeil(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8]) if (v <= m * p * (1 + 1e-12)) return Number((m * p).toPrecision(6));
  return 10 * p;
}

/** Pie of lifecycle CO2e per stage, in one unit for all slices; null when there is nothing to split. */
export function stagePie(card: ModelCard): string | null {
  const rows = Object.entries(card.stages).filter(([, s]) => s.co2e_kg > 0);
  if (rows.length === 0) return null;
  const sc = scaleFor(
    rows.map(([, s]) => s.co2e_kg),
    'kg CO2e',
  );
  const divisor = sc.divisor;
  return [
    themeDirective('pie'),
    'pie showData',
    `  title ${mermaidLabel(`${sc.unit} by stage, ${card.scenario.name}`)}`,
    ...rows.map(([name, s], i) => `  "${labelOr(mermaidLabel(name), `stage ${i + 1}`)}" : ${plainNumber(s.co2e_kg / divisor, 3)}`),
  ].join('\n');
}

/** At most this many categories on a categorical x axis: more collide at comment width. */
const MAX_CATEGORIES = 7;

/**
 * The points the lifetime chart shows: the scenario and the breakeven (marked once each) and the
 * decades around them, from a tenth of the smaller to a hundred times the larger; a decade that
 * sits next to a marked point (within a factor of 2) is left out so the labels do not collide.
 */
export function lifetimePoints(card: ModelCard): NonNullable<ModelCard['interpretation']['lifetime_curve']> {
  const curve = (card.interpretation.lifetime_curve ?? []).filter((p) => p.inferences > 0 && Number.isFinite(p.co2e_g_per_fu));
  const marked = curve.filter((p) => p.label);
  if (marked.length === 0) return curve.slice(0, MAX_CATEGORIES);
  const lo = Math.min(...marked.map((p) => p.inferences)) / 10;
  const hi = Math.max(...marked.map((p) => p.inferences)) * 100;
  const near = (x: number) => marked.some((m) => m.inferences !== x && Math.max(m.inferences, x) / Math.min(m.inferences, x) < 2);
  const kept = curve.filter((p) => p.label || (p.inferences >= lo && p.inferences <= hi && !near(p.inferences)));
  // Too many: drop decades from the far end (the flat tail says least), never a marked point.
  while (kept.length > MAX_CATEGORIES) {
    const i = kept.map((p, j) => (p.label ? -1 : j)).filter((j) => j >= 0);
    kept.splice(i[i.length - 1]!, 1);
  }
  return kept;
}

/**
 * Per-FU carbon over lifetime inferences, y in real units (g CO2e per FU, SI-prefixed for the
 * whole axis) from 0, x categorical (xychart-beta has no log axis): `lifetimePoints`, labelled
 * compactly (`2.5M`), the breakeven and the scenario named once. A second, grey line is the
 * per-inference floor (marginal + embodied): the curve is twice the floor at the breakeven.
 */
export function lifetimeChart(card: ModelCard): string | null {
  const points = lifetimePoints(card);
  if (points.length < 2) return null;
  const fu = card.per_functional_unit;
  const floor = fu.marginal_co2e_g + fu.embodied_co2e_g;
  const values = points.map((p) => p.co2e_g_per_fu);
  const sc = scaleFor([...values, floor], 'g CO2e');
  const divisor = sc.divisor;
  const y = (v: number) => plainNumber(v / divisor, 3);
  const top = niceCeil(Math.max(...values, floor) / divisor);
  const labels = points.map((p) => `"${compactCount(p.inferences)}${p.label ? ` ${p.label}` : ''}"`);
  const lines = [
    themeDirective(),
    'xychart-beta',
    `  title "${mermaidLabel(`${sc.unit} per FU vs lifetime inferences${floor > 0 ? ' (grey: per-inference floor)' : ''}`, 100)}"`,
    `  x-axis "lifetime inferences" [${labels.join(', ')}]`,
    `  y-axis "${mermaidLabel(`${sc.unit} per FU`)}" 0 --> ${plainNumber(top, 6)}`,
    `  line [${values.map(y).join(', ')}]`,
  ];
  if (floor > 0) lines.push(`  line [${values.map(() => y(floor)).join(', ')}]`);
  return lines.join('\n');
}

/** Short names for the tornado's axis; the parameter path for anything else. */
const PARAMETER_NAMES: Record<string, string> = {
  'deployment.lifetime_inferences': 'lifetime inferences',
  'grid.intensity_g_per_kwh': 'grid intensity',
  pue: 'PUE',
  it_overhead_factor: 'IT overhead',
  'hardware.embodied_kg': 'embodied per device',
  'hardware.host_embodied_kg': 'server embodied',
  'hardware.lifespan_years': 'hardware lifespan',
  'hardware.power_w': 'device power',
  wue_l_per_kwh: 'WUE',
};

/** A parameter path in words for a chart axis or a table (`grid intensity`); the path when unknown. */
export function parameterName(path: string): string {
  return Object.hasOwn(PARAMETER_NAMES, path) ? PARAMETER_NAMES[path]! : path;
}

/** Tornado: swing of per-FU CO2e per parameter (low to high), largest first, in one unit. */
export function tornadoChart(card: ModelCard): string | null {
  const swing = (s: ModelCard['interpretation']['sensitivity'][number]) => s.swing_per_fu_co2e_g ?? Math.abs(s.per_fu_co2e_g_high - s.per_fu_co2e_g_low);
  const rows = card.interpretation.sensitivity
    .filter((s) => swing(s) > 0)
    .sort((a, b) => swing(b) - swing(a))
    .slice(0, 8);
  if (rows.length === 0) return null;
  const sc = scaleFor(rows.map(swing), 'g CO2e');
  const divisor = sc.divisor;
  const top = niceCeil(swing(rows[0]!) / divisor);
  return [
    themeDirective(),
    'xychart-beta horizontal',
    `  title "${mermaidLabel(`Sensitivity: swing of ${sc.unit} per FU, low to high`)}"`,
    `  x-axis [${rows.map((s, i) => `"${labelOr(mermaidLabel(parameterName(s.parameter), 32), `parameter ${i + 1}`)}"`).join(', ')}]`,
    `  y-axis "${mermaidLabel(`${sc.unit} per FU`)}" 0 --> ${plainNumber(top, 6)}`,
    `  bar [${rows.map((s) => plainNumber(swing(s) / divisor, 3)).join(', ')}]`,
  ].join('\n');
}

/**
 * Head vs base CO2e per stage: head as bars (the main series), base as a grey reference line.
 * Stages only (the total is in the headline); null with fewer than two stages or no comparison.
 */
export function headVsBaseChart(comparison: Comparison | null): string | null {
  if (!comparison?.comparable) return null;
  const rows = comparison.metrics
    .filter((m) => /^stages\.[^.]+\.co2e_kg$/.test(m.metric) && m.base !== null && m.head !== null)
    .sort((a, b) => (b.head ?? 0) - (a.head ?? 0))
    .slice(0, MAX_CATEGORIES);
  if (rows.length < 2) return null;
  const name = (metric: string) => metric.slice('stages.'.length, -'.co2e_kg'.length);
  const sc = scaleFor(
    rows.flatMap((m) => [m.base, m.head]),
    'kg CO2e',
  );
  const divisor = sc.divisor;
  const top = niceCeil(Math.max(...rows.flatMap((m) => [m.base ?? 0, m.head ?? 0])) / divisor);
  return [
    themeDirective(),
    'xychart-beta',
    `  title "${mermaidLabel(`${sc.unit} per stage: head (bars) vs base (grey line)`)}"`,
    `  x-axis [${rows.map((m, i) => `"${labelOr(mermaidLabel(name(m.metric), 24), `stage ${i + 1}`)}"`).join(', ')}]`,
    `  y-axis "${mermaidLabel(sc.unit)}" 0 --> ${plainNumber(top, 6)}`,
    `  bar [${rows.map((m) => plainNumber((m.head ?? 0) / divisor, 4)).join(', ')}]`,
    `  line [${rows.map((m) => plainNumber((m.base ?? 0) / divisor, 4)).join(', ')}]`,
  ].join('\n');
}

/** Every chart the card has data for, keyed by kind (diagram text, without the fence). */
export function mermaidCharts(card: ModelCard): { stages: string | null; lifetime: string | null; tornado: string | null; headVsBase: string | null } {
  return { stages: stagePie(card), lifetime: lifetimeChart(card), tornado: tornadoChart(card), headVsBase: headVsBaseChart(card.comparison) };
}
