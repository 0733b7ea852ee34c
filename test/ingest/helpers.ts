// Shared helpers for the ingest tests: fixture paths and an Io that serves real files in small
// chunks, so that every parser is exercised across chunk boundaries.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { memoryIo } from '../../src/io.js';
import type { Io } from '../../src/io.js';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
export const fixture = (rel: string): string => path.join(FIXTURES, rel);

/** memoryIo over the given texts (absolute path -> content), read back in `chunk`-byte pieces. */
export function chunkedIo(files: Record<string, string | Uint8Array>, chunk = 7): Io & { logs: string[] } {
  const base = memoryIo(files);
  return {
    ...base,
    async *openRead(file: string) {
      for await (const whole of base.openRead(file)) {
        for (let i = 0; i < whole.byteLength; i += chunk) yield whole.subarray(i, Math.min(whole.byteLength, i + chunk));
      }
    },
  };
}

/** chunkedIo over fixture files read from disk. */
export function fixtureIo(rels: string[], chunk = 7): Io & { logs: string[] } {
  const files: Record<string, Uint8Array> = {};
  for (const r of rels) files[fixture(r)] = readFileSync(fixture(r));
  return chunkedIo(files, chunk);
}

/** kWh from joules, for hand calculations in the tables. */
export const kwh = (joules: number): number => joules / 3.6e6;
