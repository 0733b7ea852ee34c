// report.md and the PR comment body (without the marker): card in, markdown out, nothing else.
// Order is the reviewer's order: verdict and headline first, then the per-stage inventory, the
// per-functional-unit breakdown (paper §3.3: marginal, embodied, amortized), the comparison
// with base, the interpretation, the assumptions with their sources, and the logs used.
// Every string that came from a user or a log goes through escape.ts.
import { markdownTable } from 'markdown-table';
import type { ModelCard } from './card-schema.js';
import type { Comparison } from '../compare/schema.js';
import { escapeCode, escapeMarkdown as esc } from './escape.js';
import { fmt, fmtSigned, pct, unitOf } from './format.js';
import { renderInterpretation } from './interpretation-md.js';
import { ledgerSectionForCard } from '../ledger/render.js';
import { renderClusterSection } from './cluster-md.js';
import { SOURCES } from '../data/sources.js';
import { attentionOf } from './attention.js';

/** GitHub rejects comment bodies over 65,536 characters. */
export const COMMENT_MAX_CHARS = 65_536;

const ICON = { pass: '✅', warn: '⚠️', fail: '❌', incomplete: '⛔' } as const;

interface Section {
  title: string;
  body: string;
}

/**
 * The whole report. With `maxChars`, detail sections are dropped from the end (sources first,
 * per-stage table last) until it fits; the verdict and headline are never dropped.
 */
export function renderReport(card: ModelCard, opts: { maxChars?: number } = {}): string {
  const head = headSection(card);
  const clusterSection = renderClusterSection(card);
  const details: Section[] = [
    { title: 'Per stage', body: stagesSection(card) },
    ...(clusterSection ? [{ title: 'Per host', body: clusterSection }] : []),
    { title: 'Per functional unit', body: perFuSection(card) },
    ...(card.comparison ? [{ title: 'Comparison with base', body: renderComparison(card.comparison) }] : []),
    { title: 'Interpretation', body: `${renderInterpretation(card).trimEnd()}\n` },
    { title: 'Assumptions', body: assumptionsSection(card) },
    ...(card.sources.length ? [{ title: 'Sources', body: sourcesSection(card) }] : []),
    ...(card.warnings.length ? [{ title: 'Warnings', body: warningsSection(card.warnings) }] : []),
  ];
  const footer = `<sub>ml-lca ${esc(card.tool.version)} · model card schema ${esc(card.schema_version)} · ${esc(card.created_at)}</sub>\n`;
  return fit(head, details, footer, opts.maxChars ?? Number.POSITIVE_INFINITY);
}

function fit(head: string, details: Section[], footer: string, maxChars: number): string {
  const join = (kept: Section[], note: string) => [head, ...kept.map((s) => `### ${s.title}\n\n${s.body}`), note, footer].filter((x) => x !== '').join('\n');
  const kept = [...details];
  const dropped: string[] = [];
  let out = join(kept, '');
  while (out.length > maxChars && kept.length > 0) {
    dropped.unshift(kept.pop()!.title);
    out = join(kept, `> Trimmed to fit ${fmt(maxChars)} characters: ${dropped.join(', ')} omitted; the model card JSON has every value.\n`);
  }
  if (out.length <= maxChars) return out;
  // Only the verdict block is left and it is still too long (thousands of budget lines):
  // keep its beginning, where the verdict is.
  const cut = '\n\n> Trimmed: the rest is in the model card JSON.\n';
  return `${head.slice(0, Math.max(0, maxChars - cut.length))}${cut}`;
}

/** The headline range; a point says so instead of printing `x–x` (every input stated, none with a range). */
function rangeNote(low: number, high: number): string {
  return low === high ? 'no range: every input it rests on is stated without one, see Uncertainty' : `range ${fmt(low)}–${fmt(high)} kg`;
}

function headSection(card: ModelCard): string {
  const s = card.scenario;
  const fu = card.per_functional_unit;
  const u = card.interpretation.uncertainty;
  const lines = [
    `## ${ICON[card.verdict]} ml-lca: ${esc(s.name)}: ${card.verdict.toUpperCase()}`,
    ...attentionBlock(card),
    '',
    `**${fmt(fu.co2e_g)} g CO2e per functional unit** (${esc(s.functional_unit.description)}; ${fmt(s.functional_unit.inferences)} inferences), ` +
      `of which marginal ${fmt(fu.marginal_co2e_g)} g, embodied ${fmt(fu.embodied_co2e_g)} g, amortized up-front ${fmt(fu.amortized_co2e_g)} g.`,
    '',
    `Assessed stages: **${fmt(card.totals.co2e_kg)} kg CO2e** (${rangeNote(u.co2e_kg_low, u.co2e_kg_high)}), ` +
      `${fmt(card.totals.energy_kwh)} kWh facility energy, ${fmt(card.totals.water_l)} L water` +
      (card.totals.cost_usd !== null ? `, ${fmt(card.totals.cost_usd)} USD` : '') +
      `. Over ${fmt(card.lifetime.inferences)} lifetime inferences: ${fmt(card.lifetime.co2e_kg)} kg CO2e.`,
  ];
  const mb = card.market_based;
  if (mb) {
    // GHG Protocol Scope 2 dual reporting: location-based first (primary), then market-based.
    lines.push(
      '',
      `Scope 2 dual reporting: location-based (grid average, ${fmt(s.grid.intensity_g_per_kwh)} g CO2e/kWh) ${fmt(card.totals.co2e_kg)} kg CO2e, ` +
        `${fmt(fu.co2e_g)} g per functional unit; market-based (${fmt(mb.intensity_g_per_kwh)} g CO2e/kWh: ${esc(withoutUrls(mb.source))}) ` +
        `${fmt(mb.co2e_kg)} kg CO2e, ${fmt(mb.per_functional_unit_co2e_g)} g per functional unit. Budgets use the location-based result.`,
    );
  }
  const headline = comparisonHeadline(card.comparison) ?? noBaselineNote(card.warnings);
  if (headline) lines.push('', headline);
  lines.push('', budgetsBlock(card));
  // Period budgets (ledger) belong with the verdict: they can be what fails the check.
  const ledger = ledgerSectionForCard(card);
  if (ledger) lines.push('', ledger.trimEnd());
  return `${lines.join('\n')}\n`;
}

/**
 * Right under the verdict (issue 12): why the card is INCOMPLETE (stage, file, fix), then the
 * data-quality errors and the rejected rows that changed a stage's energy. Empty when none.
 */
function attentionBlock(card: ModelCard): string[] {
  const a = attentionOf(card);
  const out: string[] = [];
  if (a.incomplete.length > 0) {
    const names = a.incomplete.map((i) => escapeCode(i.stage));
    out.push(
      '',
      `**The energy of ${a.incomplete.length === 1 ? 'stage' : 'stages'} ${names.join(', ')} could not be determined, so this check cannot pass.** ` +
        'The figures below leave out (or only estimate) what could not be measured.',
      '',
      ...a.incomplete.map((i) => {
        const c = i.completeness;
        const file = c.file ? `${escapeCode(c.file)}: ` : '';
        return `- ⛔ **${esc(i.stage)}**: ${file}${esc(c.reason ?? 'energy unknown')}. **Fix:** ${esc(c.fix ?? 'give the stage a log with usable energy')}`;
      }),
    );
  }
  if (a.errors.length > 0 || a.rejected.length > 0) {
    out.push(
      '',
      '**Data quality that changes the result:**',
      '',
      ...a.errors.map((e) => `- ❗ ${esc(e)}`),
      ...a.rejected.map((r) => `- ✂️ ${escapeCode(r.file)} (stage ${esc(r.stage)}): ${esc(r.text)}`),
    );
  }
  return out;
}

function comparisonHeadline(c: Comparison | null): string | null {
  if (!c) return null;
  const m = c.metrics.find((x) => x.metric === 'per_functional_unit.co2e_g');
  const against = `base ${baselineLabel(c)}`;
  if (!c.comparable) return `⚠️ Not comparable with ${against}: ${c.consistency.map(esc).join(' ')}`;
  if (!m || m.delta_pct === null) return `Compared with ${against}.`;
  return `Per functional unit vs ${against}: ${fmtSigned(m.delta_pct)} % (${direction(m.delta, m.better, m.within_noise)}).`;
}

/** Why nothing was compared, next to the headline where a reviewer looks (the action adds it). */
function noBaselineNote(warnings: readonly string[]): string | null {
  const w = warnings.find((x) => x.startsWith('No baseline:'));
  return w ? `ℹ️ ${esc(w)}` : null;
}

function baselineLabel(c: Comparison): string {
  const b = c.baseline;
  const parts = [b.ref ? esc(b.ref) : null, b.sha ? escapeCode(b.sha.slice(0, 7)) : null, b.run_id !== null ? `run ${b.run_id}` : null];
  const where = parts.filter((x) => x !== null).join(' ');
  return where ? `${where} (${escapeCode(b.source)})` : escapeCode(b.source);
}

function direction(delta: number | null, better: 'lower' | 'higher', withinNoise?: boolean | null): string {
  if (delta === null) return 'no base value';
  if (withinNoise) return 'within noise';
  if (delta === 0) return 'unchanged';
  const improved = better === 'lower' ? delta < 0 : delta > 0;
  return improved ? 'better' : 'worse';
}

function budgetsBlock(card: ModelCard): string {
  if (card.budgets.length === 0) return 'No budgets set.';
  const order = { fail: 0, warn: 1, pass: 2 } as const;
  const sorted = [...card.budgets].sort((a, b) => order[a.status] - order[b.status]);
  return markdownTable(
    [
      ['budget', 'metric', 'limit', 'actual', 'message'],
      ...sorted.map((b) => [
        `${ICON[b.status]} ${b.status}`,
        escapeCode(b.metric),
        `${fmt(b.limit)}${b.kind === 'regression' ? ' %' : ''}`,
        fmt(b.actual),
        esc(b.message),
      ]),
    ],
    { align: ['l', 'l', 'r', 'r', 'l'] },
  );
}

function stagesSection(card: ModelCard): string {
  const rows = Object.entries(card.stages).map(([name, s]) => [
    esc(name),
    energyFrom(s),
    fmt(s.hours),
    fmt(s.it_energy_kwh),
    fmt(s.energy_kwh),
    fmt(s.operational_co2e_kg),
    fmt(s.embodied_co2e_kg),
    fmt(s.co2e_kg),
    fmt(s.water_l),
    fmt(s.cost_usd),
  ]);
  const t = card.totals;
  rows.push([
    '**total**',
    '',
    '',
    fmt(t.it_energy_kwh),
    fmt(t.energy_kwh),
    fmt(t.operational_co2e_kg),
    fmt(t.embodied_co2e_kg),
    `**${fmt(t.co2e_kg)}**`,
    fmt(t.water_l),
    fmt(t.cost_usd),
  ]);
  const table = markdownTable(
    [
      [
        'stage',
        'energy from',
        'hours (h)',
        'IT energy (kWh)',
        'facility energy (kWh)',
        'operational (kg CO2e)',
        'embodied (kg CO2e)',
        'total (kg CO2e)',
        'water (L)',
        'cost (USD)',
      ],
      ...rows,
    ],
    { align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'] },
  );
  const s = card.scenario;
  const cost = costRule(s);
  return (
    `${table}\n\nIT energy is whole-server energy (device-only logs and hour estimates × IT overhead ${fmt(s.it_overhead_factor)}); ` +
    `facility energy = IT energy × PUE ${fmt(s.pue)}, applied once. Operational carbon at ${fmt(s.grid.intensity_g_per_kwh)} g CO2e/kWh; ` +
    `${embodiedRule(s.hardware)} Water: IT energy × WUE ${fmt(s.wue_l_per_kwh)} L/kWh on site` +
    `${s.grid.water_intensity_l_per_kwh > 0 ? ` + facility energy × ${fmt(s.grid.water_intensity_l_per_kwh)} L/kWh off site (electricity generation)` : ''}.` +
    `${cost ? ` ${cost}` : ''}\n`
  );
}

/** The embodied attribution in words: whose manufacturing is counted and over which hours. */
function embodiedRule(h: ModelCard['scenario']['hardware']): string {
  const use = h.utilization < 1 ? ` at ${pct(h.utilization)} utilization` : '';
  const host =
    h.host_embodied_kg === null
      ? ' Accelerators only: server embodied carbon is outside the boundary (set hardware.host_embodied_kg).'
      : ` Each accelerator also carries 1/${fmt(h.devices_per_host)} of its server's ${fmt(h.host_embodied_kg)} kg CO2e.`;
  const custom = h.known ? '' : ' (custom hardware: its figures come from the scenario)';
  return `embodied carbon is the time share of ${fmt(h.count)} × ${esc(h.model)}${custom} over ${fmt(h.lifespan_years)} years${use}.${host}`;
}

/** The cost rule, when there is a price: what each price is applied to. */
function costRule(s: ModelCard['scenario']): string | null {
  const gpu = s.gpu_hour_usd;
  const power = s.electricity_usd_per_kwh;
  if (gpu === null && power === null) return null;
  if (gpu === null) return `Cost: facility energy × ${fmt(power)} USD/kWh.`;
  const rental = `Cost: ${fmt(gpu)} USD per accelerator-hour × accelerators × hours`;
  if (power === null) return `${rental}.`;
  return s.gpu_hour_includes_electricity
    ? `${rental}; the rental price includes electricity (gpu_hour_includes_electricity: true), so ${fmt(power)} USD/kWh is applied only to stages without hours.`
    : `${rental} + facility energy × ${fmt(power)} USD/kWh (gpu_hour_includes_electricity: false).`;
}

/** The per-stage table's "energy from" cell: origin and scope, estimates and incomplete stages labelled. */
function energyFrom(s: ModelCard['stages'][string]): string {
  const base = `${s.energy_origin} (${s.energy_scope})`;
  if (s.completeness?.status === 'incomplete') return `⛔ incomplete: ${base}`;
  if (s.completeness?.status === 'estimate') return `${base}, estimate`;
  return base;
}

function perFuSection(card: ModelCard): string {
  const fu = card.per_functional_unit;
  const share = (x: number) => (fu.co2e_g > 0 ? pct(x / fu.co2e_g) : '—');
  const table = markdownTable(
    [
      ['term', 'g CO2e per FU', 'share', 'what it is'],
      ['marginal', fmt(fu.marginal_co2e_g), share(fu.marginal_co2e_g), 'operational carbon of producing one unit (per-inference stages)'],
      ['embodied', fmt(fu.embodied_co2e_g), share(fu.embodied_co2e_g), 'hardware manufacturing, time share of the hardware time one unit used'],
      ['amortized', fmt(fu.amortized_co2e_g), share(fu.amortized_co2e_g), 'up-front stages (experimentation, training, ...) ÷ lifetime functional units'],
      ['**total**', `**${fmt(fu.co2e_g)}**`, pct(fu.co2e_g > 0 ? 1 : null), 'C_FU, paper §3.3'],
    ],
    { align: ['l', 'r', 'r', 'l'] },
  );
  const lt = card.lifetime;
  const be = card.interpretation.breakeven_inferences;
  const lines = [
    `Per functional unit also: ${fmt(fu.energy_wh)} Wh facility energy, ${fmt(fu.water_ml)} mL water` +
      (fu.cost_usd !== null ? `, ${fmt(fu.cost_usd)} USD` : '') +
      '.',
    `Lifetime: ${fmt(lt.inferences)} inferences = ${fmt(lt.functional_units)} functional units; up-front ${fmt(lt.upfront_co2e_kg)} kg CO2e, inference ${fmt(lt.inference_co2e_kg)} kg CO2e.`,
    be === null
      ? 'Breakeven: no per-inference stage was measured, so inference carbon never catches up with the up-front carbon in this assessment.'
      : `Breakeven: after ${fmt(Math.round(be))} inferences the cumulative inference carbon equals the up-front carbon.`,
  ];
  return `${table}\n\n${lines.join('\n')}\n`;
}

/** The comparison with base on its own (`ml-lca compare`, and the report's section). */
export function renderComparison(c: Comparison): string {
  const head = `Base: ${baselineLabel(c)}${c.baseline.created_at ? `, created ${esc(c.baseline.created_at)}` : ''}.`;
  const consistency = c.consistency.length
    ? `\n\n${c.consistency.map((x) => `- ${esc(x)}`).join('\n')}`
    : '\n\nSame functional unit and system boundary as the base.';
  if (c.metrics.length === 0) return `${head}${consistency}\n`;
  const table = markdownTable(
    [
      ['metric', 'unit', 'base', 'head', 'delta', 'delta %', 'better', 'change'],
      ...c.metrics.map((m) => [
        escapeCode(m.metric),
        unitOf(m.metric),
        fmt(m.base),
        fmt(m.head),
        fmtSigned(m.delta),
        m.delta_pct === null ? '—' : `${fmtSigned(m.delta_pct)} %`,
        m.better,
        direction(m.delta, m.better, m.within_noise),
      ]),
    ],
    { align: ['l', 'l', 'r', 'r', 'r', 'r', 'l', 'l'] },
  );
  return `${head}${consistency}\n\n${table}\n`;
}

function assumptionsSection(card: ModelCard): string {
  const rows = card.scenario.assumptions.map((a) => [
    escapeCode(a.path),
    `${typeof a.value === 'number' ? fmt(a.value) : esc(a.value)}${a.unit ? ` ${esc(a.unit)}` : ''}`,
    a.low !== undefined || a.high !== undefined ? `${fmt(a.low)}–${fmt(a.high)}` : '',
    a.origin,
    `${esc(withoutUrls(a.source))}${a.year !== null ? ` (${a.year})` : ''}${a.note ? `; ${esc(withoutUrls(a.note))}` : ''}${referenceLinks(a.references)}`,
  ]);
  if (rows.length === 0) return 'No assumptions recorded.\n';
  return `${markdownTable([['parameter', 'value', 'range', 'origin', 'source'], ...rows], { align: ['l', 'r', 'r', 'l', 'l'] })}\n`;
}

/** URLs are shown only as links rebuilt from ml-lca's own source catalog, never from card text. */
function withoutUrls(text: string): string {
  return text
    .replace(/\b(?:https?|ftp):\/\/\S+/gi, '')
    .replace(/;\s*;/g, ';')
    .replace(/[;,]\s*$/, '')
    .trim();
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
      .map(([n]) => esc(n))
      .join(', ');
  const rows = card.sources.map((s) => [
    escapeCode(s.path),
    esc(s.format),
    stageOf(s.path),
    fmt(s.energy_kwh),
    fmt(s.logged_pue),
    fmt(s.rows),
    fmt(s.rows_rejected),
    clip(s.warnings.map(esc).join('; '), 400),
  ]);
  return `${markdownTable([['log', 'format', 'stage', 'IT energy (kWh)', 'logged PUE (divided out)', 'rows', 'rejected', 'warnings'], ...rows], {
    align: ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'l'],
  })}\n`;
}

function warningsSection(warnings: string[]): string {
  return `${warnings.map((w) => `- ${esc(w)}`).join('\n')}\n`;
}

/** Shorten an already-escaped cell without splitting an escape (`\|`, `&amp;`). */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  cut = cut.replace(/\\$/, '').replace(/&[a-z]*$/, '');
  return `${cut}…`;
}
