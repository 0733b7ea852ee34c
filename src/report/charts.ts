// Mermaid charts for report.md and the PR comment (GitHub renders ```mermaid blocks): stage
// breakdown (pie), per-FU carbon vs lifetime inferences (xychart-beta line, breakeven marked),
// the tornado (horizontal bar of swings), and head vs base (bar). Pure: card in, text out.
// Mermaid's grammars are narrow, so numbers are written as plain decimals (xychart-beta and pie
// reject exponents like 1.5e-7) and labels are stripped of quotes and line breaks.
import type { ModelCard } from './card-schema.js';
import type { Comparison } from '../compare/schema.js';

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

/** `5e9`, `2.5e10`: a compact axis label for an inference count. */
export function compactCount(x: number): string {
  if (!Number.isFinite(x) || x <= 0) return String(x);
  const e = Math.floor(Math.log10(x));
  const m = x / 10 ** e;
  const mant = Number(m.toPrecision(2));
  return mant === 10 ? `1e${e + 1}` : `${mant}e${e}`;
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

/** Pie of lifecycle CO2e per stage (kg); null when there is nothing to split. */
export function stagePie(card: ModelCard): string | null {
  const rows = Object.entries(card.stages).filter(([, s]) => s.co2e_kg > 0);
  if (rows.length === 0) return null;
  return [
    'pie showData',
    `  title ${mermaidLabel(`CO2e by stage (kg), ${card.scenario.name}`)}`,
    ...rows.map(([name, s], i) => `  "${labelOr(mermaidLabel(name), `stage ${i + 1}`)}" : ${plainNumber(s.co2e_kg, 6)}`),
  ].join('\n');
}

/**
 * Per-FU carbon over lifetime inferences. The x axis is categorical (xychart-beta has no log
 * axis): the decades 1e6..1e12 plus the scenario value and the breakeven, in order, so it reads
 * as a log axis. The y values are log10 of g CO2e per FU because the amortized term falls by
 * six orders of magnitude over that range; a second line is the per-inference floor
 * (marginal + embodied): the curve crosses twice the floor at the breakeven.
 */
export function lifetimeChart(card: ModelCard): string | null {
  const curve = card.interpretation.lifetime_curve ?? [];
  if (curve.length < 2) return null;
  const fu = card.per_functional_unit;
  const floor = fu.marginal_co2e_g + fu.embodied_co2e_g;
  const values = curve.map((p) => p.co2e_g_per_fu);
  const log = values.every((v) => v > 0);
  const y = (v: number) => (log ? plainNumber(Math.log10(v), 4) : plainNumber(v, 4));
  const labels = curve.map((p) => `"${compactCount(p.inferences)}${p.label ? ` ${p.label}` : ''}"`);
  const lines = [
    'xychart-beta',
    `  title "${mermaidLabel(`Per-FU CO2e vs lifetime inferences${log ? ' (log10 g)' : ' (g)'}${floor > 0 ? ', flat line = per-inference floor' : ''}`, 100)}"`,
    `  x-axis "lifetime inferences" [${labels.join(', ')}]`,
    `  y-axis "${log ? 'log10 g CO2e per FU' : 'g CO2e per FU'}"`,
    `  line [${values.map(y).join(', ')}]`,
  ];
  if (floor > 0) lines.push(`  line [${values.map(() => y(floor)).join(', ')}]`);
  return lines.join('\n');
}

/** Tornado: swing of per-FU CO2e per parameter (low to high), largest first. */
export function tornadoChart(card: ModelCard): string | null {
  const rows = card.interpretation.sensitivity.filter((s) => (s.swing_per_fu_co2e_g ?? Math.abs(s.per_fu_co2e_g_high - s.per_fu_co2e_g_low)) > 0);
  if (rows.length === 0) return null;
  const swing = (s: (typeof rows)[number]) => s.swing_per_fu_co2e_g ?? Math.abs(s.per_fu_co2e_g_high - s.per_fu_co2e_g_low);
  return [
    'xychart-beta horizontal',
    `  title "Sensitivity: swing of g CO2e per FU"`,
    `  x-axis [${rows.map((s, i) => `"${labelOr(mermaidLabel(s.parameter, 40), `parameter ${i + 1}`)}"`).join(', ')}]`,
    `  y-axis "g CO2e per FU (high − low)"`,
    `  bar [${rows.map((s) => plainNumber(swing(s), 4)).join(', ')}]`,
  ].join('\n');
}

/**
 * Head vs base, one bar per (metric, side): stage and total CO2e in kg. One bar series with
 * "base"/"head" categories side by side, because xychart-beta draws several bar series on top
 * of each other.
 */
export function headVsBaseChart(comparison: Comparison | null): string | null {
  if (!comparison?.comparable) return null;
  const rows = comparison.metrics.filter((m) => /^(stages\.[^.]+|totals)\.co2e_kg$/.test(m.metric) && m.base !== null && m.head !== null);
  if (rows.length === 0) return null;
  const name = (metric: string) => (metric === 'totals.co2e_kg' ? 'total' : (metric.split('.')[1] ?? metric));
  const cats: string[] = [];
  const vals: string[] = [];
  for (const m of rows) {
    cats.push(`"${mermaidLabel(`${name(m.metric)} base`, 40)}"`, `"${mermaidLabel(`${name(m.metric)} head`, 40)}"`);
    vals.push(plainNumber(m.base ?? 0, 6), plainNumber(m.head ?? 0, 6));
  }
  return ['xychart-beta', '  title "Head vs base: kg CO2e"', `  x-axis [${cats.join(', ')}]`, '  y-axis "kg CO2e"', `  bar [${vals.join(', ')}]`].join('\n');
}

/** Every chart the card has data for, as fenced mermaid blocks keyed by kind. */
export function mermaidCharts(card: ModelCard): { stages: string | null; lifetime: string | null; tornado: string | null; headVsBase: string | null } {
  return { stages: stagePie(card), lifetime: lifetimeChart(card), tornado: tornadoChart(card), headVsBase: headVsBaseChart(card.comparison) };
}
