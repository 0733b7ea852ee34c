// `ml-lca compare BASE_CARD.json HEAD_CARD.json [--json]`: metric by metric, delta and delta %,
// and the consistency statements (functional unit, boundary, factors) when the cards differ.
import path from 'node:path';
import { compareWithBaseline } from '../pipeline.js';
import { parseCard } from '../report/card.js';
import { renderComparison } from '../report/markdown.js';
import { parseFlags, type CliIo } from './args.js';

export const COMPARE_USAGE = 'ml-lca compare BASE_CARD.json HEAD_CARD.json [--json]';

export async function compareCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('compare', argv, { json: { type: 'boolean' } }, { min: 2, max: 2, usage: COMPARE_USAGE });
  const [baseFile, headFile] = positionals as [string, string];
  const base = parseCard(await io.readText(path.resolve(io.cwd, baseFile)), baseFile);
  const head = parseCard(await io.readText(path.resolve(io.cwd, headFile)), headFile);
  const comparison = compareWithBaseline(base, head, { source: `file:${baseFile}`, ref: null, sha: null, run_id: null, created_at: base.created_at });
  io.stdout(values.json ? JSON.stringify(comparison, null, 2) : renderComparison(comparison).trimEnd());
  return 0;
}
