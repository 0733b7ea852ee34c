import { parseArgs } from 'node:util';
import { I as InputError } from './errors.js';

// Flag parsing for the CLI commands: node:util parseArgs (strict), with its errors turned into
// one-line InputErrors (exit 2) that name the command, the flag and what was expected.
function parseFlags(command, argv, options, positionals) {
    const parsed = (() => {
        try {
            return parseArgs({ args: joinNegativeValues(argv, options), options, allowPositionals: true, strict: true });
        }
        catch (e) {
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
function joinNegativeValues(argv, options) {
    const out = [];
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const next = argv[i + 1];
        const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : null;
        if (name !== null && Object.hasOwn(options, name) && options[name]?.type === 'string' && next !== undefined && /^-\.?\d/.test(next)) {
            out.push(`${a}=${next}`);
            i++;
        }
        else
            out.push(a);
    }
    return out;
}
/** A flag whose value must be one of a few words (`--budget-mode fail|warn|off`). */
function enumFlag(command, flag, value, allowed, fallback) {
    if (value === undefined)
        return fallback;
    if (allowed.includes(value))
        return value;
    throw new InputError({ code: 'BAD_FLAG', field: `${command} --${flag}`, expected: `one of ${allowed.join(', ')}`, got: JSON.stringify(value) });
}
/** A flag that must be given (`report --scenario FILE`). */
function requiredFlag(command, flag, value, what) {
    if (value !== undefined && value !== '')
        return value;
    throw new InputError({ code: 'BAD_FLAG', field: command, expected: `--${flag} ${what}`, got: 'nothing' });
}
function badFlag(command, e, known) {
    const code = e?.code ?? '';
    const message = e instanceof Error ? e.message : String(e);
    // parseArgs messages look like: "Unknown option '--foo'. To specify a positional ..." - keep the first sentence.
    const first = (message.split(/\.\s/)[0] ?? message).replace(/\.$/, '');
    const expected = code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `one of ${known.map((k) => `--${k}`).join(', ')}`
        : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
            ? 'a value after the flag (or none for a switch)'
            : 'valid flags';
    return new InputError({ code: 'BAD_FLAG', field: command, expected, got: first });
}

export { enumFlag as e, parseFlags as p, requiredFlag as r };
