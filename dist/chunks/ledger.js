import path from 'node:path';
import { m as markdownTable } from './index.js';
import { I as InputError } from './errors.js';
import { r as readLedger, h as evaluatePeriodBudgets, g as escapeMarkdown, j as fmt, k as param, t as textBar, l as renderLedgerSection, p as periodOf, m as renderCumulativeChart, D as DEFAULT_METRIC } from './read.js';
import { i as isHistoryDir, e as historyEntries, f as auditTotals } from './dir.js';
import { l as ledgerTotals, d as dailyCumulative } from './totals.js';
import { p as parseFlags, e as enumFlag } from './args.js';
import './schemas.js';
import 'node:crypto';
import 'node:util';

// `ml-lca ledger DIR_OR_JSONL [--json] [--period month|quarter|year] [--budget KG] [--team NAME]`:
// what past runs spent per team and per model per period, with a cumulative chart against
// the budget. Exit 1 when a --budget is exceeded in the current period, 2 on bad input.
// DIR may be a checkout (or copy) of the history branch: its JSONL entries are counted, and the
// running totals the action read are checked against them (an offline audit).
const USAGE = 'ml-lca ledger DIR_OR_JSONL [--json] [--period month|quarter|year] [--budget KG] [--team NAME]';
/** Charts beyond this many groups add length, not insight. */
const MAX_CHARTS = 8;
async function ledgerCommand(argv, io) {
    const { values, positionals } = parseFlags('ledger', argv, { json: { type: 'boolean' }, period: { type: 'string' }, budget: { type: 'string' }, team: { type: 'string' } }, { min: 1, max: 1, usage: USAGE });
    const period = enumFlag('ledger', 'period', values.period, ['month', 'quarter', 'year'], 'month');
    const budget = values.budget === undefined ? null : budgetFlag(values.budget);
    const team = values.team;
    if (team !== undefined && team.trim() === '') {
        throw new InputError({ code: 'BAD_FLAG', field: 'ml-lca ledger --team', expected: 'a team name', got: '""' });
    }
    const target = path.resolve(io.cwd, positionals[0] ?? '.');
    const read = (await isHistoryDir(target, io)) ? await readHistoryLedger(target, io) : await readLedger(target, io);
    for (const w of read.warnings)
        io.log(`ml-lca ledger: ${w}`);
    const entries = team === undefined ? read.entries : read.entries.filter((e) => e.team === team);
    const now = io.now();
    const totals = ledgerTotals(entries, period);
    const scope = budgetScope(entries, team);
    // A named team gets its position even before its first run of the period.
    const budgeted = team !== undefined ? [team] : namesIn(entries, scope);
    const positions = budget === null ? [] : positionsFor(entries, scope, budgeted, period, budget, now);
    if (values.json) {
        io.stdout(JSON.stringify({ period, now: now.toISOString(), runs: entries.length, duplicates: read.duplicates, totals, positions, entries, warnings: read.warnings }, null, 2));
    }
    else {
        io.stdout(renderMarkdown({ entries, totals, positions, period, budget, scope, now, duplicates: read.duplicates, source: positionals[0] ?? '' }));
    }
    return positions.some((p) => p.status === 'fail') ? 1 : 0;
}
function budgetFlag(v) {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n) || n < 0) {
        throw new InputError({ code: 'BAD_FLAG', field: 'ml-lca ledger --budget', expected: 'kg CO2e per period, a number >= 0', got: JSON.stringify(v) });
    }
    return n;
}
/** A --budget applies per team; when no entry has a team, per model. */
function budgetScope(entries, team) {
    return team !== undefined || entries.some((e) => e.team !== null) ? 'team' : 'model';
}
function namesIn(entries, scope) {
    const names = entries.map((e) => (scope === 'team' ? e.team : e.scenario)).filter((n) => n !== null);
    return [...new Set(names)].sort();
}
/** The position of each team (or model) in the current period against the --budget. */
function positionsFor(entries, scope, names, period, max, now) {
    return names.flatMap((name) => {
        const b = { scope, period, metric: DEFAULT_METRIC, max, ...(scope === 'team' ? { team: name } : {}) };
        return evaluatePeriodBudgets([b], { name, team: scope === 'team' ? name : null }, null, entries, now).positions;
    });
}
function renderMarkdown(v) {
    const out = [];
    const dup = v.duplicates ? ` (${v.duplicates} duplicate run${v.duplicates === 1 ? '' : 's'} counted once)` : '';
    out.push(`## ml-lca ledger: ${v.entries.length} run${v.entries.length === 1 ? '' : 's'}${dup}, per ${v.period} (UTC)`, '');
    if (v.totals.length === 0) {
        out.push('No runs in the ledger.');
        return out.join('\n');
    }
    const header = ['Period', 'Scope', 'Name', 'Runs', 'kg CO2e'];
    if (v.budget !== null)
        header.push('Budget (kg)', 'Used');
    const rows = v.totals.map((t) => {
        const row = [t.period, t.scope, escapeMarkdown(t.name), String(t.runs), fmt(t.co2e_kg)];
        if (v.budget !== null) {
            const budgeted = t.scope === v.scope;
            row.push(budgeted ? param(v.budget) : '', budgeted ? `\`${textBar(v.budget > 0 ? (t.co2e_kg / v.budget) * 100 : t.co2e_kg > 0 ? 100 : 0)}\`` : '');
        }
        return row;
    });
    out.push(markdownTable([header, ...rows], { alignDelimiters: false }), '');
    if (v.positions.length)
        out.push(renderLedgerSection(v.positions, { heading: `### Budget position (now: ${v.now.toISOString().slice(0, 10)})`, withChange: false, source: v.source }));
    out.push(...charts(v));
    return out.join('\n');
}
/**
 * One cumulative chart per team (or model) for the current period, or the latest period
 * that has runs when the current one has none (a ledger read after the fact).
 */
function charts(v) {
    const latest = v.entries.reduce((m, e) => (e.created_at > m ? e.created_at : m), '');
    const current = periodOf(v.now, v.period);
    const hasCurrent = v.entries.some((e) => e.created_at >= current.start && e.created_at < current.end);
    const p = hasCurrent || latest === '' ? current : periodOf(latest, v.period);
    const asOf = hasCurrent ? v.now : new Date(Date.parse(p.end) - 1);
    const out = [];
    const names = namesIn(v.entries, v.scope);
    for (const name of names.slice(0, MAX_CHARTS)) {
        const mine = v.entries.filter((e) => (v.scope === 'team' ? e.team : e.scenario) === name);
        const points = dailyCumulative(mine, p, asOf);
        if (points.length === 0 || (points[points.length - 1]?.cumulative ?? 0) === 0)
            continue;
        out.push(`### Cumulative ${v.scope} ${escapeMarkdown(name)}, ${p.label}`, '');
        out.push(renderCumulativeChart(`${v.scope} ${name}, ${p.label} (kg CO2e${v.budget !== null ? `; budget ${param(v.budget)}` : ''})`, points, DEFAULT_METRIC, v.budget));
    }
    if (names.length > MAX_CHARTS)
        out.push(`_${names.length - MAX_CHARTS} more ${v.scope}s not charted; use --${v.scope === 'team' ? 'team NAME' : 'json'}._`);
    return out;
}
/** A history checkout as a ledger: every JSONL entry once, and whether the totals files agree with them. */
async function readHistoryLedger(dir, io) {
    const h = await historyEntries(dir, io);
    const audit = await auditTotals(dir, h.entries, io);
    return { entries: h.ledger, read: h.ledger.length, duplicates: 0, warnings: [...h.warnings, ...audit] };
}

export { ledgerCommand };
