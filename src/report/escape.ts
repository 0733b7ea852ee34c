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
export function escapeMarkdown(text: string): string {
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
