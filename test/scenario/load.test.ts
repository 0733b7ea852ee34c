import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { memoryIo, nodeIo } from '../../src/io.js';
import { keysAt, loadScenario, parseScenario } from '../../src/scenario/load.js';
import { editDistance, suggest } from '../../src/scenario/suggest.js';

const FIX = path.resolve(__dirname, '../fixtures/scenario');
const fixture = (f: string) => readFileSync(path.join(FIX, f), 'utf8');

const MINIMAL = `name: t
functional_unit: { description: "one request", inferences: 1 }
deployment: { lifetime_inferences: 1000 }
hardware: { model: H100 }
stages:
  training: { hours: 1 }
`;

/** Run `fn`, return the InputError it throws (fails the test when it does not throw one). */
function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('parseScenario: valid files', () => {
  it('reads the design.md example with every normative key', () => {
    const s = parseScenario(fixture('full.yml'), 'full.yml');
    expect(s.name).toBe('olmo2-7b-chat');
    expect(s.deployment.lifetime_inferences).toBe(5e9);
    expect(s.hardware).toEqual({ model: 'H100-SXM', count: 8, power_w: 700, embodied_kg: 164, lifespan_years: 4 });
    expect(s.stages.inference).toEqual({ logs: ['bench/power.csv'], inferences: 1_000_000, hours: 10 });
    expect(s.budgets).toHaveLength(3);
    expect(s.budgets[2]).toEqual({ metric: 'per_functional_unit.co2e_g', max_increase_pct: 10 });
  });

  it('reads JSON and applies defaults (count 1, empty grid, no budgets)', () => {
    const s = parseScenario(fixture('full.json'), 'full.json');
    expect(s.hardware.count).toBe(4);
    expect(s.grid).toEqual({ region: 'FR' });
    expect(s.budgets).toEqual([]);
    const m = parseScenario(MINIMAL, 'm.yml');
    expect(m.hardware.count).toBe(1);
    expect(m.grid).toEqual({});
  });

  it('reads a Prometheus job window given as unquoted YAML epochs (numbers) or ISO text', () => {
    const text = MINIMAL.replace(
      'training: { hours: 1 }',
      'training: { prometheus: { url: "http://127.0.0.1:9090", selector: \'{job="t"}\', job_window: { start: 1773014400, end: 2026-03-09T06:00:00Z } } }',
    );
    const s = parseScenario(text, 'p.yml');
    expect(s.stages.training?.prometheus?.job_window).toEqual({ start: 1773014400, end: '2026-03-09T06:00:00Z' });
  });

  it('treats text starting with { as JSON when the name has no extension', () => {
    expect(parseScenario(fixture('full.json'), 'scenario').name).toBe('json-scenario');
  });
});

describe('parseScenario: errors name file, line, field, expected and got', () => {
  it.each([
    // [fixture, code, line, field, expected-fragment, got-fragment]
    ['syntax-error.yml', 'SCENARIO_SYNTAX', 5, undefined, 'valid YAML', 'flow sequence'],
    ['syntax-error.json', 'SCENARIO_SYNTAX', 3, undefined, 'valid JSON', undefined],
    ['duplicate-key.yml', 'SCENARIO_SYNTAX', 2, undefined, 'valid YAML', 'duplicate key'],
    ['unknown-key.yml', 'SCENARIO_UNKNOWN_KEY', 13, 'stages.training.energy_kwhh', 'a known key', 'energy_kwhh'],
    ['wrong-type.yml', 'SCENARIO_INVALID', 6, 'deployment.lifetime_inferences', 'number', '"lots"'],
  ])('%s -> %s at line %s', (file, code, line, field, expected, got) => {
    const e = inputError(() => parseScenario(fixture(file), file));
    expect(e.code).toBe(code);
    expect(e.file).toBe(file);
    expect(e.line).toBe(line);
    expect(e.field).toBe(field);
    expect(e.expected).toContain(expected);
    if (got) expect(e.got).toContain(got);
  });

  it('suggests the nearest key for a typo', () => {
    const e = inputError(() => parseScenario(fixture('unknown-key.yml'), 'unknown-key.yml'));
    expect(e.hint).toBe('did you mean "energy_kwh"?');
    expect(e.message).toBe(
      'unknown-key.yml: line 13: stages.training.energy_kwhh: expected a known key, got unknown key "energy_kwhh" (did you mean "energy_kwh"?)',
    );
  });

  it.each([
    ['top level', 'functionl_unit: 3\n', 'functionl_unit', 'functional_unit'],
    ['grid', 'grid: { regoin: US }\n', 'grid.regoin', 'region'],
    ['grid intensity', 'grid: { intensity: 20 }\n', 'grid.intensity', 'intensity_g_per_kwh'],
    ['hardware', 'hardware: { model: H100, cuont: 2 }\n', 'hardware.cuont', 'count'],
    ['budget (union branch)', 'budgets:\n  - { metric: totals.co2e_kg, maxx: 3 }\n', 'budgets[0].maxx', 'max'],
    ['regression budget', 'budgets:\n  - { metric: totals.co2e_kg, max_increase: 3 }\n', 'budgets[0].max_increase', 'max_increase_pct'],
    ['pue typo', 'peu: 1.2\n', 'peu', 'pue'],
  ])('unknown key in %s', (_what, extra, field, hint) => {
    const text = MINIMAL.replace('hardware: { model: H100 }\n', extra.startsWith('hardware') ? '' : 'hardware: { model: H100 }\n') + extra;
    const e = inputError(() => parseScenario(text, 's.yml'));
    expect(e.code).toBe('SCENARIO_UNKNOWN_KEY');
    expect(e.field).toBe(field);
    expect(e.hint).toBe(`did you mean "${hint}"?`);
    expect(e.line).toBeGreaterThan(0);
  });

  it('explains a budget that mixes two kinds', () => {
    const text = `${MINIMAL}budgets:\n  - metric: totals.co2e_kg\n    max: 10\n    max_increase_pct: 5\n`;
    const e = inputError(() => parseScenario(text, 's.yml'));
    expect(e.code).toBe('SCENARIO_UNKNOWN_KEY');
    expect(e.field).toMatch(/^budgets\[0\]\.(max|max_increase_pct)$/);
    expect(e.line).toBe(e.field === 'budgets[0].max' ? 9 : 10);
    expect(e.expected).toContain('regression {metric, max_increase_pct, warn_increase_pct}');
    expect(e.hint).toBe('split it into two budgets');
  });

  it('gives no suggestion for a key far from every allowed key', () => {
    const e = inputError(() => parseScenario(`${MINIMAL}zzzzzzzzzz: 1\n`, 's.yml'));
    expect(e.code).toBe('SCENARIO_UNKNOWN_KEY');
    expect(e.hint).toBeUndefined();
  });

  it.each([
    ['missing required key', MINIMAL.replace('name: t\n', ''), 'name', 'a text', 'nothing'],
    ['negative energy', MINIMAL.replace('{ hours: 1 }', '{ energy_kwh: -5 }'), 'stages.training.energy_kwh', 'a number of 0 or more', '-5'],
    ['pue below 1', `${MINIMAL}pue: 0.9\n`, 'pue', 'a number of at least 1', '0.9'],
    ['budget warn above max', `${MINIMAL}budgets:\n  - { metric: totals.co2e_kg, max: 10, warn: 20 }\n`, 'budgets[0].warn', 'warn level <= max (10)', '20'],
    ['bad stage name', MINIMAL.replace('training:', '"bad name":'), 'stages.bad name', 'stage name of 1–40 letters', '"bad name"'],
    ['no stages', MINIMAL.replace('stages:\n  training: { hours: 1 }\n', 'stages: {}\n'), 'stages', 'at least one stage', undefined],
    ['count not integer', MINIMAL.replace('{ model: H100 }', '{ model: H100, count: 1.5 }'), 'hardware.count', 'a whole number', '1.5'],
    ['hf.stages naming no stage', `${MINIMAL}hf: { stages: [training, trainnig] }\n`, 'hf.stages[1]', 'a stage of this scenario (training)', '"trainnig"'],
    [
      'hf.training_type not a Hub value',
      `${MINIMAL}hf: { training_type: pretraining }\n`,
      'hf.training_type',
      'one of "pre-training", "fine-tuning"',
      '"pretraining"',
    ],
    ['utilization above 1', MINIMAL.replace('{ model: H100 }', '{ model: H100, utilization: 85 }'), 'hardware.utilization', 'a number of at most 1', '85'],
    [
      'devices_per_host 0',
      MINIMAL.replace('{ model: H100 }', '{ model: H100, devices_per_host: 0 }'),
      'hardware.devices_per_host',
      'a number greater than 0',
      '0',
    ],
    [
      'lifetime shorter than one functional unit',
      MINIMAL.replace('inferences: 1 }', 'inferences: 1000 }').replace('lifetime_inferences: 1000', 'lifetime_inferences: 500'),
      'deployment.lifetime_inferences',
      'a number of at least functional_unit.inferences (1,000)',
      '500',
    ],
  ])('%s', (_what, text, field, expected, got) => {
    const e = inputError(() => parseScenario(text, 's.yml'));
    expect(e.code).toBe('SCENARIO_INVALID');
    expect(e.field).toBe(field);
    expect(e.expected).toContain(expected);
    if (got !== undefined) expect(e.got).toBe(got);
  });

  // Issue 12: no validator jargon ("Too small: expected number to be >0", "expected record"),
  // YAML's .nan / .inf named as such (not "null").
  it.each([
    ['zero inferences per unit', MINIMAL.replace('inferences: 1 }', 'inferences: 0 }'), 'functional_unit.inferences', 'a number greater than 0', '0'],
    ['.nan', MINIMAL.replace('{ hours: 1 }', '{ hours: .nan }'), 'stages.training.hours', 'a number', '.nan (not a number)'],
    ['.inf', MINIMAL.replace('{ hours: 1 }', '{ energy_kwh: .inf }'), 'stages.training.energy_kwh', 'a number', '.inf (infinity)'],
    ['no stages key', MINIMAL.replace('stages:\n  training: { hours: 1 }\n', ''), 'stages', 'a mapping (name: value pairs)', 'nothing'],
    [
      'a list where a mapping belongs',
      MINIMAL.replace('hardware: { model: H100 }', 'hardware: [H100]'),
      'hardware',
      'a mapping (key: value pairs)',
      '["H100"]',
    ],
    ['empty name', MINIMAL.replace('name: t', 'name: ""'), 'name', 'a non-empty text', '""'],
    [
      'unknown enum value',
      `${MINIMAL}budgets:\n  - { scope: team, period: week, max: 1 }\n`,
      'budgets[0].period',
      'one of "month", "quarter", "year"',
      '"week"',
    ],
  ])('says what was expected in plain words: %s', (_what, text, field, expected, got) => {
    const e = inputError(() => parseScenario(text, 's.yml'));
    expect(e.field).toBe(field);
    expect(e.expected).toBe(expected);
    expect(e.got).toBe(got);
    expect(e.message).not.toMatch(/Too small|Too big|Invalid input|expected (number|record|string|object|int)\b|>=|>0/);
    expect(e.line).toBeGreaterThan(0);
  });

  it('rejects an unknown grid region with a suggestion, and accepts it with an explicit intensity', () => {
    const text = MINIMAL.replace('hardware:', 'grid: { region: "aws:us-est-1" }\nhardware:');
    const e = inputError(() => parseScenario(text, 's.yml'));
    expect(e.field).toBe('grid.region');
    expect(e.line).toBe(4);
    expect(e.hint).toBe('did you mean "aws:us-east-1"?');
    const ok = parseScenario(MINIMAL.replace('hardware:', 'grid: { region: "my-dc", intensity_g_per_kwh: 300 }\nhardware:'), 's.yml');
    expect(ok.grid.intensity_g_per_kwh).toBe(300);
  });

  it('rejects an intensity range that does not contain the central value', () => {
    const text = MINIMAL.replace('hardware:', 'grid: { intensity_g_per_kwh: 300, intensity_low_g_per_kwh: 350 }\nhardware:');
    expect(inputError(() => parseScenario(text, 's.yml')).field).toBe('grid.intensity_low_g_per_kwh');
  });

  it.each([
    ['an empty file', ''],
    ['a list', '- a\n- b\n'],
    ['a scalar', 'hello\n'],
  ])('rejects %s as a scenario', (_what, text) => {
    const e = inputError(() => parseScenario(text, 's.yml'));
    expect(e.code).toBe('SCENARIO_INVALID');
    expect(e.expected).toContain('mapping');
  });
});

describe('loadScenario', () => {
  it('reads through Io', async () => {
    const io = memoryIo({ '/w/lca.yml': MINIMAL });
    expect((await loadScenario('/w/lca.yml', io)).name).toBe('t');
  });

  it('names a missing file (FILE_NOT_FOUND)', async () => {
    const err = await loadScenario('/nope/lca.yml', nodeIo()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe('FILE_NOT_FOUND');
    expect((err as InputError).file).toBe('/nope/lca.yml');
    expect((err as InputError).message).toContain('/nope/lca.yml');
  });

  it('reads a real file from disk', async () => {
    const s = await loadScenario(path.join(FIX, 'full.yml'), nodeIo());
    expect(s.functional_unit.inferences).toBe(1000);
  });
});

describe('suggest and keysAt', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['PUE', 'pue', 0],
    ['flaw', 'lawn', 2],
  ])('editDistance(%s, %s) = %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it('keysAt walks records, arrays and unions', () => {
    expect(keysAt([])).toContain('functional_unit');
    expect(keysAt(['stages', 'anything'])).toEqual(expect.arrayContaining(['logs', 'energy_kwh', 'hours', 'inferences']));
    expect(keysAt(['budgets', 0])).toEqual(expect.arrayContaining(['max', 'warn', 'max_increase_pct', 'period']));
    expect(keysAt(['grid'])).toContain('intensity_g_per_kwh');
    expect(keysAt(['nope'])).toEqual([]);
  });

  it('suggests only plausible typos', () => {
    expect(suggest('hrs', ['hours', 'logs'])).toBe('hours');
    expect(suggest('completely_different', ['hours', 'logs'])).toBeUndefined();
  });
});
