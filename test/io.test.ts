// src/io.ts hardening (issue 13): all-or-none writes, regular files only, size caps, and path
// containment after symlinks. Real files in a temp directory.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { containedPath, memoryIo, nodeIo } from '../src/io.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ml-lca-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const io = nodeIo({ log: () => {} });

async function inputError(p: Promise<unknown>): Promise<InputError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof InputError)) throw new Error(`expected an InputError, got ${String(e)}`);
  return e;
}

describe('writeFilesAtomic: all files or none', () => {
  it('writes every file, subdirectories included, and replaces what was there', async () => {
    const out = path.join(dir, 'ok');
    mkdirSync(out);
    writeFileSync(path.join(out, 'a.json'), 'old');
    const written = await io.writeFilesAtomic(out, { 'a.json': 'new', 'sub/b.md': 'b' });
    expect(written).toEqual([path.join(out, 'a.json'), path.join(out, 'sub/b.md')]);
    expect(readFileSync(path.join(out, 'a.json'), 'utf8')).toBe('new');
    expect(readdirSync(out).sort()).toEqual(['a.json', 'sub']);
  });

  it('a directory where a file goes: nothing moved, nothing written, no temp files left', async () => {
    const out = path.join(dir, 'blocked');
    mkdirSync(path.join(out, 'report.md'), { recursive: true });
    writeFileSync(path.join(out, 'model-card.json'), 'previous');
    await expect(io.writeFilesAtomic(out, { 'model-card.json': 'new', 'report.md': '# r' })).rejects.toMatchObject({ code: 'EISDIR' });
    expect(readFileSync(path.join(out, 'model-card.json'), 'utf8')).toBe('previous');
    expect(readdirSync(out).sort()).toEqual(['model-card.json', 'report.md']);
  });

  it('a failure while writing removes the directories this call created', async () => {
    const out = path.join(dir, 'new', 'deeper');
    // A NUL byte in a name fails the second write after the first succeeded.
    await expect(io.writeFilesAtomic(out, { 'a.json': 'x', 'b\u0000.md': 'y' })).rejects.toBeDefined();
    expect(existsSync(path.join(dir, 'new'))).toBe(false);
  });
});

describe('regular files only, size caps', () => {
  it('readText refuses a file over maxBytes before reading it', async () => {
    const f = path.join(dir, 'big.yml');
    writeFileSync(f, 'x'.repeat(70 * 1024));
    const e = await inputError(io.readText(f, { maxBytes: 64 * 1024 }));
    expect([e.code, e.message]).toEqual(['FILE_TOO_LARGE', `${f}: expected a file of at most 64 KiB, got 70 KiB`]);
    expect(await io.readText(f)).toHaveLength(70 * 1024);
  });

  it.runIf(existsSync('/dev/null'))('a device is not a regular file (readText, size, openRead)', async () => {
    expect((await inputError(io.readText('/dev/null'))).message).toBe('/dev/null: expected a regular file, got not a regular file (a character device)');
    expect((await inputError(io.size('/dev/null'))).code).toBe('NOT_REGULAR_FILE');
    const it = io.openRead('/dev/null')[Symbol.asyncIterator]();
    await expect(it.next()).rejects.toMatchObject({ code: 'ENOTREG' });
  });

  it('a missing file or a directory has no size (null), as before', async () => {
    expect(await io.size(path.join(dir, 'nope'))).toBeNull();
    expect(await io.size(dir)).toBeNull();
  });

  it('the memory Io applies the same size cap', async () => {
    const m = memoryIo({ '/s.yml': 'x'.repeat(2000) });
    expect((await inputError(m.readText('/s.yml', { maxBytes: 1024 }))).code).toBe('FILE_TOO_LARGE');
  });
});

describe('containedPath: inside the root, also after symlinks', () => {
  const root = path.join(dir, 'ws');
  const outside = path.join(dir, 'secret.txt');
  mkdirSync(path.join(root, 'sub'), { recursive: true });
  writeFileSync(outside, 'secret');
  writeFileSync(path.join(root, 'sub/in.txt'), 'in');
  symlinkSync(outside, path.join(root, 'link.txt'));
  symlinkSync(path.join(root, 'sub/in.txt'), path.join(root, 'inner-link.txt'));

  it.each([
    ['a relative path inside', 'sub/in.txt', true],
    ['a symlink to a file inside', 'inner-link.txt', true],
    ['a missing file inside (the caller reports it)', 'sub/missing.txt', true],
    ['.. out of the root', '../secret.txt', false],
    ['an absolute path elsewhere', '/etc/passwd', false],
    ['a symlink to a file outside', 'link.txt', false],
  ])('%s', async (_what, file, inside) => {
    const r = containedPath(io, root, file, { field: 'ledger', file: 'lca.yml' });
    if (inside) expect(await r).toBe(path.resolve(root, file));
    else {
      const e = await inputError(r);
      expect(e.message).toBe(`lca.yml: ledger: expected a path inside ${root}, got ${JSON.stringify(file)}`);
    }
  });
});
