import { I as InputError, s as shortValue, b as fromZodError } from './errors.js';
import { B as BudgetStatus, e as escapeMarkdown, f as fmt, m as markdownTable, u as unitOf, M as ModelCard } from './escape.js';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { b as strictObject, s as string, r as record, n as number, u as union, _ as _enum, o as object, a as array } from './schemas.js';

// "Did you mean" for unknown keys and names: the closest candidate by edit distance,
// only when it is close enough to be a plausible typo.
/** Levenshtein distance (insert, delete, substitute = 1), case-insensitive. */
function editDistance(a, b) {
    const s = a.toLowerCase();
    const t = b.toLowerCase();
    if (s === t)
        return 0;
    let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
    for (let i = 1; i <= s.length; i++) {
        const cur = [i];
        for (let j = 1; j <= t.length; j++) {
            const cost = s[i - 1] === t[j - 1] ? 0 : 1;
            cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
        }
        prev = cur;
    }
    return prev[t.length] ?? 0;
}
/**
 * The candidate closest to `word`, or undefined when none is within
 * max(2, 40% of the word's length) edits. A candidate that contains the word
 * (`intensity` in `intensity_g_per_kwh`) counts as close.
 */
function suggest(word, candidates) {
    const w = word.toLowerCase();
    let best;
    let bestScore = Infinity;
    for (const c of candidates) {
        const lc = c.toLowerCase();
        let score = editDistance(w, lc);
        if (w.length >= 3 && lc.includes(w))
            score = Math.min(score, 1.5);
        if (score < bestScore) {
            bestScore = score;
            best = c;
        }
    }
    const limit = Math.max(2, Math.ceil(w.length * 0.4));
    return bestScore <= limit ? best : undefined;
}

// The ledger: what past runs spent, and where a period budget stands. These zod schemas are
// the single source of the types; `LedgerExtension` is what the card carries under
// `extensions.ledger` (card-schema.ts keeps `extensions` open for such optional blocks).
/** ISO 8601 instant with an explicit zone (Z or ±hh:mm), or a bare date (taken as UTC midnight). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))?$/i;
/**
 * A timestamp normalised to UTC (`2026-04-01T02:00:00+02:00` -> `2026-04-01T00:00:00.000Z`).
 * A date-time without a zone is refused: "local time" differs between the laptop that wrote
 * the ledger and the runner, and a run near midnight would land in the wrong month.
 */
/** Date.parse rolls 2026-02-30 over to March 2; refuse it instead of moving a run between months. */
function isCalendarDate(s) {
    const y = Number(s.slice(0, 4));
    const m = Number(s.slice(5, 7));
    const d = Number(s.slice(8, 10));
    const day = new Date(Date.UTC(y, m - 1, d));
    return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d && !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s));
}
const UtcInstant = string()
    .regex(ISO_INSTANT, 'an ISO 8601 timestamp with a zone, e.g. 2026-03-31T23:59:59Z or 2026-04-01T01:00:00+02:00')
    .refine(isCalendarDate, 'a real calendar date (2026-02-30 is not one)')
    .transform((s) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s).toISOString());
const RunId = union([number().int().nonnegative(), string().min(1)]);
const LedgerEntry = strictObject({
    run_id: RunId.nullable().default(null).meta({ description: 'GitHub Actions run id (or any CI run id); de-duplication key' }),
    sha: string().min(1).nullable().default(null).meta({ description: 'Commit the run built' }),
    created_at: UtcInstant.meta({ description: 'When the run happened (ISO 8601; offsets are normalised to UTC)' }),
    scenario: string('the scenario name').min(1, 'a non-empty scenario name').meta({ description: 'Scenario (model) name of the card' }),
    team: string().min(1).nullable().default(null).meta({ description: 'Team that owns the scenario' }),
    co2e_kg: number('a number of kg CO2e').nonnegative('a number of kg CO2e >= 0').meta({ description: 'Lifecycle carbon of the run, totals.co2e_kg (kg CO2e)' }),
    metrics: record(string(), number('a number'))
        .default({})
        .meta({ description: 'Other card values by path, e.g. { "totals.energy_kwh": 812 } (for budgets on other metrics)' }),
    source: string().default('').meta({ description: 'Where the entry came from: artifact:RUN_ID, a card file, or FILE:LINE of a JSONL ledger' }),
})
    .meta({ description: 'One successful default-branch run as counted by period budgets' });
const PeriodKind = _enum(['month', 'quarter', 'year']);
const LedgerPosition = object({
    scope: _enum(['team', 'model']),
    name: string().nullable().meta({ description: 'Team name (scope team) or scenario name (scope model); null when no team is set' }),
    metric: string(),
    period: PeriodKind,
    label: string().meta({ description: 'Period label: 2026-03, 2026-Q1, 2026' }),
    start: string().meta({ description: 'Period start, inclusive (UTC)' }),
    end: string().meta({ description: 'Period end, exclusive (UTC)' }),
    max: number(),
    warn: number().nullable(),
    runs: number().int().meta({ description: 'Ledger entries counted in the period' }),
    spent: number().meta({ description: 'Sum of the metric over the runs counted' }),
    change: number().meta({ description: 'This change: the head card\'s value of the metric (0 without a head)' }),
    projected: number().meta({ description: 'spent + change' }),
    remaining: number().meta({ description: 'max - projected (negative when over)' }),
    used_pct: number().meta({ description: 'projected / max × 100' }),
    elapsed_days: number().meta({ description: 'Days of the period elapsed at evaluation time (at least 1)' }),
    period_days: number().int(),
    burn_rate_per_day: number().meta({ description: 'projected / elapsed_days' }),
    forecast: number().meta({ description: 'Spend at the end of the period at the current burn rate' }),
    run_out_date: string()
        .nullable()
        .meta({ description: 'UTC date the budget runs out at the current rate; null if not within the period' }),
    status: BudgetStatus,
});
object({
    source: string().meta({ description: 'artifact | file:PATH | DIR (CLI)' }),
    entries: number().int().meta({ description: 'Entries read before period and scope filters' }),
    positions: array(LedgerPosition),
    warnings: array(string()).default([]),
})
    .meta({ description: 'Period budget positions, stored in the card as extensions.ledger' });

// Model cards -> ledger entries, metric look-up on an entry, and de-duplication by run.
/** Card blocks whose numeric leaves every entry keeps, so a budget on any of them can be summed. */
const KEPT_BLOCKS = ['totals', 'per_functional_unit', 'lifetime'];
const DEFAULT_METRIC = 'totals.co2e_kg';
/** The value at a dotted path (`totals.co2e_kg`) when it is a finite number, else null. */
function numberAt(root, dotted) {
    let cur = root;
    for (const key of dotted.split('.')) {
        if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key))
            return null;
        cur = cur[key];
    }
    return typeof cur === 'number' && Number.isFinite(cur) ? cur : null;
}
/**
 * Run identity a card may carry itself (a card written by the action on push can hold
 * `extensions.github: { run_id, sha }`); read leniently, since it is optional data.
 */
function runMetaInCard(card) {
    for (const key of ['github', 'run']) {
        const ext = card.extensions?.[key];
        if (ext && typeof ext === 'object') {
            const e = ext;
            const run_id = typeof e.run_id === 'number' || (typeof e.run_id === 'string' && e.run_id !== '') ? e.run_id : null;
            const sha = typeof e.sha === 'string' && e.sha !== '' ? e.sha : null;
            if (run_id !== null || sha !== null)
                return { run_id, sha };
        }
    }
    return { run_id: null, sha: null };
}
/**
 * One entry from one validated card. `extraMetrics` are further card paths to keep (the
 * metrics of the scenario's period budgets). Throws only for a card whose created_at is
 * not a timestamp with a zone; callers turn that into a warning and skip the card.
 */
function entryFromCard(card, meta, extraMetrics = []) {
    const metrics = {};
    for (const block of KEPT_BLOCKS) {
        for (const [k, v] of Object.entries(card[block])) {
            if (typeof v === 'number' && Number.isFinite(v))
                metrics[`${block}.${k}`] = v;
        }
    }
    for (const path of extraMetrics) {
        const v = numberAt(card, path);
        if (v !== null)
            metrics[path] = v;
    }
    const own = runMetaInCard(card);
    const input = {
        run_id: meta.run_id ?? own.run_id,
        sha: meta.sha ?? own.sha,
        created_at: meta.created_at ?? card.created_at,
        scenario: card.scenario.name,
        team: card.scenario.team ?? null,
        co2e_kg: Math.max(0, card.totals.co2e_kg),
        metrics,
        source: meta.source,
    };
    return LedgerEntry.parse(input);
}
/** The entry's value of a budget metric, or null when the entry does not carry it. */
function metricOf(entry, metric) {
    if (metric === DEFAULT_METRIC)
        return entry.co2e_kg;
    return entry.metrics[metric] ?? null;
}
/**
 * The key one run is known by: its run id (per scenario, since one run may report several
 * models), else commit + scenario, else a hash of the entry's content (the same card
 * found twice). `source` is left out of the hash: the same card from two places is one run.
 */
function runKey(e) {
    if (e.run_id !== null)
        return `run:${String(e.run_id)}:${e.scenario}`;
    if (e.sha !== null)
        return `sha:${e.sha}:${e.scenario}`;
    const { source: _source, ...content } = e;
    return `hash:${createHash('sha256').update(canonicalJson(content)).digest('hex').slice(0, 16)}`;
}
/**
 * One entry per run. Of duplicates (a re-run attempt, a card downloaded twice) the newest
 * `created_at` wins; on a tie the first seen. Order of first appearance is kept.
 */
function dedupeEntries(entries) {
    const byKey = new Map();
    for (const e of entries) {
        const key = runKey(e);
        const prev = byKey.get(key);
        if (!prev || Date.parse(e.created_at) > Date.parse(prev.created_at))
            byKey.set(key, e);
    }
    return { entries: [...byKey.values()], duplicates: entries.length - byKey.size };
}
/** JSON with object keys sorted, so equal content hashes equally whatever the key order. */
function canonicalJson(v) {
    if (Array.isArray(v))
        return `[${v.map(canonicalJson).join(',')}]`;
    if (v !== null && typeof v === 'object') {
        const o = v;
        return `{${Object.keys(o)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
            .join(',')}}`;
    }
    return JSON.stringify(v) ?? 'null';
}

// Markdown for the budget position: the section of the PR comment and job summary, and the
// tables and chart of `ml-lca ledger`. Pure: positions and totals in, markdown out.
const ICON = { pass: '✅', warn: '⚠️', fail: '❌' };
/** `12.5 kg CO2e` (no trailing space when the metric's name gives no unit). */
function withUnit(v, metric) {
    const u = unitOf(metric);
    return u ? `${fmt(v)} ${u}` : fmt(v);
}
/** `████████░░ 80%`: ten cells, full at 100 % and beyond (the percentage still says how far). */
function textBar(pct, width = 10) {
    const clamped = Math.min(100, Math.max(0, pct));
    const filled = Math.round((clamped / 100) * width);
    return `${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${Math.round(pct)}%`;
}
/**
 * The "Period budgets" section: one row per budget with a bar, projected (spent + this
 * change), remaining and the run-out date. Empty string when there are no period budgets.
 */
function renderLedgerSection(positions, opts = {}) {
    if (positions.length === 0)
        return '';
    const withChange = opts.withChange ?? true;
    const rows = positions.map((p) => {
        const m = p.metric;
        const who = `${ICON[p.status]} ${p.scope} **${escapeMarkdown(p.name ?? '(none)')}** · ${p.label}`;
        const runs = `${p.runs} run${p.runs === 1 ? '' : 's'}`;
        const projected = withChange
            ? `${withUnit(p.projected, m)} of ${withUnit(p.max, m)}<br>spent ${fmt(p.spent)} (${runs}) + this change ${fmt(p.change)}`
            : `${withUnit(p.spent, m)} of ${withUnit(p.max, m)} (${runs})`;
        const remaining = p.remaining >= 0 ? withUnit(p.remaining, m) : `**${withUnit(-p.remaining, m)} over**`;
        const rate = `${withUnit(p.burn_rate_per_day, m)}/day`;
        const runOut = p.remaining <= 0 && p.projected > 0 ? `exhausted (${rate})` : p.run_out_date ? `${p.run_out_date} at ${rate}` : `not this ${p.period} (${rate})`;
        return [who, `\`${textBar(p.used_pct)}\``, projected, remaining, runOut];
    });
    const heading = opts.heading ?? '### Period budgets';
    const table = markdownTable([['Budget', 'Used', withChange ? 'Projected' : 'Spent', 'Remaining', 'Runs out'], ...rows], { alignDelimiters: false });
    const metrics = [...new Set(positions.map((p) => p.metric))].join(', ');
    return `${heading}\n\n${table}\n\n<sub>Spent: ${spentFrom(opts.source)}, de-duplicated by run; metric ${escapeMarkdown(metrics)}; periods in UTC.</sub>\n`;
}
function spentFrom(source) {
    if (source === undefined)
        return 'runs in the ledger this period';
    if (source === 'artifact')
        return 'model cards of successful default-branch push runs of this workflow this period';
    if (source === 'none')
        return 'no ledger of past runs was available, so only this change counts';
    return `runs in ${escapeMarkdown(source.replace(/^file:/, ''))} this period`;
}
/**
 * Mermaid xychart-beta: cumulative spend per day of the period, and the budget as a flat
 * line. The x axis covers the days shown (the elapsed days of a current period), so the
 * points are never stretched over days that have not happened.
 */
function renderCumulativeChart(title, points, metric, budget) {
    if (points.length === 0)
        return '';
    const last = points[points.length - 1]?.cumulative ?? 0;
    const top = niceCeil(Math.max(last, budget ?? 0) * 1.1 || 1);
    const unit = unitOf(metric) || metric;
    const round = (v) => Number(v.toPrecision(6));
    const lines = [
        '```mermaid',
        'xychart-beta',
        `  title "${title.replace(/"/g, "'")}"`,
        // A month reads well as dates; a quarter or year of date labels is a smear, so days are numbered.
        points.length <= 31
            ? `  x-axis [${points.map((p) => `"${p.date.slice(5)}"`).join(', ')}]`
            : `  x-axis "day (1 = ${points[0]?.date ?? ''})" 1 --> ${points.length}`,
        `  y-axis "${unit}" 0 --> ${round(top)}`,
        `  line [${points.map((p) => round(p.cumulative)).join(', ')}]`,
    ];
    if (budget !== null)
        lines.push(`  line [${points.map(() => round(budget)).join(', ')}]`);
    lines.push('```');
    return `${lines.join('\n')}\n`;
}
/** A round number at or above v (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k): a y-axis top that reads well. */
function niceCeil(v) {
    const p = 10 ** Math.floor(Math.log10(v));
    for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8])
        if (v <= m * p * (1 + 1e-12))
            return Number((m * p).toPrecision(6));
    return 10 * p;
}

const DAY_MS = 86_400_000;
/** The UTC month, quarter or year that contains `date` (a Date or any string Date accepts). */
function periodOf(date, kind) {
    const d = typeof date === 'string' ? new Date(date) : date;
    if (Number.isNaN(d.getTime()))
        throw new RangeError(`periodOf: not a date: ${String(date)}`);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth();
    let startMs;
    let endMs;
    let label;
    if (kind === 'month') {
        startMs = Date.UTC(y, m, 1);
        endMs = Date.UTC(y, m + 1, 1); // Date.UTC rolls month 12 into January of y+1
        label = `${y}-${String(m + 1).padStart(2, '0')}`;
    }
    else if (kind === 'quarter') {
        const q = Math.floor(m / 3);
        startMs = Date.UTC(y, q * 3, 1);
        endMs = Date.UTC(y, q * 3 + 3, 1);
        label = `${y}-Q${q + 1}`;
    }
    else {
        startMs = Date.UTC(y, 0, 1);
        endMs = Date.UTC(y + 1, 0, 1);
        label = String(y);
    }
    return {
        kind,
        start: new Date(startMs).toISOString(),
        end: new Date(endMs).toISOString(),
        label,
        days: Math.round((endMs - startMs) / DAY_MS),
    };
}
/** Whether an instant lies in [start, end). */
function inPeriod(instant, p) {
    const t = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
    return t >= Date.parse(p.start) && t < Date.parse(p.end);
}
/** `YYYY-MM-DD` of an instant in UTC. */
function utcDate(instant) {
    const d = instant instanceof Date ? instant : new Date(instant);
    return d.toISOString().slice(0, 10);
}

// Where each period budget stands: spent in the current period (from the ledger) plus this
// change, against the budget; burn rate and the date the budget runs out at that rate.
// Pure: entries and the clock are passed in.
function isPeriodBudget(b) {
    return 'period' in b && 'scope' in b;
}
/**
 * Evaluate every period budget in `budgets` (others are ignored: compare/budgets.ts handles
 * them). `headCard` is this change (its value of the metric is added to what was spent);
 * null evaluates the ledger alone (CLI). `now` picks the current period.
 * Throws InputError for a team budget with no team, or a metric the head card lacks.
 */
function evaluatePeriodBudgets(budgets, scenario, headCard, entries, now) {
    const results = [];
    const positions = [];
    const warnings = [];
    budgets.forEach((b, i) => {
        if (!isPeriodBudget(b))
            return;
        const name = b.scope === 'team' ? (b.team ?? scenario.team ?? null) : scenario.name;
        if (name === null) {
            throw new InputError({
                code: 'SCENARIO_INVALID',
                field: `budgets[${i}].team`,
                expected: 'a team name for a team budget (set `team:` on the budget or at the top of the scenario)',
                got: 'nothing',
            });
        }
        let change = 0;
        if (headCard !== null) {
            const v = numberAt(headCard, b.metric);
            if (v === null) {
                throw new InputError({
                    code: 'SCENARIO_INVALID',
                    field: `budgets[${i}].metric`,
                    expected: 'a numeric model card path, e.g. totals.co2e_kg',
                    got: JSON.stringify(b.metric),
                });
            }
            change = v;
        }
        const pos = positionOf(b, name, change, entries, now);
        positions.push(pos.position);
        if (pos.missing > 0)
            warnings.push(`${pos.missing} ledger run(s) of ${b.scope} ${name} have no ${b.metric}; counted as 0`);
        results.push(resultOf(pos.position));
    });
    return { results, positions, warnings };
}
function positionOf(b, name, change, entries, now) {
    const p = periodOf(now, b.period);
    let spent = 0;
    let runs = 0;
    let missing = 0;
    for (const e of entries) {
        if ((b.scope === 'team' ? e.team : e.scenario) !== name || !inPeriod(e.created_at, p))
            continue;
        runs += 1;
        const v = metricOf(e, b.metric);
        if (v === null)
            missing += 1;
        else
            spent += v;
    }
    const projected = spent + change;
    const startMs = Date.parse(p.start);
    // At least one day, so a run an hour into the month does not read as 24× its real rate.
    const elapsed_days = Math.min(p.days, Math.max(1, (now.getTime() - startMs) / DAY_MS));
    const burn = projected / elapsed_days;
    let run_out_date = null;
    if (projected >= b.max && projected > 0) {
        run_out_date = utcDate(now); // exhausted by what is spent plus this change
    }
    else if (burn > 0) {
        const t = startMs + (b.max / burn) * DAY_MS;
        if (t < Date.parse(p.end))
            run_out_date = utcDate(t);
    }
    const status = projected > b.max ? 'fail' : b.warn !== undefined && projected > b.warn ? 'warn' : 'pass';
    return {
        missing,
        position: {
            scope: b.scope,
            name,
            metric: b.metric,
            period: b.period,
            label: p.label,
            start: p.start,
            end: p.end,
            max: b.max,
            warn: b.warn ?? null,
            runs,
            spent,
            change,
            projected,
            remaining: b.max - projected,
            // A zero budget is used up by any spend: report 100 % rather than infinity.
            used_pct: b.max > 0 ? (projected / b.max) * 100 : projected > 0 ? 100 : 0,
            elapsed_days,
            period_days: p.days,
            burn_rate_per_day: burn,
            forecast: burn * p.days,
            run_out_date,
            status,
        },
    };
}
function resultOf(p) {
    const m = p.metric;
    const rest = p.remaining >= 0 ? `${withUnit(p.remaining, m)} remaining` : `${withUnit(-p.remaining, m)} over budget`;
    const runOut = p.run_out_date && p.remaining > 0 ? `; runs out ${p.run_out_date} at ${withUnit(p.burn_rate_per_day, m)}/day` : '';
    return {
        metric: m,
        kind: 'period',
        limit: p.max,
        warn_limit: p.warn,
        actual: p.projected,
        status: p.status,
        message: `${p.scope} ${p.name} ${p.label}: projected ${withUnit(p.projected, m)} of ${withUnit(p.max, m)} ` +
            `(spent ${fmt(p.spent)} in ${p.runs} run${p.runs === 1 ? '' : 's'} + this change ${fmt(p.change)}); ${rest}${runOut}`,
    };
}

// Reading a ledger: a directory of model cards (downloaded artifacts, or cards kept in a
// repo) or a JSONL file with one LedgerEntry per line. Bad cards in a directory are
// skipped with a warning (a directory of downloads holds other JSON too); a bad JSONL line
// is an error naming its line, since that file is written for us and exists to be exact.
function parseLedgerSetting(value, file) {
    const v = (value ?? 'artifact').trim();
    if (v === 'artifact')
        return { kind: 'artifact' };
    const m = /^file:(.+)$/.exec(v);
    if (m?.[1] && m[1].trim() !== '')
        return { kind: 'file', path: m[1].trim() };
    throw new InputError({
        code: 'SCENARIO_INVALID',
        file,
        field: 'ledger',
        expected: '"artifact" or "file:PATH" (a JSONL ledger committed in the repo)',
        got: shortValue(value),
    });
}
/** Parse a JSONL ledger. Blank lines are allowed; anything else must be one LedgerEntry. */
function parseLedgerJsonl(text, file) {
    const out = [];
    const lines = text.split(/\r?\n/);
    lines.forEach((raw, i) => {
        const line = i + 1;
        if (raw.trim() === '')
            return;
        let value;
        try {
            value = JSON.parse(raw);
        }
        catch (e) {
            throw new InputError({
                code: 'BAD_INPUT',
                file,
                line,
                expected: 'one JSON object per line (JSONL)',
                got: `${shortValue(raw, 40)} (${e instanceof Error ? e.message : String(e)})`,
            });
        }
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            throw new InputError({ code: 'BAD_INPUT', file, line, expected: 'a JSON object (one ledger entry)', got: shortValue(value) });
        }
        const withSource = 'source' in value ? value : { ...value, source: `${file}:${line}` };
        const parsed = LedgerEntry.safeParse(withSource);
        if (!parsed.success) {
            const z = fromZodError(parsed.error, { file, input: withSource, code: 'BAD_INPUT', suggest: (key) => suggest(key, Object.keys(LedgerEntry.shape)) });
            throw new InputError({ code: 'BAD_INPUT', file, line, field: z.field, expected: z.expected, got: z.got, hint: z.hint });
        }
        out.push(parsed.data);
    });
    return out;
}
/**
 * A model card from JSON text, or the reason it is not one (for a warning). Shared with the
 * GitHub ledger, which reads the same cards out of artifacts.
 */
function cardFromText(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return { reason: 'not JSON' };
    }
    const parsed = ModelCard.safeParse(value);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return { reason: `not an ml-lca model card (${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'})` };
    }
    return { card: parsed.data };
}
const MAX_SKIP_WARNINGS = 5;
/** Entries from every *.json model card below `dir` (recursively). */
async function readCardDir(dir, io, extraMetrics = []) {
    let files;
    try {
        files = await io.glob(['**/*.json'], dir);
    }
    catch {
        files = [];
    }
    const entries = [];
    const skipped = [];
    for (const f of files) {
        const rel = path.relative(dir, f) || f;
        // Dependencies are never cards (Node 22's fs.glob, unlike our Node 20 walker, enters them).
        if (/(^|[\\/])(node_modules|\.git)[\\/]/.test(rel))
            continue;
        const got = cardFromText(await io.readText(f));
        if ('reason' in got) {
            skipped.push(`${rel}: skipped, ${got.reason}`);
            continue;
        }
        try {
            entries.push(entryFromCard(got.card, { source: rel }, extraMetrics));
        }
        catch {
            skipped.push(`${rel}: skipped, created_at ${shortValue(got.card.created_at)} is not a timestamp with a zone`);
        }
    }
    // A directory of downloads may hold many other JSON files: name a few, count the rest.
    const warnings = skipped.slice(0, MAX_SKIP_WARNINGS);
    if (skipped.length > MAX_SKIP_WARNINGS)
        warnings.push(`${skipped.length - MAX_SKIP_WARNINGS} more *.json file(s) skipped (not model cards)`);
    return { entries, warnings };
}
/**
 * Read a ledger from a JSONL file, a single card file, or a directory of cards, then
 * de-duplicate by run. A path that is neither a file nor a directory holding JSON is an error.
 */
async function readLedger(target, io, extraMetrics = []) {
    let entries;
    let warnings = [];
    if ((await io.size(target)) !== null) {
        const text = await io.readText(target);
        if (/\.json$/i.test(target)) {
            const got = cardFromText(text);
            if ('reason' in got) {
                throw new InputError({ code: 'CARD_INVALID', file: target, expected: 'an ml-lca model card, a JSONL ledger or a directory of cards', got: got.reason });
            }
            entries = [entryFromCard(got.card, { source: path.basename(target) }, extraMetrics)];
        }
        else {
            entries = parseLedgerJsonl(text, target);
        }
    }
    else {
        const dir = await readCardDir(target, io, extraMetrics);
        if (dir.entries.length === 0 && dir.warnings.length === 0) {
            throw new InputError({
                code: 'FILE_NOT_FOUND',
                file: target,
                expected: 'a JSONL ledger or a directory holding model cards (*.json)',
                got: 'no such file, or no *.json below it',
            });
        }
        entries = dir.entries;
        warnings = dir.warnings;
    }
    const d = dedupeEntries(entries);
    if (d.duplicates > 0)
        warnings.push(`${d.duplicates} duplicate run(s) counted once`);
    return { entries: d.entries, read: entries.length, duplicates: d.duplicates, warnings };
}

export { DAY_MS as D, evaluatePeriodBudgets as a, renderLedgerSection as b, cardFromText as c, dedupeEntries as d, entryFromCard as e, renderCumulativeChart as f, DEFAULT_METRIC as g, parseLedgerSetting as h, isPeriodBudget as i, periodOf as p, readLedger as r, suggest as s, textBar as t, utcDate as u };
