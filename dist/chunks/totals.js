import { p as periodOf, ah as DAY_MS, ai as utcDate } from './read.js';

// Ledger totals per team and per model per period, and the daily cumulative series the
// chart draws. Pure.
/**
 * Totals of co2e_kg per (team, period) and per (model, period), newest period first, then
 * by name. Entries with no team count toward no team total (they still count for their model).
 */
function ledgerTotals(entries, period) {
    const byKey = new Map();
    const add = (scope, name, p, kg) => {
        const key = `${scope}\u0000${name}\u0000${p.label}`;
        const t = byKey.get(key) ?? { scope, name, period: p.label, start: p.start, end: p.end, runs: 0, co2e_kg: 0 };
        t.runs += 1;
        t.co2e_kg += kg;
        byKey.set(key, t);
    };
    for (const e of entries) {
        const p = periodOf(e.created_at, period);
        if (e.team !== null)
            add('team', e.team, p, e.co2e_kg);
        add('model', e.scenario, p, e.co2e_kg);
    }
    return [...byKey.values()].sort((a, b) => b.start.localeCompare(a.start) || a.scope.localeCompare(b.scope) || a.name.localeCompare(b.name));
}
/**
 * Cumulative co2e_kg at the end of each UTC day of `p`, from its first day up to the day of
 * `now` (or of a later run in the period: clocks disagree), never past the period's end.
 * Days to come are left out, so a chart does not draw spending that has not happened.
 */
function dailyCumulative(entries, p, now) {
    const startMs = Date.parse(p.start);
    const endMs = Date.parse(p.end);
    const latestRun = Math.max(0, ...entries.map((e) => Date.parse(e.created_at)).filter((t) => t < endMs));
    const lastMs = Math.min(endMs - 1, Math.max(startMs, now.getTime(), latestRun));
    const days = Math.floor((lastMs - startMs) / DAY_MS) + 1;
    const perDay = new Array(days).fill(0);
    for (const e of entries) {
        const i = Math.floor((Date.parse(e.created_at) - startMs) / DAY_MS);
        if (i >= 0 && i < days)
            perDay[i] = (perDay[i] ?? 0) + e.co2e_kg;
    }
    let sum = 0;
    return perDay.map((v, i) => {
        sum += v;
        return { date: utcDate(startMs + i * DAY_MS), cumulative: sum };
    });
}

export { dailyCumulative as d, ledgerTotals as l };
