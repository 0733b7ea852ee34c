// The ledger step of a report: read the scenario's `ledger: file:PATH` (the action passes
// artifact entries itself), evaluate the period budgets against the head card, and give
// back the budget results and the card's `extensions.ledger` block.
import path from 'node:path';
import type { BudgetResult } from '../compare/schema.js';
import { containedPath, type Io } from '../io.js';
import type { Budget } from '../scenario/schema.js';
import { isPeriodBudget, evaluatePeriodBudgets, type LedgerScenario, type PeriodSums } from './position.js';
import { parseLedgerSetting, readLedger } from './read.js';
import type { LedgerEntry, LedgerExtension } from './schema.js';

/** Past spending as found by whoever could find it (a file here, a history store in src/history/). */
export interface LoadedLedger {
  /** `history:BRANCH`, `artifact`, `file:PATH`, or a CLI path. */
  source: string;
  entries: LedgerEntry[];
  /** Running sums per scope, name and period (a history index): counted like entries. */
  sums?: readonly PeriodSums[];
  /** Runs the ledger holds in all (for the card's `extensions.ledger.entries`); entries.length when absent. */
  size?: number;
  warnings: string[];
}

/** Card paths the scenario's period budgets sum, so entries keep them. */
export function periodMetrics(budgets: readonly Budget[]): string[] {
  return [...new Set(budgets.filter(isPeriodBudget).map((b) => b.metric))];
}

/**
 * The ledger a scenario names when it can be read without GitHub: `file:PATH` (JSONL,
 * relative to the scenario file like its logs). `artifact` (the default) returns null:
 * only the action can list workflow runs. Null too when there are no period budgets.
 * The file must lie inside `root` (the working directory: the repository in the action; the
 * scenario's directory when not given), also after symlinks: `file:../../etc/passwd` is refused
 * before anything is read.
 */
export async function loadScenarioLedger(
  scenario: { ledger?: string | undefined; budgets: readonly Budget[] },
  scenarioFile: string,
  io: Io,
  root: string = path.dirname(scenarioFile),
): Promise<LoadedLedger | null> {
  if (!scenario.budgets.some(isPeriodBudget)) return null;
  const setting = parseLedgerSetting(scenario.ledger, scenarioFile);
  if (setting.kind !== 'file') return null;
  const file = await containedPath(io, root, path.resolve(path.dirname(scenarioFile), setting.path), { field: 'ledger', file: scenarioFile });
  const read = await readLedger(file, io, periodMetrics(scenario.budgets));
  return { source: `file:${setting.path}`, entries: read.entries, warnings: read.warnings };
}

/**
 * Period budget results and the `extensions.ledger` block for a head card. With no ledger
 * (`ledger: history` outside the action), spending counts only this change, and a warning
 * says so. `extension` is null when the scenario has no period budget.
 */
export function applyLedger(
  budgets: readonly Budget[],
  scenario: LedgerScenario,
  headCard: object,
  ledger: LoadedLedger | null,
  now: Date,
): { results: BudgetResult[]; extension: LedgerExtension | null; warnings: string[] } {
  if (!budgets.some(isPeriodBudget)) return { results: [], extension: null, warnings: [] };
  const warnings = ledger
    ? [...ledger.warnings]
    : [
        'period budgets: no ledger of past runs (the GitHub action reads its history branch; use ledger: file:PATH, or ml-lca ledger on a checkout of the branch, elsewhere), so spent counts only this change',
      ];
  const ev = evaluatePeriodBudgets(budgets, scenario, headCard, ledger?.entries ?? [], now, ledger?.sums ?? []);
  warnings.push(...ev.warnings);
  return {
    results: ev.results,
    extension: { source: ledger?.source ?? 'none', entries: ledger?.size ?? ledger?.entries.length ?? 0, positions: ev.positions, warnings },
    warnings,
  };
}
