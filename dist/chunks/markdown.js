import { b as METRICS, v as valueAtPath, c as STAGE_FIELDS, M as ModelCard, d as SCHEMA_VERSION, p as pct, e as escapeMarkdown, f as fmt, m as markdownTable, g as escapeCode, u as unitOf, a as fmtSigned } from './escape.js';
import { I as InputError, b as fromZodError, a as formatPath } from './errors.js';

function num(v) {
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
function compareMetric(metric, base, head, better = 'lower') {
    const delta = base !== null && head !== null ? head - base : null;
    let pct = null;
    if (delta !== null && base !== null) {
        if (base !== 0)
            pct = (delta / Math.abs(base)) * 100;
        else if (delta === 0)
            pct = 0;
    }
    return { metric, base, head, delta, delta_pct: pct, better };
}
function compareCards(base, head, meta) {
    const metrics = METRICS.map((m) => compareMetric(m.path, num(valueAtPath(base, m.path)), num(valueAtPath(head, m.path)), m.better));
    const stageNames = [...Object.keys(base.stages), ...Object.keys(head.stages).filter((s) => !(s in base.stages))];
    for (const s of stageNames) {
        for (const f of STAGE_FIELDS) {
            const path = `stages.${s}.${f.field}`;
            metrics.push(compareMetric(path, num(valueAtPath(base, path)), num(valueAtPath(head, path))));
        }
    }
    const { statements, comparable } = consistency(base.scenario, head.scenario);
    return { baseline: meta, metrics, consistency: statements, comparable };
}
const same = (a, b) => a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));
const diffList = (a, b) => ({
    onlyBase: a.filter((x) => !b.includes(x)),
    onlyHead: b.filter((x) => !a.includes(x)),
});
/**
 * Statements for each difference in goal, scope or factors. `comparable` turns false when the
 * functional unit, the boundary, the grid intensity, the PUE, the overhead factor or the
 * hardware differ; lifetime inferences, WUE and prices only add a statement.
 */
function consistency(base, head) {
    const out = [];
    let comparable = true;
    const breaking = (s) => {
        out.push(s);
        comparable = false;
    };
    const fuB = base.functional_unit;
    const fuH = head.functional_unit;
    if (fuB.description !== fuH.description || !same(fuB.inferences, fuH.inferences)) {
        breaking(`Functional unit differs: base "${fuB.description}" (${fuB.inferences} inferences) vs head "${fuH.description}" (${fuH.inferences} inferences); per-functional-unit results are not comparable.`);
    }
    const st = diffList(base.boundary.stages, head.boundary.stages);
    if (st.onlyBase.length || st.onlyHead.length) {
        breaking(`System boundary differs in stages: ${[st.onlyBase.length ? `only in base: ${st.onlyBase.join(', ')}` : '', st.onlyHead.length ? `only in head: ${st.onlyHead.join(', ')}` : ''].filter(Boolean).join('; ')}.`);
    }
    const fl = diffList(base.boundary.flows, head.boundary.flows);
    if (fl.onlyBase.length || fl.onlyHead.length) {
        breaking(`System boundary differs in flows: ${[fl.onlyBase.length ? `only in base: ${fl.onlyBase.join(', ')}` : '', fl.onlyHead.length ? `only in head: ${fl.onlyHead.join(', ')}` : ''].filter(Boolean).join('; ')}.`);
    }
    if (!same(base.grid.intensity_g_per_kwh, head.grid.intensity_g_per_kwh)) {
        const where = (r) => (r.grid.region ? ` (${r.grid.region})` : '');
        breaking(`Grid intensity differs: base ${base.grid.intensity_g_per_kwh} g CO2e/kWh${where(base)} vs head ${head.grid.intensity_g_per_kwh} g CO2e/kWh${where(head)}; carbon deltas partly reflect the grid, not the model.`);
    }
    if (!same(base.pue, head.pue))
        breaking(`PUE differs: base ${base.pue} vs head ${head.pue}; energy and carbon deltas partly reflect the facility.`);
    if (!same(base.it_overhead_factor, head.it_overhead_factor)) {
        breaking(`IT overhead factor differs: base ${base.it_overhead_factor} vs head ${head.it_overhead_factor}.`);
    }
    const hB = base.hardware;
    const hH = head.hardware;
    if (hB.model !== hH.model)
        breaking(`Hardware differs: base ${hB.model} vs head ${hH.model}.`);
    else {
        if (!same(hB.embodied_kg, hH.embodied_kg))
            breaking(`Embodied carbon per accelerator differs: base ${hB.embodied_kg ?? 'unknown'} kg vs head ${hH.embodied_kg ?? 'unknown'} kg.`);
        if (!same(hB.lifespan_years, hH.lifespan_years))
            breaking(`Hardware lifespan differs: base ${hB.lifespan_years} vs head ${hH.lifespan_years} years.`);
    }
    if (hB.count !== hH.count)
        out.push(`Accelerator count changed: base ${hB.count} vs head ${hH.count}.`);
    if (!same(base.deployment.lifetime_inferences, head.deployment.lifetime_inferences)) {
        out.push(`Lifetime inferences differ: base ${base.deployment.lifetime_inferences} vs head ${head.deployment.lifetime_inferences}; the amortised per-functional-unit term changes with it.`);
    }
    if (!same(base.wue_l_per_kwh, head.wue_l_per_kwh))
        out.push(`WUE differs: base ${base.wue_l_per_kwh} vs head ${head.wue_l_per_kwh} L/kWh; water deltas partly reflect the facility.`);
    if (!same(base.electricity_usd_per_kwh, head.electricity_usd_per_kwh) || !same(base.gpu_hour_usd, head.gpu_hour_usd)) {
        out.push('Prices differ between base and head; cost deltas partly reflect prices.');
    }
    return { statements: out, comparable };
}

function hfCo2EqEmissions(card) {
    const upfront = Object.entries(card.stages).filter(([, s]) => s.inferences === null);
    const kg = upfront.reduce((sum, [, s]) => sum + s.co2e_kg, 0);
    const names = upfront.map(([n]) => n);
    const { grid, hardware } = card.scenario;
    return {
        emissions: kg * 1000,
        source: `ml-lca ${card.tool.version}: operational + embodied CO2e of ${names.length ? names.join(', ') : 'no up-front stage'} (ISO 14040/14044 life cycle assessment)`,
        training_type: names.some((n) => /fine[-_ ]?tun/i.test(n)) ? 'fine-tuning' : 'pre-training',
        geographical_location: grid.region ?? `grid intensity ${grid.intensity_g_per_kwh} g CO2e/kWh`,
        hardware_used: `${hardware.count} x ${hardware.model}`,
    };
}

// Assembles the model card from the pipeline's parts and validates it against the published
// schema before anyone writes it: a card that does not match is our bug, not the user's.
function assembleCard(parts) {
    const { version, createdAt, ...rest } = parts;
    const tool = { name: 'ml-lca', version };
    const draft = {
        schema_version: SCHEMA_VERSION,
        tool,
        created_at: createdAt.toISOString(),
        ...rest,
        hf_co2_eq_emissions: hfCo2EqEmissions({ scenario: rest.scenario, stages: rest.stages, tool }),
    };
    const parsed = ModelCard.safeParse(draft);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`model card does not match its schema at ${formatPath(issue?.path ?? [])}: ${issue?.message ?? 'invalid'}`);
    }
    return parsed.data;
}
/** A card read back from disk (a baseline, or `ml-lca compare`): JSON, then the schema. */
function parseCard(text, file) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (e) {
        throw new InputError({
            code: 'CARD_INVALID',
            file,
            expected: 'a model card JSON written by ml-lca',
            got: `invalid JSON (${e instanceof Error ? e.message : String(e)})`,
        });
    }
    const parsed = ModelCard.safeParse(json);
    if (!parsed.success)
        throw fromZodError(parsed.error, { file, input: json, code: 'CARD_INVALID' });
    return parsed.data;
}

/** A finite number as a plain decimal with `sig` significant digits, never in exponent form. */
function plainNumber(x, sig = 4) {
    if (!Number.isFinite(x) || x === 0)
        return '0';
    const mag = Math.floor(Math.log10(Math.abs(x)));
    const decimals = Math.min(20, Math.max(0, sig - 1 - mag));
    const rounded = Number(x.toPrecision(sig));
    let s = rounded.toFixed(decimals);
    if (s.includes('e'))
        s = BigInt(rounded).toString(); // toFixed switches to exponent at 1e21
    if (s.includes('.'))
        s = s.replace(/0+$/, '').replace(/\.$/, '');
    return s === '-0' ? '0' : s;
}
/** `5e9`, `2.5e10`: a compact axis label for an inference count. */
function compactCount(x) {
    if (!Number.isFinite(x) || x <= 0)
        return String(x);
    const e = Math.floor(Math.log10(x));
    const m = x / 10 ** e;
    const mant = Number(m.toPrecision(2));
    return mant === 10 ? `1e${e + 1}` : `${mant}e${e}`;
}
/** A label inside mermaid double quotes (or a bare title): no quotes, no line breaks, bounded. */
function mermaidLabel(text, max = 60) {
    const clean = text
        .replace(/[\r\n\t\v\f\u2028\u2029]+/g, ' ')
        .replace(/["`]/g, "'")
        .replace(/[;#%{}<>\\]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
function mermaidBlock(diagram) {
    return `\`\`\`mermaid\n${diagram}\n\`\`\`\n`;
}
/** Pie of lifecycle CO2e per stage (kg); null when there is nothing to split. */
function stagePie(card) {
    const rows = Object.entries(card.stages).filter(([, s]) => s.co2e_kg > 0);
    if (rows.length === 0)
        return null;
    return [
        'pie showData',
        `  title ${mermaidLabel(`CO2e by stage (kg), ${card.scenario.name}`)}`,
        ...rows.map(([name, s]) => `  "${mermaidLabel(name)}" : ${plainNumber(s.co2e_kg, 6)}`),
    ].join('\n');
}
/**
 * Per-FU carbon over lifetime inferences. The x axis is categorical (xychart-beta has no log
 * axis): the decades 1e6..1e12 plus the scenario value and the breakeven, in order, so it reads
 * as a log axis. The y values are log10 of g CO2e per FU because the amortized term falls by
 * six orders of magnitude over that range; a second line is the per-inference floor
 * (marginal + embodied): the curve crosses twice the floor at the breakeven.
 */
function lifetimeChart(card) {
    const curve = card.interpretation.lifetime_curve ?? [];
    if (curve.length < 2)
        return null;
    const fu = card.per_functional_unit;
    const floor = fu.marginal_co2e_g + fu.embodied_co2e_g;
    const values = curve.map((p) => p.co2e_g_per_fu);
    const log = values.every((v) => v > 0);
    const y = (v) => (log ? plainNumber(Math.log10(v), 4) : plainNumber(v, 4));
    const labels = curve.map((p) => `"${compactCount(p.inferences)}${p.label ? ` ${p.label}` : ''}"`);
    const lines = [
        'xychart-beta',
        `  title "${mermaidLabel(`Per-FU CO2e vs lifetime inferences${log ? ' (log10 g)' : ' (g)'}${floor > 0 ? ', flat line = per-inference floor' : ''}`, 100)}"`,
        `  x-axis "lifetime inferences" [${labels.join(', ')}]`,
        `  y-axis "${log ? 'log10 g CO2e per FU' : 'g CO2e per FU'}"`,
        `  line [${values.map(y).join(', ')}]`,
    ];
    if (floor > 0)
        lines.push(`  line [${values.map(() => y(floor)).join(', ')}]`);
    return lines.join('\n');
}
/** Tornado: swing of per-FU CO2e per parameter (low to high), largest first. */
function tornadoChart(card) {
    const rows = card.interpretation.sensitivity.filter((s) => (s.swing_per_fu_co2e_g ?? Math.abs(s.per_fu_co2e_g_high - s.per_fu_co2e_g_low)) > 0);
    if (rows.length === 0)
        return null;
    const swing = (s) => s.swing_per_fu_co2e_g ?? Math.abs(s.per_fu_co2e_g_high - s.per_fu_co2e_g_low);
    return [
        'xychart-beta horizontal',
        `  title "Sensitivity: swing of g CO2e per FU"`,
        `  x-axis [${rows.map((s) => `"${mermaidLabel(s.parameter, 40)}"`).join(', ')}]`,
        `  y-axis "g CO2e per FU (high − low)"`,
        `  bar [${rows.map((s) => plainNumber(swing(s), 4)).join(', ')}]`,
    ].join('\n');
}
/**
 * Head vs base, one bar per (metric, side): stage and total CO2e in kg. One bar series with
 * "base"/"head" categories side by side, because xychart-beta draws several bar series on top
 * of each other.
 */
function headVsBaseChart(comparison) {
    if (!comparison || !comparison.comparable)
        return null;
    const rows = comparison.metrics.filter((m) => /^(stages\.[^.]+|totals)\.co2e_kg$/.test(m.metric) && m.base !== null && m.head !== null);
    if (rows.length === 0)
        return null;
    const name = (metric) => (metric === 'totals.co2e_kg' ? 'total' : metric.split('.')[1] ?? metric);
    const cats = [];
    const vals = [];
    for (const m of rows) {
        cats.push(`"${mermaidLabel(`${name(m.metric)} base`, 40)}"`, `"${mermaidLabel(`${name(m.metric)} head`, 40)}"`);
        vals.push(plainNumber(m.base ?? 0, 6), plainNumber(m.head ?? 0, 6));
    }
    return ['xychart-beta', '  title "Head vs base: kg CO2e"', `  x-axis [${cats.join(', ')}]`, '  y-axis "kg CO2e"', `  bar [${vals.join(', ')}]`].join('\n');
}

// The interpretation section of report.md and the PR comment (ISO 14044 phase 4): significant
// issues, the lifetime curve with its breakeven, the tornado, the uncertainty range, data
// quality, head vs base noise statements, SCI and the energy disclosure, with mermaid charts
// where a picture reads faster than a table. Card in, markdown out; user text escaped.
// renderReport places this under its own "### Interpretation" heading, so sub-sections use ####.
const SEVERITY_ICON = { error: '❌', warning: '⚠️', info: 'ℹ️' };
function renderInterpretation(card) {
    const parts = [
        significant(card),
        lifetime(card),
        sensitivity(card),
        uncertainty(card),
        dataQuality(card),
        headVsBase(card),
        sciSection(card),
        energy(card),
    ].filter((x) => x !== null);
    return `${parts.join('\n')}`;
}
function significant(card) {
    const i = card.interpretation;
    const t = card.totals;
    const fu = card.per_functional_unit;
    const lines = [];
    if (i.dominant_stage !== null) {
        const share = i.shares?.[i.dominant_stage] ?? (t.co2e_kg > 0 ? (card.stages[i.dominant_stage]?.co2e_kg ?? 0) / t.co2e_kg : null);
        const flows = i.flow_shares ? ` (${pct(i.flow_shares.operational)} operational, ${pct(i.flow_shares.embodied)} embodied)` : '';
        lines.push(`**Significant issues.** Stage **${escapeMarkdown(i.dominant_stage)}** dominates the assessed carbon: ${pct(share)} of ${fmt(t.co2e_kg)} kg CO2e${flows}.`);
    }
    else {
        lines.push('**Significant issues.** No stage has any carbon: nothing dominates.');
    }
    if (i.dominant_term) {
        const s = i.term_shares;
        const share = s ? s[i.dominant_term] : fu.co2e_g > 0 ? termOf(fu, i.dominant_term) / fu.co2e_g : null;
        lines.push(`Per functional unit the **${i.dominant_term}** term dominates: ${pct(share)} of ${fmt(fu.co2e_g)} g CO2e ` +
            `(marginal ${fmt(fu.marginal_co2e_g)} g, embodied ${fmt(fu.embodied_co2e_g)} g, amortized up-front ${fmt(fu.amortized_co2e_g)} g).`);
    }
    const lt = card.lifetime;
    if (lt.co2e_kg > 0) {
        const up = lt.upfront_co2e_kg / lt.co2e_kg;
        lines.push(`Over the scenario's ${fmt(lt.inferences)} lifetime inferences, ${up >= 0.5 ? 'up-front (experimentation, training) carbon' : 'inference carbon'} dominates the lifecycle: ` +
            `${pct(up >= 0.5 ? up : 1 - up)} of ${fmt(lt.co2e_kg)} kg CO2e.`);
    }
    const pie = stagePie(card);
    return `${lines.join(' ')}\n${pie ? `\n${mermaidBlock(pie)}` : ''}`;
}
function termOf(fu, term) {
    return term === 'marginal' ? fu.marginal_co2e_g : term === 'embodied' ? fu.embodied_co2e_g : fu.amortized_co2e_g;
}
function lifetime(card) {
    const curve = card.interpretation.lifetime_curve ?? [];
    if (curve.length === 0)
        return null;
    const be = card.interpretation.breakeven_inferences;
    const L = card.scenario.deployment.lifetime_inferences;
    const first = curve[0];
    const last = curve[curve.length - 1];
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
    if (chart)
        lines.push(mermaidBlock(chart));
    lines.push(markdownTable([
        ['lifetime inferences', 'g CO2e per FU', ''],
        ...curve.map((p) => [fmt(p.inferences), fmt(p.co2e_g_per_fu), p.label ?? '']),
    ], { align: ['r', 'r', 'l'] }), '');
    return lines.join('\n');
}
function sensitivity(card) {
    const rows = card.interpretation.sensitivity;
    if (rows.length === 0)
        return null;
    const swing = (a, b, stored) => stored ?? Math.abs(b - a);
    // Tornado order: largest swing of the per-FU result first (cards from older versions may be unsorted).
    const sorted = [...rows].sort((a, b) => swing(b.per_fu_co2e_g_low, b.per_fu_co2e_g_high, b.swing_per_fu_co2e_g) - swing(a.per_fu_co2e_g_low, a.per_fu_co2e_g_high, a.swing_per_fu_co2e_g));
    const table = markdownTable([
        ['parameter', 'low', 'central', 'high', 'g CO2e per FU (at low → at high)', 'swing (g)', 'kg CO2e total (at low → at high)', 'swing (kg)'],
        ...sorted.map((s) => [
            `${escapeMarkdown(s.parameter)}${s.unit ? ` (${escapeMarkdown(s.unit)})` : ''}`,
            fmt(s.low_value),
            fmt(s.central_value),
            fmt(s.high_value),
            `${fmt(s.per_fu_co2e_g_low)} → ${fmt(s.per_fu_co2e_g_high)}`,
            fmt(swing(s.per_fu_co2e_g_low, s.per_fu_co2e_g_high, s.swing_per_fu_co2e_g)),
            `${fmt(s.co2e_kg_low)} → ${fmt(s.co2e_kg_high)}`,
            fmt(swing(s.co2e_kg_low, s.co2e_kg_high, s.swing_co2e_kg)),
        ]),
    ], { align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'] });
    const chart = tornadoChart(card);
    const sources = sorted.filter((s) => s.source).map((s) => `${escapeMarkdown(s.parameter)}: ${escapeMarkdown(s.source ?? '')}`);
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
function uncertainty(card) {
    const u = card.interpretation.uncertainty;
    const lines = [
        '#### Uncertainty',
        '',
        `- Assessed stages: **${fmt(u.co2e_kg_low)}–${fmt(u.co2e_kg_high)} kg CO2e** (central ${fmt(card.totals.co2e_kg)}).`,
    ];
    if (u.per_fu_co2e_g_low !== undefined && u.per_fu_co2e_g_high !== undefined) {
        lines.push(`- Per functional unit: **${fmt(u.per_fu_co2e_g_low)}–${fmt(u.per_fu_co2e_g_high)} g CO2e** (central ${fmt(card.per_functional_unit.co2e_g)}).`);
    }
    const mc = u.monte_carlo;
    if (mc) {
        lines.push(`- Monte Carlo 90 % band (${fmt(mc.samples)} samples, seed ${mc.seed}): ${fmt(mc.co2e_kg_p05)}–${fmt(mc.co2e_kg_p95)} kg (median ${fmt(mc.co2e_kg_p50)}); ` +
            `${fmt(mc.per_fu_co2e_g_p05)}–${fmt(mc.per_fu_co2e_g_p95)} g per FU (median ${fmt(mc.per_fu_co2e_g_p50)}).`);
    }
    // The method and the SCI note are ml-lca's own sentences, not user text: no escaping needed.
    if (u.method)
        lines.push(`- Method: ${u.method}.`);
    for (const p of u.parameters ?? []) {
        lines.push(`  - ${escapeMarkdown(p.parameter)}: ${fmt(p.low)}–${fmt(p.high)}${p.unit ? ` ${escapeMarkdown(p.unit)}` : ''} (central ${fmt(p.central)}; ${escapeMarkdown(p.source)})`);
    }
    return `${lines.join('\n')}\n`;
}
function dataQuality(card) {
    const items = card.interpretation.data_quality;
    if (items.length === 0)
        return '#### Data quality\n\nNo completeness or consistency findings.\n';
    const lines = items.map((d) => `- ${SEVERITY_ICON[d.severity]} **${d.severity}** ${escapeCode(d.code)}: ${escapeMarkdown(d.message)}`);
    return `#### Data quality\n\n${lines.join('\n')}\n`;
}
function headVsBase(card) {
    const c = card.comparison;
    if (!c)
        return null;
    // Sentences rebuilt from the numbers (the stored noise_note is for JSON readers): no card
    // text reaches the markdown unescaped, and none needs escaping here.
    const notes = c.metrics
        .filter((m) => m.within_noise !== undefined && m.within_noise !== null && m.delta !== null && m.noise_band !== undefined && m.noise_band !== null)
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
    if (notes.length === 0 && !chart)
        return null;
    return ['#### Head vs base: real change or noise?', '', ...notes, ...(notes.length ? [''] : []), ...(chart ? [mermaidBlock(chart)] : [])].join('\n');
}
function sciSection(card) {
    const s = card.interpretation.sci;
    if (s === undefined)
        return null;
    if (s === null)
        return '#### SCI (ISO/IEC 21031:2024)\n\nNot computed: no stage served inferences, so R (functional units) is 0.\n';
    return [
        '#### SCI (ISO/IEC 21031:2024)',
        '',
        `SCI = (E × I + M) / R = (${fmt(s.e_kwh)} kWh × ${fmt(s.i_g_per_kwh)} g/kWh + ${fmt(s.m_g)} g) / ${fmt(s.r)} = **${fmt(s.sci_g_per_fu)} g CO2e per functional unit** ` +
            `(R = ${escapeMarkdown(s.r_unit)}; stages: ${s.stages.map(escapeMarkdown).join(', ')}).`,
        '',
        `Not included: the amortized up-front carbon, ${fmt(s.amortized_co2e_g_excluded)} g per FU. ${s.note}`,
        '',
    ].join('\n');
}
function energy(card) {
    const e = card.interpretation.energy_disclosure;
    if (!e)
        return null;
    const table = markdownTable([
        ['stage', 'energy from', 'scope', 'hours (h)', 'accelerator-hours', 'IT energy (kWh)', 'facility energy (kWh)'],
        ...e.stages.map((s) => [escapeMarkdown(s.stage), escapeMarkdown(s.energy_origin), escapeMarkdown(s.energy_scope), fmt(s.hours), fmt(s.accelerator_hours), fmt(s.it_energy_kwh), fmt(s.energy_kwh)]),
        ['**total**', '', '', '', '', fmt(e.total_it_energy_kwh), `**${fmt(e.total_energy_kwh)}**`],
    ], { align: ['l', 'l', 'l', 'r', 'r', 'r', 'r'] });
    const h = e.hardware;
    const where = e.location;
    return [
        '#### Energy disclosure',
        '',
        table,
        '',
        `- Hardware: ${fmt(h.count)} × ${escapeMarkdown(h.model)}${h.power_w !== null ? ` (${fmt(h.power_w)} W each)` : ''}${h.known ? '' : ' (not in the bundled data)'}.`,
        `- Location: ${where.region ? escapeMarkdown(where.region) : 'no region'}, grid ${fmt(where.intensity_g_per_kwh)} g CO2e/kWh${where.source ? ` (${escapeMarkdown(where.source)})` : ''}.`,
        `- Facility: PUE ${fmt(e.pue)} (applied once), IT overhead ${fmt(e.it_overhead_factor)}× on device-only energy, WUE ${fmt(e.wue_l_per_kwh)} L/kWh.`,
        '',
    ].join('\n');
}

// report.md and the PR comment body (without the marker): card in, markdown out, nothing else.
// Order is the reviewer's order: verdict and headline first, then the per-stage inventory, the
// per-functional-unit breakdown (paper §3.3: marginal, embodied, amortized), the comparison
// with base, the interpretation, the assumptions with their sources, and the logs used.
// Every string that came from a user or a log goes through escape.ts.
const ICON = { pass: '✅', warn: '⚠️', fail: '❌' };
/**
 * The whole report. With `maxChars`, detail sections are dropped from the end (sources first,
 * per-stage table last) until it fits; the verdict and headline are never dropped.
 */
function renderReport(card, opts = {}) {
    const head = headSection(card);
    const details = [
        { title: 'Per stage', body: stagesSection(card) },
        { title: 'Per functional unit', body: perFuSection(card) },
        ...(card.comparison ? [{ title: 'Comparison with base', body: renderComparison(card.comparison) }] : []),
        { title: 'Interpretation', body: `${renderInterpretation(card).trimEnd()}\n` },
        { title: 'Assumptions', body: assumptionsSection(card) },
        ...(card.sources.length ? [{ title: 'Sources', body: sourcesSection(card) }] : []),
        ...(card.warnings.length ? [{ title: 'Warnings', body: warningsSection(card.warnings) }] : []),
    ];
    const footer = `<sub>ml-lca ${escapeMarkdown(card.tool.version)} · model card schema ${escapeMarkdown(card.schema_version)} · ${escapeMarkdown(card.created_at)}</sub>\n`;
    return fit(head, details, footer, opts.maxChars ?? Number.POSITIVE_INFINITY);
}
function fit(head, details, footer, maxChars) {
    const join = (kept, note) => [head, ...kept.map((s) => `### ${s.title}\n\n${s.body}`), note, footer].filter((x) => x !== '').join('\n');
    const kept = [...details];
    const dropped = [];
    let out = join(kept, '');
    while (out.length > maxChars && kept.length > 0) {
        dropped.unshift(kept.pop().title);
        out = join(kept, `> Trimmed to fit ${fmt(maxChars)} characters: ${dropped.join(', ')} omitted; the model card JSON has every value.\n`);
    }
    if (out.length <= maxChars)
        return out;
    // Only the verdict block is left and it is still too long (thousands of budget lines):
    // keep its beginning, where the verdict is.
    const cut = '\n\n> Trimmed: the rest is in the model card JSON.\n';
    return `${head.slice(0, Math.max(0, maxChars - cut.length))}${cut}`;
}
function headSection(card) {
    const s = card.scenario;
    const fu = card.per_functional_unit;
    const u = card.interpretation.uncertainty;
    const lines = [
        `## ${ICON[card.verdict]} ml-lca: ${escapeMarkdown(s.name)}: ${card.verdict.toUpperCase()}`,
        '',
        `**${fmt(fu.co2e_g)} g CO2e per functional unit** (${escapeMarkdown(s.functional_unit.description)}; ${fmt(s.functional_unit.inferences)} inferences), ` +
            `of which marginal ${fmt(fu.marginal_co2e_g)} g, embodied ${fmt(fu.embodied_co2e_g)} g, amortized up-front ${fmt(fu.amortized_co2e_g)} g.`,
        '',
        `Assessed stages: **${fmt(card.totals.co2e_kg)} kg CO2e** (range ${fmt(u.co2e_kg_low)}–${fmt(u.co2e_kg_high)} kg), ` +
            `${fmt(card.totals.energy_kwh)} kWh facility energy, ${fmt(card.totals.water_l)} L water` +
            (card.totals.cost_usd !== null ? `, ${fmt(card.totals.cost_usd)} USD` : '') +
            `. Over ${fmt(card.lifetime.inferences)} lifetime inferences: ${fmt(card.lifetime.co2e_kg)} kg CO2e.`,
    ];
    const headline = comparisonHeadline(card.comparison);
    if (headline)
        lines.push('', headline);
    lines.push('', budgetsBlock(card));
    return `${lines.join('\n')}\n`;
}
function comparisonHeadline(c) {
    if (!c)
        return null;
    const m = c.metrics.find((x) => x.metric === 'per_functional_unit.co2e_g');
    const against = `base ${baselineLabel(c)}`;
    if (!c.comparable)
        return `⚠️ Not comparable with ${against}: ${c.consistency.map(escapeMarkdown).join(' ')}`;
    if (!m || m.delta_pct === null)
        return `Compared with ${against}.`;
    return `Per functional unit vs ${against}: ${fmtSigned(m.delta_pct)} % (${direction(m.delta, m.better, m.within_noise)}).`;
}
function baselineLabel(c) {
    const b = c.baseline;
    const parts = [b.ref ? escapeMarkdown(b.ref) : null, b.sha ? escapeCode(b.sha.slice(0, 7)) : null, b.run_id !== null ? `run ${b.run_id}` : null];
    const where = parts.filter((x) => x !== null).join(' ');
    return where ? `${where} (${escapeCode(b.source)})` : escapeCode(b.source);
}
function direction(delta, better, withinNoise) {
    if (delta === null)
        return 'no base value';
    if (withinNoise)
        return 'within noise';
    if (delta === 0)
        return 'unchanged';
    const improved = better === 'lower' ? delta < 0 : delta > 0;
    return improved ? 'better' : 'worse';
}
function budgetsBlock(card) {
    if (card.budgets.length === 0)
        return 'No budgets set.';
    const order = { fail: 0, warn: 1, pass: 2 };
    const sorted = [...card.budgets].sort((a, b) => order[a.status] - order[b.status]);
    return markdownTable([
        ['budget', 'metric', 'limit', 'actual', 'message'],
        ...sorted.map((b) => [
            `${ICON[b.status]} ${b.status}`,
            escapeCode(b.metric),
            `${fmt(b.limit)}${b.kind === 'regression' ? ' %' : ''}`,
            fmt(b.actual),
            escapeMarkdown(b.message),
        ]),
    ], { align: ['l', 'l', 'r', 'r', 'l'] });
}
function stagesSection(card) {
    const rows = Object.entries(card.stages).map(([name, s]) => [
        escapeMarkdown(name),
        `${s.energy_origin}${s.energy_scope === 'device' ? ' (device)' : ''}`,
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
    const table = markdownTable([
        ['stage', 'energy from', 'hours (h)', 'IT energy (kWh)', 'facility energy (kWh)', 'operational (kg CO2e)', 'embodied (kg CO2e)', 'total (kg CO2e)', 'water (L)', 'cost (USD)'],
        ...rows,
    ], { align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'] });
    const s = card.scenario;
    return (`${table}\n\nIT energy is whole-server energy (device-only logs and hour estimates × IT overhead ${fmt(s.it_overhead_factor)}); ` +
        `facility energy = IT energy × PUE ${fmt(s.pue)}, applied once. Operational carbon at ${fmt(s.grid.intensity_g_per_kwh)} g CO2e/kWh; ` +
        `embodied carbon is the time share of ${fmt(s.hardware.count)} × ${escapeMarkdown(s.hardware.model)} over ${fmt(s.hardware.lifespan_years)} years.\n`);
}
function perFuSection(card) {
    const fu = card.per_functional_unit;
    const share = (x) => (fu.co2e_g > 0 ? pct(x / fu.co2e_g) : '—');
    const table = markdownTable([
        ['term', 'g CO2e per FU', 'share', 'what it is'],
        ['marginal', fmt(fu.marginal_co2e_g), share(fu.marginal_co2e_g), 'operational carbon of producing one unit (per-inference stages)'],
        ['embodied', fmt(fu.embodied_co2e_g), share(fu.embodied_co2e_g), 'hardware manufacturing, time share of the hardware time one unit used'],
        ['amortized', fmt(fu.amortized_co2e_g), share(fu.amortized_co2e_g), 'up-front stages (experimentation, training, ...) ÷ lifetime functional units'],
        ['**total**', `**${fmt(fu.co2e_g)}**`, pct(fu.co2e_g > 0 ? 1 : null), 'C_FU, paper §3.3'],
    ], { align: ['l', 'r', 'r', 'l'] });
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
function renderComparison(c) {
    const head = `Base: ${baselineLabel(c)}${c.baseline.created_at ? `, created ${escapeMarkdown(c.baseline.created_at)}` : ''}.`;
    const consistency = c.consistency.length
        ? `\n\n${c.consistency.map((x) => `- ${escapeMarkdown(x)}`).join('\n')}`
        : '\n\nSame functional unit and system boundary as the base.';
    if (c.metrics.length === 0)
        return `${head}${consistency}\n`;
    const table = markdownTable([
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
    ], { align: ['l', 'l', 'r', 'r', 'r', 'r', 'l', 'l'] });
    return `${head}${consistency}\n\n${table}\n`;
}
function assumptionsSection(card) {
    const rows = card.scenario.assumptions.map((a) => [
        escapeCode(a.path),
        `${typeof a.value === 'number' ? fmt(a.value) : escapeMarkdown(a.value)}${a.unit ? ` ${escapeMarkdown(a.unit)}` : ''}`,
        a.low !== undefined || a.high !== undefined ? `${fmt(a.low)}–${fmt(a.high)}` : '',
        a.origin,
        `${escapeMarkdown(a.source)}${a.year !== null ? ` (${a.year})` : ''}${a.note ? `; ${escapeMarkdown(a.note)}` : ''}`,
    ]);
    if (rows.length === 0)
        return 'No assumptions recorded.\n';
    return `${markdownTable([['parameter', 'value', 'range', 'origin', 'source'], ...rows], { align: ['l', 'r', 'r', 'l', 'l'] })}\n`;
}
function sourcesSection(card) {
    const stageOf = (path) => Object.entries(card.stages)
        .filter(([, s]) => s.sources.includes(path))
        .map(([n]) => escapeMarkdown(n))
        .join(', ');
    const rows = card.sources.map((s) => [
        escapeCode(s.path),
        escapeMarkdown(s.format),
        stageOf(s.path),
        fmt(s.energy_kwh),
        fmt(s.logged_pue),
        fmt(s.rows),
        fmt(s.rows_rejected),
        clip(s.warnings.map(escapeMarkdown).join('; '), 400),
    ]);
    return `${markdownTable([['log', 'format', 'stage', 'IT energy (kWh)', 'logged PUE (divided out)', 'rows', 'rejected', 'warnings'], ...rows], { align: ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'l'] })}\n`;
}
function warningsSection(warnings) {
    return `${warnings.map((w) => `- ${escapeMarkdown(w)}`).join('\n')}\n`;
}
/** Shorten an already-escaped cell without splitting an escape (`\|`, `&amp;`). */
function clip(text, max) {
    if (text.length <= max)
        return text;
    let cut = text.slice(0, max);
    cut = cut.replace(/\\$/, '').replace(/&[a-z]*$/, '');
    return `${cut}…`;
}

export { renderComparison as a, assembleCard as b, compareCards as c, parseCard as p, renderReport as r };
