// Action inputs (design.md "GitHub behaviour"), parsed once from the plain record main.ts
// reads with core.getInput. Every message names the input and quotes the value it got; the
// token is never quoted.
import path from 'node:path';
import { z } from 'zod';
import { InputError, shortValue } from '../errors.js';
import { slug } from '../slug.js';

export const BUDGET_MODES = ['fail', 'warn', 'off'] as const;
export const HISTORY_MODES = ['branch', 'artifact', 'off'] as const;
export type HistoryMode = (typeof HISTORY_MODES)[number];
export const DEFAULT_HISTORY_BRANCH = 'ml-lca-data';
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
  'history',
  'history-branch',
  'history-repo',
  'history-token',
  'retention-days',
  'matrix',
  'hf-readme',
  'mode',
  'measure-stage',
  'dashboard',
] as const;
export type InputName = (typeof INPUT_NAMES)[number];
export type RawInputs = Partial<Record<InputName, string>>;

export const DEFAULT_ARTIFACT_NAME = 'ml-lca-{scenario}';

/** `history`: from the history store (`history` input); `artifact` is its old name and means the same. */
export const BaselineSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('history') }),
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

const baseline = text('history').transform((s, ctx): BaselineSpec => {
  if (s === 'history' || s === 'artifact') return { kind: 'history' };
  if (s === 'none') return { kind: s };
  if (s.startsWith('file:')) {
    const r = repoPath.safeParse(s.slice('file:'.length).trim().replace(/^\.\//, ''));
    if (r.success) return { kind: 'file', path: r.data };
    ctx.addIssue({ code: 'custom', message: r.error.issues[0]?.message ?? 'file:PATH' });
    return z.NEVER;
  }
  ctx.addIssue({ code: 'custom', message: 'history | file:PATH | none (artifact is the old name of history)' });
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
    .refine((s) => !/["':<>|*?\\/\r\n]/.test(s), { error: 'an artifact name without " : < > | * ? \\ / or line breaks' })
    // `.` and `..` name directories, not artifacts (the artifact client joins the name into paths).
    .refine((s) => !/^\.+$/.test(s), { error: 'an artifact name that is not only dots' }),
);

/**
 * A branch name git and GitHub accept (git check-ref-format, simplified): no spaces, control
 * characters, `..`, `~ ^ : ? * [ \\`, `@{`, no leading `-` or `/`, no trailing `/`, `.` or `.lock`.
 */
const branchName = text(DEFAULT_HISTORY_BRANCH).refine(
  (b) => b.length <= 200 && !/[\s~^:?*[\\\x00-\x1f\x7f]|\.\.|@\{|\/\/|\/\.|^[-/.]|[/.]$|\.lock$/.test(b) && !b.startsWith('refs/'),
  { error: 'a branch name such as ml-lca-data (no spaces, "..", ~ ^ : ? * [ \\, not starting with - / . or refs/)' },
);

/** `owner/name` of another repository that holds the history; empty: this repository. */
const repoName = text('').refine((r) => r === '' || /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/.test(r), {
  error: 'owner/name of a repository, e.g. acme/carbon-ledger',
});

/** Days the model-card artifact is kept; empty: the repository's setting (GitHub caps it there). */
const retentionDays = text('').transform((s, ctx): number | null => {
  if (s === '') return null;
  const n = Number(s);
  if (Number.isInteger(n) && n >= 1 && n <= 400) return n;
  ctx.addIssue({ code: 'custom', message: 'a whole number of days from 1 to 400, or empty for the repository default' });
  return z.NEVER;
});

/**
 * The job's matrix as `toJSON(matrix)` gives it (action.yml's default), reduced to its values
 * for `{matrix}`: `{"gpu":"a100","py":"3.12"}` -> `a100-3.12`. Empty outside a matrix; an
 * unevaluated default (tests, other runners) counts as no matrix.
 */
const matrix = text('').transform((s): string | null => {
  if (s === '' || s === 'null' || s.startsWith('${{')) return null;
  let v: unknown;
  try {
    v = JSON.parse(s);
  } catch {
    return slug(s);
  }
  if (v === null || typeof v !== 'object') return v === null ? null : slug(String(v));
  const values = Object.values(v as Record<string, unknown>).map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x)));
  return values.length ? slug(values.join('-')) : null;
});

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
  history: oneOf(HISTORY_MODES, 'branch'),
  'history-branch': branchName,
  'history-repo': repoName,
  'history-token': z
    .string()
    .optional()
    .transform((s) => (s ?? '').trim()),
  'retention-days': retentionDays,
  matrix,
  'hf-readme': hfReadme,
  mode: oneOf(MODES, 'assess'),
  /** A stage name as scenario keys allow (the same rule as `--log STAGE=GLOB`). */
  'measure-stage': text('training').pipe(z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'a stage name of letters, digits, _ and - (at most 40)')),
  dashboard: oneOf(['true', 'false'] as const, 'false'),
});

export interface Inputs {
  /** Scenario files or globs (one per line); empty only in workflow_run comment mode. */
  scenarios: string[];
  logs: string[];
  token: string;
  baseline: BaselineSpec;
  budgetMode: BudgetMode;
  comment: CommentMode;
  /** Template; `{scenario}`, `{job}` and `{matrix}` are replaced (see artifactNameFor). */
  artifactName: string;
  workingDirectory: string;
  /** Where baselines and period spending are read, and push runs recorded. */
  history: HistoryMode;
  historyBranch: string;
  /** `owner/name` of the repository holding the history branch; null: this repository. */
  historyRepo: string | null;
  /** Token for the history repository when it is another one; empty: github-token. */
  historyToken: string;
  /** Artifact retention in days; null: the repository's default. */
  retentionDays: number | null;
  /** The job's matrix values as a name segment (`{matrix}`), or null outside a matrix. */
  matrix: string | null;
  /** README (relative to workingDirectory) to write the HF co2_eq_emissions block into; null: none. */
  hfReadme: string | null;
  /** `assess` (default) or `measure-start`: start sampling in the background and return. */
  mode: Mode;
  /** The stage a running measurement's log is added to when the assessment step stops it. */
  measureStage: string;
  /** Push runs that record also publish the dashboard into the history branch's docs/ (GitHub Pages). */
  dashboard: boolean;
}

export function parseInputs(raw: RawInputs): Inputs {
  const r = ActionInputs.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    const name = String(issue?.path[0] ?? 'inputs');
    // The token is a secret: never echo it back.
    const value = name === 'github-token' || name === 'history-token' ? '(hidden)' : shortValue(raw[name as InputName] ?? '');
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
    history: d.history,
    historyBranch: d['history-branch'],
    historyRepo: d['history-repo'] === '' ? null : d['history-repo'],
    historyToken: d['history-token'],
    retentionDays: d['retention-days'],
    matrix: d.matrix,
    hfReadme: d['hf-readme'],
    mode: d.mode,
    measureStage: d['measure-stage'],
    dashboard: d.dashboard === 'true',
  };
}

export { slug } from '../slug.js';

/** What `{job}` and `{matrix}` stand for in this job (GITHUB_JOB; the matrix values). */
export interface JobNames {
  job?: string | null;
  matrix?: string | null;
}

/**
 * The artifact name of one scenario. `{scenario}`, `{job}` and `{matrix}` are replaced (the
 * last two make names unique per matrix job: two jobs of one run cannot upload the same name).
 * With several scenarios a template without `{scenario}` would make every upload collide, so
 * the scenario is appended.
 */
export function artifactNameFor(template: string, scenarioName: string, several: boolean, names: JobNames = {}): string {
  let filled = template;
  for (const [key, value] of [
    ['job', names.job ? slug(names.job) : ''],
    ['matrix', names.matrix ?? ''],
  ] as const) {
    // An empty placeholder (no matrix) goes with one separator next to it: no `--`, no trailing `-`.
    filled = value ? filled.split(`{${key}}`).join(value) : filled.replace(new RegExp(`[-_.]\\{${key}\\}|\\{${key}\\}[-_.]?`, 'g'), '');
  }
  if (filled.includes('{scenario}')) return filled.split('{scenario}').join(slug(scenarioName));
  return several ? `${filled}-${slug(scenarioName)}` : filled;
}
