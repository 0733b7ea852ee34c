import { D as DATASETS, m as markdownTable } from './index.js';
import { H as HARDWARE, a as HOST_EMBODIED, F as FACILITY_DEFAULTS, g as gridTable, l as lookupGrid, n as normaliseModel } from './measurement.js';
import { I as InputError } from './errors.js';
import { p as parseFlags } from './args.js';
import './schemas.js';
import 'node:util';

// `ml-lca data [grid|hardware|hosts|facility|datasets] [FILTER...] [--year YEAR] [--json]`: what
// a region or hardware name resolves to, with value, data year and source, so users can check a
// default before relying on it. Filters match keys and names, case-insensitively.
const DATA_USAGE = 'ml-lca data [grid|hardware|hosts|facility|datasets] [FILTER...] [--year YEAR] [--json]';
const TOPICS = ['grid', 'hardware', 'hosts', 'facility', 'datasets'];
const num = (x) => String(Math.round(x * 10) / 10);
const short = (url) => url ?? '';
async function dataCommand(argv, io) {
    const { values, positionals } = parseFlags('data', argv, { year: { type: 'string' }, json: { type: 'boolean' } }, { min: 0, max: 50, usage: DATA_USAGE });
    const year = parseYear(values.year);
    const first = positionals[0]?.toLowerCase();
    const topics = first && TOPICS.includes(first) ? [first] : TOPICS;
    const filters = (topics.length === 1 && first === topics[0] ? positionals.slice(1) : positionals).map((f) => f.toLowerCase());
    // A filter matches a key by prefix (`aws`, `gcp:europe`, `FR`), a region by the grid it draws
    // from (`FR` also lists aws:eu-west-3), and names by substring from four characters on.
    const match = (key, grid, ...names) => filters.length === 0 ||
        filters.some((f) => key.toLowerCase().startsWith(f) ||
            grid.toLowerCase() === f ||
            names.some((n) => (f.length >= 4 && n.toLowerCase().includes(f)) || (normaliseModel(f) !== '' && normaliseModel(n) === normaliseModel(f))));
    const grid = topics.includes('grid') ? gridRows(year, filters).filter((g) => match(g.region, g.grid ?? '', g.name)) : [];
    const hardware = topics.includes('hardware') ? HARDWARE.filter((h) => match(h.model, '', h.name, ...h.aliases)) : [];
    const hosts = topics.includes('hosts') ? HOST_EMBODIED.filter((h) => match(h.platform, '', h.name, ...h.models)) : [];
    const facility = topics.includes('facility') ? Object.entries(FACILITY_DEFAULTS).filter(([k]) => match(k, '')) : [];
    const datasets = topics.includes('datasets') ? DATASETS.filter((d) => match(d.id, '', d.title, d.publisher)) : [];
    if (values.json) {
        io.stdout(JSON.stringify({ year, grid, hardware, hosts, facility: Object.fromEntries(facility), datasets }, null, 2));
        return 0;
    }
    const out = [];
    if (topics.includes('grid'))
        out.push(gridText(grid, year));
    if (topics.includes('hardware'))
        out.push(hardwareText(hardware));
    if (topics.includes('hosts'))
        out.push(hostsText(hosts));
    if (topics.includes('facility'))
        out.push(facilityText(facility));
    if (topics.includes('datasets'))
        out.push(datasetsText(datasets));
    io.stdout(out.join('\n\n'));
    return 0;
}
function parseYear(v) {
    if (v === undefined)
        return null;
    const n = Number(v);
    if (!/^\d{4}$/.test(v) || n < 1990 || n > 2100)
        throw new InputError({ code: 'BAD_FLAG', field: 'data --year', expected: 'a year such as 2023', got: JSON.stringify(v) });
    return n;
}
/** Every region; a filter that is an exact key or alias (`us-east-1`) also finds its region. */
function gridRows(year, filters) {
    const all = gridTable(year);
    const exact = filters.map((f) => lookupGrid(f, year)).filter((g) => g !== null);
    return [...exact, ...all.filter((g) => !exact.some((e) => e.region === g.region))];
}
function gridText(rows, year) {
    const head = `Grid carbon intensity (location-based, g CO2e/kWh), ${year === null ? 'latest data year' : `data year ${year} or the nearest earlier`}; range = spread of the 5 most recent data years:`;
    if (rows.length === 0)
        return `${head}\n(no region matches)`;
    const table = markdownTable([
        ['region', 'g CO2e/kWh', 'range', 'year', 'CFE', 'grid', 'source'],
        ...rows.map((g) => [
            g.region,
            num(g.g_per_kwh),
            `${num(g.low)}–${num(g.high)}`,
            `${g.year}${g.year_note ? ' *' : ''}`,
            g.cfe === null ? '' : `${Math.round(g.cfe * 100)} %`,
            g.grid ?? '',
            g.references.map((r) => `${r.title.split(' (')[0]} (${r.licence ?? r.publisher}) ${short(r.url)}`).join('; '),
        ]),
    ], { align: ['l', 'r', 'r', 'r', 'r', 'l', 'l'] });
    const notes = rows.some((g) => g.year_note) ? '\n* the year asked for is not in the dataset: the nearest earlier (or latest) data year is shown' : '';
    return `${head}\n${table}${notes}`;
}
function hardwareText(rows) {
    const table = markdownTable([
        ['model', 'power W (range)', 'embodied kg CO2e (range)', 'lifespan y', 'power source', 'embodied source'],
        ...rows.map((h) => [
            h.model,
            `${h.power_w} (${h.power_low_w}–${h.power_high_w})`,
            `${h.embodied_kg.central} (${h.embodied_kg.low}–${h.embodied_kg.high})${h.embodied_estimate ? ' estimate' : ''}`,
            `${h.lifespan_years} (${h.lifespan_low_years}–${h.lifespan_high_years})`,
            `${h.power_source} ${short(h.power_references[0]?.url)}`,
            `${h.embodied_source} ${h.embodied_references.map((r) => short(r.url)).join(' ')}`.trim(),
        ]),
    ]);
    return `Accelerators (per device):\n${table}`;
}
function hostsText(rows) {
    const table = markdownTable([
        ['platform', 'models', 'devices per host', 'host embodied kg CO2e (range)', 'source'],
        ...rows.map((h) => [
            h.platform,
            h.models.join(', '),
            String(h.devices_per_host),
            `${h.host_embodied_kg.central} (${h.host_embodied_kg.low}–${h.host_embodied_kg.high})${h.estimate ? ' estimate' : ''}`,
            `${h.source} ${h.references.map((r) => short(r.url)).join(' ')}`.trim(),
        ]),
    ]);
    return `Host servers (embodied carbon per server, accelerators excluded):\n${table}`;
}
function facilityText(rows) {
    const table = markdownTable([
        ['parameter', 'value', 'range', 'unit', 'source'],
        ...rows.map(([k, f]) => [k, num(f.value), `${num(f.low)}–${num(f.high)}`, f.unit, f.source]),
    ]);
    return `Facility defaults:\n${table}`;
}
function datasetsText(rows) {
    return `Datasets bundled (see DATA.md):\n${rows.map((d) => `- ${d.title}; ${d.publisher}; ${d.licence}; ${d.url} (pinned copy from ${d.obtained_from}, retrieved ${d.retrieved})`).join('\n')}`;
}

export { DATA_USAGE, dataCommand };
