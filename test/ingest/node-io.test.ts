// nodeIo.openRead: a real file in chunks, a fresh buffer per chunk unless the consumer promises
// to be done with each chunk first (reuseChunks; the byte scanner does), and an ingest through
// it that spans many chunks gives what the same bytes give from memory.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/index.js';
import { memoryIo, nodeIo } from '../../src/io.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ml-lca-io-'));

function bigLog(): string {
  const lines = ['timestamp, index, name, power.draw [W], utilization.gpu [%], memory.used [MiB]'];
  for (let s = 0; s < 3000; s++) {
    const ts = `2024/10/13 ${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.${String((s * 7) % 1000).padStart(3, '0')}`;
    for (let g = 0; g < 4; g++)
      lines.push(`${ts}, ${g}, NVIDIA H100 80GB HBM3, ${s % 97 === g ? '[N/A]' : `${(250 + ((s * (g + 3)) % 400) / 4).toFixed(2)} W`}, 40 %, 50000 MiB`);
    if (s % 700 === 699) lines.push(lines[0] as string);
  }
  return `${lines.join('\n')}\n`;
}

describe('nodeIo.openRead', () => {
  const file = path.join(dir, 'big.csv');
  const text = bigLog();
  writeFileSync(file, text);

  it('yields the file in order, a fresh buffer per chunk by default', async () => {
    const chunks: Uint8Array[] = [];
    for await (const c of nodeIo().openRead(file)) chunks.push(c);
    expect(chunks.length).toBeGreaterThan(2);
    expect(new Set(chunks.map((c) => c.buffer)).size).toBe(chunks.length);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(text);
  });

  it('refills one buffer after reuseChunks(), each chunk read before the next is asked for', async () => {
    const src = nodeIo().openRead(file);
    src.reuseChunks?.();
    const buffers = new Set<ArrayBufferLike>();
    let joined = '';
    for await (const c of src) {
      buffers.add(c.buffer);
      joined += Buffer.from(c).toString('latin1');
    }
    expect(buffers.size).toBe(1);
    expect(joined).toBe(Buffer.from(text).toString('latin1'));
  });

  it('a missing file and a directory keep their error codes for the caller', async () => {
    const first = async (f: string) => {
      for await (const _ of nodeIo().openRead(f)) return 'read';
      return 'empty';
    };
    await expect(first(path.join(dir, 'nope.csv'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(first(dir)).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('an ingest over many reused chunks equals the same bytes from memory', async () => {
    const fromDisk = await ingestFile(file, {}, nodeIo());
    const fromMemory = await ingestFile(file, {}, memoryIo({ [file]: text }));
    expect(fromDisk).toEqual(fromMemory);
    expect(fromDisk.rows).toBe(12000);
    expect(fromDisk.warnings).toContain('4 repeated header line(s) skipped (concatenated logs)');
  });
});
