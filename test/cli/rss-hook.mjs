// Loaded with `node --import` before dist/cli.js in test/cli/pathological.test.ts: on exit,
// writes the process's peak resident set size (KiB, getrusage maxrss) to ML_LCA_RSS_FILE, so a
// test can assert the built CLI's memory without reading anything but its own process.
import { writeFileSync } from 'node:fs';

const out = process.env.ML_LCA_RSS_FILE;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
