// Issue 12 "Must show", on the BUILT CLI (`node dist/cli.js`, a child process): a broken or
// missing measurement never passes green. Each case is one a new user hit: it used to print
// PASS and exit 0 (or hang), even under a budget of 0.000001 kg.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelCard } from '../../src/report/card-schema.js';
import { ROOT, runDist, tempDir } from './helpers.js';

const FIXTURES = path.join(ROOT, 'test/fixtures');
const CODECARBON = path.join(ROOT, 'examples/logs/training/emissions.csv');

/** A scenario with one stage; budget 0.000001 kg, so only a broken gate could pass it. */
function scenario(stages: string, o: { fu?: number; lifetime?: number; model?: string } = {}): string {
  return [
    'name: t',
    `functional_unit: { description: "1,000 requests", inferences: ${o.fu ?? 1000} }`,
    `deployment: { lifetime_inferences: ${o.lifetime ?? 5.0e7} }`,
    'grid: { region: US }',
    `hardware: { model: ${o.model ?? 'H100-SXM'}, count: 1 }`,
    'stages:',
    ...stages.split('\n').map((l) => `  ${l}`),
    'budgets:',
    '  - { metric: totals.co2e_kg, max: 0.000001 }',
    '',
  ].join('\n');
}

/** A directory holding lca.yml and the given logs (fixture path -> name in the directory). */
function workspace(stages: string, logs: Record<string, string> = {}, o: Parameters<typeof scenario>[1] = {}): string {
  const dir = tempDir('ml-lca-fail-closed-');
  writeFileSync(path.join(dir, 'lca.yml'), scenario(stages, o));
  for (const [name, from] of Object.entries(logs)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    copyFileSync(from, path.join(dir, name));
  }
  return dir;
}

function report(dir: string, extra: string[] = []) {
  return runDist(['report', '--scenario', 'lca.yml', '--out', 'out', ...extra], dir);
}

function card(dir: string): ModelCard {
  return ModelCard.parse(JSON.parse(readFileSync(path.join(dir, 'out/model-card.json'), 'utf8')));
}

function expectIncomplete(dir: string, r: ReturnType<typeof report>, stage: string, file: string | null, reason: string, fix: string) {
  expect(r.stderr).not.toMatch(/internal error/);
  expect(r.code).toBe(1);
  const first = r.stdout.split('\n')[0] ?? '';
  expect(first).toMatch(new RegExp(`^ml-lca: t: INCOMPLETE: stage ${stage}: ${file ? `${file.replace(/[.*]/g, '\\$&')}: ` : ''}`));
  expect(first).toContain(reason);
  expect(first).toContain(`Fix: ${fix}`);
  expect(r.stdout).not.toMatch(/PASS/);
  const c = card(dir);
  expect(c.verdict).toBe('incomplete');
  expect(c.stages[stage]?.completeness).toMatchObject({ status: 'incomplete', file });
  const md = readFileSync(path.join(dir, 'out/report.md'), 'utf8').split('\n');
  // The verdict with its reason in one line, then the stage, the file and the fix.
  expect(md[0]).toBe(`## ⛔ ml-lca: t: INCOMPLETE — the energy of stage \`${stage}\` could not be determined, so this check cannot pass`);
  expect(md.slice(0, 6).join('\n')).toContain(`- ⛔ **${stage}**`);
}

describe('node dist/cli.js report: a stage whose energy cannot be determined is INCOMPLETE, exit 1', () => {
  it('a power log without timestamps (nvidia-smi --query-gpu=power.draw) names the stage, the file and --interval / interval_s', () => {
    const dir = workspace('inference: { logs: ["gpu.csv"], inferences: 6000 }', { 'gpu.csv': path.join(FIXTURES, 'nvidia-smi/power-only-no-timestamp.csv') });
    const r = report(dir);
    expectIncomplete(
      dir,
      r,
      'inference',
      'gpu.csv',
      '120 power samples have no timestamp',
      'set stages.inference.interval_s to the logging interval in seconds',
    );
    // One statement on stderr, not three contradicting ones ("estimated from hours", "counted as 0").
    expect(r.stderr).not.toMatch(/estimated from hours|counted as 0/);
    // The fix works: with interval_s the same log is measured (and now the tiny budget fails).
    writeFileSync(path.join(dir, 'lca.yml'), scenario('inference: { logs: ["gpu.csv"], inferences: 6000, interval_s: 1 }'));
    const fixed = report(dir);
    expect(fixed.code).toBe(1);
    expect(fixed.stdout.split('\n')[0]).toMatch(/^ml-lca: t: FAIL: /);
    expect(card(dir).stages.inference?.completeness?.status).toBe('measured');
  });

  it('a CodeCarbon CSV with a header and no rows', () => {
    const dir = workspace('training: { logs: ["emissions.csv"] }', { 'emissions.csv': path.join(FIXTURES, 'codecarbon/header-only.csv') });
    expectIncomplete(
      dir,
      report(dir),
      'training',
      'emissions.csv',
      'the CodeCarbon file has a header but no rows',
      'CodeCarbon writes a row when the tracker stops',
    );
  });

  it('a stage with no energy source at all (training: {})', () => {
    const dir = workspace('training: {}');
    expectIncomplete(
      dir,
      report(dir),
      'training',
      null,
      'the stage names no source of energy',
      'add stages.training.logs (a power or CodeCarbon log), stages.training.energy_kwh, or stages.training.hours',
    );
  });

  it.each([
    ['all [N/A]', 'all-na.csv', '10 not available'],
    ['all NaN', 'all-nan.csv', '10 not available'],
    ['all +Inf', 'all-inf.csv', '10 not available'],
    ['all overflowing (1e999)', 'all-overflow.csv', '10 infinite'],
    ['all negative', 'all-negative.csv', '10 negative'],
  ])('power values %s', (_what, fixture, reason) => {
    const dir = workspace('training: { logs: ["gpu.csv"] }', { 'gpu.csv': path.join(FIXTURES, 'nvidia-smi', fixture) });
    expectIncomplete(dir, report(dir), 'training', 'gpu.csv', reason, 'check the power column');
  });

  it('a single power sample', () => {
    const dir = workspace('training: { logs: ["gpu.csv"] }', { 'gpu.csv': path.join(FIXTURES, 'nvidia-smi/single-sample.csv') });
    expectIncomplete(dir, report(dir), 'training', 'gpu.csv', 'a single power sample', 'log power for the whole run (at least two samples)');
  });

  it('1,000 samples with one identical timestamp', () => {
    const dir = workspace('training: { logs: ["gpu.csv"] }', { 'gpu.csv': path.join(FIXTURES, 'nvidia-smi/identical-timestamps.csv') });
    expectIncomplete(dir, report(dir), 'training', 'gpu.csv', 'all 1000 power samples share one timestamp', 'check the timestamp column');
  });

  it('budget-mode warn: still INCOMPLETE first, exit 0, and says so', () => {
    const dir = workspace('training: {}');
    const r = report(dir, ['--budget-mode', 'warn']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^ml-lca: t: INCOMPLETE: stage training: /);
    expect(r.stdout).toContain('budget-mode warn: the assessment is incomplete, exit code 0');
  });
});

describe('node dist/cli.js report: measurements counted right', () => {
  it('a log written newest first (700 W for 1 h) is 0.7 kWh, not 0', () => {
    const dir = workspace('training: { logs: ["gpu.csv"] }', { 'gpu.csv': path.join(FIXTURES, 'nvidia-smi/reversed.csv') });
    const r = report(dir);
    expect(r.code).toBe(1); // the 0.000001 kg budget fails: the energy is counted
    const c = card(dir);
    expect(c.verdict).toBe('fail');
    // 0.7 kWh GPU energy; IT overhead 1 (default); the stage is measured
    expect(c.stages.training?.it_energy_kwh).toBeCloseTo(0.7, 9);
    expect(c.stages.training?.completeness?.status).toBe('measured');
  });

  it('the same CodeCarbon run in two files of a stage counts once (9.76 kWh, not 19.52), naming both files', () => {
    const dir = workspace('training: { logs: ["runs/**/emissions.csv"] }', {
      'runs/train/emissions.csv': CODECARBON,
      'runs/train/copy/emissions.csv': CODECARBON,
    });
    const r = report(dir);
    const c = card(dir);
    // the example run: 10.738206844444445 kWh at PUE 1.1 -> 9.762006 kWh IT
    expect(c.stages.training?.it_energy_kwh).toBeCloseTo(10.738206844444445 / 1.1, 9);
    expect(r.stderr).toContain(
      'warning: training: runs/train/emissions.csv repeats run chat-7b-sft/0f6e4a52-8c1d-4d7e-9a3b-2b5c7e9d1f08 of runs/train/copy/emissions.csv over the same time: counted once (9.762 kWh not added again)',
    );
  });

  it('a rejected CodeCarbon row (negative energy) that changed the stage energy is on stdout and at the top of the report', () => {
    const dir = workspace('training: { logs: ["emissions.csv"] }', { 'emissions.csv': path.join(FIXTURES, 'codecarbon/negative-last-row.csv') });
    const r = report(dir);
    // the earlier snapshot counts: 8.053655133333333 / 1.1 kWh (−25 % of the run's 10.738 / 1.1)
    expect(card(dir).stages.training?.it_energy_kwh).toBeCloseTo(8.053655133333333 / 1.1, 9);
    expect(r.stdout).toContain(
      "  rejected rows: emissions.csv (stage training): 1 row rejected (negative energy_consumed), first at line 5: the stage's energy comes from the rest of the file",
    );
    const top = readFileSync(path.join(dir, 'out/report.md'), 'utf8').split('\n').slice(0, 6).join('\n');
    expect(top).toContain('- ✂️ `emissions.csv` (stage training): 1 row rejected \\(negative energy\\_consumed\\), first at line 5');
  });

  it('an energy_kwh stage is complete and labelled as an estimate', () => {
    const dir = workspace('training: { energy_kwh: 0 }');
    const r = report(dir);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^ml-lca: t: PASS: /);
    expect(card(dir).stages.training?.completeness).toEqual({
      status: 'estimate',
      reason: 'energy_kwh 0 stated in the scenario, not read from a log',
      file: null,
      fix: null,
    });
    expect(readFileSync(path.join(dir, 'out/report.md'), 'utf8')).toMatch(/^\| training +\| energy\\_kwh, whole server, estimate \|/m);
  });
});

describe('node dist/cli.js report: impossible or unusable input is exit 2, in plain words, with nothing written', () => {
  function expectBadInput(dir: string, r: ReturnType<typeof report>, message: string) {
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toBe(message);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  }

  it('a typo in hardware.model (H100-SMX) has a did-you-mean', () => {
    const dir = workspace('training: { hours: 10 }', {}, { model: 'H100-SMX' });
    expectBadInput(
      dir,
      report(dir),
      `ml-lca: ${path.join(dir, 'lca.yml')}: line 5: hardware.model: expected an accelerator model in the bundled data (e.g. H100-SXM, H100-PCIe, H100-NVL, H200-SXM), or custom hardware with its figures in the scenario (missing: hardware.power_w (stage(s) training are estimated from hours × count × power_w), hardware.embodied_kg, hardware.lifespan_years), got "H100-SMX" (did you mean "H100-SXM"?)`,
    );
  });

  it('custom hardware with every needed figure is accepted and labelled', () => {
    const dir = workspace('training: { hours: 10 }', {}, { model: 'Gaudi3, power_w: 900, embodied_kg: 200, lifespan_years: 5' });
    const r = report(dir, ['--budget-mode', 'off']);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'out/report.md'), 'utf8')).toContain('1 × Gaudi3 (custom hardware: its figures come from the scenario)');
  });

  it('a lifetime shorter than one functional unit (500 < 1,000)', () => {
    const dir = workspace('training: { energy_kwh: 1 }', {}, { lifetime: 500 });
    expectBadInput(
      dir,
      report(dir),
      `ml-lca: ${path.join(dir, 'lca.yml')}: line 3: deployment.lifetime_inferences: expected a number of at least functional_unit.inferences (1,000): over its life the model must serve at least one functional unit, got 500`,
    );
  });

  it('a per-inference stage with no energy source', () => {
    const dir = workspace('inference: { inferences: 6000 }');
    expectBadInput(
      dir,
      report(dir),
      `ml-lca: ${path.join(dir, 'lca.yml')}: line 7: stages.inference: expected a source of energy for a stage that serves inferences: logs, prometheus, energy_kwh or hours (or --log inference=GLOB), got inferences 6000 and no energy source`,
    );
  });

  it.each([
    ['overflow (energy_kwh: 1e308)', 'training: { energy_kwh: 1e308 }', 'stages.training.energy_kwh: expected a number small enough to compute with'],
    ['underflow (energy_kwh: 1e-320)', 'training: { energy_kwh: 1e-320 }', 'stages.training.energy_kwh: expected a number of ordinary size'],
    ['.nan', 'training: { energy_kwh: .nan }', 'stages.training.energy_kwh: expected a number, got .nan (not a number)'],
    ['.inf', 'training: { hours: .inf }', 'stages.training.hours: expected a number, got .inf (infinity)'],
    ['zero inferences per unit', 'training: { energy_kwh: 1 }', 'functional_unit.inferences: expected a number greater than 0, got 0'],
  ])('%s', (what, stages, message) => {
    const dir = workspace(stages, {}, what.startsWith('zero') ? { fu: 0 } : {});
    const r = report(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path.join(dir, 'lca.yml')}: line `);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/Too small|Invalid input|expected (number|record) to|got null/);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('a missing log names the scenario file, the stage and the pattern', () => {
    const dir = workspace('training: { logs: ["runs/*.csv"] }');
    expectBadInput(
      dir,
      report(dir),
      `ml-lca: ${path.join(dir, 'lca.yml')}: line 7: stages.training.logs[0]: expected a log file matching "runs/*.csv" (relative to ${dir}), got no matching file`,
    );
  });

  it('a scenario without stages says what a stage is, not "expected record"', () => {
    const dir = tempDir('ml-lca-fail-closed-');
    writeFileSync(path.join(dir, 'lca.yml'), scenario('training: {}').replace(/stages:\n {2}training: \{\}\n/, ''));
    expectBadInput(dir, report(dir), `ml-lca: ${path.join(dir, 'lca.yml')}: line 1: stages: expected a mapping (name: value pairs), got nothing`);
  });

  it.skipIf(!existsSync('/proc/self'))('--out /proc/x exits 2 at once (it used to hang), writing nothing', () => {
    const dir = workspace('training: { energy_kwh: 1 }');
    // A hang is killed by the timeout (status null): the test fails instead of waiting.
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'report', '--scenario', 'lca.yml', '--out', '/proc/x'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(
      /^ml-lca: --out: expected a directory ml-lca can create or write, got \/proc\/x \(\/proc does not accept new files: \w+\)$/,
    );
  });

  it('an existing directory where report.md should go is exit 2, with nothing written', () => {
    const dir = workspace('training: { energy_kwh: 1 }');
    mkdirSync(path.join(dir, 'out/report.md'), { recursive: true });
    const r = report(dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      `ml-lca: --out: expected a directory where report.md can be written, got ${path.join(dir, 'out')} (${path.join(dir, 'out/report.md')} is a directory)`,
    );
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['report.md']);
    expect(readdirSync(path.join(dir, 'out/report.md'))).toEqual([]);
  });
});
