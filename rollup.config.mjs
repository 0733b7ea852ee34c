// Bundles the action (src/index.ts -> dist/index.js), its post step (src/post.ts -> dist/post.js)
// and the CLI (src/cli.ts -> dist/cli.js)
// into committed ESM files. Code shared by both, and code the CLI loads per command with
// dynamic import(), goes to dist/chunks/ so `ml-lca ingest` never loads octokit.
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';

/** @type {import("rollup").RollupOptions} */
const config = {
  input: { index: 'src/index.ts', cli: 'src/cli.ts', post: 'src/post.ts' },
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    // Stable names (no content hash) keep dist diffs readable and the build reproducible.
    chunkFileNames: 'chunks/[name].js',
    sourcemap: false,
    banner: (chunk) => (chunk.name === 'cli' && chunk.isEntry ? '#!/usr/bin/env node' : ''),
  },
  onwarn(warning, warn) {
    // Circular imports inside dependencies (zod, octokit) are harmless and noisy.
    if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.some((id) => id.includes('node_modules'))) return;
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
  plugins: [typescript({ tsconfig: './tsconfig.build.json' }), nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }), commonjs(), json()],
};

export default config;
