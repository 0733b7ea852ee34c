// dist/ is what `node dist/cli.js`, `npx ml-lca` and the action run, and it is committed:
// fail when it differs from a fresh build of src/ (`npm run build` and commit dist/ fixes it).
// The build runs in a child process (scripts/check-dist.mjs) into a temporary directory, so
// the committed dist/ that other tests execute is never touched.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('dist/', () => {
  it('matches a fresh build of src/ (check-dist)', () => {
    const r = spawnSync(process.execPath, ['scripts/check-dist.mjs'], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('dist/ matches a fresh build');
    expect(r.status).toBe(0);
  }, 250_000);
});
