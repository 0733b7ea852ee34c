// Action shell: the only file (with cli.ts) that touches @actions/core and process.env.
// It reads the inputs and the runner's environment into plain values, builds the deps
// (octokit, io, clock, log, summary, artifact) and calls run(); one try/catch ends in setFailed.
// Importing it has no side effects (src/index.ts calls main()).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import { InputError, formatError } from './errors.js';
import { escapeMarkdown } from './report/escape.js';
import { escapeLogLine } from './log-line.js';
import { containedPath, nodeIo } from './io.js';
import { packageRoot, packageVersion } from './cli/package-root.js';
import { INPUT_NAMES, parseInputs, type RawInputs } from './github/inputs.js';
import { parseContext } from './github/context.js';
import { createOctokit } from './github/octokit.js';
import { actionsArtifactUploader } from './github/artifact.js';
import { run } from './github/run.js';
import { startActionMeasurement, stopActionMeasurement } from './github/measure.js';

export async function main(): Promise<void> {
  try {
    const env = process.env;
    const raw: RawInputs = {};
    for (const name of INPUT_NAMES) raw[name] = core.getInput(name);
    if (raw['github-token']) core.setSecret(raw['github-token']);
    if (raw['history-token']) core.setSecret(raw['history-token']);
    // Prometheus credentials (stages with `prometheus:`) are masked in the log like the token.
    for (const k of ['ML_LCA_PROMETHEUS_TOKEN', 'ML_LCA_PROMETHEUS_PASSWORD'] as const) if (env[k]) core.setSecret(env[k]);
    const inputs = parseInputs(raw);

    // Every line we log may quote input (a fork's scenario name, a path): one line, no command.
    const log = { info: (m: string) => core.info(escapeLogLine(m)), warning: (m: string) => core.warning(escapeLogLine(m)) };
    // Tests only: how many ms one second of retry-after stands for (default 1000).
    const retryBaseMs = positiveNumber(env.ML_LCA_RETRY_BASE_MS) ?? 1000;
    const octokitFor = (token: string) =>
      createOctokit({
        token,
        // GitHub Enterprise Server: https://HOST/api/v3 and https://HOST/api/graphql, as the runner sets them.
        baseUrl: env.GITHUB_API_URL || 'https://api.github.com',
        graphqlUrl: env.GITHUB_GRAPHQL_URL || undefined,
        retryBaseMs,
        requestTimeoutMs: positiveNumber(env.ML_LCA_REQUEST_TIMEOUT_MS) ?? 30_000,
        maxRateLimitWaitS: positiveNumber(env.ML_LCA_MAX_RATE_LIMIT_WAIT_S),
        log: log.info,
      });
    const octokit = octokitFor(inputs.token);
    const context = parseContext(
      {
        GITHUB_EVENT_NAME: env.GITHUB_EVENT_NAME,
        GITHUB_REPOSITORY: env.GITHUB_REPOSITORY,
        GITHUB_RUN_ID: env.GITHUB_RUN_ID,
        GITHUB_RUN_ATTEMPT: env.GITHUB_RUN_ATTEMPT,
        GITHUB_JOB: env.GITHUB_JOB,
        GITHUB_WORKFLOW_REF: env.GITHUB_WORKFLOW_REF,
        GITHUB_SHA: env.GITHUB_SHA,
        GITHUB_REF: env.GITHUB_REF,
        GITHUB_SERVER_URL: env.GITHUB_SERVER_URL,
      },
      readEvent(env.GITHUB_EVENT_PATH),
    );
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    // Tests only: ML_LCA_NOW (ISO 8601) fixes the clock, so period budgets and dates in e2e
    // tests do not depend on when they run.
    const clock = fixedClock(env.ML_LCA_NOW) ?? { now: () => new Date() };
    const io = nodeIo({ log: log.info, now: () => clock.now() });
    // Inside the workspace, also through symlinks (run() checks it again for its own use).
    const cwd = await containedPath(io, workspace, inputs.workingDirectory, { field: 'input "working-directory"' });
    // mode: measure-start: the sampler runs on in the background; a later ml-lca step stops it.
    if (inputs.mode === 'measure-start') {
      const out = await startActionMeasurement({ cwd, env, entry: path.join(packageRoot(), 'dist', 'cli.js'), log });
      core.setOutput('measure-log', out);
      return;
    }
    const measuredLog = context.eventName === 'workflow_run' ? null : await stopActionMeasurement({ env, log });
    if (measuredLog) core.setOutput('measure-log', measuredLog);
    const result = await run(inputs, {
      octokit,
      io,
      clock,
      log,
      summary: { append: async (md) => void (await core.summary.addRaw(md, true).write()) },
      artifact: actionsArtifactUploader(),
      setOutput: (name, value) => core.setOutput(name, value),
      context,
      workspace,
      version: versionOrUnknown(),
      env,
      ...(inputs.historyToken ? { historyOctokit: octokitFor(inputs.historyToken) } : {}),
      retryBaseMs,
      measurement: measuredLog ? { log: measuredLog, stage: inputs.measureStage } : null,
    });
    if (result.failure !== null) core.setFailed(result.failure);
  } catch (e) {
    // InputError: one line naming the input / file / field; anything else is our bug. Either way
    // the step fails with verdict `error`, told apart from a failed budget (`fail`) by the output
    // and the annotation's title: GitHub has only one failure exit code.
    const bad = e instanceof InputError;
    if (e instanceof Error && !bad) core.debug(e.stack ?? '');
    const message = bad ? `ml-lca: bad input: ${e.message}` : formatError(e);
    core.setOutput('verdict', 'error');
    process.exitCode = core.ExitCode.Failure;
    core.error(escapeLogLine(message), {
      title: bad ? 'ml-lca error: bad input' : 'ml-lca error: internal error',
      ...(bad ? annotationFile(e, process.env.GITHUB_WORKSPACE || process.cwd()) : {}),
    });
    // The summary is written on every run, so the run page says why there is no report.
    // The message can quote user text (a path, a field value): escaped by report/escape.ts.
    await core.summary
      .addRaw(`## ❌ ml-lca could not run\n\n${escapeMarkdown(message)}\n`)
      .write()
      .catch(() => undefined);
  }
}

/** The annotation's file and line, when the bad input is a file in the workspace (it links there). */
function annotationFile(e: InputError, workspace: string): { file?: string; startLine?: number } {
  if (e.file === undefined) return {};
  const rel = path.relative(workspace, path.resolve(workspace, e.file));
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return {};
  return { file: rel.split(path.sep).join('/'), ...(e.line !== undefined ? { startLine: e.line } : {}) };
}

function readEvent(file: string | undefined): unknown {
  if (!file) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return {};
  }
}

function fixedClock(s: string | undefined): { now(): Date } | undefined {
  const t = s ? Date.parse(s) : Number.NaN;
  return Number.isFinite(t) ? { now: () => new Date(t) } : undefined;
}

function positiveNumber(s: string | undefined): number | undefined {
  const n = Number(s);
  return s !== undefined && s !== '' && Number.isFinite(n) && n > 0 ? n : undefined;
}

function versionOrUnknown(): string {
  try {
    return packageVersion();
  } catch {
    return '0.0.0';
  }
}
