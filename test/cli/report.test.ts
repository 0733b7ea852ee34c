// `ml-lca report` in process (src/): flags, baseline, output directory, terminal safety.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runInProcess, tempDir } from './helpers.js';

const SCENARIO = (name: string) =>
  `name: ${name}\nfunctional_unit: { description: "one answer", inferences: 1 }\ndeployment: { lifetime_inferences: 1000 }\n` +
  `grid: { intensity_g_per_kwh: 500 }\npue: 1.5\nhardware: { model: H100-SXM, count: 2, lifespan_years: 4 }\nstages: { training: { energy_kwh: 10, hours: 2 } }\n` +
  `budgets:\n  - { metric: totals.co2e_kg, max_increase_pct: 10 }\n`;

function setup(name = 'r'): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'lca.yml'), SCENARIO(name));
  return dir;
}

describe('ml-lca report (in process)', () => {
  it('writes both files and compares with --baseline', async () => {
    const dir = setup();
    expect((await runInProcess(['report', '--scenario', 'lca.yml', '--out', 'base'], dir)).code).toBe(0);
    // head: 20 kWh instead of 10 -> operational 20 × 1.5 × 0.5 = 15 kg instead of 7.5 kg
    writeFileSync(path.join(dir, 'lca.yml'), SCENARIO('r').replace('energy_kwh: 10', 'energy_kwh: 20'));
    const r = await runInProcess(['report', '--scenario', 'lca.yml', '--out', 'head', '--baseline', 'base/model-card.json'], dir);
    expect(r.code).toBe(1); // +~98 % > +10 % regression budget
    const card = JSON.parse(readFileSync(path.join(dir, 'head/model-card.json'), 'utf8')) as {
      comparison: { baseline: { source: string }; metrics: Array<{ metric: string; delta: number }> };
    };
    expect(card.comparison.baseline.source).toBe('file:base/model-card.json');
    expect(card.comparison.metrics.find((m) => m.metric === 'totals.operational_co2e_kg')!.delta).toBeCloseTo(7.5, 9);
    expect(readdirSync(path.join(dir, 'head')).sort()).toEqual(['lifetime.svg', 'model-card.json', 'report.md', 'stages.svg']);
  });

  it.each([
    ['not JSON', '{ nope', /base\.json: line 1: expected a model card JSON written by ml-lca, got invalid JSON \(a property name that is not in double quotes/],
    ['not a card', '{"schema_version": "1.0"}', /base\.json: tool: expected/],
  ])('a --baseline that is %s exits 2 and writes nothing', async (_what, text, message) => {
    const dir = setup();
    writeFileSync(path.join(dir, 'base.json'), text);
    const r = await runInProcess(['report', '--scenario', 'lca.yml', '--out', 'out', '--baseline', 'base.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('an --out that is a file exits 2 naming it', async () => {
    const dir = setup();
    writeFileSync(path.join(dir, 'taken'), 'x');
    const r = await runInProcess(['report', '--scenario', 'lca.yml', '--out', 'taken'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out: expected a directory ml-lca can create or write, got .*taken \(.*taken exists and is not a directory\)/);
  });

  it('keeps terminal escape sequences out of the summary line', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'lca.yml'), SCENARIO('"evil\\e[2Jname"'));
    const r = await runInProcess(['report', '--scenario', 'lca.yml', '--out', 'out'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ml-lca: evil [2Jname: PASS');
    expect(r.stdout).not.toContain('\u001b');
  });

  it('demo runs the bundled example from any directory', async () => {
    const dir = tempDir();
    const r = await runInProcess(['demo', '--out', 'o'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`ml-lca demo: ${path.join(ROOT, 'examples/scenarios/chat-model.yml')}`);
    expect(existsSync(path.join(dir, 'o/model-card.json'))).toBe(true);
  });
});
