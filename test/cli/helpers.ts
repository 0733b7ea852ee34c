// Running the CLI: in process (src/, fast, for flag handling) and as the built `node dist/cli.js`
// child process (what users run; the "Must show" checks).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { nodeIo } from '../../src/io.js';
import type { CliIo } from '../../src/cli/args.js';
import { runCli } from '../../src/cli/main.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export function tempDir(prefix = 'ml-lca-cli-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export async function runInProcess(argv: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { ...nodeIo({ log: (m) => err.push(m) }), stdout: (l) => out.push(l), cwd };
  const code = await runCli(argv, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

export function runDist(argv: string[], cwd = ROOT): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...argv], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
