// `ml-lca measure start` / `stop`: a detached sampler that outlives the workflow step (or the
// shell) that started it, found again through a state file, DIR/measure.json, in a well-defined
// state directory: `--state DIR`, else $RUNNER_TEMP/ml-lca (one per job on GitHub runners), else
// the OS temp directory's ml-lca-<uid>. One measurement per state directory.
// Stop sends SIGTERM: the sampler takes a last reading, writes its end record and exits.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../errors.js';

export interface MeasureState {
  pid: number;
  /** Absolute path of the log. */
  out: string;
  started: string;
  interval_s: number;
}

export const STATE_FILE = 'measure.json';
/** The hidden subcommand the detached process runs. */
export const SAMPLER_ARG = '__sampler';

export function defaultStateDir(env: Record<string, string | undefined>): string {
  if (env.RUNNER_TEMP) return path.join(env.RUNNER_TEMP, 'ml-lca');
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return path.join(os.tmpdir(), `ml-lca-${uid}`);
}

export function readState(stateDir: string): MeasureState | null {
  let v: unknown;
  try {
    v = JSON.parse(readFileSync(path.join(stateDir, STATE_FILE), 'utf8'));
  } catch {
    return null;
  }
  if (v === null || typeof v !== 'object') return null;
  const r = v as Record<string, unknown>;
  if (!Number.isInteger(r.pid) || (r.pid as number) <= 1 || typeof r.out !== 'string' || typeof r.started !== 'string' || typeof r.interval_s !== 'number')
    return null;
  return { pid: r.pid as number, out: r.out, started: r.started, interval_s: r.interval_s };
}

/** Alive and not a zombie (a detached sampler that exited may wait unreaped where no init reaps). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  const stat = readProc(pid, 'stat');
  // Field 3, after the parenthesised command name, is the state; Z = zombie, X = dead.
  const state = stat ? /\)\s+(\S)/.exec(stat)?.[1] : undefined;
  return state !== 'Z' && state !== 'X';
}

/** Whether the process is our sampler writing that log (guards against a reused pid). */
export function isOurSampler(state: MeasureState): boolean {
  if (!isAlive(state.pid)) return false;
  const cmdline = readProc(state.pid, 'cmdline');
  if (cmdline === null) return true; // no /proc (not Linux): the pid is all we have
  const args = cmdline.split('\0');
  return args.includes(SAMPLER_ARG) && args.includes(state.out);
}

function readProc(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

export interface StartOptions {
  stateDir: string;
  out: string;
  interval_s: number;
  /** The CLI script to run (dist/cli.js) with `measure __sampler`. */
  entry: string;
  env: Record<string, string | undefined>;
  /** How long to wait for the sampler's first record. */
  readyTimeoutMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the detached sampler and returns once its log has its header (sampling has begun). */
export async function startBackground(o: StartOptions): Promise<MeasureState> {
  mkdirSync(o.stateDir, { recursive: true, mode: 0o700 });
  const existing = readState(o.stateDir);
  if (existing && isOurSampler(existing)) {
    throw new InputError({
      code: 'BAD_INPUT',
      field: 'measure start',
      expected: 'no measurement running in this state directory (`ml-lca measure stop` ends the running one)',
      got: `pid ${existing.pid} is writing ${existing.out} (${path.join(o.stateDir, STATE_FILE)})`,
    });
  }
  if (existsSync(o.out)) {
    throw new InputError({
      code: 'BAD_FLAG',
      field: 'measure --out',
      expected: 'a log file that does not exist yet (it is never overwritten)',
      got: `${o.out} exists`,
    });
  }
  const errFile = path.join(o.stateDir, 'measure.err');
  const errFd = openSync(errFile, 'w');
  let child: ReturnType<typeof spawn>;
  try {
    child = spawn(process.execPath, [o.entry, 'measure', SAMPLER_ARG, '--out', o.out, '--interval', String(o.interval_s)], {
      detached: true,
      stdio: ['ignore', 'ignore', errFd],
      env: o.env,
    });
  } finally {
    closeSync(errFd);
  }
  let exited: number | null | undefined;
  child.once('exit', (code) => {
    exited = code;
  });
  child.once('error', () => {
    exited = -1;
  });
  child.unref();
  if (child.pid === undefined) throw new Error(`could not start the sampler (${process.execPath} ${o.entry})`);
  const state: MeasureState = { pid: child.pid, out: o.out, started: new Date().toISOString(), interval_s: o.interval_s };
  writeFileSync(path.join(o.stateDir, STATE_FILE), `${JSON.stringify(state)}\n`, { mode: 0o600 });
  const deadline = Date.now() + (o.readyTimeoutMs ?? 15_000);
  while (Date.now() < deadline) {
    if (hasHeader(o.out)) return state;
    if (exited !== undefined) break;
    await sleep(25);
  }
  const err = readText(errFile).trim().split('\n').at(-1) ?? '';
  rmSync(path.join(o.stateDir, STATE_FILE), { force: true });
  if (exited === undefined) {
    try {
      process.kill(child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  throw new InputError({
    code: 'BAD_INPUT',
    field: 'measure start',
    expected: 'the background sampler to start',
    got: exited === undefined ? 'no log header within the time allowed' : err || `it exited with code ${exited}`,
  });
}

function hasHeader(file: string): boolean {
  return readText(file).includes('\n');
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

export interface Stopped {
  state: MeasureState;
  /** Said when the sampler was not running any more, or had to be killed. */
  note: string | null;
}

/** Ends the measurement of this state directory; null when there is none. */
export async function stopBackground(stateDir: string, timeoutMs = 15_000): Promise<Stopped | null> {
  const state = readState(stateDir);
  const file = path.join(stateDir, STATE_FILE);
  if (!state) {
    rmSync(file, { force: true });
    return null;
  }
  let note: string | null = null;
  if (isOurSampler(state)) {
    try {
      process.kill(state.pid, 'SIGTERM');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      rmSync(file, { force: true });
      return { state, note: `the sampler (pid ${state.pid}) could not be stopped (${code}); its log is kept as written` };
    }
    const deadline = Date.now() + timeoutMs;
    while (isAlive(state.pid) && Date.now() < deadline) await sleep(25);
    if (isAlive(state.pid)) {
      process.kill(state.pid, 'SIGKILL');
      note = `the sampler (pid ${state.pid}) did not end within ${timeoutMs / 1000} s and was killed; its log has no end record`;
    }
  } else {
    note = `the sampler (pid ${state.pid}) had already ended; its log is kept as written`;
  }
  rmSync(file, { force: true });
  return { state, note };
}
