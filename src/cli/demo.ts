// `ml-lca demo [--out DIR]`: the chat-model example end to end, on the logs bundled in
// examples/ (found next to the installed package), with no network and no token.
import path from 'node:path';
import { parseFlags, type CliIo } from './args.js';
import { packageRoot } from './package-root.js';
import { runReport } from './report.js';
import { displayPath } from '../pipeline.js';

export const DEMO_SCENARIO = 'examples/scenarios/chat-model.yml';

export async function demoCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseFlags('demo', argv, { out: { type: 'string' } }, { min: 0, max: 0, usage: 'ml-lca demo [--out DIR]' });
  const root = packageRoot();
  const scenarioPath = path.join(root, DEMO_SCENARIO);
  io.stdout(`ml-lca demo: ${displayPath(scenarioPath, io.cwd)}`);
  // The example's logs live in the package (examples/logs/), wherever the user runs the demo.
  return runReport({ scenarioPath, extraLogs: [], baseline: null, budgetMode: 'fail', outDir: values.out ?? 'ml-lca-out', root }, io);
}
