// The "Must show" checks on the BUILT CLI (`node dist/cli.js`, a child process), as users run it.
// test/dist.test.ts guarantees dist/ is a fresh build of src/.
//
// Hand calculation for examples/scenarios/chat-model.yml, from the scenario and the two example
// logs read here with a few lines of code independent of src/ingest (formulas: domain.md;
// grid: region US = Our World in Data "United States,USA,2024,383.5492" (the example logs are dated
// 2025, which the dataset does not have yet, so the latest year 2024 is used; was the textbook's
// 429 g CO2e/kWh before the grid came from datasets by year); H100 164 kg CO2e embodied (NVIDIA HGX H100 PCF ÷ 8);
// set in the scenario: PUE 1.12, IT overhead 1.375, lifespan 4 years = 35,040 h):
//   experimentation  energy_kwh 40 (whole server, no overhead) × 1.12 = 44.8 kWh; op 44.8 × 0.3835492 kg;
//                    embodied 8 × (164 + 2,500 / 8) × 20 h / 35,040 h (GPU + share of the 8-GPU server)
//   training         CodeCarbon: last snapshot of the run, energy_consumed / pue (its PUE divided
//                    out) = IT energy (whole server, no overhead) × 1.12; hours = duration / 3600
//   inference        nvidia-smi: trapezoid rule over the power samples ([N/A] skipped) = GPU energy
//                    × 1.375 (overhead) × 1.12; hours = last − first timestamp; 1 GPU; 6,000 requests
//   per FU (1,000 requests; paper §3.3): marginal = inference op / 6,000 × 1,000;
//                    embodied = inference embodied / 6,000 × 1,000;
//                    amortized = (experimentation + training) / (5e7 / 1,000) functional units
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelCard } from '../../src/report/card-schema.js';
import { nb } from '../report/nbsp.js';
import { ROOT, runDist, tempDir } from './helpers.js';

const H = 35_040; // 4 years × 8,760 h
const CI = 0.3835492; // kg CO2e per kWh (OWID United States 2024)
const PUE = 1.12;
/** Per accelerator: H100 164 kg (NVIDIA HGX H100 PCF ÷ 8) + its share of the bundled 8-GPU server default, 2,500 kg ÷ 8 (BLOOM). */
const EMB = 164 + 2500 / 8;

/** CodeCarbon: the run's last cumulative row, by header name. */
function codecarbonByHand(file: string): { itKwh: number; hours: number } {
  const [head, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
  const cols = head!.split(',');
  const last = rows.at(-1)!.split(',');
  const v = (name: string) => Number(last[cols.indexOf(name)]);
  return { itKwh: v('energy_consumed') / v('pue'), hours: v('duration') / 3600 };
}

/** nvidia-smi: trapezoid over consecutive valid samples. */
function nvidiaSmiByHand(file: string): { deviceKwh: number; hours: number } {
  const samples = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(', '))
    .map(([t, , , p]) => ({ t: Date.parse(`${t!.replaceAll('/', '-').replace(' ', 'T')}Z`) / 1000, p: p!.endsWith(' W') ? Number(p!.slice(0, -2)) : null }));
  const valid = samples.filter((x): x is { t: number; p: number } => x.p !== null);
  let wh = 0;
  for (let i = 1; i < valid.length; i++) wh += ((valid[i - 1]!.p + valid[i]!.p) / 2) * ((valid[i]!.t - valid[i - 1]!.t) / 3600);
  return { deviceKwh: wh / 1000, hours: (samples.at(-1)!.t - samples[0]!.t) / 3600 };
}

const train = codecarbonByHand(path.join(ROOT, 'examples/logs/training/emissions.csv'));
const infer = nvidiaSmiByHand(path.join(ROOT, 'examples/logs/inference/gpu_power.csv'));
const expected = {
  experimentation: { it: 40, energy: 40 * PUE, emb: (8 * EMB * 20) / H },
  training: { it: train.itKwh, energy: train.itKwh * PUE, emb: (8 * EMB * train.hours) / H },
  inference: { it: infer.deviceKwh * 1.375, energy: infer.deviceKwh * 1.375 * PUE, emb: (1 * EMB * infer.hours) / H },
};
const op = (s: keyof typeof expected) => expected[s].energy * CI;
const upfrontKg = op('experimentation') + expected.experimentation.emb + op('training') + expected.training.emb;
const marginalG = ((op('inference') * 1000) / 6000) * 1000;
const embodiedG = ((expected.inference.emb * 1000) / 6000) * 1000;
const amortizedG = (upfrontKg * 1000) / (5e7 / 1000);

/** The example's layout (scenarios/ next to logs/) in a temporary directory, `from` replaced by `to` in scenarios/lca.yml. */
function exampleCopy(from: string, to: string): string {
  const dir = tempDir();
  const text = readFileSync(path.join(ROOT, 'examples/scenarios/chat-model.yml'), 'utf8');
  expect(text).toContain(from);
  for (const f of ['logs/training/emissions.csv', 'logs/inference/gpu_power.csv']) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    copyFileSync(path.join(ROOT, 'examples', f), path.join(dir, f));
  }
  mkdirSync(path.join(dir, 'scenarios'));
  writeFileSync(path.join(dir, 'scenarios/lca.yml'), text.replace(from, to));
  return dir;
}

/** A result as the CLI prints it: 3 significant figures, no trailing zeros (9.80 -> 9.8). */
const sig3 = (x: number): string => String(Number(x.toPrecision(3)));

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
    // the logs say: 10.738206844444445 kWh at PUE 1.1 -> 9.762 kWh IT; ~0.0913 kWh GPU energy
    expect(train.itKwh).toBeCloseTo(9.762006, 5);
    expect(infer.deviceKwh).toBeCloseTo(0.0913, 3);
    for (const [name, e] of Object.entries(expected)) {
      const s = card.stages[name]!;
      expect(s.it_energy_kwh, `${name} it_energy_kwh`).toBeCloseTo(e.it, 6);
      expect(s.energy_kwh, `${name} energy_kwh`).toBeCloseTo(e.energy, 6);
      expect(s.operational_co2e_kg, `${name} operational`).toBeCloseTo(e.energy * CI, 6);
      expect(s.embodied_co2e_kg, `${name} embodied`).toBeCloseTo(e.emb, 6);
    }
    expect(card.stages.training!.energy_scope).toBe('host');
    expect(card.stages.inference!.energy_scope).toBe('device');
    expect(card.sources.map((x) => x.path)).toEqual(['examples/logs/training/emissions.csv', 'examples/logs/inference/gpu_power.csv']);
    expect(card.totals.co2e_kg).toBeCloseTo(upfrontKg + op('inference') + expected.inference.emb, 6);
    expect(card.per_functional_unit.marginal_co2e_g).toBeCloseTo(marginalG, 6);
    expect(card.per_functional_unit.embodied_co2e_g).toBeCloseTo(embodiedG, 6);
    expect(card.per_functional_unit.amortized_co2e_g).toBeCloseTo(amortizedG, 6);
    expect(card.per_functional_unit.co2e_g).toBeCloseTo(marginalG + embodiedG + amortizedG, 6);
    // ~9.84 g is above the scenario's warn level (9) and below max (15): verdict warn, exit 0.
    expect(marginalG + embodiedG + amortizedG).toBeGreaterThan(9);
    expect(card.verdict).toBe('warn');
    // Hugging Face block: operational CO2e of the up-front stages in grams, embodied excluded.
    expect(card.hf_co2_eq_emissions.emissions).toBeCloseTo((op('experimentation') + op('training')) * 1000, 3);
    // On-site water: IT energy × WUE 0.5 L/kWh (49.89 kWh -> 24.94 L; no off-site water in the example).
    const itKwh = expected.experimentation.it + expected.training.it + expected.inference.it;
    expect(card.totals.water_l).toBeCloseTo(itKwh * 0.5, 6);
    expect(card.totals.water_l.toFixed(2)).toBe('24.94');
    // 3 significant figures, a non-breaking space before the unit (the report's number style)
    expect(r.stdout).toContain(`ml-lca: chat-7b: WARN: ${(marginalG + embodiedG + amortizedG).toPrecision(3)}\u00a0g CO2e per functional unit`);
    expect(r.stdout).toContain(`wrote ${path.join(out, 'model-card.json')}`);
    const md = readFileSync(path.join(out, 'report.md'), 'utf8');
    expect(md.split('\n')[0]).toBe('## ⚠️ ml-lca: chat-7b: WARN — CO2e per FU is above its warning level');
  });

  it('exits 1 on a budget overrun, after writing the card and the report', () => {
    const dir = exampleCopy('{ metric: per_functional_unit.co2e_g, max: 15, warn: 9 }', '{ metric: per_functional_unit.co2e_g, max: 5 }');
    const r = runDist(['report', '--scenario', 'scenarios/lca.yml', '--out', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL');
    const card = readCard(path.join(dir, 'out'));
    expect(card.verdict).toBe('fail');
    expect(card.budgets.find((b) => b.status === 'fail')?.metric).toBe('per_functional_unit.co2e_g');
    expect(readFileSync(path.join(dir, 'out/report.md'), 'utf8')).toMatch(/^## ❌ ml-lca: chat-7b: FAIL/);
    // --budget-mode warn: same verdict, exit 0
    const w = runDist(['report', '--scenario', 'scenarios/lca.yml', '--out', 'out2', '--budget-mode', 'warn'], dir);
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
    // The demo is the chat-model example: the hand calculation above, ~9.84 g, WARN (warn level 9,
    // max 15); assessed stages = the card's total. 3 significant figures, NBSP before the unit.
    const perFuG = marginalG + embodiedG + amortizedG;
    const totalKg = upfrontKg + op('inference') + expected.inference.emb;
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      `ml-lca demo: ${path.join(ROOT, 'examples/scenarios/chat-model.yml')}`,
      nb(`ml-lca: chat-7b: WARN: ${sig3(perFuG)} g CO2e per functional unit (1,000 chat requests served); ${sig3(totalKg)} kg CO2e over the assessed stages`),
      nb(`  warn: per_functional_unit.co2e_g = ${sig3(perFuG)} g CO2e exceeds the warning level of 9 g CO2e (limit 15 g CO2e)`),
    ]);
    const card = readCard(path.join(dir, 'demo-out'));
    expect(card.scenario.name).toBe('chat-7b');
    expect(card.verdict).toBe('warn');
    expect(card.per_functional_unit.co2e_g).toBeCloseTo(perFuG, 6);
    expect(existsSync(path.join(dir, 'demo-out/report.md'))).toBe(true);
  });
});

describe('node dist/cli.js compare', () => {
  it('compares two cards (a summary line and a plain table, JSON, markdown)', () => {
    // Head: the example with 50 kWh of experimentation instead of 40. +10 kWh × PUE 1.12 = +11.2 kWh
    // facility energy; × 0.3835492 kg/kWh = +4.2958 kg CO2e; nothing else changes.
    const dir = exampleCopy('energy_kwh: 40', 'energy_kwh: 50');
    expect(runDist(['report', '--scenario', 'examples/scenarios/chat-model.yml', '--out', path.join(dir, 'base')], ROOT).code).toBe(0);
    expect(runDist(['report', '--scenario', 'scenarios/lca.yml', '--out', 'head'], dir).code).toBe(0);
    const j = runDist(['compare', 'base/model-card.json', 'head/model-card.json', '--json'], dir);
    expect(j.code).toBe(0);
    const c = JSON.parse(j.stdout) as {
      comparable: boolean;
      consistency: string[];
      metrics: Array<{ metric: string; base: number; head: number; delta: number; delta_pct: number | null }>;
    };
    const metric = (name: string) => c.metrics.find((x) => x.metric === name)!;
    const baseKg = upfrontKg + op('inference') + expected.inference.emb;
    const deltaKg = 10 * PUE * CI;
    expect(metric('totals.co2e_kg')).toMatchObject({ base: expect.closeTo(baseKg, 6), head: expect.closeTo(baseKg + deltaKg, 6) });
    expect(metric('totals.co2e_kg').delta).toBeCloseTo(deltaKg, 9);
    expect(metric('totals.co2e_kg').delta_pct).toBeCloseTo((deltaKg / baseKg) * 100, 6);
    expect(metric('totals.energy_kwh').delta).toBeCloseTo(11.2, 9);
    expect(metric('stages.experimentation.co2e_kg').delta).toBeCloseTo(deltaKg, 9);
    expect(metric('stages.inference.co2e_kg').delta).toBe(0);
    // amortized over 5e7 / 1,000 = 50,000 FUs: +4,295.75 g / 50,000 = +0.0859 g per FU
    expect(metric('per_functional_unit.co2e_g').delta).toBeCloseTo((deltaKg * 1000) / 50_000, 9);
    expect(c.comparable).toBe(true);
    expect(c.consistency).toEqual([]);
    // A terminal: the per-FU change first (+0.0859 g of 9.84 g = +0.9 %, inside the 2 % floor), then
    // a plain table. Beyond noise: the six totals that follow experimentation energy (CO2e,
    // operational, facility and IT energy, water, cost), amortized per FU (+18.1 %) and the four
    // experimentation rows: 11 of 27 (per-FU and lifetime values move +0.9 %, within the floor).
    const perFuG = marginalG + embodiedG + amortizedG;
    const dPerFuG = (deltaKg * 1000) / 50_000;
    const text = runDist(['compare', 'base/model-card.json', 'head/model-card.json'], dir);
    expect(text.code).toBe(0);
    const lines = text.stdout.split('\n');
    expect(lines[0]).toBe(
      nb(
        `per FU ${sig3(perFuG)} → ${sig3(perFuG + dPerFuG)} g CO2e, +${((dPerFuG / perFuG) * 100).toFixed(1)} %, within noise; 11 of 27 metrics changed beyond noise`,
      ),
    );
    expect(lines[3]).toBe('same functional unit and system boundary as the base; lower is better for every metric');
    expect(text.stdout).toMatch(/^metric +unit +base +head +Δ +Δ % +change$/m);
    const totalRow = `^total CO2e +kg CO2e +${sig3(baseKg)} +${sig3(baseKg + deltaKg)} +\\+${sig3(deltaKg)} +\\+${((deltaKg / baseKg) * 100).toFixed(1)}\u00a0% +worse$`;
    expect(text.stdout).toMatch(new RegExp(totalRow, 'm'));
    expect(text.stdout).not.toMatch(/[|`*]/);
    const md = runDist(['compare', 'base/model-card.json', 'head/model-card.json', '--markdown'], dir);
    expect(md.stdout).toMatch(/^\| metric \(unit\) +\| +base \| +head \| +Δ \| +Δ % \| change +\|$/m);
    expect(md.stdout).toMatch(
      new RegExp(
        `^\\| total CO2e \\(kg CO2e\\) +\\| +${sig3(baseKg)} \\| +${sig3(baseKg + deltaKg)} \\| +\\+${sig3(deltaKg)} \\| +\\+${((deltaKg / baseKg) * 100).toFixed(1)}\u00a0% \\| worse +\\|$`,
        'm',
      ),
    );
    // Different functional units: the comparison must say so.
    expect(
      runDist(['report', '--scenario', 'examples/scenarios/finetune-small.yml', '--out', path.join(dir, 'other'), '--budget-mode', 'off'], ROOT).code,
    ).toBe(0);
    const other = JSON.parse(runDist(['compare', 'base/model-card.json', 'other/model-card.json', '--json'], dir).stdout) as typeof c;
    expect(other.comparable).toBe(false);
    expect(other.consistency.join(' ')).toContain(
      'Functional unit differs: base "1,000 chat requests served" (1,000 inferences) vs head "1,000 support tickets classified" (1,000 inferences)',
    );
    // A terminal: not comparable (different functional units) said first, then a plain table.
    const otherText = runDist(['compare', 'base/model-card.json', 'other/model-card.json'], dir);
    expect(otherText.code).toBe(0);
    expect(otherText.stdout.split('\n')[0]).toBe(
      'not comparable with the base: Functional unit differs: base "1,000 chat requests served" (1,000 inferences) vs head "1,000 support tickets classified" (1,000 inferences); per-functional-unit results are not comparable.',
    );
    expect(otherText.stdout).toMatch(/^metric +unit +base +head +Δ +Δ % +change$/m);
    expect(otherText.stdout).not.toMatch(/[|`*]/);
    const bad = runDist(['compare', 'base/model-card.json', 'missing.json'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('missing.json');
  });
});
