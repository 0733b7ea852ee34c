// The action input `hf-readme`: the card's co2_eq_emissions block written into a README in the
// workspace (never outside it, symlinks followed), before anything is posted; not committed.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseContext } from '../../src/github/context.js';
import { parseInputs, type RawInputs } from '../../src/github/inputs.js';
import { run, type RunDeps } from '../../src/github/run.js';
import { nodeIo } from '../../src/io.js';
import { startFakeGitHub, type FakeGitHub } from '../e2e/fake-github.js';
import { octokitFor } from './helpers.js';

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub();
});
afterAll(async () => fake.close());

// training 100 kWh × PUE 1 × 400 g = 40 kg operational = 40,000 g (embodied 0.0428 kg not counted).
const SCENARIO = `name: hf
functional_unit: { description: "1,000 requests", inferences: 1000 }
deployment: { lifetime_inferences: 1000000 }
grid: { intensity_g_per_kwh: 400 }
pue: 1.0
hardware: { model: H100-SXM, count: 1, embodied_kg: 150, lifespan_years: 4 }
hf: { training_type: fine-tuning }
stages:
  training: { energy_kwh: 100, hours: 10 }
`;

function setup(raw: RawInputs) {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'ml-lca-hf-action-'));
  writeFileSync(path.join(workspace, 'lca.yml'), SCENARIO);
  const logs: string[] = [];
  const summary: string[] = [];
  const deps: RunDeps = {
    octokit: octokitFor(fake),
    io: nodeIo({ log: () => {} }),
    clock: { now: () => new Date('2026-11-20T00:00:00Z') },
    log: { info: (m) => logs.push(m), warning: (m) => logs.push(`warning: ${m}`) },
    summary: { append: async (md) => void summary.push(md) },
    artifact: { upload: async () => ({ id: 1, size: 1 }) },
    setOutput: () => {},
    context: parseContext(
      { GITHUB_REPOSITORY: 'acme/model', GITHUB_EVENT_NAME: 'push', GITHUB_RUN_ID: '5', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: 'a'.repeat(40) },
      {},
    ),
    workspace,
    version: '0.0.0-test',
  };
  const inputs = parseInputs({ scenario: 'lca.yml', 'github-token': 't', baseline: 'none', comment: 'never', ...raw });
  return { workspace, deps, inputs, logs, summary };
}

describe('action input hf-readme', () => {
  it('writes the block into the README, says so, and leaves committing to the user', async () => {
    const { workspace, deps, inputs, logs, summary } = setup({ 'hf-readme': './model/README.md' });
    mkdirSync(path.join(workspace, 'model'));
    writeFileSync(path.join(workspace, 'model/README.md'), '---\nlicense: mit # ok\n---\n# Model\n');
    await run(inputs, deps);
    const text = readFileSync(path.join(workspace, 'model/README.md'), 'utf8');
    expect(text.startsWith('---\nlicense: mit # ok\nco2_eq_emissions:\n  emissions: 40000\n')).toBe(true);
    expect(text.endsWith('---\n# Model\n')).toBe(true);
    const meta = parse(text.split('---\n')[1] ?? '') as { co2_eq_emissions: Record<string, unknown> };
    expect(meta.co2_eq_emissions).toMatchObject({ emissions: 40_000, training_type: 'fine-tuning', hardware_used: '1 x H100-SXM' });
    expect(logs).toContain('hf: co2_eq_emissions written into model/README.md (not committed: commit it in a later step to publish it)');
    expect(summary.join('\n')).toContain('> Hugging Face `co2_eq_emissions` written into `model/README.md` (not committed).');
  });

  it('refuses a README that is a symlink to a file outside the workspace, without reading it', async () => {
    const { workspace, deps, inputs } = setup({ 'hf-readme': 'README.md' });
    const outside = path.join(mkdtempSync(path.join(os.tmpdir(), 'ml-lca-outside-')), 'secret.md');
    writeFileSync(outside, 'SECRET\n');
    symlinkSync(outside, path.join(workspace, 'README.md'));
    await expect(run(inputs, deps)).rejects.toThrow('input "hf-readme": expected a README inside the workspace (symlinks followed), got "README.md"');
    expect(readFileSync(outside, 'utf8')).toBe('SECRET\n');
  });

  it.each([
    ['../README.md', 'input "hf-readme": expected a README path relative to working-directory, without ".."'],
    ['/etc/motd', 'input "hf-readme": expected a README path relative to working-directory, without ".."'],
  ])('refuses %s as an input error', (value, message) => {
    expect(() => parseInputs({ 'hf-readme': value })).toThrow(message);
  });

  it('is off when empty', () => {
    expect(parseInputs({ 'hf-readme': '  ' }).hfReadme).toBeNull();
    expect(parseInputs({}).hfReadme).toBeNull();
  });

  it('needs exactly one scenario', async () => {
    const { workspace, deps } = setup({});
    writeFileSync(path.join(workspace, 'other.yml'), SCENARIO.replace('name: hf', 'name: other'));
    writeFileSync(path.join(workspace, 'README.md'), '# x\n');
    const inputs = parseInputs({ scenario: '*.yml', 'github-token': 't', baseline: 'none', comment: 'never', 'hf-readme': 'README.md' });
    await expect(run(inputs, deps)).rejects.toThrow('input "hf-readme": expected one scenario (one model card per README), got 2 scenarios');
    expect(readFileSync(path.join(workspace, 'README.md'), 'utf8')).toBe('# x\n');
  });
});
