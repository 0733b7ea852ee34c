// `ml-lca measure -- COMMAND ARGS...`: runs the command with the terminal's stdio while the
// sampler runs, and ends with the command's exit status. Signals sent to ml-lca (SIGINT, SIGTERM,
// SIGHUP, SIGQUIT) are passed to the command; ml-lca waits for it to end, then writes the last
// sample and the end record. A command killed by signal n gives 128 + n, as a shell reports it.
// Ctrl-C at a terminal already reaches the command (same process group), so SIGINT is passed on
// only when stdin is not a terminal: the command never gets one Ctrl-C twice.
import { spawn } from 'node:child_process';
import os from 'node:os';
import type { Running } from './runtime.js';

export interface CommandResult {
  /** ml-lca's exit code: the command's, 128 + signal, 127 not found, 126 not executable. */
  code: number;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the command could not be started. */
  error: string | null;
  /** The signal ml-lca received and passed on, if any. */
  received: NodeJS.Signals | null;
}

const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];

export function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (os.constants.signals[signal] ?? 0);
}

export async function runCommand(command: string, args: string[], running: Running, opts: { interactive: boolean }): Promise<CommandResult> {
  const child = spawn(command, args, { stdio: 'inherit' });
  let received: NodeJS.Signals | null = null;
  const handlers = new Map<NodeJS.Signals, () => void>();
  for (const sig of FORWARDED) {
    const h = () => {
      received = sig;
      if (sig === 'SIGINT' && opts.interactive) return;
      if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    };
    handlers.set(sig, h);
    process.on(sig, h);
  }
  const result = await new Promise<CommandResult>((resolve) => {
    child.once('error', (e: NodeJS.ErrnoException) => {
      const code = e.code === 'ENOENT' ? 127 : e.code === 'EACCES' ? 126 : 127;
      resolve({ code, exitCode: null, signal: null, error: e.code === 'ENOENT' ? 'command not found' : (e.code ?? e.message), received });
    });
    child.once('exit', (exitCode, signal) => {
      const code = exitCode ?? (signal ? signalExitCode(signal) : 1);
      resolve({ code, exitCode, signal, error: null, received });
    });
  });
  for (const [sig, h] of handlers) process.off(sig, h);
  result.received = received;
  running.stop({
    reason: result.error ? `command could not start: ${result.error}` : received ? `command ended after ${received}` : 'command exited',
    exit_code: result.exitCode,
    signal: result.signal,
  });
  return result;
}
