// `npm run build`: bundle into a fresh directory next to dist/, then swap it in, so dist/ holds
// exactly what this build made (no chunk left over from an earlier build: check-dist compares
// whole directories) and is never missing while the build runs (tests may be executing it).
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildInto } from './check-dist.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
// Under .tmp/ (git-ignored) on the same file system, so the renames are cheap and atomic.
const fresh = path.join(root, '.tmp', `dist-build-${process.pid}`);
const old = path.join(root, '.tmp', `dist-old-${process.pid}`);
await mkdir(path.dirname(fresh), { recursive: true });
try {
  await buildInto(fresh, { warnings: true });
  await rename(dist, old).catch((e) => {
    if (e?.code !== 'ENOENT') throw e;
  });
  await rename(fresh, dist);
  await rm(old, { recursive: true, force: true });
  process.stdout.write('built dist/\n');
} finally {
  await rm(fresh, { recursive: true, force: true });
}
