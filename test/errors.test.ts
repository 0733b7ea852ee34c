// src/errors.ts helpers added for issue 13: URL credentials never shown, JSON errors in words.
import { describe, expect, it } from 'vitest';
import { InputError, formatError, jsonSyntaxProblem, redactUrlCredentials, shortValue } from '../src/errors.js';

describe('redactUrlCredentials', () => {
  it.each([
    ['http://user:pass@host:9090/', 'http://host:9090/'],
    ['see https://alice:s3cr%40t@prom.example/api and more', 'see https://prom.example/api and more'],
    // A raw @ in the password: everything up to the last @ before the host goes.
    ['http://u:p@ss@host/x', 'http://host/x'],
    ['http://token@host', 'http://host'],
    ['no url: user@example.com', 'no url: user@example.com'],
    ['http://host/path?q=a@b', 'http://host/path?q=a@b'],
  ])('%s', (input, expected) => {
    expect(redactUrlCredentials(input)).toBe(expected);
  });

  it('applies to every message: InputError (got, hint), shortValue and internal errors', () => {
    const e = new InputError({ code: 'SCENARIO_INVALID', field: 'url', expected: 'a URL', got: '"http://a:b@h/"', hint: 'try http://a:b@h2/' });
    expect(e.message).toBe('url: expected a URL, got "http://h/" (try http://h2/)');
    expect([e.got, e.hint]).toEqual(['"http://h/"', 'try http://h2/']);
    expect(shortValue('http://a:secret@h/')).toBe('"http://h/"');
    expect(formatError(new Error('fetch http://a:secret@h/ failed'))).toBe('ml-lca: internal error: fetch http://h/ failed');
  });
});

describe('jsonSyntaxProblem: the problem and its line, never the text', () => {
  it.each([
    // V8 gives no position here (only a quote of the text, which is dropped).
    ['root:x:0:0:root:/root:/bin/bash', undefined, 'a character that cannot start or continue a JSON value'],
    ['{\n  "a": 1,\n}', 3, 'a property name that is not in double quotes (or a trailing comma)'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 'a missing comma or closing bracket'],
    ['{"a":', undefined, 'the document ends early (an unclosed bracket or brace)'],
    ['{"a": "x\u0001"}', 1, 'a control character inside a string'],
    ['{} x', 1, 'more text after the JSON document'],
  ])('%j', (text, line, problem) => {
    let err: unknown;
    try {
      JSON.parse(text);
    } catch (e) {
      err = e;
    }
    const p = jsonSyntaxProblem(err, text);
    expect(p.problem).toBe(problem);
    if (line !== undefined) expect(p.line).toBe(line);
    expect(p.problem).not.toMatch(/root|"a"|bash/);
  });
});
