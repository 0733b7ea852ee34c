import path from 'node:path';
import { h as compactCount, j as parseCard, c as buildReport, g as displayPath, k as budgetFailed, d as attentionOf, i as incompleteLines } from './pipeline.js';
import { j as fmt } from './read.js';
import { I as InputError } from './errors.js';
import { p as parseFlags, r as requiredFlag, e as enumFlag } from './args.js';
import { p as packageVersion } from './package-root.js';
import { c as checkOutDir, O as OUT_FILES, m as makeOutDir } from './out-dir.js';
import './index2.js';
import 'process';
import 'buffer';
import './measurement.js';
import './index.js';
import './schemas.js';
import './index3.js';
import './io.js';
import 'node:fs';
import 'node:crypto';
import 'node:util';
import 'node:url';

function escapeXml(text) {
    return (text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;')
        // Characters XML 1.0 forbids outright (C0 controls other than tab, LF, CR).
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ''));
}
const W = 720;
const H = 420;
const M = { left: 80, right: 24, top: 48, bottom: 64 };
const FONT = 'font-family="system-ui, sans-serif" font-size="12"';
const TITLE_FONT = 'font-family="system-ui, sans-serif" font-size="15" font-weight="bold"';
const r2 = (x) => (Math.round(x * 100) / 100).toString();
function frame(title, body, height = H) {
    return [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${r2(height)}" viewBox="0 0 ${W} ${r2(height)}" role="img" aria-label="${escapeXml(title)}">`,
        `<title>${escapeXml(title)}</title>`,
        `<rect width="${W}" height="${r2(height)}" fill="#ffffff"/>`,
        `<text x="${W / 2}" y="24" text-anchor="middle" ${TITLE_FONT}>${escapeXml(title)}</text>`,
        ...body,
        '</svg>',
        '',
    ].join('\n');
}
/** Per-FU CO2e (g) vs lifetime inferences on log-log axes; null without a positive curve. */
function lifetimeSvg(card) {
    const curve = (card.interpretation.lifetime_curve ?? []).filter((p) => p.inferences > 0 && p.co2e_g_per_fu > 0);
    if (curve.length < 2)
        return null;
    const fu = card.per_functional_unit;
    const floor = fu.marginal_co2e_g + fu.embodied_co2e_g;
    const xs = curve.map((p) => Math.log10(p.inferences));
    const ys = curve.map((p) => Math.log10(p.co2e_g_per_fu));
    if (floor > 0)
        ys.push(Math.log10(floor));
    const x0 = Math.floor(Math.min(...xs));
    const x1 = Math.ceil(Math.max(...xs));
    const y0 = Math.floor(Math.min(...ys));
    const y1 = Math.max(y0 + 1, Math.ceil(Math.max(...ys)));
    const pw = W - M.left - M.right;
    const ph = H - M.top - M.bottom;
    const X = (lx) => M.left + ((lx - x0) / Math.max(1e-9, x1 - x0)) * pw;
    const Y = (ly) => M.top + ph - ((ly - y0) / Math.max(1e-9, y1 - y0)) * ph;
    const body = [];
    body.push(`<g stroke="#dddddd" stroke-width="1">`);
    for (let e = x0; e <= x1; e++)
        body.push(`<line x1="${r2(X(e))}" y1="${M.top}" x2="${r2(X(e))}" y2="${M.top + ph}"/>`);
    for (let e = y0; e <= y1; e++)
        body.push(`<line x1="${M.left}" y1="${r2(Y(e))}" x2="${M.left + pw}" y2="${r2(Y(e))}"/>`);
    body.push('</g>');
    body.push(`<g ${FONT} fill="#333333">`);
    for (let e = x0; e <= x1; e++)
        body.push(`<text x="${r2(X(e))}" y="${M.top + ph + 18}" text-anchor="middle">1e${e}</text>`);
    for (let e = y0; e <= y1; e++)
        body.push(`<text x="${M.left - 8}" y="${r2(Y(e) + 4)}" text-anchor="end">${escapeXml(fmt(10 ** e))}</text>`);
    body.push(`<text x="${M.left + pw / 2}" y="${H - 16}" text-anchor="middle">lifetime inferences (log scale)</text>`);
    body.push(`<text transform="translate(18 ${M.top + ph / 2}) rotate(-90)" text-anchor="middle">g CO2e per functional unit (log scale)</text>`);
    body.push('</g>');
    if (floor > 0) {
        body.push(`<line x1="${M.left}" y1="${r2(Y(Math.log10(floor)))}" x2="${M.left + pw}" y2="${r2(Y(Math.log10(floor)))}" stroke="#888888" stroke-dasharray="6 4"/>`, `<text x="${M.left + pw - 4}" y="${r2(Y(Math.log10(floor)) + 16)}" text-anchor="end" ${FONT} fill="#555555">per-inference floor (marginal + embodied) ${escapeXml(fmt(floor))} g</text>`);
    }
    const pts = curve.map((p) => `${r2(X(Math.log10(p.inferences)))},${r2(Y(Math.log10(p.co2e_g_per_fu)))}`).join(' ');
    body.push(`<polyline points="${pts}" fill="none" stroke="#1f77b4" stroke-width="2.5"/>`);
    for (const p of curve) {
        if (!p.label)
            continue;
        const cx = r2(X(Math.log10(p.inferences)));
        const color = p.label === 'breakeven' ? '#d62728' : '#2ca02c';
        body.push(`<line x1="${cx}" y1="${M.top}" x2="${cx}" y2="${M.top + ph}" stroke="${color}" stroke-dasharray="3 3"/>`, `<circle cx="${cx}" cy="${r2(Y(Math.log10(p.co2e_g_per_fu)))}" r="4.5" fill="${color}"/>`, `<text x="${cx}" y="${p.label === 'breakeven' ? M.top + 14 : M.top + 28}" ${FONT} fill="${color}" text-anchor="middle">${escapeXml(`${p.label} ${compactCount(p.inferences)}: ${fmt(p.co2e_g_per_fu)} g`)}</text>`);
    }
    return frame(`${card.scenario.name}: CO2e per functional unit vs lifetime inferences`, body);
}
/** CO2e per stage (kg), operational and embodied stacked, one horizontal bar per stage. */
function stagesSvg(card) {
    const rows = Object.entries(card.stages);
    const max = Math.max(0, ...rows.map(([, s]) => s.co2e_kg));
    if (rows.length === 0 || !(max > 0))
        return null;
    const left = 160;
    const pw = W - left - 120;
    const bh = Math.max(12, Math.min(36, (H - M.top - M.bottom) / rows.length - 8));
    const body = [];
    rows.forEach(([name, s], i) => {
        const y = M.top + 8 + i * (bh + 8);
        const wOp = (s.operational_co2e_kg / max) * pw;
        const wEm = (s.embodied_co2e_kg / max) * pw;
        body.push(`<text x="${left - 8}" y="${r2(y + bh / 2 + 4)}" text-anchor="end" ${FONT}>${escapeXml(name)}</text>`, `<rect x="${left}" y="${r2(y)}" width="${r2(wOp)}" height="${r2(bh)}" fill="#1f77b4"><title>${escapeXml(`${name} operational ${fmt(s.operational_co2e_kg)} kg`)}</title></rect>`, `<rect x="${r2(left + wOp)}" y="${r2(y)}" width="${r2(wEm)}" height="${r2(bh)}" fill="#ff7f0e"><title>${escapeXml(`${name} embodied ${fmt(s.embodied_co2e_kg)} kg`)}</title></rect>`, `<text x="${r2(left + wOp + wEm + 6)}" y="${r2(y + bh / 2 + 4)}" ${FONT}>${escapeXml(`${fmt(s.co2e_kg)} kg`)}</text>`);
    });
    const height = M.top + 8 + rows.length * (bh + 8) + 48;
    const ly = height - 20;
    body.push(`<rect x="${left}" y="${ly - 10}" width="12" height="12" fill="#1f77b4"/><text x="${left + 18}" y="${ly}" ${FONT}>operational</text>`, `<rect x="${left + 110}" y="${ly - 10}" width="12" height="12" fill="#ff7f0e"/><text x="${left + 128}" y="${ly}" ${FONT}>embodied</text>`);
    return frame(`${card.scenario.name}: CO2e per stage (kg)`, body, height);
}
/** The SVG files for the output directory, by file name; charts without data are left out. */
function svgCharts(card) {
    const out = {};
    const lifetime = lifetimeSvg(card);
    if (lifetime)
        out['lifetime.svg'] = lifetime;
    const stages = stagesSvg(card);
    if (stages)
        out['stages.svg'] = stages;
    return out;
}

// `ml-lca report --scenario FILE [--log FILE_OR_GLOB]... [--baseline CARD.json] [--out DIR]
//                [--budget-mode fail|warn|off]`
// Writes DIR/model-card.json and DIR/report.md together (or neither), then prints the verdict.
// A failed budget, or an incomplete assessment, exits 1 only after both files are written.
const REPORT_USAGE = `ml-lca report --scenario FILE [--log [STAGE=]FILE_OR_GLOB]... [--baseline CARD.json] [--out DIR] [--budget-mode fail|warn|off]`;
const BUDGET_MODES = ['fail', 'warn', 'off'];
async function reportCommand(argv, io) {
    const { values } = parseFlags('report', argv, {
        scenario: { type: 'string' },
        log: { type: 'string', multiple: true },
        baseline: { type: 'string' },
        out: { type: 'string' },
        'budget-mode': { type: 'string' },
    }, { min: 0, max: 0, usage: REPORT_USAGE });
    const scenarioPath = requiredFlag('report', 'scenario', values.scenario, 'FILE (the scenario YAML or JSON)');
    const budgetMode = enumFlag('report', 'budget-mode', values['budget-mode'], BUDGET_MODES, 'fail');
    const baseline = values.baseline ? await readBaseline(values.baseline, io) : null;
    return runReport({ scenarioPath, extraLogs: values.log ?? [], baseline, budgetMode, outDir: values.out ?? 'ml-lca-out' }, io);
}
/** Shared by `report` and `demo`: build, write both files atomically, print, pick the exit code. */
async function runReport(opts, io) {
    const outDir = path.resolve(io.cwd, opts.outDir);
    // An unusable --out fails in seconds, before the logs are read (and leaves nothing behind).
    await checkOutDir(outDir, OUT_FILES);
    const result = await buildReport({
        scenarioPath: opts.scenarioPath,
        extraLogs: opts.extraLogs,
        cwd: opts.root ?? io.cwd,
        baseline: opts.baseline,
        budgetMode: opts.budgetMode,
        version: packageVersion(),
        prometheus: { env: io.env ?? {} },
    }, io);
    for (const w of result.warnings)
        io.log(`warning: ${w}`);
    const files = {
        'model-card.json': `${JSON.stringify(result.card, null, 2)}\n`,
        'report.md': result.markdown,
        // Static charts for places that do not render mermaid (issue 5).
        ...svgCharts(result.card),
    };
    await checkOutDir(outDir, Object.keys(files));
    await makeOutDir(outDir);
    const written = await io.writeFilesAtomic(outDir, files).catch((e) => {
        throw new InputError({
            code: 'BAD_FLAG',
            field: '--out',
            expected: 'a directory ml-lca can write',
            got: `${outDir} (${e?.code ?? String(e)})`,
        });
    });
    printSummary(result, io);
    for (const f of written)
        io.stdout(`wrote ${displayPath(f, io.cwd)}`);
    if (budgetFailed(result.card, opts.budgetMode))
        return 1;
    if (result.card.verdict === 'fail')
        io.stdout(`budget-mode ${opts.budgetMode}: a budget failed, exit code 0`);
    if (result.card.verdict === 'incomplete')
        io.stdout(`budget-mode ${opts.budgetMode}: the assessment is incomplete, exit code 0`);
    return 0;
}
/** A model card named on the command line, validated (CARD_INVALID naming the file and field). */
async function readCardFile(file, io) {
    return parseCard(await io.readText(path.resolve(io.cwd, file)), file);
}
/** `--baseline CARD.json` (and `compare`'s BASE): the card and where it came from. */
async function readBaseline(file, io) {
    const card = await readCardFile(file, io);
    return { card, meta: { source: `file:${file}`, ref: null, sha: null, run_id: null, created_at: card.created_at } };
}
/**
 * What the user reads first. An incomplete card leads with INCOMPLETE, the stage, the file and
 * the fix; then the figures; then the budgets, the data-quality errors and rejected rows.
 */
function printSummary({ card }, io) {
    const name = plain(card.scenario.name);
    const figures = `${fmt(card.per_functional_unit.co2e_g)} g CO2e per functional unit ` +
        `(${plain(card.scenario.functional_unit.description)}); ${fmt(card.totals.co2e_kg)} kg CO2e over the assessed stages`;
    const attention = attentionOf(card);
    const incomplete = incompleteLines(attention);
    if (incomplete.length > 0) {
        io.stdout(`ml-lca: ${name}: INCOMPLETE: ${plain(incomplete[0] ?? '')}`);
        for (const line of incomplete.slice(1))
            io.stdout(`  incomplete: ${plain(line)}`);
        io.stdout(`  without what could not be measured: ${figures}`);
    }
    else {
        io.stdout(`ml-lca: ${name}: ${card.verdict.toUpperCase()}: ${figures}`);
    }
    for (const b of card.budgets)
        if (b.status !== 'pass')
            io.stdout(`  ${b.status}: ${plain(b.message)}`);
    for (const e of attention.errors)
        io.stdout(`  data-quality error: ${plain(e)}`);
    for (const r of attention.rejected)
        io.stdout(`  rejected rows: ${plain(r.file)} (stage ${plain(r.stage)}): ${plain(r.text)}`);
}
/** Scenario text on a terminal: no control characters (escape sequences could rewrite the screen). */
function plain(text) {
    return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

export { BUDGET_MODES, REPORT_USAGE, readBaseline, readCardFile, reportCommand, runReport };
