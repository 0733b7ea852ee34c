import { describe, expect, it } from 'vitest';
import { escapeCode, escapeMarkdown } from '../../src/report/escape.js';
import { escapeLogLine } from '../../src/log-line.js';

describe('escapeMarkdown', () => {
  it.each([
    ['plain', 'chat-7b', 'chat-7b'],
    ['html tag', '<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert\\(1\\)&gt;'],
    ['mention', 'ping @octocat', 'ping @\u200doctocat'],
    ['team mention', '@org/team', '@\u200dorg/team'],
    ['table pipe', 'a | b', 'a \\| b'],
    ['emphasis and link', '**x** [y](http://z)', '\\*\\*x\\*\\* \\[y\\]\\(http://z\\)'],
    ['newline cannot start a heading', 'a\n# b', 'a \\# b'],
    ['issue reference', '#123', '\\#123'],
    ['entity stays literal', '&amp;', '&amp;amp;'],
    ['backslash', 'a\\b', 'a\\\\b'],
  ])('%s', (_what, input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});

describe('escapeCode', () => {
  it.each([
    ['path', 'runs/train/emissions.csv', '`runs/train/emissions.csv`'],
    ['backtick inside', 'a`b', '``a`b``'],
    ['pipe in a table cell', 'a|b', '`a\\|b`'],
    ['leading backtick padded', '`x', '`` `x ``'],
    ['newline', 'a\nb', '`a b`'],
    // The sticky comment is found by searching the raw body: no second marker, not even in code.
    ['a second marker', '<!-- ml-lca:other -->', '`<\u200b!-- ml-lca:other -->`'],
  ])('%s', (_what, input, expected) => {
    expect(escapeCode(input)).toBe(expected);
  });
});

describe('escapeLogLine: no workflow command from input', () => {
  it.each([
    ['plain text unchanged', 'chat-7b: PASS; 12.5 kg CO2e', 'chat-7b: PASS; 12.5 kg CO2e'],
    ['a newline cannot start a command', 'name\n::error::pwned', 'name ::error::pwned'],
    ['CR and LF', 'a\r\n::add-mask::x', 'a  ::add-mask::x'],
    ['U+2028 and U+2029', 'a\u2028b\u2029c', 'a b c'],
    ['a line that starts with ::', '::set-output name=verdict::pass: ok', '%3A%3Aset-output name=verdict::pass: ok'],
    ['after blanks (the runner trims them)', '  \t::error::x', '  \t%3A%3Aerror::x'],
    ['after a control character', '\u0000::warning::x', ' %3A%3Awarning::x'],
    ['the legacy ##[ form anywhere', 'x ##[set-env name=A;]b', 'x ##%5Bset-env name=A;]b'],
    ['an escape sequence', '\u001b[2J', ' [2J'],
    ['tab kept', 'a\tb', 'a\tb'],
  ])('%s', (_what, input, expected) => {
    const out = escapeLogLine(input);
    expect(out).toBe(expected);
    expect(out.split('\n')).toHaveLength(1);
    expect(out.trimStart().startsWith('::')).toBe(false);
  });
});
