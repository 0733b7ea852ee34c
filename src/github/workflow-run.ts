// Comment mode for fork pull requests (event `workflow_run`). A PR from a fork runs with a
// read-only token, so it cannot comment; it uploads its model card as an artifact instead. A
// second workflow, triggered by `workflow_run` on the first, runs in the base repository with
// a write token and WITHOUT checking out or executing any PR code: it downloads the card
// artifact(s) of the triggering run over REST, validates each with the ModelCard schema,
// renders the comment with renderReport (which escapes every text from the card), finds the PR
// through the API (never from artifact contents), and upserts the sticky comment.
// Budgets are enforced by the PR's own workflow; this one only reports.
import path from 'node:path';
import { ModelCard } from '../report/card-schema.js';
import { renderReport } from '../report/markdown.js';
import type { Inputs } from './inputs.js';
import { slug } from './inputs.js';
import type { RepoRef, WorkflowRunInfo } from './context.js';
import type { ActionOctokit } from './octokit.js';
import { describeError } from './octokit.js';
import { cardFromZip, MAX_ARTIFACT_BYTES } from './baseline.js';
import { escapeCode } from '../report/escape.js';
import { commentBody, upsertComment } from './comment.js';
import { summaryMarkdown, type SummaryEntry } from './summary.js';
import { outputsOf, type Outputs, type ScenarioOutcome } from './outputs.js';
import type { RunDeps, RunResult } from './run.js';
import { OUT_DIR, writeOutcomes } from './out-dir.js';

/** `ml-lca-{scenario}` -> /^ml-lca-.+$/; a name without the placeholder matches itself only. `{job}` and `{matrix}` match any text. */
export function artifactPattern(template: string): RegExp {
  const quote = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const body = template
    .split(/(\{(?:scenario|job|matrix)\})/)
    .map((part) => (part === '{scenario}' ? '.+' : part === '{job}' || part === '{matrix}' ? '.*' : quote(part)))
    .join('');
  return new RegExp(`^${body}$`);
}

export async function runWorkflowRunMode(inputs: Inputs, deps: RunDeps, cwd: string): Promise<RunResult> {
  const wr = deps.context.workflowRun;
  if (!wr) {
    deps.log.warning('ml-lca: workflow_run event without a workflow_run payload; nothing to do.');
    return { verdict: null, failure: null };
  }
  if (inputs.scenarios.length)
    deps.log.info('ml-lca: workflow_run event: comment mode; the scenario input is not used (the triggering run computed the cards).');
  const { repo } = deps.context;
  const pattern = artifactPattern(inputs.artifactName);
  const list = await deps.octokit.rest.actions.listWorkflowRunArtifacts({ ...repo, run_id: wr.id, per_page: 100 });
  const artifacts = list.data.artifacts.filter((a) => pattern.test(a.name) && !a.expired);
  if (artifacts.length === 0) {
    deps.log.warning(`ml-lca: run ${wr.id} has no artifact matching ${inputs.artifactName}; nothing to comment.`);
    return { verdict: null, failure: null };
  }

  const outcomes: Array<ScenarioOutcome & SummaryEntry & { dir: string }> = [];
  for (const a of artifacts) {
    // The fork chose the name (it matched the pattern): a code span that its backticks cannot end.
    const name = escapeCode(a.name);
    // Before downloading: the fork decides how big its artifact is.
    if ((a.size_in_bytes ?? 0) > MAX_ARTIFACT_BYTES) {
      deps.log.warning(`ml-lca: artifact ${a.name} of run ${wr.id} is ${a.size_in_bytes} bytes, more than a model card; skipped.`);
      continue;
    }
    let text: string | null;
    try {
      const zip = await deps.octokit.rest.actions.downloadArtifact({ ...repo, artifact_id: a.id, archive_format: 'zip' });
      text = cardFromZip(zip.data instanceof ArrayBuffer ? new Uint8Array(zip.data) : new Uint8Array());
    } catch (e) {
      deps.log.warning(`ml-lca: artifact ${a.name} of run ${wr.id} could not be read (${describeError(e)})`);
      continue;
    }
    const card = text === null ? null : parseCard(text);
    if (card === null) {
      deps.log.warning(`ml-lca: artifact ${a.name} of run ${wr.id} holds no valid model card; skipped.`);
      continue;
    }
    const markdown = renderReport(card);
    const dir = path.join(cwd, OUT_DIR, slug(card.scenario.name));
    outcomes.push({ card, markdown, dir, cardPath: path.join(dir, 'model-card.json'), notes: [`From artifact ${name} of run ${wr.id}.`] });
  }
  await writeOutcomes(outcomes, cwd, deps.io);

  let prNumber: number | null = null;
  if (wr.event === 'pull_request' || wr.event === 'pull_request_target') {
    try {
      prNumber = await pullRequestOf(deps.octokit, repo, wr);
    } catch (e) {
      deps.log.warning(`ml-lca: could not find the pull request of run ${wr.id} (${describeError(e)})`);
    }
  }
  if (prNumber === null) {
    deps.log.info(`ml-lca: run ${wr.id} (${wr.event}) belongs to no open pull request; summary only.`);
  } else if (inputs.comment !== 'never') {
    for (const o of outcomes) {
      const r = await upsertComment(deps.octokit, { repo, prNumber, scenarioName: o.card.scenario.name, body: commentBody(o.card), mode: inputs.comment });
      if (r.action === 'failed') deps.log.warning(`ml-lca: ${o.card.scenario.name}: no PR comment: ${r.reason}`);
      else if (r.action === 'created' || r.action === 'updated') deps.log.info(`${o.card.scenario.name}: PR #${prNumber} comment ${r.action}: ${r.url}`);
    }
  }
  try {
    await deps.summary.append(summaryMarkdown(outcomes));
  } catch (e) {
    deps.log.warning(`ml-lca: could not write the job summary (${describeError(e)})`);
  }
  const out = outputsOf(outcomes);
  for (const [k, v] of Object.entries(out) as Array<[keyof Outputs, string]>) deps.setOutput(k, v);
  return { verdict: outcomes.length ? (out.verdict as RunResult['verdict']) : null, failure: null };
}

function parseCard(text: string): ModelCard | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const r = ModelCard.safeParse(json);
  return r.success ? r.data : null;
}

/**
 * The PR of the triggering run: the one whose head is exactly the run's commit. The payload's
 * `pull_requests` is used only when it names a PR with that head (one branch can have two open
 * PRs, and a PR's head may have moved on since the run); it is empty for forks, so otherwise
 * the PR is looked up by `head=<owner>:<branch>`, again keeping the exact head commit.
 */
export async function pullRequestOf(octokit: ActionOctokit, repo: RepoRef, wr: WorkflowRunInfo): Promise<number | null> {
  const listed = (wr.pullRequestHeads ?? []).filter((p) => p.headSha === wr.headSha);
  if (listed.length === 1 && listed[0]) return listed[0].number;
  if (!wr.headOwner || !wr.headBranch) return null;
  const prs = await octokit.rest.pulls.list({ ...repo, head: `${wr.headOwner}:${wr.headBranch}`, state: 'open', per_page: 30 });
  return prs.data.find((p) => p.head.sha === wr.headSha)?.number ?? null;
}
