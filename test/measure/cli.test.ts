// `ml-lca measure` as users run it: the BUILT CLI (node dist/cli.js) as a child process, with the
// fake nvidia-smi (test/fixtures/measure/fake-nvidia-smi, a known power profile emitted with -lms)
// and a fake sysfs/procfs tree (ML_LCA_NVIDIA_SMI, ML_LCA_SYSFS_ROOT, ML_LCA_PROCFS_ROOT).
// The fake sysfs has readable RAPL package and DRAM counters that do not move, so the host part
// is exactly 0 J and the log's energy is the GPUs' alone: comparable with the fake's own record.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAlive } from '../../src/measure/background.js';
import { buildDistOnce } from '../e2e/harness.js';
import { ROOT, runDist, tempDir } from '../cli/helpers.js';
import { FAKE_NVIDIA_SMI, logRecords, until, writeStaticRapl } from './fakes.js';

const CLI = path.join(ROOT, 'dist/cli.js');
const GPUS = [
  { name: 'NVIDIA H100 80GB HBM3', w: 300, ramp: 0 },
  { name: 'NVIDIA H100 80GB HBM3', w: 100, ramp: 20 },
];

interface Fx {
  dir: string;
  env: NodeJS.ProcessEnv;
  truth: string;
  pids: string;
}

function fixture(): Fx {
  const dir = tempDir('ml-lca-measure-');
  const sys = path.join(dir, 'sys');
  writeStaticRapl(sys);
  const truth = path.join(dir, 'truth.jsonl');
  const pids = path.join(dir, 'pids');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    ML_LCA_NVIDIA_SMI: FAKE_NVIDIA_SMI,
    ML_LCA_SYSFS_ROOT: sys,
    ML_LCA_PROCFS_ROOT: path.join(dir, 'proc'),
    FAKE_NVSMI_GPUS: JSON.stringify(GPUS),
    FAKE_NVSMI_TRUTH: truth,
    FAKE_NVSMI_PIDS: pids,
  };
  return { dir, env, truth, pids };
}

interface Done {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  stdout: string;
}

/** Starts `node dist/cli.js ARGV` in the fixture's directory (stdin a pipe: not a terminal). */
function launch(fx: Fx, argv: string[], timeoutMs = 30_000): { child: ChildProcess; done: Promise<Done> } {
  const child = spawn(process.execPath, [CLI, ...argv], { cwd: fx.dir, env: fx.env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const done = new Promise<Done>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr, stdout });
    }),
  );
  return { child, done };
}

const run = (fx: Fx, argv: string[]) => launch(fx, argv).done;

const gpuSamples = (log: string) => logRecords(log).filter((r) => typeof r.ch === 'string' && String(r.ch).startsWith('gpu') && 'w' in r).length;

function ingestJson(fx: Fx, log: string) {
  const r = runDist(['ingest', log, '--json'], fx.dir);
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { sources: Array<Record<string, unknown> & { devices: Array<{ id: string; energy_kwh: number }>; warnings: string[] }> })
    .sources[0]!;
}

const pidsOf = (fx: Fx) => readFileSync(fx.pids, 'utf8').split('\n').filter(Boolean).map(Number);

beforeAll(() => {
  buildDistOnce();
}, 300_000);

describe('ml-lca measure -- COMMAND (built CLI, fakes)', () => {
  it('measures the fake nvidia-smi power profile within 1 %, from ONE nvidia-smi process', async () => {
    const fx = fixture();
    const log = path.join(fx.dir, 'out/power.jsonl');
    const r = await run(fx, ['measure', '--interval', '0.1', '--out', 'out/power.jsonl', '--', 'sleep', '2']);
    expect(r.code).toBe(0);
    expect(pidsOf(fx)).toHaveLength(1);
    // Expected: each GPU's profile is linear in time, so its energy between two of its samples is
    // (P_a + P_b) / 2 × (t_b − t_a), taken from the fake's own record of what it printed, over the
    // first and last sample that reached the log.
    const recs = logRecords(log);
    const src = ingestJson(fx, log);
    const truth = logRecords(fx.truth) as Array<{ t: number; index: number; w: number }>;
    let expectedJ = 0;
    for (const index of [0, 1]) {
      const ts = recs.filter((x) => x.ch === `gpu${index}`).map((x) => Math.round((x.t as number) * 1000));
      expect(ts.length).toBeGreaterThanOrEqual(5);
      const a = truth.find((x) => x.index === index && x.t === ts[0])!;
      const b = truth.find((x) => x.index === index && x.t === ts.at(-1))!;
      expectedJ += ((a.w + b.w) / 2) * ((b.t - a.t) / 1000);
      const dev = src.devices.find((d) => d.id.endsWith(`/gpu${index}`))!;
      expect(Math.abs(dev.energy_kwh * 3.6e6 - ((a.w + b.w) / 2) * ((b.t - a.t) / 1000))).toBeLessThan(0.01 * expectedJ);
    }
    expect(Math.abs((src.energy_kwh as number) * 3.6e6 - expectedJ) / expectedJ).toBeLessThan(0.01);
    // RAPL counters that did not move: 0 J each, measured (no estimate).
    expect(src.devices.filter((d) => d.id.includes('rapl:')).map((d) => d.energy_kwh)).toEqual([0, 0]);
    expect(src.scope).toBe('host');
    expect(src.estimated).toBeUndefined();
    const end = recs.at(-1)!;
    expect(end).toMatchObject({ reason: 'command exited', exit_code: 0, signal: null, overhead: { nvidia_smi_processes: 1 } });
    // The nvidia-smi child ended with the measurement.
    await until(() => !isAlive(pidsOf(fx)[0]!), 5_000);
  });

  it.each([
    ['exit code 3', ['sh', '-c', 'exit 3'], 3, { exit_code: 3, signal: null }],
    ['killed by SIGTERM: 128 + 15', ['sh', '-c', 'kill -TERM $$'], 143, { exit_code: null, signal: 'SIGTERM' }],
    ['killed by SIGKILL: 128 + 9', ['sh', '-c', 'kill -KILL $$'], 137, { exit_code: null, signal: 'SIGKILL' }],
  ])("exits with the command's status: %s", async (_what, cmd, code, end) => {
    const fx = fixture();
    const r = await run(fx, ['measure', '--interval', '0.2', '--out', 'p.jsonl', '--', ...cmd]);
    expect(r.code).toBe(code);
    expect(logRecords(path.join(fx.dir, 'p.jsonl')).at(-1)).toMatchObject(end);
  });

  it('a command that cannot be found: 127, and the log is still complete', async () => {
    const fx = fixture();
    const r = await run(fx, ['measure', '--out', 'p.jsonl', '--', 'no-such-command-ml-lca']);
    expect(r.code).toBe(127);
    expect(r.stderr).toContain('ml-lca measure: no-such-command-ml-lca: command not found');
    expect(logRecords(path.join(fx.dir, 'p.jsonl')).at(-1)).toMatchObject({ reason: 'command could not start: command not found' });
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s to ml-lca stops the command first, then writes the end record', async (sig, code) => {
    const fx = fixture();
    const log = path.join(fx.dir, 'p.jsonl');
    const { child, done } = launch(fx, ['measure', '--interval', '0.1', '--out', 'p.jsonl', '--', 'sleep', '30']);
    await until(() => existsSync(log) && gpuSamples(log) >= 2);
    expect(child.exitCode).toBeNull(); // still running
    child.kill(sig);
    const r = await done;
    expect(r.code).toBe(code);
    const end = logRecords(log).at(-1)!;
    expect(end).toMatchObject({ reason: `command ended after ${sig}`, exit_code: null, signal: sig });
  });

  it('refuses to overwrite an existing log (exit 2, one line)', async () => {
    const fx = fixture();
    await run(fx, ['measure', '--out', 'p.jsonl', '--', 'true']);
    const r = await run(fx, ['measure', '--out', 'p.jsonl', '--', 'true']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('p.jsonl exists');
  });

  it("takes the flags after -- as the command's, not its own (--help goes to the command)", async () => {
    const fx = fixture();
    const r = await run(fx, ['measure', '--out', 'p.jsonl', '--', 'sh', '-c', 'echo "got $1"', 'sh', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('got --help\n');
  });
});

describe('ml-lca measure start / stop (separate processes)', () => {
  it('start returns at once, the sampler outlives it, stop ends it and prints the log path', async () => {
    const fx = fixture();
    const state = path.join(fx.dir, 'state');
    const s = await run(fx, ['measure', 'start', '--interval', '0.1', '--out', 'bg.jsonl', '--state', 'state']);
    expect(s.code).toBe(0);
    const log = path.join(fx.dir, 'bg.jsonl');
    expect(s.stdout).toBe(`${log}\n`);
    const st = JSON.parse(readFileSync(path.join(state, 'measure.json'), 'utf8')) as { pid: number; out: string };
    expect(st.out).toBe(log);
    expect(isAlive(st.pid)).toBe(true);
    // A second start in the same state directory is refused while one runs.
    const again = await run(fx, ['measure', 'start', '--out', 'bg2.jsonl', '--state', 'state']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`pid ${st.pid} is writing ${log}`);

    await until(() => gpuSamples(log) >= 4);
    const stop = await run(fx, ['measure', 'stop', '--state', 'state']);
    expect(stop.code).toBe(0);
    expect(stop.stdout).toBe(`${log}\n`);
    expect(isAlive(st.pid)).toBe(false);
    expect(existsSync(path.join(state, 'measure.json'))).toBe(false);
    expect(logRecords(log).at(-1)).toMatchObject({ reason: 'stopped (SIGTERM)', overhead: { nvidia_smi_processes: 1 } });
    expect(pidsOf(fx)).toHaveLength(1);
    await until(() => !isAlive(pidsOf(fx)[0]!), 5_000);
    const src = ingestJson(fx, log);
    expect(src.energy_kwh).toBeGreaterThan(0);
    expect(src.warnings).toEqual([]);

    const none = await run(fx, ['measure', 'stop', '--state', 'state']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('none running');
  });

  it('a killed sampler leaves a readable log; stop says it had ended', async () => {
    const fx = fixture();
    const s = await run(fx, ['measure', 'start', '--interval', '0.1', '--out', 'bg.jsonl', '--state', 'state']);
    expect(s.code).toBe(0);
    const log = path.join(fx.dir, 'bg.jsonl');
    const { pid } = JSON.parse(readFileSync(path.join(fx.dir, 'state/measure.json'), 'utf8')) as { pid: number };
    await until(() => gpuSamples(log) >= 4);
    process.kill(pid, 'SIGKILL');
    await until(() => !isAlive(pid));
    // Its nvidia-smi child goes too (its output pipe is closed).
    await until(() => !isAlive(pidsOf(fx)[0]!), 5_000);
    const src = ingestJson(fx, log);
    expect(src.energy_kwh).toBeGreaterThan(0);
    expect(src.devices.filter((d) => d.id.includes('gpu')).length).toBe(2);
    expect(src.warnings.some((w) => w.startsWith('the measurement has no end record (sampler killed or still running)'))).toBe(true);
    const stop = await run(fx, ['measure', 'stop', '--state', 'state']);
    expect(stop.code).toBe(0);
    expect(stop.stderr).toContain(`the sampler (pid ${pid}) had already ended; its log is kept as written`);
    expect(stop.stdout).toBe(`${log}\n`);
  });
});
