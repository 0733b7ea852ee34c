// The artifact store's ArtifactApi (src/history/artifact.ts) on octokit. Failures become
// HistoryApiErrors with status and message (never headers).
import { type ArtifactApi, type ArtifactInfo, HistoryApiError, toBytes } from '../history/index.js';
import type { RepoRef } from './context.js';
import { describeError, statusOf, type ActionOctokit } from './octokit.js';

interface RawArtifact {
  id: number;
  name: string;
  expired: boolean;
  expires_at?: string | null;
  created_at?: string | null;
  size_in_bytes?: number;
  workflow_run?: { id?: number } | null;
}

const info = (a: RawArtifact): ArtifactInfo => ({
  id: a.id,
  name: a.name,
  expired: a.expired,
  expires_at: a.expires_at ?? null,
  created_at: a.created_at ?? null,
  size_in_bytes: a.size_in_bytes ?? null,
  run_id: a.workflow_run?.id ?? null,
});

export function artifactApi(octokit: ActionOctokit, repo: RepoRef): ArtifactApi {
  const wrap = async <T>(f: () => Promise<T>): Promise<T> => {
    try {
      return await f();
    } catch (e) {
      throw new HistoryApiError(describeError(e), statusOf(e));
    }
  };
  return {
    listPushRuns: (q) =>
      wrap(async () => {
        const r = await octokit.rest.actions.listWorkflowRuns({
          ...repo,
          workflow_id: q.workflowId,
          branch: q.branch,
          event: 'push',
          status: 'success',
          ...(q.created ? { created: q.created } : {}),
          per_page: q.perPage,
          ...(q.page > 1 || q.created ? { page: q.page } : {}),
        });
        return {
          total: r.data.total_count,
          runs: r.data.workflow_runs.map((w) => ({
            id: w.id,
            head_sha: w.head_sha,
            head_branch: w.head_branch ?? null,
            event: w.event,
            conclusion: w.conclusion ?? null,
            created_at: w.created_at,
          })),
        };
      }),
    listRunArtifacts: (runId, name) =>
      wrap(async () => (await octokit.rest.actions.listWorkflowRunArtifacts({ ...repo, run_id: runId, name, per_page: 10 })).data.artifacts.map(info)),
    listRepoArtifacts: (q) =>
      wrap(async () => {
        const r = await octokit.rest.actions.listArtifactsForRepo({ ...repo, per_page: q.perPage, page: q.page, ...(q.name ? { name: q.name } : {}) });
        return { total: r.data.total_count, artifacts: r.data.artifacts.map(info) };
      }),
    downloadZip: (id) => wrap(async () => toBytes((await octokit.rest.actions.downloadArtifact({ ...repo, artifact_id: id, archive_format: 'zip' })).data)),
  };
}
