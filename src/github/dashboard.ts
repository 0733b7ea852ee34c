// `dashboard: true`: after a push run recorded itself in the history branch, publish the carbon
// dashboard into that branch's docs/ folder (GitHub Pages: "Deploy from a branch", the history
// branch, /docs). Thin: the branch is read as one zipball (1 API call) and written through the
// history's own backend (src/dashboard/publish.ts does the rest). A failure is a warning, never a
// failed step: the run is recorded either way.
import { filesFromZipball, type PublishTarget, publishDashboard, SITE_DIR } from '../dashboard/publish.js';
import { toBytes } from '../history/index.js';
import type { ActionHistory } from './history.js';
import type { RunContext } from './context.js';
import { describeError } from './octokit.js';

export interface PublishArgs {
  branch: NonNullable<ActionHistory['branch']>;
  ctx: RunContext;
  now: Date;
  version: string;
  /** ms one second of backoff stands for (1000; tests shrink it). */
  retryBaseMs: number;
  log: { info(m: string): void; warning(m: string): void };
}

/** Publish the dashboard; a line for the summary (null when there was nothing to say). */
export async function publishRunDashboard(a: PublishArgs): Promise<string | null> {
  const { backend, octokit, repo } = a.branch;
  const target: PublishTarget = {
    label: backend.label,
    head: () => backend.head(),
    files: async (version) => {
      try {
        const r = await octokit.rest.repos.downloadZipballArchive({ ...repo, ref: version });
        return filesFromZipball(toBytes(r.data));
      } catch (e) {
        throw new Error(`downloading ${backend.label} at ${version.slice(0, 7)}: ${describeError(e)}`);
      }
    },
    commit: (parent, files, message) => backend.commit(parent, files, message),
  };
  const own = `${a.ctx.repo.owner}/${a.ctx.repo.repo}`;
  const outcome = await publishDashboard(target, {
    now: a.now,
    links: { server: a.ctx.serverUrl || 'https://github.com', repo: own },
    title: `${own}: carbon dashboard`,
    version: a.version,
    backoffMs: (n) => a.retryBaseMs * n * (0.5 + Math.random()),
  });
  const where = `${SITE_DIR}/ of ${backend.label}`;
  if (outcome.kind === 'failed') {
    a.log.warning(`ml-lca: dashboard: not published to ${where} (${outcome.reason}). The run itself is recorded.`);
    return `Dashboard not published: ${outcome.reason}.`;
  }
  for (const w of outcome.warnings.slice(0, 5)) a.log.info(`dashboard: ${w}`);
  if (outcome.kind === 'unchanged') {
    a.log.info(`dashboard: ${where} already up to date (${outcome.runs} runs)`);
    return null;
  }
  a.log.info(
    `dashboard: ${outcome.changed} file(s) of ${where} updated (commit ${outcome.version.slice(0, 7)}; ${outcome.runs} runs of ${outcome.scenarios} scenarios)`,
  );
  return `Dashboard published to \`${SITE_DIR}/\` of ${backend.label} (commit \`${outcome.version.slice(0, 7)}\`).`;
}
