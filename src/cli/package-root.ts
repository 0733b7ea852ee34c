// Where the installed package lives, found from this file's location, so `node dist/cli.js`,
// `npx ml-lca` and the tests (running src/) all find package.json and the bundled examples/.
// The bundle puts this code in dist/ or dist/chunks/, so we walk up rather than assume a depth.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageRoot(fromUrl: string = import.meta.url): string {
  let dir = path.dirname(fileURLToPath(fromUrl));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && readName(pkg) === 'ml-lca') return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`package.json of ml-lca not found above ${fileURLToPath(fromUrl)}`);
    dir = up;
  }
}

export function packageVersion(root: string = packageRoot()): string {
  const v = readJson(path.join(root, 'package.json'))?.version;
  return typeof v === 'string' ? v : '0.0.0';
}

function readName(file: string): unknown {
  return readJson(file)?.name;
}

function readJson(file: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
