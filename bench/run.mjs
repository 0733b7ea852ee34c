// npm run bench: throughput (MB/s, whole process, start-up included) and peak RSS of
// `ml-lca ingest FILE --json` next to `cat FILE > /dev/null`, a readline Node parser and pandas
// (when installed), on a deterministic 8-GPU × 24 h nvidia-smi log at 1 s and a 4× one.
// Goal (issue 8): ≥ 200 MB/s on the 24 h log; peak RSS within 30 % from 1× to 4×.
// Files go to bench/out/ (gitignored); results also to bench/out/results.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './gen.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'bench', 'out');
mkdirSync(outDir, { recursive: true });
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const hasTime = existsSync('/usr/bin/time');

async function dataset(name, seconds) {
  const file = path.join(outDir, name);
  const meta = `${file}.json`;
  if (existsSync(file) && existsSync(meta)) {
    const m = JSON.parse(readFileSync(meta, 'utf8'));
    if (m.seconds === seconds && statSync(file).size === m.bytes) return { file, ...m };
  }
  process.stderr.write(`bench: generating ${name} ...\n`);
  const r = await generate(file, { gpus: 8, seconds });
  writeFileSync(meta, JSON.stringify({ seconds, ...r }));
  return { file, seconds, ...r };
}

async function ingestCli() {
  const dist = path.join(root, 'dist', 'cli.js');
  if (existsSync(dist)) {
    const r = spawnSync(process.execPath, [dist, 'ingest', '--help'], { encoding: 'utf8' });
    if (r.status === 0 && /ingest/.test(r.stdout)) return { cmd: [process.execPath, dist, 'ingest'], label: 'node dist/cli.js ingest FILE --json' };
  }
  // dist/cli.js does not dispatch `ingest` yet: bundle the same command code on its own.
  const { rollup } = await import('rollup');
  const { default: typescript } = await import('@rollup/plugin-typescript');
  const { nodeResolve } = await import('@rollup/plugin-node-resolve');
  const { default: commonjs } = await import('@rollup/plugin-commonjs');
  const bundle = await rollup({
    input: path.join(root, 'bench', 'ingest-entry.mjs'),
    plugins: [
      typescript({ tsconfig: path.join(root, 'tsconfig.build.json'), outDir: path.join(outDir, 'ingest-cli') }),
      nodeResolve({ preferBuiltins: true }),
      commonjs(),
    ],
    onwarn: () => {},
  });
  await bundle.write({ dir: path.join(outDir, 'ingest-cli'), format: 'es', entryFileNames: 'cli.mjs', chunkFileNames: '[name].mjs' });
  const f = path.join(outDir, 'ingest-cli', 'cli.mjs');
  return { cmd: [process.execPath, f, 'ingest'], label: 'ml-lca ingest FILE --json (bench bundle of src/cli/ingest.ts; dist/cli.js has no ingest yet)' };
}

/**
 * Run argv; wall seconds (hrtime), CPU seconds (user + sys) and peak RSS in MiB of the whole
 * process (/usr/bin/time -f '%U %S %M'). CPU time is reported too because the shared CI/dev
 * machine is often loaded: wall time then measures the neighbours as much as the tool.
 */
function measure(argv, stdoutFile) {
  const rssFile = path.join(outDir, 'rss.txt');
  const full = hasTime ? ['/usr/bin/time', '-f', '%U %S %M', '-o', rssFile, ...argv] : argv;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(full[0], full.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 400)}`);
  if (stdoutFile) writeFileSync(stdoutFile, r.stdout);
  const [u, sy, kb] = hasTime ? readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number) : [];
  return { wall, cpu: hasTime ? u + sy : null, rss: hasTime ? kb / 1024 : null, stdout: String(r.stdout) };
}

/** Best (lowest) wall and CPU time over the runs; every run's peak RSS (median and max reported). */
function merge(a, m) {
  if (a === null) return { ...m, rssAll: m.rss === null ? [] : [m.rss] };
  return {
    wall: Math.min(a.wall, m.wall),
    cpu: m.cpu === null ? null : Math.min(a.cpu, m.cpu),
    rssAll: m.rss === null ? a.rssAll : [...a.rssAll, m.rss],
    stdout: m.stdout,
  };
}

const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length ? s[(s.length - 1) >> 1] : null;
};

const hasPandas = spawnSync('python3', ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0;
const sets = [await dataset('nvsmi-8gpu-24h.csv', 86400), await dataset('nvsmi-8gpu-96h.csv', 4 * 86400)];
const cli = await ingestCli();
const tools = [
  { name: 'ml-lca ingest --json', argv: (f) => [...cli.cmd, f, '--json'] },
  { name: 'cat > /dev/null', argv: (f) => ['sh', '-c', `cat "${f}" > /dev/null`] },
  { name: 'readline parser', argv: (f) => [process.execPath, path.join(root, 'bench', 'readline-parser.mjs'), f] },
];
if (hasPandas) {
  const py = 'import sys,pandas as pd; d=pd.read_csv(sys.argv[1], skipinitialspace=True); print(len(d))';
  tools.push({ name: 'pandas read_csv', argv: (f) => ['python3', '-c', py, f] });
}

const results = [];
console.log(
  `ml-lca bench (${RUNS} interleaved runs each, best time; load average ${(await import('node:os')).loadavg()[0].toFixed(1)} on ${(await import('node:os')).cpus().length} cores; whole process incl. start-up; ${process.version}, ${cli.label})`,
);
console.log(hasTime ? 'peak RSS: /usr/bin/time %M, median of the runs (max in brackets)' : 'peak RSS: n/a (/usr/bin/time not found)');
if (!hasPandas) console.log('pandas: not installed (python3 -c "import pandas" failed); skipped');
for (const s of sets) {
  const mb = s.bytes / 1e6;
  console.log(`\n${path.basename(s.file)}: ${mb.toFixed(1)} MB, ${s.seconds / 3600} h × 8 GPUs, expected ${s.energyKwh.toFixed(6)} kWh`);
  // Interleaved (A B C A B C ...) so that a burst of load on the machine hits every tool alike.
  const acc = tools.map(() => null);
  for (let i = 0; i < RUNS; i++)
    tools.forEach((t, k) => {
      acc[k] = merge(acc[k], measure(t.argv(s.file)));
    });
  tools.forEach((t, k) => {
    const m = acc[k];
    const row = {
      file: path.basename(s.file),
      tool: t.name,
      mb: Number(mb.toFixed(1)),
      wall_s: Number(m.wall.toFixed(3)),
      mb_per_s: Number((mb / m.wall).toFixed(1)),
      cpu_s: m.cpu === null ? null : Number(m.cpu.toFixed(2)),
      mb_per_cpu_s: m.cpu ? Number((mb / m.cpu).toFixed(1)) : null,
      peak_rss_mib: m.rssAll.length ? Number(median(m.rssAll).toFixed(1)) : null,
      peak_rss_max_mib: m.rssAll.length ? Number(Math.max(...m.rssAll).toFixed(1)) : null,
    };
    if (t.name.startsWith('ml-lca')) {
      const src = JSON.parse(m.stdout).sources[0];
      row.energy_kwh = src.energy_kwh;
      row.energy_ok = Math.abs(src.energy_kwh - s.energyKwh) <= 1e-9 * s.energyKwh + 1e-9;
    }
    results.push(row);
    console.log(
      `  ${t.name.padEnd(22)} ${String(row.mb_per_s).padStart(7)} MB/s wall (${row.wall_s.toFixed(3)} s)  ${row.mb_per_cpu_s === null ? '' : `${String(row.mb_per_cpu_s).padStart(7)} MB/s CPU (${row.cpu_s} s)`}  peak RSS ${row.peak_rss_mib === null ? 'n/a' : `${row.peak_rss_mib} MiB (max ${row.peak_rss_max_mib})`}${row.energy_ok === undefined ? '' : row.energy_ok ? '  energy matches' : `  ENERGY MISMATCH ${row.energy_kwh}`}`,
    );
  });
}
const ing = results.filter((r) => r.tool.startsWith('ml-lca'));
const [one, four] = ing;
if (one && four) {
  const growth = one.peak_rss_mib && four.peak_rss_mib ? (four.peak_rss_mib / one.peak_rss_mib - 1) * 100 : null;
  // Fixed costs (Node start-up, module load, JIT warm-up) vs the per-byte rate: from the two sizes.
  const marginal = (four.mb - one.mb) / (four.wall_s - one.wall_s);
  console.log(
    `\nml-lca ingest marginal rate (4× minus 1×, start-up and JIT warm-up excluded): ${marginal.toFixed(0)} MB/s; fixed cost ≈ ${(one.wall_s - one.mb / marginal).toFixed(2)} s`,
  );
  console.log(
    `goal ≥ 200 MB/s on 24 h: ${one.mb_per_s} MB/s wall ${one.mb_per_s >= 200 ? 'met' : 'NOT met'} (${one.mb_per_cpu_s} MB/s per CPU second); RSS growth 1×→4×: ${growth === null ? 'n/a' : `${growth.toFixed(1)} %`} ${growth !== null && growth <= 30 ? '(within 30 %)' : ''}`,
  );
}
writeFileSync(path.join(outDir, 'results.json'), `${JSON.stringify({ node: process.version, runs: RUNS, results }, null, 2)}\n`);
if (ing.some((r) => r.energy_ok === false)) process.exitCode = 1;
