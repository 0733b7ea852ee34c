// report.md, the PR comment body (without the marker) and the job summary: card in, markdown
// out, nothing else. Written for a reviewer (issue 17): one screen first (the verdict with its
// reason, the headline per functional unit and total with the change against the base, what
// changed most, where each budget stands, the data-quality errors), then everything else in
// collapsed `<details>` sections whose summaries already say what is inside.
// Every string that came from a user, a log or a card goes through escape.ts; numbers through
// format.ts (one style everywhere).
import { markdownTable } from 'markdown-table';
import type { ModelCard } from './card-schema.js';
import type { BudgetResult, ComparedMetric, Comparison } from '../compare/schema.js';
import { clipText, escapeCode, escapeHtml, escapeMarkdown as esc, withoutUrls } from './escape.js';
import { count, deltaPct, fmt, NBSP, pair, param, pct, percent, qty, qtyParam, range, scaleFor, unitOf } from './format.js';
import { interpretationParts } from './interpretation-md.js';
import { ledgerLinesForCard, ledgerSectionForCard } from '../ledger/render.js';
import { renderClusterSection } from './cluster-md.js';
import { SOURCES } from '../data/sources.js';
import { attentionOf } from './attention.js';
import { labelOf } from '../compare/metrics.js';
import { headVsBaseChart, lifetimeChart, mermaidBlock, parameterName, stagePie, tornadoChart } from './charts.js';
import { changeWord } from './compare-text.js';

/** GitHub rejects comment bodies over 65,536 characters. */
export const COMMENT_MAX_CHARS = 65_536;

const ICON = { pass: '✅', warn: '⚠️', fail: '❌', incomplete: '⛔' } as const;

/** Above the fold: at most this many lines of budgets, of data-quality errors, of rows in the change table. */
const TOP_BUDGETS = 5;
const TOP_ERRORS = 3;
const TOP_CHANGES = 5;
/** Widest table cell for a name (stage, host) or a path, in characters: wider ones overflow 800 px. */
const NAME_MAX = 28;
const PATH_MAX = 44;
/** Logs listed in the comment; a fork's hundreds of shards are in the card JSON. */
const LOGS_MAX = 50;

/** A collapsed section: `summary` is HTML (GitHub renders no markdown there), `body` markdown. */
interface Section {
  title: string;
  summary: string;
  body: string;
}

/**
 * The whole report. With `maxChars`, detail sections are dropped from the end until it fits;
 * the part above the fold (verdict, headline, budgets) is never dropped.
 */
export function renderReport(card: ModelCard, opts: { maxChars?: number } = {}): string {
  const footer = `<sub>ml-lca ${esc(card.tool.version)} · model card schema ${esc(card.schema_version)} · ${esc(card.created_at)}</sub>\n`;
  return fit(aboveTheFold(card), detailSections(card), footer, opts.maxChars ?? Number.POSITIVE_INFINITY);
}

function renderSection(s: Section): string {
  return `<details><summary><b>${escapeHtml(s.title)}</b>${s.summary ? ` · ${s.summary}` : ''}</summary>\n\n${s.body.trimEnd()}\n\n</details>\n`;
}

function fit(head: string, details: Section[], footer: string, maxChars: number): string {
  const join = (kept: Section[], note: string) => [head, ...kept.map(renderSection), note, footer].filter((x) => x !== '').join('\n');
  const kept = [...details];
  const dropped: string[] = [];
  let out = join(kept, '');
  while (out.length > maxChars && kept.length > 0) {
    dropped.unshift(kept.pop()!.title);
    out = join(kept, `> Trimmed to fit ${count(maxChars)} characters: ${dropped.join(', ')} omitted; the model card JSON has every value.\n`);
  }
  if (out.length <= maxChars) return out;
  // Only the part above the fold is left and it is still too long: keep its beginning, where the verdict is.
  const cut = '\n\n> Trimmed: the rest is in the model card JSON.\n';
  return `${head.slice(0, Math.max(0, maxChars - cut.length))}${cut}`;
}

// --- Above the fold -------------------------------------------------------------------------

function aboveTheFold(card: ModelCard): string {
  const name = esc(clipText(card.scenario.name, 60));
  const lines = [`## ${ICON[card.verdict]} ml-lca: ${name}: ${card.verdict.toUpperCase()} — ${verdictReason(card)}`];
  // What a reader must see before any number (issue 12): the stages that could not be measured,
  // then the data-quality errors that change the result.
  lines.push(...incompleteBlock(card), ...errorsBlock(card));
  lines.push('', ...headline(card));
  const changes = changesBlock(card.comparison);
  if (changes.length) lines.push('', ...changes);
  const budgets = budgetLines(card, card.verdict === 'incomplete');
  lines.push('', ...(budgets.length ? budgets : ['No budgets set.']));
  return `${lines.join('\n')}\n`;
}

/** Why the verdict is what it is, in a few words (markdown, escaped). */
function verdictReason(card: ModelCard): string {
  const a = attentionOf(card);
  if (card.verdict === 'incomplete' || a.incomplete.length > 0) {
    const names = a.incomplete.map((i) => escapeCode(clipText(i.stage, NAME_MAX)));
    const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
    return `the energy of ${names.length === 1 ? 'stage' : 'stages'} ${shown} could not be determined, so this check cannot pass`;
  }
  const at = (status: 'fail' | 'warn') => card.budgets.filter((b) => b.status === status && b.actual !== null);
  for (const status of ['fail', 'warn'] as const) {
    const hit = at(status);
    if (hit.length === 0) continue;
    if (hit.length > 1) return `${hit.length} budgets are over their ${status === 'fail' ? 'limits' : 'warning levels'}`;
    const b = hit[0]!;
    const what = b.kind === 'period' ? `the period budget on ${esc(labelOf(b.metric))}` : esc(labelOf(b.metric));
    const over = status === 'fail' ? 'over its limit' : 'above its warning level';
    return b.kind === 'regression' ? `${what} rose ${deltaPct(b.actual)} vs base, ${over}` : `${what} is ${over}`;
  }
  const unchecked = card.budgets.filter((b) => b.status !== 'pass');
  if (unchecked.length > 0) return `${unchecked.length === 1 ? 'a budget' : `${unchecked.length} budgets`} could not be checked`;
  if (card.budgets.length === 0) return 'no budgets set';
  return card.budgets.length === 1 ? 'within its budget' : `within all ${card.budgets.length} budgets`;
}

/** The stages whose energy is unknown (issue 12): stage, file, why, fix; right under the verdict. */
function incompleteBlock(card: ModelCard): string[] {
  const a = attentionOf(card);
  if (a.incomplete.length === 0) return [];
  const shown = a.incomplete.slice(0, TOP_BUDGETS);
  return [
    '',
    ...shown.map((i) => {
      const c = i.completeness;
      const file = c.file ? `${escapeCode(c.file)}: ` : '';
      return `- ⛔ **${esc(i.stage)}**: ${file}${esc(c.reason ?? 'energy unknown')}. **Fix:** ${esc(c.fix ?? 'give the stage a log with usable energy')}`;
    }),
    ...(a.incomplete.length > shown.length ? [`- ⛔ and ${a.incomplete.length - shown.length} more stages: see Data quality below`] : []),
    '',
    '_The figures below leave out (or only estimate) what could not be measured._',
  ];
}

/** The data-quality errors and rejected rows that change the result; the rest is in Data quality. */
function errorsBlock(card: ModelCard): string[] {
  const a = attentionOf(card);
  const items = [...a.errors.map((e) => `- ❗ ${esc(e)}`), ...a.rejected.map((r) => `- ✂️ ${escapeCode(r.file)} (stage ${esc(r.stage)}): ${esc(r.text)}`)];
  if (items.length === 0) return [];
  const shown = items.slice(0, TOP_ERRORS);
  return [
    '',
    '**Data quality that changes the result:**',
    '',
    ...shown,
    ...(items.length > shown.length ? [`- and ${items.length - shown.length} more in Data quality below`] : []),
  ];
}

/** Per functional unit and total, each with its change against the base; then the other totals. */
function headline(card: ModelCard): string[] {
  const s = card.scenario;
  const fu = card.per_functional_unit;
  const t = card.totals;
  const u = card.interpretation.uncertainty;
  const c = card.comparison;
  const metric = (path: string) => (c?.comparable ? c.metrics.find((m) => m.metric === path) : undefined);
  // A point says so instead of printing `x–x` (every input stated, none with a range).
  const rangeText =
    u.co2e_kg_low === u.co2e_kg_high ? 'no range: every input it rests on is stated without one' : `range ${range(u.co2e_kg_low, u.co2e_kg_high, 'kg CO2e')}`;
  const lines = [
    `${headValue(fu.co2e_g, 'g CO2e', metric('per_functional_unit.co2e_g'))} per functional unit${changeText(metric('per_functional_unit.co2e_g'), 'g CO2e')}\\`,
    `${headValue(t.co2e_kg, 'kg CO2e', metric('totals.co2e_kg'))} over the assessed stages (${rangeText})${changeText(metric('totals.co2e_kg'), 'kg CO2e')}\\`,
    [
      `FU: ${esc(s.functional_unit.description)} (${count(s.functional_unit.inferences)} inferences)`,
      `${qty(t.energy_kwh, 'kWh')} facility energy`,
      `${qty(t.water_l, 'L')} water`,
      ...(t.cost_usd !== null ? [qty(t.cost_usd, 'USD')] : []),
      `lifetime (${count(card.lifetime.inferences)} inferences) ${qty(card.lifetime.co2e_kg, 'kg CO2e')}`,
    ].join(' · '),
  ];
  const note = comparisonNote(c, card.warnings);
  if (note) lines.push('', note);
  return lines;
}

/** The head value in bold, with 4 figures where the change needs them. */
function headValue(value: number, unit: string, m: ComparedMetric | undefined): string {
  if (!m || m.base === null || m.head === null) return `**${qty(value, unit)}**`;
  const p = pair(m.base, m.head, unit);
  return `**${p.head}${NBSP}${p.unit}**`;
}

/** ` ▲ +16.3 % vs base 10.7 g, worse, beyond noise (±0.2 g)`; empty without a comparable base value. */
function changeText(m: ComparedMetric | undefined, unit: string): string {
  if (!m || m.base === null || m.head === null || m.delta === null) return '';
  const p = pair(m.base, m.head, unit);
  const arrow = m.delta > 0 ? '▲' : m.delta < 0 ? '▼' : '=';
  // The base and the band without "CO2e": the value just before says what is measured.
  const short = (text: string) => text.replace(/ CO2e$/, '');
  const band = short(scaleFor([m.base, m.head], unit).withUnit(m.noise_band));
  const noise = m.within_noise === true ? `, within noise (±${band})` : m.within_noise === false ? `, beyond noise (±${band})` : '';
  const dir = changeWord(m);
  return ` ${arrow} ${deltaPct(m.delta_pct)} vs base ${short(`${p.base}${NBSP}${p.unit}`)}${m.within_noise ? '' : `, ${dir}`}${noise}`;
}

/** Why nothing was compared, or that the base is not comparable. */
function comparisonNote(c: Comparison | null, warnings: readonly string[]): string | null {
  if (!c) {
    const w = warnings.find((x) => x.startsWith('No baseline:'));
    return w ? `ℹ️ ${esc(w)}` : null;
  }
  if (!c.comparable) {
    const more = c.consistency.length > 1 ? ` (${c.consistency.length - 1} more in Comparison with base)` : '';
    return `⚠️ Not comparable with base ${baselineLabel(c)}: ${esc(c.consistency[0] ?? 'the functional unit or the boundary differs')}${more}`;
  }
  return null;
}

/** "What changed most": up to 5 metrics besides the headline two, real changes first. */
function changesBlock(c: Comparison | null): string[] {
  if (!c?.comparable) return [];
  const headlineMetrics = ['per_functional_unit.co2e_g', 'totals.co2e_kg'];
  const changed = c.metrics
    .filter((m) => !headlineMetrics.includes(m.metric) && m.delta !== null && m.delta !== 0 && m.base !== null && m.head !== null)
    .sort((a, b) => realFirst(a) - realFirst(b) || tier(a) - tier(b) || Math.abs(b.delta_pct ?? Infinity) - Math.abs(a.delta_pct ?? Infinity));
  const real = c.metrics.filter((m) => m.within_noise === false).length;
  const tested = c.metrics.some((m) => m.within_noise === true || m.within_noise === false);
  const summary = `**What changed most** vs base ${baselineLabel(c)}${tested ? `: ${real} of ${c.metrics.length} metrics beyond noise` : ''}`;
  if (changed.length === 0) return [`${summary}; nothing else changed.`];
  const rows = changed.slice(0, TOP_CHANGES).map((m) => {
    const unit = unitOf(m.metric);
    const p = pair(m.base, m.head, unit);
    return [
      `${esc(clipText(labelOf(m.metric), NAME_MAX + 8))}${p.unit ? ` (${p.unit})` : ''}`,
      p.base,
      p.head,
      `${(m.delta ?? 0) > 0 ? '▲' : '▼'} ${deltaPct(m.delta_pct)}`,
      changeWord(m),
    ];
  });
  return [`${summary}:`, '', markdownTable([['metric (unit)', 'base', 'head', 'Δ %', 'change'], ...rows], { align: ['l', 'r', 'r', 'r', 'l'] })];
}

const realFirst = (m: ComparedMetric) => (m.within_noise === false ? 0 : 1);
/** Carbon first, then energy, water, cost: what a reviewer of a carbon report reads first. */
const tier = (m: ComparedMetric) => {
  const u = unitOf(m.metric);
  return u.endsWith('CO2e') ? 0 : u.endsWith('Wh') ? 1 : u.endsWith('L') ? 2 : 3;
};

function baselineLabel(c: Comparison): string {
  const b = c.baseline;
  const parts = [b.ref ? esc(b.ref) : null, b.sha ? escapeCode(b.sha.slice(0, 7)) : null, b.run_id !== null ? `run ${b.run_id}` : null];
  const where = parts.filter((x) => x !== null).join(' ');
  return where ? `${where} (${escapeCode(b.source)})` : escapeCode(b.source);
}

// --- Budgets ----------------------------------------------------------------------------------

const STATUS_ORDER = { fail: 0, warn: 1, pass: 2 } as const;

/** One line per budget, worst first, at most TOP_BUDGETS (the rest in the Budgets section). */
function budgetLines(card: ModelCard, incomplete: boolean): string[] {
  const period = ledgerLinesForCard(card);
  const lines = [
    ...card.budgets.filter((b) => !(b.kind === 'period' && period.length > 0)).map((b) => ({ status: b.status, text: budgetLine(b, card.comparison) })),
    ...period,
  ].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  if (lines.length === 0) return [];
  const shown = lines.slice(0, TOP_BUDGETS);
  const rest = lines.slice(TOP_BUDGETS);
  const more = rest.length
    ? [
        `- and ${rest.length} more (${(['fail', 'warn', 'pass'] as const).map((s) => `${rest.filter((l) => l.status === s).length} ${s}`).join(', ')}): see Budgets below`,
      ]
    : [];
  // On an incomplete card a budget "passes" on figures that leave something out: say so.
  return [incomplete ? '**Budgets** (on the incomplete figures above):' : '**Budgets:**', '', ...shown.map((l) => `- ${l.text}`), ...more];
}

/** `⚠️ **CO2e per FU** 9.84 g CO2e, above the warning level · warn at 9 g CO2e, limit 15 g CO2e`. */
function budgetLine(b: BudgetResult, comparison: Comparison | null): string {
  const label = esc(clipText(labelOf(b.metric), NAME_MAX + 8));
  const said = { pass: '', warn: ', above the warning level', fail: ', over the limit' }[b.status];
  if (b.kind === 'regression') {
    const levels = `${b.warn_limit != null ? `warn at ${percent(b.warn_limit, { signed: true })}, ` : ''}limit ${percent(b.limit, { signed: true })}`;
    if (b.actual === null) {
      const why =
        comparison === null ? 'no baseline' : comparison.metrics.some((m) => m.metric === b.metric) ? 'no base or head value' : 'not a compared metric';
      return `${ICON[b.status]} **${label} vs base** not checked, ${why} · ${levels}`;
    }
    return `${ICON[b.status]} **${label} vs base** ${deltaPct(b.actual)}${said} · ${levels}`;
  }
  const unit = unitOf(b.metric);
  const levels = `${b.warn_limit != null ? `warn at ${qtyParam(b.warn_limit, unit)}, ` : ''}limit ${qtyParam(b.limit, unit)}`;
  if (b.actual === null) return `${ICON[b.status]} **${label}** no value, not checked · ${levels}`;
  return `${ICON[b.status]} **${label}** ${qty(b.actual, unit)}${said} · ${levels}`;
}

/** Every budget in a table (shown when the list above the fold is cut). */
function budgetsTable(card: ModelCard): string {
  const sorted = [...card.budgets].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  const rows = sorted.map((b) => {
    const regression = b.kind === 'regression';
    const unit = unitOf(b.metric);
    const show = (v: number | null | undefined) => (v == null ? '—' : regression ? percent(v, { signed: true }) : qtyParam(v, unit));
    return [
      `${ICON[b.status]} ${b.status}`,
      `${escapeCode(clipText(b.metric, PATH_MAX))}${regression ? ' vs base' : b.kind === 'period' ? ' per period' : ''}`,
      b.actual === null ? 'not checked' : regression ? deltaPct(b.actual) : qty(b.actual, unit),
      show(b.warn_limit),
      show(b.limit),
    ];
  });
  return `${markdownTable([['status', 'metric', 'actual', 'warn at', 'limit'], ...rows], { align: ['l', 'l', 'r', 'r', 'r'] })}\n`;
}

// --- Details ----------------------------------------------------------------------------------

function detailSections(card: ModelCard): Section[] {
  const parts = interpretationParts(card);
  const c = card.comparison;
  const cluster = renderClusterSection(card);
  const ledger = ledgerSectionForCard(card, { heading: '' });
  const out: Section[] = [];
  if (c)
    out.push({
      title: 'Comparison with base',
      summary: comparisonSummary(c),
      body: `${renderComparison(c)}${parts.headVsBase ? `\n${parts.headVsBase}` : ''}`,
    });
  const budgetCount = card.budgets.length;
  if (budgetCount > TOP_BUDGETS) out.push({ title: 'Budgets', summary: budgetSummary(card), body: budgetsTable(card) });
  if (ledger) {
    const n = ledgerCount(card);
    out.push({ title: 'Period budgets', summary: `${count(n)} ${n === 1 ? 'budget' : 'budgets'}: spent, projected, remaining, run-out date`, body: ledger });
  }
  out.push({ title: 'Per stage', summary: stagesSummary(card), body: `${stagesSection(card)}${parts.energy ? `\n${parts.energy}` : ''}` });
  if (cluster) out.push({ title: 'Per host', summary: 'energy, devices and clock offset of each host of a multi-node stage', body: cluster });
  out.push({ title: 'Per functional unit', summary: perFuSummary(card), body: perFuSection(card) });
  out.push({
    title: 'Interpretation',
    summary: interpretationSummary(card),
    body: [parts.significant, parts.lifetime, parts.sensitivity, parts.sci].filter((x): x is string => x !== null).join('\n'),
  });
  out.push({ title: 'Uncertainty', summary: uncertaintySummary(card), body: parts.uncertainty.replace(/^#### Uncertainty\n\n/, '') });
  out.push({ title: 'Data quality', summary: dataQualitySummary(card), body: parts.dataQuality });
  const charts = chartsSection(card);
  if (charts) out.push(charts);
  if (card.market_based) out.push({ title: 'Market-based result', summary: marketSummary(card), body: marketSection(card) });
  out.push({ title: 'Hugging Face co2_eq_emissions', summary: escapeHtml(qty(card.hf_co2_eq_emissions.emissions, 'g CO2e')), body: parts.hf });
  out.push({ title: 'Assumptions', summary: assumptionsSummary(card), body: assumptionsSection(card) });
  if (card.sources.length) out.push({ title: 'Logs read', summary: sourcesSummary(card), body: sourcesSection(card) });
  if (card.warnings.length) out.push({ title: 'Warnings', summary: `${card.warnings.length}`, body: warningsSection(card.warnings) });
  return out;
}

function comparisonSummary(c: Comparison): string {
  if (!c.comparable) return 'not comparable: see why';
  const tested = c.metrics.some((m) => m.within_noise === true || m.within_noise === false);
  // Without noise bands (an older card) every change counts.
  const real = c.metrics.filter((m) => (tested ? m.within_noise === false : m.delta !== null && m.delta !== 0));
  const worse = real.filter((m) => m.delta !== null && (m.better === 'lower' ? m.delta > 0 : m.delta < 0)).length;
  return `${c.metrics.length} metrics, ${real.length} ${tested ? 'beyond noise' : 'changed'} (${worse} worse, ${real.length - worse} better)`;
}

function budgetSummary(card: ModelCard): string {
  const n = (s: 'fail' | 'warn' | 'pass') => card.budgets.filter((b) => b.status === s).length;
  return `${card.budgets.length} budgets: ${n('fail')} fail, ${n('warn')} warn, ${n('pass')} pass`;
}

function ledgerCount(card: ModelCard): number {
  const l = card.extensions?.ledger as { positions?: unknown[] } | undefined;
  return Array.isArray(l?.positions) ? l.positions.length : 0;
}

function stagesSummary(card: ModelCard): string {
  const n = Object.keys(card.stages).length;
  const d = card.interpretation.dominant_stage;
  const share = d !== null && card.totals.co2e_kg > 0 ? (card.stages[d]?.co2e_kg ?? 0) / card.totals.co2e_kg : null;
  const lead = d !== null && share !== null ? `${escapeHtml(clipText(d, NAME_MAX))} ${pct(share)} of ` : '';
  return `${lead}${qty(card.totals.co2e_kg, 'kg CO2e')} over ${n} ${n === 1 ? 'stage' : 'stages'}; energy, water, cost`;
}

function perFuSummary(card: ModelCard): string {
  const fu = card.per_functional_unit;
  const sc = scaleFor([fu.co2e_g, fu.marginal_co2e_g, fu.embodied_co2e_g, fu.amortized_co2e_g], 'g CO2e');
  return `${sc.withUnit(fu.co2e_g)} = ${sc.format(fu.marginal_co2e_g)} marginal + ${sc.format(fu.embodied_co2e_g)} embodied + ${sc.format(fu.amortized_co2e_g)} amortized`;
}

function interpretationSummary(card: ModelCard): string {
  const i = card.interpretation;
  const parts: string[] = [];
  if (i.dominant_stage !== null) parts.push(`${escapeHtml(clipText(i.dominant_stage, NAME_MAX))} dominates`);
  parts.push(i.breakeven_inferences === null ? 'no breakeven' : `breakeven at ${count(i.breakeven_inferences)} inferences`);
  const top = [...i.sensitivity].sort(
    (a, b) =>
      (b.swing_per_fu_co2e_g ?? Math.abs(b.per_fu_co2e_g_high - b.per_fu_co2e_g_low)) -
      (a.swing_per_fu_co2e_g ?? Math.abs(a.per_fu_co2e_g_high - a.per_fu_co2e_g_low)),
  )[0];
  if (top) parts.push(`most sensitive to ${escapeHtml(clipText(parameterName(top.parameter), 40))}`);
  return parts.join(', ');
}

function uncertaintySummary(card: ModelCard): string {
  const u = card.interpretation.uncertainty;
  if (u.co2e_kg_low === u.co2e_kg_high) return 'no range: every input it rests on is stated without one';
  const fu =
    u.per_fu_co2e_g_low !== undefined && u.per_fu_co2e_g_high !== undefined ? `, ${range(u.per_fu_co2e_g_low, u.per_fu_co2e_g_high, 'g CO2e')} per FU` : '';
  return `${range(u.co2e_kg_low, u.co2e_kg_high, 'kg CO2e')}${fu}`;
}

function dataQualitySummary(card: ModelCard): string {
  const items = card.interpretation.data_quality;
  if (items.length === 0) return 'no findings';
  const n = (s: 'error' | 'warning' | 'info') => items.filter((d) => d.severity === s).length;
  const plural = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  return `${plural(n('error'), 'error')}, ${plural(n('warning'), 'warning')}, ${plural(n('info'), 'note')}`;
}

/** Every chart in one section, each with a line saying what it shows. */
function chartsSection(card: ModelCard): Section | null {
  const charts: Array<[string, string | null]> = [
    ['CO2e by stage', stagePie(card)],
    ['CO2e per FU vs lifetime inferences: the up-front carbon spreads over more units; breakeven and scenario marked on the axis', lifetimeChart(card)],
    ['Sensitivity: how far each parameter moves the per-FU result', tornadoChart(card)],
    ['Head vs base per stage', headVsBaseChart(card.comparison)],
  ];
  const present = charts.filter((c): c is [string, string] => c[1] !== null);
  if (present.length === 0) return null;
  return {
    title: 'Charts',
    summary: present.map(([t]) => escapeHtml(t.split(':')[0]!)).join(', '),
    body: present.map(([t, d]) => `${esc(t)}.\n\n${mermaidBlock(d)}`).join('\n'),
  };
}

function marketSummary(card: ModelCard): string {
  const mb = card.market_based!;
  return `${qty(mb.co2e_kg, 'kg CO2e')}, ${qty(mb.per_functional_unit_co2e_g, 'g CO2e')} per FU at ${qtyParam(mb.intensity_g_per_kwh, 'g CO2e/kWh')}`;
}

/** GHG Protocol Scope 2 dual reporting: location-based first (primary, budgets use it), then market-based. */
function marketSection(card: ModelCard): string {
  const mb = card.market_based!;
  const s = card.scenario;
  const fu = card.per_functional_unit;
  return (
    `Scope 2 dual reporting: location-based (grid average, ${qtyParam(s.grid.intensity_g_per_kwh, 'g CO2e/kWh')}) ${qty(card.totals.co2e_kg, 'kg CO2e')}, ` +
    `${qty(fu.co2e_g, 'g CO2e')} per functional unit; market-based (${qtyParam(mb.intensity_g_per_kwh, 'g CO2e/kWh')}: ${esc(withoutUrls(mb.source))}) ` +
    `${qty(mb.co2e_kg, 'kg CO2e')}, ${qty(mb.per_functional_unit_co2e_g, 'g CO2e')} per functional unit. Budgets use the location-based result.\n`
  );
}

function assumptionsSummary(card: ModelCard): string {
  const a = card.scenario.assumptions;
  const defaults = a.filter((x) => x.origin === 'default').length;
  return `${a.length} parameters: ${defaults} defaults with their sources, ${a.length - defaults} from the scenario or logs`;
}

function sourcesSummary(card: ModelCard): string {
  const rows = card.sources.reduce((n, s) => n + s.rows, 0);
  const rejected = card.sources.reduce((n, s) => n + s.rows_rejected, 0);
  return `${count(card.sources.length)} ${card.sources.length === 1 ? 'file' : 'files'}, ${count(rows)} rows, ${count(rejected)} rejected`;
}

// --- Per stage --------------------------------------------------------------------------------

function stagesSection(card: ModelCard): string {
  const stages = Object.entries(card.stages);
  const t = card.totals;
  const disclosure = new Map((card.interpretation.energy_disclosure?.stages ?? []).map((d) => [d.stage, d]));
  // One unit per quantity, chosen by the largest value: the CO2e columns add up, so they share it.
  const col = (unit: string, pick: (s: (typeof stages)[number][1]) => Array<number | null>, total: Array<number | null>) =>
    scaleFor([...stages.flatMap(([, s]) => pick(s)), ...total], unit);
  const energy = col('kWh', (s) => [s.it_energy_kwh, s.energy_kwh], [t.it_energy_kwh, t.energy_kwh]);
  const co2e = col('kg CO2e', (s) => [s.co2e_kg], [t.co2e_kg]);
  const water = col('L', (s) => [s.water_l], [t.water_l]);
  const cost = col('USD', (s) => [s.cost_usd], [t.cost_usd]);
  const name = (n: string) => esc(clipText(n, NAME_MAX));
  const withAccel = disclosure.size > 0;
  const energyTable = markdownTable(
    [
      [
        'stage',
        'energy from',
        'hours<br>(h)',
        ...(withAccel ? ['accelerator-<br>hours (h)'] : []),
        `IT energy incl.<br>overhead (${energy.unit})`,
        `facility<br>energy (${energy.unit})`,
      ],
      ...stages.map(([n, s]) => [
        name(n),
        energyFrom(s),
        fmt(s.hours),
        ...(withAccel ? [fmt(disclosure.get(n)?.accelerator_hours)] : []),
        energy.format(s.it_energy_kwh),
        energy.format(s.energy_kwh),
      ]),
      ['**total**', '', '', ...(withAccel ? [''] : []), energy.format(t.it_energy_kwh), `**${energy.format(t.energy_kwh)}**`],
    ],
    { align: ['l', 'l', 'r', ...(withAccel ? (['r'] as const) : []), 'r', 'r'] },
  );
  const impactTable = markdownTable(
    [
      ['stage', `operational<br>(${co2e.unit})`, `embodied<br>(${co2e.unit})`, `total<br>(${co2e.unit})`, `water<br>(${water.unit})`, `cost<br>(${cost.unit})`],
      ...stages.map(([n, s]) => [
        name(n),
        co2e.format(s.operational_co2e_kg),
        co2e.format(s.embodied_co2e_kg),
        co2e.format(s.co2e_kg),
        water.format(s.water_l),
        cost.format(s.cost_usd),
      ]),
      [
        '**total**',
        co2e.format(t.operational_co2e_kg),
        co2e.format(t.embodied_co2e_kg),
        `**${co2e.format(t.co2e_kg)}**`,
        water.format(t.water_l),
        cost.format(t.cost_usd),
      ],
    ],
    { align: ['l', 'r', 'r', 'r', 'r', 'r'] },
  );
  const s = card.scenario;
  const costText = costRule(s);
  return (
    `${energyTable}\n\n${impactTable}\n\n` +
    `IT energy incl. overhead is whole-server energy: device-only logs and hour estimates × IT overhead ${param(s.it_overhead_factor)}, host logs as logged. ` +
    `Facility energy = IT energy × PUE ${param(s.pue)}, applied once. Operational carbon at ${qtyParam(s.grid.intensity_g_per_kwh, 'g CO2e/kWh')}; ` +
    `${embodiedRule(s.hardware)} Water: IT energy × WUE ${qtyParam(s.wue_l_per_kwh, 'L/kWh')} on site` +
    `${s.grid.water_intensity_l_per_kwh > 0 ? ` + facility energy × ${qtyParam(s.grid.water_intensity_l_per_kwh, 'L/kWh')} off site (electricity generation)` : ''}.` +
    `${costText ? ` ${costText}` : ''}\n`
  );
}

/** The embodied attribution in words: whose manufacturing is counted and over which hours. */
function embodiedRule(h: ModelCard['scenario']['hardware']): string {
  const use = h.utilization < 1 ? ` at ${pct(h.utilization)} utilization` : '';
  const host =
    h.host_embodied_kg === null
      ? ' Accelerators only: server embodied carbon is outside the boundary (set hardware.host_embodied_kg).'
      : ` Each accelerator also carries 1/${count(h.devices_per_host)} of its server's ${qtyParam(h.host_embodied_kg, 'kg CO2e')}.`;
  const custom = h.known ? '' : ' (custom hardware: its figures come from the scenario)';
  return `embodied carbon is the time share of ${count(h.count)} × ${esc(h.model)}${custom} over ${qtyParam(h.lifespan_years, 'years')}${use}.${host}`;
}

/** The cost rule, when there is a price: what each price is applied to. */
function costRule(s: ModelCard['scenario']): string | null {
  const gpu = s.gpu_hour_usd;
  const power = s.electricity_usd_per_kwh;
  if (gpu === null && power === null) return null;
  if (gpu === null) return `Cost: facility energy × ${qtyParam(power, 'USD/kWh')}.`;
  const rental = `Cost: ${qtyParam(gpu, 'USD')} per accelerator-hour × accelerators × hours`;
  if (power === null) return `${rental}.`;
  return s.gpu_hour_includes_electricity
    ? `${rental}; the rental price includes electricity (gpu_hour_includes_electricity: true), so ${qtyParam(power, 'USD/kWh')} is applied only to stages without hours.`
    : `${rental} + facility energy × ${qtyParam(power, 'USD/kWh')} (gpu_hour_includes_electricity: false).`;
}

const ORIGIN_WORDS: Record<ModelCard['stages'][string]['energy_origin'], string> = {
  logs: 'logs',
  energy_kwh: 'energy_kwh',
  estimate: 'hours × power',
  prometheus: 'Prometheus',
};
const SCOPE_WORDS = { device: 'device only', host: 'whole server' } as const;

/** The per-stage table's "energy from" cell: origin and scope, estimates and incomplete stages labelled. */
function energyFrom(s: ModelCard['stages'][string]): string {
  const base = esc(`${ORIGIN_WORDS[s.energy_origin]}, ${SCOPE_WORDS[s.energy_scope]}`);
  if (s.completeness?.status === 'incomplete') return `⛔ incomplete: ${base}`;
  if (s.completeness?.status === 'estimate') return `${base}, estimate`;
  return base;
}

// --- Per functional unit ----------------------------------------------------------------------

function perFuSection(card: ModelCard): string {
  const fu = card.per_functional_unit;
  const share = (x: number) => (fu.co2e_g > 0 ? pct(x / fu.co2e_g) : '—');
  const sc = scaleFor([fu.co2e_g, fu.marginal_co2e_g, fu.embodied_co2e_g, fu.amortized_co2e_g], 'g CO2e');
  const table = markdownTable(
    [
      ['term', `${sc.unit} per FU`, 'share', 'what it is'],
      ['marginal', sc.format(fu.marginal_co2e_g), share(fu.marginal_co2e_g), 'operational carbon of one unit (per-inference stages)'],
      ['embodied', sc.format(fu.embodied_co2e_g), share(fu.embodied_co2e_g), 'hardware manufacturing, share of the time one unit used'],
      ['amortized', sc.format(fu.amortized_co2e_g), share(fu.amortized_co2e_g), 'up-front stages ÷ lifetime functional units'],
      ['**total**', `**${sc.format(fu.co2e_g)}**`, pct(fu.co2e_g > 0 ? 1 : null), 'C_FU, paper §3.3'],
    ],
    { align: ['l', 'r', 'r', 'l'] },
  );
  const lt = card.lifetime;
  const be = card.interpretation.breakeven_inferences;
  const lines = [
    `Per functional unit also: ${qty(fu.energy_wh, 'Wh')} facility energy, ${qty(fu.water_ml, 'mL')} water` +
      (fu.cost_usd !== null ? `, ${qty(fu.cost_usd, 'USD')}` : '') +
      '.',
    `Lifetime: ${count(lt.inferences)} inferences = ${count(lt.functional_units)} functional units; up-front ${qty(lt.upfront_co2e_kg, 'kg CO2e')}, inference ${qty(lt.inference_co2e_kg, 'kg CO2e')}.`,
    be === null
      ? 'Breakeven: no per-inference stage was measured, so inference carbon never catches up with the up-front carbon in this assessment.'
      : `Breakeven: after ${count(be)} inferences the cumulative inference carbon equals the up-front carbon.`,
  ];
  return `${table}\n\n${lines.join('\\\n')}\n`;
}

// --- Comparison -------------------------------------------------------------------------------

/** The comparison with base on its own (`ml-lca compare --markdown`, and the report's section). */
export function renderComparison(c: Comparison): string {
  const head = `Base: ${baselineLabel(c)}${c.baseline.created_at ? `, created ${esc(c.baseline.created_at)}` : ''}.`;
  const consistency = c.consistency.length
    ? `\n\n${c.consistency.map((x) => `- ${esc(x)}`).join('\n')}`
    : '\n\nSame functional unit and system boundary as the base. Lower is better for every metric.';
  if (c.metrics.length === 0) return `${head}${consistency}\n`;
  const table = markdownTable(
    [
      ['metric (unit)', 'base', 'head', 'Δ', 'Δ %', 'change'],
      ...c.metrics.map((m) => {
        const p = pair(m.base, m.head, unitOf(m.metric));
        return [
          `${esc(clipText(labelOf(m.metric), NAME_MAX + 8))}${p.unit ? ` (${p.unit})` : ''}`,
          p.base,
          p.head,
          p.delta,
          deltaPct(m.delta_pct),
          changeWord(m),
        ];
      }),
    ],
    { align: ['l', 'r', 'r', 'r', 'r', 'l'] },
  );
  return `${head}${consistency}\n\n${table}\n`;
}

// --- Assumptions and logs ---------------------------------------------------------------------

function assumptionsSection(card: ModelCard): string {
  const a = card.scenario.assumptions;
  if (a.length === 0) return 'No assumptions recorded.\n';
  const value = (x: (typeof a)[number]) =>
    `${typeof x.value === 'number' ? param(x.value) : esc(clipText(x.value, NAME_MAX))}${x.unit ? `${NBSP}${esc(x.unit)}` : ''}`;
  const table = markdownTable(
    [
      ['parameter', 'value', 'range', 'origin'],
      ...a.map((x) => [escapeCode(x.path), value(x), x.low !== undefined || x.high !== undefined ? `${param(x.low)}–${param(x.high)}` : '', x.origin]),
    ],
    { align: ['l', 'r', 'r', 'l'] },
  );
  // Values the scenario file states need no citation: one line names them.
  const stated = (x: (typeof a)[number]) => x.source === 'scenario file' && !x.note && !x.references?.length;
  const sources = a
    .filter((x) => !stated(x))
    .map(
      (x) =>
        `- ${escapeCode(x.path)}: ${esc(withoutUrls(x.source))}${x.year !== null ? ` (${x.year})` : ''}${x.note ? `; ${esc(withoutUrls(x.note))}` : ''}${referenceLinks(x.references)}`,
    );
  const fromScenario = a.filter(stated).map((x) => escapeCode(x.path));
  if (fromScenario.length) sources.push(`- From the scenario file: ${fromScenario.join(', ')}.`);
  return `${table}\n\nSources:\n\n${sources.join('\n')}\n`;
}

/**
 * The citations of an assumption as links. Title and URL come from the catalog entry of the
 * reference's id (src/data/sources.ts), so a card from elsewhere cannot choose a link target;
 * an id the catalog does not know is shown as plain escaped text.
 */
function referenceLinks(refs: ModelCard['scenario']['assumptions'][number]['references']): string {
  if (!refs || refs.length === 0) return '';
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const r of refs) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    const known = SOURCES.get(r.id);
    const url = known?.url ?? null;
    const label = esc(known ? `${known.title} (${known.publisher}${known.licence ? `, ${known.licence}` : ''})` : withoutUrls(r.title));
    parts.push(url && /^https:\/\/[^\s()<>"'`]+$/.test(url) ? `[${label}](${url})` : label);
  }
  return ` — ${parts.join('; ')}`;
}

function sourcesSection(card: ModelCard): string {
  const stageOf = (path: string) =>
    Object.entries(card.stages)
      .filter(([, s]) => s.sources.includes(path))
      .map(([n]) => esc(clipText(n, NAME_MAX)))
      .join(', ');
  const energy = scaleFor(
    card.sources.map((s) => s.energy_kwh),
    'kWh',
  );
  const shownSources = card.sources.slice(0, LOGS_MAX);
  const rows = shownSources.map((s) => [
    escapeCode(clipText(s.path, PATH_MAX, 'end')),
    `${esc(s.format)}${s.scope ? `, ${SCOPE_WORDS[s.scope]}` : ''}`,
    stageOf(s.path),
    energy.format(s.energy_kwh),
    param(s.logged_pue),
    `${count(s.rows)} (${count(s.rows_rejected)})`,
  ]);
  const table = markdownTable(
    [
      ['log', 'format, scope', 'stage', `IT energy as logged,<br>before overhead (${energy.unit})`, 'logged PUE<br>(divided out)', 'rows<br>(rejected)'],
      ...rows,
    ],
    { align: ['l', 'l', 'l', 'r', 'r', 'r'] },
  );
  const more =
    card.sources.length > shownSources.length
      ? `\nAnd ${count(card.sources.length - shownSources.length)} more logs: the model card JSON lists every one.\n`
      : '';
  const warned = shownSources.filter((s) => s.warnings.length > 0);
  const warnings = warned.map((s) => `- ${escapeCode(clipText(s.path, PATH_MAX, 'end'))}: ${clip(s.warnings.map(esc).join('; '), 400)}`);
  return `${table}\n${more}${warnings.length ? `\nWarnings of the logs:\n\n${warnings.join('\n')}\n` : ''}`;
}

function warningsSection(warnings: string[]): string {
  return `${warnings.map((w) => `- ${esc(w)}`).join('\n')}\n`;
}

/** Shorten an already-escaped text without splitting an escape (`\|`, `&amp;`). */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  cut = cut.replace(/\\$/, '').replace(/&[a-z]*$/, '');
  return `${cut}…`;
}
