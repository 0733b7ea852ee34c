// Reading a history: cards validated through the lenient subset, bad files named and skipped,
// run identity validated, duplicates counted once, runs oldest first.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHistory } from '../../src/dashboard/history.js';
import { recordFromText } from '../../src/dashboard/record.js';
import { memoryIo } from '../../src/io.js';
import { InputError } from '../../src/errors.js';
import { dashCard, fakeSha } from './cards.js';
import { fixtureFiles, HOSTILE_NAME } from './history.js';

const ROOT = path.resolve('/hist');
const io = (files: Record<string, string>) => memoryIo(Object.fromEntries(Object.entries(files).map(([k, v]) => [path.join(ROOT, k), v])));

describe('readHistory (directory of cards)', () => {
  it('reads the fixture: 7 runs, skips the two files that are not cards, counts the duplicate once', async () => {
    const got = await readHistory(ROOT, io(fixtureFiles()));
    expect(got.reader).toBe('cards');
    expect(got.records.map((r) => `${r.scenario.slice(0, 8)}@${r.created_at.slice(0, 10)}`)).toEqual([
      'ranker@2026-02-20',
      'ranker@2026-03-02',
      'embedder@2026-03-03',
      '</script@2026-03-04',
      'ranker@2026-03-05',
      'ranker@2026-03-10',
      'embedder@2026-03-12',
    ]);
    expect(got.warnings).toEqual([
      'broken/half.json: skipped, not JSON',
      'notes/package.json: skipped, not an ml-lca model card (tool: Invalid input: expected object, received undefined)',
      '1 duplicate run(s) (same run id or commit) counted once',
    ]);
  });

  it('keeps the values the charts draw', async () => {
    const { records } = await readHistory(ROOT, io(fixtureFiles()));
    const r = records.find((x) => x.scenario === 'ranker' && x.created_at.startsWith('2026-03-05'))!;
    expect(r).toMatchObject({
      team: 'search',
      functional_unit: '1,000 requests',
      sha: fakeSha(3),
      run_id: 1003,
      pr: 13,
      verdict: 'warn',
      per_fu_co2e_g: 13.2,
      co2e_kg: 20,
      per_fu_budget: { max: 15, warn: 12 },
      period_budgets: [{ scope: 'team', period: 'month', metric: 'totals.co2e_kg', max: 100, warn: 80 }],
    });
    expect(r.per_fu_co2e_g_low).toBeCloseTo(10.56, 10);
    expect(r.per_fu_co2e_g_high).toBeCloseTo(16.5, 10);
    expect(r.stages).toEqual({
      experimentation: { energy_kwh: 10, co2e_kg: 4 },
      training: { energy_kwh: 30, co2e_kg: 12 },
      inference: { energy_kwh: 10, co2e_kg: 4 },
    });
    expect(r.lifetime?.breakeven_inferences).toBe(2.5e6);
    expect(r.lifetime?.curve).toHaveLength(4);
  });

  it('is an InputError naming the directory when nothing in it is a card', async () => {
    const err = await readHistory(ROOT, io({ 'a.json': '{}' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toBe(
      `${ROOT}: expected a directory holding ml-lca model cards (*.json) or a checkout of the history branch, got no usable card (1 file(s) skipped; first: a.json: skipped, not an ml-lca model card (tool: Invalid input: expected object, received undefined))`,
    );
    await expect(readHistory(ROOT, io({}))).rejects.toThrow('no such directory, or no *.json below it');
  });

  it('refuses a file where a directory is expected', async () => {
    await expect(readHistory(path.join(ROOT, 'a.json'), io({ 'a.json': '{}' }))).rejects.toThrow('expected a directory');
  });

  it('skips a card larger than any real one without reading it', async () => {
    const big = `{"pad":"${'x'.repeat((8 << 20) + 10)}"}`;
    const good = JSON.stringify(dashCard({ scenario: 's', created_at: '2026-01-01T00:00:00Z', co2e_kg: 1, per_fu_g: 1 }));
    const got = await readHistory(ROOT, io({ 'big.json': big, 'good.json': good }));
    expect(got.records).toHaveLength(1);
    expect(got.warnings[0]).toMatch(/^big\.json: skipped, \d+ bytes is more than a model card/);
  });
});

describe('recordFromText: untrusted cards', () => {
  const card = (over: Record<string, unknown>) =>
    JSON.stringify({ ...dashCard({ scenario: 's', created_at: '2026-01-01T00:00:00Z', co2e_kg: 1, per_fu_g: 1 }), ...over });

  it('keeps hostile names as data (escaping is the page’s job) but drops a SHA, run id or PR that is not one', () => {
    const got = recordFromText(card({ extensions: { github: { sha: 'javascript:alert(1)', run_id: '../../x', pr: '1; DROP' } } }), 'f.json');
    expect('record' in got && got.record).toMatchObject({ sha: null, run_id: null, pr: null });
    const named = recordFromText(JSON.stringify(dashCard({ scenario: HOSTILE_NAME, created_at: '2026-01-01T00:00:00Z', co2e_kg: 1, per_fu_g: 1 })), 'g.json');
    expect('record' in named && named.record.scenario).toBe(HOSTILE_NAME);
  });

  it('an unknown verdict reads as unknown; a non-finite or missing number is refused with the field', () => {
    const v = recordFromText(card({ verdict: 'green' }), 'f.json');
    expect('record' in v && v.record.verdict).toBe('unknown');
    expect(recordFromText(card({ per_functional_unit: { co2e_g: 'many' } }), 'f.json')).toEqual({
      reason: 'not an ml-lca model card (per_functional_unit.co2e_g: Invalid input: expected number, received string)',
    });
    expect(recordFromText(card({ created_at: '2026-01-01T00:00:00' }), 'f.json')).toMatchObject({ reason: expect.stringContaining('created_at') });
  });

  it('caps lengths: a 10,000-character scenario name is not a card', () => {
    const got = recordFromText(card({ scenario: { name: 'x'.repeat(10_000) } }), 'f.json');
    expect(got).toMatchObject({ reason: expect.stringContaining('scenario.name') });
  });

  it('reads a card of an older version that lacks optional blocks (no lifetime curve, no uncertainty per FU)', () => {
    const c = JSON.parse(card({})) as Record<string, unknown>;
    delete c.lifetime;
    delete c.hf_co2_eq_emissions;
    delete c.sources;
    const got = recordFromText(JSON.stringify(c), 'old.json');
    expect('record' in got && got.record).toMatchObject({ lifetime: null, per_fu_co2e_g_low: null, per_fu_co2e_g_high: null });
  });
});
