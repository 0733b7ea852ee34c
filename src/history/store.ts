// The one small interface every history store implements: the git branch (tree.ts over
// git.ts), a local checkout or directory copy of it (tree.ts over dir.ts), and the artifacts of
// past workflow runs (artifact.ts, read-only, the fallback). `src/github/` only wires them.
import type { z } from 'zod';
import type { Baseline } from '../compare/schema.js';
import type { LoadedLedger } from '../ledger/apply.js';
import type { PeriodKind } from '../ledger/schema.js';
import type { RunRecord } from './layout.js';

export type BaselineMeta = z.infer<typeof Baseline>;

export interface BaselineQuery {
  scenario: string;
  /** owner/name the pull request belongs to (a shared history holds several repositories). */
  repo: string;
  /** The base branch: its newest entry is the baseline when the base commit has none. */
  branch: string;
  /** The base commit; null to take the newest entry of the branch. */
  sha: string | null;
}

export type BaselineLookup =
  /** `text` is the card as stored (validated by the caller); `note` says when it is not the base commit's own. */
  { kind: 'found'; text: string; where: string; meta: BaselineMeta; note: string | null } | { kind: 'none'; reason: string };

export interface SpendingQuery {
  now: Date;
  /** The periods the budgets cover (a store may read less for a month than for a year). */
  periods: readonly PeriodKind[];
  /** The scenario evaluated, and whether its team's other scenarios count too (a team budget). */
  scenario: string;
  teams: boolean;
  /** Card paths the period budgets sum (each entry keeps them). */
  metrics: readonly string[];
  /** The run being evaluated: a re-run's first attempt is "this change", not past spending. */
  excludeRun?: { id: number; repo: string } | null;
  /** Count only runs created before this instant (what another store does not cover). */
  before?: string | null;
}

/** Past spending; `since` is where a store's record begins (null: it holds nothing yet, undefined: it does not say). */
export type Spending = LoadedLedger & { since?: string | null };

export type RecordOutcome =
  | { kind: 'recorded'; version: string; attempts: number; replaced: number; warnings: string[] }
  | { kind: 'failed'; reason: string; attempts: number; warnings: string[] };

export interface HistoryStore {
  /** Short code for cards and comments: `history:ml-lca-data`, `artifact`, `dir:PATH`. */
  readonly source: string;
  /** For sentences: "branch ml-lca-data of acme/model". */
  readonly label: string;
  /** The card a pull request compares with: the base commit's entry, else the newest on the base branch. */
  baseline(q: BaselineQuery): Promise<BaselineLookup>;
  /** Past spending for period budgets (the current month, quarter and year of `now`). */
  spending(q: SpendingQuery): Promise<Spending>;
  /** Add runs (one commit for all of them); absent on read-only stores. */
  record?(records: readonly RunRecord[], now: Date): Promise<RecordOutcome>;
}

/** An API failure a store reports in words (status and message, never headers). */
export class HistoryApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'HistoryApiError';
  }
}

/** One line about any failure, for a warning. */
export function describeFailure(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0]?.slice(0, 300) ?? '';
}
