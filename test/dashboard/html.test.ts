// Escaping by construction: card text reaches HTML only escaped, data blocks cannot close their
// <script>, and links are rebuilt from validated parts.
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, jsonForScript, jsonScript, trusted } from '../../src/dashboard/html.js';
import { cleanPr, cleanRepo, cleanSha, commitUrl, pullUrl, repoBaseUrl, runLinkBase } from '../../src/dashboard/links.js';

describe('html template', () => {
  it('escapes every interpolated value, in text and in attributes', () => {
    const name = '<img src=x onerror="alert(1)">&\'';
    expect(html`<td title="${name}">${name}</td>`.value).toBe(
      '<td title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;</td>',
    );
  });

  it('keeps nested html and arrays of it, drops null/undefined/false', () => {
    const rows = ['a<b', 'c'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${rows}${null}${undefined}${false}${0}</ul>`.value).toBe('<ul><li>a&lt;b</li><li>c</li>0</ul>');
    expect(html`${trusted('<svg></svg>')}`.value).toBe('<svg></svg>');
  });

  it('escapeHtml maps the five special characters', () => {
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
});

describe('JSON in a script element', () => {
  const hostile = { name: '</script><script>alert(1)</script><!-- \u2028\u2029 &amp;' };

  it('cannot close the element or open a comment, and parses back unchanged', () => {
    const text = jsonForScript(hostile);
    expect(text).not.toMatch(/<|>|&|\u2028|\u2029/);
    expect(JSON.parse(text)).toEqual(hostile);
  });

  it('wraps it in the page data block', () => {
    const block = jsonScript(hostile).value;
    expect(block.startsWith('<script type="application/json" id="ml-lca-data">')).toBe(true);
    expect(block.match(/<\/script>/g)).toHaveLength(1);
  });
});

describe('links', () => {
  it.each([
    ['https://github.com', 'octo-org/models', 'https://github.com/octo-org/models'],
    ['https://ghe.example.com/', 'team/repo.name', 'https://ghe.example.com/team/repo.name'],
    ['https://ghe.example.com/prefix/', 'a/b', 'https://ghe.example.com/prefix/a/b'],
  ])('repoBaseUrl(%s, %s) = %s', (server, repo, want) => {
    expect(repoBaseUrl(server, repo)).toBe(want);
  });

  it.each([
    ['javascript:alert(1)', 'a/b'],
    ['https://user:pw@github.com', 'a/b'],
    ['https://github.com?x=1', 'a/b'],
    ['https://github.com', 'a/b/c'],
    ['https://github.com', 'a/..'],
    ['https://github.com', '-bad/b'],
    ['https://github.com', 'a/b"onmouseover=x'],
    ['not a url', 'a/b'],
  ])('refuses server %s with repo %s', (server, repo) => {
    expect(repoBaseUrl(server, repo)).toBeNull();
  });

  it('builds commit and PR links only from a hex SHA and a positive integer', () => {
    const base = 'https://github.com/o/r';
    expect(commitUrl(base, 'ABCDEF1234567')).toBe('https://github.com/o/r/commit/abcdef1234567');
    expect(commitUrl(base, 'javascript:alert(1)')).toBeNull();
    expect(commitUrl(base, 'abc12')).toBeNull(); // too short to be unambiguous
    expect(commitUrl(null, 'abcdef1')).toBeNull();
    expect(pullUrl(base, 42)).toBe('https://github.com/o/r/pull/42');
    expect(pullUrl(base, '42')).toBe('https://github.com/o/r/pull/42');
    expect(pullUrl(base, '12; DROP')).toBeNull();
    expect(cleanPr(-1)).toBeNull();
    expect(cleanPr(1.5)).toBeNull();
    expect(cleanSha(' 0123456789abcdef0123456789abcdef01234567 ')).toBe('0123456789abcdef0123456789abcdef01234567');
  });

  it('a run links to its own repository only under the configured owner', () => {
    const cfg = { server: 'https://github.com', repo: 'octo-org/models' };
    expect(runLinkBase(cfg, null)).toBe('https://github.com/octo-org/models');
    expect(runLinkBase(cfg, 'octo-org/embeddings')).toBe('https://github.com/octo-org/embeddings');
    expect(runLinkBase(cfg, 'OCTO-ORG/x')).toBe('https://github.com/OCTO-ORG/x');
    expect(runLinkBase(cfg, 'evil/models')).toBeNull();
    expect(runLinkBase(null, 'octo-org/models')).toBeNull();
    expect(cleanRepo(' a/b ')).toBe('a/b');
    expect(cleanRepo('a/b/c')).toBeNull();
    expect(cleanRepo('a/..')).toBeNull();
    expect(cleanRepo(42)).toBeNull();
  });
});
