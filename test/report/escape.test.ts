import { describe, expect, it } from 'vitest';
import { escapeCode, escapeMarkdown } from '../../src/report/escape.js';

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
    // `` x` `` unpadded would end in three backticks (a longer run, not the closing fence).
    ['trailing backtick padded', 'x`', '`` x` ``'],
    ['pipe in a table cell', 'a|b', '`a\\|b`'],
    ['leading backtick padded', '`x', '`` `x ``'],
    ['newline', 'a\nb', '`a b`'],
  ])('%s', (_what, input, expected) => {
    expect(escapeCode(input)).toBe(expected);
  });
});
