class InputError extends Error {
    code;
    expected;
    file;
    line;
    field;
    got;
    hint;
    constructor(init) {
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
    static is(e) {
        return e instanceof InputError;
    }
}
function composeMessage(i) {
    return redactUrlCredentials(composeRaw(i));
}
function composeRaw(i) {
    const where = [i.file, i.line !== undefined ? `line ${i.line}` : undefined, i.field].filter((x) => x !== undefined && x !== '').join(': ');
    const got = i.got !== undefined ? `, got ${i.got}` : '';
    const hint = i.hint ? ` (${i.hint})` : '';
    return `${where ? `${where}: ` : ''}expected ${i.expected}${got}${hint}`;
}
/** One line for the terminal or an annotation. Never includes a stack. */
function formatError(e) {
    if (e instanceof InputError)
        return `ml-lca: ${e.message}`;
    if (e instanceof Error)
        return `ml-lca: internal error: ${e.message}`;
    return `ml-lca: internal error: ${String(e)}`;
}
/** Render a value for an error message: short, single line. */
function shortValue(v, max = 60) {
    let s;
    try {
        s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
    }
    catch {
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
function redactUrlCredentials(text) {
    return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#"'<>]*@/gi, '$1');
}
/**
 * A JSON syntax error in plain words and its line, without quoting the text: V8's messages
 * quote the start of the document (`Unexpected token 'r', "root:x:0:0"... is not valid JSON`),
 * and the file may not be what it was named as (a secret file, /etc/passwd).
 */
function jsonSyntaxProblem(e, text) {
    const msg = e instanceof Error ? e.message : String(e);
    let line;
    const lc = /line (\d+)/.exec(msg);
    const pos = /position (\d+)/.exec(msg);
    if (lc?.[1])
        line = Number(lc[1]);
    else if (pos?.[1])
        line = lineAt(text, Number(pos[1]));
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
function lineAt(text, pos) {
    let n = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1))
        n++;
    return n;
}
/** `['budgets', 2, 'metric']` -> `budgets[2].metric` */
function formatPath(path) {
    let out = '';
    for (const p of path) {
        if (typeof p === 'number')
            out += `[${p}]`;
        else
            out += out === '' ? String(p) : `.${String(p)}`;
    }
    return out;
}
/** Input lookup for `fromZodError`: fetch the offending value at a path, for the `got` part. */
function valueAt(root, path) {
    let cur = root;
    for (const p of path) {
        if (cur === null || typeof cur !== 'object')
            return undefined;
        cur = cur[p];
    }
    return cur;
}
/**
 * The one place zod issues become an InputError. Takes the first issue (the user fixes
 * one thing at a time; the message stays one line) and names the field and value.
 * `suggest` turns an unknown key into a did-you-mean hint.
 */
function fromZodError(error, opts = {}) {
    const issue = error.issues[0];
    if (!issue) {
        return new InputError({ code: opts.code ?? 'BAD_INPUT', file: opts.file, expected: 'a valid document' });
    }
    const path = issue.path;
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

// Everything a user or a log wrote (scenario name, stage names, file paths, warnings) passes
// through here before it reaches report.md or a PR comment, so it cannot inject markdown,
// HTML, table breaks or @-mentions (a scenario name like "@org/team" must not ping anyone).
/**
 * ASCII punctuation that GFM treats as markup somewhere (emphasis, links, code, tables, refs,
 * math). Not `:` (emoji shortcodes and bare URLs are harmless, and timestamps stay readable).
 */
const MARKUP = /[\\`*_[\]{}()#+!|~^$]/g;
/**
 * Text for a markdown paragraph or table cell: one line, markup characters backslash-escaped
 * (GFM allows a backslash before any ASCII punctuation), HTML as entities, and `@` followed by
 * a zero-width joiner so GitHub does not mention anyone.
 */
function escapeMarkdown(text) {
    return text
        .replace(/[\r\n\t\v\f\u2028\u2029]+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(MARKUP, (c) => `\\${c}`)
        .replace(/@/g, '@\u200d');
}
/**
 * Inline code for paths: backticks inside the text cannot end the span early. Inside a code span
 * markup is literal, but the raw text still holds what was written: a zero-width space after a
 * `<!` keeps a card's text from carrying a second sticky-comment marker (`<!-- ml-lca:other -->`),
 * which is found by searching the raw comment body.
 */
function escapeCode(text) {
    const oneLine = text
        .replace(/[\r\n\t\v\f\u2028\u2029]+/g, ' ')
        .replace(/\|/g, '\\|')
        .replace(/<!/g, '<\u200b!');
    const longest = Math.max(0, ...[...oneLine.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    const pad = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${oneLine}${pad}${fence}`;
}
/**
 * One line for the job log (core.info) or a terminal, from text that came from input (a
 * scenario or card name, a path, a log's device label). The runner reads every stdout line that
 * starts with `::` (after blanks) as a workflow command (`::error::`, `::add-mask::`,
 * `::set-output`), and `##[` as the legacy form: line breaks and other control characters
 * become spaces, so nothing starts a new line, and those prefixes are percent-encoded as the
 * runner's own escaping does (`%3A`, `%5B`), so no input can issue a command.
 */
function escapeLogLine(text) {
    return text
        .replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
        .replace(/^(\s*)::/, '$1%3A%3A')
        .replace(/##\[/g, '##%5B');
}

export { InputError as I, escapeCode as a, escapeMarkdown as b, formatPath as c, fromZodError as d, escapeLogLine as e, formatError as f, jsonSyntaxProblem as j, redactUrlCredentials as r, shortValue as s };
