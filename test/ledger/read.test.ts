import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { memoryIo, nodeIo } from '../../src/io.js';
import { parseLedgerJsonl, parseLedgerSetting, readLedger, toJsonl } from '../../src/ledger/read.js';
import { loadScenarioLedger } from '../../src/ledger/apply.js';
import { makeCard } from './cards.js';

const FIX = path.resolve(import.meta.dirname, '../fixtures/ledger');
const io = nodeIo({ log: () => {} });

async function inputError(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('JSONL ledger', () => {
  it('reads entries, skips blank lines, normalises offsets, counts a repeated run once', async () => {
    const r = await readLedger(path.join(FIX, 'team-q1.jsonl'), io);
    expect(r.read).toBe(6);
    expect(r.duplicates).toBe(1);
    expect(r.entries.map((e) => e.run_id)).toEqual([101, 102, 103, 104, 105]);
    expect(r.entries[1]?.created_at).toBe('2026-02-10T08:00:00.000Z');
    expect(r.entries[3]?.created_at).toBe('2026-03-31T23:00:00.000Z');
    // A line without `source` is named by file and line (line 4: line 3 is blank).
    expect(r.entries[2]?.source).toBe(`${path.join(FIX, 'team-q1.jsonl')}:4`);
    expect(r.warnings).toEqual(['1 duplicate run(s) counted once']);
  });

  it.each([
    ['negative-co2-line-3.jsonl', 3, 'co2e_kg', /-4/],
    ['truncated-line-2.jsonl', 2, undefined, /closing bracket/],
    ['no-zone-line-4.jsonl', 4, 'created_at', /2026-01-05 09:00:00/],
    ['unknown-key-line-1.jsonl', 1, 'co2_kg', /unknown key/],
    // What the line is, not what it says: a file that is no ledger is never quoted.
    ['array-line-1.jsonl', 1, undefined, /^a list$/],
  ])('%s: error names line %i and field %s', async (file, line, field, got) => {
    const e = await inputError(readLedger(path.join(FIX, file), io));
    expect(e.code).toBe('BAD_INPUT');
    expect(e.file).toBe(path.join(FIX, file));
    expect(e.line).toBe(line);
    expect(e.field).toBe(field);
    expect(e.got ?? '').toMatch(got);
    expect(e.message).toContain(`line ${line}`);
  });

  it('an unknown key gets a did-you-mean', async () => {
    const e = await inputError(readLedger(path.join(FIX, 'unknown-key-line-1.jsonl'), io));
    expect(e.hint).toBe('did you mean "co2e_kg"?');
  });

  it('toJsonl round-trips', () => {
    const entries = parseLedgerJsonl('{"created_at":"2026-01-01T00:00:00Z","scenario":"m","co2e_kg":2,"source":"s"}\n', 'x.jsonl');
    expect(parseLedgerJsonl(toJsonl(entries), 'y.jsonl')).toEqual(entries);
  });
});

describe('directory of model cards', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ml-lca-ledger-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads *.json recursively, skips other JSON with a warning, de-duplicates the same card downloaded twice', async () => {
    const a = makeCard({ scenario: 'vision-v2', team: 'vision', co2e_kg: 10, created_at: '2026-03-02T10:00:00Z' });
    const b = makeCard({ scenario: 'vision-v2', team: 'vision', co2e_kg: 15, created_at: '2026-03-09T10:00:00Z' });
    mkdirSync(path.join(dir, 'run-1'), { recursive: true });
    mkdirSync(path.join(dir, 'run-2/nested'), { recursive: true });
    mkdirSync(path.join(dir, 'copy'), { recursive: true });
    writeFileSync(path.join(dir, 'run-1/model-card.json'), JSON.stringify(a));
    writeFileSync(path.join(dir, 'run-2/nested/model-card.json'), JSON.stringify(b));
    writeFileSync(path.join(dir, 'copy/model-card.json'), JSON.stringify(a, null, 2));
    writeFileSync(path.join(dir, 'package.json'), '{"name":"x"}');
    writeFileSync(path.join(dir, 'broken.json'), '{');
    writeFileSync(path.join(dir, 'notes.txt'), 'not json');
    const r = await readLedger(dir, io);
    expect(r.entries.map((e) => e.co2e_kg).sort()).toEqual([10, 15]);
    expect(r.duplicates).toBe(1);
    expect(r.warnings).toEqual([
      'broken.json: skipped, not JSON',
      expect.stringMatching(/^package\.json: skipped, not an ml-lca model card \(/),
      '1 duplicate run(s) counted once',
    ]);
  });

  it('skips node_modules (Node 22 fs.glob enters it), and names only five skipped files', async () => {
    const files: Record<string, string> = {
      '/d/node_modules/x/model-card.json': JSON.stringify(makeCard({ scenario: 'dep', co2e_kg: 1, created_at: '2026-01-01T00:00:00Z' })),
      '/d/card.json': JSON.stringify(makeCard({ scenario: 'mine', co2e_kg: 2, created_at: '2026-01-01T00:00:00Z' })),
    };
    for (let i = 0; i < 7; i++) files[`/d/other-${i}.json`] = '[]';
    const r = await readLedger('/d', memoryIo(files));
    expect(r.entries.map((e) => e.scenario)).toEqual(['mine']);
    expect(r.warnings).toHaveLength(6);
    expect(r.warnings[5]).toBe('2 more *.json file(s) skipped (not model cards)');
  });

  it('a missing path is an error that names it', async () => {
    const e = await inputError(readLedger(path.join(dir, 'nope'), io));
    expect(e.code).toBe('FILE_NOT_FOUND');
    expect(e.file).toBe(path.join(dir, 'nope'));
  });

  it('a single card file is a ledger of one', async () => {
    const r = await readLedger(path.join(dir, 'run-1/model-card.json'), io);
    expect(r.entries).toHaveLength(1);
  });
});

describe('ledger setting', () => {
  it.each([
    [undefined, { kind: 'history' }],
    ['history', { kind: 'history' }],
    ['artifact', { kind: 'history' }], // the old name keeps working

    ['file:ledger/vision.jsonl', { kind: 'file', path: 'ledger/vision.jsonl' }],
  ])('%s', (v, want) => {
    expect(parseLedgerSetting(v)).toEqual(want);
  });

  it.each(['file:', 'artefact', 'https://x'])('refuses %j naming the field', (v) => {
    expect(() => parseLedgerSetting(v, 'lca.yml')).toThrow(/lca\.yml: ledger: expected "history" \(.*"artifact" is its old name\) or "file:PATH"/);
  });

  it('file:PATH is relative to the scenario file; artifact is for the action (null)', async () => {
    const mem = memoryIo({ '/repo/ml/ledger.jsonl': '{"created_at":"2026-01-01T00:00:00Z","scenario":"m","co2e_kg":2}\n' });
    const budgets = [{ scope: 'model' as const, period: 'month' as const, metric: 'totals.co2e_kg', max: 1 }];
    const got = await loadScenarioLedger({ ledger: 'file:ledger.jsonl', budgets }, '/repo/ml/lca.yml', mem);
    expect(got?.source).toBe('file:ledger.jsonl');
    expect(got?.entries.map((e) => e.co2e_kg)).toEqual([2]);
    expect(await loadScenarioLedger({ budgets }, '/repo/ml/lca.yml', mem)).toBeNull();
    expect(await loadScenarioLedger({ ledger: 'file:ledger.jsonl', budgets: [] }, '/repo/ml/lca.yml', mem)).toBeNull();
  });
});
