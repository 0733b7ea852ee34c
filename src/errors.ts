// User-facing errors. An InputError is the user's to fix (bad scenario, corrupt log,
// bad flag): the CLI prints `formatError(e)` as one line and exits 2, no stack.
// Anything else is our bug and keeps its stack.
import type { z } from 'zod';

export type InputErrorCode =
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'SCENARIO_SYNTAX'
  | 'SCENARIO_INVALID'
  | 'SCENARIO_UNKNOWN_KEY'
  | 'LOG_UNKNOWN_FORMAT'
  | 'LOG_CORRUPT'
  | 'LOG_NO_MATCH'
  | 'CARD_INVALID'
  | 'BAD_FLAG'
  | 'BAD_INPUT'
  | 'PATH_ESCAPE'
  | 'SOURCE_UNREACHABLE';

export interface InputErrorInit {
  code: InputErrorCode;
  /** What was expected, phrased for the user ("a number of kWh >= 0"). */
  expected: string;
  file?: string | undefined;
  line?: number | undefined;
  /** Dotted path into a document, e.g. `budgets[2].metric`. */
  field?: string | undefined;
  /** What we found instead (already shortened; never a secret). */
  got?: string | undefined;
  /** Optional hint, e.g. a did-you-mean suggestion. */
  hint?: string | undefined;
}

export class InputError extends Error {
  readonly code: InputErrorCode;
  readonly expected: string;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly field: string | undefined;
  readonly got: string | undefined;
  readonly hint: string | undefined;

  constructor(init: InputErrorInit) {
    super(composeMessage(init));
    this.name = 'InputError';
    this.code = init.code;
    this.expected = init.expected;
    this.file = init.file;
    this.line = init.line;
    this.field = init.field;
    this.got = init.got;
    this.hint = init.hint;
  }

  static is(e: unknown): e is InputError {
    return e instanceof InputError;
  }
}

function composeMessage(i: InputErrorInit): string {
  const where = [i.file, i.line !== undefined ? `line ${i.line}` : undefined, i.field].filter((x): x is string => x !== undefined && x !== '').join(': ');
  const got = i.got !== undefined ? `, got ${i.got}` : '';
  const hint = i.hint ? ` (${i.hint})` : '';
  return `${where ? `${where}: ` : ''}expected ${i.expected}${got}${hint}`;
}

/** One line for the terminal or an annotation. Never includes a stack. */
export function formatError(e: unknown): string {
  if (e instanceof InputError) return `ml-lca: ${e.message}`;
  if (e instanceof Error) return `ml-lca: internal error: ${e.message}`;
  return `ml-lca: internal error: ${String(e)}`;
}

/** Render a value for an error message: short, single line. */
export function shortValue(v: unknown, max = 60): string {
  let s: string;
  try {
    s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    s = String(v);
  }
  s = s.replace(/\s+/g, ' ');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** `['budgets', 2, 'metric']` -> `budgets[2].metric` */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

/** Input lookup for `fromZodError`: fetch the offending value at a path, for the `got` part. */
function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur: unknown = root;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

/**
 * The one place zod issues become an InputError. Takes the first issue (the user fixes
 * one thing at a time; the message stays one line) and names the field and value.
 * `suggest` turns an unknown key into a did-you-mean hint.
 */
export function fromZodError(
  error: z.ZodError,
  opts: {
    file?: string | undefined;
    input?: unknown;
    code?: InputErrorCode;
    suggest?: (unknownKey: string, path: ReadonlyArray<PropertyKey>) => string | undefined;
  } = {},
): InputError {
  const issue = error.issues[0];
  if (!issue) {
    return new InputError({ code: opts.code ?? 'BAD_INPUT', file: opts.file, expected: 'a valid document' });
  }
  const path = issue.path as PropertyKey[];
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const hint = opts.suggest?.(key, path);
    return new InputError({
      code: 'SCENARIO_UNKNOWN_KEY',
      file: opts.file,
      field: formatPath([...path, key]),
      expected: 'a known key',
      got: `unknown key ${JSON.stringify(key)}`,
      hint: hint ? `did you mean "${hint}"?` : undefined,
    });
  }
  const got = opts.input !== undefined ? valueAt(opts.input, path) : undefined;
  return new InputError({
    code: opts.code ?? 'SCENARIO_INVALID',
    file: opts.file,
    field: formatPath(path) || undefined,
    // zod 4 says "expected number, received string": the `got` part says what was received.
    expected: issue.message
      .replace(/^Invalid (input|option): expected /i, '')
      .replace(/^expected /i, '')
      .replace(/, received \w+$/, ''),
    got: got === undefined ? (issue.code === 'invalid_type' ? 'nothing' : undefined) : shortValue(got),
  });
}
