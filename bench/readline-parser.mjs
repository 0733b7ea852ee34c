// The straightforward way to read an nvidia-smi CSV in Node, for comparison with `ml-lca ingest`:
// readline, split on commas, header by name, Date parsing, per-GPU trapezoid. No gap handling,
// no checks. Usage: node bench/readline-parser.mjs FILE  -> prints kWh.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const rl = createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity });
let cols = null;
let header = '';
const last = new Map();
let joules = 0;
for await (const line of rl) {
  if (line.trim() === '') continue;
  if (cols === null || line === header) {
    header = line;
    cols = line.split(',').map((c) => c.trim());
    continue;
  }
  const f = line.split(',').map((c) => c.trim());
  const ts = f[cols.indexOf('timestamp')];
  const gpu = f[cols.indexOf('index')];
  const w = Number.parseFloat(f[cols.indexOf('power.draw [W]')]);
  if (Number.isNaN(w)) continue;
  const t = new Date(`${ts.replace(/\//g, '-').replace(' ', 'T')}Z`).getTime() / 1000;
  const p = last.get(gpu);
  if (p) joules += ((p.w + w) / 2) * (t - p.t);
  last.set(gpu, { t, w });
}
console.log((joules / 3.6e6).toFixed(6));
