// The history branch as a backend of tree.ts, through the GitHub Git Data API: no git binary,
// no checkout. A commit is: the parent's tree (1 call), a new tree with the changed files'
// contents inline on top of it (1), a commit (1), then moving the branch without force (1).
// GitHub refuses a move that is not a fast-forward (422 "Update is not a fast forward"), and
// that is the signal another run recorded first; tree.ts then reads again and retries.
import type { ReadFile } from './layout.js';
import type { CommitResult, HistoryBackend } from './tree.js';

/** The calls the branch store makes; github/git-data.ts implements them with octokit. */
export interface GitDataApi {
  /** owner/name of the repository holding the branch. */
  readonly repo: string;
  /** The file's text at a ref (branch name or commit), or null when it does not exist there. */
  readFile(ref: string, path: string): Promise<string | null>;
  /** The commit the branch points to, or null when there is no such branch. */
  branchHead(branch: string): Promise<string | null>;
  /** The tree of a commit. */
  commitTree(commit: string): Promise<string>;
  /** A tree: `baseTree` (or nothing) with these files set. */
  createTree(baseTree: string | null, files: ReadonlyArray<{ path: string; content: string }>): Promise<string>;
  createCommit(message: string, tree: string, parents: readonly string[]): Promise<string>;
  /** Move the branch to `commit`, never forced: 'conflict' when that is not a fast-forward (or the branch is gone). */
  updateBranch(branch: string, commit: string): Promise<'ok' | 'conflict'>;
  /** 'conflict' when the branch exists already (another run created it first). */
  createBranch(branch: string, commit: string): Promise<'ok' | 'conflict'>;
}

export class GitBranchBackend implements HistoryBackend {
  readonly source: string;
  readonly label: string;

  constructor(
    private readonly api: GitDataApi,
    readonly branch: string,
    /** Whether the repository is another than the one the run belongs to (for the label). */
    crossRepo = false,
  ) {
    this.source = `history:${branch}`;
    this.label = crossRepo ? `branch ${branch} of ${api.repo}` : `branch ${branch}`;
  }

  latest(): ReadFile {
    return (path) => this.api.readFile(this.branch, path);
  }

  at(version: string): ReadFile {
    return (path) => this.api.readFile(version, path);
  }

  head(): Promise<string | null> {
    return this.api.branchHead(this.branch);
  }

  async commit(parent: string | null, files: ReadonlyMap<string, string>, message: string): Promise<CommitResult> {
    const list = [...files].map(([path, content]) => ({ path, content }));
    const baseTree = parent === null ? null : await this.api.commitTree(parent);
    const tree = await this.api.createTree(baseTree, list);
    const commit = await this.api.createCommit(message, tree, parent === null ? [] : [parent]);
    const r = parent === null ? await this.api.createBranch(this.branch, commit) : await this.api.updateBranch(this.branch, commit);
    return r === 'ok' ? { ok: true, version: commit } : { ok: false };
  }
}
