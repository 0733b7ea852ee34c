import { I as InputError } from './errors.js';
import path from 'node:path';
import { i as ingestPatterns, a as ingestFile } from './index3.js';
import { p as parseFlags } from './args.js';
import { e as escapeLogLine } from './log-line.js';
import './io.js';
import 'node:fs';
import './schemas.js';
import 'node:util';

// `ml-lca ingest FILE_OR_GLOB... [--json] [--interval SECONDS] [--gap SECONDS] [--hardware MODEL]`
// Reads each log (format detected from content), prints one SOURCE per file: JSON
// (`{ "sources": [...] }`, design.md) or a short human summary. Imports only the ingest core
// (no report, no GitHub), so start-up stays small for large logs.
const USAGE = 'ml-lca ingest FILE_OR_GLOB... [--json] [--interval SECONDS] [--gap SECONDS] [--hardware MODEL]';
function positiveFlag(flag, value) {
    if (value === undefined)
        return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) {
        throw new InputError({ code: 'BAD_FLAG', field: `ingest --${flag}`, expected: 'a number of seconds > 0', got: JSON.stringify(value) });
    }
    return n;
}
const num = (x, unit, digits = 4) => (x === null ? 'n/a' : `${Number(x.toPrecision(digits))} ${unit}`);
/** Human lines for one SOURCE; each is one safe log line (paths and device names come from the files). */
function summarise(s) {
    return summaryLines(s).map(escapeLogLine);
}
function summaryLines(s) {
    const lines = [
        `${s.path}: ${s.format} (${s.scope ?? 'device'}), energy ${num(s.energy_kwh, 'kWh')}` +
            (s.co2e_kg !== null ? `, CO2e ${num(s.co2e_kg, 'kg')}` : '') +
            (s.water_l !== null ? `, water ${num(s.water_l, 'L')}` : '') +
            (s.logged_pue !== null ? `, logged PUE ${s.logged_pue} divided out` : '') +
            `, ${s.devices.length} device(s), ${num(s.duration_s, 's', 6)}, rows ${s.rows} (${s.rows_rejected} rejected)`,
    ];
    if (s.incomplete)
        lines.push(`  INCOMPLETE: ${s.incomplete.reason}. Fix: ${s.incomplete.fix}`);
    if (s.start)
        lines.push(`  ${s.start} .. ${s.end ?? ''}`);
    for (const d of s.devices)
        lines.push(`  ${d.id}${d.name ? ` (${d.name})` : ''}: ${num(d.energy_kwh, 'kWh')} from ${d.samples} samples`);
    for (const w of s.warnings)
        lines.push(`  warning: ${w}`);
    return lines;
}
async function ingestCommand(argv, io) {
    const { values, positionals } = parseFlags('ingest', argv, { json: { type: 'boolean' }, interval: { type: 'string' }, gap: { type: 'string' }, hardware: { type: 'string' } }, { min: 1, max: Number.POSITIVE_INFINITY, usage: USAGE });
    const opts = {
        interval_s: positiveFlag('interval', values.interval),
        gapThreshold_s: positiveFlag('gap', values.gap),
        hardwareModel: values.hardware,
    };
    // A literal path is the user's own choice (absolute or outside the working directory is fine);
    // globs are expanded under the working directory, as scenario `logs:` are.
    const sources = [];
    for (const arg of positionals) {
        if (/[*?[\]{}]/.test(arg))
            sources.push(...(await ingestPatterns([arg], io.cwd, opts, io)));
        else
            sources.push(await ingestFile(path.resolve(io.cwd, arg), opts, io, arg));
    }
    if (values.json)
        io.stdout(JSON.stringify({ sources }, null, 2));
    else
        for (const s of sources)
            for (const l of summarise(s))
                io.stdout(l);
    return 0;
}

export { ingestCommand, summarise };
