// The sampler on the real machine: the log file (created, never overwritten, every batch written
// straight to the OS with writeSync so a killed process loses nothing written), the timer, and
// the sampler's own cost for the end record. Used by `ml-lca measure -- CMD` (foreground) and by
// the detached sampler of `ml-lca measure start` (background.ts).
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../errors.js';
import type { MeasureEnd } from './log.js';
import { Sampler } from './sampler.js';
import { type MeasureEnv, nodeSpawnLines, nodeSysReader, onPath } from './system.js';

/** Sampling intervals accepted: fast enough for tests, slow enough that a RAPL counter (≈ 262 kJ range) cannot wrap twice unseen. */
export const MIN_INTERVAL_S = 0.05;
export const MAX_INTERVAL_S = 60;

export interface SamplingOptions {
  out: string;
  interval_s: number;
  env: MeasureEnv;
  tool: string;
}

export interface Running {
  sampler: Sampler;
  /** Last reading, end record, log closed. */
  stop(end: Omit<MeasureEnd, 't' | 'end' | 'overhead'>): void;
}

/** Creates the log (and its directory); an existing file is an error, never overwritten. */
export function createLog(out: string): number {
  try {
    mkdirSync(path.dirname(out), { recursive: true });
    return openSync(out, 'ax', 0o644);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException | null)?.code;
    throw new InputError({
      code: 'BAD_FLAG',
      field: 'measure --out',
      expected: code === 'EEXIST' ? 'a log file that does not exist yet (it is never overwritten)' : 'a file that can be created',
      got: code === 'EEXIST' ? `${out} exists` : `${out}: ${code ?? String(e)}`,
    });
  }
}

export function startSampling(o: SamplingOptions): Running {
  const fd = createLog(o.out);
  const sampler = new Sampler(
    {
      interval_s: o.interval_s,
      sysfsRoot: o.env.sysfsRoot,
      procfsRoot: o.env.procfsRoot,
      nvidiaSmi: o.env.nvidiaSmi,
      rocm: onPath('rocm-smi', o.env.path),
      host: os.hostname(),
      tool: o.tool,
    },
    {
      sys: nodeSysReader(),
      now: () => Date.now(),
      write: (text) => {
        writeSync(fd, text);
      },
      spawnLines: nodeSpawnLines,
    },
  );
  sampler.start();
  // Start-up (loading the code, finding the sources) is excluded from the overhead figure.
  const cpuAtStart = process.cpuUsage();
  const timer = setInterval(() => sampler.tick(), Math.round(o.interval_s * 1000));
  let stopped = false;
  return {
    sampler,
    stop(end) {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      const cpu = process.cpuUsage(cpuAtStart);
      sampler.stop({
        ...end,
        overhead: {
          cpu_s: Math.round((cpu.user + cpu.system) / 1000) / 1000,
          max_rss_mib: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10,
          nvidia_smi_processes: sampler.nvidiaStarts,
        },
      });
      closeSync(fd);
    },
  };
}
