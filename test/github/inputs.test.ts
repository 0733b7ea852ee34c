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
      baseline: { kind: 'history' },
      budgetMode: 'fail',
      comment: 'always',
      artifactName: 'ml-lca-{scenario}',
      workingDirectory: '.',
      history: 'branch',
      historyBranch: 'ml-lca-data',
      historyRepo: null,
      historyToken: '',
      retentionDays: null,
      matrix: null,
      hfReadme: null,
      mode: 'assess',
      measureStage: 'training',
      dashboard: false,
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
    ['history', { kind: 'history' }],
    ['artifact', { kind: 'history' }], // the old name keeps working
    ['none', { kind: 'none' }],
    ['file:cards/base.json', { kind: 'file', path: 'cards/base.json' }],
    ['file: ./cards/base.json', { kind: 'file', path: 'cards/base.json' }],
  ])('baseline %j', (raw, expected) => {
    expect(parseInputs({ baseline: raw }).baseline).toEqual(expected);
  });

  it.each([
    [{ 'budget-mode': 'fial' }, 'input "budget-mode": expected one of fail | warn | off, got "fial"'],
    [{ comment: 'sometimes' }, 'input "comment": expected one of always | on-change | never, got "sometimes"'],
    [{ baseline: 'latest' }, 'input "baseline": expected history | file:PATH | none (artifact is the old name of history), got "latest"'],
    [{ history: 'git' }, 'input "history": expected one of branch | artifact | off, got "git"'],
    [
      { 'history-branch': 'ml lca' },
      'input "history-branch": expected a branch name such as ml-lca-data (no spaces, "..", ~ ^ : ? * [ \\, not starting with - / . or refs/), got "ml lca"',
    ],
    [
      { 'history-branch': 'refs/heads/x' },
      'input "history-branch": expected a branch name such as ml-lca-data (no spaces, "..", ~ ^ : ? * [ \\, not starting with - / . or refs/), got "refs/heads/x"',
    ],
    [{ 'history-repo': 'acme' }, 'input "history-repo": expected owner/name of a repository, e.g. acme/carbon-ledger, got "acme"'],
    [{ 'retention-days': '0' }, 'input "retention-days": expected a whole number of days from 1 to 400, or empty for the repository default, got "0"'],
    [{ 'retention-days': '7.5' }, 'input "retention-days": expected a whole number of days from 1 to 400, or empty for the repository default, got "7.5"'],
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
    // {job} and {matrix}: unique names per matrix job; an empty one takes its separator with it.
    ['ml-lca-{scenario}-{matrix}', { matrix: 'a100-3.12' }, 'ml-lca-chat-a100-3.12'],
    ['ml-lca-{scenario}-{matrix}', { matrix: null }, 'ml-lca-chat'],
    ['ml-lca-{matrix}-{scenario}', {}, 'ml-lca-chat'],
    ['{job}_{scenario}', { job: 'train gpu' }, 'train-gpu_chat'],
    ['{matrix}.{scenario}', { matrix: null }, 'chat'],
  ])('%j with %j -> %j', (template, names, expected) => {
    expect(artifactNameFor(template, 'chat', false, names)).toBe(expected);
  });

  it.each([
    ['{"gpu":"a100","python":"3.12"}', 'a100-3.12'],
    ['{"os":{"name":"linux"}}', 'name-linux'], // values only; an object value as JSON, slugged
    ['null', null],
    ['', null],
    ['{}', null],
    ['$' + '{{ toJSON(matrix) }}', null], // the unevaluated default: not a matrix
  ])('input "matrix" %j -> {matrix} %j', (raw, expected) => {
    expect(parseInputs({ matrix: raw }).matrix).toBe(expected);
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

  it.each([
    ['true', true],
    ['false', false],
    ['', false],
  ])('dashboard %j reads as %s; anything else is refused with the input named', (v, want) => {
    expect(parseInputs({ scenario: 'lca.yml', 'github-token': 't', dashboard: v }).dashboard).toBe(want);
    expect(() => parseInputs({ scenario: 'lca.yml', 'github-token': 't', dashboard: 'yes' })).toThrow(
      'input "dashboard": expected one of true | false, got "yes"',
    );
  });
});
