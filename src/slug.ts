// A name (scenario, matrix value) as a file-name-safe segment: artifact names, ml-lca-out/NAME,
// and the history branch's paths (history/layout.ts) all use the same rule.

/**
 * Characters of a name that may go into an artifact name, a directory or a file name. No
 * leading dot: a name like `..` (a card from a fork's artifact, say) must not climb out of
 * the directory it is put in.
 */
export function slug(name: string): string {
  const s = name
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|-+$/g, '')
    .slice(0, 100);
  return s === '' ? 'scenario' : s;
}
