import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nb } from '../report/nbsp.js';
import { ledgerCommand } from '../../src/cli/ledger.js';
import type { CliIo } from '../../src/cli/args.js';
import { InputError } from '../../src/errors.js';
import { memoryIo } from '../../src/io.js';

const LEDGER = readFileSync(path.resolve(import.meta.dirname, '../fixtures/ledger/team-q1.jsonl'), 'utf8');

function cli(now: string): CliIo & { out: string[]; logs: string[] } {
  const out: string[] = [];
  const mem = memoryIo({ '/repo/ledger.jsonl': LEDGER }, { now: new Date(now) });
  return Object.assign(mem, { out, cwd: '/repo', stdout: (l: string) => void out.push(l) });
}

const JsonOut = (io: { out: string[] }): Record<string, unknown> => {
  const v: unknown = JSON.parse(io.out.join('\n'));
  if (v === null || typeof v !== 'object') throw new Error('not an object');
  return v as Record<string, unknown>;
};

describe('ml-lca ledger', () => {
  // team-q1.jsonl, by hand: vision Jan 120, Feb 80.5, Mar 40 + 10 (run 104 is 01:00+02:00 on
  // April 1 = March 31 23:00Z); nlp 300 at April 1 00:00Z; run 102 repeated once.
  it('--json --period quarter: totals per team and model per quarter, de-duplicated', async () => {
    const io = cli('2026-04-15T00:00:00Z');
    expect(await ledgerCommand(['ledger.jsonl', '--json', '--period', 'quarter'], io)).toBe(0);
    const j = JsonOut(io);
    expect(j).toMatchObject({ period: 'quarter', runs: 5, duplicates: 1, positions: [] });
    const totals = (j.totals as Array<Record<string, unknown>>).map((t) => [t.period, t.scope, t.name, t.runs, t.co2e_kg]);
    expect(totals).toEqual([
      ['2026-Q2', 'model', 'llm-chat', 1, 300],
      ['2026-Q2', 'team', 'nlp', 1, 300],
      ['2026-Q1', 'model', 'detector', 2, 50],
      ['2026-Q1', 'model', 'vision-v2', 2, 200.5],
      ['2026-Q1', 'team', 'vision', 4, 250.5],
    ]);
    expect(io.logs).toEqual(['ml-lca ledger: 1 duplicate run(s) counted once']);
  });

  it('--budget: positions for the current period; a team over budget exits 1', async () => {
    const io = cli('2026-04-15T00:00:00Z');
    expect(await ledgerCommand(['ledger.jsonl', '--json', '--period', 'quarter', '--budget', '200'], io)).toBe(1);
    const pos = (JsonOut(io).positions as Array<Record<string, unknown>>).map((p) => [p.name, p.label, p.spent, p.status]);
    expect(pos).toEqual([
      ['nlp', '2026-Q2', 300, 'fail'],
      ['vision', '2026-Q2', 0, 'pass'],
    ]);
  });

  it('--team filters; markdown has the table, the budget position and the cumulative chart', async () => {
    const io = cli('2026-03-20T00:00:00Z');
    expect(await ledgerCommand(['ledger.jsonl', '--team', 'vision', '--period', 'quarter', '--budget', '300'], io)).toBe(0);
    const md = io.out.join('\n');
    expect(md).toContain('## ml-lca ledger: 4 runs (1 duplicate run counted once), per quarter (UTC)');
    // 250.5 of 300 = 83.5 % -> 8 of 10 cells.
    expect(md).toContain(nb('| 2026-Q1 | team | vision | 4 | 251 | 300 | `████████░░ 83.5 %` |'));
    expect(md).not.toContain('nlp');
    // On March 20, 78 days into Q1, all four runs (the last two dated March 31: a clock
    // ahead, or a ledger written later) count: 250.5 / 78 = 3.212 kg/day; 300 kg would last
    // 300 / 3.212 = 93.4 days > 90: not this quarter.
    expect(md).toContain('### Budget position (now: 2026-03-20)');
    expect(md).toContain(nb('not this quarter (3.21 kg CO2e/day)'));
    expect(md).toContain('### Cumulative team vision, 2026-Q1');
    // One point per day up to the last run (Jan 1 .. Mar 31 = 90); Jan 5 +120, Feb 10 +80.5, Mar 31 +50.
    const line = /\n {2}line \[([^\]]*)\]/.exec(md)?.[1]?.split(', ').map(Number) ?? [];
    expect(line).toHaveLength(90);
    expect(md).toContain('  x-axis "day (1 = 2026-01-01)" 1 --> 90');
    expect(md).toContain(nb('| ✅ team **vision** · 2026-Q1 | `████████░░ 83.5 %` | 251 kg CO2e of 300 kg CO2e (4 runs) | 49.5 kg CO2e |'));
    expect(line[3]).toBe(0);
    expect(line[4]).toBe(120);
    expect(line[40]).toBe(200.5);
    expect(line[88]).toBe(200.5);
    expect(line[89]).toBe(250.5);
    expect(md).toContain('  line [300, 300,');
  });

  it('--team with no runs in the ledger still gets its position', async () => {
    const io = cli('2026-04-15T00:00:00Z');
    expect(await ledgerCommand(['ledger.jsonl', '--json', '--team', 'audio', '--budget', '10'], io)).toBe(0);
    const j = JsonOut(io);
    expect(j.runs).toBe(0);
    expect((j.positions as Array<Record<string, unknown>>).map((p) => [p.scope, p.name, p.label, p.spent, p.remaining])).toEqual([
      ['team', 'audio', '2026-04', 0, 10],
    ]);
  });

  it('a period with no runs yet charts the latest period that has some', async () => {
    const io = cli('2026-05-10T00:00:00Z');
    expect(await ledgerCommand(['ledger.jsonl', '--team', 'vision'], io)).toBe(0);
    const md = io.out.join('\n');
    expect(md).toContain('### Cumulative team vision, 2026-03');
    const line = /\n {2}line \[([^\]]*)\]/.exec(md)?.[1]?.split(', ').map(Number) ?? [];
    expect(line).toHaveLength(31);
    expect(line[29]).toBe(0);
    expect(line[30]).toBe(50);
  });

  it.each([
    [['ledger.jsonl', '--period', 'week'], /--period: expected one of month, quarter, year, got "week"/],
    [['ledger.jsonl', '--budget', 'lots'], /--budget: expected kg CO2e per period, a number >= 0, got "lots"/],
    [['ledger.jsonl', '--budget=-1'], /--budget: expected kg CO2e per period/],
    [[], /expected ml-lca ledger DIR_OR_JSONL/],
    [['ledger.jsonl', '--frobnicate'], /expected one of --json, --period, --budget, --team/],
    [['missing.jsonl'], /missing\.jsonl: expected a JSONL ledger or a directory/],
  ])('%j is an input error', async (argv, message) => {
    const io = cli('2026-04-15T00:00:00Z');
    const p = ledgerCommand(argv, io);
    await expect(p).rejects.toBeInstanceOf(InputError);
    await expect(p).rejects.toThrow(message);
    expect(io.out).toEqual([]);
  });
});
