import { promises } from 'node:fs';
import path from 'node:path';
import { I as InputError } from './errors.js';

// The CLI's output directory (`report --out DIR`, `demo --out DIR`), checked before anything is
// assessed, so an unusable path exits 2 within seconds with nothing written (issue 12).
//
// Node's recursive mkdir spins forever where mkdir answers ENOENT for a parent that exists
// (`--out /proc/x`: procfs refuses new entries that way). So the nearest existing ancestor is
// found with stat, probed with one temporary directory, and the missing directories are created
// one at a time, each a single mkdir whose error is reported, never retried.
/** The files `report` writes (charts may add more; each is checked again before writing). */
const OUT_FILES = ['model-card.json', 'report.md'];
function outError(flag, dir, expected, got) {
    return new InputError({ code: 'BAD_FLAG', field: flag, expected, got: `${dir} (${got})` });
}
const codeOf = (e) => e?.code ?? String(e);
/** The directory itself if it exists, else its nearest existing ancestor; the parts to create below it. */
async function existingBase(dir, flag) {
    const missing = [];
    let cur = path.resolve(dir);
    for (;;) {
        const st = await promises.stat(cur).catch((e) => {
            if (codeOf(e) === 'ENOENT')
                return null;
            throw outError(flag, dir, 'a directory ml-lca can create or write', `${cur}: ${codeOf(e)}`);
        });
        if (st) {
            if (!st.isDirectory())
                throw outError(flag, dir, 'a directory ml-lca can create or write', `${cur} exists and is not a directory`);
            return { base: cur, missing };
        }
        const parent = path.dirname(cur);
        if (parent === cur)
            throw outError(flag, dir, 'a directory ml-lca can create or write', 'no existing parent directory');
        missing.unshift(path.basename(cur));
        cur = parent;
    }
}
/**
 * Exit 2 (InputError naming the flag) unless `dir` can be created and `files` written in it:
 * the nearest existing ancestor takes a new directory, and no target name is a directory.
 */
async function checkOutDir(dir, files, flag = '--out') {
    const { base, missing } = await existingBase(dir, flag);
    if (missing.length === 0) {
        for (const name of files) {
            const target = path.join(base, name);
            const st = await promises.lstat(target).catch(() => null);
            if (st && !st.isFile()) {
                throw outError(flag, dir, `a directory where ${name} can be written`, `${target} is ${st.isDirectory() ? 'a directory' : 'not a regular file'}`);
            }
        }
    }
    // One probe directory, removed at once: proves the file system takes new entries here
    // (read-only mounts, permissions, procfs/sysfs) without leaving anything behind.
    let probe = null;
    try {
        probe = await promises.mkdtemp(path.join(base, '.ml-lca-probe-'));
    }
    catch (e) {
        throw outError(flag, dir, 'a directory ml-lca can create or write', `${base} does not accept new files: ${codeOf(e)}`);
    }
    finally {
        if (probe)
            await promises.rmdir(probe).catch(() => undefined);
    }
}
/** Create `dir` and its missing parents, one mkdir each (no recursive mkdir: see above). */
async function makeOutDir(dir, flag = '--out') {
    const { base, missing } = await existingBase(dir, flag);
    let cur = base;
    for (const part of missing) {
        cur = path.join(cur, part);
        try {
            await promises.mkdir(cur);
        }
        catch (e) {
            if (codeOf(e) === 'EEXIST' && (await promises.stat(cur).catch(() => null))?.isDirectory())
                continue;
            throw outError(flag, dir, 'a directory ml-lca can create', `${cur}: ${codeOf(e)}`);
        }
    }
}

export { OUT_FILES as O, checkOutDir as c, makeOutDir as m };
