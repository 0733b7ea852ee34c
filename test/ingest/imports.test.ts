// The ingest path must stay light (issue 8: Node start-up is a large share of a 54 MB ingest):
// no GitHub client, no @actions toolkit, no report code, and csv-parse / yaml / zod loaded only
// by the formats that need them (dynamic import).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'prometheus' ? [] : files(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}
const ours = [...files(path.join(root, 'src/ingest')).filter((f) => !f.endsWith('merge.ts')), path.join(root, 'src/cli/ingest.ts')];

describe('ingest imports', () => {
  it.each(ours.map((f) => [path.relative(root, f)]))('%s imports no octokit, @actions, report or github code', (rel) => {
    const text = readFileSync(path.join(root, rel), 'utf8');
    const statics = [...text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1] ?? '');
    for (const spec of statics) {
      expect(spec).not.toMatch(/octokit|@actions|\/github\/|\/report\/|pipeline/);
      // source.ts is the shared zod schema; the ingest path imports it for types only (checked next).
      if (!rel.endsWith('source.ts')) expect(['csv-parse', 'yaml', 'zod']).not.toContain(spec);
      expect(spec).not.toMatch(/source\.js$/);
    }
  });
});
