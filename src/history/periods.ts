// The earliest start of the current periods (the oldest run a set of period budgets counts).
import { periodOf } from '../ledger/period.js';
import type { PeriodKind } from '../ledger/schema.js';

export function earliestStart(now: Date, periods: readonly PeriodKind[]): string {
  return periods.map((p) => periodOf(now, p).start).sort()[0] ?? periodOf(now, 'year').start;
}
