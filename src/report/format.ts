// The report's number style (PR comment, job summary, report.md, CLI lines, `compare`, the
// ledger) is the project's one number style: src/number-format.ts, shared with the dashboard.
export * from '../number-format.js';
/** The unit of a card path: one table of metrics and units, in compare/metrics.ts (kept out of
 * the shared module so the dashboard's browser bundle does not take the metrics table in). */
export { unitOf } from '../compare/metrics.js';
