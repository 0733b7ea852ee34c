// `npm run check-dist`: build dist/ afresh into a temporary directory and compare it, file by
// file, with the committed dist/ (the action and `npx ml-lca` run dist/, not src/).
// Exit 1 and list the differences when dist/ is stale; `npm run build` and commit fixes it.
// Exported for test/dist.test.ts.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Build with rollup.config.mjs, output directory (and the TypeScript plugin's outDir) moved to
 * `dir`. Warnings are dropped unless `opts.warnings` (scripts/build.mjs prints them).
 */
export async function buildInto(dir, opts = {}) {
  const { rollup } = await import('rollup');
  const { default: typescript } = await import('@rollup/plugin-typescript');
  const { default: config } = await import(pathToFileURL(path.join(root, 'rollup.config.mjs')).href);
  const cwd = process.cwd();
  process.chdir(root); // the config's paths are relative to the repository root
  try {
    // The TypeScript plugin insists that its outDir lies inside the output dir; recreate it there.
    const plugins = config.plugins.map((p) => (p && p.name === 'typescript' ? typescript({ tsconfig: './tsconfig.build.json', outDir: dir }) : p));
    const bundle = await rollup({ ...config, plugins, onwarn: opts.warnings ? config.onwarn : () => {} });
    try {
      await bundle.write({ ...config.output, dir });
    } finally {
      await bundle.close();
    }
  } finally {
    process.chdir(cwd);
  }
}

async function listFiles(dir, prefix = '') {
  const out = [];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(path.join(dir, e.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

/** Differences between the committed dist/ and a fresh build: [] when fresh. */
export async function distDifferences() {
  const tmp = await mkdtemp(path.join(tmpdir(), 'ml-lca-dist-'));
  try {
    await buildInto(tmp);
    const committedDir = path.join(root, 'dist');
    const fresh = await listFiles(tmp);
    const committed = await listFiles(committedDir);
    const diffs = [];
    for (const f of fresh) {
      if (!committed.includes(f)) diffs.push(`missing in dist/: ${f}`);
      else if ((await readFile(path.join(tmp, f), 'utf8')) !== (await readFile(path.join(committedDir, f), 'utf8'))) diffs.push(`stale: dist/${f}`);
    }
    for (const f of committed) if (!fresh.includes(f)) diffs.push(`not built any more: dist/${f}`);
    return diffs;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const diffs = await distDifferences();
  if (diffs.length) {
    process.stderr.write(`dist/ is stale: run \`npm run build\` and commit dist/.\n${diffs.map((d) => `  ${d}`).join('\n')}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write('dist/ matches a fresh build\n');
  }
}
