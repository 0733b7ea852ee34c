// Ingest API (docs/architecture.md): files or globs in, SOURCE objects out.
// Per file: peek at the head (≤ 64 KiB, kept and replayed, so the file is read once), detect the
// format by content, stream the rest through that format's parser into a SourceBuilder.
import path from 'node:path';
import { InputError } from '../errors.js';
import { containedPath, type Io } from '../io.js';
import { SourceBuilder } from './builder.js';
import { FORMATS, detectFormat } from './registry.js';
import type { Source } from './source.js';
import type { IngestOptions } from './types.js';

export type { IngestOptions } from './types.js';
export { FORMATS } from './registry.js';

const HEAD_BYTES = 64 * 1024;
const PROGRESS_EVERY_MS = 1000;

async function* withProgress(stream: AsyncIterable<Uint8Array>, file: string, total: number | null, io: Io): AsyncGenerator<Uint8Array> {
  let done = 0;
  let lastAt = io.now().getTime();
  for await (const chunk of stream) {
    done += chunk.byteLength;
    yield chunk;
    const now = io.now().getTime();
    if (now - lastAt >= PROGRESS_EVERY_MS) {
      lastAt = now;
      const mb = (done / 1e6).toFixed(0);
      io.log(total ? `ingest: ${file} ${Math.floor((100 * done) / total)}% (${mb} MB)` : `ingest: ${file} ${mb} MB`);
    }
  }
}

/** Ingest one file; the format is detected from its content. */
export async function ingestFile(file: string, opts: IngestOptions, io: Io, displayPath = file): Promise<Source> {
  const size = await io.size(file).catch((e: unknown) => {
    throw InputError.is(e) ? renamed(e, displayPath) : e;
  });
  if (size === null) throw new InputError({ code: 'FILE_NOT_FOUND', file: displayPath, expected: 'an existing file', got: 'no such file' });
  const raw = io.openRead(file);
  let source: AsyncIterable<Uint8Array> = raw;
  if (io.progress) source = withProgress(source, displayPath, size, io);
  const it = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let ended = false;
  try {
    while (headBytes < HEAD_BYTES) {
      const n = await it.next();
      if (n.done) {
        ended = true;
        break;
      }
      head.push(n.value);
      headBytes += n.value.byteLength;
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as { code?: string } | null)?.code;
    if (code === 'ENOTREG') {
      throw new InputError({ code: 'NOT_REGULAR_FILE', file: displayPath, expected: 'a regular file', got: 'not a regular file' });
    }
    throw new InputError({
      code: code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE',
      file: displayPath,
      expected: 'a readable file',
      got: code ?? 'a read error',
    });
  }
  const headBuf = Buffer.concat(head.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength)));
  const headText = headBuf.subarray(0, HEAD_BYTES).toString('utf8');
  if (headBuf.length === 0) throw new InputError({ code: 'LOG_CORRUPT', file: displayPath, expected: 'a non-empty log', got: 'an empty file' });
  if (headBuf.subarray(0, 4096).includes(0)) {
    throw new InputError({
      code: 'LOG_UNKNOWN_FORMAT',
      file: displayPath,
      expected: `a text log in one of: ${FORMATS.map((f) => f.id).join(', ')}`,
      got: 'binary data',
    });
  }
  const found = detectFormat(headText, file);
  if (!found) {
    // No quote of the file: it is not a log we recognise, so it may be anything (a key file, a
    // config with secrets that a glob matched by mistake).
    throw new InputError({
      code: 'LOG_UNKNOWN_FORMAT',
      file: displayPath,
      line: 1,
      expected: `a log in one of the formats tried: ${FORMATS.map((f) => f.id).join(', ')}`,
      got: 'a file none of them recognises (check the header line)',
    });
  }
  async function* replay(): AsyncGenerator<Uint8Array> {
    yield headBuf;
    if (ended) return;
    for (;;) {
      const n = await it.next();
      if (n.done) return;
      yield n.value;
    }
  }
  // The head was copied (headBuf): from here on the chunks go to the parser alone.
  if (found.format.borrowsChunks === true) raw.reuseChunks?.();
  const out = new SourceBuilder(displayPath, found.format.id, opts);
  try {
    await found.format.parse(replay(), { path: displayPath, opts, out });
  } finally {
    // A parser that stops early (corrupt line) leaves the file open otherwise.
    await it.return?.();
  }
  return out.build();
}

function renamed(e: InputError, file: string): InputError {
  return new InputError({ code: e.code, file, line: e.line, field: e.field, expected: e.expected, got: e.got, hint: e.hint });
}

export async function ingestFiles(paths: string[], opts: IngestOptions, io: Io): Promise<Source[]> {
  const out: Source[] = [];
  for (const p of paths) out.push(await ingestFile(p, opts, io));
  return out;
}

/**
 * Globs relative to `cwd` (a scenario's directory or the working directory). A pattern that
 * leaves `cwd` is refused (PATH_ESCAPE); one that matches nothing is LOG_NO_MATCH naming it.
 * Paths in the SOURCE objects are relative to `cwd`, with `/`.
 */
export async function ingestPatterns(patterns: string[], cwd: string, opts: IngestOptions, io: Io): Promise<Source[]> {
  const root = path.resolve(cwd);
  const files: string[] = [];
  for (const pattern of patterns) {
    const norm = pattern.replace(/\\/g, '/');
    if (path.isAbsolute(norm) || norm.split('/').includes('..')) {
      const abs = path.resolve(root, norm);
      if (abs !== root && !abs.startsWith(root + path.sep)) {
        throw new InputError({ code: 'PATH_ESCAPE', field: 'logs', expected: `a path inside ${root}`, got: JSON.stringify(pattern) });
      }
    }
    const matched = (await io.glob([norm], root)).filter((f) => {
      const abs = path.resolve(root, f);
      return abs === root || abs.startsWith(root + path.sep);
    });
    const existing: string[] = [];
    for (const f of matched) {
      // After symlinks too: a link in the workspace to a file outside it is not read.
      await containedPath(io, root, f, { field: 'logs' }).catch((e: unknown) => {
        if (!InputError.is(e)) throw e;
        const rel = path.relative(root, f).split(path.sep).join('/');
        throw new InputError({
          code: e.code,
          field: 'logs',
          expected: e.expected,
          got: `${JSON.stringify(rel)} (matched by ${JSON.stringify(pattern)})`,
          hint: 'a symlink to a file outside',
        });
      });
      if ((await io.size(f)) !== null) existing.push(f);
    }
    if (existing.length === 0) {
      throw new InputError({
        code: 'LOG_NO_MATCH',
        field: 'logs',
        expected: 'a glob matching at least one log file',
        got: JSON.stringify(pattern),
        hint: `relative to ${root}`,
      });
    }
    for (const f of existing) if (!files.includes(f)) files.push(f);
  }
  const sources: Source[] = [];
  for (const f of files) {
    const rel = path.relative(root, path.resolve(root, f)).split(path.sep).join('/');
    sources.push(await ingestFile(f, opts, io, rel));
  }
  return sources;
}
