// Public API of the ledger (period budgets across runs).
export { LedgerEntry, LedgerPosition, LedgerExtension, PeriodKind, UtcInstant } from './schema.js';
export { periodOf, inPeriod, utcDate, type Period } from './period.js';
export { entryFromCard, dedupeEntries, dedupeRuns, runKey, metricOf, numberAt, DEFAULT_METRIC } from './entries.js';
export { readLedger, readCardDir, parseLedgerJsonl, parseLedgerSetting, cardFromText, toJsonl, type LedgerSetting } from './read.js';
export { evaluatePeriodBudgets, isPeriodBudget, type LedgerScenario, type PeriodBudgetEvaluation, type PeriodSums } from './position.js';
export { applyLedger, loadScenarioLedger, periodMetrics, type LoadedLedger } from './apply.js';
export { renderLedgerSection, ledgerSectionForCard, renderCumulativeChart, textBar, withUnit } from './render.js';
export { ledgerTotals, dailyCumulative, type LedgerTotal } from './totals.js';
