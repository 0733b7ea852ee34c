// DOM helpers for the dashboard's script. Text only ever goes in through textContent and
// attributes through setAttribute on names we chose: no innerHTML anywhere in the client.

type Attrs = Record<string, string | number | null | undefined>;

/** An element with attributes and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Array<Node | string | null>): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) e.setAttribute(k, String(v));
  for (const c of children) if (c !== null) e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return e;
}

/** A CSS custom property of the page (the chart colours follow light and dark mode). */
export function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

/** The repository URL run `i` of a scenario links to, or null. */
export function repoOf(d: { repos: string[]; runs: { repo: Array<number | null> } }, i: number): string | null {
  const k = d.runs.repo[i];
  return k === null || k === undefined ? null : (d.repos[k] ?? null);
}
