// The git object store behind the fake GitHub's Git Data and contents API: blobs, trees and
// commits addressed by their real git SHA-1 (so a SHA means what it means on GitHub), and refs.
// Answers follow GitHub's REST API (docs.github.com/rest/git): status codes, messages and the
// fields ml-lca and octokit read, including the 422 "Update is not a fast forward" that a
// non-forced ref update gets when the branch moved meanwhile.
import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';

type Obj =
  | { type: 'blob'; data: Buffer }
  | { type: 'tree'; entries: TreeEntry[] }
  | { type: 'commit'; tree: string; parents: string[]; message: string; date: string };

interface TreeEntry {
  name: string;
  mode: '100644' | '100755' | '040000' | '120000';
  type: 'blob' | 'tree';
  sha: string;
}

export interface GitAnswer {
  status: number;
  body: unknown;
}

const DOCS = 'https://docs.github.com/rest/git';

export class FakeGitRepo {
  readonly objects = new Map<string, Obj>();
  readonly refs = new Map<string, string>(); // refs/heads/x -> commit sha
  /** Commits made (a clock for commit dates that never reads the real one). */
  private commits = 0;

  constructor(
    readonly fullName: string,
    private readonly url: () => string,
  ) {}

  // ---------- objects

  private put(o: Obj): string {
    const body = serialise(o);
    const sha = createHash('sha1')
      .update(Buffer.concat([Buffer.from(`${o.type} ${body.length}\0`), body]))
      .digest('hex');
    this.objects.set(sha, o);
    return sha;
  }

  blob(text: string | Buffer): string {
    return this.put({ type: 'blob', data: Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8') });
  }

  /** A tree of `files` (path -> content) on top of `base` (a tree SHA): what POST /git/trees does with nested paths. */
  treeWith(base: string | null, files: Array<{ path: string; sha: string | null; mode?: TreeEntry['mode'] }>): string {
    type Dir = Map<string, { mode: TreeEntry['mode']; type: 'blob'; sha: string } | Dir>;
    const load = (sha: string | null): Dir => {
      const dir: Dir = new Map();
      if (sha === null) return dir;
      const t = this.objects.get(sha);
      if (t?.type !== 'tree') throw new Error(`not a tree: ${sha}`);
      for (const e of t.entries) dir.set(e.name, e.type === 'tree' ? load(e.sha) : { mode: e.mode, type: 'blob', sha: e.sha });
      return dir;
    };
    const root = load(base);
    for (const f of files) {
      const parts = f.path.split('/');
      let dir = root;
      for (const part of parts.slice(0, -1)) {
        let next = dir.get(part);
        if (!(next instanceof Map)) {
          next = new Map();
          dir.set(part, next);
        }
        dir = next;
      }
      const name = parts[parts.length - 1] ?? '';
      if (f.sha === null) dir.delete(name);
      else dir.set(name, { mode: f.mode ?? '100644', type: 'blob', sha: f.sha });
    }
    const write = (dir: Dir): string => {
      const entries: TreeEntry[] = [];
      for (const [name, v] of dir) {
        if (v instanceof Map) {
          if (v.size) entries.push({ name, mode: '040000', type: 'tree', sha: write(v) });
        } else entries.push({ name, mode: v.mode, type: 'blob', sha: v.sha });
      }
      return this.put({ type: 'tree', entries: sortEntries(entries) });
    };
    return write(root);
  }

  commit(tree: string, parents: string[], message: string): string {
    this.commits += 1;
    const date = new Date(Date.UTC(2026, 0, 1) + this.commits * 1000).toISOString().replace('.000Z', 'Z');
    return this.put({ type: 'commit', tree, parents, message, date });
  }

  /** Commit `files` on `branch` directly (test setup; the 10,000-run benchmark history). */
  seed(branch: string, files: ReadonlyMap<string, string>, message = 'seed'): string {
    const parent = this.refs.get(`refs/heads/${branch}`) ?? null;
    const base = parent ? (this.commitOf(parent)?.tree ?? null) : null;
    const tree = this.treeWith(
      base,
      [...files].map(([path, content]) => ({ path, sha: this.blob(content) })),
    );
    const sha = this.commit(tree, parent ? [parent] : [], message);
    this.refs.set(`refs/heads/${branch}`, sha);
    return sha;
  }

  commitOf(sha: string) {
    const o = this.objects.get(sha);
    return o?.type === 'commit' ? o : null;
  }

  /** The text of `path` at a branch name or commit SHA; undefined when the ref is unknown, null when the path is not a file there. */
  fileAt(ref: string, path: string): Buffer | null | undefined {
    const commit = this.commitOf(this.refs.get(`refs/heads/${ref}`) ?? ref);
    if (!commit) return undefined;
    let cur: Obj | undefined = this.objects.get(commit.tree);
    for (const part of path.split('/').filter((p) => p !== '')) {
      if (cur?.type !== 'tree') return null;
      const e: TreeEntry | undefined = cur.entries.find((x) => x.name === part);
      cur = e ? this.objects.get(e.sha) : undefined;
    }
    return cur?.type === 'blob' ? cur.data : null;
  }

  /** Every file of a branch (or a commit, by SHA) (path -> text), for assertions and archives. */
  files(branch: string): Map<string, string> {
    const out = new Map<string, string>();
    const head = this.commitOf(this.refs.get(`refs/heads/${branch}`) ?? branch);
    const walk = (sha: string, prefix: string) => {
      const t = this.objects.get(sha);
      if (t?.type !== 'tree') return;
      for (const e of t.entries) {
        const p = prefix ? `${prefix}/${e.name}` : e.name;
        if (e.type === 'tree') walk(e.sha, p);
        else {
          const b = this.objects.get(e.sha);
          if (b?.type === 'blob') out.set(p, b.data.toString('utf8'));
        }
      }
    };
    if (head) walk(head.tree, '');
    return out;
  }

  /** Whether `ancestor` is `sha` or reachable from it through parents. */
  private reaches(sha: string, ancestor: string): boolean {
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length) {
      const s = stack.pop() as string;
      if (s === ancestor) return true;
      if (seen.has(s)) continue;
      seen.add(s);
      stack.push(...(this.commitOf(s)?.parents ?? []));
    }
    return false;
  }

  /**
   * The tree at a branch or commit as GitHub's zipball lays it out: one top folder named after
   * the repository and the commit (`owner-repo-1a2b3c4/`), then the paths. Null for an unknown ref.
   */
  zipball(ref: string): { sha: string; zip: Buffer } | null {
    const sha = this.refs.get(`refs/heads/${ref}`) ?? (this.commitOf(ref) ? ref : null);
    if (sha === null) return null;
    const top = `${this.fullName.replace('/', '-')}-${sha.slice(0, 7)}`;
    const entries: Record<string, Uint8Array> = {};
    for (const [p, text] of this.files(sha)) entries[`${top}/${p}`] = Buffer.from(text, 'utf8');
    return { sha, zip: Buffer.from(zipSync(entries)) };
  }

  // ---------- REST answers

  private api = (p: string) => `${this.url()}/repos/${this.fullName}${p}`;

  getRef(ref: string): GitAnswer {
    const full = `refs/${ref}`;
    const sha = this.refs.get(full);
    if (!sha) return notFound(`${DOCS}/refs#get-a-reference`);
    return { status: 200, body: this.refJson(full, sha) };
  }

  getCommit(sha: string): GitAnswer {
    const c = this.commitOf(sha);
    if (!c) return notFound(`${DOCS}/commits#get-a-commit-object`);
    return { status: 200, body: this.commitJson(sha) };
  }

  createTree(body: unknown): GitAnswer {
    const b = body as { base_tree?: unknown; tree?: unknown };
    if (!Array.isArray(b.tree)) return invalid('Invalid request.\n\n"tree" wasn\'t supplied.', 'trees#create-a-tree');
    const base = typeof b.base_tree === 'string' ? b.base_tree : null;
    if (base !== null && this.objects.get(base)?.type !== 'tree') return invalid('base_tree is not a valid tree oid', 'trees#create-a-tree');
    const files: Array<{ path: string; sha: string | null; mode: TreeEntry['mode'] }> = [];
    for (const raw of b.tree as Array<Record<string, unknown>>) {
      const path = String(raw.path ?? '');
      const mode = String(raw.mode ?? '') as TreeEntry['mode'];
      if (!['100644', '100755', '120000'].includes(mode) || raw.type !== 'blob') return invalid('Invalid tree info', 'trees#create-a-tree');
      if (path === '' || path.startsWith('/') || path.split('/').some((x) => x === '' || x === '.' || x === '..')) {
        return invalid(`tree.path contains a malformed path component`, 'trees#create-a-tree');
      }
      if ('content' in raw && 'sha' in raw && raw.sha !== null) return invalid('Only one of content or sha may be provided', 'trees#create-a-tree');
      if (typeof raw.content === 'string') files.push({ path, sha: this.blob(raw.content), mode });
      else if (raw.sha === null) files.push({ path, sha: null, mode });
      else if (typeof raw.sha === 'string' && this.objects.get(raw.sha)?.type === 'blob') files.push({ path, sha: raw.sha, mode });
      else return invalid('Invalid tree info', 'trees#create-a-tree');
    }
    const sha = this.treeWith(base, files);
    const t = this.objects.get(sha) as Extract<Obj, { type: 'tree' }>;
    return {
      status: 201,
      body: {
        sha,
        url: this.api(`/git/trees/${sha}`),
        tree: t.entries.map((e) => ({ path: e.name, mode: e.mode, type: e.type, sha: e.sha, url: this.api(`/git/${e.type}s/${e.sha}`) })),
        truncated: false,
      },
    };
  }

  createCommit(body: unknown): GitAnswer {
    const b = body as { message?: unknown; tree?: unknown; parents?: unknown };
    if (typeof b.message !== 'string' || typeof b.tree !== 'string') return invalid('Invalid request.', 'commits#create-a-commit');
    if (this.objects.get(b.tree)?.type !== 'tree') return invalid('Tree SHA does not exist', 'commits#create-a-commit');
    const parents = Array.isArray(b.parents) ? b.parents.map(String) : [];
    if (parents.some((p) => !this.commitOf(p))) return invalid('Parent SHA does not exist or is not a commit object', 'commits#create-a-commit');
    const sha = this.commit(b.tree, parents, b.message);
    return { status: 201, body: this.commitJson(sha) };
  }

  updateRef(ref: string, body: unknown): GitAnswer {
    const b = body as { sha?: unknown; force?: unknown };
    const full = `refs/${ref}`;
    const cur = this.refs.get(full);
    if (!cur) return invalid('Reference does not exist', 'refs#update-a-reference');
    if (typeof b.sha !== 'string' || !this.commitOf(b.sha)) return invalid('Object does not exist', 'refs#update-a-reference');
    if (b.force !== true && !this.reaches(b.sha, cur)) return invalid('Update is not a fast forward', 'refs#update-a-reference');
    this.refs.set(full, b.sha);
    return { status: 200, body: this.refJson(full, b.sha) };
  }

  createRef(body: unknown): GitAnswer {
    const b = body as { ref?: unknown; sha?: unknown };
    const ref = String(b.ref ?? '');
    if (!/^refs\/.+\/.+/.test(ref)) return invalid('Reference name must start with refs/ and have at least two slashes.', 'refs#create-a-reference');
    if (this.refs.has(ref)) return invalid('Reference already exists', 'refs#create-a-reference');
    if (typeof b.sha !== 'string' || !this.objects.has(b.sha)) return invalid('Object does not exist', 'refs#create-a-reference');
    this.refs.set(ref, b.sha);
    return { status: 201, body: this.refJson(ref, b.sha) };
  }

  private refJson(ref: string, sha: string) {
    return { ref, node_id: `REF_${sha.slice(0, 8)}`, url: this.api(`/git/${ref}`), object: { sha, type: 'commit', url: this.api(`/git/commits/${sha}`) } };
  }

  private commitJson(sha: string) {
    const c = this.commitOf(sha) as Extract<Obj, { type: 'commit' }>;
    const who = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com', date: c.date };
    return {
      sha,
      node_id: `C_${sha.slice(0, 8)}`,
      url: this.api(`/git/commits/${sha}`),
      html_url: `https://github.com/${this.fullName}/commit/${sha}`,
      author: who,
      committer: who,
      message: c.message,
      tree: { sha: c.tree, url: this.api(`/git/trees/${c.tree}`) },
      parents: c.parents.map((p) => ({ sha: p, url: this.api(`/git/commits/${p}`), html_url: `https://github.com/${this.fullName}/commit/${p}` })),
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null },
    };
  }
}

function notFound(doc: string): GitAnswer {
  return { status: 404, body: { message: 'Not Found', documentation_url: doc, status: '404' } };
}

function invalid(message: string, doc: string): GitAnswer {
  return { status: 422, body: { message, documentation_url: `${DOCS}/${doc}`, status: '422' } };
}

/** git's tree order: by name, a tree's name compared as if it ended in `/`. */
function sortEntries(entries: TreeEntry[]): TreeEntry[] {
  const key = (e: TreeEntry) => Buffer.from(e.type === 'tree' ? `${e.name}/` : e.name);
  return entries.sort((a, b) => Buffer.compare(key(a), key(b)));
}

function serialise(o: Obj): Buffer {
  if (o.type === 'blob') return o.data;
  if (o.type === 'tree') {
    return Buffer.concat(
      o.entries.map((e) => Buffer.concat([Buffer.from(`${e.mode === '040000' ? '40000' : e.mode} ${e.name}\0`), Buffer.from(e.sha, 'hex')])),
    );
  }
  const stamp = `${Math.floor(Date.parse(o.date) / 1000)} +0000`;
  const who = 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>';
  return Buffer.from(
    [`tree ${o.tree}`, ...o.parents.map((p) => `parent ${p}`), `author ${who} ${stamp}`, `committer ${who} ${stamp}`, '', o.message].join('\n'),
  );
}
