// Unknown, corrupt, missing and escaping inputs: each an InputError (exit 2) naming the file and,
// where there is one, the line.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { ingestFile, ingestPatterns } from '../../src/ingest/index.js';
import { FORMATS } from '../../src/ingest/registry.js';
import { memoryIo } from '../../src/io.js';
import { chunkedIo } from './helpers.js';

const F = '/logs/file.csv';

async function failure(text: string | Uint8Array): Promise<InputError> {
  const e = await ingestFile(F, {}, chunkedIo({ [F]: text }), F).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(InputError);
  return e as InputError;
}

describe('bad logs', () => {
  it.each([
    ['an unknown format names every format tried', 'alpha,beta\n1,2\n', 'LOG_UNKNOWN_FORMAT', 1],
    ['binary data', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]), 'LOG_UNKNOWN_FORMAT', undefined],
    ['an empty file', '', 'LOG_CORRUPT', undefined],
    ['an nvidia-smi log whose every row is broken', 'timestamp, index, power.draw [W]\nxx, 0, 1 W\nyy, 0, 2 W\n', 'LOG_CORRUPT', 3],
    [
      'a CodeCarbon file with an unclosed quote',
      'timestamp,run_id,duration,emissions,energy_consumed\n2024-01-01T00:00:00,"abc,10,0.1,0.2\n',
      'LOG_CORRUPT',
      undefined,
    ],
    ['a range-query JSON that is not JSON', '{"status":"success","data":{"resultType":"matrix","result":[', 'LOG_CORRUPT', undefined],
    [
      'a range-query JSON of the wrong shape',
      '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[["x","1"]]}]}}',
      'LOG_CORRUPT',
      undefined,
    ],
    ['a model card without a number', '---\nco2_eq_emissions:\n  source: x\n---\n', 'LOG_CORRUPT', undefined],
  ] as const)('%s', async (_what, text, code, line) => {
    const e = await failure(text);
    expect(e.code).toBe(code);
    expect(e.file).toBe(F);
    if (line !== undefined) expect(e.line).toBe(line);
    if (code === 'LOG_UNKNOWN_FORMAT' && typeof text === 'string') for (const f of FORMATS) expect(e.message).toContain(f.id);
  });

  it('a missing file is FILE_NOT_FOUND', async () => {
    const e = await ingestFile('/nope.csv', {}, memoryIo({}), 'nope.csv').catch((x: unknown) => x);
    expect((e as InputError).code).toBe('FILE_NOT_FOUND');
  });
});

describe('ingestPatterns', () => {
  const root = '/repo';
  const io = memoryIo({
    [path.join(root, 'runs/a/gpu.csv')]: 'timestamp,gpu,power_w\n2024-01-01T00:00:00Z,0,100\n2024-01-01T00:00:10Z,0,100\n',
    [path.join(root, 'runs/b/gpu.csv')]: 'timestamp,gpu,power_w\n2024-01-01T00:00:00Z,0,200\n2024-01-01T00:00:10Z,0,200\n',
    '/elsewhere/secret.csv': 'timestamp,gpu,power_w\n',
  });

  it('expands globs relative to cwd and reports paths relative to it', async () => {
    const s = await ingestPatterns(['runs/**/gpu.csv'], root, {}, io);
    expect(s.map((x) => x.path)).toEqual(['runs/a/gpu.csv', 'runs/b/gpu.csv']);
    expect(s.map((x) => x.energy_kwh)).toEqual([(100 * 10) / 3.6e6, (200 * 10) / 3.6e6]);
  });

  it.each(['../elsewhere/secret.csv', '/elsewhere/secret.csv', 'runs/../../elsewhere/*.csv'])('refuses %s (PATH_ESCAPE)', async (p) => {
    const e = await ingestPatterns([p], root, {}, io).catch((x: unknown) => x);
    expect((e as InputError).code).toBe('PATH_ESCAPE');
  });

  it('names a pattern that matches nothing (LOG_NO_MATCH)', async () => {
    const e = await ingestPatterns(['runs/a/gpu.csv', 'runs/**/emissions.csv'], root, {}, io).catch((x: unknown) => x);
    expect((e as InputError).code).toBe('LOG_NO_MATCH');
    expect((e as InputError).message).toContain('"runs/**/emissions.csv"');
  });
});
