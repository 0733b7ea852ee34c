// `ml-lca compare BASE_CARD.json HEAD_CARD.json [--json | --markdown]`: a one-line summary (per FU
// base → head, change, how many metrics changed beyond noise), then metric by metric as a plain
// table, and the consistency statements (functional unit, boundary, factors) when the cards
// differ. `--markdown` prints the report's comparison section, `--json` the comparison itself.
import { compareWithBaseline } from '../pipeline.js';
import { renderComparison } from '../report/markdown.js';
import { renderComparisonText } from '../report/compare-text.js';
import { parseFlags, type CliIo } from './args.js';
import { readBaseline, readCardFile } from './report.js';

export const COMPARE_USAGE = 'ml-lca compare BASE_CARD.json HEAD_CARD.json [--json | --markdown]';

export async function compareCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(
    'compare',
    argv,
    { json: { type: 'boolean' }, markdown: { type: 'boolean' } },
    { min: 2, max: 2, usage: COMPARE_USAGE },
  );
  const [baseFile, headFile] = positionals as [string, string];
  const base = await readBaseline(baseFile, io);
  const head = await readCardFile(headFile, io);
  const comparison = compareWithBaseline(base.card, head, base.meta);
  io.stdout(values.json ? JSON.stringify(comparison, null, 2) : values.markdown ? renderComparison(comparison).trimEnd() : renderComparisonText(comparison));
  return 0;
}
