// The "Must show" checks on the BUILT CLI (`node dist/cli.js`, a child process), as users run it.
// test/dist.test.ts guarantees dist/ is a fresh build of src/.
// Hand calculation for examples/scenarios/chat-model.yml (formulas: domain.md; reference values:
// US grid 429 g CO2e/kWh and H100 SXM 700 W / 164 kg CO2e embodied from domain.md's table;
// PUE 1.12, IT overhead 1.375, WUE 0.5 L/kWh, 0.08 USD/kWh, lifespan 4 y set in the scenario):
//   experimentation  energy_kwh 2000 (whole server: no overhead) × 1.12 = 2,240 kWh
//                    op 2,240 × 0.429 = 960.96 kg; embodied 8 × 164 × 300 / 35,040 = 11.232877 kg
//   training         64 × 0.7 kW × 240 h = 10,752 kWh × 1.375 = 14,784 kWh IT × 1.12 = 16,558.08 kWh
//                    op 16,558.08 × 0.429 = 7,103.41632 kg; embodied 64 × 164 × 240 / 35,040 = 71.890411 kg
//   inference        12 kWh × 1.12 = 13.44 kWh; op 5.76576 kg; embodied 1 × 164 × 10 / 35,040 = 0.046804 kg
//   per FU (1,000 requests; paper §3.3): marginal 5.76576 kg / 200,000 × 1,000 × 1,000 g = 28.8288 g
//                    embodied 0.046804 kg / 200 FU = 0.23402 g
//                    amortized (972.192877 + 7,175.306731) kg / (5e9 / 1,000) FU = 1.6294999 g
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelCard } from '../../src/report/card-schema.js';
import { ROOT, runDist, tempDir } from './helpers.js';

const H = 35_040; // 4 years × 8,760 h
const expected = {
  experimentation: { it: 2000, energy: 2240, op: 2240 * 0.429, emb: (8 * 164 * 300) / H },
  training: { it: 10_752 * 1.375, energy: 10_752 * 1.375 * 1.12, op: 10_752 * 1.375 * 1.12 * 0.429, emb: (64 * 164 * 240) / H },
  inference: { it: 12, energy: 13.44, op: 13.44 * 0.429, emb: (1 * 164 * 10) / H },
};
const upfrontKg = ['experimentation', 'training'].reduce((a, s) => a + expected[s as 'training'].op + expected[s as 'training'].emb, 0);
const marginalG = ((expected.inference.op * 1000) / 200_000) * 1000;
const embodiedG = ((expected.inference.emb * 1000) / 200_000) * 1000;
const amortizedG = (upfrontKg * 1000) / (5e9 / 1000);

function readCard(dir: string): ModelCard {
  return ModelCard.parse(JSON.parse(readFileSync(path.join(dir, 'model-card.json'), 'utf8')));
}

describe('node dist/cli.js report', () => {
  it('writes a card whose numbers match the hand calculation', () => {
    const out = tempDir();
    const r = runDist(['report', '--scenario', 'examples/scenarios/chat-model.yml', '--out', out]);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    const card = readCard(out);
    for (const [name, e] of Object.entries(expected)) {
      const s = card.stages[name]!;
      expect(s.it_energy_kwh, `${name} it_energy_kwh`).toBeCloseTo(e.it, 6);
      expect(s.energy_kwh, `${name} energy_kwh`).toBeCloseTo(e.energy, 6);
      expect(s.operational_co2e_kg, `${name} operational`).toBeCloseTo(e.op, 6);
      expect(s.embodied_co2e_kg, `${name} embodied`).toBeCloseTo(e.emb, 6);
    }
    expect(card.totals.energy_kwh).toBeCloseTo(2240 + 16_558.08 + 13.44, 6);
    expect(card.totals.co2e_kg).toBeCloseTo(upfrontKg + expected.inference.op + expected.inference.emb, 6);
    expect(card.per_functional_unit.marginal_co2e_g).toBeCloseTo(28.8288, 9);
    expect(card.per_functional_unit.embodied_co2e_g).toBeCloseTo(embodiedG, 9);
    expect(card.per_functional_unit.amortized_co2e_g).toBeCloseTo(amortizedG, 9);
    expect(card.per_functional_unit.co2e_g).toBeCloseTo(marginalG + embodiedG + amortizedG, 9);
    // 30.69 g is above the scenario's warn level (30) and below max (40): verdict warn, exit 0.
    expect(card.verdict).toBe('warn');
    expect(card.hf_co2_eq_emissions.emissions).toBeCloseTo(upfrontKg * 1000, 3);
    expect(r.stdout).toContain('ml-lca: chat-7b: WARN: 30.69 g CO2e per functional unit');
    expect(r.stdout).toContain(`wrote ${path.join(out, 'model-card.json')}`);
    const md = readFileSync(path.join(out, 'report.md'), 'utf8');
    expect(md.split('\n')[0]).toBe('## ⚠️ ml-lca: chat-7b: WARN');
  });

  it('exits 1 on a budget overrun, after writing the card and the report', () => {
    const dir = tempDir();
    const text = readFileSync(path.join(ROOT, 'examples/scenarios/chat-model.yml'), 'utf8').replace(
      '{ metric: per_functional_unit.co2e_g, max: 40, warn: 30 }',
      '{ metric: per_functional_unit.co2e_g, max: 20 }',
    );
    writeFileSync(path.join(dir, 'lca.yml'), text);
    const r = runDist(['report', '--scenario', 'lca.yml', '--out', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL');
    const card = readCard(path.join(dir, 'out'));
    expect(card.verdict).toBe('fail');
    expect(card.budgets.find((b) => b.status === 'fail')?.metric).toBe('per_functional_unit.co2e_g');
    expect(readFileSync(path.join(dir, 'out/report.md'), 'utf8')).toMatch(/^## ❌ ml-lca: chat-7b: FAIL/);
    // --budget-mode warn: same verdict, exit 0
    const w = runDist(['report', '--scenario', 'lca.yml', '--out', 'out2', '--budget-mode', 'warn'], dir);
    expect(w.code).toBe(0);
  });

  it.each([
    ['wrong type', 'pue: "high"', 'pue'],
    ['unknown key with a suggestion', 'hardwre:\n  model: H100-SXM', 'hardwre'],
    ['negative energy', 'stages:\n  training: { energy_kwh: -5 }', 'stages.training.energy_kwh'],
  ])('a bad scenario (%s) exits 2 naming the field, and writes nothing', (_what, yaml, field) => {
    const dir = tempDir();
    const base = [
      'name: bad',
      'functional_unit: { description: "one answer", inferences: 1 }',
      'deployment: { lifetime_inferences: 1000 }',
      ...(yaml.startsWith('hardwre') ? [] : ['hardware: { model: H100-SXM }']),
      ...(yaml.startsWith('stages') ? [] : ['stages: { training: { hours: 1 } }']),
      yaml,
    ].join('\n');
    writeFileSync(path.join(dir, 'lca.yml'), `${base}\n`);
    mkdirSync(path.join(dir, 'out'));
    const r = runDist(['report', '--scenario', 'lca.yml', '--out', 'out'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('lca.yml');
    expect(r.stderr).toContain(field);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(readdirSync(path.join(dir, 'out'))).toEqual([]);
  });

  it('a missing scenario file exits 2 naming the file', () => {
    const dir = tempDir();
    const r = runDist(['report', '--scenario', 'nope.yml', '--out', 'out'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.yml.*(no such file|existing file)/);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('a log glob that matches nothing exits 2 naming the pattern, and writes nothing', () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'lca.yml'),
      'name: x\nfunctional_unit: { description: "one answer", inferences: 1 }\ndeployment: { lifetime_inferences: 1000 }\nhardware: { model: H100-SXM }\nstages: { training: { logs: ["runs/*.csv"] } }\n',
    );
    const r = runDist(['report', '--scenario', 'lca.yml', '--out', 'out'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('runs/*.csv');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});

describe('node dist/cli.js demo', () => {
  it('prints a verdict and writes the card, offline, from any directory', () => {
    const dir = tempDir();
    const r = runDist(['demo', '--out', 'demo-out'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ml-lca: chat-7b: (PASS|WARN): [\d.,]+ g CO2e per functional unit/);
    expect(readCard(path.join(dir, 'demo-out')).scenario.name).toBe('chat-7b');
    expect(existsSync(path.join(dir, 'demo-out/report.md'))).toBe(true);
  });
});

describe('node dist/cli.js compare', () => {
  it('compares two cards (JSON and markdown)', () => {
    const dir = tempDir();
    expect(runDist(['report', '--scenario', path.join(ROOT, 'examples/scenarios/chat-model.yml'), '--out', 'base'], dir).code).toBe(0);
    expect(runDist(['report', '--scenario', path.join(ROOT, 'examples/scenarios/finetune-small.yml'), '--out', 'head', '--budget-mode', 'off'], dir).code).toBe(0);
    const j = runDist(['compare', 'base/model-card.json', 'head/model-card.json', '--json'], dir);
    expect(j.code).toBe(0);
    const c = JSON.parse(j.stdout) as { comparable: boolean; consistency: string[]; metrics: Array<{ metric: string; base: number; head: number; delta: number }> };
    const m = c.metrics.find((x) => x.metric === 'totals.co2e_kg')!;
    expect(m.delta).toBeCloseTo(m.head - m.base, 9);
    // Different functional units: the comparison must say so.
    expect(c.consistency.join(' ')).toMatch(/functional unit/i);
    const md = runDist(['compare', 'base/model-card.json', 'head/model-card.json'], dir);
    expect(md.stdout).toContain('| metric');
    const bad = runDist(['compare', 'base/model-card.json', 'missing.json'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('missing.json');
  });
});
