import { e as compareWithBaseline, f as renderComparison } from './pipeline.js';
import { p as parseFlags } from './args.js';
import { readBaseline, readCardFile } from './report.js';
import 'node:path';
import './errors.js';
import './index2.js';
import 'process';
import 'buffer';
import './hardware.js';
import './index.js';
import './schemas.js';
import './read.js';
import 'node:crypto';
import './index3.js';
import 'node:util';
import './package-root.js';
import 'node:fs';
import 'node:url';
import './out-dir.js';

// `ml-lca compare BASE_CARD.json HEAD_CARD.json [--json]`: metric by metric, delta and delta %,
// and the consistency statements (functional unit, boundary, factors) when the cards differ.
const COMPARE_USAGE = 'ml-lca compare BASE_CARD.json HEAD_CARD.json [--json]';
async function compareCommand(argv, io) {
    const { values, positionals } = parseFlags('compare', argv, { json: { type: 'boolean' } }, { min: 2, max: 2, usage: COMPARE_USAGE });
    const [baseFile, headFile] = positionals;
    const base = await readBaseline(baseFile, io);
    const head = await readCardFile(headFile, io);
    const comparison = compareWithBaseline(base.card, head, base.meta);
    io.stdout(values.json ? JSON.stringify(comparison, null, 2) : renderComparison(comparison).trimEnd());
    return 0;
}

export { COMPARE_USAGE, compareCommand };
