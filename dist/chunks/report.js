import path from 'node:path';
import { j as parseCard, c as buildReport, h as displayPath, k as budgetFailed, d as attentionOf, i as incompleteLines } from './pipeline.js';
import { o as compact, q as qty, s as scaleFor, u as clipText } from './read.js';
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
const M = { left: 84, right: 28, top: 88, bottom: 64 };
const FONT_SIZE = 13;
const FONT = `font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="${FONT_SIZE}"`;
const TITLE_FONT = `font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="15" font-weight="bold"`;
/**
 * Light and dark palettes (contrast on #ffffff / #0d1117): text 15:1 / 16:1, main series 5.2:1 /
 * 6.1:1, breakeven 5.4:1 / 5.5:1, scenario 5.1:1 / 7.6:1, floor and embodied 4.5:1 and more.
 */
const STYLE = [
    '<style>',
    '.bg{fill:#ffffff}.grid{stroke:#d0d7de}.text{fill:#1f2328}.muted{fill:#59636e}',
    '.main{stroke:#0969da}.main-fill{fill:#0969da}.floor{stroke:#59636e}.floor-text{fill:#59636e}',
    '.breakeven{stroke:#cf222e;fill:#cf222e}.scenario{stroke:#1a7f37;fill:#1a7f37}.embodied{fill:#bc4c00}',
    '.halo{paint-order:stroke;stroke:#ffffff;stroke-width:4px;stroke-linejoin:round}',
    '@media (prefers-color-scheme: dark){',
    '.bg{fill:#0d1117}.grid{stroke:#30363d}.text{fill:#e6edf3}.muted{fill:#9198a1}',
    '.main{stroke:#4493f8}.main-fill{fill:#4493f8}.floor{stroke:#9198a1}.floor-text{fill:#9198a1}',
    '.breakeven{stroke:#f85149;fill:#f85149}.scenario{stroke:#3fb950;fill:#3fb950}.embodied{fill:#db6d28}',
    '.halo{stroke:#0d1117}',
    '}',
    '</style>',
].join('');
const r2 = (x) => (Math.round(x * 100) / 100).toString();
function textBox(text, x, baseline, anchor, size = FONT_SIZE) {
    const w = [...text].length * size * 0.6;
    const left = anchor === 'start' ? x : anchor === 'middle' ? x - w / 2 : x - w;
    return { x: left, y: baseline - size, w, h: size * 1.3 };
}
function overlaps(a, b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
function frame(title, body, height = H) {
    return [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${r2(height)}" viewBox="0 0 ${W} ${r2(height)}" role="img" aria-label="${escapeXml(title)}">`,
        `<title>${escapeXml(title)}</title>`,
        STYLE,
        `<rect class="bg" width="${W}" height="${r2(height)}"/>`,
        `<text class="text" x="${W / 2}" y="26" text-anchor="middle" ${TITLE_FONT}>${escapeXml(title)}</text>`,
        ...body,
        '</svg>',
        '',
    ].join('\n');
}
/** The chart's title: the scenario name clipped so the line fits the width. */
function titleOf(name, what) {
    return `${clipText(name, Math.max(12, 68 - what.length))}: ${what}`;
}
/** Per-FU CO2e vs lifetime inferences on log-log axes; null without a positive curve. */
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
    // One decade of room below the lowest value: the floor and its label never sit on the x axis.
    const y0 = Math.floor(Math.min(...ys)) - (Math.min(...ys) - Math.floor(Math.min(...ys)) < 0.3 ? 1 : 0);
    const y1 = Math.max(y0 + 1, Math.ceil(Math.max(...ys)));
    const pw = W - M.left - M.right;
    const ph = H - M.top - M.bottom;
    const X = (lx) => M.left + ((lx - x0) / Math.max(1e-9, x1 - x0)) * pw;
    const Y = (ly) => M.top + ph - ((ly - y0) / Math.max(1e-9, y1 - y0)) * ph;
    const body = [];
    const title = titleOf(card.scenario.name, 'CO2e per functional unit vs lifetime inferences');
    const placed = [textBox(title, W / 2, 26, 'middle', 15)];
    const text = (cls, s, x, y, anchor, extra = '') => {
        placed.push(textBox(s, x, y, anchor));
        return `<text class="${cls}" x="${r2(x)}" y="${r2(y)}" text-anchor="${anchor}" ${FONT}${extra}>${escapeXml(s)}</text>`;
    };
    body.push('<g class="grid" stroke-width="1">');
    for (let e = x0; e <= x1; e++)
        body.push(`<line x1="${r2(X(e))}" y1="${M.top}" x2="${r2(X(e))}" y2="${M.top + ph}"/>`);
    for (let e = y0; e <= y1; e++)
        body.push(`<line x1="${M.left}" y1="${r2(Y(e))}" x2="${M.left + pw}" y2="${r2(Y(e))}"/>`);
    body.push('</g>');
    // Axis ticks in real units: inferences compact (1M, 1B), g CO2e SI-prefixed (1 g, 10 g, 100 mg).
    const everyOther = x1 - x0 > 8;
    for (let e = x0; e <= x1; e++)
        if (!everyOther || (e - x0) % 2 === 0)
            body.push(text('muted', compact(10 ** e), X(e), M.top + ph + 22, 'middle'));
    for (let e = y0; e <= y1; e++)
        body.push(text('muted', plain$1(qty(10 ** e, 'g CO2e')).replace(/ CO2e$/, ''), M.left - 8, Y(e) + 4, 'end'));
    body.push(text('muted', 'lifetime inferences (log scale)', M.left + pw / 2, H - 18, 'middle'));
    body.push(`<text class="muted" transform="translate(20 ${r2(M.top + ph / 2)}) rotate(-90)" text-anchor="middle" ${FONT}>g CO2e per functional unit (log scale)</text>`);
    const pts = curve.map((p) => `${r2(X(Math.log10(p.inferences)))},${r2(Y(Math.log10(p.co2e_g_per_fu)))}`).join(' ');
    body.push(`<polyline class="main" points="${pts}" fill="none" stroke-width="3"/>`);
    if (floor > 0) {
        const fy = Y(Math.log10(floor));
        body.push(`<line class="floor" x1="${M.left}" y1="${r2(fy)}" x2="${M.left + pw}" y2="${r2(fy)}" stroke-width="1.5" stroke-dasharray="6 4"/>`);
        // Below the line, at the right end: the curve runs into the floor from above, and the axis is
        // a decade lower (y0), so nothing else is there.
        body.push(text('floor-text halo', `per-inference floor (marginal + embodied) ${plain$1(qty(floor, 'g CO2e'))}`, M.left + pw - 6, fy + 18, 'end'));
    }
    // Marked points (breakeven, scenario): a dashed line, a dot, and a label in the band above the
    // plot, on the first row where it overlaps no label already placed; kept inside the frame.
    for (const p of curve.filter((q) => q.label)) {
        const cx = X(Math.log10(p.inferences));
        const cls = p.label === 'breakeven' ? 'breakeven' : 'scenario';
        const label = `${p.label} ${compact(p.inferences)}: ${plain$1(qty(p.co2e_g_per_fu, 'g CO2e'))}`;
        const w = textBox(label, 0, 0, 'start').w;
        const lx = Math.min(Math.max(cx, M.left + w / 2), W - M.right - w / 2);
        const rowY = (row) => M.top - 10 - row * 18;
        let row = 0;
        while (row < 2 && placed.some((b) => overlaps(b, textBox(label, lx, rowY(row), 'middle'))))
            row++;
        body.push(`<line class="${cls}" x1="${r2(cx)}" y1="${M.top}" x2="${r2(cx)}" y2="${M.top + ph}" stroke-width="1.5" stroke-dasharray="3 3"/>`, `<circle class="${cls}" cx="${r2(cx)}" cy="${r2(Y(Math.log10(p.co2e_g_per_fu)))}" r="5"/>`, text(`${cls} halo`, label, lx, rowY(row), 'middle'));
    }
    return frame(title, body);
}
/** `9.37 g CO2e` with ordinary spaces (an SVG text has no line to wrap). */
function plain$1(s) {
    return s.replace(/\u00a0/g, ' ');
}
/** CO2e per stage, operational and embodied stacked, one horizontal bar per stage, in one unit. */
function stagesSvg(card) {
    const rows = Object.entries(card.stages);
    const max = Math.max(0, ...rows.map(([, s]) => s.co2e_kg));
    if (rows.length === 0 || !(max > 0))
        return null;
    const sc = scaleFor(rows.map(([, s]) => s.co2e_kg), 'kg CO2e');
    const left = 180;
    const pw = W - left - 110;
    const top = 48;
    const bh = Math.max(14, Math.min(36, (H - top - 64) / rows.length - 8));
    const body = [];
    rows.forEach(([name, s], i) => {
        const y = top + 8 + i * (bh + 8);
        const wOp = (s.operational_co2e_kg / max) * pw;
        const wEm = (s.embodied_co2e_kg / max) * pw;
        body.push(`<text class="text" x="${left - 8}" y="${r2(y + bh / 2 + 4)}" text-anchor="end" ${FONT}>${escapeXml(clipText(name, 24))}</text>`, `<rect class="main-fill" x="${left}" y="${r2(y)}" width="${r2(wOp)}" height="${r2(bh)}"><title>${escapeXml(`${name} operational ${plain$1(sc.withUnit(s.operational_co2e_kg))}`)}</title></rect>`, `<rect class="embodied" x="${r2(left + wOp)}" y="${r2(y)}" width="${r2(wEm)}" height="${r2(bh)}"><title>${escapeXml(`${name} embodied ${plain$1(sc.withUnit(s.embodied_co2e_kg))}`)}</title></rect>`, `<text class="text" x="${r2(left + wOp + wEm + 6)}" y="${r2(y + bh / 2 + 4)}" ${FONT}>${escapeXml(plain$1(sc.withUnit(s.co2e_kg)))}</text>`);
    });
    const height = top + 8 + rows.length * (bh + 8) + 40;
    const ly = height - 16;
    body.push(`<rect class="main-fill" x="${left}" y="${ly - 11}" width="12" height="12"/><text class="text" x="${left + 18}" y="${ly}" ${FONT}>operational</text>`, `<rect class="embodied" x="${left + 120}" y="${ly - 11}" width="12" height="12"/><text class="text" x="${left + 138}" y="${ly}" ${FONT}>embodied</text>`);
    return frame(titleOf(card.scenario.name, `CO2e per stage (${sc.unit})`), body, height);
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
    const figures = `${qty(card.per_functional_unit.co2e_g, 'g CO2e')} per functional unit ` +
        `(${plain(card.scenario.functional_unit.description)}); ${qty(card.totals.co2e_kg, 'kg CO2e')} over the assessed stages`;
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
