// Everything a user or a log wrote (scenario name, stage names, file paths, warnings) passes
// through here before it reaches report.md or a PR comment, so it cannot inject markdown,
// HTML, table breaks or @-mentions (a scenario name like "@org/team" must not ping anyone).

/**
 * ASCII punctuation that GFM treats as markup somewhere (emphasis, links, code, tables, refs,
 * math). Not `:` in general (emoji shortcodes are harmless, and timestamps stay readable).
 */
const MARKUP = /[\\`*_[\]{}()#+!|~^$]/g;

/**
 * GFM's extended autolinks turn bare `scheme://…` and `www.…` in plain text into clickable links,
 * so a fork's card could still put a link into the privileged comment. `\:` is a GFM escape (it
 * renders as `:`) that stops the `://` from being recognised; a zero-width joiner does the same for
 * `www.`. (`user@host` mail autolinks are already broken by the joiner after `@`.)
 */
function noAutolinks(text: string): string {
  return text.replace(/:\/\//g, '\\://').replace(/\b(www)\./gi, '$1\u200d.');
}

/**
 * Text for a markdown paragraph or table cell: one line, markup characters backslash-escaped
 * (GFM allows a backslash before any ASCII punctuation), HTML as entities, `@` followed by a
 * zero-width joiner so GitHub does not mention anyone, and no bare URL left to autolink.
 */
export function escapeMarkdown(text: string): string {
  return noAutolinks(
    oneLineEntities(text)
      .replace(MARKUP, (c) => `\\${c}`)
      .replace(/@/g, '@\u200d'),
  );
}

/** One line (line breaks and tabs become a space), `& < >` as entities: the start of both escapes. */
function oneLineEntities(text: string): string {
  return text
    .replace(/[\r\n\t\v\f\u2028\u2029]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * Inline code for paths: backticks inside the text cannot end the span early. Inside a code span
 * markup is literal, but the raw text still holds what was written: a zero-width space after a
 * `<!` keeps a card's text from carrying a second sticky-comment marker (`<!-- ml-lca:other -->`),
 * which is found by searching the raw comment body.
 */
export function escapeCode(text: string): string {
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
 * Text for HTML (a `<summary>` line, where GitHub renders no markdown): one line, `& < > " '`
 * as entities, and `@` followed by a zero-width joiner so GitHub does not mention anyone.
 */
export function escapeHtml(text: string): string {
  return oneLineEntities(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/@/g, '@\u200d');
}

/** URLs are shown only as links rebuilt from ml-lca's own source catalog, never from card text. */
export function withoutUrls(text: string): string {
  return text
    .replace(/\b(?:https?|ftp):\/\/\S+/gi, '')
    .replace(/ {2,}/g, ' ')
    .replace(/;\s*;/g, ';')
    .replace(/[;,]\s*$/, '')
    .trim();
}

/**
 * Shorten text for a table cell to `max` characters, keeping the end when `keep` is `end` (a
 * file path: its name matters most). Cut before escaping, so no escape is split.
 */
export function clipText(text: string, max: number, keep: 'start' | 'end' = 'start'): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return keep === 'end' ? `…${chars.slice(chars.length - max + 1).join('')}` : `${chars.slice(0, max - 1).join('')}…`;
}
