#!/usr/bin/env node
import { n as nodeIo } from './chunks/io.js';
import { I as InputError, f as formatError } from './chunks/errors.js';
import { p as packageVersion } from './chunks/package-root.js';
import { e as escapeLogLine } from './chunks/log-line.js';
import 'node:fs';
import 'node:path';
import 'node:url';

// The CLI's dispatch: one entry per command, each loaded with a dynamic import so that
// `ml-lca ingest` never loads the report or GitHub code. Returns the exit code; the entry
// (src/cli.ts) is the only place that touches process.
const COMMANDS = {
    report: {
        usage: 'report  --scenario FILE [--log [STAGE=]FILE_OR_GLOB]... [--baseline CARD.json] [--out DIR] [--budget-mode fail|warn|off]',
        summary: 'assess a scenario: writes DIR/model-card.json and DIR/report.md (default DIR ./ml-lca-out)',
        load: async () => (await import('./chunks/report.js')).reportCommand,
    },
    ingest: {
        usage: 'ingest  FILE_OR_GLOB... [--json] [--interval SECONDS] [--gap SECONDS] [--hardware MODEL]',
        summary: 'read energy logs (format detected per file) and print what they hold',
        load: async () => (await import('./chunks/ingest.js')).ingestCommand,
    },
    compare: {
        usage: 'compare BASE_CARD.json|HISTORY_DIR HEAD_CARD.json [--json | --markdown] [--sha SHA] [--branch NAME] [--repo OWNER/NAME]',
        summary: 'compare two model cards metric by metric (BASE may be a checkout of the history branch)',
        load: async () => (await import('./chunks/compare.js')).compareCommand,
    },
    ledger: {
        usage: 'ledger  DIR_OR_JSONL [--json] [--period month|quarter|year] [--budget KG] [--team NAME]',
        summary: 'spending per team and model per period, against a period budget (DIR may be a checkout of the history branch)',
        load: async () => (await import('./chunks/ledger.js')).ledgerCommand,
    },
    data: {
        usage: 'data    [grid|hardware|hosts|facility|datasets] [FILTER...] [--year YEAR] [--json]',
        summary: 'list the bundled reference data (regions, hardware, host servers, facility defaults) with values, years and sources',
        load: async () => (await import('./chunks/data.js')).dataCommand,
    },
    measure: {
        usage: 'measure [--interval SECONDS] [--out FILE] -- COMMAND [ARGS...] | measure start [--out FILE] [--state DIR] | measure stop [--state DIR]',
        summary: 'run a command while sampling GPU (nvidia-smi), CPU and memory power into a log ml-lca reads; start/stop: in the background',
        load: async () => (await import('./chunks/measure.js')).measureCommand,
    },
    demo: {
        usage: 'demo    [--out DIR]',
        summary: 'run the bundled chat-model example end to end (no network, no token)',
        load: async () => (await import('./chunks/demo.js')).demoCommand,
    },
    'hf-card': {
        usage: 'hf-card --card CARD.json README.md',
        summary: "write the card's Hugging Face co2_eq_emissions block into a model README's YAML front matter (the rest kept byte for byte)",
        load: async () => (await import('./chunks/hf-card.js')).hfCardCommand,
    },
    dashboard: {
        usage: 'dashboard --history DIR --out SITE [--repo OWNER/NAME] [--server-url URL] [--title TEXT] [--as-of DATE]',
        summary: 'a static carbon dashboard of the history (trends, stages, lifetime, team budgets); opens from file:// or GitHub Pages',
        load: async () => (await import('./chunks/dashboard.js')).dashboardCommand,
    },
};
function usage() {
    const lines = Object.values(COMMANDS).map((c) => `  ml-lca ${c.usage}\n      ${c.summary}`);
    return [
        'ml-lca: life cycle assessment (ISO 14040/14044) of ML models from measured energy logs',
        '',
        'Usage:',
        ...lines,
        '',
        'Exit codes: 0 pass or warn, 1 a budget failed or the assessment is incomplete (budget-mode fail), 2 bad input.',
        'Options: --help, --version',
    ].join('\n');
}
async function runCli(argv, io) {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
        io.stdout(usage());
        return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-V') {
        io.stdout(packageVersion());
        return 0;
    }
    const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    try {
        if (!entry) {
            throw new InputError({ code: 'BAD_FLAG', expected: `a command: ${Object.keys(COMMANDS).join(', ')}`, got: JSON.stringify(name) });
        }
        // Flags after `--` belong to the command `measure` runs, not to ml-lca.
        const own = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
        if (own.includes('--help') || own.includes('-h')) {
            io.stdout(`Usage: ml-lca ${entry.usage}\n  ${entry.summary}`);
            return 0;
        }
        return await (await entry.load())(rest, io);
    }
    catch (e) {
        // One line, no stack, for user errors and our bugs alike ("internal error: ..."); both exit 2,
        // the contract's code for "nothing was assessed".
        io.log(formatError(e));
        return 2;
    }
}

// CLI entry (`node dist/cli.js`, `npx ml-lca`): builds the real I/O and sets the exit code.
// The only CLI file that touches process; everything else is in src/cli/main.ts.
// A reader that stops early (`ml-lca ingest big.csv --json | head`) closes the pipe: that is
// not an error of ours, so exit quietly instead of dying on an unhandled EPIPE with a stack trace.
process.stdout.on('error', (e) => {
    if (e.code === 'EPIPE')
        process.exit(process.exitCode ?? 0);
    throw e;
});
// stderr lines quote input (paths, log labels, scenario values): one line each, no workflow
// command when the CLI runs in a GitHub Actions step.
const io = {
    ...nodeIo({ log: (m) => process.stderr.write(`${escapeLogLine(m)}\n`) }),
    stdout: (line) => process.stdout.write(`${line}\n`),
    cwd: process.cwd(),
    env: process.env,
};
process.exitCode = await runCli(process.argv.slice(2), io);
