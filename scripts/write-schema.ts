// `npm run schema`: writes the published JSON Schemas from the zod schemas (their single source).
// The scenario schema is the INPUT shape (what a user may write: defaults make keys optional);
// the model card schema is the OUTPUT shape (what the tool writes); the history branch's files
// (docs/history.md) are published as what a reader accepts. test/schema.test.ts fails
// when the committed files differ from what this writes.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Scenario } from '../src/scenario/schema.js';
import { ModelCard } from '../src/report/card-schema.js';
import { HistoryEntry, IndexFile, TotalsFile } from '../src/history/schema.js';

export const SCHEMA_DIR = 'schema';

/** File name -> JSON text, deterministic. */
export function schemaFiles(): Record<string, string> {
  const scenario = z.toJSONSchema(Scenario, { io: 'input', unrepresentable: 'any' });
  const card = z.toJSONSchema(ModelCard, { io: 'output', unrepresentable: 'any' });
  const history = (schema: z.ZodType, title: string) => json({ ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), title });
  return {
    'scenario.schema.json': json({ ...scenario, title: 'ml-lca scenario' }),
    'model-card.schema.json': json({ ...card, title: 'ml-lca model card' }),
    'history-entry.schema.json': history(HistoryEntry, 'ml-lca history entry (a line of v1/runs/SCENARIO/YYYY-MM.jsonl)'),
    'history-index.schema.json': history(IndexFile, 'ml-lca history index (v1/index.json)'),
    'history-totals.schema.json': history(TotalsFile, 'ml-lca history totals (v1/totals/YYYY.json)'),
  };
}

function json(v: unknown): string {
  return `${JSON.stringify(v, null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  await mkdir(path.join(root, SCHEMA_DIR), { recursive: true });
  for (const [name, text] of Object.entries(schemaFiles())) {
    await writeFile(path.join(root, SCHEMA_DIR, name), text);
    process.stdout.write(`wrote ${SCHEMA_DIR}/${name}\n`);
  }
}
