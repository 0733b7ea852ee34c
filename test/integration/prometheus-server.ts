// A real Prometheus server for integration tests: backfill a TSDB from OpenMetrics with
// promtool, start `prometheus` on 127.0.0.1 (free port) over it, wait until ready (bounded),
// stop it by its own pid. Binaries come from the Debian package `prometheus`, installed by
// scripts/setup-prometheus.sh.
import { spawn, type ChildProcess, execFile } from 'node:child_process';
import { accessSync, constants, createWriteStream, promises as fsp } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileP = promisify(execFile);

export const SETUP_HINT = 'run `bash scripts/setup-prometheus.sh` (Debian package prometheus, needs root or sudo)';

/** Absolute path of an executable on PATH (or the usual Debian place), or null. */
export function findBinary(name: string): string | null {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/bin', '/usr/local/bin', '/usr/sbin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

export interface Binaries {
  prometheus: string;
  promtool: string;
}

export function findBinaries(): Binaries | null {
  const prometheus = findBinary('prometheus');
  const promtool = findBinary('promtool');
  return prometheus && promtool ? { prometheus, promtool } : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningPrometheus {
  url: string;
  dir: string;
  stop(): Promise<void>;
}

/**
 * Backfill `openMetrics` (written line by line to a file) into a fresh TSDB under `dir` and
 * serve it. Blocks are far in the past: retention is set to 100 years so startup does not
 * delete them, and the head block (empty) never overlaps them.
 */
export async function startPrometheus(bins: Binaries, dir: string, openMetrics: Iterable<string>, readyTimeoutMs = 20_000): Promise<RunningPrometheus> {
  const omFile = path.join(dir, 'dcgm.om.txt');
  const dataDir = path.join(dir, 'tsdb');
  await writeLines(omFile, openMetrics);
  await execFileP(bins.promtool, ['tsdb', 'create-blocks-from', 'openmetrics', omFile, dataDir], { timeout: 30_000, maxBuffer: 16 << 20 });

  const config = path.join(dir, 'prometheus.yml');
  await fsp.writeFile(config, 'global:\n  scrape_interval: 1m\nscrape_configs: []\n', 'utf8');
  const logFile = path.join(dir, 'prometheus.log');

  let lastError: unknown;
  // A port picked free can be taken before prometheus binds it: retry with another.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const log = createWriteStream(logFile, { flags: 'a' });
    const child = spawn(
      bins.prometheus,
      [
        `--config.file=${config}`,
        `--storage.tsdb.path=${dataDir}`,
        '--storage.tsdb.retention.time=100y',
        `--web.listen-address=127.0.0.1:${port}`,
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    // If the test process dies without afterAll, do not leave a server behind.
    const reap = () => child.kill('SIGKILL');
    process.once('exit', reap);
    child.once('exit', () => process.removeListener('exit', reap));
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitReady(url, child, readyTimeoutMs);
      return { url, dir, stop: () => stop(child) };
    } catch (e) {
      lastError = e;
      await stop(child);
    }
  }
  const tail = await fsp.readFile(logFile, 'utf8').catch(() => '');
  throw new Error(`prometheus did not become ready: ${String(lastError)}\n${tail.slice(-2000)}`);
}

async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const handle = await fsp.open(file, 'w');
  try {
    let buf: string[] = [];
    for (const line of lines) {
      buf.push(line);
      if (buf.length >= 10_000) {
        await handle.write(`${buf.join('\n')}\n`);
        buf = [];
      }
    }
    if (buf.length) await handle.write(`${buf.join('\n')}\n`);
  } finally {
    await handle.close();
  }
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prometheus exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not ready within ${timeoutMs} ms`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
