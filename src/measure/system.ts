// What the sampler reads from the machine, passed in so tests run it on a fake sysfs/procfs tree
// and a fake nvidia-smi: the roots and the binary come from ML_LCA_SYSFS_ROOT, ML_LCA_PROCFS_ROOT
// and ML_LCA_NVIDIA_SMI (read by the entry points, never here).
import { spawn } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Small synchronous reads of sysfs / procfs files (a few µs each; no event-loop round trip). */
export interface SysReader {
  /** File text, or null when it is missing or unreadable (RAPL's energy_uj is root-only on many kernels). */
  read(file: string): string | null;
  /** Entry names of a directory, or null when it is missing. */
  list(dir: string): string[] | null;
}

export interface LineChild {
  /** Ends the child (SIGTERM). */
  kill(): void;
  readonly pid: number | undefined;
}

export interface LineHandlers {
  line(text: string): void;
  /** The child ended; `error` is set when it could not start (ENOENT: not installed). */
  exit(code: number | null, signal: string | null, error: string | null, stderr: string): void;
}

/** Starts a long-running child and hands its stdout over line by line. */
export type SpawnLines = (command: string, args: string[], on: LineHandlers) => LineChild;

export interface MeasureEnv {
  sysfsRoot: string;
  procfsRoot: string;
  /** nvidia-smi to run; `off` (ML_LCA_NVIDIA_SMI=off) for no NVIDIA source. */
  nvidiaSmi: string | null;
  /** PATH, to see whether rocm-smi is installed. */
  path: string;
}

/** The overrides tests (and users without the tools on PATH) set; defaults are the real machine. */
export function measureEnv(env: Record<string, string | undefined>): MeasureEnv {
  const smi = env.ML_LCA_NVIDIA_SMI;
  return {
    sysfsRoot: env.ML_LCA_SYSFS_ROOT || '/sys',
    procfsRoot: env.ML_LCA_PROCFS_ROOT || '/proc',
    nvidiaSmi: smi === 'off' ? null : smi || 'nvidia-smi',
    path: env.PATH ?? '',
  };
}

export function nodeSysReader(): SysReader {
  return {
    read(file) {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return null;
      }
    },
    list(dir) {
      try {
        return readdirSync(dir);
      } catch {
        return null;
      }
    },
  };
}

/** Whether an executable of that name is on PATH (no process started). */
export function onPath(name: string, pathVar: string): boolean {
  for (const dir of pathVar.split(path.delimiter)) {
    if (dir === '') continue;
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return true;
    } catch {
      /* not here */
    }
  }
  return false;
}

const MAX_STDERR = 2000;

export const nodeSpawnLines: SpawnLines = (command, args, on) => {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let rest = '';
  let stderr = '';
  let spawnError: string | null = null;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const text = rest + chunk;
    let pos = 0;
    for (;;) {
      const nl = text.indexOf('\n', pos);
      if (nl < 0) break;
      on.line(text.slice(pos, nl).replace(/\r$/, ''));
      pos = nl + 1;
    }
    rest = text.slice(pos);
    // A line without a newline longer than this is not nvidia-smi output: drop it.
    if (rest.length > 64 * 1024) rest = '';
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < MAX_STDERR) stderr += chunk.slice(0, MAX_STDERR - stderr.length);
  });
  child.on('error', (e: NodeJS.ErrnoException) => {
    spawnError = e.code === 'ENOENT' ? 'not found' : (e.code ?? e.message);
  });
  child.on('close', (code, signal) => {
    if (rest !== '') on.line(rest);
    rest = '';
    on.exit(code, signal, spawnError, stderr);
  });
  return {
    pid: child.pid,
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    },
  };
};
