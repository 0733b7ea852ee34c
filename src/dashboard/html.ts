// HTML for the dashboard, escaped by construction: `html` is a tagged template in which every
// interpolated value is escaped unless it is itself `Html` (made by `html` or, for the few
// vetted fragments such as our own SVG, `trusted`). Card text (scenario, team and stage names,
// file paths in warnings) therefore reaches the page only as escaped text or attribute values.
// Data for the scripts goes in through `jsonScript`, escaped so no value can close the
// <script> element or start a comment.

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = Html | string | number | null | undefined | false | readonly Part[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function render(p: Part): string {
  if (p === null || p === undefined || p === false) return '';
  if (p instanceof Html) return p.value;
  if (Array.isArray(p)) return p.map(render).join('');
  return escapeHtml(String(p));
}

/** `html\`<td>${name}</td>\``: values escaped, nested `Html` and arrays of it kept. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Markup we generated ourselves from numbers (sparkline SVG); never card text. */
export function trusted(markup: string): Html {
  return new Html(markup);
}

/**
 * JSON for `<script type="application/json">`: `<`, `>` and `&` as \u escapes (no `</script>`,
 * no `<!--`), and U+2028/U+2029 escaped too. JSON.parse reads it back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The data block a page's script reads (`#ml-lca-data`). */
export function jsonScript(value: unknown): Html {
  return new Html(`<script type="application/json" id="ml-lca-data">${jsonForScript(value)}</script>`);
}
