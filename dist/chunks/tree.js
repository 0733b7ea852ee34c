import { M as ModelCard } from './read.js';
import { c as cardPath, r as readIndex, a as isCardPath, l as labelsOf, b as readTotals, h as historyEntry, d as applyRecords } from './dir.js';

// A baseline card, wherever it came from (history branch, artifact, a committed file), is
// compared only when it is a valid model card of the same scenario and system boundary.
/** Validate a baseline card and check it describes the same scenario and system boundary. */
function accept(text, where, meta, head) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        return { kind: 'none', note: `No baseline: ${where} is not valid JSON; nothing compared.` };
    }
    const r = ModelCard.safeParse(json);
    if (!r.success) {
        const issue = r.error.issues[0];
        const at = issue ? issue.path.map(String).join('.') : '';
        return {
            kind: 'none',
            note: `No baseline: ${where} is not a model card this version can read (${at || 'root'}: ${issue?.message ?? 'invalid'}); nothing compared.`,
        };
    }
    const card = r.data;
    if (card.scenario.name !== head.name) {
        return { kind: 'none', note: `No baseline: ${where} is for scenario "${card.scenario.name}", not "${head.name}"; nothing compared.` };
    }
    const diff = boundaryDifference(card.scenario.boundary, head.boundary);
    if (diff !== null) {
        return { kind: 'none', note: `No baseline: ${where} has another system boundary (${diff}); ISO 14044 compares only like with like, so nothing compared.` };
    }
    return { kind: 'found', card, meta };
}
/** A short description of how two boundaries differ, or null when they are the same sets. */
function boundaryDifference(base, head) {
    const parts = [];
    for (const key of ['stages', 'flows']) {
        const b = new Set(base[key]);
        const h = new Set(head[key]);
        const added = [...h].filter((x) => !b.has(x));
        const removed = [...b].filter((x) => !h.has(x));
        if (added.length)
            parts.push(`${key} added: ${added.join(', ')}`);
        if (removed.length)
            parts.push(`${key} removed: ${removed.join(', ')}`);
    }
    return parts.length ? parts.join('; ') : null;
}

/** An API failure a store reports in words (status and message, never headers). */
class HistoryApiError extends Error {
    status;
    constructor(message, status) {
        super(message);
        this.status = status;
        this.name = 'HistoryApiError';
    }
}
/** One line about any failure, for a warning. */
function describeFailure(e) {
    const msg = e instanceof Error ? e.message : String(e);
    return msg.split('\n')[0]?.slice(0, 300) ?? '';
}

const DEFAULT_MAX_ATTEMPTS = 6;
class TreeHistory {
    backend;
    opts;
    source;
    label;
    cache = new Map();
    constructor(backend, opts = {}) {
        this.backend = backend;
        this.opts = opts;
        this.source = backend.source;
        this.label = backend.label;
    }
    /** Reads of the newest state, each file once per store (a run reads index.json for two purposes). */
    read = (path) => {
        let p = this.cache.get(path);
        if (!p) {
            p = this.backend.latest()(path);
            this.cache.set(path, p);
            p.catch(() => this.cache.delete(path));
        }
        return p;
    };
    async baseline(q) {
        if (q.sha !== null) {
            const path = cardPath(q.scenario, q.sha);
            const text = await this.read(path);
            if (text !== null) {
                return {
                    kind: 'found',
                    text,
                    where: `${path} in ${this.label}`,
                    meta: { source: this.source, ref: q.branch, sha: q.sha, run_id: runIdInCard(text), created_at: null },
                    note: null,
                };
            }
        }
        const index = await readIndex(this.read);
        const newest = index?.latest.find((e) => e.repo === q.repo && e.branch === q.branch && e.scenario === q.scenario);
        if (!newest)
            return { kind: 'none', reason: `no run of ${q.scenario} on ${q.branch} is recorded in ${this.label}` };
        // The index names the card; a path of another shape (edited by hand, or hostile) is not followed.
        if (!isCardPath(newest.card))
            return { kind: 'none', reason: `index.json names ${JSON.stringify(newest.card.slice(0, 120))} as a card, which is not a card path of the layout` };
        const text = await this.read(newest.card);
        if (text === null)
            return { kind: 'none', reason: `${newest.card}, the card of the newest run on ${q.branch}, is missing from ${this.label}` };
        const note = q.sha === null
            ? null
            : `Baseline: the base commit ${q.sha.slice(0, 7)} has no recorded run; compared with the newest recorded run on ${q.branch} (${newest.sha.slice(0, 7)}, run ${newest.run_id}, ${newest.created_at.slice(0, 10)}).`;
        return {
            kind: 'found',
            text,
            where: `${newest.card} in ${this.label}`,
            meta: {
                source: this.source,
                ref: q.branch,
                sha: newest.sha,
                run_id: typeof newest.run_id === 'number' ? newest.run_id : null,
                created_at: newest.created_at,
            },
            note,
        };
    }
    async spending(q) {
        const labels = labelsOf(q.now.toISOString());
        // Two small files whatever the history's length: the index (where the record begins, the
        // newest entries) and this year's totals (month, quarter and year of `now`).
        const [index, totals] = await Promise.all([readIndex(this.read), readTotals(this.read, q.now.getUTCFullYear())]);
        const sums = [];
        for (const label of Object.values(labels)) {
            const block = totals?.periods[label];
            if (!block)
                continue;
            for (const [name, s] of Object.entries(block.teams))
                sums.push({ scope: 'team', name, label, ...copy(s) });
            for (const [name, s] of Object.entries(block.scenarios))
                sums.push({ scope: 'model', name, label, ...copy(s) });
        }
        if (q.excludeRun) {
            // A re-run of a recorded run: its first attempt is this change, not past spending.
            const ex = q.excludeRun;
            for (const e of index?.latest ?? [])
                if (String(e.run_id) === String(ex.id) && e.repo === ex.repo)
                    subtract(sums, e);
        }
        const warnings = [];
        const missing = q.metrics.filter((m) => m !== 'totals.co2e_kg' && sums.some((s) => s.runs > 0 && (s.count[m] ?? 0) < s.runs));
        if (missing.length)
            warnings.push(`history: some recorded runs lack ${missing.join(', ')} (recorded before a budget named it); counted as 0`);
        return { source: this.source, entries: [], sums, size: index?.runs ?? 0, since: index?.since ?? null, warnings };
    }
    async record(records, now) {
        const max = this.opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
        const sleep = this.opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
        const backoff = this.opts.backoffMs ?? ((n) => 500 * n * (0.5 + Math.random()));
        const prepared = records.map((r) => ({ entry: historyEntry(r, now), card: r.card }));
        const message = commitMessage(prepared.map((p) => p.entry));
        let warnings = [];
        for (let attempt = 1; attempt <= max; attempt++) {
            try {
                const head = await this.backend.head();
                const applied = await applyRecords(head === null ? async () => null : this.backend.at(head), prepared, now);
                warnings = applied.warnings;
                const r = await this.backend.commit(head, applied.files, message);
                if (r.ok) {
                    this.cache.clear();
                    return { kind: 'recorded', version: r.version, attempts: attempt, replaced: applied.replaced.length, warnings };
                }
                this.opts.log?.(`history: ${this.label} moved while recording (another run recorded first); reading it again (try ${attempt + 1}/${max})`);
            }
            catch (e) {
                return { kind: 'failed', reason: describeFailure(e), attempts: attempt, warnings };
            }
            if (attempt < max)
                await sleep(backoff(attempt));
        }
        return { kind: 'failed', reason: `${this.label} kept moving: ${max} tries, each overtaken by another run`, attempts: max, warnings };
    }
}
function copy(s) {
    return { runs: s.runs, sum: { ...s.sum }, count: { ...s.count } };
}
/** Take one entry out of the sums it was counted in (its scenario and its team, each period). */
function subtract(sums, e) {
    const labels = new Set(Object.values(labelsOf(e.created_at)));
    const values = { ...e.metrics, 'totals.co2e_kg': e.co2e_kg };
    for (const s of sums) {
        if (!labels.has(s.label))
            continue;
        if (!((s.scope === 'model' && s.name === e.scenario) || (s.scope === 'team' && s.name === e.team)))
            continue;
        const sum = { ...s.sum };
        const count = { ...s.count };
        for (const [k, v] of Object.entries(values)) {
            if (sum[k] === undefined)
                continue;
            sum[k] -= v;
            count[k] = Math.max(0, (count[k] ?? 0) - 1);
        }
        Object.assign(s, { runs: Math.max(0, s.runs - 1), sum, count });
    }
}
/** The run id a card carries in `extensions.github` (written by the action), read leniently. */
function runIdInCard(text) {
    try {
        const v = JSON.parse(text);
        const gh = v?.extensions?.github;
        return typeof gh?.run_id === 'number' ? gh.run_id : null;
    }
    catch {
        return null;
    }
}
function commitMessage(entries) {
    const first = entries[0];
    if (!first)
        return 'ml-lca: record';
    const names = [...new Set(entries.map((e) => e.scenario))].join(', ');
    return `ml-lca: record run ${first.run_id} (attempt ${first.attempt}) of ${first.repo}@${first.sha.slice(0, 7)}: ${names}`;
}

export { HistoryApiError as H, TreeHistory as T, accept as a, describeFailure as d };
