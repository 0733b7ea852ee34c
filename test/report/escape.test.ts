import { describe, expect, it } from 'vitest';
import { clipText, escapeCode, escapeHtml, escapeMarkdown, withoutUrls } from '../../src/report/escape.js';
import { escapeLogLine } from '../../src/log-line.js';

describe('escapeMarkdown', () => {
  it.each([
    ['plain', 'chat-7b', 'chat-7b'],
    ['html tag', '<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert\\(1\\)&gt;'],
    ['mention', 'ping @octocat', 'ping @\u200doctocat'],
    ['team mention', '@org/team', '@\u200dorg/team'],
    ['table pipe', 'a | b', 'a \\| b'],
    ['emphasis and link', '**x** [y](http://z)', '\\*\\*x\\*\\* \\[y\\]\\(http\\://z\\)'],
    ['bare URL cannot autolink', 'see https://evil.example/x', 'see https\\://evil.example/x'],
    ['www cannot autolink', 'see www.evil.example', 'see www\u200d.evil.example'],
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

describe('escapeHtml (a <summary> line: HTML, no markdown)', () => {
  it('entities for & < > " \', one line, no mention; markdown characters kept as they are', () => {
    expect(escapeHtml('<b>x</b> & "y" \'z\'\n@team **a_b**')).toBe('&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot; &#39;z&#39; @\u200dteam **a_b**');
    expect(escapeHtml('</summary></details><script>')).not.toMatch(/</);
  });
});

describe('withoutUrls and clipText', () => {
  it('drops URLs a card wrote, with the separator they leave', () => {
    expect(withoutUrls('OWID 2024; CC BY 4.0; https://evil.example/x')).toBe('OWID 2024; CC BY 4.0');
    expect(withoutUrls('see ftp://a.b/c; and more')).toBe('see and more');
  });
  it('clips at the start or keeps the end (a path), counting characters not UTF-16 units', () => {
    expect(clipText('abcdefgh', 5)).toBe('abcd…');
    expect(clipText('runs/a/b/gpu.csv', 9, 'end')).toBe('…/gpu.csv');
    expect(clipText('😀😀😀', 3)).toBe('😀😀😀');
    expect(clipText('😀😀😀😀', 3)).toBe('😀😀…');
  });
});

describe('escaped text renders inert in a GitHub-flavoured renderer', () => {
  // marked implements GFM's extended autolinks (bare URLs, www.) as github.com does.
  it.each([
    ['a bare https URL', 'fork says https://evil.example/x'],
    ['a www. address', 'fork says www.evil.example'],
    ['a mail address', 'write to admin@evil.example'],
    ['a markdown link', '[click](https://evil.example)'],
    ['an HTML link', '<a href="https://evil.example">x</a>'],
  ])('%s gives no link', async (_what, text) => {
    const { marked } = await import('marked');
    const html = marked.parse(escapeMarkdown(text), { gfm: true, async: false });
    expect(html).not.toMatch(/<a\b/i);
    // and the reader still sees the text (zero-width characters aside)
    expect(html.replace(/\u200d/g, '')).toContain('evil.example');
  });

  it('the unescaped text would have been a link (the check can fail)', async () => {
    const { marked } = await import('marked');
    expect(marked.parse('fork says https://evil.example/x', { gfm: true, async: false })).toMatch(/<a\b/);
    expect(marked.parse('fork says www.evil.example', { gfm: true, async: false })).toMatch(/<a\b/);
  });
});
