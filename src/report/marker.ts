// The hidden marker that identifies a scenario's sticky PR comment: `<!-- ml-lca:NAME -->`.
// The name comes from the scenario file, so it is reduced to characters that cannot end the
// HTML comment (`--`, `>`) or break the line; two names that differ only in such characters
// share a marker, which is the safe direction (the comment is updated, never duplicated).

const PREFIX = 'ml-lca:';

/** The marker text, NAME sanitised: letters, digits, `.`, `_`, `/`, single `-`; at most 100 chars. */
export function markerFor(name: string): string {
  return `<!-- ${PREFIX}${sanitize(name)} -->`;
}

/** Whether a comment body carries the marker of this scenario (on a line of its own or inline). */
export function hasMarker(body: string, name: string): boolean {
  return body.includes(markerFor(name));
}

function sanitize(name: string): string {
  const cleaned = name
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9._/-]+/g, '_')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
  return cleaned === '' ? '_' : cleaned;
}
