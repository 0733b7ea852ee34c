import path from 'node:path';
import { p as parseFlags } from './args.js';
import { a as packageRoot } from './package-root.js';
import { runReport } from './report.js';
import { h as displayPath } from './pipeline.js';
import 'node:util';
import './errors.js';
import 'node:fs';
import 'node:url';
import './read.js';
import './index.js';
import './schemas.js';
import 'node:crypto';
import './out-dir.js';
import './index2.js';
import 'process';
import 'buffer';
import './measurement.js';
import './index3.js';
import './io.js';

// `ml-lca demo [--out DIR]`: the chat-model example end to end, on the logs bundled in
// examples/ (found next to the installed package), with no network and no token.
const DEMO_SCENARIO = 'examples/scenarios/chat-model.yml';
async function demoCommand(argv, io) {
    const { values } = parseFlags('demo', argv, { out: { type: 'string' } }, { min: 0, max: 0, usage: 'ml-lca demo [--out DIR]' });
    const root = packageRoot();
    const scenarioPath = path.join(root, DEMO_SCENARIO);
    io.stdout(`ml-lca demo: ${displayPath(scenarioPath, io.cwd)}`);
    // The example's logs live in the package (examples/logs/), wherever the user runs the demo.
    return runReport({ scenarioPath, extraLogs: [], baseline: null, budgetMode: 'fail', outDir: values.out ?? 'ml-lca-out', root }, io);
}

export { DEMO_SCENARIO, demoCommand };
