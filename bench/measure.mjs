// npm run bench:measure: the cost of `ml-lca measure` itself while it samples at 1 s (issue 19:
// under 1 % of one CPU core after start-up, under 60 MB resident, ONE long-running nvidia-smi,
// and no measurable slowdown of the measured command).
//
// Runs the built CLI's background sampler (`node dist/cli.js measure start --interval 1`, then
// `measure stop` after 5 + N s) with the fake nvidia-smi
// (8 GPUs, test/fixtures/measure/fake-nvidia-smi) and a fake sysfs, in two configurations:
//   rapl:     readable RAPL counters (2 packages + 2 DRAM zones): 4 counter reads a second
//   estimate: no RAPL: /proc/stat read every second for the CPU estimate, memory from /proc/meminfo
// and reads, from outside, the sampler's CPU time (utime + stime in /proc/PID/stat) over the N s
// from 5 s after start, and its peak RSS (VmHWM in /proc/PID/status); the log's end record has
// the sampler's own figures (process.cpuUsage after start-up, maxRSS) to cross-check. The fake
// nvidia-smi is a Node script and not part of the sampler: its cost is not counted (the real
// nvidia-smi's is NVIDIA's, the same as a shell loop's).
// Then a fixed CPU-bound command, bare and under `ml-lca measure`, interleaved, to see whether
// sampling slows it.
//   BENCH_MEASURE_SECONDS (default 60), BENCH_RUNS (slowdown pairs, default 3)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
const fakeSmi = path.join(root, 'test/fixtures/measure/fake-nvidia-smi');
const SECONDS = Number(process.env.BENCH_MEASURE_SECONDS ?? 60);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TICK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
if (!existsSync(cli)) {
  process.stderr.write('bench: dist/cli.js missing: run `npm run build` first\n');
  process.exit(2);
}
const outDir = path.join(root, 'bench', 'out');
mkdirSync(outDir, { recursive: true });
const tmp = mkdtempSync(path.join(os.tmpdir(), 'ml-lca-bench-measure-'));

function fakeSysfs(withRapl) {
  const sys = path.join(tmp, withRapl ? 'sys-rapl' : 'sys-none');
  mkdirSync(path.join(sys, 'class/powercap'), { recursive: true });
  if (withRapl) {
    for (const [entry, name] of [
      ['intel-rapl:0', 'package-0'],
      ['intel-rapl:0:0', 'dram'],
      ['intel-rapl:1', 'package-1'],
      ['intel-rapl:1:0', 'dram'],
    ]) {
      const dir = path.join(sys, 'class/powercap', entry);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'name'), `${name}\n`);
      writeFileSync(path.join(dir, 'energy_uj'), '123456789\n');
      writeFileSync(path.join(dir, 'max_energy_range_uj'), '262143328850\n');
    }
  }
  return sys;
}

const gpus = JSON.stringify(Array.from({ length: 8 }, () => ({ name: 'NVIDIA H100 80GB HBM3', w: 450, ramp: 0 })));

function env(sys, pids) {
  return { ...process.env, ML_LCA_NVIDIA_SMI: fakeSmi, ML_LCA_SYSFS_ROOT: sys, FAKE_NVSMI_GPUS: gpus, FAKE_NVSMI_PIDS: pids };
}

function procCpuS(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / TICK; // utime, stime (fields 14, 15)
}

function procHwmMiB(pid) {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : null;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function overhead(label, withRapl) {
  const sys = fakeSysfs(withRapl);
  const pids = path.join(tmp, `${label}.pids`);
  const log = path.join(tmp, `${label}.jsonl`);
  const state = path.join(tmp, `${label}-state`);
  // The background sampler (what `mode: measure-start` runs) is the sampling process alone: its
  // figures are not mixed with a command's or with reading the log back at the end.
  const start = spawnSync(process.execPath, [cli, 'measure', 'start', '--interval', '1', '--out', log, '--state', state], {
    env: env(sys, pids),
    encoding: 'utf8',
  });
  if (start.status !== 0) throw new Error(`measure start failed: ${start.stderr}`);
  const { pid } = JSON.parse(readFileSync(path.join(state, 'measure.json'), 'utf8'));
  await sleep(5000); // start-up excluded
  const cpu0 = procCpuS(pid);
  const t0 = performance.now();
  await sleep(SECONDS * 1000);
  const cpu1 = procCpuS(pid);
  const t1 = performance.now();
  const hwm = procHwmMiB(pid) ?? 0;
  const stop = spawnSync(process.execPath, [cli, 'measure', 'stop', '--state', state], { env: env(sys, pids), encoding: 'utf8' });
  if (stop.status !== 0) throw new Error(`measure stop failed: ${stop.stderr}`);
  const lines = readFileSync(log, 'utf8').trim().split('\n');
  const end = JSON.parse(lines.at(-1));
  const samples = lines.filter((l) => l.includes('"ch":')).length;
  const nvidiaProcesses = readFileSync(pids, 'utf8').trim().split('\n').filter(Boolean).length;
  const wall = (t1 - t0) / 1000;
  return {
    config: label,
    sampled_s: Number(wall.toFixed(1)),
    cpu_s: Number((cpu1 - cpu0).toFixed(3)),
    cpu_pct_of_one_core: Number(((100 * (cpu1 - cpu0)) / wall).toFixed(3)),
    peak_rss_mib: Number(hwm.toFixed(1)),
    self_reported: end.overhead,
    log_lines: lines.length,
    samples,
    log_bytes: readFileSync(log).length,
    nvidia_smi_processes: nvidiaProcesses,
  };
}

/** Wall seconds of a fixed CPU-bound command (≈ 2–4 s), bare or under ml-lca measure. */
function timed(measured, sys, i) {
  const work = [process.execPath, '-e', 'let x = 0; for (let i = 0; i < 1e9; i++) x += i & 7; if (x < 0) console.log(x);'];
  const argv = measured ? [process.execPath, cli, 'measure', '--interval', '1', '--out', path.join(tmp, `slow-${i}.jsonl`), '--', ...work] : work;
  const t = performance.now();
  const r = spawnSync(argv[0], argv.slice(1), { env: env(sys, path.join(tmp, 'slow.pids')), stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`command failed (${r.status})`);
  return (performance.now() - t) / 1000;
}

const results = { node: process.version, cpus: os.cpus().length, loadavg_start: os.loadavg()[0], seconds: SECONDS, overhead: [], slowdown: null };
process.stderr.write(`bench: sampling ${SECONDS} s with 8 fake GPUs, RAPL counters ...\n`);
results.overhead.push(await overhead('rapl', true));
process.stderr.write(`bench: sampling ${SECONDS} s with 8 fake GPUs, CPU/memory estimate ...\n`);
results.overhead.push(await overhead('estimate', false));

process.stderr.write(`bench: ${RUNS} interleaved pairs of a CPU-bound command, bare and measured ...\n`);
const sys = fakeSysfs(true);
const bare = [];
const measured = [];
for (let i = 0; i < RUNS; i++) {
  bare.push(timed(false, sys, i));
  measured.push(timed(true, sys, i));
}
const best = (a) => Math.min(...a);
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
results.slowdown = {
  bare_best_s: Number(best(bare).toFixed(3)),
  measured_best_s: Number(best(measured).toFixed(3)),
  bare_median_s: Number(median(bare).toFixed(3)),
  measured_median_s: Number(median(measured).toFixed(3)),
  // Measured includes ml-lca's own start-up and reading the log back (≈ 0.2–0.3 s), not only sampling.
  best_delta_s: Number((best(measured) - best(bare)).toFixed(3)),
};
results.loadavg_end = os.loadavg()[0];
writeFileSync(path.join(outDir, 'measure.json'), `${JSON.stringify(results, null, 2)}\n`);
rmSync(tmp, { recursive: true, force: true });

const goal = (ok) => (ok ? 'met' : 'NOT met');
const lines = [
  `ml-lca measure overhead, ${results.node}, ${results.cpus} CPUs, load ${results.loadavg_start.toFixed(1)} -> ${results.loadavg_end.toFixed(1)}`,
  '',
  '| config | sampled | CPU (of one core) | peak RSS | self-reported CPU / RSS | samples | nvidia-smi processes |',
  '|---|---|---|---|---|---|---|',
  ...results.overhead.map(
    (o) =>
      `| ${o.config} | ${o.sampled_s} s | ${o.cpu_s} s (${o.cpu_pct_of_one_core} %) | ${o.peak_rss_mib} MiB | ${o.self_reported?.cpu_s} s / ${o.self_reported?.max_rss_mib} MiB | ${o.samples} | ${o.nvidia_smi_processes} |`,
  ),
  '',
  `CPU-bound command (best of ${RUNS}): bare ${results.slowdown.bare_best_s} s, under ml-lca measure ${results.slowdown.measured_best_s} s (medians ${results.slowdown.bare_median_s} / ${results.slowdown.measured_median_s} s; the measured time includes ml-lca's start-up and reading the log back)`,
  '',
  `goal < 1 % of one core: ${goal(results.overhead.every((o) => o.cpu_pct_of_one_core < 1))}; goal < 60 MB RSS: ${goal(results.overhead.every((o) => o.peak_rss_mib * 1.048576 < 60))}; one nvidia-smi: ${goal(results.overhead.every((o) => o.nvidia_smi_processes === 1))}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
