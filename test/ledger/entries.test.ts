import { describe, expect, it } from 'vitest';
import { dedupeEntries, entryFromCard, metricOf, numberAt, runKey } from '../../src/ledger/entries.js';
import { LedgerEntry, type LedgerEntryInput } from '../../src/ledger/schema.js';
import { makeCard } from './cards.js';

const entry = (o: Partial<LedgerEntryInput>): LedgerEntry => LedgerEntry.parse({ created_at: '2026-03-10T10:00:00Z', scenario: 'vision-v2', co2e_kg: 5, ...o });

describe('entryFromCard', () => {
  it('takes scenario, team, totals and the run meta; offsets normalised to UTC', () => {
    const card = makeCard({ scenario: 'vision-v2', team: 'vision', co2e_kg: 12.5, created_at: '2026-04-01T01:00:00+02:00', energy_kwh: 31 });
    const e = entryFromCard(card, { run_id: 77, sha: 'abc', source: 'artifact:77' });
    expect(e).toMatchObject({
      run_id: 77,
      sha: 'abc',
      created_at: '2026-03-31T23:00:00.000Z',
      scenario: 'vision-v2',
      team: 'vision',
      co2e_kg: 12.5,
      source: 'artifact:77',
    });
    expect(e.metrics['totals.energy_kwh']).toBe(31);
    expect(e.metrics['per_functional_unit.co2e_g']).toBe(1);
    expect(metricOf(e, 'totals.co2e_kg')).toBe(12.5);
    expect(metricOf(e, 'totals.energy_kwh')).toBe(31);
    expect(metricOf(e, 'stages.training.co2e_kg')).toBeNull();
  });

  it('the run created_at given by the caller wins over the card; the card may carry its own run id', () => {
    const card = makeCard({ scenario: 's', co2e_kg: 1, created_at: '2026-03-01T00:00:00Z', extensions: { github: { run_id: 9, sha: 'f00' } } });
    expect(entryFromCard(card, { source: 'x', created_at: '2026-02-28T23:00:00Z' })).toMatchObject({
      run_id: 9,
      sha: 'f00',
      created_at: '2026-02-28T23:00:00.000Z',
    });
  });

  it('keeps extra metric paths a budget names', () => {
    const card = makeCard({ scenario: 's', co2e_kg: 1, created_at: '2026-03-01T00:00:00Z' });
    expect(entryFromCard(card, { source: 'x' }, ['hf_co2_eq_emissions.emissions']).metrics['hf_co2_eq_emissions.emissions']).toBe(1000);
  });
});

describe('numberAt', () => {
  it.each([
    [{ a: { b: 2 } }, 'a.b', 2],
    [{ a: { b: '2' } }, 'a.b', null],
    [{ a: { b: null } }, 'a.b', null],
    [{ a: 1 }, 'a.b', null],
    [{ a: { b: Number.NaN } }, 'a.b', null],
    [{}, 'toString', null],
  ])('%j %s -> %s', (root, p, want) => {
    expect(numberAt(root, p)).toBe(want);
  });
});

describe('dedupeEntries', () => {
  it('one entry per run id and scenario; the newest attempt wins', () => {
    const first = entry({ run_id: 1, co2e_kg: 5, created_at: '2026-03-10T10:00:00Z', source: 'a' });
    const rerun = entry({ run_id: 1, co2e_kg: 6, created_at: '2026-03-10T12:00:00Z', source: 'b' });
    const other = entry({ run_id: 2, co2e_kg: 7 });
    const { entries, duplicates } = dedupeEntries([first, other, rerun]);
    expect(duplicates).toBe(1);
    expect(entries.map((e) => e.co2e_kg)).toEqual([6, 7]);
  });

  it('two scenarios of one run (a matrix) both count', () => {
    const { entries } = dedupeEntries([entry({ run_id: 1, scenario: 'a' }), entry({ run_id: 1, scenario: 'b' })]);
    expect(entries).toHaveLength(2);
  });

  it('without a run id, sha + scenario; without either, the content (same card from two places)', () => {
    const bySha = dedupeEntries([entry({ sha: 'abc', co2e_kg: 1 }), entry({ sha: 'abc', co2e_kg: 1, created_at: '2026-03-10T09:00:00Z' })]);
    expect(bySha.entries).toHaveLength(1);
    expect(bySha.entries[0]?.created_at).toBe('2026-03-10T10:00:00.000Z');
    const byHash = dedupeEntries([
      entry({ source: 'dir-a/card.json', metrics: { x: 1, y: 2 } }),
      entry({ source: 'dir-b/card.json', metrics: { y: 2, x: 1 } }),
      entry({ source: 'dir-c/card.json', co2e_kg: 5.0001 }),
    ]);
    expect(byHash.duplicates).toBe(1);
    expect(byHash.entries.map((e) => e.source)).toEqual(['dir-a/card.json', 'dir-c/card.json']);
  });

  it('runKey names the key it used', () => {
    expect(runKey(entry({ run_id: 'gl-42' }))).toBe('run:gl-42:vision-v2');
    expect(runKey(entry({ sha: 'abc' }))).toBe('sha:abc:vision-v2');
    expect(runKey(entry({}))).toMatch(/^hash:[0-9a-f]{16}$/);
  });
});
