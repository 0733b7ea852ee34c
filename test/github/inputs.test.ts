import { describe, expect, it } from 'vitest';
import { artifactNameFor, parseInputs, slug } from '../../src/github/inputs.js';
import { InputError } from '../../src/errors.js';

describe('parseInputs', () => {
  it('applies the documented defaults (action.yml) when inputs are empty, as core.getInput gives them', () => {
    const i = parseInputs({
      scenario: 'lca.yml',
      logs: '',
      'github-token': 't',
      baseline: '',
      'budget-mode': '',
      comment: '',
      'artifact-name': '',
      'working-directory': '',
      'hf-readme': '',
    });
    expect(i).toEqual({
      scenarios: ['lca.yml'],
      logs: [],
      token: 't',
      baseline: { kind: 'artifact' },
      budgetMode: 'fail',
      comment: 'always',
      artifactName: 'ml-lca-{scenario}',
      workingDirectory: '.',
      hfReadme: null,
      mode: 'assess',
      measureStage: 'training',
    });
  });

  it('mode: assess | measure-start; measure-stage: a stage name', () => {
    expect(parseInputs({ mode: 'measure-start', 'measure-stage': 'finetune' })).toMatchObject({ mode: 'measure-start', measureStage: 'finetune' });
    expect(() => parseInputs({ mode: 'measure' })).toThrow('input "mode": expected one of assess | measure-start, got "measure"');
    expect(() => parseInputs({ 'measure-stage': 'a=b' })).toThrow('input "measure-stage": expected a stage name of letters, digits, _ and - (at most 40)');
  });

  it('splits multi-line scenario and logs inputs, dropping blanks and # comments', () => {
    const i = parseInputs({ scenario: 'lca/*.yml\n  other.yml \n', logs: 'runs/**/emissions.csv\n\n# nvidia-smi:\ntraining=runs/**/gpu.csv\r\n' });
    expect(i.scenarios).toEqual(['lca/*.yml', 'other.yml']);
    expect(i.logs).toEqual(['runs/**/emissions.csv', 'training=runs/**/gpu.csv']);
  });

  it.each([
    ['artifact', { kind: 'artifact' }],
    ['none', { kind: 'none' }],
    ['file:cards/base.json', { kind: 'file', path: 'cards/base.json' }],
    ['file: ./cards/base.json', { kind: 'file', path: 'cards/base.json' }],
  ])('baseline %j', (raw, expected) => {
    expect(parseInputs({ baseline: raw }).baseline).toEqual(expected);
  });

  it.each([
    [{ 'budget-mode': 'fial' }, 'input "budget-mode": expected one of fail | warn | off, got "fial"'],
    [{ comment: 'sometimes' }, 'input "comment": expected one of always | on-change | never, got "sometimes"'],
    [{ baseline: 'latest' }, 'input "baseline": expected artifact | file:PATH | none, got "latest"'],
    [{ baseline: 'file:../secrets.json' }, 'input "baseline": expected file:PATH relative to the repository root, without "..", got "file:../secrets.json"'],
    [{ baseline: 'file:/etc/passwd' }, 'input "baseline": expected file:PATH relative to the repository root, without "..", got "file:/etc/passwd"'],
    [
      { 'artifact-name': 'cards/{scenario}' },
      'input "artifact-name": expected an artifact name without " : < > | * ? \\ / or line breaks, got "cards/{scenario}"',
    ],
  ])('rejects %j with a message quoting input and value', (raw, message) => {
    let err: unknown;
    try {
      parseInputs(raw);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe('BAD_INPUT');
    expect((err as InputError).message).toBe(message);
  });
});

describe('artifact names', () => {
  it.each([
    ['ml-lca-{scenario}', 'chat-7b', false, 'ml-lca-chat-7b'],
    ['ml-lca-{scenario}', 'Chat 7B: v2/int8', true, 'ml-lca-Chat-7B-v2-int8'],
    ['carbon', 'chat', false, 'carbon'],
    ['carbon', 'chat', true, 'carbon-chat'],
    ['{scenario}-{scenario}', 'x', true, 'x-x'],
  ])('%j for %j (several=%j) -> %j', (template, name, several, expected) => {
    expect(artifactNameFor(template, name, several)).toBe(expected);
  });

  it.each([
    ['///', 'scenario'],
    ['..', 'scenario'],
    ['../../x', 'x'],
    ['.hidden', 'hidden'],
    ['chat 7b', 'chat-7b'],
  ])('slug(%j) = %j: never empty, never a path that leaves its directory', (name, expected) => {
    expect(slug(name)).toBe(expected);
  });
});
