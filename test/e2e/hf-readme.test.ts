// End-to-end (dist/index.js): the input hf-readme writes the Hugging Face co2_eq_emissions block
// into a README in the workspace; the rest of the README is kept byte for byte. Self-contained:
// its own fake GitHub and workspace.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FakeGitHub } from './fake-github.js';
import { makeWorkspace, runAction, TOKEN, useFakeGitHub } from './harness.js';

let fake: FakeGitHub;
useFakeGitHub((f) => {
  fake = f;
});

// 1,000 kWh × PUE 1 × 400 g = 400 kg = 400,000 g operational (embodied 3.42 kg is not in the block).
const SCENARIO = [
  'name: hf-model',
  'functional_unit: { description: "1,000 chat requests", inferences: 1000 }',
  'deployment: { lifetime_inferences: 1000000 }',
  'grid: { region: FR, intensity_g_per_kwh: 400 }',
  'pue: 1.0',
  'hardware: { model: H100-SXM, count: 8, embodied_kg: 150, lifespan_years: 4 }',
  'hf: { training_type: fine-tuning }',
  'stages:',
  '  fine-tune: { energy_kwh: 1000, hours: 100 }',
  '',
].join('\n');

const README = '---\r\n# Hub metadata\r\nlicense: apache-2.0\r\nco2_eq_emissions: 1 # placeholder\r\n---\r\n\r\n# hf-model\r\n';

describe('action input hf-readme (dist/index.js)', () => {
  it('writes the block into model/README.md and keeps the rest byte for byte', async () => {
    const workspace = makeWorkspace({ 'lca.yml': SCENARIO, 'model/README.md': README });
    const r = await runAction({
      fake,
      workspace,
      inputs: { scenario: 'lca.yml', 'github-token': TOKEN, baseline: 'none', 'hf-readme': 'model/README.md' },
      eventName: 'push',
      event: { ref: 'refs/heads/main' },
      runId: 901,
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const text = readFileSync(path.join(workspace, 'model/README.md'), 'utf8');
    expect(text).toBe(
      [
        '---',
        '# Hub metadata',
        'license: apache-2.0',
        'co2_eq_emissions:',
        '  emissions: 400000',
        `  source: "${text.match(/source: "([^"]*)"/)?.[1] ?? ''}"`,
        '  training_type: "fine-tuning"',
        '  geographical_location: "FR"',
        '  hardware_used: "8 x H100-SXM"',
        '---',
        '',
        '# hf-model',
        '',
      ].join('\r\n'),
    );
    expect(text).toMatch(/source: "ml-lca [^"]+: operational CO2e of stage fine-tune \(the up-front stages, i\.e\. those without inferences\)/);
    expect(r.stdout).toContain('hf-model: co2_eq_emissions written into model/README.md (not committed: commit it in a later step to publish it)');
    expect(r.summary).toContain('Hugging Face `co2_eq_emissions` written into `model/README.md` (not committed).');
  });
});
