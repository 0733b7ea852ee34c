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
    // Our bug's message may quote input too (a URL with credentials): redacted like the rest.
    if (e instanceof Error)
        return `ml-lca: internal error: ${redactUrlCredentials(e.message)}`;
    return `ml-lca: internal error: ${redactUrlCredentials(String(e))}`;
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

export { InputError as I, formatPath as a, fromZodError as b, formatError as f, jsonSyntaxProblem as j, redactUrlCredentials as r, shortValue as s };
