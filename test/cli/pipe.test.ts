// The built CLI writing into a pipe whose reader stops early (`ml-lca ingest ... --json | head`):
// a closed pipe is not an error of ours, so no EPIPE stack trace and exit code 0.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

describe('node dist/cli.js ingest into a pipe closed early', () => {
  it('exits quietly (no EPIPE stack trace) when the reader stops, as `| head` does', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-lca-epipe-'));
    const lines = ['timestamp, index, power.draw [W]'];
    // Enough output (one SOURCE per file, 200 files named on the command line) to fill the pipe.
    for (let s = 0; s < 20; s++) lines.push(`2024/10/13 00:00:${String(s).padStart(2, '0')}.000, 0, 300.00 W`);
    const files: string[] = [];
    for (let k = 0; k < 200; k++) {
      const f = path.join(dir, `gpu-${k}.csv`);
      writeFileSync(f, `${lines.join('\n')}\n`);
      files.push(f);
    }
    const cli = path.join(root, 'dist/cli.js');
    const cmd = `"${process.execPath}" "${cli}" ingest ${files.map((f) => `"${f}"`).join(' ')} --json | head -c 100 > /dev/null; echo "rc=\${PIPESTATUS[0]}"`;
    const r = spawnSync('bash', ['-c', cmd], { encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).not.toMatch(/EPIPE|at |Error/);
    expect(r.stdout.trim()).toBe('rc=0');
  }, 60_000);
});
