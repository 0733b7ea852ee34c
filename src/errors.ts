// User-facing errors. An InputError is the user's to fix (bad scenario, corrupt log,
// bad flag): the CLI prints `formatError(e)` as one line and exits 2, no stack.
// Anything else is our bug and keeps its stack.
import type { z } from 'zod';

export type InputErrorCode =
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'NOT_REGULAR_FILE'
  | 'FILE_TOO_LARGE'
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
    this.got = init.got === undefined ? undefined : redactUrlCredentials(init.got);
    this.hint = init.hint === undefined ? undefined : redactUrlCredentials(init.hint);
  }

  static is(e: unknown): e is InputError {
    return e instanceof InputError;
  }
}

function composeMessage(i: InputErrorInit): string {
  return redactUrlCredentials(composeRaw(i));
}

function composeRaw(i: InputErrorInit): string {
  const where = [i.file, i.line !== undefined ? `line ${i.line}` : undefined, i.field].filter((x): x is string => x !== undefined && x !== '').join(': ');
  const got = i.got !== undefined ? `, got ${i.got}` : '';
  const hint = i.hint ? ` (${i.hint})` : '';
  return `${where ? `${where}: ` : ''}expected ${i.expected}${got}${hint}`;
}

/** One line for the terminal or an annotation. Never includes a stack. */
export function formatError(e: unknown): string {
  if (e instanceof InputError) return `ml-lca: ${e.message}`;
  // Our bug's message may quote input too (a URL with credentials): redacted like the rest.
  if (e instanceof Error) return `ml-lca: internal error: ${redactUrlCredentials(e.message)}`;
  return `ml-lca: internal error: ${redactUrlCredentials(String(e))}`;
}

/** Render a value for an error message: short, single line. YAML's `.nan` / `.inf` are named as such. */
export function shortValue(v: unknown, max = 60): string {
  if (typeof v === 'number' && !Number.isFinite(v)) return Number.isNaN(v) ? '.nan (not a number)' : v > 0 ? '.inf (infinity)' : '-.inf (minus infinity)';
  let s: string;
  try {
    s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    s = String(v);
  }
  s = redactUrlCredentials(s).replace(/\s+/g, ' ');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/**
 * `http://user:pass@host/` -> `http://host/`: credentials in a URL (a scenario's prometheus.url)
 * never reach a message, a card or a log. The URL's owner uses them as credentials (see
 * ingest/prometheus/client.ts); everything shown to people goes through here.
 */
export function redactUrlCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#"'<>]*@/gi, '$1');
}

/**
 * A JSON syntax error in plain words and its line, without quoting the text: V8's messages
 * quote the start of the document (`Unexpected token 'r', "root:x:0:0"... is not valid JSON`),
 * and the file may not be what it was named as (a secret file, /etc/passwd).
 */
export function jsonSyntaxProblem(e: unknown, text: string): { line: number | undefined; problem: string } {
  const msg = e instanceof Error ? e.message : String(e);
  let line: number | undefined;
  const lc = /line (\d+)/.exec(msg);
  const pos = /position (\d+)/.exec(msg);
  if (lc?.[1]) line = Number(lc[1]);
  else if (pos?.[1]) line = lineAt(text, Number(pos[1]));
  const problem = /Unexpected end of JSON input/i.test(msg)
    ? 'the document ends early (an unclosed bracket or brace)'
    : /Unterminated string/i.test(msg)
      ? 'a string that is not closed'
      : /Bad control character/i.test(msg)
        ? 'a control character inside a string'
        : /Expected (double-quoted )?property name/i.test(msg)
          ? 'a property name that is not in double quotes (or a trailing comma)'
          : /Expected ':'/i.test(msg)
            ? "a missing ':' after a property name"
            : /Expected ',' or/i.test(msg)
              ? 'a missing comma or closing bracket'
              : /Unexpected non-whitespace character after JSON/i.test(msg)
                ? 'more text after the JSON document'
                : /Unexpected token|Unexpected number|Unexpected string/i.test(msg)
                  ? 'a character that cannot start or continue a JSON value'
                  : 'a JSON syntax error';
  return { line, problem };
}

function lineAt(text: string, pos: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) n++;
  return n;
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
    expected: expectedInWords(issue),
    got: got === undefined ? (issue.code === 'invalid_type' ? 'nothing' : undefined) : shortValue(got),
  });
}

/** What a validator expected, in words a user knows ("a number greater than 0"), not zod's ("Too small: expected number to be >0"). */
const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value pairs)',
  record: 'a mapping (name: value pairs)',
  literal: 'a fixed value',
};

const num = (x: unknown): string =>
  typeof x === 'number' || typeof x === 'bigint' ? Number(x).toLocaleString('en-US', { maximumFractionDigits: 20 }) : String(x);

export function expectedInWords(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return TYPE_WORDS[issue.expected] ?? `a value of type ${issue.expected}`;
    case 'too_small': {
      const m = num(issue.minimum);
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return issue.inclusive ? (Number(issue.minimum) === 0 ? 'a number of 0 or more' : `a number of at least ${m}`) : `a number greater than ${m}`;
      }
      if (issue.origin === 'string') return Number(issue.minimum) === 1 ? 'a non-empty text' : `a text of at least ${m} characters`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return Number(issue.minimum) === 1 ? 'a list with at least one item' : `a list of at least ${m} items`;
      return `at least ${m}`;
    }
    case 'too_big': {
      const m = num(issue.maximum);
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return issue.inclusive ? `a number of at most ${m}` : `a number less than ${m}`;
      }
      if (issue.origin === 'string') return `a text of at most ${m} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `a list of at most ${m} items`;
      return `at most ${m}`;
    }
    case 'invalid_value':
      return issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      if (issue.format === 'url') return 'a URL (e.g. http://host:9090)';
      if (issue.format === 'regex') return 'a text in the expected pattern';
      return `a text in ${issue.format} format`;
    case 'not_multiple_of':
      return `a multiple of ${num(issue.divisor)}`;
    case 'invalid_union':
      return 'one of the accepted forms of this field';
    case 'invalid_key':
      return 'a valid key';
    case 'invalid_element':
      return 'valid entries';
    default:
      // Our own refinements (`custom`) are already written in words.
      return issue.message.replace(/^Invalid (input|option): expected /i, '').replace(/^expected /i, '');
  }
}
