import path from 'node:path';
import { I as InputError, s as shortValue } from './errors.js';
import { r as readHistory, a as buildSite, w as writeSite, c as cleanRepo, d as repoBaseUrl } from './site.js';
import { a3 as UtcInstant } from './read.js';
import { p as parseFlags, r as requiredFlag } from './args.js';
import { c as checkOutDir, m as makeOutDir } from './out-dir.js';
import { p as packageVersion } from './package-root.js';
import './dir.js';
import './schemas.js';
import 'node:crypto';
import './totals.js';
import './index.js';
import 'node:util';
import 'node:fs';
import 'node:url';

// `ml-lca dashboard --history DIR --out SITE [--repo OWNER/NAME] [--server-url URL] [--title TEXT] [--as-of DATE]`:
// a static site of the history (trend per scenario, stages, lifetime, team budgets) that opens
// from file:// or GitHub Pages with no network. Exit 2 on bad input; cards that are not usable
// are skipped with a message naming the file (also listed on the site's index).
const USAGE = 'ml-lca dashboard --history DIR --out SITE [--repo OWNER/NAME] [--server-url URL] [--title TEXT] [--as-of DATE]';
/** Skipped files named on the terminal; the rest are counted (all are listed on the site). */
const MAX_LOGGED_WARNINGS = 10;
async function dashboardCommand(argv, io) {
    const { values } = parseFlags('dashboard', argv, {
        history: { type: 'string' },
        out: { type: 'string' },
        repo: { type: 'string' },
        'server-url': { type: 'string' },
        title: { type: 'string' },
        'as-of': { type: 'string' },
    }, { min: 0, max: 0, usage: USAGE });
    const history = path.resolve(io.cwd, requiredFlag('dashboard', 'history', values.history, 'DIR (model cards, or a checkout of the history branch)'));
    const out = path.resolve(io.cwd, values.out ?? 'ml-lca-site');
    const links = linksFlag(values.repo ?? io.env?.GITHUB_REPOSITORY, values['server-url'] ?? io.env?.GITHUB_SERVER_URL ?? 'https://github.com', values.repo !== undefined);
    const now = asOfFlag(values['as-of']) ?? io.now();
    const title = (values.title ?? 'ml-lca carbon dashboard').trim().slice(0, 200) || 'ml-lca carbon dashboard';
    // An unusable --out exits 2 before thousands of cards are read (issue 12's output-path rule).
    await checkOutDir(out, ['index.html', '.nojekyll'], 'ml-lca dashboard --out');
    const read = await readHistory(history, io);
    const logged = read.warnings.slice(0, MAX_LOGGED_WARNINGS);
    for (const w of logged)
        io.log(`ml-lca dashboard: ${w}`);
    if (read.warnings.length > logged.length)
        io.log(`ml-lca dashboard: ${read.warnings.length - logged.length} more note(s), listed on the index page`);
    const site = buildSite(read.records, read.warnings, { now, links, title, version: packageVersion() });
    await makeOutDir(out, 'ml-lca dashboard --out');
    await writeSite(out, site.files, io);
    const m = site.model;
    io.stdout(`ml-lca dashboard: wrote ${path.join(out, 'index.html')}: ${m.totalRuns} run(s) of ${m.scenarios.length} scenario(s), ${m.teams.length} team(s), ${Object.keys(site.files).length} files`);
    return 0;
}
/**
 * `--repo OWNER/NAME` (or GITHUB_REPOSITORY) and the server: where commit links go. A run of a
 * shared history that names another repository of the same owner links there (links.ts).
 */
function linksFlag(repo, serverUrl, explicit) {
    if (repo === undefined || repo.trim() === '')
        return null;
    const server = serverUrl.trim();
    const name = cleanRepo(repo);
    if (name !== null && repoBaseUrl(server, name) !== null)
        return { server, repo: name };
    if (!explicit)
        return null; // a strange GITHUB_REPOSITORY only costs the links
    const badServer = repoBaseUrl(server, 'owner/name') === null;
    throw new InputError({
        code: 'BAD_FLAG',
        field: `ml-lca dashboard ${badServer ? '--server-url' : '--repo'}`,
        expected: badServer ? 'the http(s) URL of the GitHub server, without credentials, query or fragment' : 'OWNER/NAME of a GitHub repository',
        got: shortValue(badServer ? serverUrl : repo),
    });
}
function asOfFlag(v) {
    if (v === undefined)
        return null;
    const p = UtcInstant.safeParse(v.trim());
    if (!p.success) {
        throw new InputError({
            code: 'BAD_FLAG',
            field: 'ml-lca dashboard --as-of',
            expected: 'a date or an ISO 8601 time with a zone, e.g. 2026-03-31T12:00:00Z',
            got: shortValue(v),
        });
    }
    return new Date(p.data);
}

export { dashboardCommand };
