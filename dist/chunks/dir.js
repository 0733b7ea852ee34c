import path from 'node:path';
import { a3 as UtcInstant, aj as RunId, p as periodOf, e as entryFromCard } from './read.js';
import { e as strictObject, s as string, r as record, n as number, o as object, l as literal, a as array } from './schemas.js';

// A name (scenario, matrix value) as a file-name-safe segment: artifact names, ml-lca-out/NAME,
// and the history branch's paths (history/layout.ts) all use the same rule.
/**
 * Characters of a name that may go into an artifact name, a directory or a file name. No
 * leading dot: a name like `..` (a card from a fork's artifact, say) must not climb out of
 * the directory it is put in.
 */
function slug(name) {
    const s = name
        .normalize('NFKC')
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/^[.-]+|-+$/g, '')
        .slice(0, 100);
    return s === '' ? 'scenario' : s;
}

// The history's files (the `ml-lca-data` branch, or a local checkout of it). These zod schemas
// are the single source of the types, and the published contract of the layout: the dashboard
// (issue 18) and anyone auditing a ledger read the same files. Layout and rules: layout.ts and
// docs/history.md.
/** `schema` of every JSON file of layout version 1; a reader refuses any other. */
const HISTORY_SCHEMA = 'ml-lca-history/1';
/** One recorded run of one scenario: a line of `v1/runs/<scenario>/<YYYY-MM>.jsonl`. */
const HistoryEntry = strictObject({
    run_id: RunId.meta({ description: 'GitHub Actions run id; with repo and scenario, the key of the entry (a re-run replaces it)' }),
    attempt: number().int().min(1).meta({ description: 'Run attempt that wrote the entry (GITHUB_RUN_ATTEMPT)' }),
    repo: string().min(1).meta({ description: 'owner/name of the repository the run belongs to' }),
    branch: string().min(1).meta({ description: 'Branch the run assessed (the default branch)' }),
    sha: string().min(1).meta({ description: 'Commit the run assessed' }),
    created_at: UtcInstant.meta({ description: "The run's created_at (UTC): the date the run counts in for period budgets" }),
    scenario: string().min(1).meta({ description: 'Scenario (model) name' }),
    team: string().min(1).nullable().meta({ description: 'Team that owns the scenario, or null' }),
    job: string().nullable().default(null).meta({ description: 'Job (and matrix values) that assessed it' }),
    verdict: string().min(1).meta({ description: 'Verdict of the card: pass | warn | fail | incomplete' }),
    tool_version: string().meta({ description: 'ml-lca version that wrote the card' }),
    co2e_kg: number().nonnegative().meta({ description: 'totals.co2e_kg of the card (kg CO2e), what period budgets sum by default' }),
    metrics: record(string(), number()).meta({ description: 'Headline card values by path: totals.*, per_functional_unit.*, lifetime.*' }),
    card: string().min(1).meta({ description: 'Path of the full model card in the history' }),
    recorded_at: UtcInstant.meta({ description: 'When the entry was written' }),
})
    .meta({ description: 'One recorded run of one scenario (a line of v1/runs/SCENARIO/YYYY-MM.jsonl)' });
/** Running sums of one team or scenario in one period. */
const PeriodSum = object({
    runs: number().int().nonnegative().meta({ description: 'Entries counted' }),
    sum: record(string(), number()).meta({ description: 'Sum of each metric over the entries that have it' }),
    count: record(string(), number().int().nonnegative()).meta({ description: 'How many entries have each metric' }),
});
const PeriodBlock = object({
    teams: record(string(), PeriodSum),
    scenarios: record(string(), PeriodSum),
});
/** `v1/totals/<YYYY>.json`: running sums per team and per scenario for the year, its quarters and months. */
const TotalsFile = object({
    schema: literal(HISTORY_SCHEMA),
    year: number().int(),
    periods: record(string(), PeriodBlock).meta({ description: 'By period label: 2026, 2026-Q1, 2026-03' }),
})
    .meta({ description: 'Running totals of one UTC year (v1/totals/YYYY.json), updated in the commit that adds an entry' });
/** `v1/index.json`: small, read first. */
const IndexFile = object({
    schema: literal(HISTORY_SCHEMA),
    updated_at: UtcInstant,
    runs: number().int().nonnegative().meta({ description: 'Entries recorded (all scenarios, all time)' }),
    since: UtcInstant.nullable().meta({
        description: 'created_at of the oldest entry: spending before it (from before the history existed) is not in the totals',
    }),
    years: array(number().int()).meta({ description: 'Years that have a totals file' }),
    latest: array(HistoryEntry).meta({ description: 'Newest entry per repository, branch and scenario (the baseline when the base commit has none)' }),
})
    .meta({ description: 'Index of the history (v1/index.json)' });

// The history layout (version 1) and the pure rules that read and update it. Every store
// (the git branch, a local checkout, memory) shares these, so a checkout of the branch is
// read exactly as the action reads it.
//
//   README.md                                   what this branch is (written with the first entry)
//   v1/index.json                               IndexFile: entry count, years, newest entry per repo/branch/scenario
//   v1/totals/<YYYY>.json                       TotalsFile: running sums per team and scenario per month, quarter, year
//   v1/runs/<scenario>/<YYYY-MM>.jsonl          HistoryEntry lines, one per run and scenario, by the run's created_at
//   v1/cards/<scenario>/<sha[0:2]>/<sha>.json   the full model card of the newest run at that commit
//
// Why this shape: a pull request needs its baseline and the period's spending. The card of its
// base commit sits at a path computed from the commit (one read); the newest entry of its base
// branch is in index.json (one read, then the card); the spending of the current month, quarter
// and year is one totals file. None of these reads grows with the number of runs recorded. The
// JSONL files are the record itself (what `ml-lca ledger DIR` audits); index and totals are
// derived from them and rewritten in the same commit as each entry.
const LAYOUT = 'v1';
const INDEX_PATH = `${LAYOUT}/index.json`;
const README_PATH = 'README.md';
/** A scenario's directory name (the entry keeps the exact name; two names may share a slug). */
const scenarioDir = (scenario) => slug(scenario);
const totalsPath = (year) => `${LAYOUT}/totals/${year}.json`;
const runsPath = (scenario, createdAt) => `${LAYOUT}/runs/${scenarioDir(scenario)}/${createdAt.slice(0, 7)}.jsonl`;
/** Commit SHAs are hex; anything else (a ref name from a test, a tag) is reduced to a safe segment. */
function cardPath(scenario, sha) {
    const s = /^[0-9a-f]{7,64}$/i.test(sha) ? sha.toLowerCase() : slug(sha);
    return `${LAYOUT}/cards/${scenarioDir(scenario)}/${s.slice(0, 2)}/${s}.json`;
}
/** Whether a path has the shape cardPath gives (safe to follow from index.json: no `..`, no absolute path). */
function isCardPath(p) {
    return /^v1\/cards\/[A-Za-z0-9_-][A-Za-z0-9._-]*\/[A-Za-z0-9_-][A-Za-z0-9._-]*\/[A-Za-z0-9_-][A-Za-z0-9._-]*\.json$/.test(p);
}
function historyEntry(r, recordedAt) {
    // entryFromCard keeps the headline blocks (totals, per functional unit, lifetime) + extra metrics.
    const base = entryFromCard(r.card, { run_id: r.run.id, sha: r.run.sha, created_at: r.run.created_at, source: '' }, r.extraMetrics);
    return HistoryEntry.parse({
        run_id: r.run.id,
        attempt: r.run.attempt,
        repo: r.run.repo,
        branch: r.run.branch,
        sha: r.run.sha,
        created_at: base.created_at,
        scenario: r.card.scenario.name,
        team: r.card.scenario.team ?? null,
        job: r.run.job,
        verdict: r.card.verdict,
        tool_version: r.card.tool.version,
        co2e_kg: base.co2e_kg,
        metrics: base.metrics,
        card: cardPath(r.card.scenario.name, r.run.sha),
        recorded_at: recordedAt.toISOString(),
    });
}
/** The same run of the same scenario in the same repository: a re-run replaces it. */
const sameRun = (a, b) => String(a.run_id) === String(b.run_id) && a.repo === b.repo && a.scenario === b.scenario;
// ---------- reading
class HistoryFormatError extends Error {
    file;
    constructor(file, detail) {
        super(`${file}: ${detail}`);
        this.file = file;
        this.name = 'HistoryFormatError';
    }
}
function parseJson(text, file, schema) {
    let v;
    try {
        v = JSON.parse(text);
    }
    catch {
        throw new HistoryFormatError(file, 'not JSON');
    }
    if (v && typeof v === 'object' && 'schema' in v && v.schema !== HISTORY_SCHEMA) {
        throw new HistoryFormatError(file, `layout ${JSON.stringify(v.schema)}, this ml-lca reads ${HISTORY_SCHEMA} (upgrade ml-lca)`);
    }
    const r = schema.safeParse(v);
    if (!r.success) {
        const i = r.error.issues[0];
        throw new HistoryFormatError(file, `${i ? `${i.path.map(String).join('.') || '(root)'}: ${i.message}` : 'invalid'}`);
    }
    return r.data;
}
async function readIndex(read) {
    const text = await read(INDEX_PATH);
    return text === null ? null : parseJson(text, INDEX_PATH, IndexFile);
}
async function readTotals(read, year) {
    const file = totalsPath(year);
    const text = await read(file);
    return text === null ? null : parseJson(text, file, TotalsFile);
}
/** Entries of a JSONL file; lines that are not entries are returned apart (kept verbatim on rewrite). */
function parseRunsFile(text) {
    const entries = [];
    const foreign = [];
    for (const line of text.split('\n')) {
        if (line.trim() === '')
            continue;
        let v;
        try {
            v = JSON.parse(line);
        }
        catch {
            foreign.push(line);
            continue;
        }
        const r = HistoryEntry.safeParse(v);
        if (r.success)
            entries.push(r.data);
        else
            foreign.push(line);
    }
    return { entries, foreign };
}
/** The period labels a date falls in: month, quarter, year. */
function labelsOf(createdAt) {
    return { month: periodOf(createdAt, 'month').label, quarter: periodOf(createdAt, 'quarter').label, year: periodOf(createdAt, 'year').label };
}
// ---------- updating
/** An entry's metric values as the totals sum them (co2e_kg is totals.co2e_kg, clamped at 0). */
function valuesOf(e) {
    return { ...e.metrics, 'totals.co2e_kg': e.co2e_kg };
}
function addTo(s, e, sign) {
    s.runs += sign;
    for (const [k, v] of Object.entries(valuesOf(e))) {
        s.sum[k] = (s.sum[k] ?? 0) + sign * v;
        s.count[k] = (s.count[k] ?? 0) + sign;
        if (s.count[k] === 0) {
            // Nothing left: drop the key rather than keep float dust (0.1 + 0.2 - 0.2 - 0.1).
            delete s.sum[k];
            delete s.count[k];
        }
    }
}
function applyToTotals(t, e, sign) {
    for (const label of Object.values(labelsOf(e.created_at))) {
        const block = (t.periods[label] ??= { teams: {}, scenarios: {} });
        const targets = [[block.scenarios, e.scenario]];
        if (e.team !== null)
            targets.push([block.teams, e.team]);
        for (const [map, name] of targets) {
            const s = (map[name] ??= { runs: 0, sum: {}, count: {} });
            addTo(s, e, sign);
            if (s.runs <= 0)
                delete map[name];
        }
    }
}
/**
 * The files that change when `records` are added to the history as `read` sees it. Pure apart
 * from the reads. A run already recorded (same repo, run id and scenario) is replaced: its
 * entry, its share of the totals, and (when it is still the newest) its place in the index.
 */
async function applyRecords(read, records, now) {
    const files = new Map();
    const warnings = [];
    const replaced = [];
    const existing = await readIndex(read);
    const index = existing ?? { schema: HISTORY_SCHEMA, updated_at: now.toISOString(), runs: 0, since: null, years: [], latest: [] };
    const totals = new Map();
    const totalsOf = async (year) => {
        let t = totals.get(year);
        if (!t) {
            t = (await readTotals(read, year)) ?? { schema: HISTORY_SCHEMA, year, periods: {} };
            totals.set(year, t);
        }
        return t;
    };
    const runFiles = new Map();
    for (const { entry, card } of records) {
        const file = runsPath(entry.scenario, entry.created_at);
        let rf = runFiles.get(file);
        if (!rf) {
            const text = await read(file);
            rf = text === null ? { entries: [], foreign: [] } : parseRunsFile(text);
            if (rf.foreign.length)
                warnings.push(`${file}: ${rf.foreign.length} line(s) that are not entries kept as they are`);
            runFiles.set(file, rf);
        }
        const at = rf.entries.findIndex((x) => sameRun(x, entry));
        const old = at >= 0 ? rf.entries[at] : undefined;
        if (old) {
            rf.entries[at] = entry;
            replaced.push(old);
            applyToTotals(await totalsOf(Number(old.created_at.slice(0, 4))), old, -1);
            if (old.job !== entry.job && old.job !== null && entry.job !== null) {
                warnings.push(`run ${entry.run_id}: scenario ${entry.scenario} was recorded by job ${old.job} and again by ${entry.job}; the later replaces the earlier (give each matrix job its own scenario name)`);
            }
        }
        else {
            rf.entries.push(entry);
            index.runs += 1;
        }
        const year = Number(entry.created_at.slice(0, 4));
        applyToTotals(await totalsOf(year), entry, 1);
        if (!index.years.includes(year))
            index.years = [...index.years, year].sort((a, b) => a - b);
        updateLatest(index, entry);
        if (index.since === null || Date.parse(entry.created_at) < Date.parse(index.since))
            index.since = entry.created_at;
        files.set(entry.card, `${JSON.stringify(card, null, 2)}\n`);
    }
    index.updated_at = now.toISOString();
    for (const [file, rf] of runFiles)
        files.set(file, [...rf.foreign, ...rf.entries.map((e) => JSON.stringify(e))].join('\n') + '\n');
    for (const [year, t] of totals)
        files.set(totalsPath(year), `${JSON.stringify(sortTotals(t), null, 1)}\n`);
    files.set(INDEX_PATH, `${JSON.stringify(index, null, 1)}\n`);
    // The first entry creates the history: say what it is to whoever finds the branch.
    if (existing === null && (await read(README_PATH)) === null)
        files.set(README_PATH, BRANCH_README);
    return { files, replaced, warnings };
}
/** The newest entry per repo, branch and scenario; a re-run of an older run does not displace a newer one. */
function updateLatest(index, e) {
    const i = index.latest.findIndex((x) => x.repo === e.repo && x.branch === e.branch && x.scenario === e.scenario);
    const cur = i >= 0 ? index.latest[i] : undefined;
    if (!cur)
        index.latest.push(e);
    else if (sameRun(cur, e) || Date.parse(e.created_at) >= Date.parse(cur.created_at))
        index.latest[i] = e;
    index.latest.sort((a, b) => a.repo.localeCompare(b.repo) || a.branch.localeCompare(b.branch) || a.scenario.localeCompare(b.scenario));
}
/** Periods in label order (2026, 2026-01, ..., 2026-Q1, ...), names sorted: stable diffs. */
function sortTotals(t) {
    const sortRec = (r) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)));
    const periods = Object.fromEntries(Object.entries(t.periods)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([label, b]) => [label, { teams: sortRec(b.teams), scenarios: sortRec(b.scenarios) }]));
    return { ...t, periods };
}
/**
 * Totals rebuilt from entries alone: what the running totals must equal (tests; and a repair
 * if someone edits the JSONL files by hand).
 */
function totalsFromEntries(entries) {
    const out = new Map();
    for (const e of entries) {
        const year = Number(e.created_at.slice(0, 4));
        const t = out.get(year) ?? { schema: HISTORY_SCHEMA, year, periods: {} };
        applyToTotals(t, e, 1);
        out.set(year, t);
    }
    for (const [y, t] of out)
        out.set(y, sortTotals(t));
    return out;
}
const BRANCH_README = `# ml-lca history

This branch is written by the ml-lca GitHub Action: one entry per successful assessment of a
push to the default branch, committed through the GitHub API. Do not merge it into your code.

- \`v1/runs/<scenario>/<YYYY-MM>.jsonl\`: one JSON object per run and scenario (run id, attempt,
  repository, branch, commit, the run's created_at, team, verdict, headline metrics, tool
  version, path of the card). This is the record; everything else is derived from it.
- \`v1/cards/<scenario>/<sha[0:2]>/<sha>.json\`: the full model card of the newest run at that commit.
- \`v1/totals/<YYYY>.json\`: running sums per team and per scenario for the year, each quarter
  and each month (UTC), updated in the same commit as each entry.
- \`v1/index.json\`: the newest entry per repository, branch and scenario.

Audit it offline from a checkout: \`ml-lca ledger . --period quarter\`, and
\`ml-lca compare . model-card.json\` compares a card with its baseline here.
`;

// The history as files on a disk or in memory, for tree.ts: a local checkout of the branch (or
// a directory copy: `git worktree add ../ledger ml-lca-data`, or the branch's zip), read by the
// CLI exactly as the action reads the branch; and a memory tree for tests and the benchmark.
// The JSONL files are the record: `historyEntries` reads every entry back, so a ledger can be
// audited offline against the totals the action used.
/** A read-only checkout or copy of the history branch. */
class DirBackend {
    dir;
    io;
    source;
    label;
    constructor(dir, io) {
        this.dir = dir;
        this.io = io;
        this.source = `dir:${dir}`;
        this.label = `history directory ${dir}`;
    }
    latest() {
        return async (rel) => {
            const file = path.join(this.dir, ...rel.split('/'));
            return (await this.io.size(file)) === null ? null : this.io.readText(file);
        };
    }
    at() {
        return this.latest();
    }
    async head() {
        return 'working-tree';
    }
    async commit() {
        throw new Error(`${this.label} is read-only here: the action records runs through the GitHub API`);
    }
}
/** Whether `dir` holds the history layout (its index), so the CLI reads it as a history. */
async function isHistoryDir(dir, io) {
    return (await io.size(path.join(dir, ...INDEX_PATH.split('/')))) !== null;
}
/**
 * Every entry of a history directory, oldest first, as ledger entries (`ml-lca ledger DIR`).
 * Lines that are not entries are counted in a warning, never guessed at.
 */
async function historyEntries(dir, io) {
    const files = await io.glob([`${LAYOUT}/runs/**/*.jsonl`], dir);
    const entries = [];
    const ledger = [];
    const warnings = [];
    for (const file of files) {
        const rel = path.relative(dir, file).split(path.sep).join('/');
        const { entries: got, foreign } = parseRunsFile(await io.readText(file));
        if (foreign.length)
            warnings.push(`${rel}: ${foreign.length} line(s) that are not history entries skipped`);
        got.forEach((e, i) => {
            entries.push(e);
            ledger.push(toLedgerEntry(e, `${rel}:${i + 1}`));
        });
    }
    const order = (a, b) => a.created_at.localeCompare(b.created_at);
    return { entries: entries.sort(order), ledger: ledger.sort(order), warnings };
}
/**
 * Whether the running totals files (what the action read) agree with the entries (the record):
 * one line per disagreement, none when they agree. A hand edit or a lost write shows up here.
 */
async function auditTotals(dir, entries, io, maxLines = 10) {
    const read = new DirBackend(dir, io).latest();
    const rebuilt = totalsFromEntries(entries);
    const out = [];
    const close = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
    const years = new Set([...rebuilt.keys()]);
    for (const y of (await io.glob([`${LAYOUT}/totals/*.json`], dir)).map((f) => Number(path.basename(f, '.json'))))
        if (Number.isInteger(y))
            years.add(y);
    for (const year of [...years].sort()) {
        const stored = await readTotals(read, year);
        const want = rebuilt.get(year);
        const labels = new Set([...Object.keys(stored?.periods ?? {}), ...Object.keys(want?.periods ?? {})]);
        for (const label of [...labels].sort()) {
            for (const scope of ['teams', 'scenarios']) {
                const a = stored?.periods[label]?.[scope] ?? {};
                const b = want?.periods[label]?.[scope] ?? {};
                for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
                    const sa = a[name];
                    const sb = b[name];
                    const kg = (s) => s?.sum['totals.co2e_kg'] ?? 0;
                    if ((sa?.runs ?? 0) !== (sb?.runs ?? 0) || !close(kg(sa), kg(sb))) {
                        out.push(`totals ${label} ${scope === 'teams' ? 'team' : 'scenario'} ${name}: the totals file says ${sa?.runs ?? 0} run(s), ${kg(sa)} kg; the entries say ${sb?.runs ?? 0}, ${kg(sb)} kg`);
                    }
                }
            }
        }
    }
    if (out.length > maxLines)
        return [...out.slice(0, maxLines), `${out.length - maxLines} more disagreement(s) between totals and entries`];
    return out;
}
/** A history entry as the ledger counts it (period budgets, `ml-lca ledger`). */
function toLedgerEntry(e, source) {
    return { run_id: e.run_id, sha: e.sha, created_at: e.created_at, scenario: e.scenario, team: e.team, co2e_kg: e.co2e_kg, metrics: e.metrics, source };
}

export { DirBackend as D, isCardPath as a, readTotals as b, cardPath as c, applyRecords as d, historyEntries as e, auditTotals as f, historyEntry as h, isHistoryDir as i, labelsOf as l, readIndex as r, slug as s };
