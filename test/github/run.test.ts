// run() in-process with recording deps: the order of effects is the contract (design.md:
// comment, summary, artifact and outputs are written before a budget failure fails the step).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../e2e/fake-github.js';
import { octokitFor } from './helpers.js';
import { run, type RunDeps } from '../../src/github/run.js';
import { parseInputs } from '../../src/github/inputs.js';
import { parseContext } from '../../src/github/context.js';
import { nodeIo } from '../../src/io.js';

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub();
});
afterAll(async () => fake.close());

const SCENARIO = (max: number) => `name: ordered
functional_unit: { description: "1,000 requests", inferences: 1000 }
deployment: { lifetime_inferences: 1000000 }
grid: { intensity_g_per_kwh: 400 }
pue: 1.0
hardware: { model: H100-SXM, count: 1, embodied_kg: 150, lifespan_years: 4 }
stages:
  training: { energy_kwh: 100, hours: 10 }
budgets:
  - { metric: totals.co2e_kg, max: ${max} }
`;

function setup(max: number, budgetMode: string) {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'ml-lca-run-'));
  writeFileSync(path.join(workspace, 'lca.yml'), SCENARIO(max));
  const events: string[] = [];
  const pr = {
    number: 3,
    base: { ref: 'main', sha: 'b'.repeat(40), repo: { full_name: 'acme/model' } },
    head: { sha: 'c'.repeat(40), repo: { full_name: 'acme/model' } },
  };
  const deps: RunDeps = {
    octokit: octokitFor(fake),
    io: nodeIo({ log: () => {} }),
    clock: { now: () => new Date('2026-11-20T00:00:00Z') },
    log: { info: (m) => (m.includes('PR comment') ? events.push('comment') : undefined), warning: (m) => events.push(`warning: ${m}`) },
    summary: { append: async () => void events.push('summary') },
    artifact: {
      upload: async (name, files) => {
        events.push(`artifact ${name} ${files.map((f) => path.basename(f)).join(',')}`);
        return { id: 1, size: 1 };
      },
    },
    setOutput: (name) => events.push(`output ${name}`),
    context: parseContext(
      { GITHUB_REPOSITORY: 'acme/model', GITHUB_EVENT_NAME: 'pull_request', GITHUB_RUN_ID: '5', GITHUB_WORKFLOW_REF: 'acme/model/.github/workflows/t.yml@x' },
      { pull_request: pr },
    ),
    workspace,
    version: '0.0.0-test',
  };
  return { deps, events, inputs: parseInputs({ scenario: 'lca.yml', 'github-token': 't', 'budget-mode': budgetMode }) };
}

const ORDER = [
  'comment',
  'summary',
  'artifact ml-lca-ordered model-card.json,report.md',
  'output co2e-kg',
  'output co2e-per-fu-g',
  'output verdict',
  'output card-path',
  'output report-markdown',
  'output delta-pct',
  'output results',
];

describe('run', () => {
  // 100 kWh × 0.4 kg/kWh = 40 kg + embodied 150 × 10 / 35,040 = 0.0428 kg: over a 10 kg budget.
  it('budget-mode fail: every effect happens, then the failure is returned (not thrown)', async () => {
    const { deps, events, inputs } = setup(10, 'fail');
    const r = await run(inputs, deps);
    expect(events.filter((e) => !e.startsWith('warning'))).toEqual(ORDER);
    expect(r.verdict).toBe('fail');
    expect(r.failure).toMatch(/^ml-lca: budget exceeded: ordered: /);
  });

  it.each([
    ['warn', 10, 'fail', true],
    ['fail', 1000, 'pass', false],
  ])('budget-mode %s, limit %i kg: verdict %s, no failure', async (mode, max, verdict, warned) => {
    const { deps, events, inputs } = setup(max, mode);
    const r = await run(inputs, deps);
    expect(r).toEqual({ verdict, failure: null });
    expect(events.some((e) => e.startsWith('warning: ml-lca: budget exceeded'))).toBe(warned);
  });

  it.each([
    ['fail', 'ml-lca: INCOMPLETE: ordered: stage training: the stage names no source of energy', false],
    ['warn', null, true],
    ['off', null, false],
  ])('an incomplete assessment under budget-mode %s: outputs first, then failure %s', async (mode, failure, warned) => {
    const { deps, events, inputs } = setup(1000, mode);
    writeFileSync(path.join(deps.workspace, 'lca.yml'), SCENARIO(1000).replace('training: { energy_kwh: 100, hours: 10 }', 'training: {}'));
    const r = await run(inputs, deps);
    expect(r.verdict).toBe('incomplete');
    expect(events.filter((e) => !e.startsWith('warning'))).toEqual(ORDER);
    if (failure === null) expect(r.failure).toBeNull();
    else expect(r.failure).toContain(failure);
    expect(events.some((e) => e.startsWith('warning: ml-lca: INCOMPLETE: ordered: stage training:') && e.endsWith('(budget-mode: warn)'))).toBe(warned);
  });

  it('a scenario glob that matches nothing is an input error naming the input', async () => {
    const { deps } = setup(10, 'fail');
    await expect(run(parseInputs({ scenario: 'nope/*.yml', 'github-token': 't' }), deps)).rejects.toThrow(/input "scenario"/);
  });
});
