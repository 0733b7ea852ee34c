import path from 'node:path';
import { I as InputError } from './errors.js';
import { e as compareWithBaseline, f as renderComparison } from './pipeline.js';
import { h as pair, u as unitOf, l as labelOf, j as deltaPct, N as NBSP } from './read.js';
import { T as TreeHistory, a as accept } from './tree.js';
import 'node:crypto';
import { i as isHistoryDir, r as readIndex, D as DirBackend } from './dir.js';
import { p as parseFlags } from './args.js';
import { readCardFile, readBaseline } from './report.js';
import './index2.js';
import 'process';
import 'buffer';
import './measurement.js';
import './index.js';
import './schemas.js';
import './index3.js';
import './io.js';
import 'node:fs';
import 'node:util';
import './package-root.js';
import 'node:url';
import './out-dir.js';

/** Text from a card on a terminal: C0/C1 controls (escape sequences) and bidi overrides become spaces. */
function plain(text) {
    return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ');
}
function verdictOf(m) {
    if (m.delta === null)
        return 'no base value';
    if (m.within_noise)
        return 'within noise';
    if (m.delta === 0)
        return 'unchanged';
    return (m.better === 'lower' ? m.delta < 0 : m.delta > 0) ? 'better' : 'worse';
}
/**
 * `per FU 10.7 → 12.4 g CO2e, +16.3 %, worse; 4 of 27 metrics changed beyond noise`: what a
 * reviewer asks first, in one line.
 */
function comparisonSummaryLine(c) {
    if (!c.comparable)
        return `not comparable with the base: ${plain(c.consistency[0] ?? 'the functional unit or the boundary differs')}`;
    const real = c.metrics.filter((m) => m.within_noise === false).length;
    const tail = `${real} of ${c.metrics.length} metrics changed beyond noise`;
    const m = c.metrics.find((x) => x.metric === 'per_functional_unit.co2e_g');
    if (!m || m.base === null || m.head === null)
        return `per FU: no base or head value; ${tail}`;
    const p = pair(m.base, m.head, unitOf(m.metric));
    return `per FU ${p.base} → ${p.head}${NBSP}${p.unit}, ${deltaPct(m.delta_pct)}, ${verdictOf(m)}; ${tail}`;
}
/** Columns padded to their widest cell; numbers right-aligned. */
function textTable(rows, right) {
    const width = (s) => [...s].length;
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
    const line = (r) => r
        .map((cell, i) => (right[i] ? cell.padStart(widths[i] + cell.length - width(cell)) : cell.padEnd(widths[i] + cell.length - width(cell))))
        .join('  ')
        .trimEnd();
    const [head, ...body] = rows;
    return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
/** The whole terminal output of `ml-lca compare`. */
function renderComparisonText(c) {
    const b = c.baseline;
    const where = [b.ref, b.sha ? b.sha.slice(0, 7) : null, b.run_id !== null ? `run ${b.run_id}` : null].filter((x) => x !== null).join(' ');
    const lines = [
        comparisonSummaryLine(c),
        '',
        `base: ${plain(where ? `${where} (${b.source})` : b.source)}${b.created_at ? `, created ${plain(b.created_at)}` : ''}`,
        ...(c.consistency.length
            ? c.consistency.map((x) => `- ${plain(x)}`)
            : ['same functional unit and system boundary as the base; lower is better for every metric']),
    ];
    if (c.metrics.length === 0)
        return lines.join('\n');
    const rows = c.metrics.map((m) => {
        const p = pair(m.base, m.head, unitOf(m.metric));
        return [plain(labelOf(m.metric)), p.unit, p.base, p.head, p.delta, deltaPct(m.delta_pct), verdictOf(m)];
    });
    lines.push('', textTable([['metric', 'unit', 'base', 'head', 'Δ', 'Δ %', 'change'], ...rows], [false, false, true, true, true, true, false]));
    return lines.join('\n');
}

// `ml-lca compare BASE HEAD_CARD.json [--json | --markdown] [--sha SHA] [--branch NAME] [--repo OWNER/NAME]`:
// a one-line summary (per FU base → head, change, how many metrics changed beyond noise), then
// metric by metric as a plain table, and the consistency statements (functional unit, boundary,
// factors) when the cards differ; `--markdown` prints the report's comparison section, `--json`
// the comparison itself. BASE is a card, or a checkout (or directory copy)
// of the history branch: then the baseline is found as the action finds it, the entry of
// --sha, else the newest entry of --branch (the newest branch recorded when not given).
const COMPARE_USAGE = 'ml-lca compare BASE_CARD.json|HISTORY_DIR HEAD_CARD.json [--json | --markdown] [--sha SHA] [--branch NAME] [--repo OWNER/NAME]';
async function compareCommand(argv, io) {
    const { values, positionals } = parseFlags('compare', argv, { json: { type: 'boolean' }, markdown: { type: 'boolean' }, sha: { type: 'string' }, branch: { type: 'string' }, repo: { type: 'string' } }, { min: 2, max: 2, usage: COMPARE_USAGE });
    const [baseArg, headFile] = positionals;
    const head = await readCardFile(headFile, io);
    const baseDir = path.resolve(io.cwd, baseArg);
    const base = (await isHistoryDir(baseDir, io))
        ? await baselineFromHistory(baseDir, head, { sha: values.sha, branch: values.branch, repo: values.repo }, io)
        : await readBaseline(baseArg, io);
    const comparison = compareWithBaseline(base.card, head, base.meta);
    io.stdout(values.json ? JSON.stringify(comparison, null, 2) : values.markdown ? renderComparison(comparison).trimEnd() : renderComparisonText(comparison));
    return 0;
}
async function baselineFromHistory(dir, head, want, io) {
    const backend = new DirBackend(dir, io);
    const scenario = head.scenario.name;
    // Without --branch / --repo: the newest branch that recorded this scenario.
    const index = await readIndex(backend.latest());
    const candidates = (index?.latest ?? [])
        .filter((e) => e.scenario === scenario && (!want.repo || e.repo === want.repo) && (!want.branch || e.branch === want.branch))
        .sort((a, b) => b.created_at.localeCompare(a.created_at));
    const pick = candidates[0];
    const fail = (got) => new InputError({ code: 'CARD_INVALID', file: dir, expected: `a recorded run of scenario ${JSON.stringify(scenario)} to compare with`, got });
    if (!pick && !want.sha)
        throw fail(`no entry of it${want.branch ? ` on ${want.branch}` : ''}${want.repo ? ` of ${want.repo}` : ''}`);
    const store = new TreeHistory(backend);
    const found = await store.baseline({ scenario, repo: pick?.repo ?? want.repo ?? '', branch: pick?.branch ?? want.branch ?? '', sha: want.sha ?? null });
    if (found.kind === 'none')
        throw fail(found.reason);
    const a = accept(found.text, found.where, { ...found.meta, source: `dir:${path.basename(dir)}` }, { name: scenario, boundary: head.scenario.boundary });
    if (a.kind === 'none')
        throw fail(a.note ?? 'no comparable card');
    io.log(`ml-lca compare: base ${found.where}${found.note ? ` (${found.note})` : ''}`);
    return { card: a.card, meta: a.meta };
}

export { COMPARE_USAGE, compareCommand };
