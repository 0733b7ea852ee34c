import path from 'node:path';
import { I as InputError } from './errors.js';
import { a4 as LedgerEntry, h as evaluatePeriodBudgets, p as periodOf, a5 as inPeriod, a6 as metricOf, D as DEFAULT_METRIC, a3 as UtcInstant, a7 as LifetimePoint, a8 as Lifetime, a9 as PerFunctionalUnit, aa as Totals, ab as StageResult, ac as PeriodBudget, ad as cardFromTextWith, ae as AbsoluteBudget, af as dedupeRuns, q as qty, ag as unitOfName, n as count, J as deltaPct, N as NBSP, R as pct, j as fmt } from './read.js';
import { e as historyEntries, i as isHistoryDir, a as isCardPath } from './dir.js';
import { _ as _enum, o as object, r as record, u as unknown, s as string, n as number, a as array, l as literal, c as union } from './schemas.js';
import { createHash } from 'node:crypto';
import { d as dailyCumulative } from './totals.js';

// Budget views of the dashboard: per team (and per model) and period, what was spent, the
// cumulative curve against the budget line, burn rate and the date the budget runs out. The
// arithmetic is the ledger's (src/ledger/position.ts, totals.ts), so the dashboard and the PR
// check can never disagree on a number. Pure: records and the clock come in.
/** The ledger entry of a run: what period budgets sum. */
function entryOfRecord(r) {
    return LedgerEntry.parse({
        run_id: r.run_id,
        sha: r.sha,
        created_at: r.created_at,
        scenario: r.scenario,
        team: r.team,
        co2e_kg: Math.max(0, r.co2e_kg),
        metrics: r.metrics,
        source: r.source,
    });
}
/** How many earlier periods a view lists under the current one. */
const PAST_PERIODS = 12;
/**
 * The view of one scope (a team or a scenario) for one period kind and metric as of `now`,
 * against `budget` (null: spending only).
 */
function periodView(scope, name, kind, metric, budget, entries, now) {
    const mine = entries.filter((e) => (scope === 'team' ? e.team : e.scenario) === name);
    // An unlimited budget gives the ledger's spent, burn rate and forecast with no run-out date.
    const b = { scope, period: kind, metric, max: budget?.max ?? Number.POSITIVE_INFINITY, ...(budget?.warn != null ? { warn: budget.warn } : {}) };
    if (scope === 'team')
        b.team = name;
    const ev = evaluatePeriodBudgets([b], { name, team: scope === 'team' ? name : null }, null, mine, now);
    const pos = ev.positions[0];
    const p = periodOf(now, kind);
    const inP = mine.filter((e) => inPeriod(e.created_at, p));
    const value = (e) => metricOf(e, metric) ?? 0;
    const daily = dailyCumulative(inP.map((e) => ({ ...e, co2e_kg: value(e) })), p, now);
    const perScenario = new Map();
    for (const e of inP) {
        const s = perScenario.get(e.scenario) ?? { runs: 0, spent: 0 };
        s.runs += 1;
        s.spent += value(e);
        perScenario.set(e.scenario, s);
    }
    const past = new Map();
    for (const e of mine) {
        const q = periodOf(e.created_at, kind);
        if (q.start >= p.start)
            continue;
        const t = past.get(q.label) ?? { label: q.label, start: q.start, runs: 0, spent: 0 };
        t.runs += 1;
        t.spent += value(e);
        past.set(q.label, t);
    }
    return {
        scope,
        name,
        period: kind,
        metric,
        label: p.label,
        start: p.start,
        end: p.end,
        days: p.days,
        max: budget?.max ?? null,
        warn: budget?.warn ?? null,
        budget_from: budget?.from ?? null,
        runs: pos.runs,
        spent: pos.spent,
        elapsed_days: pos.elapsed_days,
        burn_rate_per_day: pos.burn_rate_per_day,
        forecast: pos.forecast,
        run_out_date: budget ? pos.run_out_date : null,
        status: budget ? pos.status : null,
        daily: { date: daily.map((d) => d.date), cumulative: daily.map((d) => d.cumulative) },
        by_scenario: [...perScenario].map(([n, s]) => ({ name: n, ...s })).sort((x, y) => y.spent - x.spent || x.name.localeCompare(y.name)),
        past: [...past.values()]
            .sort((x, y) => y.start.localeCompare(x.start))
            .slice(0, PAST_PERIODS)
            .map(({ label, runs, spent }) => ({ label, runs, spent })),
        missing_metric: inP.filter((e) => metricOf(e, metric) === null).length,
    };
}
/**
 * The period budgets the newest card of each scenario declares, per (scope, name, period,
 * metric). Where two scenarios of a team declare different limits, the newer card wins and a
 * warning names both.
 */
function declaredBudgets(latest) {
    const byKey = new Map();
    const warnings = [];
    for (const r of latest) {
        for (const b of r.period_budgets) {
            const name = b.scope === 'team' ? (b.team ?? r.team) : r.scenario;
            if (name === null)
                continue;
            const key = JSON.stringify([b.scope, name, b.period, b.metric]);
            const next = { scope: b.scope, name, period: b.period, metric: b.metric, max: b.max, warn: b.warn ?? null, from: r.scenario, at: r.created_at };
            const prev = byKey.get(key);
            if (prev && prev.from !== r.scenario && (prev.max !== next.max || prev.warn !== next.warn)) {
                const [older, newer] = prev.at <= next.at ? [prev, next] : [next, prev];
                warnings.push(`${b.scope} ${name} ${b.period} budget on ${b.metric}: scenario ${older.from} says ${older.max}, ${newer.from} says ${newer.max}; showing the newer (${newer.from})`);
            }
            if (!prev || prev.at <= next.at)
                byKey.set(key, next);
        }
    }
    return { budgets: [...byKey.values()], warnings };
}
/**
 * Every budget view: one per declared team or model budget, plus a month view of spending for a
 * team that has runs but no budget in its latest cards.
 */
function budgetViews(records, latest, now) {
    const entries = records.map(entryOfRecord);
    const declared = declaredBudgets(latest);
    const views = declared.budgets.map((b) => periodView(b.scope, b.name, b.period, b.metric, { max: b.max, warn: b.warn, from: b.from }, entries, now));
    const teams = new Set(records.map((r) => r.team).filter((t) => t !== null));
    for (const t of teams) {
        if (!views.some((v) => v.scope === 'team' && v.name === t))
            views.push(periodView('team', t, 'month', DEFAULT_METRIC, null, entries, now));
    }
    const order = { month: 0, quarter: 1, year: 2 };
    views.sort((a, b) => a.scope.localeCompare(b.scope) || a.name.localeCompare(b.name) || order[a.period] - order[b.period] || a.metric.localeCompare(b.metric));
    const warnings = [...declared.warnings];
    for (const v of views) {
        if (v.missing_metric > 0)
            warnings.push(`${v.scope} ${v.name} ${v.label}: ${v.missing_metric} run(s) have no ${v.metric}; counted as 0`);
    }
    return { views, warnings };
}

// Links from the dashboard to the repository. A card is untrusted (a fork's artifact, a tampered
// history branch), so no URL is ever taken from it: a commit link is rebuilt from a SHA that is
// only hex digits and the repository URL the user (or the action's context) gave, which is
// validated once. DOM-free: the client re-checks each SHA with the same function before it
// navigates.
/** A git object id: SHA-1 (40) or SHA-256 (64) hex digits, or an abbreviation of at least 7. */
const SHA = /^[0-9a-f]{7,64}$/;
/** GitHub owner (user or organisation) names. */
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
/** Repository names GitHub accepts. */
const NAME = /^[A-Za-z0-9._-]{1,100}$/;
/** The SHA in lower case when `v` is one, else null. */
function cleanSha(v) {
    if (typeof v !== 'string')
        return null;
    const s = v.trim().toLowerCase();
    return SHA.test(s) ? s : null;
}
/** A pull request number when `v` is a positive integer (or its decimal string), else null. */
function cleanPr(v) {
    const n = typeof v === 'string' && /^[0-9]{1,9}$/.test(v) ? Number(v) : v;
    return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null;
}
/**
 * `https://github.com/OWNER/NAME` from a server URL (github.com or a GitHub Enterprise Server)
 * and `OWNER/NAME`; null when either is not what GitHub would accept. Only http(s), no
 * credentials, query or fragment in the server URL.
 */
function repoBaseUrl(serverUrl, repo) {
    let u;
    try {
        u = new URL(serverUrl);
    }
    catch {
        return null;
    }
    if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password || u.search || u.hash)
        return null;
    const r = cleanRepo(repo);
    if (r === null || r !== repo)
        return null;
    const base = `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
    return `${base}/${r}`;
}
/** `OWNER/NAME` when `v` is a repository name GitHub would accept, else null. */
function cleanRepo(v) {
    if (typeof v !== 'string')
        return null;
    const [owner, name, ...rest] = v.trim().split('/');
    return !rest.length && owner && name && OWNER.test(owner) && NAME.test(name) && name !== '.' && name !== '..' ? `${owner}/${name}` : null;
}
/**
 * The repository URL a run's commit links are built on. A run that names its own repository (a
 * history shared by an organisation's repositories) links there only when that repository has the
 * configured one's owner: a tampered entry cannot send readers to someone else's repository.
 * Without a configured repository nothing links.
 */
function runLinkBase(cfg, runRepo) {
    if (!cfg)
        return null;
    const target = runRepo ?? cfg.repo;
    const owner = (r) => r.split('/')[0]?.toLowerCase();
    if (owner(target) !== owner(cfg.repo))
        return null;
    return repoBaseUrl(cfg.server, target);
}
/** The commit page, or null when there is no repository or the SHA is not one. */
function commitUrl(repoBase, sha) {
    const s = cleanSha(sha);
    return repoBase && s ? `${repoBase}/commit/${s}` : null;
}
/** The pull request page, or null. */
function pullUrl(repoBase, pr) {
    const n = cleanPr(pr);
    return repoBase && n !== null ? `${repoBase}/pull/${n}` : null;
}

// One run as the dashboard draws it (a `DashboardRun`), and how a model card becomes one.
//
// Cards in a history may come from anywhere (an older ml-lca, a fork's artifact, a tampered
// branch), so they are read through a lenient subset of the ModelCard schema: only the fields the
// dashboard draws, built from the card schema's own parts so a rename there breaks here, with
// lengths capped. A card that fails is skipped with a message naming its file; nothing from it
// reaches the page. Strings are kept as data: the page writes them with textContent or escaped
// HTML only (src/dashboard/html.ts, client/).
/** Verdicts a card may carry; anything else (a future verdict, a tampered one) reads as `unknown`. */
const VERDICTS = ['pass', 'warn', 'fail', 'incomplete', 'error'];
const Verdict = _enum([...VERDICTS, 'unknown']);
const MAX_STAGES = 50;
const name = (max) => string().trim().min(1).max(max);
/** The part of a model card the dashboard reads. Unknown keys are dropped, not rejected. */
const DashboardCard = object({
    tool: object({ name: literal('ml-lca'), version: string().max(50).optional() }),
    created_at: UtcInstant,
    scenario: object({
        name: name(200),
        team: name(200).nullable().optional(),
        functional_unit: object({ description: string().max(500).optional() }).optional(),
        deployment: object({ lifetime_inferences: number().optional() }).optional(),
        budgets: array(unknown()).max(100).optional(),
    }),
    stages: record(name(100), StageResult.pick({ energy_kwh: true, co2e_kg: true }))
        .refine((s) => Object.keys(s).length <= MAX_STAGES, `at most ${MAX_STAGES} stages`),
    totals: Totals.pick({ energy_kwh: true, co2e_kg: true }).catchall(unknown()),
    per_functional_unit: PerFunctionalUnit.pick({ co2e_g: true }).catchall(unknown()),
    lifetime: Lifetime.partial().optional(),
    interpretation: object({
        breakeven_inferences: number().nullable().optional(),
        lifetime_curve: array(LifetimePoint).max(1000).optional(),
        uncertainty: object({ per_fu_co2e_g_low: number().optional(), per_fu_co2e_g_high: number().optional() }).optional(),
    })
        .optional(),
    verdict: string().max(40),
    extensions: record(string(), unknown()).optional(),
});
const StagePoint = object({ energy_kwh: number(), co2e_kg: number() });
const RunLifetime = object({
    curve: array(LifetimePoint),
    breakeven_inferences: number().nullable(),
    lifetime_inferences: number().nullable(),
});
/** One run of one scenario, everything the dashboard draws. Units in the names. */
object({
    scenario: string(),
    team: string().nullable(),
    functional_unit: string().nullable(),
    /** ISO 8601, UTC. */
    created_at: string(),
    /** `OWNER/NAME` of the repository the run assessed, when the entry or card says (validated). */
    repo: string().nullable(),
    sha: string().nullable(),
    run_id: union([number(), string()]).nullable(),
    pr: number().nullable(),
    verdict: Verdict,
    per_fu_co2e_g: number(),
    per_fu_co2e_g_low: number().nullable(),
    per_fu_co2e_g_high: number().nullable(),
    co2e_kg: number(),
    energy_kwh: number(),
    /** Numeric card values by path (`totals.water_l`), for period budgets on other metrics. */
    metrics: record(string(), number()),
    stages: record(string(), StagePoint),
    /** The card's absolute budget on per_functional_unit.co2e_g (the tightest), drawn as lines. */
    per_fu_budget: object({ max: number().nullable(), warn: number().nullable() }),
    period_budgets: array(PeriodBudget),
    lifetime: RunLifetime.nullable(),
    /** Where the run was read from (a file below the history), for messages. */
    source: string(),
});
function cleanRunId(v) {
    if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0)
        return v;
    if (typeof v === 'string' && /^[A-Za-z0-9._:-]{1,64}$/.test(v))
        return v;
    return null;
}
function metaInCard(card) {
    for (const key of ['github', 'run', 'history']) {
        const ext = card.extensions?.[key];
        if (ext && typeof ext === 'object' && !Array.isArray(ext))
            return ext;
    }
    return {};
}
/** Finite numbers of one card block, keyed `block.key`. */
function numbersOf(block, o) {
    const out = {};
    for (const [k, v] of Object.entries(o))
        if (typeof v === 'number' && Number.isFinite(v))
            out[`${block}.${k}`] = v;
    return out;
}
function perFuBudget(budgets) {
    let max = null;
    let warn = null;
    for (const b of budgets) {
        const p = AbsoluteBudget.safeParse(b);
        if (!p.success || p.data.metric !== 'per_functional_unit.co2e_g')
            continue;
        if (max === null || p.data.max < max) {
            max = p.data.max;
            warn = p.data.warn ?? null;
        }
    }
    return { max, warn };
}
/**
 * A DashboardRun from a validated card. `meta` (from a history entry) wins over what the card says
 * about itself; both are validated: a SHA that is not hex, a PR that is not a positive integer
 * are dropped, so no link is built from them.
 */
function recordFromCard(card, source, meta = {}) {
    const own = metaInCard(card);
    const created = UtcInstant.safeParse(meta.created_at);
    const u = card.interpretation?.uncertainty;
    const curve = card.interpretation?.lifetime_curve ?? [];
    const stages = {};
    for (const [k, v] of Object.entries(card.stages))
        stages[k] = { energy_kwh: v.energy_kwh, co2e_kg: v.co2e_kg };
    const budgets = card.scenario.budgets ?? [];
    return {
        scenario: card.scenario.name,
        team: card.scenario.team ?? null,
        functional_unit: card.scenario.functional_unit?.description?.trim() || null,
        created_at: created.success ? created.data : card.created_at,
        repo: cleanRepo(meta.repo) ?? cleanRepo(own.repo ?? own.repository),
        sha: cleanSha(meta.sha) ?? cleanSha(own.sha),
        run_id: cleanRunId(meta.run_id) ?? cleanRunId(own.run_id),
        pr: cleanPr(meta.pr) ?? cleanPr(own.pr),
        verdict: Verdict.catch('unknown').parse(card.verdict),
        per_fu_co2e_g: card.per_functional_unit.co2e_g,
        per_fu_co2e_g_low: u?.per_fu_co2e_g_low ?? null,
        per_fu_co2e_g_high: u?.per_fu_co2e_g_high ?? null,
        co2e_kg: card.totals.co2e_kg,
        energy_kwh: card.totals.energy_kwh,
        metrics: {
            ...numbersOf('totals', card.totals),
            ...numbersOf('per_functional_unit', card.per_functional_unit),
            ...numbersOf('lifetime', card.lifetime ?? {}),
        },
        stages,
        per_fu_budget: perFuBudget(budgets),
        period_budgets: budgets.flatMap((b) => {
            const p = PeriodBudget.safeParse(b);
            return p.success ? [p.data] : [];
        }),
        lifetime: curve.length > 0
            ? {
                curve,
                breakeven_inferences: card.interpretation?.breakeven_inferences ?? null,
                lifetime_inferences: card.scenario.deployment?.lifetime_inferences ?? card.lifetime?.inferences ?? null,
            }
            : null,
        source,
    };
}
/**
 * A run of the history branch from its entry (the record of the run) and the card stored for its
 * commit (null when missing). The card is the later run's when two runs assessed one commit: then
 * only what the scenario file decides (functional unit, budgets) is taken from it, and the numbers
 * come from the entry. Null when the entry lacks the per-FU value the charts need.
 */
function recordFromEntry(entry, card, source, meta) {
    const own = card ? metaInCard(card) : {};
    const sameRun = card !== null && (own.run_id === undefined || String(own.run_id) === String(entry.run_id));
    if (card && sameRun)
        return { ...recordFromCard(card, source, meta), verdict: Verdict.catch('unknown').parse(entry.verdict) };
    const perFu = entry.metrics['per_functional_unit.co2e_g'];
    if (perFu === undefined)
        return null;
    const base = card ? recordFromCard(card, source, meta) : null;
    const created = UtcInstant.safeParse(meta.created_at);
    return {
        scenario: entry.scenario,
        team: entry.team,
        functional_unit: base?.functional_unit ?? null,
        created_at: created.success ? created.data : entry.created_at,
        repo: cleanRepo(meta.repo),
        sha: cleanSha(meta.sha),
        run_id: cleanRunId(meta.run_id),
        pr: null,
        verdict: Verdict.catch('unknown').parse(entry.verdict),
        per_fu_co2e_g: perFu,
        per_fu_co2e_g_low: null,
        per_fu_co2e_g_high: null,
        co2e_kg: entry.co2e_kg,
        energy_kwh: entry.metrics['totals.energy_kwh'] ?? 0,
        metrics: { ...entry.metrics, 'totals.co2e_kg': entry.co2e_kg },
        stages: {},
        per_fu_budget: base?.per_fu_budget ?? { max: null, warn: null },
        period_budgets: base?.period_budgets ?? [],
        lifetime: null,
        source,
    };
}
/** Card JSON text -> a DashboardRun, or the reason it is not a usable card (for a warning naming the file). */
function recordFromText(text, source, meta = {}) {
    const got = cardFromTextWith(text, DashboardCard);
    return 'reason' in got ? got : { record: recordFromCard(got.card, source, meta) };
}

// Where the dashboard's runs come from. One small interface, `HistoryReader`, with a reader per
// layout: a directory of model cards (downloaded artifacts, cards kept in a repository) today;
// the history branch of issue 16 plugs in as another reader. `readHistory` picks the reader,
// then de-duplicates runs and sorts them oldest first.
/** A card larger than this is not one of ours (ours are tens of KB); skipped unread. */
const MAX_CARD_BYTES = 8 << 20;
/** Files read at once. */
const READ_CONCURRENCY = 16;
/** `fn` over `items` with at most `limit` calls in flight; results in the order of `items`. */
async function mapLimit(items, limit, fn) {
    const out = new Array(items.length);
    let next = 0;
    const worker = async () => {
        for (let i = next++; i < items.length; i = next++)
            out[i] = await fn(items[i], i);
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return out;
}
/** Paths below a history that never hold cards. */
const NEVER_CARDS = /(^|[\\/])(node_modules|\.git)[\\/]/;
/** Every *.json below `root` that parses as an ml-lca model card; the others are named in `warnings`. */
const cardDirReader = {
    kind: 'cards',
    async accepts() {
        return true;
    },
    async read(root, io) {
        let files;
        try {
            files = await io.glob(['**/*.json'], root);
        }
        catch {
            files = [];
        }
        // Reads overlap (a history branch holds thousands of small files); results keep the file order.
        const results = await mapLimit(files, READ_CONCURRENCY, async (f) => {
            const rel = (path.relative(root, f) || path.basename(f)).split(path.sep).join('/');
            if (NEVER_CARDS.test(rel))
                return null;
            const size = await io.size(f);
            if (size === null)
                return null;
            if (size > MAX_CARD_BYTES)
                return { warning: `${rel}: skipped, ${size} bytes is more than a model card (at most ${MAX_CARD_BYTES})` };
            const got = recordFromText(await io.readText(f), rel);
            return 'reason' in got ? { warning: `${rel}: skipped, ${got.reason}` } : got;
        });
        const records = [];
        const warnings = [];
        for (const r of results) {
            if (r === null)
                continue;
            if ('record' in r)
                records.push(r.record);
            else
                warnings.push(r.warning);
        }
        return { records, warnings };
    },
};
/**
 * A checkout (or copy) of the history branch (docs/history.md, layout v1): every JSONL entry is a
 * run, and its card (`entry.card`, a path checked against the layout's shape before it is
 * followed) gives the stages, the uncertainty range, the budgets and the lifetime curve. Two runs
 * of one commit share a card (the later one's): the earlier run then keeps its own numbers from
 * its entry and draws no stages or range. An entry whose card is missing is drawn from its entry
 * alone, and a note says so; period spending always counts every entry, as the action does.
 */
const branchReader = {
    kind: 'branch',
    accepts: (root, io) => isHistoryDir(root, io),
    async read(root, io) {
        const got = await historyEntries(root, io);
        const warnings = [...got.warnings];
        const cards = new Map();
        const cardAt = (rel) => {
            let p = cards.get(rel);
            if (!p) {
                p = (async () => {
                    const file = path.join(root, ...rel.split('/'));
                    const size = await io.size(file);
                    if (size === null)
                        return { reason: 'missing' };
                    if (size > MAX_CARD_BYTES)
                        return { reason: `${size} bytes is more than a model card` };
                    return cardFromTextWith(await io.readText(file), DashboardCard);
                })();
                cards.set(rel, p);
            }
            return p;
        };
        let cardless = 0;
        const records = await mapLimit(got.entries, READ_CONCURRENCY, async (e, i) => {
            const source = got.ledger[i]?.source ?? e.card;
            const meta = { repo: e.repo, sha: e.sha, run_id: e.run_id, created_at: e.created_at };
            const c = isCardPath(e.card) ? await cardAt(e.card) : { reason: 'not a card path of the layout' };
            if ('reason' in c) {
                cardless += 1;
                if (c.reason !== 'missing')
                    warnings.push(`${source}: card ${JSON.stringify(e.card.slice(0, 120))} not used: ${c.reason}`);
                return recordFromEntry(e, null, source, meta);
            }
            return recordFromEntry(e, c.card, source, meta);
        });
        if (cardless > 0)
            warnings.push(`${cardless} run(s) drawn from their history entry alone (no usable card): no stages or uncertainty range for them`);
        return { records: records.filter((r) => r !== null), warnings };
    },
};
/** Readers tried in order; the first that accepts the directory reads it. */
const READERS = [branchReader, cardDirReader];
/**
 * The runs below `root`, one per run (a re-run or a card found twice counts once, the newest
 * `created_at` winning), oldest first. A directory with no usable card is an InputError.
 */
async function readHistory(root, io, readers = READERS) {
    if ((await io.size(root)) !== null) {
        throw new InputError({ code: 'BAD_INPUT', file: root, expected: 'a directory: model cards (*.json) or a checkout of the history branch', got: 'a file' });
    }
    let reader;
    for (const r of readers) {
        if (await r.accepts(root, io)) {
            reader = r;
            break;
        }
    }
    const got = reader ? await reader.read(root, io) : { records: [], warnings: [] };
    if (got.records.length === 0) {
        throw new InputError({
            code: 'FILE_NOT_FOUND',
            file: root,
            expected: 'a directory holding ml-lca model cards (*.json) or a checkout of the history branch',
            got: got.warnings.length
                ? `no usable card (${got.warnings.length} file(s) skipped; first: ${got.warnings[0]})`
                : 'no such directory, or no *.json below it',
        });
    }
    const { records, duplicates } = dedupeRecords(got.records);
    const warnings = [...got.warnings];
    if (duplicates > 0)
        warnings.push(`${duplicates} duplicate run(s) (same run id or commit) counted once`);
    return { records, warnings, reader: reader?.kind ?? 'cards' };
}
/** One record per run (ledger `runKey`: run id, else commit, else content; newest wins), oldest first. */
function dedupeRecords(records) {
    const d = dedupeRuns(records, entryOfRecord);
    const sorted = d.items.sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || String(a.run_id ?? '').localeCompare(String(b.run_id ?? ''), 'en', { numeric: true }));
    return { records: sorted, duplicates: d.duplicates };
}

// Generated by `npm run dashboard-assets` from src/dashboard/client/main.ts and uplot@1.6.32; do not edit.
// test/dashboard/assets.test.ts fails when this is stale.
const UPLOT_VERSION = "1.6.32";
const UPLOT_LICENSE = "The MIT License (MIT)\n\nCopyright (c) 2022 Leon Sorokin\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\nof this software and associated documentation files (the \"Software\"), to deal\nin the Software without restriction, including without limitation the rights\nto use, copy, modify, merge, publish, distribute, sublicense, and/or sell\ncopies of the Software, and to permit persons to whom the Software is\nfurnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in\nall copies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR\nIMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,\nFITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE\nAUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER\nLIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,\nOUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN\nTHE SOFTWARE.";
const UPLOT_CSS = ".uplot, .uplot *, .uplot *::before, .uplot *::after {box-sizing: border-box;}.uplot {font-family: system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, \"Noto Sans\", sans-serif, \"Apple Color Emoji\", \"Segoe UI Emoji\", \"Segoe UI Symbol\", \"Noto Color Emoji\";line-height: 1.5;width: min-content;}.u-title {text-align: center;font-size: 18px;font-weight: bold;}.u-wrap {position: relative;user-select: none;}.u-over, .u-under {position: absolute;}.u-under {overflow: hidden;}.uplot canvas {display: block;position: relative;width: 100%;height: 100%;}.u-axis {position: absolute;}.u-legend {font-size: 14px;margin: auto;text-align: center;}.u-inline {display: block;}.u-inline * {display: inline-block;}.u-inline tr {margin-right: 16px;}.u-legend th {font-weight: 600;}.u-legend th > * {vertical-align: middle;display: inline-block;}.u-legend .u-marker {width: 1em;height: 1em;margin-right: 4px;background-clip: padding-box !important;}.u-inline.u-live th::after {content: \":\";vertical-align: middle;}.u-inline:not(.u-live) .u-value {display: none;}.u-series > * {padding: 4px;}.u-series th {cursor: pointer;}.u-legend .u-off > * {opacity: 0.3;}.u-select {background: rgba(0,0,0,0.07);position: absolute;pointer-events: none;}.u-cursor-x, .u-cursor-y {position: absolute;left: 0;top: 0;pointer-events: none;will-change: transform;}.u-hz .u-cursor-x, .u-vt .u-cursor-y {height: 100%;border-right: 1px dashed #607D8B;}.u-hz .u-cursor-y, .u-vt .u-cursor-x {width: 100%;border-bottom: 1px dashed #607D8B;}.u-cursor-pt {position: absolute;top: 0;left: 0;border-radius: 50%;border: 0 solid;pointer-events: none;will-change: transform;/*this has to be !important since we set inline \"background\" shorthand */background-clip: padding-box !important;}.u-axis.u-off, .u-select.u-off, .u-cursor-x.u-off, .u-cursor-y.u-off, .u-cursor-pt.u-off {display: none;}";
const UPLOT_JS = "/*! https://github.com/leeoniya/uPlot (v1.6.32) */\nvar uPlot=function(){\"use strict\";const l=\"u-off\",e=\"u-label\",t=\"width\",n=\"height\",i=\"top\",o=\"bottom\",s=\"left\",r=\"right\",u=\"#000\",a=u+\"0\",f=\"mousemove\",c=\"mousedown\",h=\"mouseup\",d=\"mouseenter\",p=\"mouseleave\",m=\"dblclick\",g=\"change\",x=\"dppxchange\",w=\"--\",_=\"undefined\"!=typeof window,b=_?document:null,v=_?window:null,k=_?navigator:null;let y,M;function S(l,e){if(null!=e){let t=l.classList;!t.contains(e)&&t.add(e)}}function T(l,e){let t=l.classList;t.contains(e)&&t.remove(e)}function E(l,e,t){l.style[e]=t+\"px\"}function z(l,e,t,n){let i=b.createElement(l);return null!=e&&S(i,e),null!=t&&t.insertBefore(i,n),i}function D(l,e){return z(\"div\",l,e)}const P=new WeakMap;function A(e,t,n,i,o){let s=\"translate(\"+t+\"px,\"+n+\"px)\";s!=P.get(e)&&(e.style.transform=s,P.set(e,s),0>t||0>n||t>i||n>o?S(e,l):T(e,l))}const W=new WeakMap;function Y(l,e,t){let n=e+t;n!=W.get(l)&&(W.set(l,n),l.style.background=e,l.style.borderColor=t)}const C=new WeakMap;function H(l,e,t,n){let i=e+\"\"+t;i!=C.get(l)&&(C.set(l,i),l.style.height=t+\"px\",l.style.width=e+\"px\",l.style.marginLeft=n?-e/2+\"px\":0,l.style.marginTop=n?-t/2+\"px\":0)}const F={passive:!0},R={...F,capture:!0};function G(l,e,t,n){e.addEventListener(l,t,n?R:F)}function I(l,e,t){e.removeEventListener(l,t,F)}function L(l,e,t,n){let i;t=t||0;let o=2147483647>=(n=n||e.length-1);for(;n-t>1;)i=o?t+n>>1:sl((t+n)/2),l>e[i]?t=i:n=i;return l-e[t]>e[n]-l?n:t}function O(l){return(e,t,n)=>{let i=-1,o=-1;for(let o=t;n>=o;o++)if(l(e[o])){i=o;break}for(let i=n;i>=t;i--)if(l(e[i])){o=i;break}return[i,o]}}_&&function l(){let e=devicePixelRatio;y!=e&&(y=e,M&&I(g,M,l),M=matchMedia(`(min-resolution: ${y-.001}dppx) and (max-resolution: ${y+.001}dppx)`),G(g,M,l),v.dispatchEvent(new CustomEvent(x)))}();const N=l=>null!=l,j=l=>null!=l&&l>0,U=O(N),V=O(j);function B(l,e,t,n){let i=hl(l),o=hl(e);l==e&&(-1==i?(l*=t,e/=t):(l/=t,e*=t));let s=10==t?dl:pl,r=1==o?ul:sl,u=(1==i?sl:ul)(s(ol(l))),a=r(s(ol(e))),f=cl(t,u),c=cl(t,a);return 10==t&&(0>u&&(f=Al(f,-u)),0>a&&(c=Al(c,-a))),n||2==t?(l=f*i,e=c*o):(l=Pl(l,f),e=Dl(e,c)),[l,e]}function $(l,e,t,n){let i=B(l,e,t,n);return 0==l&&(i[0]=0),0==e&&(i[1]=0),i}const J=.1,q={mode:3,pad:J},K={pad:0,soft:null,mode:0},X={min:K,max:K};function Z(l,e,t,n){return Ol(t)?ll(l,e,t):(K.pad=t,K.soft=n?0:null,K.mode=n?3:0,ll(l,e,X))}function Q(l,e){return null==l?e:l}function ll(l,e,t){let n=t.min,i=t.max,o=Q(n.pad,0),s=Q(i.pad,0),r=Q(n.hard,-gl),u=Q(i.hard,gl),a=Q(n.soft,gl),f=Q(i.soft,-gl),c=Q(n.mode,0),h=Q(i.mode,0),d=e-l,p=dl(d),m=fl(ol(l),ol(e)),g=dl(m),x=ol(g-p);(1e-24>d||x>10)&&(d=0,0!=l&&0!=e||(d=1e-24,2==c&&a!=gl&&(o=0),2==h&&f!=-gl&&(s=0)));let w=d||m||1e3,_=dl(w),b=cl(10,sl(_)),v=Al(Pl(l-w*(0==d?0==l?.1:1:o),b/10),24),k=a>l||1!=c&&(3!=c||v>a)&&(2!=c||a>v)?gl:a,y=fl(r,k>v&&l>=k?k:al(k,v)),M=Al(Dl(e+w*(0==d?0==e?.1:1:s),b/10),24),S=e>f||1!=h&&(3!=h||f>M)&&(2!=h||M>f)?-gl:f,T=al(u,M>S&&S>=e?S:fl(S,M));return y==T&&0==y&&(T=100),[y,T]}const el=new Intl.NumberFormat(_?k.language:\"en-US\"),tl=l=>el.format(l),nl=Math,il=nl.PI,ol=nl.abs,sl=nl.floor,rl=nl.round,ul=nl.ceil,al=nl.min,fl=nl.max,cl=nl.pow,hl=nl.sign,dl=nl.log10,pl=nl.log2,ml=(l,e=1)=>nl.asinh(l/e),gl=1/0;function xl(l){return 1+(0|dl((l^l>>31)-(l>>31)))}function wl(l,e,t){return al(fl(l,e),t)}function _l(l){return\"function\"==typeof l}function bl(l){return _l(l)?l:()=>l}const vl=l=>l,kl=(l,e)=>e,yl=()=>null,Ml=()=>!0,Sl=(l,e)=>l==e,Tl=/\\.\\d*?(?=9{6,}|0{6,})/gm,El=l=>{if(Il(l)||Wl.has(l))return l;const e=\"\"+l,t=e.match(Tl);if(null==t)return l;let n=t[0].length-1;if(-1!=e.indexOf(\"e-\")){let[l,t]=e.split(\"e\");return+`${El(l)}e${t}`}return Al(l,n)};function zl(l,e){return El(Al(El(l/e))*e)}function Dl(l,e){return El(ul(El(l/e))*e)}function Pl(l,e){return El(sl(El(l/e))*e)}function Al(l,e=0){if(Il(l))return l;let t=10**e;return rl(l*t*(1+Number.EPSILON))/t}const Wl=new Map;function Yl(l){return((\"\"+l).split(\".\")[1]||\"\").length}function Cl(l,e,t,n){let i=[],o=n.map(Yl);for(let s=e;t>s;s++){let e=ol(s),t=Al(cl(l,s),e);for(let r=0;n.length>r;r++){let u=10==l?+`${n[r]}e${s}`:n[r]*t,a=(0>s?e:0)+(o[r]>s?o[r]:0),f=10==l?u:Al(u,a);i.push(f),Wl.set(f,a)}}return i}const Hl={},Fl=[],Rl=[null,null],Gl=Array.isArray,Il=Number.isInteger;function Ll(l){return\"string\"==typeof l}function Ol(l){let e=!1;if(null!=l){let t=l.constructor;e=null==t||t==Object}return e}function Nl(l){return null!=l&&\"object\"==typeof l}const jl=Object.getPrototypeOf(Uint8Array),Ul=\"__proto__\";function Vl(l,e=Ol){let t;if(Gl(l)){let n=l.find((l=>null!=l));if(Gl(n)||e(n)){t=Array(l.length);for(let n=0;l.length>n;n++)t[n]=Vl(l[n],e)}else t=l.slice()}else if(l instanceof jl)t=l.slice();else if(e(l)){t={};for(let n in l)n!=Ul&&(t[n]=Vl(l[n],e))}else t=l;return t}function Bl(l){let e=arguments;for(let t=1;e.length>t;t++){let n=e[t];for(let e in n)e!=Ul&&(Ol(l[e])?Bl(l[e],Vl(n[e])):l[e]=Vl(n[e]))}return l}function $l(l,e,t){for(let n,i=0,o=-1;e.length>i;i++){let s=e[i];if(s>o){for(n=s-1;n>=0&&null==l[n];)l[n--]=null;for(n=s+1;t>n&&null==l[n];)l[o=n++]=null}}}const Jl=\"undefined\"==typeof queueMicrotask?l=>Promise.resolve().then(l):queueMicrotask,ql=[\"January\",\"February\",\"March\",\"April\",\"May\",\"June\",\"July\",\"August\",\"September\",\"October\",\"November\",\"December\"],Kl=[\"Sunday\",\"Monday\",\"Tuesday\",\"Wednesday\",\"Thursday\",\"Friday\",\"Saturday\"];function Xl(l){return l.slice(0,3)}const Zl=Kl.map(Xl),Ql=ql.map(Xl),le={MMMM:ql,MMM:Ql,WWWW:Kl,WWW:Zl};function ee(l){return(10>l?\"0\":\"\")+l}const te={YYYY:l=>l.getFullYear(),YY:l=>(l.getFullYear()+\"\").slice(2),MMMM:(l,e)=>e.MMMM[l.getMonth()],MMM:(l,e)=>e.MMM[l.getMonth()],MM:l=>ee(l.getMonth()+1),M:l=>l.getMonth()+1,DD:l=>ee(l.getDate()),D:l=>l.getDate(),WWWW:(l,e)=>e.WWWW[l.getDay()],WWW:(l,e)=>e.WWW[l.getDay()],HH:l=>ee(l.getHours()),H:l=>l.getHours(),h:l=>{let e=l.getHours();return 0==e?12:e>12?e-12:e},AA:l=>12>l.getHours()?\"AM\":\"PM\",aa:l=>12>l.getHours()?\"am\":\"pm\",a:l=>12>l.getHours()?\"a\":\"p\",mm:l=>ee(l.getMinutes()),m:l=>l.getMinutes(),ss:l=>ee(l.getSeconds()),s:l=>l.getSeconds(),fff:l=>function(l){return(10>l?\"00\":100>l?\"0\":\"\")+l}(l.getMilliseconds())};function ne(l,e){e=e||le;let t,n=[],i=/\\{([a-z]+)\\}|[^{]+/gi;for(;t=i.exec(l);)n.push(\"{\"==t[0][0]?te[t[1]]:t[0]);return l=>{let t=\"\";for(let i=0;n.length>i;i++)t+=\"string\"==typeof n[i]?n[i]:n[i](l,e);return t}}const ie=(new Intl.DateTimeFormat).resolvedOptions().timeZone,oe=l=>l%1==0,se=[1,2,2.5,5],re=Cl(10,-32,0,se),ue=Cl(10,0,32,se),ae=ue.filter(oe),fe=re.concat(ue),ce=\"{YYYY}\",he=\"\\n\"+ce,de=\"{M}/{D}\",pe=\"\\n\"+de,me=pe+\"/{YY}\",ge=\"{aa}\",xe=\"{h}:{mm}\"+ge,we=\"\\n\"+xe,_e=\":{ss}\",be=null;function ve(l){let e=1e3*l,t=60*e,n=60*t,i=24*n,o=30*i,s=365*i;return[(1==l?Cl(10,0,3,se).filter(oe):Cl(10,-3,0,se)).concat([e,5*e,10*e,15*e,30*e,t,5*t,10*t,15*t,30*t,n,2*n,3*n,4*n,6*n,8*n,12*n,i,2*i,3*i,4*i,5*i,6*i,7*i,8*i,9*i,10*i,15*i,o,2*o,3*o,4*o,6*o,s,2*s,5*s,10*s,25*s,50*s,100*s]),[[s,ce,be,be,be,be,be,be,1],[28*i,\"{MMM}\",he,be,be,be,be,be,1],[i,de,he,be,be,be,be,be,1],[n,\"{h}\"+ge,me,be,pe,be,be,be,1],[t,xe,me,be,pe,be,be,be,1],[e,_e,me+\" \"+xe,be,pe+\" \"+xe,be,we,be,1],[l,_e+\".{fff}\",me+\" \"+xe,be,pe+\" \"+xe,be,we,be,1]],function(e){return(r,u,a,f,c,h)=>{let d=[],p=c>=s,m=c>=o&&s>c,g=e(a),x=Al(g*l,3),w=Pe(g.getFullYear(),p?0:g.getMonth(),m||p?1:g.getDate()),_=Al(w*l,3);if(m||p){let t=m?c/o:0,n=p?c/s:0,i=x==_?x:Al(Pe(w.getFullYear()+n,w.getMonth()+t,1)*l,3),r=new Date(rl(i/l)),u=r.getFullYear(),a=r.getMonth();for(let o=0;f>=i;o++){let s=Pe(u+n*o,a+t*o,1),r=s-e(Al(s*l,3));i=Al((+s+r)*l,3),i>f||d.push(i)}}else{let o=i>c?c:i,s=_+(sl(a)-sl(x))+Dl(x-_,o);d.push(s);let p=e(s),m=p.getHours()+p.getMinutes()/t+p.getSeconds()/n,g=c/n,w=h/r.axes[u]._space;for(;s=Al(s+c,1==l?0:3),f>=s;)if(g>1){let l=sl(Al(m+g,6))%24,t=e(s).getHours()-l;t>1&&(t=-1),s-=t*n,m=(m+g)%24,.7>Al((s-d[d.length-1])/c,3)*w||d.push(s)}else d.push(s)}return d}}]}const[ke,ye,Me]=ve(1),[Se,Te,Ee]=ve(.001);function ze(l,e){return l.map((l=>l.map(((t,n)=>0==n||8==n||null==t?t:e(1==n||0==l[8]?t:l[1]+t)))))}function De(l,e){return(t,n,i,o,s)=>{let r,u,a,f,c,h,d=e.find((l=>s>=l[0]))||e[e.length-1];return n.map((e=>{let t=l(e),n=t.getFullYear(),i=t.getMonth(),o=t.getDate(),s=t.getHours(),p=t.getMinutes(),m=t.getSeconds(),g=n!=r&&d[2]||i!=u&&d[3]||o!=a&&d[4]||s!=f&&d[5]||p!=c&&d[6]||m!=h&&d[7]||d[1];return r=n,u=i,a=o,f=s,c=p,h=m,g(t)}))}}function Pe(l,e,t){return new Date(l,e,t)}function Ae(l,e){return e(l)}function We(l,e){return(t,n,i,o)=>null==o?w:e(l(n))}Cl(2,-53,53,[1]);const Ye={show:!0,live:!0,isolate:!1,mount:()=>{},markers:{show:!0,width:2,stroke:function(l,e){let t=l.series[e];return t.width?t.stroke(l,e):t.points.width?t.points.stroke(l,e):null},fill:function(l,e){return l.series[e].fill(l,e)},dash:\"solid\"},idx:null,idxs:null,values:[]},Ce=[0,0];function He(l,e,t,n=!0){return l=>{0==l.button&&(!n||l.target==e)&&t(l)}}function Fe(l,e,t,n=!0){return l=>{(!n||l.target==e)&&t(l)}}const Re={show:!0,x:!0,y:!0,lock:!1,move:function(l,e,t){return Ce[0]=e,Ce[1]=t,Ce},points:{one:!1,show:function(l,e){let i=l.cursor.points,o=D(),s=i.size(l,e);E(o,t,s),E(o,n,s);let r=s/-2;E(o,\"marginLeft\",r),E(o,\"marginTop\",r);let u=i.width(l,e,s);return u&&E(o,\"borderWidth\",u),o},size:function(l,e){return l.series[e].points.size},width:0,stroke:function(l,e){let t=l.series[e].points;return t._stroke||t._fill},fill:function(l,e){let t=l.series[e].points;return t._fill||t._stroke}},bind:{mousedown:He,mouseup:He,click:He,dblclick:He,mousemove:Fe,mouseleave:Fe,mouseenter:Fe},drag:{setScale:!0,x:!0,y:!1,dist:0,uni:null,click:(l,e)=>{e.stopPropagation(),e.stopImmediatePropagation()},_x:!1,_y:!1},focus:{dist:(l,e,t,n,i)=>n-i,prox:-1,bias:0},hover:{skip:[void 0],prox:null,bias:0},left:-10,top:-10,idx:null,dataIdx:null,idxs:null,event:null},Ge={show:!0,stroke:\"rgba(0,0,0,0.07)\",width:2},Ie=Bl({},Ge,{filter:kl}),Le=Bl({},Ie,{size:10}),Oe=Bl({},Ge,{show:!1}),Ne='12px system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, \"Noto Sans\", sans-serif, \"Apple Color Emoji\", \"Segoe UI Emoji\", \"Segoe UI Symbol\", \"Noto Color Emoji\"',je=\"bold \"+Ne,Ue={show:!0,scale:\"x\",stroke:u,space:50,gap:5,alignTo:1,size:50,labelGap:0,labelSize:30,labelFont:je,side:2,grid:Ie,ticks:Le,border:Oe,font:Ne,lineGap:1.5,rotate:0},Ve={show:!0,scale:\"x\",auto:!1,sorted:1,min:gl,max:-gl,idxs:[]};function Be(l,e){return e.map((l=>null==l?\"\":tl(l)))}function $e(l,e,t,n,i,o,s){let r=[],u=Wl.get(i)||0;for(let l=t=s?t:Al(Dl(t,i),u);n>=l;l=Al(l+i,u))r.push(Object.is(l,-0)?0:l);return r}function Je(l,e,t,n,i){const o=[],s=l.scales[l.axes[e].scale].log,r=sl((10==s?dl:pl)(t));i=cl(s,r),10==s&&(i=fe[L(i,fe)]);let u=t,a=i*s;10==s&&(a=fe[L(a,fe)]);do{o.push(u),u+=i,10!=s||Wl.has(u)||(u=Al(u,Wl.get(i))),a>u||(a=(i=u)*s,10==s&&(a=fe[L(a,fe)]))}while(n>=u);return o}function qe(l,e,t,n,i){let o=l.scales[l.axes[e].scale].asinh,s=n>o?Je(l,e,fl(o,t),n,i):[o],r=0>n||t>0?[]:[0];return(-o>t?Je(l,e,fl(o,-n),-t,i):[o]).reverse().map((l=>-l)).concat(r,s)}const Ke=/./,Xe=/[12357]/,Ze=/[125]/,Qe=/1/,lt=(l,e,t,n)=>l.map(((l,i)=>4==e&&0==l||i%n==0&&t.test(l.toExponential()[0>l?1:0])?l:null));function et(l,e,t){let n=l.axes[t],i=n.scale,o=l.scales[i],s=l.valToPos,r=n._space,u=s(10,i),a=s(9,i)-u<r?s(7,i)-u<r?s(5,i)-u<r?Qe:Ze:Xe:Ke;if(a==Qe){let l=ol(s(1,i)-u);if(r>l)return lt(e.slice().reverse(),o.distr,a,ul(r/l)).reverse()}return lt(e,o.distr,a,1)}function tt(l,e,t){let n=l.axes[t],i=n.scale,o=n._space,s=l.valToPos,r=ol(s(1,i)-s(2,i));return o>r?lt(e.slice().reverse(),3,Ke,ul(o/r)).reverse():e}function nt(l,e,t,n){return null==n?w:null==e?\"\":tl(e)}const it={show:!0,scale:\"y\",stroke:u,space:30,gap:5,alignTo:1,size:50,labelGap:0,labelSize:30,labelFont:je,side:3,grid:Ie,ticks:Le,border:Oe,font:Ne,lineGap:1.5,rotate:0},ot={scale:null,auto:!0,sorted:0,min:gl,max:-gl},st=(l,e,t,n,i)=>i,rt={show:!0,auto:!0,sorted:0,gaps:st,alpha:1,facets:[Bl({},ot,{scale:\"x\"}),Bl({},ot,{scale:\"y\"})]},ut={scale:\"y\",auto:!0,sorted:0,show:!0,spanGaps:!1,gaps:st,alpha:1,points:{show:function(l,e){let{scale:t,idxs:n}=l.series[0],i=l._data[0],o=l.valToPos(i[n[0]],t,!0),s=l.valToPos(i[n[1]],t,!0);return ol(s-o)/(l.series[e].points.space*y)>=n[1]-n[0]},filter:null},values:null,min:gl,max:-gl,idxs:[],path:null,clip:null};function at(l,e,t){return t/10}const ft={time:!0,auto:!0,distr:1,log:10,asinh:1,min:null,max:null,dir:1,ori:0},ct=Bl({},ft,{time:!1,ori:1}),ht={};function dt(l){let e=ht[l];return e||(e={key:l,plots:[],sub(l){e.plots.push(l)},unsub(l){e.plots=e.plots.filter((e=>e!=l))},pub(l,t,n,i,o,s,r){for(let u=0;e.plots.length>u;u++)e.plots[u]!=t&&e.plots[u].pub(l,t,n,i,o,s,r)}},null!=l&&(ht[l]=e)),e}function pt(l,e,t){const n=l.mode,i=l.series[e],o=2==n?l._data[e]:l._data,s=l.scales,r=l.bbox;let u=o[0],a=2==n?o[1]:o[e],f=2==n?s[i.facets[0].scale]:s[l.series[0].scale],c=2==n?s[i.facets[1].scale]:s[i.scale],h=r.left,d=r.top,p=r.width,m=r.height,g=l.valToPosH,x=l.valToPosV;return 0==f.ori?t(i,u,a,f,c,g,x,h,d,p,m,kt,Mt,Tt,zt,Pt):t(i,u,a,f,c,x,g,d,h,m,p,yt,St,Et,Dt,At)}function mt(l,e){let t=0,n=0,i=Q(l.bands,Fl);for(let l=0;i.length>l;l++){let o=i[l];o.series[0]==e?t=o.dir:o.series[1]==e&&(n|=1==o.dir?1:2)}return[t,1==n?-1:2==n?1:3==n?2:0]}function gt(l,e,t,n,i){let o=l.series[e],s=l.scales[2==l.mode?o.facets[1].scale:o.scale];return-1==i?s.min:1==i?s.max:3==s.distr?1==s.dir?s.min:s.max:0}function xt(l,e,t,n,i,o){return pt(l,e,((l,e,s,r,u,a,f,c,h,d,p)=>{let m=l.pxRound;const g=0==r.ori?Mt:St;let x,w;1==r.dir*(0==r.ori?1:-1)?(x=t,w=n):(x=n,w=t);let _=m(a(e[x],r,d,c)),b=m(f(s[x],u,p,h)),v=m(a(e[w],r,d,c)),k=m(f(1==o?u.max:u.min,u,p,h)),y=new Path2D(i);return g(y,v,k),g(y,_,k),g(y,_,b),y}))}function wt(l,e,t,n,i,o){let s=null;if(l.length>0){s=new Path2D;const r=0==e?Tt:Et;let u=t;for(let e=0;l.length>e;e++){let t=l[e];if(t[1]>t[0]){let l=t[0]-u;l>0&&r(s,u,n,l,n+o),u=t[1]}}let a=t+i-u,f=10;a>0&&r(s,u,n-f/2,a,n+o+f)}return s}function _t(l,e,t,n,i,o,s){let r=[],u=l.length;for(let a=1==i?t:n;a>=t&&n>=a;a+=i)if(null===e[a]){let f=a,c=a;if(1==i)for(;++a<=n&&null===e[a];)c=a;else for(;--a>=t&&null===e[a];)c=a;let h=o(l[f]),d=c==f?h:o(l[c]),p=f-i;h=s>0||0>p||p>=u?h:o(l[p]);let m=c+i;d=0>s||0>m||m>=u?d:o(l[m]),h>d||r.push([h,d])}return r}function bt(l){return 0==l?vl:1==l?rl:e=>zl(e,l)}function vt(l){let e=0==l?kt:yt,t=0==l?(l,e,t,n,i,o)=>{l.arcTo(e,t,n,i,o)}:(l,e,t,n,i,o)=>{l.arcTo(t,e,i,n,o)},n=0==l?(l,e,t,n,i)=>{l.rect(e,t,n,i)}:(l,e,t,n,i)=>{l.rect(t,e,i,n)};return(l,i,o,s,r,u=0,a=0)=>{0==u&&0==a?n(l,i,o,s,r):(u=al(u,s/2,r/2),a=al(a,s/2,r/2),e(l,i+u,o),t(l,i+s,o,i+s,o+r,u),t(l,i+s,o+r,i,o+r,a),t(l,i,o+r,i,o,a),t(l,i,o,i+s,o,u),l.closePath())}}const kt=(l,e,t)=>{l.moveTo(e,t)},yt=(l,e,t)=>{l.moveTo(t,e)},Mt=(l,e,t)=>{l.lineTo(e,t)},St=(l,e,t)=>{l.lineTo(t,e)},Tt=vt(0),Et=vt(1),zt=(l,e,t,n,i,o)=>{l.arc(e,t,n,i,o)},Dt=(l,e,t,n,i,o)=>{l.arc(t,e,n,i,o)},Pt=(l,e,t,n,i,o,s)=>{l.bezierCurveTo(e,t,n,i,o,s)},At=(l,e,t,n,i,o,s)=>{l.bezierCurveTo(t,e,i,n,s,o)};function Wt(){return(l,e,t,n,i)=>pt(l,e,((e,o,s,r,u,a,f,c,h,d,p)=>{let m,g,{pxRound:x,points:w}=e;0==r.ori?(m=kt,g=zt):(m=yt,g=Dt);const _=Al(w.width*y,3);let b=(w.size-w.width)/2*y,v=Al(2*b,3),k=new Path2D,M=new Path2D,{left:S,top:T,width:E,height:z}=l.bbox;Tt(M,S-v,T-v,E+2*v,z+2*v);const D=l=>{if(null!=s[l]){let e=x(a(o[l],r,d,c)),t=x(f(s[l],u,p,h));m(k,e+b,t),g(k,e,t,b,0,2*il)}};if(i)i.forEach(D);else for(let l=t;n>=l;l++)D(l);return{stroke:_>0?k:null,fill:k,clip:M,flags:3}}))}function Yt(l){return(e,t,n,i,o,s)=>{n!=i&&(o!=n&&s!=n&&l(e,t,n),o!=i&&s!=i&&l(e,t,i),l(e,t,s))}}const Ct=Yt(Mt),Ht=Yt(St);function Ft(l){const e=Q(l?.alignGaps,0);return(l,t,n,i)=>pt(l,t,((o,s,r,u,a,f,c,h,d,p,m)=>{[n,i]=U(r,n,i);let g,x,w=o.pxRound,_=l=>w(f(l,u,p,h)),b=l=>w(c(l,a,m,d));0==u.ori?(g=Mt,x=Ct):(g=St,x=Ht);const v=u.dir*(0==u.ori?1:-1),k={stroke:new Path2D,fill:null,clip:null,band:null,gaps:null,flags:1},y=k.stroke;let M=!1;if(i-n<4*p)for(let l=1==v?n:i;l>=n&&i>=l;l+=v){let e=r[l];null===e?M=!0:null!=e&&g(y,_(s[l]),b(e))}else{let e,t,o,a=e=>l.posToVal(e,u.key,!0),f=null,c=null,h=_(s[1==v?n:i]),d=_(s[n]),p=_(s[i]),m=a(1==v?d+1:p-1);for(let l=1==v?n:i;l>=n&&i>=l;l+=v){let n=s[l],i=(1==v?m>n:n>m)?h:_(n),o=r[l];i==h?null!=o?(t=o,null==f?(g(y,i,b(t)),e=f=c=t):f>t?f=t:t>c&&(c=t)):null===o&&(M=!0):(null!=f&&x(y,h,b(f),b(c),b(e),b(t)),null!=o?(t=o,g(y,i,b(t)),f=c=e=t):(f=c=null,null===o&&(M=!0)),h=i,m=a(h+v))}null!=f&&f!=c&&o!=h&&x(y,h,b(f),b(c),b(e),b(t))}let[S,T]=mt(l,t);if(null!=o.fill||0!=S){let e=k.fill=new Path2D(y),r=b(o.fillTo(l,t,o.min,o.max,S)),u=_(s[n]),a=_(s[i]);-1==v&&([a,u]=[u,a]),g(e,a,r),g(e,u,r)}if(!o.spanGaps){let a=[];M&&a.push(..._t(s,r,n,i,v,_,e)),k.gaps=a=o.gaps(l,t,n,i,a),k.clip=wt(a,u.ori,h,d,p,m)}return 0!=T&&(k.band=2==T?[xt(l,t,n,i,y,-1),xt(l,t,n,i,y,1)]:xt(l,t,n,i,y,T)),k}))}function Rt(l,e,t,n,i,o,s=gl){if(l.length>1){let r=null;for(let u=0,a=1/0;l.length>u;u++)if(void 0!==e[u]){if(null!=r){let e=ol(l[u]-l[r]);a>e&&(a=e,s=ol(t(l[u],n,i,o)-t(l[r],n,i,o)))}r=u}}return s}function Gt(l,e,t,n,i){const o=l.length;if(2>o)return null;const s=new Path2D;if(t(s,l[0],e[0]),2==o)n(s,l[1],e[1]);else{let t=Array(o),n=Array(o-1),r=Array(o-1),u=Array(o-1);for(let t=0;o-1>t;t++)r[t]=e[t+1]-e[t],u[t]=l[t+1]-l[t],n[t]=r[t]/u[t];t[0]=n[0];for(let l=1;o-1>l;l++)0===n[l]||0===n[l-1]||n[l-1]>0!=n[l]>0?t[l]=0:(t[l]=3*(u[l-1]+u[l])/((2*u[l]+u[l-1])/n[l-1]+(u[l]+2*u[l-1])/n[l]),isFinite(t[l])||(t[l]=0));t[o-1]=n[o-2];for(let n=0;o-1>n;n++)i(s,l[n]+u[n]/3,e[n]+t[n]*u[n]/3,l[n+1]-u[n]/3,e[n+1]-t[n+1]*u[n]/3,l[n+1],e[n+1])}return s}const It=new Set;function Lt(){for(let l of It)l.syncRect(!0)}_&&(G(\"resize\",v,Lt),G(\"scroll\",v,Lt,!0),G(x,v,(()=>{en.pxRatio=y})));const Ot=Ft(),Nt=Wt();function jt(l,e,t,n){return(n?[l[0],l[1]].concat(l.slice(2)):[l[0]].concat(l.slice(1))).map(((l,n)=>Ut(l,n,e,t)))}function Ut(l,e,t,n){return Bl({},0==e?t:n,l)}function Vt(l,e,t){return null==e?Rl:[e,t]}const Bt=Vt;function $t(l,e,t){return null==e?Rl:Z(e,t,J,!0)}function Jt(l,e,t,n){return null==e?Rl:B(e,t,l.scales[n].log,!1)}const qt=Jt;function Kt(l,e,t,n){return null==e?Rl:$(e,t,l.scales[n].log,!1)}const Xt=Kt;function Zt(l,e,t,n,i){let o=fl(xl(l),xl(e)),s=e-l,r=L(i/n*s,t);do{let l=t[r],e=n*l/s;if(e>=i&&17>=o+(5>l?Wl.get(l):0))return[l,e]}while(++r<t.length);return[0,0]}function Qt(l){let e,t;return[l=l.replace(/(\\d+)px/,((l,n)=>(e=rl((t=+n)*y))+\"px\")),e,t]}function ln(l){l.show&&[l.font,l.labelFont].forEach((l=>{let e=Al(l[2]*y,1);l[0]=l[0].replace(/[0-9.]+px/,e+\"px\"),l[1]=e}))}function en(u,g,_){const k={mode:Q(u.mode,1)},M=k.mode;function P(l,e,t,n){let i=e.valToPct(l);return n+t*(-1==e.dir?1-i:i)}function W(l,e,t,n){let i=e.valToPct(l);return n+t*(-1==e.dir?i:1-i)}function C(l,e,t,n){return 0==e.ori?P(l,e,t,n):W(l,e,t,n)}k.valToPosH=P,k.valToPosV=W;let F=!1;k.status=0;const R=k.root=D(\"uplot\");null!=u.id&&(R.id=u.id),S(R,u.class),u.title&&(D(\"u-title\",R).textContent=u.title);const O=z(\"canvas\"),K=k.ctx=O.getContext(\"2d\"),X=D(\"u-wrap\",R);G(\"click\",X,(l=>{l.target===el&&(Nn!=Gn||jn!=In)&&Zn.click(k,l)}),!0);const ll=k.under=D(\"u-under\",X);X.appendChild(O);const el=k.over=D(\"u-over\",X),tl=+Q((u=Vl(u)).pxAlign,1),sl=bt(tl);(u.plugins||[]).forEach((l=>{l.opts&&(u=l.opts(k,u)||u)}));const hl=u.ms||.001,pl=k.series=1==M?jt(u.series||[],Ve,ut,!1):function(l,e){return l.map(((l,t)=>0==t?{}:Bl({},e,l)))}(u.series||[null],rt),xl=k.axes=jt(u.axes||[],Ue,it,!0),vl=k.scales={},Tl=k.bands=u.bands||[];Tl.forEach((l=>{l.fill=bl(l.fill||null),l.dir=Q(l.dir,-1)}));const El=2==M?pl[1].facets[0].scale:pl[0].scale,Dl={axes:function(){for(let l=0;xl.length>l;l++){let e=xl[l];if(!e.show||!e._show)continue;let t,n,u=e.side,a=u%2,f=e.stroke(k,l),c=0==u||3==u?-1:1,[h,d]=e._found;if(null!=e.label){let s=rl((e._lpos+e.labelGap*c)*y);_n(e.labelFont[0],f,\"center\",2==u?i:o),K.save(),1==a?(t=n=0,K.translate(s,rl(lt+st/2)),K.rotate((3==u?-il:il)/2)):(t=rl(Qe+ot/2),n=s);let r=_l(e.label)?e.label(k,l,h,d):e.label;K.fillText(r,t,n),K.restore()}if(0==d)continue;let p=vl[e.scale],m=0==a?ot:st,g=0==a?Qe:lt,x=e._splits,w=2==p.distr?x.map((l=>pn[l])):x,_=2==p.distr?pn[x[1]]-pn[x[0]]:h,b=e.ticks,v=e.border,M=b.show?b.size:0,S=rl(M*y),T=rl((2==e.alignTo?e._size-M-e.gap:e.gap)*y),E=e._rotate*-il/180,z=sl(e._pos*y),D=z+(S+T)*c;n=0==a?D:0,t=1==a?D:0,_n(e.font[0],f,1==e.align?s:2==e.align?r:E>0?s:0>E?r:0==a?\"center\":3==u?r:s,E||1==a?\"middle\":2==u?i:o);let P=e.font[1]*e.lineGap,A=x.map((l=>sl(C(l,p,m,g)))),W=e._values;for(let l=0;W.length>l;l++){let e=W[l];if(null!=e){0==a?t=A[l]:n=A[l],e=\"\"+e;let i=-1==e.indexOf(\"\\n\")?[e]:e.split(/\\n/gm);for(let l=0;i.length>l;l++){let e=i[l];E?(K.save(),K.translate(t,n+l*P),K.rotate(E),K.fillText(e,0,0),K.restore()):K.fillText(e,t,n+l*P)}}}b.show&&zn(A,b.filter(k,w,l,d,_),a,u,z,S,Al(b.width*y,3),b.stroke(k,l),b.dash,b.cap);let Y=e.grid;Y.show&&zn(A,Y.filter(k,w,l,d,_),a,0==a?2:1,0==a?lt:Qe,0==a?st:ot,Al(Y.width*y,3),Y.stroke(k,l),Y.dash,Y.cap),v.show&&zn([z],[1],0==a?1:0,0==a?1:2,1==a?lt:Qe,1==a?st:ot,Al(v.width*y,3),v.stroke(k,l),v.dash,v.cap)}Ci(\"drawAxes\")},series:function(){if(Gt>0){let l=pl.some((l=>l._focus))&&dn!=Tt.alpha;l&&(K.globalAlpha=dn=Tt.alpha),pl.forEach(((l,e)=>{if(e>0&&l.show&&(kn(e,!1),kn(e,!0),null==l._paths)){let t=dn;dn!=l.alpha&&(K.globalAlpha=dn=l.alpha);let n=2==M?[0,g[e][0].length-1]:function(l){let e=wl(Lt-1,0,Gt-1),t=wl(en+1,0,Gt-1);for(;null==l[e]&&e>0;)e--;for(;null==l[t]&&Gt-1>t;)t++;return[e,t]}(g[e]);l._paths=l.paths(k,e,n[0],n[1]),dn!=t&&(K.globalAlpha=dn=t)}})),pl.forEach(((l,e)=>{if(e>0&&l.show){let t=dn;dn!=l.alpha&&(K.globalAlpha=dn=l.alpha),null!=l._paths&&yn(e,!1);{let t=null!=l._paths?l._paths.gaps:null,n=l.points.show(k,e,Lt,en,t),i=l.points.filter(k,e,n,t);(n||i)&&(l.points._paths=l.points.paths(k,e,Lt,en,i),yn(e,!0))}dn!=t&&(K.globalAlpha=dn=t),Ci(\"drawSeries\",e)}})),l&&(K.globalAlpha=dn=1)}}},Pl=(u.drawOrder||[\"axes\",\"series\"]).map((l=>Dl[l]));function Cl(l){const e=3==l.distr?e=>dl(e>0?e:l.clamp(k,e,l.min,l.max,l.key)):4==l.distr?e=>ml(e,l.asinh):100==l.distr?e=>l.fwd(e):l=>l;return t=>{let n=e(t),{_min:i,_max:o}=l;return(n-i)/(o-i)}}function Il(l){let e=vl[l];if(null==e){let t=(u.scales||Hl)[l]||Hl;if(null!=t.from){Il(t.from);let e=Bl({},vl[t.from],t,{key:l});e.valToPct=Cl(e),vl[l]=e}else{e=vl[l]=Bl({},l==El?ft:ct,t),e.key=l;let n=e.time,i=e.range,o=Gl(i);if((l!=El||2==M&&!n)&&(!o||null!=i[0]&&null!=i[1]||(i={min:null==i[0]?q:{mode:1,hard:i[0],soft:i[0]},max:null==i[1]?q:{mode:1,hard:i[1],soft:i[1]}},o=!1),!o&&Ol(i))){let l=i;i=(e,t,n)=>null==t?Rl:Z(t,n,l)}e.range=bl(i||(n?Bt:l==El?3==e.distr?qt:4==e.distr?Xt:Vt:3==e.distr?Jt:4==e.distr?Kt:$t)),e.auto=bl(!o&&e.auto),e.clamp=bl(e.clamp||at),e._min=e._max=null,e.valToPct=Cl(e)}}}Il(\"x\"),Il(\"y\"),1==M&&pl.forEach((l=>{Il(l.scale)})),xl.forEach((l=>{Il(l.scale)}));for(let l in u.scales)Il(l);const jl=vl[El],Ul=jl.distr;let $l,ql;0==jl.ori?(S(R,\"u-hz\"),$l=P,ql=W):(S(R,\"u-vt\"),$l=W,ql=P);const Kl={};for(let l in vl){let e=vl[l];null==e.min&&null==e.max||(Kl[l]={min:e.min,max:e.max},e.min=e.max=null)}const Xl=u.tzDate||(l=>new Date(rl(l/hl))),Zl=u.fmtDate||ne,Ql=1==hl?Me(Xl):Ee(Xl),le=De(Xl,ze(1==hl?ye:Te,Zl)),ee=We(Xl,Ae(\"{YYYY}-{MM}-{DD} {h}:{mm}{aa}\",Zl)),te=[],ie=k.legend=Bl({},Ye,u.legend),oe=k.cursor=Bl({},Re,{drag:{y:2==M}},u.cursor),se=ie.show,re=oe.show,ue=ie.markers;let ce,he,de;ie.idxs=te,ue.width=bl(ue.width),ue.dash=bl(ue.dash),ue.stroke=bl(ue.stroke),ue.fill=bl(ue.fill);let pe,me=[],ge=[],xe=!1,we={};if(ie.live){const l=pl[1]?pl[1].values:null;xe=null!=l,pe=xe?l(k,1,0):{_:0};for(let l in pe)we[l]=w}if(se)if(ce=z(\"table\",\"u-legend\",R),de=z(\"tbody\",null,ce),ie.mount(k,ce),xe){he=z(\"thead\",null,ce,de);let l=z(\"tr\",null,he);for(var _e in z(\"th\",null,l),pe)z(\"th\",e,l).textContent=_e}else S(ce,\"u-inline\"),ie.live&&S(ce,\"u-live\");const be={show:!0},ve={show:!1},Pe=new Map;function Ce(l,e,t,n=!0){const i=Pe.get(e)||{},o=oe.bind[l](k,e,t,n);o&&(G(l,e,i[l]=o),Pe.set(e,i))}function He(l,e){const t=Pe.get(e)||{};for(let n in t)null!=l&&n!=l||(I(n,e,t[n]),delete t[n]);null==l&&Pe.delete(e)}let Fe=0,Ge=0,Ie=0,Le=0,Oe=0,Ne=0,je=Oe,Ke=Ne,Xe=Ie,Ze=Le,Qe=0,lt=0,ot=0,st=0;k.bbox={};let ht=!1,pt=!1,mt=!1,xt=!1,wt=!1,_t=!1;function vt(l,e,t){(t||l!=k.width||e!=k.height)&&kt(l,e),An(!1),mt=!0,pt=!0,Jn()}function kt(l,e){k.width=Fe=Ie=l,k.height=Ge=Le=e,Oe=Ne=0,function(){let l=!1,e=!1,t=!1,n=!1;xl.forEach((i=>{if(i.show&&i._show){let{side:o,_size:s}=i,r=s+(null!=i.label?i.labelSize:0);r>0&&(o%2?(Ie-=r,3==o?(Oe+=r,n=!0):t=!0):(Le-=r,0==o?(Ne+=r,l=!0):e=!0))}})),Ct[0]=l,Ct[1]=t,Ct[2]=e,Ct[3]=n,Ie-=Rt[1]+Rt[3],Oe+=Rt[3],Le-=Rt[2]+Rt[0],Ne+=Rt[0]}(),function(){let l=Oe+Ie,e=Ne+Le,t=Oe,n=Ne;function i(i,o){switch(i){case 1:return l+=o,l-o;case 2:return e+=o,e-o;case 3:return t-=o,t+o;case 0:return n-=o,n+o}}xl.forEach((l=>{if(l.show&&l._show){let e=l.side;l._pos=i(e,l._size),null!=l.label&&(l._lpos=i(e,l.labelSize))}}))}();let t=k.bbox;Qe=t.left=zl(Oe*y,.5),lt=t.top=zl(Ne*y,.5),ot=t.width=zl(Ie*y,.5),st=t.height=zl(Le*y,.5)}const yt=3;if(k.setSize=function({width:l,height:e}){vt(l,e)},null==oe.dataIdx){let l=oe.hover,e=l.skip=new Set(l.skip??[]);e.add(void 0);let t=l.prox=bl(l.prox),n=l.bias??=0;oe.dataIdx=(l,i,o,s)=>{if(0==i)return o;let r=o,u=t(l,i,o,s)??gl,a=u>=0&&gl>u,f=0==jl.ori?Ie:Le,c=oe.left,h=g[0],d=g[i];if(e.has(d[o])){r=null;let l,t=null,i=null;if(0==n||-1==n)for(l=o;null==t&&l-- >0;)e.has(d[l])||(t=l);if(0==n||1==n)for(l=o;null==i&&l++<d.length;)e.has(d[l])||(i=l);if(null!=t||null!=i)if(a){let l=c-(null==t?-1/0:$l(h[t],jl,f,0)),e=(null==i?1/0:$l(h[i],jl,f,0))-c;l>e?e>u||(r=i):l>u||(r=t)}else r=null==i?t:null==t||o-t>i-o?i:t}else a&&ol(c-$l(h[o],jl,f,0))>u&&(r=null);return r}}const Mt=l=>{oe.event=l};oe.idxs=te,oe._lock=!1;let St=oe.points;St.show=bl(St.show),St.size=bl(St.size),St.stroke=bl(St.stroke),St.width=bl(St.width),St.fill=bl(St.fill);const Tt=k.focus=Bl({},u.focus||{alpha:.3},oe.focus),Et=Tt.prox>=0,zt=Et&&St.one;let Dt=[],Pt=[],At=[];function Wt(l,e){let t=St.show(k,e);if(t instanceof HTMLElement)return S(t,\"u-cursor-pt\"),S(t,l.class),A(t,-10,-10,Ie,Le),el.insertBefore(t,Dt[e]),t}function Yt(t,n){if(1==M||n>0){let l=1==M&&vl[t.scale].time,e=t.value;t.value=l?Ll(e)?We(Xl,Ae(e,Zl)):e||ee:e||nt,t.label=t.label||(l?\"Time\":\"Value\")}if(zt||n>0){t.width=null==t.width?1:t.width,t.paths=t.paths||Ot||yl,t.fillTo=bl(t.fillTo||gt),t.pxAlign=+Q(t.pxAlign,tl),t.pxRound=bt(t.pxAlign),t.stroke=bl(t.stroke||null),t.fill=bl(t.fill||null),t._stroke=t._fill=t._paths=t._focus=null;let l=function(l){return Al(1*(3+2*(l||1)),3)}(fl(1,t.width)),e=t.points=Bl({},{size:l,width:fl(1,.2*l),stroke:t.stroke,space:2*l,paths:Nt,_stroke:null,_fill:null},t.points);e.show=bl(e.show),e.filter=bl(e.filter),e.fill=bl(e.fill),e.stroke=bl(e.stroke),e.paths=bl(e.paths),e.pxAlign=t.pxAlign}if(se){let i=function(t,n){if(0==n&&(xe||!ie.live||2==M))return Rl;let i=[],o=z(\"tr\",\"u-series\",de,de.childNodes[n]);S(o,t.class),t.show||S(o,l);let s=z(\"th\",null,o);if(ue.show){let l=D(\"u-marker\",s);if(n>0){let e=ue.width(k,n);e&&(l.style.border=e+\"px \"+ue.dash(k,n)+\" \"+ue.stroke(k,n)),l.style.background=ue.fill(k,n)}}let r=D(e,s);for(var u in t.label instanceof HTMLElement?r.appendChild(t.label):r.textContent=t.label,n>0&&(ue.show||(r.style.color=t.width>0?ue.stroke(k,n):ue.fill(k,n)),Ce(\"click\",s,(l=>{if(oe._lock)return;Mt(l);let e=pl.indexOf(t);if((l.ctrlKey||l.metaKey)!=ie.isolate){let l=pl.some(((l,t)=>t>0&&t!=e&&l.show));pl.forEach(((t,n)=>{n>0&&oi(n,l?n==e?be:ve:be,!0,Fi.setSeries)}))}else oi(e,{show:!t.show},!0,Fi.setSeries)}),!1),Et&&Ce(d,s,(l=>{oe._lock||(Mt(l),oi(pl.indexOf(t),ai,!0,Fi.setSeries))}),!1)),pe){let l=z(\"td\",\"u-value\",o);l.textContent=\"--\",i.push(l)}return[o,i]}(t,n);me.splice(n,0,i[0]),ge.splice(n,0,i[1]),ie.values.push(null)}if(re){te.splice(n,0,null);let l=null;zt?0==n&&(l=Wt(t,n)):n>0&&(l=Wt(t,n)),Dt.splice(n,0,l),Pt.splice(n,0,0),At.splice(n,0,0)}Ci(\"addSeries\",n)}k.addSeries=function(l,e){e=null==e?pl.length:e,l=1==M?Ut(l,e,Ve,ut):Ut(l,e,{},rt),pl.splice(e,0,l),Yt(pl[e],e)},k.delSeries=function(l){if(pl.splice(l,1),se){ie.values.splice(l,1),ge.splice(l,1);let e=me.splice(l,1)[0];He(null,e.firstChild),e.remove()}re&&(te.splice(l,1),Dt.splice(l,1)[0].remove(),Pt.splice(l,1),At.splice(l,1)),Ci(\"delSeries\",l)};const Ct=[!1,!1,!1,!1];function Ht(l,e,t){let[n,i,o,s]=t,r=e%2,u=0;return 0==r&&(s||i)&&(u=0==e&&!n||2==e&&!o?rl(Ue.size/3):0),1==r&&(n||o)&&(u=1==e&&!i||3==e&&!s?rl(it.size/2):0),u}const Ft=k.padding=(u.padding||[Ht,Ht,Ht,Ht]).map((l=>bl(Q(l,Ht)))),Rt=k._padding=Ft.map(((l,e)=>l(k,e,Ct,0)));let Gt,Lt=null,en=null;const tn=1==M?pl[0].idxs:null;let nn,on,sn,rn,un,an,fn,cn,hn,dn,pn=null,mn=!1;function gn(l,e){if(k.data=k._data=g=null==l?[]:l,2==M){Gt=0;for(let l=1;pl.length>l;l++)Gt+=g[l][0].length}else{0==g.length&&(k.data=k._data=g=[[]]),pn=g[0],Gt=pn.length;let l=g;if(2==Ul){l=g.slice();let e=l[0]=Array(Gt);for(let l=0;Gt>l;l++)e[l]=l}k._data=g=l}if(An(!0),Ci(\"setData\"),2==Ul&&(mt=!0),!1!==e){let l=jl;l.auto(k,mn)?xn():ii(El,l.min,l.max),xt=xt||oe.left>=0,_t=!0,Jn()}}function xn(){let l,e;mn=!0,1==M&&(Gt>0?(Lt=tn[0]=0,en=tn[1]=Gt-1,l=g[0][Lt],e=g[0][en],2==Ul?(l=Lt,e=en):l==e&&(3==Ul?[l,e]=B(l,l,jl.log,!1):4==Ul?[l,e]=$(l,l,jl.log,!1):jl.time?e=l+rl(86400/hl):[l,e]=Z(l,e,J,!0))):(Lt=tn[0]=l=null,en=tn[1]=e=null)),ii(El,l,e)}function wn(l,e,t,n,i,o){l??=a,t??=Fl,n??=\"butt\",i??=a,o??=\"round\",l!=nn&&(K.strokeStyle=nn=l),i!=on&&(K.fillStyle=on=i),e!=sn&&(K.lineWidth=sn=e),o!=un&&(K.lineJoin=un=o),n!=an&&(K.lineCap=an=n),t!=rn&&K.setLineDash(rn=t)}function _n(l,e,t,n){e!=on&&(K.fillStyle=on=e),l!=fn&&(K.font=fn=l),t!=cn&&(K.textAlign=cn=t),n!=hn&&(K.textBaseline=hn=n)}function bn(l,e,t,n,i=0){if(n.length>0&&l.auto(k,mn)&&(null==e||null==e.min)){let e=Q(Lt,0),o=Q(en,n.length-1),s=null==t.min?function(l,e,t,n=0,i=!1){let o=i?V:U,s=i?j:N;[e,t]=o(l,e,t);let r=l[e],u=l[e];if(e>-1)if(1==n)r=l[e],u=l[t];else if(-1==n)r=l[t],u=l[e];else for(let n=e;t>=n;n++){let e=l[n];s(e)&&(r>e?r=e:e>u&&(u=e))}return[r??gl,u??-gl]}(n,e,o,i,3==l.distr):[t.min,t.max];l.min=al(l.min,t.min=s[0]),l.max=fl(l.max,t.max=s[1])}}k.setData=gn;const vn={min:null,max:null};function kn(l,e){let t=e?pl[l].points:pl[l];t._stroke=t.stroke(k,l),t._fill=t.fill(k,l)}function yn(l,e){let t=e?pl[l].points:pl[l],{stroke:n,fill:i,clip:o,flags:s,_stroke:r=t._stroke,_fill:u=t._fill,_width:a=t.width}=t._paths;a=Al(a*y,3);let f=null,c=a%2/2;e&&null==u&&(u=a>0?\"#fff\":r);let h=1==t.pxAlign&&c>0;if(h&&K.translate(c,c),!e){let l=Qe-a/2,e=lt-a/2,t=ot+a,n=st+a;f=new Path2D,f.rect(l,e,t,n)}e?Sn(r,a,t.dash,t.cap,u,n,i,s,o):function(l,e,t,n,i,o,s,r,u,a,f){let c=!1;0!=u&&Tl.forEach(((h,d)=>{if(h.series[0]==l){let l,p=pl[h.series[1]],m=g[h.series[1]],x=(p._paths||Hl).band;Gl(x)&&(x=1==h.dir?x[0]:x[1]);let w=null;p.show&&x&&function(l,e,t){for(e=Q(e,0),t=Q(t,l.length-1);t>=e;){if(null!=l[e])return!0;e++}return!1}(m,Lt,en)?(w=h.fill(k,d)||o,l=p._paths.clip):x=null,Sn(e,t,n,i,w,s,r,u,a,f,l,x),c=!0}})),c||Sn(e,t,n,i,o,s,r,u,a,f)}(l,r,a,t.dash,t.cap,u,n,i,s,f,o),h&&K.translate(-c,-c)}const Mn=3;function Sn(l,e,t,n,i,o,s,r,u,a,f,c){wn(l,e,t,n,i),(u||a||c)&&(K.save(),u&&K.clip(u),a&&K.clip(a)),c?(r&Mn)==Mn?(K.clip(c),f&&K.clip(f),En(i,s),Tn(l,o,e)):2&r?(En(i,s),K.clip(c),Tn(l,o,e)):1&r&&(K.save(),K.clip(c),f&&K.clip(f),En(i,s),K.restore(),Tn(l,o,e)):(En(i,s),Tn(l,o,e)),(u||a||c)&&K.restore()}function Tn(l,e,t){t>0&&(e instanceof Map?e.forEach(((l,e)=>{K.strokeStyle=nn=e,K.stroke(l)})):null!=e&&l&&K.stroke(e))}function En(l,e){e instanceof Map?e.forEach(((l,e)=>{K.fillStyle=on=e,K.fill(l)})):null!=e&&l&&K.fill(e)}function zn(l,e,t,n,i,o,s,r,u,a){let f=s%2/2;1==tl&&K.translate(f,f),wn(r,s,u,a,r),K.beginPath();let c,h,d,p,m=i+(0==n||3==n?-o:o);0==t?(h=i,p=m):(c=i,d=m);for(let n=0;l.length>n;n++)null!=e[n]&&(0==t?c=d=l[n]:h=p=l[n],K.moveTo(c,h),K.lineTo(d,p));K.stroke(),1==tl&&K.translate(-f,-f)}function Dn(l){let e=!0;return xl.forEach(((t,n)=>{if(!t.show)return;let i=vl[t.scale];if(null==i.min)return void(t._show&&(e=!1,t._show=!1,An(!1)));t._show||(e=!1,t._show=!0,An(!1));let o=t.side,s=o%2,{min:r,max:u}=i,[a,f]=function(l,e,t,n){let i,o=xl[l];if(n>0){let s=o._space=o.space(k,l,e,t,n);i=Zt(e,t,o._incrs=o.incrs(k,l,e,t,n,s),n,s)}else i=[0,0];return o._found=i}(n,r,u,0==s?Ie:Le);if(0==f)return;let c=t._splits=t.splits(k,n,r,u,a,f,2==i.distr),h=2==i.distr?c.map((l=>pn[l])):c,d=2==i.distr?pn[c[1]]-pn[c[0]]:a,p=t._values=t.values(k,t.filter(k,h,n,f,d),n,f,d);t._rotate=2==o?t.rotate(k,p,n,f):0;let m=t._size;t._size=ul(t.size(k,p,n,l)),null!=m&&t._size!=m&&(e=!1)})),e}function Pn(l){let e=!0;return Ft.forEach(((t,n)=>{let i=t(k,n,Ct,l);i!=Rt[n]&&(e=!1),Rt[n]=i})),e}function An(l){pl.forEach(((e,t)=>{t>0&&(e._paths=null,l&&(1==M?(e.min=null,e.max=null):e.facets.forEach((l=>{l.min=null,l.max=null}))))}))}let Wn,Yn,Cn,Hn,Fn,Rn,Gn,In,Ln,On,Nn,jn,Un=!1,Vn=!1,Bn=[];function $n(){Vn=!1;for(let l=0;Bn.length>l;l++)Ci(...Bn[l]);Bn.length=0}function Jn(){Un||(Jl(qn),Un=!0)}function qn(){if(ht&&(function(){for(let l in vl){let e=vl[l];null==Kl[l]&&(null==e.min||null!=Kl[El]&&e.auto(k,mn))&&(Kl[l]=vn)}for(let l in vl){let e=vl[l];null==Kl[l]&&null!=e.from&&null!=Kl[e.from]&&(Kl[l]=vn)}null!=Kl[El]&&An(!0);let l={};for(let e in Kl){let t=Kl[e];if(null!=t){let n=l[e]=Vl(vl[e],Nl);if(null!=t.min)Bl(n,t);else if(e!=El||2==M)if(0==Gt&&null==n.from){let l=n.range(k,null,null,e);n.min=l[0],n.max=l[1]}else n.min=gl,n.max=-gl}}if(Gt>0){pl.forEach(((e,t)=>{if(1==M){let n=e.scale,i=Kl[n];if(null==i)return;let o=l[n];if(0==t){let l=o.range(k,o.min,o.max,n);o.min=l[0],o.max=l[1],Lt=L(o.min,g[0]),en=L(o.max,g[0]),en-Lt>1&&(o.min>g[0][Lt]&&Lt++,g[0][en]>o.max&&en--),e.min=pn[Lt],e.max=pn[en]}else e.show&&e.auto&&bn(o,i,e,g[t],e.sorted);e.idxs[0]=Lt,e.idxs[1]=en}else if(t>0&&e.show&&e.auto){let[n,i]=e.facets,o=n.scale,s=i.scale,[r,u]=g[t],a=l[o],f=l[s];null!=a&&bn(a,Kl[o],n,r,n.sorted),null!=f&&bn(f,Kl[s],i,u,i.sorted),e.min=i.min,e.max=i.max}}));for(let e in l){let t=l[e],n=Kl[e];if(null==t.from&&(null==n||null==n.min)){let l=t.range(k,t.min==gl?null:t.min,t.max==-gl?null:t.max,e);t.min=l[0],t.max=l[1]}}}for(let e in l){let t=l[e];if(null!=t.from){let n=l[t.from];if(null==n.min)t.min=t.max=null;else{let l=t.range(k,n.min,n.max,e);t.min=l[0],t.max=l[1]}}}let e={},t=!1;for(let n in l){let i=l[n],o=vl[n];if(o.min!=i.min||o.max!=i.max){o.min=i.min,o.max=i.max;let l=o.distr;o._min=3==l?dl(o.min):4==l?ml(o.min,o.asinh):100==l?o.fwd(o.min):o.min,o._max=3==l?dl(o.max):4==l?ml(o.max,o.asinh):100==l?o.fwd(o.max):o.max,e[n]=t=!0}}if(t){pl.forEach(((l,t)=>{2==M?t>0&&e.y&&(l._paths=null):e[l.scale]&&(l._paths=null)}));for(let l in e)mt=!0,Ci(\"setScale\",l);re&&oe.left>=0&&(xt=_t=!0)}for(let l in Kl)Kl[l]=null}(),ht=!1),mt&&(function(){let l=!1,e=0;for(;!l;){e++;let t=Dn(e),n=Pn(e);l=e==yt||t&&n,l||(kt(k.width,k.height),pt=!0)}}(),mt=!1),pt){if(E(ll,s,Oe),E(ll,i,Ne),E(ll,t,Ie),E(ll,n,Le),E(el,s,Oe),E(el,i,Ne),E(el,t,Ie),E(el,n,Le),E(X,t,Fe),E(X,n,Ge),O.width=rl(Fe*y),O.height=rl(Ge*y),xl.forEach((({_el:e,_show:t,_size:n,_pos:i,side:o})=>{if(null!=e)if(t){let t=o%2==1;E(e,t?\"left\":\"top\",i-(3===o||0===o?n:0)),E(e,t?\"width\":\"height\",n),E(e,t?\"top\":\"left\",t?Ne:Oe),E(e,t?\"height\":\"width\",t?Le:Ie),T(e,l)}else S(e,l)})),nn=on=sn=un=an=fn=cn=hn=rn=null,dn=1,_i(!0),Oe!=je||Ne!=Ke||Ie!=Xe||Le!=Ze){An(!1);let l=Ie/Xe,e=Le/Ze;if(re&&!xt&&oe.left>=0){oe.left*=l,oe.top*=e,Cn&&A(Cn,rl(oe.left),0,Ie,Le),Hn&&A(Hn,0,rl(oe.top),Ie,Le);for(let t=0;Dt.length>t;t++){let n=Dt[t];null!=n&&(Pt[t]*=l,At[t]*=e,A(n,ul(Pt[t]),ul(At[t]),Ie,Le))}}if(ei.show&&!wt&&ei.left>=0&&ei.width>0){ei.left*=l,ei.width*=l,ei.top*=e,ei.height*=e;for(let l in ki)E(ti,l,ei[l])}je=Oe,Ke=Ne,Xe=Ie,Ze=Le}Ci(\"setSize\"),pt=!1}Fe>0&&Ge>0&&(K.clearRect(0,0,O.width,O.height),Ci(\"drawClear\"),Pl.forEach((l=>l())),Ci(\"draw\")),ei.show&&wt&&(ni(ei),wt=!1),re&&xt&&(xi(null,!0,!1),xt=!1),ie.show&&ie.live&&_t&&(mi(),_t=!1),F||(F=!0,k.status=1,Ci(\"ready\")),mn=!1,Un=!1}function Kn(l,e){let t=vl[l];if(null==t.from){if(0==Gt){let n=t.range(k,e.min,e.max,l);e.min=n[0],e.max=n[1]}if(e.min>e.max){let l=e.min;e.min=e.max,e.max=l}if(Gt>1&&null!=e.min&&null!=e.max&&1e-16>e.max-e.min)return;l==El&&2==t.distr&&Gt>0&&(e.min=L(e.min,g[0]),e.max=L(e.max,g[0]),e.min==e.max&&e.max++),Kl[l]=e,ht=!0,Jn()}}k.batch=function(l,e=!1){Un=!0,Vn=e,l(k),qn(),e&&Bn.length>0&&queueMicrotask($n)},k.redraw=(l,e)=>{mt=e||!1,!1!==l?ii(El,jl.min,jl.max):Jn()},k.setScale=Kn;let Xn=!1;const Zn=oe.drag;let Qn=Zn.x,li=Zn.y;re&&(oe.x&&(Wn=D(\"u-cursor-x\",el)),oe.y&&(Yn=D(\"u-cursor-y\",el)),0==jl.ori?(Cn=Wn,Hn=Yn):(Cn=Yn,Hn=Wn),Nn=oe.left,jn=oe.top);const ei=k.select=Bl({show:!0,over:!0,left:0,width:0,top:0,height:0},u.select),ti=ei.show?D(\"u-select\",ei.over?el:ll):null;function ni(l,e){if(ei.show){for(let e in l)ei[e]=l[e],e in ki&&E(ti,e,l[e]);!1!==e&&Ci(\"setSelect\")}}function ii(l,e,t){Kn(l,{min:e,max:t})}function oi(e,t,n,i){null!=t.focus&&function(l){if(l!=ui){let e=null==l,t=1!=Tt.alpha;pl.forEach(((n,i)=>{if(1==M||i>0){let o=e||0==i||i==l;n._focus=e?null:o,t&&function(l,e){pl[l].alpha=e,re&&null!=Dt[l]&&(Dt[l].style.opacity=e),se&&me[l]&&(me[l].style.opacity=e)}(i,o?1:Tt.alpha)}})),ui=l,t&&Jn()}}(e),null!=t.show&&pl.forEach(((n,i)=>{0>=i||e!=i&&null!=e||(n.show=t.show,function(e){if(pl[e].show)se&&T(me[e],l);else if(se&&S(me[e],l),re){let l=zt?Dt[0]:Dt[e];null!=l&&A(l,-10,-10,Ie,Le)}}(i),2==M?(ii(n.facets[0].scale,null,null),ii(n.facets[1].scale,null,null)):ii(n.scale,null,null),Jn())})),!1!==n&&Ci(\"setSeries\",e,t),i&&Ii(\"setSeries\",k,e,t)}let si,ri,ui;k.setSelect=ni,k.setSeries=oi,k.addBand=function(l,e){l.fill=bl(l.fill||null),l.dir=Q(l.dir,-1),Tl.splice(e=null==e?Tl.length:e,0,l)},k.setBand=function(l,e){Bl(Tl[l],e)},k.delBand=function(l){null==l?Tl.length=0:Tl.splice(l,1)};const ai={focus:!0};function fi(l,e,t){let n=vl[e];t&&(l=l/y-(1==n.ori?Ne:Oe));let i=Ie;1==n.ori&&(i=Le,l=i-l),-1==n.dir&&(l=i-l);let o=n._min,s=o+l/i*(n._max-o),r=n.distr;return 3==r?cl(10,s):4==r?((l,e=1)=>nl.sinh(l)*e)(s,n.asinh):100==r?n.bwd(s):s}function ci(l,e){E(ti,s,ei.left=l),E(ti,t,ei.width=e)}function hi(l,e){E(ti,i,ei.top=l),E(ti,n,ei.height=e)}se&&Et&&Ce(p,ce,(l=>{oe._lock||(Mt(l),null!=ui&&oi(null,ai,!0,Fi.setSeries))})),k.valToIdx=l=>L(l,g[0]),k.posToIdx=function(l,e){return L(fi(l,El,e),g[0],Lt,en)},k.posToVal=fi,k.valToPos=(l,e,t)=>0==vl[e].ori?P(l,vl[e],t?ot:Ie,t?Qe:0):W(l,vl[e],t?st:Le,t?lt:0),k.setCursor=(l,e,t)=>{Nn=l.left,jn=l.top,xi(null,e,t)};let di=0==jl.ori?ci:hi,pi=1==jl.ori?ci:hi;function mi(l,e){if(null!=l&&(l.idxs?l.idxs.forEach(((l,e)=>{te[e]=l})):(l=>void 0===l)(l.idx)||te.fill(l.idx),ie.idx=te[0]),se&&ie.live){for(let l=0;pl.length>l;l++)(l>0||1==M&&!xe)&&gi(l,te[l]);!function(){if(se&&ie.live)for(let l=2==M?1:0;pl.length>l;l++){if(0==l&&xe)continue;let e=ie.values[l],t=0;for(let n in e)ge[l][t++].firstChild.nodeValue=e[n]}}()}_t=!1,!1!==e&&Ci(\"setLegend\")}function gi(l,e){let t,n=pl[l],i=0==l&&2==Ul?pn:g[l];xe?t=n.values(k,l,e)??we:(t=n.value(k,null==e?null:i[e],l,e),t=null==t?we:{_:t}),ie.values[l]=t}function xi(l,e,t){let n;Ln=Nn,On=jn,[Nn,jn]=oe.move(k,Nn,jn),oe.left=Nn,oe.top=jn,re&&(Cn&&A(Cn,rl(Nn),0,Ie,Le),Hn&&A(Hn,0,rl(jn),Ie,Le)),si=gl,ri=null;let i=0==jl.ori?Ie:Le,o=1==jl.ori?Ie:Le;if(0>Nn||0==Gt||Lt>en){n=oe.idx=null;for(let l=0;pl.length>l;l++){let e=Dt[l];null!=e&&A(e,-10,-10,Ie,Le)}Et&&oi(null,ai,!0,null==l&&Fi.setSeries),ie.live&&(te.fill(n),_t=!0)}else{let l,e,t;1==M&&(l=0==jl.ori?Nn:jn,e=fi(l,El),n=oe.idx=L(e,g[0],Lt,en),t=$l(g[0][n],jl,i,0));let s=-10,r=-10,u=0,a=0,f=!0,c=\"\",h=\"\";for(let l=2==M?1:0;pl.length>l;l++){let d=pl[l],p=te[l],m=null==p?null:1==M?g[l][p]:g[l][1][p],x=oe.dataIdx(k,l,n,e),w=null==x?null:1==M?g[l][x]:g[l][1][x];if(_t=_t||w!=m||x!=p,te[l]=x,l>0&&d.show){let e=null==x?-10:x==n?t:$l(1==M?g[0][x]:g[l][0][x],jl,i,0),p=null==w?-10:ql(w,1==M?vl[d.scale]:vl[d.facets[1].scale],o,0);if(Et&&null!=w){let e=1==jl.ori?Nn:jn,t=ol(Tt.dist(k,l,x,p,e));if(si>t){let n=Tt.bias;if(0!=n){let i=fi(e,d.scale),o=0>i?-1:1;o!=(0>w?-1:1)||(1==o?1==n?i>w:w>i:1==n?w>i:i>w)||(si=t,ri=l)}else si=t,ri=l}}if(_t||zt){let t,n;0==jl.ori?(t=e,n=p):(t=p,n=e);let i,o,d,m,g,x,w=!0,_=St.bbox;if(null!=_){w=!1;let e=_(k,l);d=e.left,m=e.top,i=e.width,o=e.height}else d=t,m=n,i=o=St.size(k,l);if(x=St.fill(k,l),g=St.stroke(k,l),zt)l!=ri||si>Tt.prox||(s=d,r=m,u=i,a=o,f=w,c=x,h=g);else{let e=Dt[l];null!=e&&(Pt[l]=d,At[l]=m,H(e,i,o,w),Y(e,x,g),A(e,ul(d),ul(m),Ie,Le))}}}}if(zt){let l=Tt.prox;if(_t||(null==ui?l>=si:si>l||ri!=ui)){let l=Dt[0];null!=l&&(Pt[0]=s,At[0]=r,H(l,u,a,f),Y(l,c,h),A(l,ul(s),ul(r),Ie,Le))}}}if(ei.show&&Xn)if(null!=l){let[e,t]=Fi.scales,[n,s]=Fi.match,[r,u]=l.cursor.sync.scales,a=l.cursor.drag;if(Qn=a._x,li=a._y,Qn||li){let a,f,c,h,d,{left:p,top:m,width:g,height:x}=l.select,w=l.scales[r].ori,_=l.posToVal,b=null!=e&&n(e,r),v=null!=t&&s(t,u);b&&Qn?(0==w?(a=p,f=g):(a=m,f=x),c=vl[e],h=$l(_(a,r),c,i,0),d=$l(_(a+f,r),c,i,0),di(al(h,d),ol(d-h))):di(0,i),v&&li?(1==w?(a=p,f=g):(a=m,f=x),c=vl[t],h=ql(_(a,u),c,o,0),d=ql(_(a+f,u),c,o,0),pi(al(h,d),ol(d-h))):pi(0,o)}else yi()}else{let l=ol(Ln-Fn),e=ol(On-Rn);if(1==jl.ori){let t=l;l=e,e=t}Qn=Zn.x&&l>=Zn.dist,li=Zn.y&&e>=Zn.dist;let t,n,s=Zn.uni;null!=s?Qn&&li&&(Qn=l>=s,li=e>=s,Qn||li||(e>l?li=!0:Qn=!0)):Zn.x&&Zn.y&&(Qn||li)&&(Qn=li=!0),Qn&&(0==jl.ori?(t=Gn,n=Nn):(t=In,n=jn),di(al(t,n),ol(n-t)),li||pi(0,o)),li&&(1==jl.ori?(t=Gn,n=Nn):(t=In,n=jn),pi(al(t,n),ol(n-t)),Qn||di(0,i)),Qn||li||(di(0,0),pi(0,0))}if(Zn._x=Qn,Zn._y=li,null==l){if(t){if(null!=Ri){let[l,e]=Fi.scales;Fi.values[0]=null!=l?fi(0==jl.ori?Nn:jn,l):null,Fi.values[1]=null!=e?fi(1==jl.ori?Nn:jn,e):null}Ii(f,k,Nn,jn,Ie,Le,n)}if(Et){let l=t&&Fi.setSeries,e=Tt.prox;null==ui?si>e||oi(ri,ai,!0,l):si>e?oi(null,ai,!0,l):ri!=ui&&oi(ri,ai,!0,l)}}_t&&(ie.idx=n,mi()),!1!==e&&Ci(\"setCursor\")}k.setLegend=mi;let wi=null;function _i(l=!1){l?wi=null:(wi=el.getBoundingClientRect(),Ci(\"syncRect\",wi))}function bi(l,e,t,n,i,o){oe._lock||Xn&&null!=l&&0==l.movementX&&0==l.movementY||(vi(l,e,t,n,i,o,0,!1,null!=l),null!=l?xi(null,!0,!0):xi(e,!0,!1))}function vi(l,e,t,n,i,o,s,r,u){if(null==wi&&_i(!1),Mt(l),null!=l)t=l.clientX-wi.left,n=l.clientY-wi.top;else{if(0>t||0>n)return Nn=-10,void(jn=-10);let[l,s]=Fi.scales,r=e.cursor.sync,[u,a]=r.values,[f,c]=r.scales,[h,d]=Fi.match,p=e.axes[0].side%2==1,m=0==jl.ori?Ie:Le,g=1==jl.ori?Ie:Le,x=p?o:i,w=p?i:o,_=p?n:t,b=p?t:n;if(t=null!=f?h(l,f)?C(u,vl[l],m,0):-10:m*(_/x),n=null!=c?d(s,c)?C(a,vl[s],g,0):-10:g*(b/w),1==jl.ori){let l=t;t=n,n=l}}!u||null!=e&&e.cursor.event.type!=f||(t>1&&Ie-1>t||(t=zl(t,Ie)),n>1&&Le-1>n||(n=zl(n,Le))),r?(Fn=t,Rn=n,[Gn,In]=oe.move(k,t,n)):(Nn=t,jn=n)}Object.defineProperty(k,\"rect\",{get:()=>(null==wi&&_i(!1),wi)});const ki={width:0,height:0,left:0,top:0};function yi(){ni(ki,!1)}let Mi,Si,Ti,Ei;function zi(l,e,t,n,i,o){Xn=!0,Qn=li=Zn._x=Zn._y=!1,vi(l,e,t,n,i,o,0,!0,!1),null!=l&&(Ce(h,b,Di,!1),Ii(c,k,Gn,In,Ie,Le,null));let{left:s,top:r,width:u,height:a}=ei;Mi=s,Si=r,Ti=u,Ei=a}function Di(l,e,t,n,i,o){Xn=Zn._x=Zn._y=!1,vi(l,e,t,n,i,o,0,!1,!0);let{left:s,top:r,width:u,height:a}=ei,f=u>0||a>0,c=Mi!=s||Si!=r||Ti!=u||Ei!=a;if(f&&c&&ni(ei),Zn.setScale&&f&&c){let l=s,e=u,t=r,n=a;if(1==jl.ori&&(l=r,e=a,t=s,n=u),Qn&&ii(El,fi(l,El),fi(l+e,El)),li)for(let l in vl){let e=vl[l];l!=El&&null==e.from&&e.min!=gl&&ii(l,fi(t+n,l),fi(t,l))}yi()}else oe.lock&&(oe._lock=!oe._lock,xi(e,!0,null!=l));null!=l&&(He(h,b),Ii(h,k,Nn,jn,Ie,Le,null))}function Pi(l){oe._lock||(Mt(l),xn(),yi(),null!=l&&Ii(m,k,Nn,jn,Ie,Le,null))}function Ai(){xl.forEach(ln),vt(k.width,k.height,!0)}G(x,v,Ai);const Wi={};Wi.mousedown=zi,Wi.mousemove=bi,Wi.mouseup=Di,Wi.dblclick=Pi,Wi.setSeries=(l,e,t,n)=>{-1!=(t=(0,Fi.match[2])(k,e,t))&&oi(t,n,!0,!1)},re&&(Ce(c,el,zi),Ce(f,el,bi),Ce(d,el,(l=>{Mt(l),_i(!1)})),Ce(p,el,(function(l){if(oe._lock)return;Mt(l);let e=Xn;if(Xn){let l,e,t=!0,n=!0,i=10;0==jl.ori?(l=Qn,e=li):(l=li,e=Qn),l&&e&&(t=i>=Nn||Nn>=Ie-i,n=i>=jn||jn>=Le-i),l&&t&&(Nn=Gn>Nn?0:Ie),e&&n&&(jn=In>jn?0:Le),xi(null,!0,!0),Xn=!1}Nn=-10,jn=-10,te.fill(null),xi(null,!0,!0),e&&(Xn=e)})),Ce(m,el,Pi),It.add(k),k.syncRect=_i);const Yi=k.hooks=u.hooks||{};function Ci(l,e,t){Vn?Bn.push([l,e,t]):l in Yi&&Yi[l].forEach((l=>{l.call(null,k,e,t)}))}(u.plugins||[]).forEach((l=>{for(let e in l.hooks)Yi[e]=(Yi[e]||[]).concat(l.hooks[e])}));const Hi=(l,e,t)=>t,Fi=Bl({key:null,setSeries:!1,filters:{pub:Ml,sub:Ml},scales:[El,pl[1]?pl[1].scale:null],match:[Sl,Sl,Hi],values:[null,null]},oe.sync);2==Fi.match.length&&Fi.match.push(Hi),oe.sync=Fi;const Ri=Fi.key,Gi=dt(Ri);function Ii(l,e,t,n,i,o,s){Fi.filters.pub(l,e,t,n,i,o,s)&&Gi.pub(l,e,t,n,i,o,s)}function Li(){Ci(\"init\",u,g),gn(g||u.data,!1),Kl[El]?Kn(El,Kl[El]):xn(),wt=ei.show&&(ei.width>0||ei.height>0),xt=_t=!0,vt(u.width,u.height)}return Gi.sub(k),k.pub=function(l,e,t,n,i,o,s){Fi.filters.sub(l,e,t,n,i,o,s)&&Wi[l](null,e,t,n,i,o,s)},k.destroy=function(){Gi.unsub(k),It.delete(k),Pe.clear(),I(x,v,Ai),R.remove(),ce?.remove(),Ci(\"destroy\")},pl.forEach(Yt),xl.forEach((function(l,e){if(l._show=l.show,l.show){let t=vl[l.scale];null==t&&(l.scale=l.side%2?pl[1].scale:El,t=vl[l.scale]);let n=t.time;l.size=bl(l.size),l.space=bl(l.space),l.rotate=bl(l.rotate),Gl(l.incrs)&&l.incrs.forEach((l=>{!Wl.has(l)&&Wl.set(l,Yl(l))})),l.incrs=bl(l.incrs||(2==t.distr?ae:n?1==hl?ke:Se:fe)),l.splits=bl(l.splits||(n&&1==t.distr?Ql:3==t.distr?Je:4==t.distr?qe:$e)),l.stroke=bl(l.stroke),l.grid.stroke=bl(l.grid.stroke),l.ticks.stroke=bl(l.ticks.stroke),l.border.stroke=bl(l.border.stroke);let i=l.values;l.values=Gl(i)&&!Gl(i[0])?bl(i):n?Gl(i)?De(Xl,ze(i,Zl)):Ll(i)?function(l,e){let t=ne(e);return(e,n)=>n.map((e=>t(l(e))))}(Xl,i):i||le:i||Be,l.filter=bl(l.filter||(3>t.distr||10!=t.log?3==t.distr&&2==t.log?tt:kl:et)),l.font=Qt(l.font),l.labelFont=Qt(l.labelFont),l._size=l.size(k,null,e,0),l._space=l._rotate=l._incrs=l._found=l._splits=l._values=null,l._size>0&&(Ct[e]=!0,l._el=D(\"u-axis\",X))}})),_?_ instanceof HTMLElement?(_.appendChild(R),Li()):_(k,Li):Li(),k}en.assign=Bl,en.fmtNum=tl,en.rangeNum=Z,en.rangeLog=B,en.rangeAsinh=$,en.orient=pt,en.pxRatio=y,en.join=function(l,e){if(function(l){let e=l[0][0],t=e.length;for(let n=1;l.length>n;n++){let i=l[n][0];if(i.length!=t)return!1;if(i!=e)for(let l=0;t>l;l++)if(i[l]!=e[l])return!1}return!0}(l)){let e=l[0].slice();for(let t=1;l.length>t;t++)e.push(...l[t].slice(1));return function(l,e=100){const t=l.length;if(1>=t)return!0;let n=0,i=t-1;for(;i>=n&&null==l[n];)n++;for(;i>=n&&null==l[i];)i--;if(n>=i)return!0;const o=fl(1,sl((i-n+1)/e));for(let e=l[n],t=n+o;i>=t;t+=o){const n=l[t];if(null!=n){if(e>=n)return!1;e=n}}return!0}(e[0])||(e=function(l){let e=l[0],t=e.length,n=Array(t);for(let l=0;n.length>l;l++)n[l]=l;n.sort(((l,t)=>e[l]-e[t]));let i=[];for(let e=0;l.length>e;e++){let o=l[e],s=Array(t);for(let l=0;t>l;l++)s[l]=o[n[l]];i.push(s)}return i}(e)),e}let t=new Set;for(let e=0;l.length>e;e++){let n=l[e][0],i=n.length;for(let l=0;i>l;l++)t.add(n[l])}let n=[Array.from(t).sort(((l,e)=>l-e))],i=n[0].length,o=new Map;for(let l=0;i>l;l++)o.set(n[0][l],l);for(let t=0;l.length>t;t++){let s=l[t],r=s[0];for(let l=1;s.length>l;l++){let u=s[l],a=Array(i).fill(void 0),f=e?e[t][l]:1,c=[];for(let l=0;u.length>l;l++){let e=u[l],t=o.get(r[l]);null===e?0!=f&&(a[t]=e,2==f&&c.push(t)):a[t]=e}$l(a,c,i),n.push(a)}}return n},en.fmtDate=ne,en.tzDate=function(l,e){let t;return\"UTC\"==e||\"Etc/UTC\"==e?t=new Date(+l+6e4*l.getTimezoneOffset()):e==ie?t=l:(t=new Date(l.toLocaleString(\"en-US\",{timeZone:e})),t.setMilliseconds(l.getMilliseconds())),t},en.sync=dt;{en.addGap=function(l,e,t){let n=l[l.length-1];n&&n[0]==e?n[1]=t:l.push([e,t])},en.clipGaps=wt;let l=en.paths={points:Wt};l.linear=Ft,l.stepped=function(l){const e=Q(l.align,1),t=Q(l.ascDesc,!1),n=Q(l.alignGaps,0),i=Q(l.extend,!1);return(l,o,s,r)=>pt(l,o,((u,a,f,c,h,d,p,m,g,x,w)=>{[s,r]=U(f,s,r);let _=u.pxRound,{left:b,width:v}=l.bbox,k=l=>_(d(l,c,x,m)),M=l=>_(p(l,h,w,g)),S=0==c.ori?Mt:St;const T={stroke:new Path2D,fill:null,clip:null,band:null,gaps:null,flags:1},E=T.stroke,z=c.dir*(0==c.ori?1:-1);let D=M(f[1==z?s:r]),P=k(a[1==z?s:r]),A=P,W=P;i&&-1==e&&(W=b,S(E,W,D)),S(E,P,D);for(let l=1==z?s:r;l>=s&&r>=l;l+=z){let t=f[l];if(null==t)continue;let n=k(a[l]),i=M(t);1==e?S(E,n,D):S(E,A,i),S(E,n,i),D=i,A=n}let Y=A;i&&1==e&&(Y=b+v,S(E,Y,D));let[C,H]=mt(l,o);if(null!=u.fill||0!=C){let e=T.fill=new Path2D(E),t=M(u.fillTo(l,o,u.min,u.max,C));S(e,Y,t),S(e,W,t)}if(!u.spanGaps){let i=[];i.push(..._t(a,f,s,r,z,k,n));let h=u.width*y/2,d=t||1==e?h:-h,p=t||-1==e?-h:h;i.forEach((l=>{l[0]+=d,l[1]+=p})),T.gaps=i=u.gaps(l,o,s,r,i),T.clip=wt(i,c.ori,m,g,x,w)}return 0!=H&&(T.band=2==H?[xt(l,o,s,r,E,-1),xt(l,o,s,r,E,1)]:xt(l,o,s,r,E,H)),T}))},l.bars=function(l){const e=Q((l=l||Hl).size,[.6,gl,1]),t=l.align||0,n=l.gap||0;let i=l.radius;i=null==i?[0,0]:\"number\"==typeof i?[i,0]:i;const o=bl(i),s=1-e[0],r=Q(e[1],gl),u=Q(e[2],1),a=Q(l.disp,Hl),f=Q(l.each,(()=>{})),{fill:c,stroke:h}=a;return(l,e,i,d)=>pt(l,e,((p,m,g,x,w,_,b,v,k,M,S)=>{let T,E,z=p.pxRound,D=t,P=n*y,A=r*y,W=u*y;0==x.ori?[T,E]=o(l,e):[E,T]=o(l,e);const Y=x.dir*(0==x.ori?1:-1);let C,H,F,R=0==x.ori?Tt:Et,G=0==x.ori?f:(l,e,t,n,i,o,s)=>{f(l,e,t,i,n,s,o)},I=Q(l.bands,Fl).find((l=>l.series[0]==e)),L=p.fillTo(l,e,p.min,p.max,null!=I?I.dir:0),O=z(b(L,w,S,k)),N=M,j=z(p.width*y),U=!1,V=null,B=null,$=null,J=null;null==c||0!=j&&null==h||(U=!0,V=c.values(l,e,i,d),B=new Map,new Set(V).forEach((l=>{null!=l&&B.set(l,new Path2D)})),j>0&&($=h.values(l,e,i,d),J=new Map,new Set($).forEach((l=>{null!=l&&J.set(l,new Path2D)}))));let{x0:q,size:K}=a;if(null!=q&&null!=K){D=1,m=q.values(l,e,i,d),2==q.unit&&(m=m.map((e=>l.posToVal(v+e*M,x.key,!0))));let t=K.values(l,e,i,d);H=2==K.unit?t[0]*M:_(t[0],x,M,v)-_(0,x,M,v),N=Rt(m,g,_,x,M,v,N),F=N-H+P}else N=Rt(m,g,_,x,M,v,N),F=N*s+P,H=N-F;1>F&&(F=0),H/2>j||(j=0),5>F&&(z=vl);let X=F>0;H=z(wl(N-F-(X?j:0),W,A)),C=(0==D?H/2:D==Y?0:H)-D*Y*((0==D?P/2:0)+(X?j/2:0));const Z={stroke:null,fill:null,clip:null,band:null,gaps:null,flags:0},ll=U?null:new Path2D;let el=null;if(null!=I)el=l.data[I.series[1]];else{let{y0:t,y1:n}=a;null!=t&&null!=n&&(g=n.values(l,e,i,d),el=t.values(l,e,i,d))}let tl=T*H,nl=E*H;for(let t=1==Y?i:d;t>=i&&d>=t;t+=Y){let n=g[t];if(null==n)continue;if(null!=el){let l=el[t]??0;if(n-l==0)continue;O=b(l,w,S,k)}let i=_(2!=x.distr||null!=a?m[t]:t,x,M,v),o=b(Q(n,L),w,S,k),s=z(i-C),r=z(fl(o,O)),u=z(al(o,O)),f=r-u;if(null!=n){let i=0>n?nl:tl,o=0>n?tl:nl;U?(j>0&&null!=$[t]&&R(J.get($[t]),s,u+sl(j/2),H,fl(0,f-j),i,o),null!=V[t]&&R(B.get(V[t]),s,u+sl(j/2),H,fl(0,f-j),i,o)):R(ll,s,u+sl(j/2),H,fl(0,f-j),i,o),G(l,e,t,s-j/2,u,H+j,f)}}return j>0?Z.stroke=U?J:ll:U||(Z._fill=0==p.width?p._fill:p._stroke??p._fill,Z.width=0),Z.fill=U?B:ll,Z}))},l.spline=function(l){return function(l,e){const t=Q(e?.alignGaps,0);return(e,n,i,o)=>pt(e,n,((s,r,u,a,f,c,h,d,p,m,g)=>{[i,o]=U(u,i,o);let x,w,_,b=s.pxRound,v=l=>b(c(l,a,m,d)),k=l=>b(h(l,f,g,p));0==a.ori?(x=kt,_=Mt,w=Pt):(x=yt,_=St,w=At);const y=a.dir*(0==a.ori?1:-1);let M=v(r[1==y?i:o]),S=M,T=[],E=[];for(let l=1==y?i:o;l>=i&&o>=l;l+=y)if(null!=u[l]){let e=v(r[l]);T.push(S=e),E.push(k(u[l]))}const z={stroke:l(T,E,x,_,w,b),fill:null,clip:null,band:null,gaps:null,flags:1},D=z.stroke;let[P,A]=mt(e,n);if(null!=s.fill||0!=P){let l=z.fill=new Path2D(D),t=k(s.fillTo(e,n,s.min,s.max,P));_(l,S,t),_(l,M,t)}if(!s.spanGaps){let l=[];l.push(..._t(r,u,i,o,y,v,t)),z.gaps=l=s.gaps(e,n,i,o,l),z.clip=wt(l,a.ori,d,p,m,g)}return 0!=A&&(z.band=2==A?[xt(e,n,i,o,D,-1),xt(e,n,i,o,D,1)]:xt(e,n,i,o,D,A)),z}))}(Gt,l)}}return en}();\n";
const DASHBOARD_JS = "(function () {\n    'use strict';\n\n    // The one number style of every human-facing text: the PR comment, job summary, report.md, CLI\n    // lines, `compare`, the ledger (through src/report/format.ts) and the dashboard's pages, charts and\n    // tables (through src/dashboard/format.ts, in Node and in the browser). A value prints the same\n    // way in all of them. Fixed locale (en-US) so output is byte-identical on every machine.\n    // - results: 3 significant figures (4 where a delta needs them, see `pair`), thousands\n    //   separators, never an exponent;\n    // - quantities: an SI prefix instead of an exponent (0.78 g, 780 mg, 1.2 t, 141 Wh, 55.9 kWh),\n    //   a non-breaking space between number and unit so the two never wrap apart;\n    // - inputs a user stated (PUE 1.375, grid 383.5 g CO2e/kWh): up to 4 significant figures, so\n    //   the value reads as it was written (`param`);\n    // - percentages: one decimal, signed for a change, `+16.3 %` with a non-breaking space;\n    // - counts: whole numbers with separators (2,428,779 inferences); `compact` only for chart axes;\n    // - negative numbers take the ASCII hyphen-minus (`-6.8 %`, `-2.5 kg`), not U+2212: what a\n    //   reader copies from a comment, a log or a table cell pastes as a number into a spreadsheet,\n    //   a calculator or `Number()`, and greps the same in a job log;\n    // - missing (null, NaN) prints `—`; an infinite value (a change from zero) prints `∞` / `-∞`.\n    // DOM-free and without imports: the dashboard's browser bundle (src/dashboard/client/) takes it\n    // in as it is, so it stays clear of Node-side code and the card schema (test/number-format.test.ts).\n    /** Non-breaking space: between a number and its unit or `%`. */\n    const NBSP = '\\u00a0';\n    const cache = new Map();\n    function nf(key, opts) {\n        let f = cache.get(key);\n        if (!f) {\n            f = new Intl.NumberFormat('en-US', opts);\n            cache.set(key, f);\n        }\n        return f;\n    }\n    const sigFormat = (sig) => nf(`sig${sig}`, { maximumSignificantDigits: sig });\n    const missing = (x) => x === null || x === undefined || Number.isNaN(x);\n    function infinite(x) {\n        return x > 0 ? '∞' : '-∞';\n    }\n    /** A result: `sig` significant figures (3), separators, no exponent. `5682.67` -> `5,680`; null -> `—`. */\n    function fmt(x, sig = 3) {\n        if (missing(x))\n            return '—';\n        if (!Number.isFinite(x))\n            return infinite(x);\n        if (x === 0)\n            return '0';\n        const s = sigFormat(sig).format(x);\n        return s === '-0' ? '0' : s;\n    }\n    /** A count for a chart axis: `2.5M`, `50M`, `1B`, `1T` (two significant figures); null -> `—`. */\n    function compact(x) {\n        if (missing(x))\n            return '—';\n        if (!Number.isFinite(x))\n            return infinite(x);\n        return nf('compact', { notation: 'compact', compactDisplay: 'short', maximumSignificantDigits: 2 }).format(x);\n    }\n    const MASS = [\n        { unit: 'µg', factor: 1e-6 },\n        { unit: 'mg', factor: 1e-3 },\n        { unit: 'g', factor: 1 },\n        { unit: 'kg', factor: 1e3 },\n        { unit: 't', factor: 1e6 },\n        { unit: 'kt', factor: 1e9 },\n        { unit: 'Mt', factor: 1e12 },\n    ];\n    const ENERGY = [\n        { unit: 'µWh', factor: 1e-6 },\n        { unit: 'mWh', factor: 1e-3 },\n        { unit: 'Wh', factor: 1 },\n        { unit: 'kWh', factor: 1e3 },\n        { unit: 'MWh', factor: 1e6 },\n        { unit: 'GWh', factor: 1e9 },\n        { unit: 'TWh', factor: 1e12 },\n    ];\n    const VOLUME = [\n        { unit: 'µL', factor: 1e-6 },\n        { unit: 'mL', factor: 1e-3 },\n        { unit: 'L', factor: 1 },\n        { unit: 'm³', factor: 1e3 },\n    ];\n    const POWER = [\n        { unit: 'mW', factor: 1e-3 },\n        { unit: 'W', factor: 1 },\n        { unit: 'kW', factor: 1e3 },\n        { unit: 'MW', factor: 1e6 },\n    ];\n    /** The family and the factor (in the family's base unit) of a unit written in a card or a metric table. */\n    function familyOf(unit) {\n        const m = /^(µg|mg|g|kg|t|µWh|mWh|Wh|kWh|MWh|GWh|µL|mL|L|m³|mW|W|kW|MW)(?: (CO2e))?$/.exec(unit);\n        if (!m)\n            return null;\n        const u = m[1];\n        const suffix = m[2] ? ` ${m[2]}` : '';\n        for (const steps of [MASS, ENERGY, VOLUME, POWER]) {\n            const s = steps.find((x) => x.unit === u);\n            if (s)\n                return { family: { steps, suffix }, factor: s.factor };\n        }\n        return null;\n    }\n    /** The step for a magnitude in base units: the largest whose factor is at most |v| (after rounding to `sig`). */\n    function stepFor(steps, base, sig) {\n        const a = Math.abs(base);\n        let i = steps.length - 1;\n        while (i > 0 && a < steps[i].factor)\n            i--;\n        // Rounding can carry into the next step (999.7 g at 3 figures is 1,000 g: 1 kg).\n        if (i < steps.length - 1 && Math.abs(Number((base / steps[i].factor).toPrecision(sig))) >= 1000)\n            i++;\n        return steps[i];\n    }\n    /**\n     * A quantity with its unit, SI-prefixed: `qty(0.00078, 'kg CO2e')` -> `780 mg CO2e`,\n     * `qty(1234, 'kg CO2e')` -> `1.23 t CO2e`, `qty(0.1406, 'kWh')` -> `141 Wh`. Units outside the\n     * families (USD, h, g CO2e/kWh) keep their unit. Zero keeps the unit it came in.\n     */\n    function qty(value, unit, sig = 3) {\n        if (missing(value))\n            return '—';\n        const f = familyOf(unit);\n        if (!f || !Number.isFinite(value) || value === 0)\n            return withUnit(fmt(value, sig), unit);\n        const base = value * f.factor;\n        const step = stepFor(f.family.steps, base, sig);\n        return withUnit(fmt(base / step.factor, sig), `${step.unit}${f.family.suffix}`);\n    }\n    function withUnit(number, unit) {\n        return unit ? `${number}${NBSP}${unit}` : number;\n    }\n    const SUFFIX_UNITS = { kg: 'kg', g: 'g', kwh: 'kWh', wh: 'Wh', l: 'L', ml: 'mL', usd: 'USD', h: 'h' };\n    /**\n     * The unit a name carries in its suffix (the project's \"units in every name\"): `co2e_kg` -> `kg`,\n     * `totals.energy_kwh` -> `kWh`, `water_ml` -> `mL`, `cost_usd` -> `USD`; '' when it carries none.\n     * Masses without `CO2e`: the caller adds what is weighed (compare/metrics.ts unitOf does).\n     */\n    function unitOfName(name) {\n        const suffix = /_(kg|g|kwh|wh|l|ml|usd|h)$/.exec(name)?.[1];\n        return suffix ? SUFFIX_UNITS[suffix] : '';\n    }\n\n    // Numbers on the dashboard: the project's one number style (src/number-format.ts, the same as\n    // the PR comment and the CLI), in the generated HTML (Node) and in the charts' axes, tooltips and\n    // tables (the browser, src/dashboard/client/). This file adds what only the dashboard needs: fixed\n    // units (massG, massKg, energyKwh), a card path's value and label, and UTC dates.\n    // DOM-free and dependency-free like the module it builds on: the client bundle imports it too.\n    /** A mass given in grams: `780 mg`, `10.7 g`, `24.4 kg`, `1.2 t`. */\n    function massG(g) {\n        return qty(g, 'g');\n    }\n    /** A mass given in kilograms (card totals): `24.4 kg`, `1.2 t`. */\n    function massKg(kg) {\n        return qty(kg, 'kg');\n    }\n    /** Energy given in kWh (card stages and totals): `24.5 Wh`, `812 kWh`, `1.5 MWh`. */\n    function energyKwh(kwh) {\n        return qty(kwh, 'kWh');\n    }\n    /** `YYYY-MM-DD` (UTC) of a Unix time in seconds. */\n    function utcDay(unixSeconds) {\n        return new Date(unixSeconds * 1000).toISOString().slice(0, 10);\n    }\n    /** `YYYY-MM-DD HH:MM UTC` of a Unix time in seconds. */\n    function utcMinute(unixSeconds) {\n        const iso = new Date(unixSeconds * 1000).toISOString();\n        return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;\n    }\n    /**\n     * A value of a card path in the unit its last key names, SI-prefixed: `totals.co2e_kg` -> `24.4 kg`,\n     * `per_functional_unit.co2e_g` -> `10.7 g`, `totals.energy_kwh` -> `812 kWh`, `totals.water_l` -> `3.25 L`.\n     * Masses without `CO2e`: the page's heading names the metric.\n     */\n    function metricValue(value, metric) {\n        return qty(value, unitOfName(metric));\n    }\n\n    // Links from the dashboard to the repository. A card is untrusted (a fork's artifact, a tampered\n    // history branch), so no URL is ever taken from it: a commit link is rebuilt from a SHA that is\n    // only hex digits and the repository URL the user (or the action's context) gave, which is\n    // validated once. DOM-free: the client re-checks each SHA with the same function before it\n    // navigates.\n    /** A git object id: SHA-1 (40) or SHA-256 (64) hex digits, or an abbreviation of at least 7. */\n    const SHA = /^[0-9a-f]{7,64}$/;\n    /** The SHA in lower case when `v` is one, else null. */\n    function cleanSha(v) {\n        if (typeof v !== 'string')\n            return null;\n        const s = v.trim().toLowerCase();\n        return SHA.test(s) ? s : null;\n    }\n    /** A pull request number when `v` is a positive integer (or its decimal string), else null. */\n    function cleanPr(v) {\n        const n = typeof v === 'string' && /^[0-9]{1,9}$/.test(v) ? Number(v) : v;\n        return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null;\n    }\n    /** The commit page, or null when there is no repository or the SHA is not one. */\n    function commitUrl(repoBase, sha) {\n        const s = cleanSha(sha);\n        return repoBase && s ? `${repoBase}/commit/${s}` : null;\n    }\n    /** The pull request page, or null. */\n    function pullUrl(repoBase, pr) {\n        const n = cleanPr(pr);\n        return repoBase && n !== null ? `${repoBase}/pull/${n}` : null;\n    }\n\n    // DOM helpers for the dashboard's script. Text only ever goes in through textContent and\n    // attributes through setAttribute on names we chose: no innerHTML anywhere in the client.\n    /** An element with attributes and children (strings become text nodes). */\n    function el(tag, attrs = {}, ...children) {\n        const e = document.createElement(tag);\n        for (const [k, v] of Object.entries(attrs))\n            if (v !== null && v !== undefined)\n                e.setAttribute(k, String(v));\n        for (const c of children)\n            if (c !== null)\n                e.append(typeof c === 'string' ? document.createTextNode(c) : c);\n        return e;\n    }\n    /** A CSS custom property of the page (the chart colours follow light and dark mode). */\n    function cssVar(name, fallback) {\n        const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();\n        return v || fallback;\n    }\n    /** The repository URL run `i` of a scenario links to, or null. */\n    function repoOf(d, i) {\n        const k = d.runs.repo[i];\n        return k === null || k === undefined ? null : (d.repos[k] ?? null);\n    }\n\n    // The dashboard's charts as uPlot options and data. uPlot (MIT, ~50 KB minified, canvas) is the\n    // bundled chart library: it draws 10,000 points in a few milliseconds, has bands (the uncertainty\n    // range), log scales (the lifetime curve) and a cursor we can drive from the keyboard, and needs\n    // nothing from the network. Colours come from CSS variables so the charts follow light and dark\n    // mode. Every value shown is formatted by ../format.ts, the same as the HTML around it.\n    function theme() {\n        const stages = [1, 2, 3, 4, 5, 6, 7].map((i) => cssVar(`--c-s${i}`, '#999999'));\n        return {\n            fg: cssVar('--fg', '#1b1f24'),\n            muted: cssVar('--muted', '#57606a'),\n            grid: cssVar('--c-grid', 'rgba(0,0,0,0.1)'),\n            main: cssVar('--c-main', '#0072b2'),\n            band: cssVar('--c-band', 'rgba(0,114,178,0.18)'),\n            budget: cssVar('--c-budget', '#d55e00'),\n            warn: cssVar('--c-warn', '#b36b00'),\n            projection: cssVar('--c-projection', '#009e73'),\n            bg: cssVar('--bg', '#ffffff'),\n            stage: (i, name) => (name === 'other' || name.startsWith('other ') ? cssVar('--c-other', '#999999') : (stages[i % stages.length] ?? '#999999')),\n        };\n    }\n    const HEIGHT = 300;\n    /** Integer steps for an x axis of run indices, so ticks fall on runs. */\n    const INDEX_INCRS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000];\n    function axis(t, label, values, extra = {}) {\n        return {\n            label,\n            stroke: t.fg,\n            labelFont: '12px system-ui, sans-serif',\n            font: '11px system-ui, sans-serif',\n            grid: { stroke: t.grid, width: 1 },\n            ticks: { stroke: t.grid, width: 1 },\n            values,\n            ...extra,\n        };\n    }\n    const fmtAxis = (f) => (_u, splits) => splits.map((v) => (v === null || v === undefined ? '' : f(v)));\n    /** The commit label of run i: `2026-03-04 · abc1234` (or the run id). */\n    function runLabel(d, i) {\n        const t = d.runs.t[i];\n        const sha = d.runs.sha[i];\n        const id = sha ? sha.slice(0, 7) : d.runs.run_id[i] ? `run ${d.runs.run_id[i]}` : `run ${i + 1}`;\n        const pr = d.runs.pr[i];\n        return `${t === undefined ? '' : utcDay(t)} · ${id}${pr != null ? ` (#${pr})` : ''}`;\n    }\n    /** Half a run of room at both ends, so the first and last points and labels are not cut. */\n    const commitScale = { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] };\n    /** The x axis of a chart over commits: run index, labelled with the run's date. */\n    function commitAxis(t, d) {\n        return axis(t, 'Commit (oldest → newest)', (_u, splits) => splits.map((i) => {\n            const ts = Number.isInteger(i) ? d.runs.t[i] : undefined;\n            return ts === undefined ? '' : utcDay(ts);\n        }), { space: 90, incrs: INDEX_INCRS });\n    }\n    function commitHref(d) {\n        return (idx) => commitUrl(repoOf(d, idx), d.runs.sha[idx]);\n    }\n    const xs = (n) => Array.from({ length: n }, (_, i) => i);\n    const allNull = (a) => a.every((v) => v === null);\n    const pointSize = (n) => (n <= 60 ? 7 : n <= 300 ? 5 : 3);\n    /** g CO2e per functional unit over commits, with the uncertainty band and the budget lines. */\n    function perFuChart(d) {\n        const n = d.runs.t.length;\n        const r = d.runs;\n        const hasBand = !allNull(r.per_fu_g_low) && !allNull(r.per_fu_g_high);\n        const hasBudget = !allNull(r.budget_max_g);\n        const hasWarn = !allNull(r.budget_warn_g);\n        const data = [xs(n), r.per_fu_g];\n        if (hasBand)\n            data.push(r.per_fu_g_low, r.per_fu_g_high);\n        if (hasBudget)\n            data.push(r.budget_max_g);\n        if (hasWarn)\n            data.push(r.budget_warn_g);\n        const g = (v) => massG(v);\n        return {\n            id: 'per-fu',\n            data: data,\n            points: n,\n            yScale: 'y',\n            yAt: (i) => r.per_fu_g[i] ?? null,\n            href: commitHref(d),\n            describe: (i) => {\n                const lo = r.per_fu_g_low[i];\n                const hi = r.per_fu_g_high[i];\n                const range = lo != null && hi != null ? ` (range ${massG(lo)}–${massG(hi)})` : '';\n                const budget = r.budget_max_g[i] != null ? `, budget ${massG(r.budget_max_g[i])}` : '';\n                return `Run ${i + 1} of ${n}, ${runLabel(d, i)}: ${massG(r.per_fu_g[i])} CO2e per functional unit${range}${budget}, verdict ${r.verdict[i] ?? '—'}.`;\n            },\n            opts: (width) => {\n                const t = theme();\n                const series = [\n                    { label: 'Commit', value: (_u, i) => (i === null || i === undefined ? '—' : runLabel(d, i)) },\n                    {\n                        label: 'g CO2e / FU',\n                        stroke: t.main,\n                        width: 2,\n                        points: { show: true, size: pointSize(n), fill: t.main, stroke: t.main },\n                        value: (_u, v) => g(v),\n                    },\n                ];\n                const bands = [];\n                if (hasBand) {\n                    series.push({ label: 'range low', stroke: t.band, width: 0, points: { show: false }, value: (_u, v) => g(v) }, { label: 'range high', stroke: t.band, width: 0, points: { show: false }, value: (_u, v) => g(v) });\n                    bands.push({ series: [3, 2], fill: t.band });\n                }\n                if (hasBudget)\n                    series.push({ label: 'budget', stroke: t.budget, width: 2, dash: [10, 5], points: { show: false }, value: (_u, v) => g(v) });\n                if (hasWarn)\n                    series.push({ label: 'warn level', stroke: t.warn, width: 2, dash: [3, 4], points: { show: false }, value: (_u, v) => g(v) });\n                return {\n                    width,\n                    height: HEIGHT,\n                    scales: { x: commitScale },\n                    axes: [commitAxis(t, d), axis(t, 'g CO2e per functional unit', fmtAxis(massG), { size: 70 })],\n                    series,\n                    bands,\n                    legend: { live: true },\n                    cursor: { drag: { x: true, y: false }, focus: { prox: 30 } },\n                };\n            },\n        };\n    }\n    /** Energy (kWh) or CO2e (kg) per stage over commits, stacked: the top is the run's total. */\n    function stageChart(d, what) {\n        const n = d.runs.t.length;\n        const raw = what === 'energy' ? d.stages.energy_kwh : d.stages.co2e_kg;\n        const f = what === 'energy' ? energyKwh : massKg;\n        const names = d.stages.names;\n        // Cumulative sums, bottom stage first; a stage a run did not have adds nothing.\n        const stacked = [];\n        let below = new Array(n).fill(0);\n        raw.forEach((col) => {\n            const next = below.map((b, i) => b + (col[i] ?? 0));\n            stacked.push(next.map((v, i) => (raw.every((c) => c[i] === null) ? null : v)));\n            below = next;\n        });\n        const total = (i) => raw.reduce((s, c) => s + (c[i] ?? 0), 0);\n        // Drawn top of the stack first, each filled down to zero, so lower stages paint over upper ones.\n        const order = names.map((_, k) => names.length - 1 - k);\n        return {\n            id: what === 'energy' ? 'stage-energy' : 'stage-co2e',\n            data: [xs(n), ...order.map((k) => stacked[k])],\n            points: n,\n            yScale: 'y',\n            yAt: (i) => (names.length ? (stacked[names.length - 1][i] ?? null) : null),\n            href: commitHref(d),\n            describe: (i) => {\n                const parts = names.map((s, k) => `${s} ${f(raw[k][i])}`).join(', ');\n                return `Run ${i + 1} of ${n}, ${runLabel(d, i)}: total ${f(total(i))}; ${parts}.`;\n            },\n            opts: (width) => {\n                const t = theme();\n                return {\n                    width,\n                    height: HEIGHT,\n                    scales: { x: commitScale, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.05 : 1] } },\n                    axes: [commitAxis(t, d), axis(t, what === 'energy' ? 'Facility energy' : 'CO2e', fmtAxis(f), { size: 70 })],\n                    series: [\n                        { label: 'Commit', value: (_u, i) => (i === null || i === undefined ? '—' : runLabel(d, i)) },\n                        ...order.map((k) => ({\n                            label: names[k],\n                            stroke: t.bg,\n                            width: 1,\n                            fill: t.stage(k, names[k]),\n                            points: { show: false },\n                            // The legend shows the stage's own value, not the stacked sum.\n                            value: (_u, _v, _si, idx) => (idx === null || idx === undefined ? '—' : f(raw[k][idx])),\n                        })),\n                    ],\n                    legend: { live: true },\n                    cursor: { drag: { x: true, y: false } },\n                };\n            },\n        };\n    }\n    /** The latest card's lifetime curve (log-log), with the breakeven and the scenario's lifetime marked. */\n    function lifetimeChart(d) {\n        const lt = d.lifetime;\n        if (!lt || lt.inferences.length === 0)\n            return null;\n        const n = lt.inferences.length;\n        const marks = [];\n        if (lt.breakeven_inferences != null && lt.breakeven_inferences > 0)\n            marks.push({ x: lt.breakeven_inferences, label: `breakeven ${compact(lt.breakeven_inferences)}`, colour: 'budget' });\n        if (lt.lifetime_inferences != null && lt.lifetime_inferences > 0)\n            marks.push({ x: lt.lifetime_inferences, label: `scenario lifetime ${compact(lt.lifetime_inferences)}`, colour: 'projection' });\n        return {\n            id: 'lifetime',\n            data: [lt.inferences, lt.per_fu_g],\n            points: n,\n            yScale: 'y',\n            yAt: (i) => lt.per_fu_g[i] ?? null,\n            href: () => null,\n            describe: (i) => `${fmt(lt.inferences[i])} lifetime inferences: ${massG(lt.per_fu_g[i])} CO2e per functional unit.`,\n            opts: (width) => {\n                const t = theme();\n                return {\n                    width,\n                    height: HEIGHT,\n                    scales: { x: { time: false, distr: 3 }, y: { distr: 3 } },\n                    axes: [axis(t, 'Lifetime inferences (log)', fmtAxis(compact)), axis(t, 'g CO2e per functional unit (log)', fmtAxis(massG), { size: 70 })],\n                    series: [\n                        { label: 'Inferences', value: (_u, v) => fmt(v) },\n                        { label: 'g CO2e / FU', stroke: t.main, width: 2, points: { show: true, size: 6, fill: t.main }, value: (_u, v) => massG(v) },\n                    ],\n                    legend: { live: true },\n                    cursor: { drag: { x: false, y: false } },\n                    hooks: {\n                        draw: [\n                            (u) => {\n                                const ctx = u.ctx;\n                                const dpr = window.devicePixelRatio || 1;\n                                ctx.save();\n                                ctx.font = `${11 * dpr}px system-ui, sans-serif`;\n                                ctx.lineWidth = 1.5 * dpr;\n                                marks.forEach((m, k) => {\n                                    const x = u.valToPos(m.x, 'x', true);\n                                    if (!Number.isFinite(x))\n                                        return;\n                                    const colour = t[m.colour];\n                                    ctx.strokeStyle = colour;\n                                    ctx.fillStyle = colour;\n                                    ctx.setLineDash([6 * dpr, 4 * dpr]);\n                                    ctx.beginPath();\n                                    ctx.moveTo(x, u.bbox.top);\n                                    ctx.lineTo(x, u.bbox.top + u.bbox.height);\n                                    ctx.stroke();\n                                    // Labels right of the line, or left of it in the right third (never cut at the edge).\n                                    const right = x > u.bbox.left + u.bbox.width * 0.66;\n                                    ctx.textAlign = right ? 'right' : 'left';\n                                    ctx.fillText(m.label, x + (right ? -4 : 4) * dpr, u.bbox.top + (14 + k * 14) * dpr);\n                                });\n                                ctx.restore();\n                            },\n                        ],\n                    },\n                };\n            },\n        };\n    }\n    /** Cumulative spend in a budget period against the budget, with the forecast at the burn rate. */\n    function budgetChart(b) {\n        const DAY = 86400;\n        const start = Date.parse(b.start) / 1000;\n        const end = Date.parse(b.end) / 1000;\n        const now = Math.min(end, Math.max(start, Date.parse(b.now) / 1000));\n        // x: period start, the end of each day so far (the last one at most `now`), period end.\n        const days = b.date.map((_, i) => Math.min(start + (i + 1) * DAY, now));\n        const x = [start, ...days, end];\n        const last = b.cumulative[b.cumulative.length - 1] ?? 0;\n        const spent = [0, ...b.cumulative, null];\n        const forecast = x.map((_, i) => (i === x.length - 2 ? last : i === x.length - 1 ? b.forecast : null));\n        const data = [x, spent, forecast];\n        if (b.max !== null)\n            data.push(x.map(() => b.max));\n        if (b.warn !== null)\n            data.push(x.map(() => b.warn));\n        const f = (v) => metricValue(v, b.metric);\n        return {\n            id: b.id,\n            data: data,\n            points: x.length - 1,\n            yScale: 'y',\n            yAt: (i) => spent[i] ?? null,\n            href: () => null,\n            describe: (i) => {\n                if (i === 0)\n                    return `${utcDay(start)} (period start): nothing spent yet.`;\n                const date = b.date[i - 1];\n                const v = b.cumulative[i - 1];\n                return date !== undefined ? `End of ${date}: ${f(v)} spent${b.max !== null ? ` of ${f(b.max)}` : ''}.` : '';\n            },\n            opts: (width) => {\n                const t = theme();\n                const series = [\n                    { label: 'Time (UTC)', value: (_u, v) => (v === null || v === undefined ? '—' : utcMinute(v)) },\n                    { label: 'spent', stroke: t.main, width: 2, fill: t.band, points: { show: b.date.length <= 40, size: 5, fill: t.main }, value: (_u, v) => f(v) },\n                    { label: 'forecast', stroke: t.projection, width: 2, dash: [2, 4], points: { show: false }, spanGaps: false, value: (_u, v) => f(v) },\n                ];\n                if (b.max !== null)\n                    series.push({ label: 'budget', stroke: t.budget, width: 2, dash: [10, 5], points: { show: false }, value: (_u, v) => f(v) });\n                if (b.warn !== null)\n                    series.push({ label: 'warn level', stroke: t.warn, width: 2, dash: [3, 4], points: { show: false }, value: (_u, v) => f(v) });\n                return {\n                    width,\n                    height: HEIGHT,\n                    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),\n                    scales: { x: { time: true, range: [start, end] }, y: { range: (_u, _min, max) => [0, Math.max(max, b.max ?? 0, b.forecast) * 1.08 || 1] } },\n                    axes: [axis(t, 'Day (UTC)', (_u, splits) => splits.map((v) => utcDay(v).slice(5)), { space: 60 }), axis(t, 'Cumulative', fmtAxis(f), { size: 70 })],\n                    series,\n                    legend: { live: true },\n                    cursor: { drag: { x: false, y: false } },\n                };\n            },\n        };\n    }\n\n    /** Go to a URL as a link would: a new tab with Ctrl / ⌘ / middle click, else this tab. */\n    function follow(url, newTab) {\n        if (newTab)\n            window.open(url, '_blank', 'noopener');\n        else\n            window.location.assign(url);\n    }\n    /** Put uPlot's cursor on point `idx` (x value) at the main series' value. */\n    function placeCursor(m, idx) {\n        const x = m.plot.data[0][idx];\n        if (x === undefined || x === null)\n            return;\n        const y = m.spec.yAt(idx);\n        const left = m.plot.valToPos(x, 'x');\n        const top = y === null ? m.plot.bbox.height / (2 * (window.devicePixelRatio || 1)) : m.plot.valToPos(y, m.spec.yScale);\n        m.plot.setCursor({ left, top });\n    }\n    function attach(m, container, status) {\n        const say = (idx) => {\n            if (status)\n                status.textContent = m.spec.describe(idx);\n        };\n        const moveTo = (idx) => {\n            const i = Math.max(0, Math.min(m.spec.points - 1, idx));\n            m.index = i;\n            placeCursor(m, i);\n            say(i);\n        };\n        container.addEventListener('keydown', (e) => {\n            if (m.spec.points === 0)\n                return;\n            const cur = m.index ?? m.spec.points - 1;\n            const steps = { ArrowRight: 1, ArrowLeft: -1, ArrowUp: 1, ArrowDown: -1, PageUp: 10, PageDown: -10 };\n            if (e.key in steps)\n                moveTo(m.index === null ? cur : cur + (steps[e.key] ?? 0));\n            else if (e.key === 'Home')\n                moveTo(0);\n            else if (e.key === 'End')\n                moveTo(m.spec.points - 1);\n            else if (e.key === 'Enter' || e.key === ' ') {\n                const url = m.spec.href(cur);\n                if (!url)\n                    return;\n                follow(url, e.ctrlKey || e.metaKey);\n            }\n            else\n                return;\n            e.preventDefault();\n        });\n        // A click (not the end of a drag-to-zoom) opens the point nearest to where the button went down.\n        let down = null;\n        const over = m.plot.over;\n        over.addEventListener('mousedown', (e) => {\n            down = { x: e.clientX, y: e.clientY, idx: m.plot.cursor.idx };\n        });\n        // Focus from the keyboard starts on the newest point; focus from a click leaves the cursor where the pointer is.\n        container.addEventListener('focus', () => {\n            if (down === null && m.index === null && m.spec.points > 0)\n                moveTo(m.spec.points - 1);\n        });\n        over.addEventListener('click', (e) => {\n            const moved = down !== null && Math.hypot(e.clientX - down.x, e.clientY - down.y) > 4;\n            const idx = down?.idx ?? m.plot.cursor.idx;\n            down = null;\n            if (moved || idx === null || idx === undefined)\n                return;\n            m.index = idx;\n            say(idx);\n            const url = m.spec.href(idx);\n            if (url)\n                follow(url, e.ctrlKey || e.metaKey || e.button === 1);\n        });\n        if (m.spec.href(m.spec.points - 1) !== null)\n            over.style.cursor = 'pointer';\n    }\n\n    // Each chart's data as a table inside its <details>, built the first time it is opened (so a\n    // page with 5,000 runs does not build 20,000 rows nobody asked for). Cells are textContent;\n    // commit links are rebuilt from validated SHAs (links.ts).\n    function table(caption, head, rows, numeric) {\n        const thead = el('thead', {}, el('tr', {}, ...head.map((h, i) => el('th', { scope: 'col', class: numeric(i) ? 'num' : null }, h))));\n        const tbody = el('tbody');\n        for (const r of rows)\n            tbody.append(el('tr', {}, ...r.map((c, i) => el('td', { class: numeric(i) ? 'num' : null }, c))));\n        return el('table', {}, el('caption', {}, caption), thead, tbody);\n    }\n    function commitCell(d, i) {\n        const sha = d.runs.sha[i] ?? null;\n        const pr = d.runs.pr[i] ?? null;\n        const frag = document.createDocumentFragment();\n        if (sha) {\n            const url = commitUrl(repoOf(d, i), sha);\n            const code = el('code', {}, sha.slice(0, 7));\n            frag.append(url ? el('a', { href: url }, code) : code);\n        }\n        else {\n            const id = d.runs.run_id[i];\n            frag.append(id ? `run ${id}` : '—');\n        }\n        if (pr !== null) {\n            const url = pullUrl(repoOf(d, i), pr);\n            frag.append(' (', url ? el('a', { href: url }, `#${pr}`) : `#${pr}`, ')');\n        }\n        return frag;\n    }\n    function runRows(d, cells) {\n        return d.runs.t.map((t, i) => [String(i + 1), utcDay(t), commitCell(d, i), ...cells(i)]);\n    }\n    function perFuTable(d) {\n        const r = d.runs;\n        return table(`g CO2e per functional unit${d.functional_unit ? ` (${d.functional_unit})` : ''}, one row per run, oldest first`, ['#', 'Date (UTC)', 'Commit', 'g CO2e / FU', 'Low', 'High', 'Budget', 'Warn level', 'Verdict'], runRows(d, (i) => [\n            massG(r.per_fu_g[i]),\n            massG(r.per_fu_g_low[i]),\n            massG(r.per_fu_g_high[i]),\n            massG(r.budget_max_g[i]),\n            massG(r.budget_warn_g[i]),\n            r.verdict[i] ?? '—',\n        ]), (c) => c === 0 || (c >= 3 && c <= 7));\n    }\n    function stageTable(d, what) {\n        const raw = what === 'energy' ? d.stages.energy_kwh : d.stages.co2e_kg;\n        const f = what === 'energy' ? energyKwh : massKg;\n        const last = 3 + d.stages.names.length;\n        return table(what === 'energy' ? 'Facility energy per stage, one row per run' : 'CO2e per stage, one row per run', ['#', 'Date (UTC)', 'Commit', ...d.stages.names, 'Total'], runRows(d, (i) => [...raw.map((col) => f(col[i])), f(what === 'energy' ? d.runs.energy_kwh[i] : d.runs.co2e_kg[i])]), (c) => c === 0 || (c >= 3 && c <= last));\n    }\n    function lifetimeTable(d) {\n        const lt = d.lifetime;\n        if (!lt)\n            return null;\n        const mark = (x) => (x === lt.breakeven_inferences ? 'breakeven' : x === lt.lifetime_inferences ? \"scenario's lifetime\" : '');\n        return table(`Lifetime curve of run ${lt.run + 1}`, ['Lifetime inferences', 'g CO2e / FU', 'Mark'], lt.inferences.map((x, i) => [fmt(x), massG(lt.per_fu_g[i]), mark(x)]), (c) => c < 2);\n    }\n    function budgetTable(b) {\n        return table(`${b.label}: cumulative spend at the end of each UTC day`, ['Day (UTC)', 'Cumulative spend', 'Budget'], b.date.map((date, i) => [date, metricValue(b.cumulative[i], b.metric), b.max === null ? '—' : metricValue(b.max, b.metric)]), (c) => c > 0);\n    }\n\n    function scenarioEntries(d) {\n        const out = [\n            { spec: perFuChart(d), table: () => perFuTable(d) },\n            { spec: stageChart(d, 'energy'), table: () => stageTable(d, 'energy') },\n            { spec: stageChart(d, 'co2e'), table: () => stageTable(d, 'co2e') },\n        ];\n        const lt = lifetimeChart(d);\n        if (lt)\n            out.push({ spec: lt, table: () => lifetimeTable(d) });\n        return [...out, ...d.budgets.map(budgetEntry)];\n    }\n    function budgetEntry(b) {\n        const spec = budgetChart(b);\n        spec.id = `${b.id}-chart`;\n        return { spec, table: () => budgetTable(b) };\n    }\n    function readData() {\n        const node = document.getElementById('ml-lca-data');\n        if (!node?.textContent)\n            return null;\n        return JSON.parse(node.textContent);\n    }\n    function widthOf(box) {\n        return Math.max(280, Math.floor(box.clientWidth - 10));\n    }\n    function boot() {\n        const data = readData();\n        if (!data)\n            return;\n        const entries = data.kind === 'scenario' ? scenarioEntries(data) : data.charts.map(budgetEntry);\n        const mounted = new Map();\n        const charts = {};\n        window.mlLcaCharts = charts;\n        const draw = (e) => {\n            const box = document.getElementById(`chart-${e.spec.id}`);\n            if (!box)\n                return;\n            mounted.get(e.spec.id)?.plot.destroy();\n            const plot = new uPlot(e.spec.opts(widthOf(box)), e.spec.data, box);\n            const m = { spec: e.spec, plot, index: mounted.get(e.spec.id)?.index ?? null };\n            mounted.set(e.spec.id, m);\n            charts[e.spec.id] = plot;\n            attach(m, box, document.getElementById(`status-${e.spec.id}`));\n        };\n        for (const e of entries) {\n            draw(e);\n            const details = document.querySelector(`details[data-table=\"${e.spec.id}\"]`);\n            details?.addEventListener('toggle', () => {\n                const wrap = details.querySelector('.table-wrap');\n                if (!details.open || !wrap || wrap.childElementCount > 0)\n                    return;\n                const t = e.table();\n                if (t)\n                    wrap.append(t);\n            });\n        }\n        // Light / dark: the canvas colours are read from CSS variables when drawn, so redraw.\n        const scheme = window.matchMedia('(prefers-color-scheme: dark)');\n        scheme.addEventListener('change', () => {\n            for (const e of entries)\n                draw(e);\n        });\n        // Follow the container's width (window resize, zoom).\n        if ('ResizeObserver' in window) {\n            const ro = new ResizeObserver(() => {\n                for (const m of mounted.values()) {\n                    const box = m.plot.root.parentElement;\n                    if (box) {\n                        const w = widthOf(box);\n                        if (Math.abs(w - m.plot.width) > 2)\n                            m.plot.setSize({ width: w, height: m.plot.height });\n                    }\n                }\n            });\n            for (const e of entries) {\n                const box = document.getElementById(`chart-${e.spec.id}`);\n                if (box)\n                    ro.observe(box);\n            }\n        }\n        document.body.setAttribute('data-ready', 'true');\n        // For bench/dashboard.ts: when the charts were drawn, on the page's own clock.\n        performance.mark('ml-lca-ready');\n    }\n    boot();\n\n})();\n";

// The dashboard's model: runs grouped per scenario and per team, the columnar data each page
// embeds, the index summaries, the largest changes and the budget views. Pure: records, the
// clock and the repository URL come in; src/dashboard/pages.ts turns this into HTML.
/** Rows in the table of largest changes. */
const MAX_CHANGES = 10;
/** Points of an index sparkline (min and max of each bucket, so spikes survive). */
const SPARK_POINTS = 64;
/** Stage series drawn by name (the colour-blind-safe palette has 7 colours); the rest sum to "other". */
const MAX_STAGE_SERIES = 7;
const LIFECYCLE_ORDER = ['experimentation', 'training', 'fine-tuning', 'finetuning', 'inference'];
/** 6 significant figures: the data stays exact to what a page shows, and compact. */
function r6(x) {
    return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(6));
}
const r6n = (x) => (x === null ? null : r6(x));
/** A file-name-safe, stable, collision-free slug: readable prefix + hash of the exact name. */
function slug(name) {
    const base = name
        .normalize('NFKD')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 40) || 'x';
    return `${base}-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}
/** Min and max of each of `points / 2` buckets, in order: a sparkline that keeps every spike. */
function downsample(values, points = SPARK_POINTS) {
    if (values.length <= points)
        return [...values];
    const buckets = Math.floor(points / 2);
    const out = [];
    for (let b = 0; b < buckets; b++) {
        const from = Math.floor((b * values.length) / buckets);
        const to = Math.floor(((b + 1) * values.length) / buckets);
        let lo = from;
        let hi = from;
        for (let i = from; i < to; i++) {
            if (values[i] < values[lo])
                lo = i;
            if (values[i] > values[hi])
                hi = i;
        }
        for (const i of lo <= hi ? [lo, hi] : [hi, lo])
            out.push(values[i]);
    }
    return out;
}
/** Δ % of per-FU g CO2e between consecutive runs, largest magnitude first. */
function largestChanges(runs, n = MAX_CHANGES, linkOf = () => null) {
    const out = [];
    for (let i = 1; i < runs.length; i++) {
        const prev = runs[i - 1];
        const cur = runs[i];
        if (!(prev.per_fu_co2e_g > 0))
            continue;
        const delta_pct = ((cur.per_fu_co2e_g - prev.per_fu_co2e_g) / prev.per_fu_co2e_g) * 100;
        if (delta_pct === 0)
            continue;
        out.push({
            index: i,
            linkBase: linkOf(cur),
            sha: cur.sha,
            pr: cur.pr,
            run_id: cur.run_id === null ? null : String(cur.run_id),
            created_at: cur.created_at,
            previous_sha: prev.sha,
            from_g: prev.per_fu_co2e_g,
            to_g: cur.per_fu_co2e_g,
            delta_pct,
            verdict: cur.verdict,
        });
    }
    return out.sort((a, b) => Math.abs(b.delta_pct) - Math.abs(a.delta_pct) || a.index - b.index).slice(0, n);
}
/** Stage names in lifecycle order, then by total CO2e; beyond MAX_STAGE_SERIES the rest become `other`. */
function stageSeries(runs) {
    const total = new Map();
    for (const r of runs)
        for (const [k, v] of Object.entries(r.stages))
            total.set(k, (total.get(k) ?? 0) + Math.abs(v.co2e_kg));
    const rank = (s) => {
        const i = LIFECYCLE_ORDER.indexOf(s);
        return i < 0 ? LIFECYCLE_ORDER.length : i;
    };
    const byWeight = [...total.keys()].sort((a, b) => (total.get(b) ?? 0) - (total.get(a) ?? 0) || a.localeCompare(b));
    const named = new Set(byWeight.length > MAX_STAGE_SERIES ? byWeight.slice(0, MAX_STAGE_SERIES - 1) : byWeight);
    let other = byWeight.length > MAX_STAGE_SERIES ? 'other' : null;
    while (other !== null && named.has(other))
        other = `${other} stages`;
    const names = [...named].sort((a, b) => rank(a) - rank(b) || (total.get(b) ?? 0) - (total.get(a) ?? 0) || a.localeCompare(b));
    if (other !== null)
        names.push(other);
    return { names, groupOf: (s) => (named.has(s) ? s : (other ?? s)) };
}
function budgetChart(v, id, now) {
    return {
        id,
        label: `${v.scope === 'team' ? 'Team' : 'Scenario'} ${v.name}, ${v.label}`,
        metric: v.metric,
        date: v.daily.date,
        cumulative: v.daily.cumulative.map(r6),
        max: v.max,
        warn: v.warn,
        start: v.start,
        end: v.end,
        now: now.toISOString(),
        forecast: r6(v.forecast),
    };
}
function scenarioData(name, runs, linkOf, budgets) {
    const latest = runs[runs.length - 1];
    const repos = [];
    const repoIndex = runs.map((r) => {
        const base = linkOf(r);
        if (base === null)
            return null;
        let i = repos.indexOf(base);
        if (i < 0)
            i = repos.push(base) - 1;
        return i;
    });
    const stages = stageSeries(runs);
    const column = (field) => stages.names.map((s) => runs.map((r) => {
        let sum = null;
        for (const [k, v] of Object.entries(r.stages))
            if (stages.groupOf(k) === s)
                sum = (sum ?? 0) + v[field];
        return r6n(sum);
    }));
    let lifetimeRun = -1;
    for (let i = runs.length - 1; i >= 0 && lifetimeRun < 0; i--)
        if (runs[i].lifetime)
            lifetimeRun = i;
    const lt = lifetimeRun >= 0 ? runs[lifetimeRun].lifetime : null;
    const curve = lt ? lt.curve.filter((p) => p.inferences > 0 && p.co2e_g_per_fu > 0).sort((a, b) => a.inferences - b.inferences) : [];
    return {
        kind: 'scenario',
        name,
        team: latest.team,
        functional_unit: latest.functional_unit,
        repos,
        runs: {
            repo: repoIndex,
            t: runs.map((r) => Math.round(Date.parse(r.created_at) / 1000)),
            sha: runs.map((r) => r.sha),
            pr: runs.map((r) => r.pr),
            run_id: runs.map((r) => (r.run_id === null ? null : String(r.run_id))),
            verdict: runs.map((r) => r.verdict),
            per_fu_g: runs.map((r) => r6(r.per_fu_co2e_g)),
            per_fu_g_low: runs.map((r) => r6n(r.per_fu_co2e_g_low)),
            per_fu_g_high: runs.map((r) => r6n(r.per_fu_co2e_g_high)),
            budget_max_g: runs.map((r) => r.per_fu_budget.max),
            budget_warn_g: runs.map((r) => r.per_fu_budget.warn),
            co2e_kg: runs.map((r) => r6(r.co2e_kg)),
            energy_kwh: runs.map((r) => r6(r.energy_kwh)),
        },
        stages: { names: stages.names, energy_kwh: column('energy_kwh'), co2e_kg: column('co2e_kg') },
        lifetime: lt && curve.length > 0
            ? {
                run: lifetimeRun,
                inferences: curve.map((p) => r6(p.inferences)),
                per_fu_g: curve.map((p) => r6(p.co2e_g_per_fu)),
                breakeven_inferences: r6n(lt.breakeven_inferences),
                lifetime_inferences: r6n(lt.lifetime_inferences),
            }
            : null,
        budgets,
    };
}
/** The whole site's model from de-duplicated records (oldest first) and the read warnings. */
function buildModel(records, warnings, opts) {
    const linkOf = (r) => runLinkBase(opts.links, r.repo);
    const byScenario = new Map();
    for (const r of records) {
        const list = byScenario.get(r.scenario) ?? [];
        list.push(r);
        byScenario.set(r.scenario, list);
    }
    const latest = [...byScenario.values()].map((runs) => runs[runs.length - 1]);
    const budgets = budgetViews(records, latest, opts.now);
    const teamNames = [...new Set([...records.map((r) => r.team), ...budgets.views.filter((v) => v.scope === 'team').map((v) => v.name)])]
        .filter((t) => t !== null)
        .sort((a, b) => a.localeCompare(b));
    const teamSlugs = new Map(teamNames.map((t) => [t, slug(t)]));
    const scenarios = [...byScenario]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, runs]) => {
        const s = slug(name);
        const last = runs[runs.length - 1];
        const prev = runs.length > 1 ? runs[runs.length - 2] : null;
        const mine = budgets.views.filter((v) => v.scope === 'model' && v.name === name);
        const charts = mine.map((v, i) => budgetChart(v, `budget-${i}`, opts.now));
        return {
            name,
            slug: s,
            team: last.team,
            teamSlug: last.team === null ? null : (teamSlugs.get(last.team) ?? null),
            functionalUnit: last.functional_unit,
            runs,
            latest: last,
            latestLink: linkOf(last),
            deltaPct: prev && prev.per_fu_co2e_g > 0 ? ((last.per_fu_co2e_g - prev.per_fu_co2e_g) / prev.per_fu_co2e_g) * 100 : null,
            spark: downsample(runs.map((r) => r.per_fu_co2e_g)),
            changes: largestChanges(runs, MAX_CHANGES, linkOf),
            budgets: mine,
            data: scenarioData(name, runs, linkOf, charts),
        };
    });
    const teams = teamNames.map((name) => {
        const views = budgets.views.filter((v) => v.scope === 'team' && v.name === name);
        const own = scenarios.filter((s) => s.runs.some((r) => r.team === name));
        return {
            name,
            slug: teamSlugs.get(name),
            scenarios: own.map((s) => ({ name: s.name, slug: s.slug })),
            runs: records.filter((r) => r.team === name).length,
            views,
            data: { kind: 'team', name, charts: views.map((v, i) => budgetChart(v, `budget-${i}`, opts.now)) },
        };
    });
    return {
        title: opts.title,
        now: opts.now.toISOString(),
        totalRuns: records.length,
        scenarios,
        teams,
        warnings: [...warnings, ...budgets.warnings],
    };
}

// Numbers on the dashboard: the project's one number style (src/number-format.ts, the same as
// the PR comment and the CLI), in the generated HTML (Node) and in the charts' axes, tooltips and
// tables (the browser, src/dashboard/client/). This file adds what only the dashboard needs: fixed
// units (massG, massKg, energyKwh), a card path's value and label, and UTC dates.
// DOM-free and dependency-free like the module it builds on: the client bundle imports it too.
/** A mass given in grams: `780 mg`, `10.7 g`, `24.4 kg`, `1.2 t`. */
function massG(g) {
    return qty(g, 'g');
}
/** `YYYY-MM-DD` (UTC) of a Unix time in seconds. */
function utcDay(unixSeconds) {
    return new Date(unixSeconds * 1000).toISOString().slice(0, 10);
}
/**
 * A value of a card path in the unit its last key names, SI-prefixed: `totals.co2e_kg` -> `24.4 kg`,
 * `per_functional_unit.co2e_g` -> `10.7 g`, `totals.energy_kwh` -> `812 kWh`, `totals.water_l` -> `3.25 L`.
 * Masses without `CO2e`: the page's heading names the metric.
 */
function metricValue(value, metric) {
    return qty(value, unitOfName(metric));
}
/** Plain words for a card path in a heading: `totals.co2e_kg` -> `CO2e (total)`. */
function metricLabel(metric) {
    const known = {
        'totals.co2e_kg': 'CO2e',
        'totals.energy_kwh': 'energy',
        'totals.water_l': 'water',
        'totals.cost_usd': 'cost',
        'per_functional_unit.co2e_g': 'CO2e per functional unit',
    };
    return known[metric] ?? metric;
}

// HTML for the dashboard, escaped by construction: `html` is a tagged template in which every
// interpolated value is escaped unless it is itself `Html` (made by `html` or, for the few
// vetted fragments such as our own SVG, `trusted`). Card text (scenario, team and stage names,
// file paths in warnings) therefore reaches the page only as escaped text or attribute values.
// Data for the scripts goes in through `jsonScript`, escaped so no value can close the
// <script> element or start a comment.
class Html {
    value;
    constructor(value) {
        this.value = value;
    }
    toString() {
        return this.value;
    }
}
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text safe in element content and in quoted attribute values. */
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}
function render(p) {
    if (p === null || p === undefined || p === false)
        return '';
    if (p instanceof Html)
        return p.value;
    if (Array.isArray(p))
        return p.map(render).join('');
    return escapeHtml(String(p));
}
/** `html\`<td>${name}</td>\``: values escaped, nested `Html` and arrays of it kept. */
function html(strings, ...values) {
    let out = strings[0] ?? '';
    values.forEach((v, i) => {
        out += render(v) + (strings[i + 1] ?? '');
    });
    return new Html(out);
}
/** Markup we generated ourselves from numbers (sparkline SVG); never card text. */
function trusted(markup) {
    return new Html(markup);
}
/**
 * JSON for `<script type="application/json">`: `<`, `>` and `&` as \u escapes (no `</script>`,
 * no `<!--`), and U+2028/U+2029 escaped too. JSON.parse reads it back unchanged.
 */
function jsonForScript(value) {
    return JSON.stringify(value)
        .replace(/</g, '\\u003c')
        .replace(/>/g, '\\u003e')
        .replace(/&/g, '\\u0026')
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029');
}
/** The data block a page's script reads (`#ml-lca-data`). */
function jsonScript(value) {
    return new Html(`<script type="application/json" id="ml-lca-data">${jsonForScript(value)}</script>`);
}

/** The first this many read warnings are listed on the index; the rest are counted. */
const MAX_LISTED_WARNINGS = 200;
const up = (d) => (d === 0 ? '' : '../');
// Scripts and styles only from the site's own files; no network at all (connect-src 'none').
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";
function layout(ctx, o) {
    const p = up(o.depth);
    const m = ctx.model;
    const page = html `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="${trusted(CSP)}">
<meta name="generator" content="ml-lca ${ctx.version}">
<title>${o.title}</title>
<link rel="stylesheet" href="${p}assets/dashboard.css">
${o.data !== undefined ? html `<link rel="stylesheet" href="${p}assets/uPlot.min.css">` : ''}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header><nav aria-label="Breadcrumb">${o.crumbs}</nav></header>
<main id="main">
${o.main}
</main>
<footer>
<p>Generated by ml-lca ${ctx.version} from ${count(m.totalRuns)} run${m.totalRuns === 1 ? '' : 's'}; budgets as of ${m.now.slice(0, 16).replace('T', ' ')} UTC.
Life cycle assessment after ISO 14040/14044, per functional unit as in “Evaluation of ML Resource Utilization Requires Model Life Cycle Assessment”.
Charts drawn with uPlot ${ctx.uplotVersion} (MIT licence, <a href="${p}assets/LICENSES.txt">notices</a>).</p>
</footer>
${o.data !== undefined
        ? html `${jsonScript(o.data)}
<script src="${p}assets/uPlot.iife.min.js"></script>
<script src="${p}assets/dashboard.js"></script>`
        : ''}
</body>
</html>
`;
    return page.value;
}
const VERDICT_MARK = { pass: '✓', warn: '!', fail: '✗', incomplete: '?', error: '✗', unknown: '?' };
function verdictBadge(v) {
    return html `<span class="verdict verdict-${v}">${VERDICT_MARK[v]}${NBSP}${v}</span>`;
}
function statusBadge(s) {
    if (s === null)
        return html `<span class="muted">no budget</span>`;
    return html `<span class="verdict status-${s}">${VERDICT_MARK[s]}${NBSP}${s}</span>`;
}
/** A commit (and PR) cell: links only from a validated SHA and the given repository. */
function commitCell(repo, sha, pr, runId) {
    const short = sha ? sha.slice(0, 7) : null;
    const url = commitUrl(repo, sha);
    const prUrl = pullUrl(repo, pr);
    const commit = short ? (url ? html `<a href="${url}"><code>${short}</code></a>` : html `<code>${short}</code>`) : runId !== null ? html `run ${runId}` : html `—`;
    const prPart = pr !== null ? (prUrl ? html ` (<a href="${prUrl}">#${pr}</a>)` : html ` (#${pr})`) : '';
    return html `${commit}${prPart}`;
}
/** Inline SVG sparkline of a series (numbers only; drawn in CSS colours). */
function sparkline(values, label) {
    const w = 120;
    const h = 28;
    if (values.length === 0)
        return html ``;
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const y = (v) => (hi === lo ? h / 2 : 2 + (1 - (v - lo) / (hi - lo)) * (h - 4));
    const x = (i) => (values.length === 1 ? w / 2 : (i / (values.length - 1)) * w);
    const pts = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    const shape = values.length === 1 ? html `<circle cx="${x(0)}" cy="${y(values[0])}" r="2"></circle>` : html `<polyline points="${pts}"></polyline>`;
    return html `<svg class="spark" viewBox="0 0 ${w} ${h}" preserveAspectRatio="none" role="img" aria-label="${label}">${shape}</svg>`;
}
function warningsBlock(warnings) {
    if (warnings.length === 0)
        return '';
    const listed = warnings.slice(0, MAX_LISTED_WARNINGS);
    const more = warnings.length - listed.length;
    return html `<section aria-labelledby="h-warnings">
<h2 id="h-warnings">Input notes</h2>
<details class="warnings"><summary>${count(warnings.length)} note${warnings.length === 1 ? '' : 's'} on the history read (skipped files, duplicates, budget conflicts)</summary>
<ul>${listed.map((w) => html `<li>${w}</li>`)}</ul>${more > 0 ? html `<p>… and ${count(more)} more.</p>` : ''}
</details>
</section>`;
}
// ---------------------------------------------------------------------------------- index
function indexPage(ctx) {
    const m = ctx.model;
    const scenarioRows = m.scenarios.map((s) => {
        const l = s.latest;
        const range = l.per_fu_co2e_g_low !== null && l.per_fu_co2e_g_high !== null
            ? html `<br><span class="muted">${massG(l.per_fu_co2e_g_low)}–${massG(l.per_fu_co2e_g_high)}</span>`
            : '';
        const trend = `per-FU CO2e over ${s.runs.length} runs, from ${massG(s.runs[0].per_fu_co2e_g)} to ${massG(l.per_fu_co2e_g)}`;
        return html `<tr>
<td class="name"><a href="scenario/${s.slug}.html">${s.name}</a>${s.functionalUnit ? html `<br><span class="muted">per ${s.functionalUnit}</span>` : ''}</td>
<td class="name">${s.team !== null && s.teamSlug ? html `<a href="team/${s.teamSlug}.html">${s.team}</a>` : html `<span class="muted">—</span>`}</td>
<td class="num">${count(s.runs.length)}</td>
<td class="num" data-raw="${l.per_fu_co2e_g}">${massG(l.per_fu_co2e_g)}${range}</td>
<td class="num">${deltaPct(s.deltaPct)}</td>
<td>${verdictBadge(l.verdict)}</td>
<td>${sparkline(s.spark, trend)}</td>
<td class="num">${utcDay(Date.parse(l.created_at) / 1000)}</td>
</tr>`;
    });
    const budgetRows = m.teams.flatMap((t) => t.views.map((v) => budgetRow(v, html `<a href="team/${t.slug}.html">${t.name}</a>`)));
    const main = html `<h1>${m.title}</h1>
<p class="lede">${count(m.totalRuns)} run${m.totalRuns === 1 ? '' : 's'} of ${count(m.scenarios.length)} scenario${m.scenarios.length === 1 ? '' : 's'}${m.teams.length ? html `, ${count(m.teams.length)} team${m.teams.length === 1 ? '' : 's'}` : ''}. Each row shows the scenario’s latest run: g CO2e per functional unit with the uncertainty range of its card.</p>
<section aria-labelledby="h-scenarios">
<h2 id="h-scenarios">Scenarios</h2>
<div class="table-wrap"><table id="scenarios">
<caption>Latest carbon per functional unit of each scenario (model)</caption>
<thead><tr><th scope="col">Scenario</th><th scope="col">Team</th><th scope="col" class="num">Runs</th><th scope="col" class="num">g CO2e / FU (latest)</th><th scope="col" class="num">Δ vs previous</th><th scope="col">Verdict</th><th scope="col">Trend</th><th scope="col" class="num">Last run</th></tr></thead>
<tbody>
${scenarioRows}
</tbody></table></div>
</section>
<section aria-labelledby="h-teams">
<h2 id="h-teams">Team budgets</h2>
${budgetRows.length
        ? html `<div class="table-wrap"><table id="team-budgets">
<caption>Spend in the current period against each team's budget, at the burn rate so far</caption>
${budgetHead('Team')}
<tbody>
${budgetRows}
</tbody></table></div>`
        : html `<p class="muted">No team in the history: set <code>team:</code> in a scenario, and a period budget (<code>scope: team</code>), to see spend against it here.</p>`}
</section>
${warningsBlock(m.warnings)}`;
    return layout(ctx, { title: m.title, depth: 0, crumbs: html `<a href="index.html" aria-current="page">${m.title}</a>`, main });
}
function budgetHead(first) {
    return html `<thead><tr><th scope="col">${first}</th><th scope="col">Period</th><th scope="col">Metric</th><th scope="col" class="num">Spent</th><th scope="col" class="num">Budget</th><th scope="col" class="num">Used</th><th scope="col" class="num">Burn rate / day</th><th scope="col" class="num">Forecast</th><th scope="col">Runs out</th><th scope="col">Status</th></tr></thead>`;
}
/** The share of the budget spent (1 = all of it; a zero budget is all used by any spending); null without a budget. */
function usedShare(v) {
    return v.max === null ? null : v.max > 0 ? v.spent / v.max : v.spent > 0 ? 1 : 0;
}
function budgetRow(v, name) {
    const used = usedShare(v);
    return html `<tr>
<td class="name">${name}</td><td>${v.label}</td><td>${metricLabel(v.metric)}</td>
<td class="num" data-raw="${v.spent}">${metricValue(v.spent, v.metric)}</td>
<td class="num">${v.max === null ? '—' : metricValue(v.max, v.metric)}</td>
<td class="num">${pct(used)}</td>
<td class="num">${metricValue(v.burn_rate_per_day, v.metric)}</td>
<td class="num">${metricValue(v.forecast, v.metric)}</td>
<td>${v.run_out_date ?? (v.max === null ? '—' : 'not this period')}</td>
<td>${statusBadge(v.status)}</td>
</tr>`;
}
function chartSection(c, level = 'h2') {
    const heading = level === 'h2' ? html `<h2 id="h-${c.id}">${c.title}</h2>` : html `<h3 id="h-${c.id}">${c.title}</h3>`;
    return html `<section aria-labelledby="h-${c.id}">
${heading}
<p class="muted">${c.note}</p>
<figure>
<div class="chart" id="chart-${c.id}" data-chart="${c.id}" tabindex="0" role="group" aria-roledescription="interactive chart" aria-label="${c.label}" aria-describedby="keys-${c.id}"></div>
<figcaption id="keys-${c.id}" class="keys">${c.keys}</figcaption>
<p class="chart-status" id="status-${c.id}" aria-live="polite"></p>
</figure>
<details data-table="${c.id}"><summary>Data table: ${c.table}</summary><div class="table-wrap"></div></details>
</section>`;
}
const COMMIT_KEYS = 'Keyboard: focus the chart, then ← → move between commits, Home / End go to the first / last, Enter opens the commit.';
function budgetSection(v, id, heading) {
    const used = usedShare(v);
    const fact = (key, label, value, raw) => html `<div><dt>${label}</dt><dd data-fact="${key}"${raw !== undefined && raw !== null ? html ` data-raw="${raw}"` : ''}>${value}</dd></div>`;
    const title = `${v.period === 'month' ? 'Month' : v.period === 'quarter' ? 'Quarter' : 'Year'} ${v.label}: ${metricLabel(v.metric)}`;
    const h = heading === 'h2' ? html `<h2 id="h-${id}">${title}</h2>` : html `<h3 id="h-${id}">${title}</h3>`;
    return html `<section class="budget" id="${id}" aria-labelledby="h-${id}" data-period="${v.period}" data-metric="${v.metric}">
${h}
<dl class="facts">
${fact('spent', `Spent (${count(v.runs)} run${v.runs === 1 ? '' : 's'})`, metricValue(v.spent, v.metric), v.spent)}
${fact('budget', 'Budget', v.max === null ? 'none' : metricValue(v.max, v.metric), v.max)}
${fact('used', 'Used', pct(used), used === null ? null : used * 100)}
${fact('burn', 'Burn rate', html `${metricValue(v.burn_rate_per_day, v.metric)} / day`, v.burn_rate_per_day)}
${fact('forecast', `Forecast at ${v.end.slice(0, 10)}`, metricValue(v.forecast, v.metric), v.forecast)}
${fact('run-out', 'Projected run-out', v.run_out_date ?? (v.max === null ? '—' : 'not this period'), v.run_out_date)}
${fact('status', 'Status', statusBadge(v.status))}
</dl>
${v.budget_from ? html `<p class="muted">Budget from the newest card of scenario ${v.budget_from}${v.warn !== null ? html `; warn level ${metricValue(v.warn, v.metric)}` : ''}. Burn rate = spent ÷ ${fmt(v.elapsed_days)} days elapsed; the run-out date assumes that rate.</p>` : html `<p class="muted">No ${v.period} budget on ${metricLabel(v.metric)} in the newest cards; spending only.</p>`}
${chartSection({
        id: `${id}-chart`,
        title: 'Cumulative spend',
        note: 'Solid: spent so far (end of each UTC day); dashed: the budget and its warn level; dotted: the forecast at the current burn rate.',
        label: `Cumulative ${metricLabel(v.metric)} in ${v.label}: ${metricValue(v.spent, v.metric)} spent${v.max !== null ? ` of ${metricValue(v.max, v.metric)}` : ''}`,
        keys: 'Keyboard: focus the chart, then ← → move between days, Home / End go to the first / last.',
        table: `cumulative spend per day of ${v.label}`,
    }, 'h3')}
${v.by_scenario.length && v.scope === 'team'
        ? html `<div class="table-wrap"><table class="by-scenario"><caption>Spend in ${v.label} by scenario</caption><thead><tr><th scope="col">Scenario</th><th scope="col" class="num">Runs</th><th scope="col" class="num">Spent</th></tr></thead><tbody>${v.by_scenario.map((s) => html `<tr><td class="name">${s.name}</td><td class="num">${count(s.runs)}</td><td class="num" data-raw="${s.spent}">${metricValue(s.spent, v.metric)}</td></tr>`)}</tbody></table></div>`
        : ''}
${v.past.length
        ? html `<details><summary>Earlier periods (${v.past.length})</summary><div class="table-wrap"><table class="past"><thead><tr><th scope="col">Period</th><th scope="col" class="num">Runs</th><th scope="col" class="num">Spent</th>${v.max !== null ? html `<th scope="col" class="num">of today's budget</th>` : ''}</tr></thead><tbody>${v.past.map((p) => html `<tr><td>${p.label}</td><td class="num">${count(p.runs)}</td><td class="num" data-raw="${p.spent}">${metricValue(p.spent, v.metric)}</td>${v.max !== null ? html `<td class="num">${pct(v.max > 0 ? p.spent / v.max : null)}</td>` : ''}</tr>`)}</tbody></table></div></details>`
        : ''}
</section>`;
}
// ---------------------------------------------------------------------------------- scenario
function changesTable(s) {
    if (s.changes.length === 0)
        return html `<p class="muted">No change between consecutive runs yet.</p>`;
    const rows = s.changes.map((c) => html `<tr>
<td>${commitCell(c.linkBase, c.sha, c.pr, c.run_id)}</td>
<td class="num">${utcDay(Date.parse(c.created_at) / 1000)}</td>
<td class="num">${massG(c.from_g)} → ${massG(c.to_g)}</td>
<td class="num" data-raw="${c.delta_pct}">${deltaPct(c.delta_pct)}</td>
<td>${verdictBadge(c.verdict)}</td>
</tr>`);
    return html `<div class="table-wrap"><table id="changes">
<caption>The ${s.changes.length} largest changes of g CO2e per functional unit from one run to the next</caption>
<thead><tr><th scope="col">Commit</th><th scope="col" class="num">Date</th><th scope="col" class="num">g CO2e / FU</th><th scope="col" class="num">Δ</th><th scope="col">Verdict</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}
function scenarioPage(ctx, s) {
    const m = ctx.model;
    const l = s.latest;
    const n = s.runs.length;
    const range = l.per_fu_co2e_g_low !== null && l.per_fu_co2e_g_high !== null ? `${massG(l.per_fu_co2e_g_low)}–${massG(l.per_fu_co2e_g_high)}` : 'not in the card';
    const hasLifetime = s.data.lifetime !== null;
    const main = html `<h1>${s.name}</h1>
<p class="lede">${s.functionalUnit ? html `Functional unit: ${s.functionalUnit}. ` : ''}${s.team !== null && s.teamSlug ? html `Team <a href="../team/${s.teamSlug}.html">${s.team}</a>. ` : ''}${count(n)} run${n === 1 ? '' : 's'}, ${utcDay(Date.parse(s.runs[0].created_at) / 1000)} to ${utcDay(Date.parse(l.created_at) / 1000)}.</p>
<noscript><p>The charts and their data tables need JavaScript; the tables of changes and budgets below do not.</p></noscript>
<dl class="facts">
<div><dt>g CO2e per FU (latest)</dt><dd data-fact="per-fu" data-raw="${l.per_fu_co2e_g}">${massG(l.per_fu_co2e_g)}</dd></div>
<div><dt>Uncertainty range</dt><dd>${range}</dd></div>
<div><dt>Δ vs previous run</dt><dd>${deltaPct(s.deltaPct)}</dd></div>
<div><dt>Verdict (latest)</dt><dd>${verdictBadge(l.verdict)}</dd></div>
<div><dt>Latest commit</dt><dd>${commitCell(s.latestLink, l.sha, l.pr, l.run_id)}</dd></div>
<div><dt>Lifecycle CO2e (latest card)</dt><dd>${massG(l.co2e_kg * 1000)}</dd></div>
</dl>
${chartSection({
        id: 'per-fu',
        title: 'Carbon per functional unit over commits',
        note: 'g CO2e per functional unit of each run, oldest on the left. Band: the card’s uncertainty range (interpretation.uncertainty). Dashed: the per-FU budget and its warn level. Click a point to open its commit.',
        label: `g CO2e per functional unit over ${n} runs; latest ${massG(l.per_fu_co2e_g)}`,
        keys: COMMIT_KEYS,
        table: `per-FU carbon of ${n} run${n === 1 ? '' : 's'}`,
    })}
${chartSection({
        id: 'stage-energy',
        title: 'Energy per stage over commits',
        note: 'Facility energy (IT energy × PUE) of each stage, stacked; the top of the stack is the run’s total.',
        label: `Energy per stage, stacked, over ${n} runs`,
        keys: COMMIT_KEYS,
        table: `energy per stage of ${n} run${n === 1 ? '' : 's'}`,
    })}
${chartSection({
        id: 'stage-co2e',
        title: 'CO2e per stage over commits',
        note: 'Lifecycle CO2e (operational + embodied) of each stage, stacked.',
        label: `CO2e per stage, stacked, over ${n} runs`,
        keys: COMMIT_KEYS,
        table: `CO2e per stage of ${n} run${n === 1 ? '' : 's'}`,
    })}
${hasLifetime
        ? chartSection({
            id: 'lifetime',
            title: 'Lifetime curve of the latest card',
            note: 'g CO2e per functional unit as a function of the inferences the model serves in its life (log scales): up-front carbon (experimentation, training) is amortised over more units as the lifetime grows. Breakeven: where the amortised up-front share equals the per-inference carbon.',
            label: 'Lifetime curve: g CO2e per functional unit against lifetime inferences',
            keys: 'Keyboard: focus the chart, then ← → move between points, Home / End go to the first / last.',
            table: 'lifetime curve points',
        })
        : html `<section aria-labelledby="h-lifetime"><h2 id="h-lifetime">Lifetime curve</h2><p class="muted">The newest cards carry no lifetime curve (interpretation.lifetime_curve).</p></section>`}
${s.budgets.length ? html `<section aria-labelledby="h-scenario-budgets"><h2 id="h-scenario-budgets">Scenario budgets</h2>${s.budgets.map((v, i) => budgetSection(v, `budget-${i}`, 'h3'))}</section>` : ''}
<section aria-labelledby="h-changes">
<h2 id="h-changes">Largest changes</h2>
${changesTable(s)}
</section>`;
    const crumbs = html `<a href="../index.html">${m.title}</a> › <span aria-current="page">${s.name}</span>`;
    return layout(ctx, { title: `${s.name} · ${m.title}`, depth: 1, crumbs, main, data: s.data });
}
// ---------------------------------------------------------------------------------- team
function teamPage(ctx, t) {
    const m = ctx.model;
    const main = html `<h1>Team ${t.name}</h1>
<p class="lede">${count(t.runs)} run${t.runs === 1 ? '' : 's'} of ${t.scenarios.length} scenario${t.scenarios.length === 1 ? '' : 's'}: ${t.scenarios.map((s, i) => html `${i ? ', ' : ''}<a href="../scenario/${s.slug}.html">${s.name}</a>`)}.</p>
<noscript><p>The charts and their data tables need JavaScript; the figures and tables do not.</p></noscript>
${t.views.map((v, i) => budgetSection(v, `budget-${i}`, 'h2'))}`;
    const crumbs = html `<a href="../index.html">${m.title}</a> › <span aria-current="page">Team ${t.name}</span>`;
    return layout(ctx, { title: `Team ${t.name} · ${m.title}`, depth: 1, crumbs, main, data: t.data });
}

// The dashboard's stylesheet (assets/dashboard.css). Light and dark from prefers-color-scheme;
// the chart colours are CSS variables the client reads, so canvas charts follow the scheme too.
//
// Palette: Okabe & Ito, "Color Universal Design" (2008), distinguishable with the common forms of
// colour blindness. Lines keep a 3:1 contrast with their background (WCAG 2.1 SC 1.4.11): the
// main series is blue on light and sky blue on dark; the budget line is vermillion; the warn
// level is the palette's orange darkened to #b36b00 (the original #e69f00 is 2.3:1 on white).
// Lines are told apart by dash pattern and legend text as well, never by colour alone.
const SERIES_COLOURS = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7'];
const OTHER_COLOUR = '#999999';
const DASHBOARD_CSS = `:root {
  color-scheme: light dark;
  --bg: #ffffff;
  --fg: #1b1f24;
  --muted: #57606a;
  --border: #d0d7de;
  --panel: #f6f8fa;
  --link: #0550ae;
  --focus: #0072b2;
  --c-main: #0072b2;
  --c-band: rgba(0, 114, 178, 0.18);
  --c-budget: #d55e00;
  --c-warn: #b36b00;
  --c-projection: #009e73;
  --c-grid: rgba(27, 31, 36, 0.12);
${SERIES_COLOURS.map((c, i) => `  --c-s${i + 1}: ${c};`).join('\n')}
  --c-other: ${OTHER_COLOUR};
  --pass: #1a7f37;
  --warn: #9a6700;
  --fail: #cf222e;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f1419;
    --fg: #e6edf3;
    --muted: #9da7b3;
    --border: #30363d;
    --panel: #161b22;
    --link: #79c0ff;
    --focus: #56b4e9;
    --c-main: #56b4e9;
    --c-band: rgba(86, 180, 233, 0.22);
    --c-grid: rgba(230, 237, 243, 0.14);
    --pass: #3fb950;
    --warn: #d29922;
    --fail: #ff7b72;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body { margin: 0 auto; max-width: 1100px; padding: 0 1rem 2rem; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
a { color: var(--link); }
a:focus-visible, summary:focus-visible, .chart:focus-visible, button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -10000px; }
.skip:focus { left: 1rem; top: 0.5rem; background: var(--bg); padding: 0.25rem 0.5rem; }
header { border-bottom: 1px solid var(--border); padding: 0.75rem 0; margin-bottom: 1rem; }
header nav { font-size: 0.9rem; color: var(--muted); }
h1 { font-size: 1.6rem; margin: 0.5rem 0; overflow-wrap: anywhere; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid var(--border); padding-bottom: 0.25rem; overflow-wrap: anywhere; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
p.lede, .muted { color: var(--muted); }
dl.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: 0.5rem 1.5rem; margin: 1rem 0; }
dl.facts div { background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: 0.5rem 0.75rem; }
dl.facts dt { font-size: 0.8rem; color: var(--muted); }
dl.facts dd { margin: 0; font-size: 1.1rem; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: var(--muted); padding: 0.25rem 0; }
th, td { border-bottom: 1px solid var(--border); padding: 0.35rem 0.6rem; text-align: left; vertical-align: middle; }
th { font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.name { overflow-wrap: anywhere; }
code { font-size: 0.9em; }
.verdict { font-weight: 600; white-space: nowrap; }
.verdict-pass, .status-pass { color: var(--pass); }
.verdict-warn, .status-warn, .verdict-incomplete { color: var(--warn); }
.verdict-fail, .status-fail, .verdict-error { color: var(--fail); }
svg.spark { width: 120px; height: 28px; display: block; }
svg.spark polyline { fill: none; stroke: var(--c-main); stroke-width: 1.5; vector-effect: non-scaling-stroke; }
svg.spark circle { fill: var(--c-main); }
figure { margin: 0.5rem 0 1rem; }
figcaption { color: var(--muted); font-size: 0.9rem; }
.chart { min-height: 300px; border: 1px solid var(--border); border-radius: 6px; padding: 0.25rem; background: var(--bg); }
.chart:focus { outline: none; }
.chart-status { min-height: 1.5em; font-size: 0.9rem; font-variant-numeric: tabular-nums; }
.keys { font-size: 0.85rem; color: var(--muted); }
details { margin: 0.5rem 0; }
details > summary { cursor: pointer; color: var(--link); }
details table { margin-top: 0.5rem; font-size: 0.9rem; }
.warnings li { overflow-wrap: anywhere; }
footer { margin-top: 3rem; border-top: 1px solid var(--border); padding-top: 0.75rem; font-size: 0.85rem; color: var(--muted); }
noscript p { background: var(--panel); padding: 0.5rem; }
/* uPlot's legend and axes follow the page's colours. */
.uplot, .uplot .u-legend { color: var(--fg); font-family: inherit; }
.uplot .u-legend { font-size: 0.85rem; }
.u-select { background: var(--c-band); }
`;

// The static site: every file by its path below the site's root, and writing them. Pure up to
// `writeSite`, which writes through the Io (assets first, the index last, so a reader never
// follows a link to a page that is not there yet).
const LICENSES = (uplot) => `Third-party software in this site

assets/uPlot.iife.min.js, assets/uPlot.min.css: uPlot ${UPLOT_VERSION}, https://github.com/leeoniya/uPlot

${uplot}`;
/** All files of the site for de-duplicated records (oldest first). */
function buildSite(records, warnings, opts) {
    const model = buildModel(records, warnings, opts);
    const ctx = { model, version: opts.version, uplotVersion: UPLOT_VERSION };
    const files = {
        'assets/dashboard.css': DASHBOARD_CSS,
        'assets/dashboard.js': DASHBOARD_JS,
        'assets/uPlot.iife.min.js': UPLOT_JS,
        'assets/uPlot.min.css': UPLOT_CSS,
        'assets/LICENSES.txt': LICENSES(UPLOT_LICENSE),
        // GitHub Pages: serve the files as they are (no Jekyll).
        '.nojekyll': '',
    };
    for (const s of model.scenarios)
        files[`scenario/${s.slug}.html`] = scenarioPage(ctx, s);
    for (const t of model.teams)
        files[`team/${t.slug}.html`] = teamPage(ctx, t);
    files['index.html'] = indexPage(ctx);
    return { model, files };
}
/** Write the site below `outDir`, one folder at a time, the index last. Returns the paths written. */
async function writeSite(outDir, files, io) {
    const byDir = new Map();
    for (const [rel, content] of Object.entries(files)) {
        const dir = path.posix.dirname(rel);
        const group = byDir.get(dir) ?? {};
        group[path.posix.basename(rel)] = content;
        byDir.set(dir, group);
    }
    const order = [...byDir.keys()].sort((a, b) => (a === '.' ? 1 : b === '.' ? -1 : a.localeCompare(b)));
    const written = [];
    for (const dir of order)
        written.push(...(await io.writeFilesAtomic(dir === '.' ? outDir : path.join(outDir, dir), byDir.get(dir))));
    return written;
}

export { MAX_CARD_BYTES as M, buildSite as a, branchReader as b, cleanRepo as c, repoBaseUrl as d, readHistory as r, writeSite as w };
