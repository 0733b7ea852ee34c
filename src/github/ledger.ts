// The ledger of past spending for period budgets, as the action finds it:
//   ledger: history (default; `artifact` is its old name) -> the history stores
//     (github/history.ts): the branch's running totals for the current month, quarter and year,
//     plus, from the artifacts, runs of those periods from before the branch began;
//   ledger: file:PATH -> a JSONL ledger committed in the repository, relative to the scenario
//     file as in `ml-lca report`. On a pull request it is read at the base commit (contents
//     API), not from the checkout: a change must not be able to lower the spending it is
//     judged against by editing the ledger. On a push it is the checkout (the branch itself).
// A history that cannot be read never crashes the action: the budgets are evaluated on what was
// found and a warning says what is missing. A bad JSONL ledger file is the user's to fix: an
// InputError naming the line, as in the CLI.
import path from 'node:path';
import type { Io } from '../io.js';
import type { Scenario } from '../scenario/schema.js';
import { loadScenarioLedger, periodMetrics, type LoadedLedger } from '../ledger/apply.js';
import { entryFromCard } from '../ledger/entries.js';
import { isPeriodBudget } from '../ledger/position.js';
import { cardFromText, parseLedgerJsonl, parseLedgerSetting } from '../ledger/read.js';
import { findSpendingIn } from '../history/index.js';
import { fileAtCommit } from './baseline.js';
import type { PullRequestInfo, RunContext } from './context.js';
import type { ActionHistory } from './history.js';
import { describeError, type ActionOctokit } from './octokit.js';

export interface ActionLedgerArgs {
  /** The scenario as written (its `ledger` key is not in the resolved scenario). */
  scenario: Pick<Scenario, 'name' | 'budgets' | 'ledger'>;
  scenarioFile: string;
  /** The checkout's root (GITHUB_WORKSPACE): repository paths are relative to it. */
  workspace: string;
  ctx: RunContext;
  /** The history stores of this run (github/history.ts). */
  history: Pick<ActionHistory, 'primary' | 'fallback'>;
  now: Date;
  io: Io;
  log: (m: string) => void;
}

/**
 * The ledger for one scenario's period budgets in the action, or null when it has none.
 * Pass the result as `buildReport({ ..., ledger })`.
 */
export async function loadActionLedger(octokit: ActionOctokit, a: ActionLedgerArgs): Promise<LoadedLedger | null> {
  const periodBudgets = a.scenario.budgets.filter(isPeriodBudget);
  if (periodBudgets.length === 0) return null;
  const setting = parseLedgerSetting(a.scenario.ledger, a.scenarioFile);
  if (setting.kind === 'file') {
    const pr = a.ctx.pullRequest;
    if (pr) {
      const atBase = await ledgerFileAtBase(octokit, a, setting.path, pr);
      if (atBase) return atBase;
    }
    // From the checkout: same code path as the CLI (errors are the user's to fix).
    return loadScenarioLedger(a.scenario, a.scenarioFile, a.io, a.workspace);
  }
  if (!a.history.primary) {
    return { source: 'none', entries: [], warnings: ['ledger: the history is off (history: off), so spent counts only this change'] };
  }
  const ctx = a.ctx;
  return findSpendingIn(a.history.primary, a.history.fallback, {
    now: a.now,
    periods: [...new Set(periodBudgets.map((b) => b.period))],
    metrics: periodMetrics(a.scenario.budgets),
    scenario: a.scenario.name,
    // Team budgets count every scenario of the team; model budgets only this one.
    teams: periodBudgets.some((b) => b.scope === 'team'),
    // The run being evaluated (a re-run of a recorded push run): its earlier attempt is this change.
    excludeRun: ctx.runId !== null ? { id: ctx.runId, repo: `${ctx.repo.owner}/${ctx.repo.repo}` } : null,
  });
}

/**
 * A JSONL (or single-card) file ledger as it is at the pull request's base commit. Null when it
 * cannot be addressed in the repository (outside the workspace) or is a directory of cards: the
 * caller reads the checkout then. A ledger missing at the base, or an API failure, counts
 * nothing and says so; a malformed line is an InputError naming it, as in the CLI.
 */
async function ledgerFileAtBase(octokit: ActionOctokit, a: ActionLedgerArgs, setting: string, pr: PullRequestInfo): Promise<LoadedLedger | null> {
  const abs = path.resolve(path.dirname(a.scenarioFile), setting);
  const rel = path.relative(path.resolve(a.workspace), abs).split(path.sep).join('/');
  if (rel === '' || rel.startsWith('../') || path.isAbsolute(rel)) return null;
  // Not a file in the checkout and not named like one: a directory of cards, read from the checkout.
  if ((await a.io.size(abs)) === null && !/\.(jsonl|ndjson|json)$/i.test(rel)) return null;
  const source = `file:${setting}`;
  const at = `${rel} at the base commit ${pr.baseSha.slice(0, 7)} (${pr.baseRef})`;
  let text: string | null;
  try {
    text = await fileAtCommit(octokit, a.ctx.repo, rel, pr.baseSha);
  } catch (e) {
    return { source, entries: [], warnings: [`ledger: ${at} could not be read (${describeError(e)}); spent counts only this change`] };
  }
  if (text === null) return { source, entries: [], warnings: [`ledger: ${at} does not exist; spent counts only this change`] };
  a.log(`ledger: ${at} (changes to it in this pull request are not counted)`);
  const metrics = periodMetrics(a.scenario.budgets);
  if (/\.json$/i.test(rel)) {
    const got = cardFromText(text);
    if ('reason' in got) return { source, entries: [], warnings: [`ledger: ${at} is not a model card (${got.reason}); spent counts only this change`] };
    return { source, entries: [entryFromCard(got.card, { source: path.posix.basename(rel) }, metrics)], warnings: [] };
  }
  return { source, entries: parseLedgerJsonl(text, at), warnings: [] };
}
