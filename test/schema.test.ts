// The committed JSON Schemas (schema/*.json, for editors and for consumers of the card) must be
// what `npm run schema` writes from the zod schemas today.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { SCHEMA_DIR, schemaFiles } from '../scripts/write-schema.js';
import { Scenario } from '../src/scenario/schema.js';

const root = path.resolve(import.meta.dirname, '..');

describe('published JSON Schemas', () => {
  it.each(Object.entries(schemaFiles()))('%s is up to date (run `npm run schema`)', (name, expected) => {
    const committed = readFileSync(path.join(root, SCHEMA_DIR, name), 'utf8');
    expect(committed).toBe(expected);
  });

  it('the scenario schema is strict and documents units', () => {
    const s = JSON.parse(schemaFiles()['scenario.schema.json']!) as { additionalProperties: unknown; required: string[] };
    expect(s.additionalProperties).toBe(false);
    expect(s.required).toEqual(expect.arrayContaining(['name', 'functional_unit', 'deployment', 'hardware', 'stages']));
    expect(schemaFiles()['scenario.schema.json']).toContain('(kWh)');
  });

  it.each(['chat-model.yml', 'finetune-small.yml'])('examples/scenarios/%s is a valid scenario', (f) => {
    const doc: unknown = parseYaml(readFileSync(path.join(root, 'examples/scenarios', f), 'utf8'));
    const r = Scenario.safeParse(doc);
    expect(r.success, r.error?.message).toBe(true);
  });
});
