// End-to-end, the action's measuring mode as a job runs it: a step with `mode: measure-start`
// (dist/index.js) starts the background sampler and returns; the training "runs"; the assessment
// step (dist/index.js, mode assess) stops the sampler and adds its log to the scenario's training
// stage; the post step (dist/post.js) stops a sampler the job left running. Steps share
// RUNNER_TEMP, as on a runner. GPUs: the fake nvidia-smi at a constant 400 W; RAPL counters that
// do not move (0 J), so the log's energy is the GPU's, host-inclusive (CPU and DRAM measured).
//
// By hand: IT energy = the log's GPU energy = 400 W × (last − first GPU sample) / 3.6e6 kWh; the
// log is host-inclusive, so it_overhead_factor (1.5 here) is NOT applied; facility energy =
// IT energy × PUE 1.0; operational CO2e = energy × 0.4 kg/kWh.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAlive } from '../../src/measure/background.js';
import { FAKE_NVIDIA_SMI, logRecords, until, writeStaticRapl } from '../measure/fakes.js';
import type { FakeGitHub } from './fake-github.js';
import { makeWorkspace, ROOT, runAction, TOKEN, useFakeGitHub } from './harness.js';

const POST = path.join(ROOT, 'dist/post.js');
let fake: FakeGitHub;

const scenario = (stage = 'training') =>
  [
    'name: measured-model',
    'functional_unit: { description: "one fine-tuned model", inferences: 1 }',
    'deployment: { lifetime_inferences: 1 }',
    'grid: { region: US, intensity_g_per_kwh: 400, water_intensity_l_per_kwh: 0 }',
    'pue: 1.0',
    'wue_l_per_kwh: 0',
    'it_overhead_factor: 1.5',
    'hardware: { model: H100-SXM, count: 1, embodied_kg: 0, lifespan_years: 4 }',
    'stages:',
    `  ${stage}: { hours: 1 }`,
    '',
  ].join('\n');

function job() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ml-lca-e2e-measure-'));
  const sys = path.join(dir, 'sys');
  writeStaticRapl(sys);
  const runnerTemp = path.join(dir, 'runner-temp');
  const env = {
    RUNNER_TEMP: runnerTemp,
    ML_LCA_NVIDIA_SMI: FAKE_NVIDIA_SMI,
    ML_LCA_SYSFS_ROOT: sys,
    ML_LCA_PROCFS_ROOT: path.join(dir, 'proc'),
    FAKE_NVSMI_GPUS: JSON.stringify([{ name: 'NVIDIA H100 80GB HBM3', w: 400, ramp: 0 }]),
  };
  const stateFile = path.join(runnerTemp, 'ml-lca', 'measure.json');
  /** The `mode: measure-start` step; returns its result, the log it writes and the sampler's pid. */
  const startStep = async (workspace: string, runId: number) => {
    const r = await runAction({ fake, workspace, inputs: { mode: 'measure-start' }, eventName: 'push', event: { ref: 'refs/heads/main' }, runId, env });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const { pid } = JSON.parse(readFileSync(stateFile, 'utf8')) as { pid: number };
    return { r, log: r.outputs['measure-log'] as string, pid };
  };
  return { env, stateFile, startStep };
}

const gpuTimes = (log: string) => logRecords(log).flatMap((r) => (r.ch === 'gpu0' && typeof r.t === 'number' ? [r.t] : []));

useFakeGitHub((f) => {
  fake = f;
});

describe('action: mode measure-start -> assess -> post (dist/)', () => {
  it('measures in the background across steps and assesses the training stage from the log', async () => {
    const { env, stateFile, startStep } = job();
    const workspace = makeWorkspace({ 'lca.yml': scenario() });
    const { r: start, log, pid } = await startStep(workspace, 601);
    expect(log).toBe(path.join(workspace, 'ml-lca-out/measure-601-1.jsonl'));
    expect(start.stdout).toContain('measuring in the background');
    expect(isAlive(pid)).toBe(true); // it outlived its step

    await until(() => gpuTimes(log).length >= 3); // "training"

    const assess = await runAction({
      fake,
      workspace,
      inputs: { scenario: 'lca.yml', 'github-token': TOKEN, 'budget-mode': 'fail' },
      eventName: 'push',
      event: { ref: 'refs/heads/main' },
      runId: 601,
      env,
    });
    expect(assess.code, assess.stdout + assess.stderr).toBe(0);
    expect(assess.stdout).toContain(`ml-lca: measurement stopped; log ${log}`);
    expect(assess.outputs['measure-log']).toBe(log);
    expect(isAlive(pid)).toBe(false);
    expect(existsSync(stateFile)).toBe(false);
    expect(logRecords(log).at(-1)).toMatchObject({ reason: 'stopped (SIGTERM)' });

    const t = gpuTimes(log);
    const itKwh = (400 * ((t.at(-1) as number) - (t[0] as number))) / 3.6e6;
    const card = JSON.parse(readFileSync(assess.outputs['card-path']!, 'utf8')) as {
      stages: Record<string, { it_energy_kwh: number; energy_kwh: number; operational_co2e_kg: number }>;
      sources: Array<{ path: string; format: string; scope: string; energy_kwh: number }>;
    };
    expect(card.sources.map((s) => [s.path, s.format, s.scope])).toEqual([['ml-lca-out/measure-601-1.jsonl', 'ml-lca-measure', 'host']]);
    expect(card.sources[0]!.energy_kwh).toBeCloseTo(itKwh, 12);
    expect(card.stages.training!.it_energy_kwh).toBeCloseTo(itKwh, 12); // host-inclusive: no × 1.5
    expect(card.stages.training!.energy_kwh).toBeCloseTo(itKwh * 1.0, 12);
    expect(card.stages.training!.operational_co2e_kg).toBeCloseTo(itKwh * 0.4, 12);

    // The post steps of both ml-lca steps run at the end of the job: nothing left to stop.
    const post = await runAction({ fake, workspace, inputs: {}, eventName: 'push', event: {}, runId: 601, env, entry: POST });
    expect(post.code).toBe(0);
    expect(post.stdout).toBe('');
  });

  it('the post step stops a measurement the job left running (a failed training step)', async () => {
    const { env, stateFile, startStep } = job();
    const workspace = makeWorkspace({ 'lca.yml': scenario() });
    const { log, pid } = await startStep(workspace, 602);
    await until(() => gpuTimes(log).length >= 2);
    const post = await runAction({ fake, workspace, inputs: {}, eventName: 'push', event: {}, runId: 602, env, entry: POST });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain(`ml-lca: measurement stopped; log ${log}`);
    expect(isAlive(pid)).toBe(false);
    expect(existsSync(stateFile)).toBe(false);
    expect(logRecords(log).at(-1)).toMatchObject({ reason: 'stopped (SIGTERM)' });
  });

  it('a measure-stage the scenario does not have fails the step by name, and the sampler is stopped anyway', async () => {
    const { env, startStep } = job();
    const workspace = makeWorkspace({ 'lca.yml': scenario('finetune') });
    const { log } = await startStep(workspace, 603);
    const assess = await runAction({
      fake,
      workspace,
      inputs: { scenario: 'lca.yml', 'github-token': TOKEN },
      eventName: 'push',
      event: { ref: 'refs/heads/main' },
      runId: 603,
      env,
    });
    expect(assess.code).toBe(1);
    expect(assess.stdout).toMatch(
      /::error title=ml-lca error%3A bad input[^:]*::.*input "measure-stage".*a stage of the scenario to add the measurement to \(finetune\).*"training"/,
    );
    expect(logRecords(log).at(-1)).toMatchObject({ reason: 'stopped (SIGTERM)' });
  });
});
