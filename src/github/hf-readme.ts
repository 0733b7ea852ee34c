// The action input `hf-readme`: write the card's Hugging Face co2_eq_emissions block into a model
// README in the workspace (report/hf-readme.ts does the writing). The README must stay inside the
// workspace after symlinks are followed: a README committed as a link to a file outside (a secret
// on the runner) is refused, never read. The action only writes the file; committing it stays
// the user's choice (a later step of their workflow).
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import type { Io } from '../io.js';
import type { ModelCard } from '../report/card-schema.js';
import { writeHfReadme } from '../report/hf-readme.js';

/** Where the real file is; a path that does not exist (yet, or on a memory file system) is its own. */
async function real(p: string): Promise<string> {
  return realpath(p).catch(() => p);
}

const inside = (root: string, p: string) => {
  const rel = path.relative(root, p);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

/** Writes the block and returns the README's path relative to the workspace (for the log). */
export async function writeActionHfReadme(card: ModelCard, opts: { readme: string; cwd: string; workspace: string; io: Io }): Promise<string> {
  const abs = path.resolve(opts.cwd, opts.readme);
  const root = await real(path.resolve(opts.workspace));
  const target = await real(abs);
  if (!inside(path.resolve(opts.workspace), abs) || !inside(root, target)) {
    throw new InputError({
      code: 'BAD_INPUT',
      field: 'input "hf-readme"',
      expected: 'a README inside the workspace (symlinks followed)',
      got: JSON.stringify(opts.readme),
    });
  }
  await writeHfReadme(target, card.hf_co2_eq_emissions, opts.io);
  return path.relative(root, target).split(path.sep).join('/');
}
