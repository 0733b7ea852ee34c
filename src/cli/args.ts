// Flag parsing for the CLI commands: node:util parseArgs (strict), with its errors turned into
// one-line InputErrors (exit 2) that name the command, the flag and what was expected.
import { parseArgs } from 'node:util';
import type { Io } from '../io.js';
import { InputError } from '../errors.js';

/** What a command gets besides the core Io: stdout for its result and the working directory. */
export interface CliIo extends Io {
  /** One line of the command's result (stdout); progress and warnings go to `log` (stderr). */
  stdout(line: string): void;
  cwd: string;
  /** The process environment (Prometheus job window and credentials); only src/cli.ts reads process.env. */
  env?: Record<string, string | undefined>;
}

/** A command: argv after the command name; resolves to the exit code (0, 1 budget failed or assessment incomplete, 2 bad input). */
export type Command = (argv: string[], io: CliIo) => Promise<number>;

type FlagSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

export function parseFlags<T extends FlagSpec>(command: string, argv: string[], options: T, positionals: { min: number; max: number; usage: string }) {
  const parsed = (() => {
    try {
      return parseArgs({ args: joinNegativeValues(argv, options), options, allowPositionals: true, strict: true });
    } catch (e) {
      throw badFlag(command, e, Object.keys(options));
    }
  })();
  const n = parsed.positionals.length;
  if (n < positionals.min || n > positionals.max) {
    throw new InputError({
      code: 'BAD_FLAG',
      field: command,
      expected: positionals.usage,
      got: n === 0 ? 'no arguments' : parsed.positionals.map((p) => JSON.stringify(p)).join(' '),
    });
  }
  return parsed;
}

/**
 * `--interval -1` -> `--interval=-1`: parseArgs reads a value that starts with `-` as another
 * flag ("argument is ambiguous"); joined, the flag's own check says what is wrong with -1.
 */
function joinNegativeValues(argv: string[], options: FlagSpec): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const next = argv[i + 1];
    const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : null;
    if (name !== null && Object.hasOwn(options, name) && options[name]?.type === 'string' && next !== undefined && /^-\.?\d/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** A flag whose value must be one of a few words (`--budget-mode fail|warn|off`). */
export function enumFlag<const A extends readonly string[]>(
  command: string,
  flag: string,
  value: string | undefined,
  allowed: A,
  fallback: A[number],
): A[number] {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value;
  throw new InputError({ code: 'BAD_FLAG', field: `${command} --${flag}`, expected: `one of ${allowed.join(', ')}`, got: JSON.stringify(value) });
}

/** A flag that must be given (`report --scenario FILE`). */
export function requiredFlag(command: string, flag: string, value: string | undefined, what: string): string {
  if (value !== undefined && value !== '') return value;
  throw new InputError({ code: 'BAD_FLAG', field: command, expected: `--${flag} ${what}`, got: 'nothing' });
}

function badFlag(command: string, e: unknown, known: string[]): InputError {
  const code = (e as { code?: string } | null)?.code ?? '';
  const message = e instanceof Error ? e.message : String(e);
  // parseArgs messages look like: "Unknown option '--foo'. To specify a positional ..." - keep the first sentence.
  const first = (message.split(/\.\s/)[0] ?? message).replace(/\.$/, '');
  const expected =
    code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
      ? `one of ${known.map((k) => `--${k}`).join(', ')}`
      : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
        ? 'a value after the flag (or none for a switch)'
        : 'valid flags';
  return new InputError({ code: 'BAD_FLAG', field: command, expected, got: first });
}
