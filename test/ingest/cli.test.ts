// The `ingest` command as the CLI runs it: JSON on stdout, exit codes, flags.
import { describe, expect, it } from 'vitest';
import { ingestCommand } from '../../src/cli/ingest.js';
import { InputError } from '../../src/errors.js';
import { Source } from '../../src/ingest/source.js';
import { memoryIo } from '../../src/io.js';

function cliIo(files: Record<string, string>) {
  const out: string[] = [];
  return { io: { ...memoryIo(files), stdout: (l: string) => out.push(l), cwd: '/w' }, out };
}

const LOG =
  'timestamp, index, name, power.draw [W]\n2024/10/13 03:33:30.000, 0, NVIDIA H100 80GB HBM3, 100.00 W\n2024/10/13 03:33:40.000, 0, NVIDIA H100 80GB HBM3, 300.00 W\n';

describe('ingest command', () => {
  it('prints { sources: [SOURCE] } with --json', async () => {
    const { io, out } = cliIo({ '/w/gpu.csv': LOG });
    expect(await ingestCommand(['gpu.csv', '--json'], io)).toBe(0);
    const doc: unknown = JSON.parse(out.join('\n'));
    const sources = (doc as { sources: unknown[] }).sources;
    expect(sources).toHaveLength(1);
    const s = Source.parse(sources[0]);
    expect(s).toMatchObject({ path: 'gpu.csv', format: 'nvidia-smi', rows: 2, rows_rejected: 0, logged_pue: null, co2e_kg: null });
    expect(s.energy_kwh).toBeCloseTo((200 * 10) / 3.6e6, 12);
  });

  it('prints a human summary without --json', async () => {
    const { io, out } = cliIo({ '/w/gpu.csv': LOG });
    await ingestCommand(['gpu.csv'], io);
    expect(out[0]).toMatch(/^gpu\.csv: nvidia-smi \(device\), energy 0\.0005556 kWh/);
  });

  it('says INCOMPLETE, why and the fix for a log without timestamps (and no --interval)', async () => {
    const { io, out } = cliIo({ '/w/p.csv': 'index, power.draw [W]\n0, 100 W\n0, 100 W\n' });
    await ingestCommand(['p.csv'], io);
    expect(out[0]).toMatch(/^p\.csv: nvidia-smi \(device\), energy n\/a/);
    expect(out[1]).toBe(
      "  INCOMPLETE: device 0: 2 power samples have no timestamp, so they cannot be integrated over time. Fix: set the stage's interval_s to the logging interval in seconds (ml-lca ingest: --interval), or log timestamps: nvidia-smi --query-gpu=timestamp,index,power.draw --format=csv -l 1",
    );
  });

  it('--interval integrates a log without timestamps', async () => {
    const { io, out } = cliIo({ '/w/p.csv': 'index, power.draw [W]\n0, 100 W\n0, 100 W\n' });
    await ingestCommand(['p.csv', '--json', '--interval', '5'], io);
    expect((JSON.parse(out.join('')) as { sources: Array<{ energy_kwh: number }> }).sources[0]?.energy_kwh).toBeCloseTo(500 / 3.6e6, 12);
  });

  it.each([
    [['--json'], 'BAD_FLAG'],
    [['p.csv', '--interval', '0'], 'BAD_FLAG'],
    [['p.csv', '--bogus'], 'BAD_FLAG'],
    [['missing.csv'], 'FILE_NOT_FOUND'],
    [['runs/*.csv'], 'LOG_NO_MATCH'],
  ])('%j -> %s', async (argv, code) => {
    const { io } = cliIo({ '/w/p.csv': 'index, power.draw [W]\n0, 100 W\n' });
    const e = await ingestCommand(argv, io).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).code).toBe(code);
  });
});

describe('progress', () => {
  it('logs progress lines on stderr only when io.progress is set', async () => {
    const { ingestFile } = await import('../../src/ingest/index.js');
    const { chunkedIo } = await import('./helpers.js');
    let clock = 0;
    const make = (progress: boolean) => ({ ...chunkedIo({ '/w/gpu.csv': LOG }, 16), progress, now: () => new Date((clock += 1500)) });
    const on = make(true);
    await ingestFile('/w/gpu.csv', {}, on, 'gpu.csv');
    expect(on.logs.some((l) => /^ingest: gpu\.csv \d+% /.test(l))).toBe(true);
    const off = make(false);
    await ingestFile('/w/gpu.csv', {}, off, 'gpu.csv');
    expect(off.logs).toEqual([]);
  });
});
