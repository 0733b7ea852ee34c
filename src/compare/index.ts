// Comparison of two cards and budget verdicts.
export { METRICS, STAGE_FIELDS, labelOf, numericPaths, unitOf, valueAtPath, type Metric } from './metrics.js';
export { compareCards, compareMetric, consistency, type CardForComparison } from './compare.js';
export { evaluateBudgets, verdictOf, type HeadForBudgets } from './budgets.js';
