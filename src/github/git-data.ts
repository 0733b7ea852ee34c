// The history branch's GitDataApi (src/history/git.ts) on octokit: contents API for reads
// (raw, at a branch or a commit), Git Data API for writes (trees with inline contents, commits,
// refs moved without force). GitHub's answers that mean "another run got there first" become
// 'conflict': 422 "Update is not a fast forward" or "Reference does not exist" on a ref update,
// 422 "Reference already exists" on creating it, and 409. Every other failure is a
// HistoryApiError carrying status and message, never headers.
import { HistoryApiError, type GitDataApi } from '../history/index.js';
import { fileAtCommit } from './baseline.js';
import type { RepoRef } from './context.js';
import { describeError, statusOf, type ActionOctokit } from './octokit.js';

export function gitDataApi(octokit: ActionOctokit, repo: RepoRef): GitDataApi {
  const wrap = async <T>(what: string, f: () => Promise<T>): Promise<T> => {
    try {
      return await f();
    } catch (e) {
      if (e instanceof HistoryApiError) throw e;
      throw new HistoryApiError(`${what} ${repo.owner}/${repo.repo}: ${describeError(e)}`, statusOf(e));
    }
  };
  const conflict = (e: unknown, messages: RegExp): boolean => {
    const s = statusOf(e);
    return s === 409 || (s === 422 && messages.test(e instanceof Error ? e.message : ''));
  };
  return {
    repo: `${repo.owner}/${repo.repo}`,
    readFile: (ref, path) => wrap(`reading ${path} at ${ref} of`, () => fileAtCommit(octokit, repo, path, ref)),
    branchHead: (branch) =>
      wrap(`reading branch ${branch} of`, async () => {
        try {
          const r = await octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
          return r.data.object.sha;
        } catch (e) {
          // 404: no such branch; 409: an empty repository ("Git Repository is empty.").
          if (statusOf(e) === 404 || statusOf(e) === 409) return null;
          throw e;
        }
      }),
    commitTree: (commit) => wrap('reading a commit of', async () => (await octokit.rest.git.getCommit({ ...repo, commit_sha: commit })).data.tree.sha),
    createTree: (baseTree, files) =>
      wrap('writing a tree to', async () => {
        const tree = files.map((f) => ({ path: f.path, mode: '100644' as const, type: 'blob' as const, content: f.content }));
        const r = await octokit.rest.git.createTree({ ...repo, tree, ...(baseTree ? { base_tree: baseTree } : {}) });
        return r.data.sha;
      }),
    createCommit: (message, tree, parents) =>
      wrap('writing a commit to', async () => (await octokit.rest.git.createCommit({ ...repo, message, tree, parents: [...parents] })).data.sha),
    updateBranch: (branch, commit) =>
      wrap(`moving branch ${branch} of`, async () => {
        try {
          await octokit.rest.git.updateRef({ ...repo, ref: `heads/${branch}`, sha: commit, force: false });
          return 'ok' as const;
        } catch (e) {
          if (conflict(e, /fast.forward|does not exist/i)) return 'conflict' as const;
          throw e;
        }
      }),
    createBranch: (branch, commit) =>
      wrap(`creating branch ${branch} of`, async () => {
        try {
          await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: commit });
          return 'ok' as const;
        } catch (e) {
          if (conflict(e, /already exists/i)) return 'conflict' as const;
          throw e;
        }
      }),
  };
}
