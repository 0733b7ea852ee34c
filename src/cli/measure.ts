// `ml-lca measure [--interval S] [--out FILE] -- COMMAND ARGS...`  run a command while sampling
// `ml-lca measure start [--interval S] [--out FILE] [--state DIR]` sample in the background
// `ml-lca measure stop [--state DIR]`                             end it, print the log path
// The log (src/measure/log.ts) is what `ml-lca ingest` / `report --log` read. The foreground form
// exits with the command's exit code (128 + n for a command killed by signal n; 127 when it
// cannot be found); start/stop exit 0, or 2 for bad input.
import path from 'node:path';
import { InputError } from '../errors.js';
import { defaultStateDir, SAMPLER_ARG, startBackground, stopBackground } from '../measure/background.js';
import { runCommand } from '../measure/command.js';
import { MAX_INTERVAL_S, MIN_INTERVAL_S, startSampling } from '../measure/runtime.js';
import { measureEnv } from '../measure/system.js';
import { type CliIo, parseFlags } from './args.js';
import { packageRoot, packageVersion } from './package-root.js';

const USAGE =
  'ml-lca measure [--interval SECONDS] [--out FILE] -- COMMAND [ARGS...] | measure start [--interval SECONDS] [--out FILE] [--state DIR] | measure stop [--state DIR]';

function intervalFlag(value: string | undefined): number {
  if (value === undefined) return 1;
  const n = Number(value);
  if (!Number.isFinite(n) || n < MIN_INTERVAL_S || n > MAX_INTERVAL_S) {
    throw new InputError({
      code: 'BAD_FLAG',
      field: 'measure --interval',
      expected: `seconds between samples, ${MIN_INTERVAL_S} to ${MAX_INTERVAL_S}`,
      got: JSON.stringify(value),
    });
  }
  return n;
}

/** `ml-lca-measure-20260105T100000Z.jsonl` in the working directory. */
function defaultOut(io: CliIo): string {
  const stamp = io
    .now()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return path.resolve(io.cwd, `ml-lca-measure-${stamp}.jsonl`);
}

const tool = () => {
  try {
    return `ml-lca ${packageVersion()}`;
  } catch {
    return 'ml-lca';
  }
};

export async function measureCommand(argv: string[], io: CliIo): Promise<number> {
  const env = io.env ?? {};
  const sub = argv[0];
  if (sub === 'start') return start(argv.slice(1), io, env);
  if (sub === 'stop') return stop(argv.slice(1), io, env);
  if (sub === SAMPLER_ARG) return sampler(argv.slice(1), env);

  const dash = argv.indexOf('--');
  const own = dash < 0 ? argv : argv.slice(0, dash);
  const command = dash < 0 ? [] : argv.slice(dash + 1);
  const { values } = parseFlags('measure', own, { interval: { type: 'string' }, out: { type: 'string' } }, { min: 0, max: 0, usage: USAGE });
  if (command.length === 0 || command[0] === '') {
    throw new InputError({
      code: 'BAD_FLAG',
      field: 'measure',
      expected: `-- COMMAND [ARGS...] (${USAGE})`,
      got: dash < 0 ? 'no "--"' : 'no command after "--"',
    });
  }
  const out = values.out !== undefined ? path.resolve(io.cwd, values.out) : defaultOut(io);
  const menv = measureEnv(env);
  const running = startSampling({ out, interval_s: intervalFlag(values.interval), env: menv, tool: tool() });
  io.log(
    `ml-lca measure: sampling every ${intervalFlag(values.interval)} s (${describeChannels(running.sampler.channels, menv.nvidiaSmi !== null)}); log ${out}`,
  );
  const r = await runCommand(command[0] as string, command.slice(1), running, { interactive: process.stdin.isTTY === true });
  if (r.error) io.log(`ml-lca measure: ${command[0]}: ${r.error}`);
  await summarise(out, io);
  return r.code;
}

async function start(argv: string[], io: CliIo, env: Record<string, string | undefined>): Promise<number> {
  const { values } = parseFlags(
    'measure start',
    argv,
    { interval: { type: 'string' }, out: { type: 'string' }, state: { type: 'string' } },
    { min: 0, max: 0, usage: USAGE },
  );
  const stateDir = values.state !== undefined ? path.resolve(io.cwd, values.state) : defaultStateDir(env);
  const out = values.out !== undefined ? path.resolve(io.cwd, values.out) : defaultOut(io);
  const state = await startBackground({
    stateDir,
    out,
    interval_s: intervalFlag(values.interval),
    entry: path.join(packageRoot(), 'dist', 'cli.js'),
    env,
  });
  io.log(`ml-lca measure: sampling in the background (pid ${state.pid}, state ${stateDir}); \`ml-lca measure stop\` ends it`);
  io.stdout(out);
  return 0;
}

async function stop(argv: string[], io: CliIo, env: Record<string, string | undefined>): Promise<number> {
  const { values } = parseFlags('measure stop', argv, { state: { type: 'string' } }, { min: 0, max: 0, usage: USAGE });
  const stateDir = values.state !== undefined ? path.resolve(io.cwd, values.state) : defaultStateDir(env);
  const r = await stopBackground(stateDir);
  if (!r) {
    throw new InputError({
      code: 'BAD_INPUT',
      field: 'measure stop',
      expected: `a measurement started with \`ml-lca measure start\` (state in ${stateDir})`,
      got: 'none running',
    });
  }
  if (r.note) io.log(`ml-lca measure: ${r.note}`);
  await summarise(r.state.out, io);
  io.stdout(r.state.out);
  return 0;
}

/** The detached sampler: runs until SIGTERM / SIGINT / SIGHUP, then writes its end record. */
async function sampler(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const { values } = parseFlags(SAMPLER_ARG, argv, { interval: { type: 'string' }, out: { type: 'string' } }, { min: 0, max: 0, usage: USAGE });
  if (values.out === undefined) throw new InputError({ code: 'BAD_FLAG', field: SAMPLER_ARG, expected: '--out FILE', got: 'nothing' });
  const running = startSampling({ out: values.out, interval_s: intervalFlag(values.interval), env: measureEnv(env), tool: tool() });
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    for (const s of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(s, () => resolve(s));
  });
  running.stop({ reason: `stopped (${signal})`, exit_code: null, signal: null });
  return 0;
}

function describeChannels(channels: ReadonlyArray<{ channel: string; source: string }>, nvidia: boolean): string {
  const bySource = new Map<string, string[]>();
  for (const c of channels) bySource.set(c.source, [...(bySource.get(c.source) ?? []), c.channel]);
  const parts = [...bySource].map(([s, ids]) => `${s}: ${ids.join(', ')}`);
  if (nvidia) parts.push('NVIDIA GPUs as nvidia-smi reports them');
  return parts.join('; ') || 'no power source found';
}

/** What the log holds, one line per channel (stderr): the same reading `ml-lca ingest` gives. */
async function summarise(file: string, io: CliIo): Promise<void> {
  try {
    const { ingestFile } = await import('../ingest/index.js');
    const { summarise: lines } = await import('./ingest.js');
    const s = await ingestFile(file, {}, io, file);
    for (const l of lines(s)) io.log(l);
  } catch (e) {
    io.log(`ml-lca measure: the log could not be read back (${e instanceof Error ? e.message : String(e)})`);
  }
}
