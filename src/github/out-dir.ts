// Where the action writes each scenario's model-card.json and report.md: OUT_DIR/<slug>/ under
// the working directory. Shared by the normal run (run.ts) and fork comment mode
// (workflow-run.ts); written only when every scenario is done, all files or none.
import path from 'node:path';
import type { Io } from '../io.js';
import type { ModelCard } from '../report/card-schema.js';

/** Directory (under the working directory) the cards and reports are written to. */
export const OUT_DIR = 'ml-lca-out';

/** Each outcome's model-card.json and report.md under OUT_DIR/<dir>: all files or none. */
export async function writeOutcomes(outcomes: ReadonlyArray<{ card: ModelCard; markdown: string; dir: string }>, cwd: string, io: Io): Promise<void> {
  const root = path.join(cwd, OUT_DIR);
  const files: Record<string, string> = {};
  for (const o of outcomes) {
    const rel = path.relative(root, o.dir).split(path.sep).join('/');
    files[`${rel}/model-card.json`] = `${JSON.stringify(o.card, null, 2)}\n`;
    files[`${rel}/report.md`] = o.markdown;
  }
  if (Object.keys(files).length) await io.writeFilesAtomic(root, files);
}
