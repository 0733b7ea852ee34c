// `ml-lca compare BASE_CARD.json HEAD_CARD.json [--json]`: metric by metric, delta and delta %,
// and the consistency statements (functional unit, boundary, factors) when the cards differ.
import { compareWithBaseline } from '../pipeline.js';
import { renderComparison } from '../report/markdown.js';
import { parseFlags, type CliIo } from './args.js';
import { readBaseline, readCardFile } from './report.js';

export const COMPARE_USAGE = 'ml-lca compare BASE_CARD.json HEAD_CARD.json [--json]';

export async function compareCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('compare', argv, { json: { type: 'boolean' } }, { min: 2, max: 2, usage: COMPARE_USAGE });
  const [baseFile, headFile] = positionals as [string, string];
  const base = await readBaseline(baseFile, io);
  const head = await readCardFile(headFile, io);
  const comparison = compareWithBaseline(base.card, head, base.meta);
  io.stdout(values.json ? JSON.stringify(comparison, null, 2) : renderComparison(comparison).trimEnd());
  return 0;
}
