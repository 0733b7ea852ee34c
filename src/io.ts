// The I/O the core is given, so tests can pass a memory fs and a fixed clock.
// Only the entry points (cli.ts, main.ts) build `nodeIo()`; the core takes an `Io`.
import { closeSync, constants as fsConstants, fstatSync, openSync, promises as fsp, readSync, type Stats } from 'node:fs';
import path from 'node:path';
import { InputError } from './errors.js';

/** Default bound of `readText` (cards, ledgers): a wrong file named by mistake cannot exhaust memory. */
export const MAX_TEXT_BYTES = 64 * 1024 * 1024;

/** A file's chunks, in order. */
export interface ChunkSource extends AsyncIterable<Uint8Array> {
  /**
   * Promise that each chunk is done with before the next is asked for: from then on a chunk may
   * be overwritten by the next one, and the reader allocates no memory per chunk (fresh chunks
   * wait for a GC: on the bench log, reuse took peak RSS from 62–89 MiB to 54). Optional for an Io.
   */
  reuseChunks?(): void;
}

export interface Io {
  /**
   * Whole small text file (scenario, card). Throws InputError FILE_NOT_FOUND, NOT_REGULAR_FILE
   * (a FIFO, a device: never opened for a blocking read) or FILE_TOO_LARGE (over `maxBytes`,
   * default MAX_TEXT_BYTES).
   */
  readText(file: string, opts?: { maxBytes?: number }): Promise<string>;
  /** Stream a (possibly multi-GB) regular file in chunks; a FIFO or device fails with code ENOTREG. */
  openRead(file: string): ChunkSource;
  /** Size in bytes of a regular file; null when missing or a directory; NOT_REGULAR_FILE for anything else. */
  size(file: string): Promise<number | null>;
  /** Expand globs relative to cwd; sorted, de-duplicated, files only. */
  glob(patterns: readonly string[], cwd: string): Promise<string[]>;
  /**
   * Write all files or none: temp files, then rename into place (files already there are moved
   * aside first and put back if any rename fails). Names may hold `/` (subdirectories).
   */
  writeFilesAtomic(dir: string, files: Record<string, string>): Promise<string[]>;
  /** The path with every symlink resolved, or null when it does not exist (path containment). Optional. */
  realpath?(file: string): Promise<string | null>;
  now(): Date;
  /** Progress and warnings for humans (stderr in the CLI, core.info in the action). */
  log(message: string): void;
  /** True when progress lines are wanted (stderr is a terminal). */
  progress?: boolean;
}

const READ_CHUNK = 128 << 10;

export function nodeIo(opts: { log?: (m: string) => void; now?: () => Date; progress?: boolean } = {}): Io {
  return {
    async readText(file, o = {}) {
      const max = o.maxBytes ?? MAX_TEXT_BYTES;
      let st: Stats;
      try {
        st = await fsp.stat(file);
      } catch (e) {
        throw fsError(e, file);
      }
      if (st.isDirectory()) throw fsError({ code: 'EISDIR' }, file);
      if (!st.isFile()) throw notRegular(file, st);
      if (st.size > max) throw tooLarge(file, st.size, max);
      // O_NONBLOCK: if the path was swapped for a FIFO since the stat, open does not wait for a writer.
      const fh = await fsp.open(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0)).catch((e: unknown) => {
        throw fsError(e, file);
      });
      try {
        const st2 = await fh.stat();
        if (!st2.isFile()) throw notRegular(file, st2);
        const buf = await fh.readFile();
        if (buf.byteLength > max) throw tooLarge(file, buf.byteLength, max);
        return buf.toString('utf8');
      } catch (e) {
        throw InputError.is(e) ? e : fsError(e, file);
      } finally {
        await fh.close();
      }
    },
    openRead(file) {
      let reuse = false;
      return {
        reuseChunks() {
          reuse = true;
        },
        // Synchronous reads rather than createReadStream: a log is read once, front to back, and
        // the stream's machinery and thread-pool round trips cost ~50 ms on the 54 MB bench log.
        // 128 KiB chunks: the kernel's copy into a buffer that stays in the CPU cache is ~3×
        // faster than into a 1 MiB one here. The generator yields after every chunk, so the event
        // loop is never held for longer than one read. Errors keep their `code` (ENOENT, EISDIR,
        // EACCES); the caller names the file.
        async *[Symbol.asyncIterator]() {
          // O_NONBLOCK and fstat: a FIFO or a device (/dev/zero) is refused before any read,
          // never waited on or read without end.
          const fd = openSync(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
          let buf: Buffer | null = null;
          try {
            const st = fstatSync(fd);
            if (!st.isFile()) {
              const dir = st.isDirectory();
              throw Object.assign(new Error(`${file} is ${dir ? 'a directory' : 'not a regular file'}`), { code: dir ? 'EISDIR' : 'ENOTREG' });
            }
            for (;;) {
              if (!reuse || buf === null) buf = Buffer.allocUnsafeSlow(READ_CHUNK);
              const n = readSync(fd, buf, 0, READ_CHUNK, null);
              if (n === 0) return;
              yield n === READ_CHUNK ? buf : buf.subarray(0, n);
            }
          } finally {
            closeSync(fd);
          }
        },
      };
    },
    async size(file) {
      let st: Stats;
      try {
        st = await fsp.stat(file);
      } catch {
        return null;
      }
      if (st.isFile()) return st.size;
      if (st.isDirectory()) return null;
      throw notRegular(file, st);
    },
    async realpath(file) {
      try {
        return await fsp.realpath(file);
      } catch {
        return null;
      }
    },
    async glob(patterns, cwd) {
      const out = new Set<string>();
      for (const pattern of patterns) {
        if (!/[*?[\]{}]/.test(pattern)) {
          const abs = path.resolve(cwd, pattern);
          out.add(abs);
          continue;
        }
        // fs.promises.glob is Node >= 22; fall back to a small walker on Node 20.
        const fsAny = fsp as unknown as { glob?: (p: string, o: { cwd: string }) => AsyncIterable<string> };
        if (typeof fsAny.glob === 'function') {
          for await (const rel of fsAny.glob(pattern, { cwd })) {
            const abs = path.resolve(cwd, rel);
            const st = await fsp.stat(abs).catch(() => null);
            if (st?.isFile()) out.add(abs);
          }
        } else {
          for (const abs of await walkGlob(pattern, cwd)) out.add(abs);
        }
      }
      return [...out].sort();
    },
    writeFilesAtomic: (dir, files) => writeAllOrNone(dir, files),
    now: opts.now ?? (() => new Date()),
    log: opts.log ?? ((m) => process.stderr.write(`${m}\n`)),
    progress: opts.progress ?? false,
  };
}

interface Staged {
  tmp: string;
  final: string;
  /** Where the file that was at `final` waits until the new one is in place. */
  backup: string | null;
  placed: boolean;
}

/**
 * All or none (design.md: no partial output files): every file is written to a temp name first;
 * only when all are written are they renamed into place, after the files they replace are moved
 * aside. If anything fails, what was placed is removed, what was moved aside is put back, and
 * directories this call created are removed again.
 */
async function writeAllOrNone(dir: string, files: Record<string, string>): Promise<string[]> {
  const staged: Staged[] = [];
  const created: string[] = [];
  const mkdir = async (d: string) => {
    const first = await fsp.mkdir(d, { recursive: true });
    if (first !== undefined) created.push(first);
  };
  try {
    await mkdir(dir);
    for (const [name, content] of Object.entries(files)) {
      const final = path.join(dir, name);
      await mkdir(path.dirname(final));
      const tmp = `${final}.tmp-${process.pid}`;
      staged.push({ tmp, final, backup: null, placed: false });
      await fsp.writeFile(tmp, content, 'utf8');
    }
    // Something that is not a file where a file goes (a directory named report.md): refuse
    // before anything is moved, so a directory is never moved aside or replaced.
    for (const f of staged) {
      const st = await fsp.lstat(f.final).catch(() => null);
      if (st?.isDirectory()) throw Object.assign(new Error(`${f.final} is a directory`), { code: 'EISDIR' });
    }
    for (const f of staged) {
      const backup = `${f.final}.bak-${process.pid}`;
      try {
        await fsp.rename(f.final, backup);
        f.backup = backup;
      } catch (e) {
        if ((e as { code?: string }).code !== 'ENOENT') throw e;
      }
    }
    for (const f of staged) {
      await fsp.rename(f.tmp, f.final);
      f.placed = true;
    }
  } catch (e) {
    for (const f of [...staged].reverse()) {
      await fsp.rm(f.tmp, { force: true }).catch(() => undefined);
      if (f.placed) await fsp.rm(f.final, { force: true }).catch(() => undefined);
      if (f.backup !== null) await fsp.rename(f.backup, f.final).catch(() => undefined);
    }
    for (const d of created.reverse()) await fsp.rm(d, { recursive: true, force: true }).catch(() => undefined);
    throw e;
  }
  for (const f of staged) if (f.backup !== null) await fsp.rm(f.backup, { force: true }).catch(() => undefined);
  return staged.map((f) => f.final);
}

function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'a special file';
}

function notRegular(file: string, st: Stats): InputError {
  return new InputError({ code: 'NOT_REGULAR_FILE', file, expected: 'a regular file', got: `not a regular file (${kindOf(st)})` });
}

function tooLarge(file: string, size: number, max: number): InputError {
  return new InputError({ code: 'FILE_TOO_LARGE', file, expected: `a file of at most ${mib(max)}`, got: `${mib(size)}` });
}

function mib(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toPrecision(3))} MiB`;
  return bytes >= 1024 ? `${Number((bytes / 1024).toPrecision(3))} KiB` : `${bytes} bytes`;
}

/** Whether `file` is `root` or below it (both absolute, already resolved). */
export function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/**
 * `file` (absolute, or relative to `root`) when it lies inside `root`, also after following
 * symlinks (a link in the workspace to /etc/passwd escapes). PATH_ESCAPE otherwise, naming
 * `field` and the path as the user wrote it, never the file's content. A missing file passes
 * (the caller reports it as not found).
 */
export async function containedPath(io: Io, root: string, file: string, what: { field: string; file?: string | undefined }): Promise<string> {
  const absRoot = path.resolve(root);
  const abs = path.resolve(absRoot, file);
  const escaped = () =>
    new InputError({ code: 'PATH_ESCAPE', file: what.file, field: what.field, expected: `a path inside ${absRoot}`, got: JSON.stringify(file) });
  if (!isInside(absRoot, abs)) throw escaped();
  if (io.realpath) {
    const real = await io.realpath(abs);
    if (real !== null) {
      const realRoot = (await io.realpath(absRoot)) ?? absRoot;
      if (!isInside(realRoot, real)) throw escaped();
    }
  }
  return abs;
}

function fsError(e: unknown, file: string): InputError {
  const code = (e as { code?: string } | null)?.code;
  if (code === 'ENOENT') return new InputError({ code: 'FILE_NOT_FOUND', file, expected: 'an existing file', got: 'no such file' });
  if (code === 'EISDIR') return new InputError({ code: 'FILE_UNREADABLE', file, expected: 'a file', got: 'a directory' });
  return new InputError({ code: 'FILE_UNREADABLE', file, expected: 'a readable file', got: code ?? 'read error' });
}

async function walkGlob(pattern: string, cwd: string): Promise<string[]> {
  const { default: picomatch } = await import('picomatch');
  const isMatch = picomatch(pattern, { dot: false });
  // Walk only below the pattern's static prefix.
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const p of parts) {
    if (/[*?[\]{}]/.test(p)) break;
    fixed.push(p);
  }
  const base = path.resolve(cwd, fixed.join('/') || '.');
  const out: string[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = await fsp.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const ent of entries) {
      const abs = path.join(dir, ent.name);
      if (ent.isDirectory()) {
        if (ent.name === 'node_modules' || ent.name === '.git') continue;
        await walk(abs);
      } else if (ent.isFile() || (ent.isSymbolicLink() && (await fsp.stat(abs).catch(() => null))?.isFile())) {
        // A symlink to a file matches as fs.glob (Node >= 22) matches it; where it leads is
        // checked by the caller (containedPath), the same on every Node version.
        const rel = path.relative(cwd, abs).split(path.sep).join('/');
        if (isMatch(rel)) out.push(abs);
      }
    }
  }
  await walk(base);
  return out;
}

/** A memory Io for tests: files keyed by absolute path. */
export function memoryIo(
  files: Record<string, string | Uint8Array>,
  opts: { now?: Date } = {},
): Io & {
  written: Record<string, string>;
  logs: string[];
} {
  const written: Record<string, string> = {};
  const logs: string[] = [];
  const get = (f: string) => {
    const v = files[path.resolve(f)] ?? files[f];
    if (v === undefined) throw new InputError({ code: 'FILE_NOT_FOUND', file: f, expected: 'an existing file', got: 'no such file' });
    return v;
  };
  return {
    written,
    logs,
    async readText(file, o = {}) {
      const v = get(file);
      const bytes = typeof v === 'string' ? Buffer.byteLength(v) : v.byteLength;
      const max = o.maxBytes ?? MAX_TEXT_BYTES;
      if (bytes > max) throw tooLarge(file, bytes, max);
      return typeof v === 'string' ? v : new TextDecoder().decode(v);
    },
    async *openRead(file) {
      const v = get(file);
      yield typeof v === 'string' ? new TextEncoder().encode(v) : v;
    },
    async size(file) {
      const v = files[path.resolve(file)] ?? files[file];
      if (v === undefined) return null;
      return typeof v === 'string' ? Buffer.byteLength(v) : v.byteLength;
    },
    async glob(patterns, cwd) {
      const { default: picomatch } = await import('picomatch');
      const out = new Set<string>();
      for (const p of patterns) {
        const abs = path.resolve(cwd, p);
        const m = picomatch(abs);
        for (const k of Object.keys(files)) if (m(path.resolve(k))) out.add(path.resolve(k));
      }
      return [...out].sort();
    },
    async writeFilesAtomic(dir, fs) {
      const out: string[] = [];
      for (const [name, content] of Object.entries(fs)) {
        const p = path.join(dir, name);
        written[p] = content;
        out.push(p);
      }
      return out;
    },
    now: () => opts.now ?? new Date('2026-01-01T00:00:00Z'),
    log: (m) => logs.push(m),
    progress: false,
  };
}
