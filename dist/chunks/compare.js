import path from 'node:path';
import { I as InputError } from './errors.js';
import { e as compareWithBaseline, f as renderComparison, g as renderComparisonText } from './pipeline.js';
import { T as TreeHistory, a as accept } from './tree.js';
import 'node:crypto';
import './read.js';
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
