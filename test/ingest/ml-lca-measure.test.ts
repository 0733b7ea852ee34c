// The ml-lca-measure log format (what `ml-lca measure` writes) read by ingest, on fixtures written
// by hand, in 7-byte chunks. Energies by hand: trapezoid over power samples, difference of the
// cumulative energy readings.
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/index.js';
import { detectFormat } from '../../src/ingest/registry.js';
import { fixture, fixtureIo, kwh } from './helpers.js';

const read = (name: string) => ingestFile(fixture(`ml-lca-measure/${name}`), {}, fixtureIo([`ml-lca-measure/${name}`]), name);

describe('ml-lca-measure format', () => {
  it('is detected from its header line, not confused with generic JSON lines', () => {
    expect(detectFormat('{"ml_lca_measure":1,"started":"2026-01-05T10:00:00.000Z"}\n', 'x.jsonl')?.format.id).toBe('ml-lca-measure');
    expect(detectFormat('{"timestamp":"2026-01-05T10:00:00Z","power_w":300}\n', 'x.jsonl')?.format.id).toBe('power-jsonl');
  });

  it('complete log: GPUs (trapezoid) + RAPL package (counter) = host-inclusive energy', async () => {
    const s = await read('complete.jsonl');
    // gpu0 200 W × 10 s = 2,000 J; gpu1 (100+200)/2 × 5 + (200+300)/2 × 5 = 2,000 J; package 400 J − 0 J = 400 J.
    expect(s.devices.map((d) => [d.id, d.kind, d.energy_kwh])).toEqual([
      ['gpu-node/rapl:package-0', 'cpu', kwh(400)],
      ['gpu-node/gpu0', 'gpu', kwh(2_000)],
      ['gpu-node/gpu1', 'gpu', kwh(2_000)],
    ]);
    expect(s.energy_kwh).toBeCloseTo(kwh(4_400), 15);
    expect(s.scope).toBe('host');
    expect(s.devices[1]?.name).toBe('NVIDIA H100 80GB HBM3');
    expect(s.devices.every((d) => d.host === 'gpu-node')).toBe(true);
    expect([s.start, s.end, s.duration_s]).toEqual(['2026-01-05T10:00:00.000Z', '2026-01-05T10:00:10.000Z', 10]);
    expect([s.rows, s.rows_rejected]).toEqual([9, 0]);
    expect(s.warnings).toEqual([]);
    expect(s.estimated).toBeUndefined();
  });

  it('a killed sampler: cut last line and no end record, everything written before counts', async () => {
    const s = await read('killed.jsonl');
    // gpu0 200 W over 0..9 s = 1,800 J; gpu1 (100+200)/2 × 5 = 750 J; package 360 J.
    expect(s.energy_kwh).toBeCloseTo(kwh(2_910), 15);
    expect(s.duration_s).toBe(9);
    expect(s.rows_rejected).toBe(1);
    expect(s.warnings).toContain(
      'the measurement has no end record (sampler killed or still running): energy counts up to its last sample at 2026-01-05T10:00:09.000Z',
    );
    expect(s.warnings).toContain('1 row(s) rejected: truncated last line (line 13)');
  });

  it('sessions appended to one file are read one after another', async () => {
    const s = await read('two-sessions.jsonl');
    // Session 1: 100 W × 10 s = 1,000 J; session 2 (its gpu0 is another device): 300 W × 10 s = 3,000 J.
    expect(s.devices.map((d) => [d.id, d.energy_kwh])).toEqual([
      ['gpu-node/gpu0', kwh(1_000)],
      ['gpu-node/gpu0#2', kwh(3_000)],
    ]);
    expect(s.scope).toBe('device');
    expect(s.warnings).toContain('the measured command exited with code 1: the energy covers the run up to that point');
    expect(s.warnings).toContain('the measured command was killed by SIGTERM: the energy covers the run up to that point');
    expect(s.warnings).toContain('1 row(s) rejected: sample of a channel not declared before it (line 10)');
  });

  it('a malformed channel record is a corrupt log, naming the line', async () => {
    await expect(read('bad-channel.jsonl')).rejects.toMatchObject({ code: 'LOG_CORRUPT', file: 'bad-channel.jsonl', line: 2 });
  });
});
