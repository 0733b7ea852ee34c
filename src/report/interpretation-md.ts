// The interpretation of report.md and the PR comment (ISO 14044 phase 4): significant issues,
// the lifetime curve with its breakeven, the tornado, the uncertainty range, data quality, head
// vs base noise statements, SCI, the Hugging Face block and the energy disclosure. Card in,
// markdown parts out (renderReport puts each in its own collapsed section, and the charts in
// one "Charts" section); every string from the card is escaped or rebuilt from numbers.
import { markdownTable } from 'markdown-table';
import type { ModelCard } from './card-schema.js';
import { escapeCode, escapeMarkdown as esc, withoutUrls } from './escape.js';
import { count, deltaPct, fmt, NBSP, param, pct, qty, qtyParam, range, scaleFor, unitOf } from './format.js';
import { parameterName } from './charts.js';

const HEADLINE_METRICS: readonly string[] = ['totals.co2e_kg', 'per_functional_unit.co2e_g', 'lifetime.co2e_kg'];

const SEVERITY_ICON = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;

/** Each part of the interpretation, markdown (null where the card has nothing for it). */
export interface InterpretationParts {
  significant: string;
  lifetime: string | null;
  sensitivity: string | null;
  uncertainty: string;
  dataQuality: string;
  headVsBase: string | null;
  sci: string | null;
  hf: string;
  energy: string | null;
}

export function interpretationParts(card: ModelCard): InterpretationParts {
  return {
    significant: significant(card),
    lifetime: lifetime(card),
    sensitivity: sensitivity(card),
    uncertainty: uncertainty(card),
    dataQuality: dataQuality(card),
    headVsBase: headVsBase(card),
    sci: sciSection(card),
    hf: hfSection(card),
    energy: energy(card),
  };
}

/** Every part in reading order, as one markdown text. */
export function renderInterpretation(card: ModelCard): string {
  const p = interpretationParts(card);
  const titled = (title: string, body: string | null) => (body === null ? null : `#### ${title}\n\n${body}`);
  return [
    p.significant,
    p.lifetime,
    p.sensitivity,
    p.uncertainty,
    titled('Data quality', p.dataQuality),
    p.headVsBase,
    p.sci,
    titled('Hugging Face `co2_eq_emissions`', p.hf),
    titled('Energy disclosure', p.energy),
  ]
    .filter((x): x is string => x !== null)
    .join('\n');
}

function significant(card: ModelCard): string {
  const i = card.interpretation;
  const t = card.totals;
  const fu = card.per_functional_unit;
  const lines: string[] = [];
  if (i.dominant_stage !== null) {
    const share = i.shares?.[i.dominant_stage] ?? (t.co2e_kg > 0 ? (card.stages[i.dominant_stage]?.co2e_kg ?? 0) / t.co2e_kg : null);
    const flows = i.flow_shares ? ` (${pct(i.flow_shares.operational)} operational, ${pct(i.flow_shares.embodied)} embodied)` : '';
    lines.push(
      `**Significant issues.** Stage **${esc(i.dominant_stage)}** dominates the assessed carbon: ${pct(share)} of ${qty(t.co2e_kg, 'kg CO2e')}${flows}.`,
    );
  } else {
    lines.push('**Significant issues.** No stage has any carbon: nothing dominates.');
  }
  if (i.dominant_term) {
    const s = i.term_shares;
    const share = s ? s[i.dominant_term] : fu.co2e_g > 0 ? termOf(fu, i.dominant_term) / fu.co2e_g : null;
    const sc = scaleFor([fu.co2e_g, fu.marginal_co2e_g, fu.embodied_co2e_g, fu.amortized_co2e_g], 'g CO2e');
    lines.push(
      `Per functional unit the **${i.dominant_term}** term dominates: ${pct(share)} of ${sc.withUnit(fu.co2e_g)} ` +
        `(marginal ${sc.withUnit(fu.marginal_co2e_g)}, embodied ${sc.withUnit(fu.embodied_co2e_g)}, amortized up-front ${sc.withUnit(fu.amortized_co2e_g)}).`,
    );
  }
  const lt = card.lifetime;
  if (lt.co2e_kg > 0) {
    const up = lt.upfront_co2e_kg / lt.co2e_kg;
    lines.push(
      `Over the scenario's ${count(lt.inferences)} lifetime inferences, ${up >= 0.5 ? 'up-front (experimentation, training) carbon' : 'inference carbon'} dominates the lifecycle: ` +
        `${pct(up >= 0.5 ? up : 1 - up)} of ${qty(lt.co2e_kg, 'kg CO2e')}.`,
    );
  }
  return `${lines.join(' ')}\n`;
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
  const sc = scaleFor(
    curve.map((p) => p.co2e_g_per_fu),
    'g CO2e',
  );
  const lines = [
    '#### CO2e per FU vs lifetime inferences',
    '',
    `Per functional unit, CO2e falls from ${sc.withUnit(first.co2e_g_per_fu)} at ${count(first.inferences)} lifetime inferences to ${sc.withUnit(last.co2e_g_per_fu)} at ${count(last.inferences)}, ` +
      'as the up-front carbon is spread over more units (paper: the per-unit cost is extremely sensitive to lifetime use until it reaches tens of billions).',
    be === null
      ? 'No breakeven: without a per-inference stage, inference carbon never catches up with the up-front carbon here.'
      : `Breakeven at **${count(be)}** inferences: beyond it inference carbon exceeds the up-front carbon. ` +
        `The scenario's ${count(L)} is ${L < be ? '**below** it: the up-front carbon still dominates each unit' : '**beyond** it: serving dominates each unit'}.`,
    '',
    markdownTable(
      [['lifetime inferences', `${sc.unit} per FU`, 'point'], ...curve.map((p) => [count(p.inferences), sc.format(p.co2e_g_per_fu), p.label ?? ''])],
      { align: ['r', 'r', 'l'] },
    ),
    '',
  ];
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
  const g = scaleFor(
    sorted.flatMap((s) => [s.per_fu_co2e_g_low, s.per_fu_co2e_g_high]),
    'g CO2e',
  );
  const kg = scaleFor(
    sorted.flatMap((s) => [s.co2e_kg_low, s.co2e_kg_high]),
    'kg CO2e',
  );
  // The unit after the name, unless the name says it (`lifetime inferences`).
  const name = (s: (typeof sorted)[number]) => {
    const n = parameterName(s.parameter);
    return `${esc(n)}${s.unit && !n.endsWith(s.unit) ? ` (${esc(s.unit)})` : ''}`;
  };
  // Two tables of at most 6 columns: the per-FU result (what the tornado sorts by), then the total.
  const perFu = markdownTable(
    [
      ['parameter', 'low', 'central', 'high', `${g.unit} per FU<br>at low → high`, `swing<br>(${g.unit})`],
      ...sorted.map((s) => [
        name(s),
        param(s.low_value),
        param(s.central_value),
        param(s.high_value),
        `${g.format(s.per_fu_co2e_g_low)} → ${g.format(s.per_fu_co2e_g_high)}`,
        g.format(swing(s.per_fu_co2e_g_low, s.per_fu_co2e_g_high, s.swing_per_fu_co2e_g)),
      ]),
    ],
    { align: ['l', 'r', 'r', 'r', 'r', 'r'] },
  );
  const total = markdownTable(
    [
      ['parameter', `${kg.unit} total<br>at low → high`, `swing<br>(${kg.unit})`],
      ...sorted.map((s) => [
        name(s),
        `${kg.format(s.co2e_kg_low)} → ${kg.format(s.co2e_kg_high)}`,
        kg.format(swing(s.co2e_kg_low, s.co2e_kg_high, s.swing_co2e_kg)),
      ]),
    ],
    { align: ['l', 'r', 'r'] },
  );
  const sources = sorted.filter((s) => s.source).map((s) => `- ${esc(parameterName(s.parameter))}: ${esc(withoutUrls(s.source ?? ''))}`);
  return [
    '#### Sensitivity (one at a time)',
    '',
    'Each parameter set to its low and its high value, every other one central; sorted by the swing of the per-FU result (a tornado).',
    '',
    perFu,
    '',
    total,
    '',
    ...(sources.length ? ['Ranges:', '', ...sources, ''] : []),
  ].join('\n');
}

function uncertainty(card: ModelCard): string {
  const u = card.interpretation.uncertainty;
  // A point says so instead of printing `x–x` (every input stated, none with a range).
  const span = (lo: number, hi: number, unit: string) =>
    lo === hi ? `**${qty(lo, unit)}** (a point: no input it rests on carries a range)` : `**${range(lo, hi, unit)}**`;
  const lines = [
    '#### Uncertainty',
    '',
    `- Assessed stages: ${span(u.co2e_kg_low, u.co2e_kg_high, 'kg CO2e')} (central ${qty(card.totals.co2e_kg, 'kg CO2e')}).`,
  ];
  if (u.per_fu_co2e_g_low !== undefined && u.per_fu_co2e_g_high !== undefined) {
    lines.push(
      `- Per functional unit: ${span(u.per_fu_co2e_g_low, u.per_fu_co2e_g_high, 'g CO2e')} (central ${qty(card.per_functional_unit.co2e_g, 'g CO2e')}).`,
    );
  }
  if (u.energy_kwh_low !== undefined && u.energy_kwh_high !== undefined) {
    lines.push(`- Energy: ${range(u.energy_kwh_low, u.energy_kwh_high, 'kWh')} (central ${qty(card.totals.energy_kwh, 'kWh')}).`);
  }
  if (u.water_l_low !== undefined && u.water_l_high !== undefined && (u.water_l_high > 0 || card.totals.water_l > 0)) {
    lines.push(`- Water: ${range(u.water_l_low, u.water_l_high, 'L')} (central ${qty(card.totals.water_l, 'L')}).`);
  }
  const mc = u.monte_carlo;
  if (mc) {
    lines.push(
      `- Monte Carlo 90${NBSP}% band (${count(mc.samples)} samples, seed ${String(mc.seed)}): ${range(mc.co2e_kg_p05, mc.co2e_kg_p95, 'kg CO2e')} (median ${qty(mc.co2e_kg_p50, 'kg CO2e')}); ` +
        `${range(mc.per_fu_co2e_g_p05, mc.per_fu_co2e_g_p95, 'g CO2e')} per FU (median ${qty(mc.per_fu_co2e_g_p50, 'g CO2e')}).`,
    );
  }
  // Escaped although ml-lca writes the method and the SCI note: a card read from outside this
  // run (a fork's artifact, a baseline) can say anything there. No card text is trusted.
  if (u.method) lines.push(`- Method: ${esc(u.method)}.`);
  if (u.covers !== undefined) lines.push(u.covers.length > 0 ? '- The range covers:' : '- The range covers no input: none carries a range.');
  for (const p of u.parameters ?? []) {
    lines.push(
      `  - ${esc(p.parameter)}: ${param(p.low)}–${param(p.high)}${p.unit ? `${NBSP}${esc(p.unit)}` : ''} (central ${param(p.central)}; ${esc(withoutUrls(p.source))})`,
    );
  }
  if (u.not_covered && u.not_covered.length > 0) {
    lines.push('- Not covered (the range is narrower than the truth by what these hide):');
    for (const n of u.not_covered) lines.push(`  - ${esc(n)}`);
  }
  return `${lines.join('\n')}\n`;
}

function dataQuality(card: ModelCard): string {
  const items = card.interpretation.data_quality;
  if (items.length === 0) return 'No completeness or consistency findings.\n';
  const lines = items.map((d) => `- ${SEVERITY_ICON[d.severity]} **${d.severity}** ${escapeCode(d.code)}: ${esc(d.message)}`);
  return `${lines.join('\n')}\n`;
}

/** Head vs base: is each headline change (and any other real change) beyond the noise band? */
function headVsBase(card: ModelCard): string | null {
  const c = card.comparison;
  if (!c) return null;
  // Sentences rebuilt from the numbers (the stored noise_note is for JSON readers): no card
  // text reaches the markdown unescaped. The headline metrics always; any other metric only when
  // it is a real change (the comparison table has every metric).
  const notes = c.metrics
    .filter((m) => m.within_noise !== undefined && m.within_noise !== null && m.delta !== null && m.noise_band !== undefined && m.noise_band !== null)
    .filter((m) => HEADLINE_METRICS.includes(m.metric) || m.within_noise === false)
    .map((m) => {
      const unit = unitOf(m.metric);
      const pctText = m.delta_pct === null ? '' : ` (${deltaPct(m.delta_pct)})`;
      const improved = m.better === 'lower' ? (m.delta ?? 0) < 0 : (m.delta ?? 0) > 0;
      const verdict = m.within_noise ? 'is within the noise band' : 'exceeds the noise band';
      const tail = m.within_noise ? 'not a real change' : `a real change, ${improved ? 'better' : 'worse'}`;
      // The change and the band in the unit of the values (±0.545 kg, not ±545 g beside +3.44 kg).
      const sc = scaleFor([m.base, m.head], unit);
      const delta = `${(m.delta ?? 0) > 0 ? '+' : ''}${sc.withUnit(m.delta)}`;
      return `- ${escapeCode(m.metric)}: ${delta}${pctText} ${verdict} ±${sc.withUnit(m.noise_band)}: ${tail}.`;
    });
  if (notes.length === 0) return null;
  return ['#### Real change or noise?', '', ...notes, ''].join('\n');
}

function sciSection(card: ModelCard): string | null {
  const s = card.interpretation.sci;
  if (s === undefined) return null;
  if (s === null) return '#### SCI (ISO/IEC 21031:2024)\n\nNot computed: no stage served inferences, so R (functional units) is 0.\n';
  return [
    '#### SCI (ISO/IEC 21031:2024)',
    '',
    `SCI = (E × I + M) / R = (${fmt(s.e_kwh)}${NBSP}kWh × ${qtyParam(s.i_g_per_kwh, 'g/kWh')} + ${fmt(s.m_g)}${NBSP}g) / ${fmt(s.r)} = **${qty(s.sci_g_per_fu, 'g CO2e')} per functional unit** ` +
      `(R = ${esc(s.r_unit)}; stages: ${s.stages.map(esc).join(', ')}).`,
    '',
    // Escaped for the same reason as the method: a card from outside can say anything here.
    `Not included: the amortized up-front carbon, ${qty(s.amortized_co2e_g_excluded, 'g CO2e')} per FU. ${esc(s.note)}`,
    '',
  ].join('\n');
}

/** The Hugging Face block in one sentence (the block itself is in the card, and `ml-lca hf-card` writes it). */
function hfSection(card: ModelCard): string {
  const h = card.hf_co2_eq_emissions;
  return [
    `**${qty(h.emissions, 'g CO2e')}** (the block states grams: ${count(h.emissions)}${NBSP}g)${h.training_type ? `, training_type ${esc(h.training_type)}` : ''}: ${esc(h.source)}. ` +
      `Location ${esc(h.geographical_location)}, hardware ${esc(h.hardware_used)}. ` +
      'Write it into a model README with `ml-lca hf-card --card model-card.json README.md` (or the action input `hf-readme`).',
    '',
  ].join('\n');
}

/** Hardware, location and facility factors of the energy disclosure (its per-stage rows are in the per-stage table). */
function energy(card: ModelCard): string | null {
  const e = card.interpretation.energy_disclosure;
  if (!e) return null;
  const h = e.hardware;
  const where = e.location;
  return [
    `- Hardware: ${count(h.count)} × ${esc(h.model)}${h.power_w !== null ? ` (${qty(h.power_w, 'W', 4)} each)` : ''}${h.known ? '' : ' (not in the bundled data)'}.`,
    `- Location: ${where.region ? esc(where.region) : 'no region'}, grid ${qtyParam(where.intensity_g_per_kwh, 'g CO2e/kWh')}${where.source ? ` (${esc(withoutUrls(where.source))})` : ''}.`,
    `- Facility: PUE ${param(e.pue)} (applied once), IT overhead ${param(e.it_overhead_factor)}× on device-only energy, WUE ${qtyParam(e.wue_l_per_kwh, 'L/kWh')}.`,
    '',
  ].join('\n');
}
