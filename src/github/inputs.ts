// Action inputs (design.md "GitHub behaviour"), parsed once from the plain record main.ts
// reads with core.getInput. Every message names the input and quotes the value it got; the
// token is never quoted.
import path from 'node:path';
import { z } from 'zod';
import { InputError, shortValue } from '../errors.js';

export const BUDGET_MODES = ['fail', 'warn', 'off'] as const;
export const COMMENT_MODES = ['always', 'on-change', 'never'] as const;
export const MODES = ['assess', 'measure-start'] as const;
export type BudgetMode = (typeof BUDGET_MODES)[number];
export type CommentMode = (typeof COMMENT_MODES)[number];
export type Mode = (typeof MODES)[number];

/** Names exactly as in action.yml; main.ts reads each with core.getInput(name). */
export const INPUT_NAMES = [
  'scenario',
  'logs',
  'github-token',
  'baseline',
  'budget-mode',
  'comment',
  'artifact-name',
  'working-directory',
  'hf-readme',
  'mode',
  'measure-stage',
] as const;
export type InputName = (typeof INPUT_NAMES)[number];
export type RawInputs = Partial<Record<InputName, string>>;

export const DEFAULT_ARTIFACT_NAME = 'ml-lca-{scenario}';

export const BaselineSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('artifact') }),
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('file'), path: z.string() }),
]);
export type BaselineSpec = z.infer<typeof BaselineSpec>;

/** Lines of a multi-line input: trimmed, blank lines and `#` comments dropped. */
function lines(s: string): string[] {
  return s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

const text = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((s) => (s === undefined || s.trim() === '' ? fallback : s.trim()));

const oneOf = <T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  text(fallback).pipe(z.enum(values, { error: `one of ${values.join(' | ')}` }));

/** A path inside the repository: relative, no `..` segment (it is fetched at the base SHA). */
const repoPath = z
  .string()
  .min(1, 'file:PATH with a non-empty PATH')
  .refine((p) => !p.startsWith('/') && !p.split(/[\\/]/).includes('..'), {
    error: 'file:PATH relative to the repository root, without ".."',
  });

const baseline = text('artifact').transform((s, ctx): BaselineSpec => {
  if (s === 'artifact' || s === 'none') return { kind: s };
  if (s.startsWith('file:')) {
    const r = repoPath.safeParse(s.slice('file:'.length).trim().replace(/^\.\//, ''));
    if (r.success) return { kind: 'file', path: r.data };
    ctx.addIssue({ code: 'custom', message: r.error.issues[0]?.message ?? 'file:PATH' });
    return z.NEVER;
  }
  ctx.addIssue({ code: 'custom', message: 'artifact | file:PATH | none' });
  return z.NEVER;
});

/**
 * `{scenario}` in the name is replaced per scenario. Characters GitHub refuses in artifact
 * names (`" : < > | * ? \ /`, CR, LF) are rejected here, before any work is done.
 */
const artifactName = text(DEFAULT_ARTIFACT_NAME).pipe(
  z
    .string()
    .max(200, 'an artifact name of at most 200 characters')
    .refine((s) => !/["':<>|*?\\/\r\n]/.test(s), { error: 'an artifact name without " : < > | * ? \\ / or line breaks' }),
);

/**
 * `hf-readme`: a model README in the workspace, relative to working-directory, that gets the
 * card's co2_eq_emissions block. Relative and without `..` here; run.ts checks, after symlinks,
 * that it stays inside the workspace.
 */
const hfReadme = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === '' ? null : s.trim().replace(/^\.\//, '')))
  .refine((p) => p === null || (!path.isAbsolute(p) && !p.split(/[\\/]/).includes('..')), {
    error: 'a README path relative to working-directory, without ".."',
  });

export const ActionInputs = z.object({
  scenario: z
    .string()
    .optional()
    .transform((s) => lines(s ?? '')),
  logs: z
    .string()
    .optional()
    .transform((s) => lines(s ?? '')),
  'github-token': z
    .string()
    .optional()
    .transform((s) => (s ?? '').trim()),
  baseline,
  'budget-mode': oneOf(BUDGET_MODES, 'fail'),
  comment: oneOf(COMMENT_MODES, 'always'),
  'artifact-name': artifactName,
  'working-directory': text('.'),
  'hf-readme': hfReadme,
  mode: oneOf(MODES, 'assess'),
  /** A stage name as scenario keys allow (the same rule as `--log STAGE=GLOB`). */
  'measure-stage': text('training').pipe(z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'a stage name of letters, digits, _ and - (at most 40)')),
});

export interface Inputs {
  /** Scenario files or globs (one per line); empty only in workflow_run comment mode. */
  scenarios: string[];
  logs: string[];
  token: string;
  baseline: BaselineSpec;
  budgetMode: BudgetMode;
  comment: CommentMode;
  /** Template; `{scenario}` becomes the scenario's name (see artifactNameFor). */
  artifactName: string;
  workingDirectory: string;
  /** README (relative to workingDirectory) to write the HF co2_eq_emissions block into; null: none. */
  hfReadme: string | null;
  /** `assess` (default) or `measure-start`: start sampling in the background and return. */
  mode: Mode;
  /** The stage a running measurement's log is added to when the assessment step stops it. */
  measureStage: string;
}

export function parseInputs(raw: RawInputs): Inputs {
  const r = ActionInputs.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    const name = String(issue?.path[0] ?? 'inputs');
    // The token is a secret: never echo it back.
    const value = name === 'github-token' ? '(hidden)' : shortValue(raw[name as InputName] ?? '');
    throw new InputError({
      code: 'BAD_INPUT',
      field: `input "${name}"`,
      expected: issue?.message.replace(/^Invalid input: expected /i, '') ?? 'a valid value',
      got: value,
    });
  }
  const d = r.data;
  return {
    scenarios: d.scenario,
    logs: d.logs,
    token: d['github-token'],
    baseline: d.baseline,
    budgetMode: d['budget-mode'],
    comment: d.comment,
    artifactName: d['artifact-name'],
    workingDirectory: d['working-directory'],
    hfReadme: d['hf-readme'],
    mode: d.mode,
    measureStage: d['measure-stage'],
  };
}

/**
 * Characters of a scenario name that may go into an artifact name or a directory name. No
 * leading dot: a name like `..` (a card from a fork's artifact, say) must not climb out of ml-lca-out/.
 */
export function slug(name: string): string {
  const s = name
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|-+$/g, '')
    .slice(0, 100);
  return s === '' ? 'scenario' : s;
}

/**
 * The artifact name of one scenario. With several scenarios a template without
 * `{scenario}` would make every upload collide, so the scenario is appended.
 */
export function artifactNameFor(template: string, scenarioName: string, several: boolean): string {
  if (template.includes('{scenario}')) return template.split('{scenario}').join(slug(scenarioName));
  return several ? `${template}-${slug(scenarioName)}` : template;
}
