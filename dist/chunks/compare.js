import path from 'node:path';
import { d as parseCard, e as compareWithBaseline, f as renderComparison } from './pipeline.js';
import { p as parseFlags } from './args.js';
import './errors.js';
import './index.js';
import 'process';
import 'buffer';
import './schemas.js';
import './read.js';
import 'node:crypto';
import './index2.js';
import 'node:util';

// `ml-lca compare BASE_CARD.json HEAD_CARD.json [--json]`: metric by metric, delta and delta %,
// and the consistency statements (functional unit, boundary, factors) when the cards differ.
const COMPARE_USAGE = 'ml-lca compare BASE_CARD.json HEAD_CARD.json [--json]';
async function compareCommand(argv, io) {
    const { values, positionals } = parseFlags('compare', argv, { json: { type: 'boolean' } }, { min: 2, max: 2, usage: COMPARE_USAGE });
    const [baseFile, headFile] = positionals;
    const base = parseCard(await io.readText(path.resolve(io.cwd, baseFile)), baseFile);
    const head = parseCard(await io.readText(path.resolve(io.cwd, headFile)), headFile);
    const comparison = compareWithBaseline(base, head, { source: `file:${baseFile}`, ref: null, sha: null, run_id: null, created_at: base.created_at });
    io.stdout(values.json ? JSON.stringify(comparison, null, 2) : renderComparison(comparison).trimEnd());
    return 0;
}

export { COMPARE_USAGE, compareCommand };
