// Links from the dashboard to the repository. A card is untrusted (a fork's artifact, a tampered
// history branch), so no URL is ever taken from it: a commit link is rebuilt from a SHA that is
// only hex digits and the repository URL the user (or the action's context) gave, which is
// validated once. DOM-free: the client re-checks each SHA with the same function before it
// navigates.

/** A git object id: SHA-1 (40) or SHA-256 (64) hex digits, or an abbreviation of at least 7. */
const SHA = /^[0-9a-f]{7,64}$/;
/** GitHub owner (user or organisation) names. */
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
/** Repository names GitHub accepts. */
const NAME = /^[A-Za-z0-9._-]{1,100}$/;

/** The SHA in lower case when `v` is one, else null. */
export function cleanSha(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.trim().toLowerCase();
  return SHA.test(s) ? s : null;
}

/** A pull request number when `v` is a positive integer (or its decimal string), else null. */
export function cleanPr(v: unknown): number | null {
  const n = typeof v === 'string' && /^[0-9]{1,9}$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null;
}

/**
 * `https://github.com/OWNER/NAME` from a server URL (github.com or a GitHub Enterprise Server)
 * and `OWNER/NAME`; null when either is not what GitHub would accept. Only http(s), no
 * credentials, query or fragment in the server URL.
 */
export function repoBaseUrl(serverUrl: string, repo: string): string | null {
  let u: URL;
  try {
    u = new URL(serverUrl);
  } catch {
    return null;
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password || u.search || u.hash) return null;
  const r = cleanRepo(repo);
  if (r === null || r !== repo) return null;
  const base = `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
  return `${base}/${r}`;
}

/** `OWNER/NAME` when `v` is a repository name GitHub would accept, else null. */
export function cleanRepo(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const [owner, name, ...rest] = v.trim().split('/');
  return !rest.length && owner && name && OWNER.test(owner) && NAME.test(name) && name !== '.' && name !== '..' ? `${owner}/${name}` : null;
}

/** Where links go: the server and the repository the dashboard is for (the user's flag, the action's context). */
export interface LinkConfig {
  server: string;
  repo: string;
}

/**
 * The repository URL a run's commit links are built on. A run that names its own repository (a
 * history shared by an organisation's repositories) links there only when that repository has the
 * configured one's owner: a tampered entry cannot send readers to someone else's repository.
 * Without a configured repository nothing links.
 */
export function runLinkBase(cfg: LinkConfig | null, runRepo: string | null): string | null {
  if (!cfg) return null;
  const target = runRepo ?? cfg.repo;
  const owner = (r: string) => r.split('/')[0]?.toLowerCase();
  if (owner(target) !== owner(cfg.repo)) return null;
  return repoBaseUrl(cfg.server, target);
}

/** The commit page, or null when there is no repository or the SHA is not one. */
export function commitUrl(repoBase: string | null, sha: unknown): string | null {
  const s = cleanSha(sha);
  return repoBase && s ? `${repoBase}/commit/${s}` : null;
}

/** The pull request page, or null. */
export function pullUrl(repoBase: string | null, pr: unknown): string | null {
  const n = cleanPr(pr);
  return repoBase && n !== null ? `${repoBase}/pull/${n}` : null;
}
