import { promises, openSync, constants, fstatSync, readSync, closeSync } from 'node:fs';
import path from 'node:path';
import { I as InputError } from './errors.js';

// The I/O the core is given, so tests can pass a memory fs and a fixed clock.
// Only the entry points (cli.ts, main.ts) build `nodeIo()`; the core takes an `Io`.
/** Default bound of `readText` (cards, ledgers): a wrong file named by mistake cannot exhaust memory. */
const MAX_TEXT_BYTES = 64 * 1024 * 1024;
const READ_CHUNK = 128 << 10;
function nodeIo(opts = {}) {
    return {
        async readText(file, o = {}) {
            const max = o.maxBytes ?? MAX_TEXT_BYTES;
            let st;
            try {
                st = await promises.stat(file);
            }
            catch (e) {
                throw fsError(e, file);
            }
            if (st.isDirectory())
                throw fsError({ code: 'EISDIR' }, file);
            if (!st.isFile())
                throw notRegular(file, st);
            if (st.size > max)
                throw tooLarge(file, st.size, max);
            // O_NONBLOCK: if the path was swapped for a FIFO since the stat, open does not wait for a writer.
            const fh = await promises.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)).catch((e) => {
                throw fsError(e, file);
            });
            try {
                const st2 = await fh.stat();
                if (!st2.isFile())
                    throw notRegular(file, st2);
                const buf = await fh.readFile();
                if (buf.byteLength > max)
                    throw tooLarge(file, buf.byteLength, max);
                return buf.toString('utf8');
            }
            catch (e) {
                throw InputError.is(e) ? e : fsError(e, file);
            }
            finally {
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
                    const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
                    let buf = null;
                    try {
                        const st = fstatSync(fd);
                        if (!st.isFile()) {
                            const dir = st.isDirectory();
                            throw Object.assign(new Error(`${file} is ${dir ? 'a directory' : 'not a regular file'}`), { code: dir ? 'EISDIR' : 'ENOTREG' });
                        }
                        for (;;) {
                            if (!reuse || buf === null)
                                buf = Buffer.allocUnsafeSlow(READ_CHUNK);
                            const n = readSync(fd, buf, 0, READ_CHUNK, null);
                            if (n === 0)
                                return;
                            yield n === READ_CHUNK ? buf : buf.subarray(0, n);
                        }
                    }
                    finally {
                        closeSync(fd);
                    }
                },
            };
        },
        async size(file) {
            let st;
            try {
                st = await promises.stat(file);
            }
            catch {
                return null;
            }
            if (st.isFile())
                return st.size;
            if (st.isDirectory())
                return null;
            throw notRegular(file, st);
        },
        async realpath(file) {
            try {
                return await promises.realpath(file);
            }
            catch {
                return null;
            }
        },
        async glob(patterns, cwd) {
            const out = new Set();
            for (const pattern of patterns) {
                if (!/[*?[\]{}]/.test(pattern)) {
                    const abs = path.resolve(cwd, pattern);
                    out.add(abs);
                    continue;
                }
                // fs.promises.glob is Node >= 22; fall back to a small walker on Node 20.
                const fsAny = promises;
                if (typeof fsAny.glob === 'function') {
                    for await (const rel of fsAny.glob(pattern, { cwd })) {
                        const abs = path.resolve(cwd, rel);
                        const st = await promises.stat(abs).catch(() => null);
                        if (st?.isFile())
                            out.add(abs);
                    }
                }
                else {
                    for (const abs of await walkGlob(pattern, cwd))
                        out.add(abs);
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
/**
 * All or none (design.md: no partial output files): every file is written to a temp name first;
 * only when all are written are they renamed into place, after the files they replace are moved
 * aside. If anything fails, what was placed is removed, what was moved aside is put back, and
 * directories this call created are removed again.
 */
async function writeAllOrNone(dir, files) {
    const staged = [];
    const created = [];
    const mkdir = async (d) => {
        const first = await promises.mkdir(d, { recursive: true });
        if (first !== undefined)
            created.push(first);
    };
    try {
        await mkdir(dir);
        for (const [name, content] of Object.entries(files)) {
            const final = path.join(dir, name);
            await mkdir(path.dirname(final));
            const tmp = `${final}.tmp-${process.pid}`;
            staged.push({ tmp, final, backup: null, placed: false });
            await promises.writeFile(tmp, content, 'utf8');
        }
        // Something that is not a file where a file goes (a directory named report.md): refuse
        // before anything is moved, so a directory is never moved aside or replaced.
        for (const f of staged) {
            const st = await promises.lstat(f.final).catch(() => null);
            if (st?.isDirectory())
                throw Object.assign(new Error(`${f.final} is a directory`), { code: 'EISDIR' });
        }
        for (const f of staged) {
            const backup = `${f.final}.bak-${process.pid}`;
            try {
                await promises.rename(f.final, backup);
                f.backup = backup;
            }
            catch (e) {
                if (e.code !== 'ENOENT')
                    throw e;
            }
        }
        for (const f of staged) {
            await promises.rename(f.tmp, f.final);
            f.placed = true;
        }
    }
    catch (e) {
        for (const f of [...staged].reverse()) {
            await promises.rm(f.tmp, { force: true }).catch(() => undefined);
            if (f.placed)
                await promises.rm(f.final, { force: true }).catch(() => undefined);
            if (f.backup !== null)
                await promises.rename(f.backup, f.final).catch(() => undefined);
        }
        for (const d of created.reverse())
            await promises.rm(d, { recursive: true, force: true }).catch(() => undefined);
        throw e;
    }
    for (const f of staged)
        if (f.backup !== null)
            await promises.rm(f.backup, { force: true }).catch(() => undefined);
    return staged.map((f) => f.final);
}
function kindOf(st) {
    if (st.isFIFO())
        return 'a FIFO (named pipe)';
    if (st.isCharacterDevice())
        return 'a character device';
    if (st.isBlockDevice())
        return 'a block device';
    if (st.isSocket())
        return 'a socket';
    return 'a special file';
}
function notRegular(file, st) {
    return new InputError({ code: 'NOT_REGULAR_FILE', file, expected: 'a regular file', got: `not a regular file (${kindOf(st)})` });
}
function tooLarge(file, size, max) {
    return new InputError({ code: 'FILE_TOO_LARGE', file, expected: `a file of at most ${mib(max)}`, got: `${mib(size)}` });
}
function mib(bytes) {
    if (bytes >= 1024 * 1024)
        return `${Number((bytes / 1024 / 1024).toPrecision(3))} MiB`;
    return bytes >= 1024 ? `${Number((bytes / 1024).toPrecision(3))} KiB` : `${bytes} bytes`;
}
/** Whether `file` is `root` or below it (both absolute, already resolved). */
function isInside(root, file) {
    const rel = path.relative(root, file);
    return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}
/**
 * `file` (absolute, or relative to `root`) when it lies inside `root`, also after following
 * symlinks (a link in the workspace to /etc/passwd escapes). PATH_ESCAPE otherwise, naming
 * `field` and the path as the user wrote it, never the file's content. A missing file passes
 * (the caller reports it as not found).
 */
async function containedPath(io, root, file, what) {
    const absRoot = path.resolve(root);
    const abs = path.resolve(absRoot, file);
    const escaped = () => new InputError({ code: 'PATH_ESCAPE', file: what.file, field: what.field, expected: `a path inside ${absRoot}`, got: JSON.stringify(file) });
    if (!isInside(absRoot, abs))
        throw escaped();
    if (io.realpath) {
        const real = await io.realpath(abs);
        if (real !== null) {
            const realRoot = (await io.realpath(absRoot)) ?? absRoot;
            if (!isInside(realRoot, real))
                throw escaped();
        }
    }
    return abs;
}
function fsError(e, file) {
    const code = e?.code;
    if (code === 'ENOENT')
        return new InputError({ code: 'FILE_NOT_FOUND', file, expected: 'an existing file', got: 'no such file' });
    if (code === 'EISDIR')
        return new InputError({ code: 'FILE_UNREADABLE', file, expected: 'a file', got: 'a directory' });
    return new InputError({ code: 'FILE_UNREADABLE', file, expected: 'a readable file', got: code ?? 'read error' });
}
async function walkGlob(pattern, cwd) {
    const { default: picomatch } = await import('./index4.js').then(function (n) { return n.i; });
    const isMatch = picomatch(pattern, { dot: false });
    // Walk only below the pattern's static prefix.
    const parts = pattern.split('/');
    const fixed = [];
    for (const p of parts) {
        if (/[*?[\]{}]/.test(p))
            break;
        fixed.push(p);
    }
    const base = path.resolve(cwd, fixed.join('/') || '.');
    const out = [];
    async function walk(dir) {
        const entries = await promises.readdir(dir, { withFileTypes: true }).catch(() => []);
        for (const ent of entries) {
            const abs = path.join(dir, ent.name);
            if (ent.isDirectory()) {
                if (ent.name === 'node_modules' || ent.name === '.git')
                    continue;
                await walk(abs);
            }
            else if (ent.isFile() || (ent.isSymbolicLink() && (await promises.stat(abs).catch(() => null))?.isFile())) {
                // A symlink to a file matches as fs.glob (Node >= 22) matches it; where it leads is
                // checked by the caller (containedPath), the same on every Node version.
                const rel = path.relative(cwd, abs).split(path.sep).join('/');
                if (isMatch(rel))
                    out.push(abs);
            }
        }
    }
    await walk(base);
    return out;
}
/** A memory Io for tests: files keyed by absolute path. */
function memoryIo(files, opts = {}) {
    const written = {};
    const logs = [];
    const get = (f) => {
        const v = files[path.resolve(f)] ?? files[f];
        if (v === undefined)
            throw new InputError({ code: 'FILE_NOT_FOUND', file: f, expected: 'an existing file', got: 'no such file' });
        return v;
    };
    return {
        written,
        logs,
        async readText(file, o = {}) {
            const v = get(file);
            const bytes = typeof v === 'string' ? Buffer.byteLength(v) : v.byteLength;
            const max = o.maxBytes ?? MAX_TEXT_BYTES;
            if (bytes > max)
                throw tooLarge(file, bytes, max);
            return typeof v === 'string' ? v : new TextDecoder().decode(v);
        },
        async *openRead(file) {
            const v = get(file);
            yield typeof v === 'string' ? new TextEncoder().encode(v) : v;
        },
        async size(file) {
            const v = files[path.resolve(file)] ?? files[file];
            if (v === undefined)
                return null;
            return typeof v === 'string' ? Buffer.byteLength(v) : v.byteLength;
        },
        async glob(patterns, cwd) {
            const { default: picomatch } = await import('./index4.js').then(function (n) { return n.i; });
            const out = new Set();
            for (const p of patterns) {
                const abs = path.resolve(cwd, p);
                const m = picomatch(abs);
                for (const k of Object.keys(files))
                    if (m(path.resolve(k)))
                        out.add(path.resolve(k));
            }
            return [...out].sort();
        },
        async writeFilesAtomic(dir, fs) {
            const out = [];
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

export { containedPath as c, memoryIo as m, nodeIo as n };
