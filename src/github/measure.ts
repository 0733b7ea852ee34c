// The action's measuring mode. A step with `mode: measure-start` starts the background sampler
// (src/measure/background.ts) with its log under the working directory's ml-lca-out/ and returns;
// the assessment step (mode: assess) stops it and its log joins the scenario's `measure-stage`
// (default `training`); the post step (src/post.ts) stops it when the job failed before that.
// State lives in $RUNNER_TEMP/ml-lca, which every step of the job shares and `ml-lca measure stop`
// in a run step finds too.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';
import { defaultStateDir, startBackground, stopBackground } from '../measure/background.js';

export interface MeasureActionEnv {
  env: Record<string, string | undefined>;
  log: { info(message: string): void; warning(message: string): void };
}

/** `ml-lca-out/measure-RUN-ATTEMPT.jsonl` under the working directory; `-2`, `-3`… when taken. */
export function measureLogPath(cwd: string, env: Record<string, string | undefined>): string {
  // Only name-safe characters, so the path is never read as a glob.
  const safe = (v: string | undefined, fallback: string) => (v ?? '').replace(/[^A-Za-z0-9_-]/g, '') || fallback;
  const base = `measure-${safe(env.GITHUB_RUN_ID, 'local')}-${safe(env.GITHUB_RUN_ATTEMPT, '1')}`;
  for (let i = 1; ; i++) {
    const file = path.join(cwd, 'ml-lca-out', `${base}${i > 1 ? `-${i}` : ''}.jsonl`);
    if (!existsSync(file)) return file;
  }
}

/** mode: measure-start. Returns the log path (output `measure-log`). */
export async function startActionMeasurement(o: MeasureActionEnv & { cwd: string; entry: string }): Promise<string> {
  const stateDir = defaultStateDir(o.env);
  const out = measureLogPath(o.cwd, o.env);
  const state = await startBackground({ stateDir, out, interval_s: 1, entry: o.entry, env: o.env });
  o.log.info(`ml-lca: measuring in the background (pid ${state.pid}) into ${out}; the ml-lca assessment step (or the post step) stops it`);
  return out;
}

/** mode: assess (and the post step): stops a running measurement; its log path, or null when none ran. */
export async function stopActionMeasurement(o: MeasureActionEnv): Promise<string | null> {
  const r = await stopBackground(defaultStateDir(o.env));
  if (!r) return null;
  if (r.note) o.log.warning(`ml-lca: ${r.note}`);
  o.log.info(`ml-lca: measurement stopped; log ${r.state.out}`);
  return r.state.out;
}

/**
 * The `STAGE=GLOB` entry that adds the measurement's log to a scenario's stage, after checking
 * the stage exists and the log lies under the working directory (logs are read from there only).
 */
export function measuredLogEntry(log: string, stage: string, cwd: string, stages: readonly string[], scenarioFile: string): string {
  if (!stages.includes(stage)) {
    throw new InputError({
      code: 'BAD_INPUT',
      file: scenarioFile,
      field: 'input "measure-stage"',
      expected: `a stage of the scenario to add the measurement to (${stages.join(', ')})`,
      got: JSON.stringify(stage),
    });
  }
  const rel = path.relative(cwd, log);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new InputError({
      code: 'PATH_ESCAPE',
      field: 'input "working-directory"',
      expected: `the measurement log under ${cwd} (use the same working-directory for mode: measure-start and the assessment)`,
      got: JSON.stringify(log),
    });
  }
  return `${stage}=${rel.split(path.sep).join('/')}`;
}
