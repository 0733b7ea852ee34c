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
        this.got = init.got;
        this.hint = init.hint;
    }
    static is(e) {
        return e instanceof InputError;
    }
}
function composeMessage(i) {
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
    s = s.replace(/\s+/g, ' ');
    return s.length > max ? `${s.slice(0, max - 1)}…` : s;
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

export { InputError as I, formatPath as a, fromZodError as b, formatError as f, shortValue as s };
