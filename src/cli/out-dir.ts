// The CLI's output directory (`report --out DIR`, `demo --out DIR`), checked before anything is
// assessed, so an unusable path exits 2 within seconds with nothing written (issue 12).
//
// Node's recursive mkdir spins forever where mkdir answers ENOENT for a parent that exists
// (`--out /proc/x`: procfs refuses new entries that way). So the nearest existing ancestor is
// found with stat, probed with one temporary directory, and the missing directories are created
// one at a time, each a single mkdir whose error is reported, never retried.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';

/** The files `report` writes (charts may add more; each is checked again before writing). */
export const OUT_FILES = ['model-card.json', 'report.md'] as const;

function outError(flag: string, dir: string, expected: string, got: string): InputError {
  return new InputError({ code: 'BAD_FLAG', field: flag, expected, got: `${dir} (${got})` });
}

const codeOf = (e: unknown): string => (e as { code?: string } | null)?.code ?? String(e);

/** The directory itself if it exists, else its nearest existing ancestor; the parts to create below it. */
async function existingBase(dir: string, flag: string): Promise<{ base: string; missing: string[] }> {
  const missing: string[] = [];
  let cur = path.resolve(dir);
  for (;;) {
    const st = await fsp.stat(cur).catch((e: unknown) => {
      if (codeOf(e) === 'ENOENT') return null;
      throw outError(flag, dir, 'a directory ml-lca can create or write', `${cur}: ${codeOf(e)}`);
    });
    if (st) {
      if (!st.isDirectory()) throw outError(flag, dir, 'a directory ml-lca can create or write', `${cur} exists and is not a directory`);
      return { base: cur, missing };
    }
    const parent = path.dirname(cur);
    if (parent === cur) throw outError(flag, dir, 'a directory ml-lca can create or write', 'no existing parent directory');
    missing.unshift(path.basename(cur));
    cur = parent;
  }
}

/**
 * Exit 2 (InputError naming the flag) unless `dir` can be created and `files` written in it:
 * the nearest existing ancestor takes a new directory, and no target name is a directory.
 */
export async function checkOutDir(dir: string, files: readonly string[], flag = '--out'): Promise<void> {
  const { base, missing } = await existingBase(dir, flag);
  if (missing.length === 0) {
    for (const name of files) {
      const target = path.join(base, name);
      const st = await fsp.lstat(target).catch(() => null);
      if (st && !st.isFile()) {
        throw outError(flag, dir, `a directory where ${name} can be written`, `${target} is ${st.isDirectory() ? 'a directory' : 'not a regular file'}`);
      }
    }
  }
  // One probe directory, removed at once: proves the file system takes new entries here
  // (read-only mounts, permissions, procfs/sysfs) without leaving anything behind.
  let probe: string | null = null;
  try {
    probe = await fsp.mkdtemp(path.join(base, '.ml-lca-probe-'));
  } catch (e) {
    throw outError(flag, dir, 'a directory ml-lca can create or write', `${base} does not accept new files: ${codeOf(e)}`);
  } finally {
    if (probe) await fsp.rmdir(probe).catch(() => undefined);
  }
}

/** Create `dir` and its missing parents, one mkdir each (no recursive mkdir: see above). */
export async function makeOutDir(dir: string, flag = '--out'): Promise<void> {
  const { base, missing } = await existingBase(dir, flag);
  let cur = base;
  for (const part of missing) {
    cur = path.join(cur, part);
    try {
      await fsp.mkdir(cur);
    } catch (e) {
      if (codeOf(e) === 'EEXIST' && (await fsp.stat(cur).catch(() => null))?.isDirectory()) continue;
      throw outError(flag, dir, 'a directory ml-lca can create', `${cur}: ${codeOf(e)}`);
    }
  }
}
