// The interpretation section of report.md and the PR comment (ISO 14044 phase 4): significant
// issues, the lifetime curve with its breakeven, the tornado, the uncertainty range, data
// quality, head vs base noise statements, SCI and the energy disclosure, with mermaid charts
// where a picture reads faster than a table. Card in, markdown out; user text escaped.
// renderReport places this under its own "### Interpretation" heading, so sub-sections use ####.
import { markdownTable } from 'markdown-table';
import type { ModelCard } from './card-schema.js';
import { escapeCode, escapeMarkdown as esc } from './escape.js';
import { fmt, fmtSigned, pct, unitOf } from './format.js';
import { compactCount, headVsBaseChart, lifetimeChart, mermaidBlock, stagePie, tornadoChart } from './charts.js';

const HEADLINE_METRICS: readonly string[] = ['totals.co2e_kg', 'per_functional_unit.co2e_g', 'lifetime.co2e_kg'];

const SEVERITY_ICON = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;

export function renderInterpretation(card: ModelCard): string {
  const parts = [
    significant(card),
    lifetime(card),
    sensitivity(card),
    uncertainty(card),
    dataQuality(card),
    headVsBase(card),
    sciSection(card),
    hfSection(card),
    energy(card),
  ].filter((x): x is string => x !== null);
  return `${parts.join('\n')}`;
}

function significant(card: ModelCard): string {
  const i = card.interpretation;
  const t = card.totals;
  const fu = card.per_functional_unit;
  const lines: string[] = [];
  if (i.dominant_stage !== null) {
    const share = i.shares?.[i.dominant_stage] ?? (t.co2e_kg > 0 ? (card.stages[i.dominant_stage]?.co2e_kg ?? 0) / t.co2e_kg : null);
    const flows = i.flow_shares ? ` (${pct(i.flow_shares.operational)} operational, ${pct(i.flow_shares.embodied)} embodied)` : '';
    lines.push(`**Significant issues.** Stage **${esc(i.dominant_stage)}** dominates the assessed carbon: ${pct(share)} of ${fmt(t.co2e_kg)} kg CO2e${flows}.`);
  } else {
    lines.push('**Significant issues.** No stage has any carbon: nothing dominates.');
  }
  if (i.dominant_term) {
    const s = i.term_shares;
    const share = s ? s[i.dominant_term] : fu.co2e_g > 0 ? termOf(fu, i.dominant_term) / fu.co2e_g : null;
    lines.push(
      `Per functional unit the **${i.dominant_term}** term dominates: ${pct(share)} of ${fmt(fu.co2e_g)} g CO2e ` +
        `(marginal ${fmt(fu.marginal_co2e_g)} g, embodied ${fmt(fu.embodied_co2e_g)} g, amortized up-front ${fmt(fu.amortized_co2e_g)} g).`,
    );
  }
  const lt = card.lifetime;
  if (lt.co2e_kg > 0) {
    const up = lt.upfront_co2e_kg / lt.co2e_kg;
    lines.push(
      `Over the scenario's ${fmt(lt.inferences)} lifetime inferences, ${up >= 0.5 ? 'up-front (experimentation, training) carbon' : 'inference carbon'} dominates the lifecycle: ` +
        `${pct(up >= 0.5 ? up : 1 - up)} of ${fmt(lt.co2e_kg)} kg CO2e.`,
    );
  }
  const pie = stagePie(card);
  return `${lines.join(' ')}\n${pie ? `\n${mermaidBlock(pie)}` : ''}`;
}

function termOf(fu: ModelCard['per_functional_unit'], term: 'marginal' | 'embodied' | 'amortized'): number {
  return term === 'marginal' ? fu.marginal_co2e_g : term === 'embodied' ? fu.embodied_co2e_g : fu.amortized_co2e_g;
}

function lifetime(card: ModelCard): string | null {
  const curve = card.interpretation.lifetime_curve ?? [];
  if (curve.length === 0) return null;
  const be = card.interpretation.breakeven_inferences;
  const L = card.scenario.deployment.lifetime_inferences;
  const first = curve[0]!;
  const last = curve[curve.length - 1]!;
  const lines = [
    '#### Per-FU carbon vs lifetime inferences',
    '',
    `Per functional unit, CO2e falls from ${fmt(first.co2e_g_per_fu)} g at ${compactCount(first.inferences)} lifetime inferences to ${fmt(last.co2e_g_per_fu)} g at ${compactCount(last.inferences)}, ` +
      'as the up-front carbon is spread over more units (paper: the per-unit cost is extremely sensitive to lifetime use until it reaches tens of billions).',
    be === null
      ? 'No breakeven: without a per-inference stage, inference carbon never catches up with the up-front carbon here.'
      : `Breakeven at **${fmt(be)}** inferences (${compactCount(be)}): beyond it inference carbon exceeds the up-front carbon. ` +
        `The scenario's ${fmt(L)} is ${L < be ? '**below** it: the up-front carbon still dominates each unit' : '**beyond** it: serving dominates each unit'}.`,
    '',
  ];
  const chart = lifetimeChart(card);
  if (chart) lines.push(mermaidBlock(chart));
  lines.push(
    markdownTable([['lifetime inferences', 'g CO2e per FU', ''], ...curve.map((p) => [fmt(p.inferences), fmt(p.co2e_g_per_fu), p.label ?? ''])], {
      align: ['r', 'r', 'l'],
    }),
    '',
  );
  return lines.join('\n');
}

function sensitivity(card: ModelCard): string | null {
  const rows = card.interpretation.sensitivity;
  if (rows.length === 0) return null;
  const swing = (a: number, b: number, stored?: number) => stored ?? Math.abs(b - a);
  // Tornado order: largest swing of the per-FU result first (cards from older versions may be unsorted).
  const sorted = [...rows].sort(
    (a, b) => swing(b.per_fu_co2e_g_low, b.per_fu_co2e_g_high, b.swing_per_fu_co2e_g) - swing(a.per_fu_co2e_g_low, a.per_fu_co2e_g_high, a.swing_per_fu_co2e_g),
  );
  const table = markdownTable(
    [
      ['parameter', 'low', 'central', 'high', 'g CO2e per FU (at low → at high)', 'swing (g)', 'kg CO2e total (at low → at high)', 'swing (kg)'],
      ...sorted.map((s) => [
        `${esc(s.parameter)}${s.unit ? ` (${esc(s.unit)})` : ''}`,
        fmt(s.low_value),
        fmt(s.central_value),
        fmt(s.high_value),
        `${fmt(s.per_fu_co2e_g_low)} → ${fmt(s.per_fu_co2e_g_high)}`,
        fmt(swing(s.per_fu_co2e_g_low, s.per_fu_co2e_g_high, s.swing_per_fu_co2e_g)),
        `${fmt(s.co2e_kg_low)} → ${fmt(s.co2e_kg_high)}`,
        fmt(swing(s.co2e_kg_low, s.co2e_kg_high, s.swing_co2e_kg)),
      ]),
    ],
    { align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'] },
  );
  const chart = tornadoChart(card);
  const sources = sorted.filter((s) => s.source).map((s) => `${esc(s.parameter)}: ${esc(s.source ?? '')}`);
  return [
    '#### Sensitivity (one at a time)',
    '',
    'Each parameter set to its low and its high value, every other one central; sorted by the swing of the per-FU result (a tornado).',
    '',
    table,
    '',
    ...(chart ? [mermaidBlock(chart)] : []),
    ...(sources.length ? [`<sub>Ranges: ${sources.join('; ')}.</sub>`, ''] : []),
  ].join('\n');
}

function uncertainty(card: ModelCard): string {
  const u = card.interpretation.uncertainty;
  const range = (lo: number, hi: number, unit: string) =>
    lo === hi ? `**${fmt(lo)} ${unit}** (a point: no input it rests on carries a range)` : `**${fmt(lo)}–${fmt(hi)} ${unit}**`;
  const lines = ['#### Uncertainty', '', `- Assessed stages: ${range(u.co2e_kg_low, u.co2e_kg_high, 'kg CO2e')} (central ${fmt(card.totals.co2e_kg)}).`];
  if (u.per_fu_co2e_g_low !== undefined && u.per_fu_co2e_g_high !== undefined) {
    lines.push(`- Per functional unit: ${range(u.per_fu_co2e_g_low, u.per_fu_co2e_g_high, 'g CO2e')} (central ${fmt(card.per_functional_unit.co2e_g)}).`);
  }
  if (u.energy_kwh_low !== undefined && u.energy_kwh_high !== undefined) {
    lines.push(`- Energy: ${fmt(u.energy_kwh_low)}–${fmt(u.energy_kwh_high)} kWh (central ${fmt(card.totals.energy_kwh)}).`);
  }
  if (u.water_l_low !== undefined && u.water_l_high !== undefined && (u.water_l_high > 0 || card.totals.water_l > 0)) {
    lines.push(`- Water: ${fmt(u.water_l_low)}–${fmt(u.water_l_high)} L (central ${fmt(card.totals.water_l)}).`);
  }
  const mc = u.monte_carlo;
  if (mc) {
    lines.push(
      `- Monte Carlo 90 % band (${fmt(mc.samples)} samples, seed ${mc.seed}): ${fmt(mc.co2e_kg_p05)}–${fmt(mc.co2e_kg_p95)} kg (median ${fmt(mc.co2e_kg_p50)}); ` +
        `${fmt(mc.per_fu_co2e_g_p05)}–${fmt(mc.per_fu_co2e_g_p95)} g per FU (median ${fmt(mc.per_fu_co2e_g_p50)}).`,
    );
  }
  // Escaped although ml-lca writes the method and the SCI note: a card read from outside this
  // run (a fork's artifact, a baseline) can say anything there. No card text is trusted.
  if (u.method) lines.push(`- Method: ${esc(u.method)}.`);
  if (u.covers !== undefined) lines.push(u.covers.length > 0 ? '- The range covers:' : '- The range covers no input: none carries a range.');
  for (const p of u.parameters ?? []) {
    lines.push(`  - ${esc(p.parameter)}: ${fmt(p.low)}–${fmt(p.high)}${p.unit ? ` ${esc(p.unit)}` : ''} (central ${fmt(p.central)}; ${esc(p.source)})`);
  }
  if (u.not_covered && u.not_covered.length > 0) {
    lines.push('- Not covered (the range is narrower than the truth by what these hide):');
    for (const n of u.not_covered) lines.push(`  - ${esc(n)}`);
  }
  return `${lines.join('\n')}\n`;
}

function dataQuality(card: ModelCard): string {
  const items = card.interpretation.data_quality;
  if (items.length === 0) return '#### Data quality\n\nNo completeness or consistency findings.\n';
  const lines = items.map((d) => `- ${SEVERITY_ICON[d.severity]} **${d.severity}** ${escapeCode(d.code)}: ${esc(d.message)}`);
  return `#### Data quality\n\n${lines.join('\n')}\n`;
}

function headVsBase(card: ModelCard): string | null {
  const c = card.comparison;
  if (!c) return null;
  // Sentences rebuilt from the numbers (the stored noise_note is for JSON readers): no card
  // text reaches the markdown unescaped, and none needs escaping here.
  // The headline metrics always; any other metric only when it is a real change (the
  // comparison table above has every metric).
  const notes = c.metrics
    .filter((m) => m.within_noise !== undefined && m.within_noise !== null && m.delta !== null && m.noise_band !== undefined && m.noise_band !== null)
    .filter((m) => HEADLINE_METRICS.includes(m.metric) || m.within_noise === false)
    .map((m) => {
      const unit = unitOf(m.metric);
      const u = unit ? ` ${unit}` : '';
      const pctText = m.delta_pct === null ? '' : ` (${fmtSigned(m.delta_pct)} %)`;
      const improved = m.better === 'lower' ? (m.delta ?? 0) < 0 : (m.delta ?? 0) > 0;
      const verdict = m.within_noise ? 'is within the noise band' : 'exceeds the noise band';
      const tail = m.within_noise ? 'not a real change' : `a real change, ${improved ? 'better' : 'worse'}`;
      return `- ${escapeCode(m.metric)}: ${fmtSigned(m.delta)}${u}${pctText} ${verdict} ±${fmt(m.noise_band)}${u}: ${tail}.`;
    });
  const chart = headVsBaseChart(c);
  if (notes.length === 0 && !chart) return null;
  return ['#### Head vs base: real change or noise?', '', ...notes, ...(notes.length ? [''] : []), ...(chart ? [mermaidBlock(chart)] : [])].join('\n');
}

function sciSection(card: ModelCard): string | null {
  const s = card.interpretation.sci;
  if (s === undefined) return null;
  if (s === null) return '#### SCI (ISO/IEC 21031:2024)\n\nNot computed: no stage served inferences, so R (functional units) is 0.\n';
  return [
    '#### SCI (ISO/IEC 21031:2024)',
    '',
    `SCI = (E × I + M) / R = (${fmt(s.e_kwh)} kWh × ${fmt(s.i_g_per_kwh)} g/kWh + ${fmt(s.m_g)} g) / ${fmt(s.r)} = **${fmt(s.sci_g_per_fu)} g CO2e per functional unit** ` +
      `(R = ${esc(s.r_unit)}; stages: ${s.stages.map(esc).join(', ')}).`,
    '',
    `Not included: the amortized up-front carbon, ${fmt(s.amortized_co2e_g_excluded)} g per FU. ${esc(s.note)}`,
    '',
  ].join('\n');
}

/** The Hugging Face block in one sentence (the block itself is in the card, and `ml-lca hf-card` writes it). */
function hfSection(card: ModelCard): string {
  const h = card.hf_co2_eq_emissions;
  return [
    '#### Hugging Face `co2_eq_emissions`',
    '',
    `**${fmt(h.emissions)} g CO2e**${h.training_type ? ` (training_type ${esc(h.training_type)})` : ''}: ${esc(h.source)}. ` +
      `Location ${esc(h.geographical_location)}, hardware ${esc(h.hardware_used)}. ` +
      'Write it into a model README with `ml-lca hf-card --card model-card.json README.md` (or the action input `hf-readme`).',
    '',
  ].join('\n');
}

function energy(card: ModelCard): string | null {
  const e = card.interpretation.energy_disclosure;
  if (!e) return null;
  const table = markdownTable(
    [
      ['stage', 'energy from', 'scope', 'hours (h)', 'accelerator-hours', 'IT energy (kWh)', 'facility energy (kWh)'],
      ...e.stages.map((s) => [
        esc(s.stage),
        esc(s.energy_origin),
        esc(s.energy_scope),
        fmt(s.hours),
        fmt(s.accelerator_hours),
        fmt(s.it_energy_kwh),
        fmt(s.energy_kwh),
      ]),
      ['**total**', '', '', '', '', fmt(e.total_it_energy_kwh), `**${fmt(e.total_energy_kwh)}**`],
    ],
    { align: ['l', 'l', 'l', 'r', 'r', 'r', 'r'] },
  );
  const h = e.hardware;
  const where = e.location;
  return [
    '#### Energy disclosure',
    '',
    table,
    '',
    `- Hardware: ${fmt(h.count)} × ${esc(h.model)}${h.power_w !== null ? ` (${fmt(h.power_w)} W each)` : ''}${h.known ? '' : ' (not in the bundled data)'}.`,
    `- Location: ${where.region ? esc(where.region) : 'no region'}, grid ${fmt(where.intensity_g_per_kwh)} g CO2e/kWh${where.source ? ` (${esc(where.source)})` : ''}.`,
    `- Facility: PUE ${fmt(e.pue)} (applied once), IT overhead ${fmt(e.it_overhead_factor)}× on device-only energy, WUE ${fmt(e.wue_l_per_kwh)} L/kWh.`,
    '',
  ].join('\n');
}
