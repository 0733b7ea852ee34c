import path from 'node:path';
import { I as InputError, s as shortValue, a as formatPath, b as fromZodError, j as jsonSyntaxProblem, r as redactUrlCredentials } from './errors.js';
import { d as distExports } from './index2.js';
import { l as lookupGrid, G as GRID_REGIONS, F as FACILITY_DEFAULTS, b as lookupHardware, c as HARDWARE_MODELS, d as lookupHostEmbodied, H as HARDWARE, e as HOURS_PER_YEAR, M as MEASUREMENT_UNCERTAINTY, C as COVERAGE_K } from './measurement.js';
import { S as Scenario, v as suggest, x as timeMs, y as incompleteFromSources, z as noEnergySource, A as StageCompleteness, B as MEASURED, C as METRICS, E as valueAtPath, F as STAGE_FIELDS, n as count, G as qtyParam, k as param, H as unitOf, I as percent, J as deltaPct, s as scaleFor, w as worstVerdict, K as numericPaths, q as qty, M as ModelCard, L as SCHEMA_VERSION, i as isPeriodBudget, b as parseLedgerSetting, r as readLedger, h as evaluatePeriodBudgets, g as escapeMarkdown, O as withoutUrls, N as NBSP, j as fmt$1, a as escapeCode, P as range, Q as parameterName, R as pct$1, T as incompleteLine, U as pair, W as labelOf, u as clipText, X as ledgerSectionForCard, Y as escapeHtml, Z as stagePie, _ as lifetimeChart, $ as tornadoChart, a0 as headVsBaseChart, a1 as mermaidBlock, a2 as ledgerLinesForCard } from './read.js';
import { Z as ZodError, o as object, s as string, l as literal, a as array, t as tuple, n as number, r as record, _ as _enum } from './schemas.js';
import { r as ref, m as markdownTable, S as SOURCES } from './index.js';
import { C as CounterSeries, P as PowerSeries, b as implausibleAboveW, i as ingestPatterns } from './index3.js';
import { c as containedPath } from './io.js';

// Parse and validate a scenario file (YAML or JSON). Every user error is an InputError naming
// the file, the line where we can find it, the dotted field, what was expected and what was got.
/**
 * Bounds on a scenario (a few kB in practice: the examples are 2 kB), checked before and while
 * parsing so a crafted file is an exit-2 message at once, never a hang, a 4 GB heap or a crash:
 * size (YAML parsing costs up to ~2 µs a byte: 64 KiB is a tenth of a second, 30× the examples),
 * nesting depth (the YAML library recurses), keys per mapping, items per list.
 */
const SCENARIO_LIMITS = { bytes: 64 * 1024, depth: 64, keysPerMap: 256, itemsPerList: 10_000 };
/** Parse scenario text; `file` is used for messages and to pick JSON (`.json`) or YAML. */
function parseScenario(text, file) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > SCENARIO_LIMITS.bytes) {
        throw new InputError({ code: 'FILE_TOO_LARGE', file, expected: `a scenario of at most ${SCENARIO_LIMITS.bytes >> 10} KiB`, got: `${bytes} bytes` });
    }
    checkNesting(text, file);
    const { data, locate } = parseText(text, file);
    if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
        // The file is not a scenario (perhaps not even meant as one): say what it is, never quote it.
        throw new InputError({
            code: 'SCENARIO_INVALID',
            file,
            expected: 'a mapping of scenario keys (name, functional_unit, deployment, hardware, stages, ...)',
            got: data === null || data === undefined ? 'an empty document' : Array.isArray(data) ? 'a list' : `a single ${typeof data} value`,
        });
    }
    const parsed = Scenario.safeParse(data);
    if (!parsed.success) {
        const issue = pickIssue(parsed.error.issues, data);
        if (issue.code === 'invalid_key') {
            // A record key (stage name) that fails its pattern: name the key, not its value.
            const key = String(issue.path[issue.path.length - 1] ?? '');
            throw new InputError({
                code: 'SCENARIO_INVALID',
                file,
                line: locate(issue.path, true),
                field: formatPath(issue.path),
                expected: issue.path[0] === 'stages' ? 'a stage name of 1–40 letters, digits, "_" or "-"' : 'a valid key',
                got: shortValue(key),
            });
        }
        if (issue.code === 'unrecognized_keys' && issue.path[0] === 'budgets' && keysAt(issue.path).includes(issue.keys[0] ?? '')) {
            // A key of another budget kind (`max` next to `max_increase_pct`): name the kinds.
            const key = issue.keys[0] ?? '';
            throw new InputError({
                code: 'SCENARIO_UNKNOWN_KEY',
                file,
                line: locate([...issue.path, key], true),
                field: formatPath([...issue.path, key]),
                expected: 'the keys of one budget kind: absolute {metric, max, warn}, regression {metric, max_increase_pct, warn_increase_pct} or period {scope, team, period, metric, max, warn}',
                got: `${JSON.stringify(key)} mixed with keys of another kind`,
                hint: 'split it into two budgets',
            });
        }
        const err = fromZodError(new ZodError([issue]), {
            file,
            input: data,
            suggest: (key, path) => suggest(key, keysAt(path).filter((k) => k !== key)),
        });
        const keyPath = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
        return rethrowWithLine(err, locate(keyPath, issue.code === 'unrecognized_keys'));
    }
    checkSemantics(parsed.data, file, locate);
    return parsed.data;
}
/**
 * The line of a dotted field (`stages.training.logs[0]`) in scenario text, for errors found
 * after parsing (unknown hardware, a log glob that matches nothing); undefined when not found.
 */
function locateField(text, file, field) {
    try {
        const path = [];
        for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
            path.push(m[2] !== undefined ? Number(m[2]) : (m[1] ?? ''));
        return parseText(text, file).locate(path);
    }
    catch {
        return undefined;
    }
}
/** Read and parse a scenario file through `io` (FILE_NOT_FOUND names the file). */
async function loadScenario(file, io) {
    const text = await io.readText(file, { maxBytes: SCENARIO_LIMITS.bytes });
    return parseScenario(text, file);
}
function isJsonFile(file, text) {
    if (/\.json$/i.test(file))
        return true;
    if (/\.ya?ml$/i.test(file))
        return false;
    return /^\s*\{/.test(text);
}
function parseText(text, file) {
    const lineCounter = new distExports.LineCounter();
    if (isJsonFile(file, text)) {
        let data;
        try {
            data = JSON.parse(text);
        }
        catch (e) {
            const { line, problem } = jsonSyntaxProblem(e, text);
            throw new InputError({ code: 'SCENARIO_SYNTAX', file, line, expected: 'valid JSON', got: problem });
        }
        // JSON is (nearly) YAML 1.2: the YAML CST finds the lines of fields and duplicate keys
        // (JSON.parse keeps the last silently); best effort if the YAML parser disagrees.
        const doc = distExports.parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
        if (doc.errors.length) {
            checkValue(data, file);
            return { data, locate: () => undefined };
        }
        checkStructure(doc, lineCounter, file, 'JSON');
        return { data, locate: locator(doc, lineCounter) };
    }
    // uniqueKeys off: the library's check compares every key with every other (80,000 keys: 33 s);
    // checkStructure does it with a Set.
    const doc = distExports.parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
    const first = doc.errors[0];
    if (first) {
        const line = first.linePos?.[0]?.line ?? lineCounter.linePos(first.pos[0]).line;
        throw new InputError({
            code: 'SCENARIO_SYNTAX',
            file,
            line,
            expected: 'valid YAML',
            got: yamlProblem(first.code, first.message),
        });
    }
    checkStructure(doc, lineCounter, file, 'YAML');
    let data;
    try {
        // maxAliasCount: an alias bomb (anchors of anchors) expands exponentially.
        data = doc.toJS({ maxAliasCount: 100 });
    }
    catch (e) {
        if (!(e instanceof ReferenceError || e instanceof RangeError))
            throw e;
        throw new InputError({
            code: 'SCENARIO_SYNTAX',
            file,
            expected: 'YAML whose aliases (*name) expand to a bounded document',
            got: e instanceof ReferenceError ? 'aliases that expand without bound (or an alias to an undefined anchor)' : 'a document too deeply nested',
        });
    }
    return { data, locate: locator(doc, lineCounter) };
}
/**
 * Flow nesting (`[[[[…`) deeper than SCENARIO_LIMITS.depth, counted over the raw text before any
 * parser recurses into it. Brackets inside strings count too: harmless, as no real scenario
 * comes near the limit.
 */
function checkNesting(text, file) {
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 91 || c === 123) {
            if (++depth > SCENARIO_LIMITS.depth) {
                throw new InputError({
                    code: 'SCENARIO_SYNTAX',
                    file,
                    line: text.slice(0, i).split('\n').length,
                    expected: `nesting at most ${SCENARIO_LIMITS.depth} levels deep`,
                    got: 'deeper nesting of [ or {',
                });
            }
        }
        else if ((c === 93 || c === 125) && depth > 0)
            depth--;
    }
}
/**
 * One linear walk over the parsed document: duplicate keys (an error in YAML, and in JSON too,
 * where JSON.parse would keep the last silently), `__proto__` as a key (a JavaScript object
 * cannot hold it as data: it would vanish or change the object's prototype), keys per mapping,
 * items per list, depth (block indentation nests without brackets).
 */
function checkStructure(doc, lc, file, syntax) {
    const fail = (node, expected, got) => {
        const at = node?.range?.[0];
        throw new InputError({ code: 'SCENARIO_SYNTAX', file, line: at === undefined ? undefined : lc.linePos(at).line, expected, got });
    };
    const walk = (node, depth) => {
        if (depth > SCENARIO_LIMITS.depth)
            fail(node, `nesting at most ${SCENARIO_LIMITS.depth} levels deep`, 'deeper nesting');
        if (distExports.isMap(node)) {
            if (node.items.length > SCENARIO_LIMITS.keysPerMap)
                fail(node, `at most ${SCENARIO_LIMITS.keysPerMap} keys in one mapping`, `${node.items.length} keys`);
            const seen = new Set();
            for (const pair of node.items) {
                const key = pair.key;
                if (distExports.isScalar(key)) {
                    const k = String(key.value);
                    if (seen.has(k))
                        fail(key, `valid ${syntax}`, 'a duplicate key (map keys must be unique)');
                    seen.add(k);
                    if (k === '__proto__')
                        fail(key, 'keys other than __proto__', 'the key "__proto__"');
                }
                walk(pair.value, depth + 1);
            }
        }
        else if (distExports.isSeq(node)) {
            if (node.items.length > SCENARIO_LIMITS.itemsPerList)
                fail(node, `at most ${SCENARIO_LIMITS.itemsPerList} items in one list`, `${node.items.length} items`);
            for (const item of node.items)
                walk(item, depth + 1);
        }
        else if (distExports.isPair(node)) {
            walk(node.value, depth + 1);
        }
        else if (distExports.isAlias(node)) ;
    };
    walk(doc.contents, 0);
}
/** The same bounds on an already parsed value (JSON the YAML parser could not read). */
function checkValue(data, file) {
    const fail = (expected, got) => {
        throw new InputError({ code: 'SCENARIO_SYNTAX', file, expected, got });
    };
    const walk = (v, depth) => {
        if (v === null || typeof v !== 'object')
            return;
        if (depth > SCENARIO_LIMITS.depth)
            fail(`nesting at most ${SCENARIO_LIMITS.depth} levels deep`, 'deeper nesting');
        if (Array.isArray(v)) {
            if (v.length > SCENARIO_LIMITS.itemsPerList)
                fail(`at most ${SCENARIO_LIMITS.itemsPerList} items in one list`, `${v.length} items`);
            for (const x of v)
                walk(x, depth + 1);
            return;
        }
        const keys = Object.keys(v);
        if (keys.length > SCENARIO_LIMITS.keysPerMap)
            fail(`at most ${SCENARIO_LIMITS.keysPerMap} keys in one mapping`, `${keys.length} keys`);
        if (Object.hasOwn(v, '__proto__'))
            fail('keys other than __proto__', 'the key "__proto__"');
        for (const k of keys)
            walk(v[k], depth + 1);
    };
    walk(data, 0);
}
function yamlProblem(code, message) {
    const head = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
    if (code === 'DUPLICATE_KEY')
        return 'a duplicate key (map keys must be unique)';
    if (code === 'RESOURCE_EXHAUSTION')
        return 'a document too large or too deeply nested to read';
    return head.charAt(0).toLowerCase() + head.slice(1);
}
/** Line of the node at `path` (or of the key itself when `key`), 1-based. */
function locator(doc, lc) {
    return (path, key = false) => {
        try {
            for (let n = path.length; n >= 0; n--) {
                const p = path.slice(0, n);
                if (key && n === path.length && p.length > 0) {
                    const parent = doc.getIn(p.slice(0, -1), true);
                    if (distExports.isMap(parent)) {
                        const last = String(p[p.length - 1]);
                        const pair = parent.items.find((it) => distExports.isPair(it) && distExports.isScalar(it.key) && String(it.key.value) === last);
                        const range = pair && distExports.isScalar(pair.key) ? pair.key.range : undefined;
                        if (range)
                            return lc.linePos(range[0]).line;
                    }
                    continue;
                }
                const node = p.length === 0 ? doc.contents : doc.getIn(p, true);
                const range = node?.range;
                if (range)
                    return lc.linePos(range[0]).line;
            }
        }
        catch {
            return undefined;
        }
        return undefined;
    };
}
function rethrowWithLine(err, line) {
    if (line === undefined || err.line !== undefined)
        throw err;
    throw new InputError({
        code: err.code,
        file: err.file,
        line,
        field: err.field,
        expected: err.expected,
        got: err.got,
        hint: err.hint,
    });
}
// ---------------------------------------------------------------- zod issue selection
/**
 * The issue to show: the user fixes one thing at a time. Unions (budgets) are unwrapped to the
 * branch that fits the input best; an unknown key wins over a missing one, because a typo
 * (`maxx`) causes both and the unknown key is the cause.
 */
function pickIssue(issues, input) {
    const flat = issues.flatMap((i) => flatten$1(i, input));
    return flat.find((i) => i.code === 'unrecognized_keys') ?? flat[0] ?? issues[0];
}
function flatten$1(issue, input) {
    if (issue.code !== 'invalid_union' || !('errors' in issue) || issue.errors.length === 0)
        return [issue];
    const value = valueAt(input, issue.path);
    const keys = value && typeof value === 'object' ? Object.keys(value) : [];
    let best;
    for (const branch of issue.errors) {
        const unknown = new Set(branch.flatMap((i) => (i.code === 'unrecognized_keys' && i.path.length === 0 ? i.keys : [])));
        const known = keys.filter((k) => !unknown.has(k)).length;
        // Prefer the branch that knows most of the given keys, then the one with fewest issues;
        // ties go to the later branch (AbsoluteBudget, the most common, is last).
        if (!best || known > best.known || (known === best.known && branch.length <= best.issues.length)) {
            best = { issues: branch, known };
        }
    }
    const chosen = best?.issues ?? [];
    return chosen.flatMap((i) => flatten$1({ ...i, path: [...issue.path, ...i.path] }, input));
}
function valueAt(root, path) {
    let cur = root;
    for (const p of path) {
        if (cur === null || typeof cur !== 'object')
            return undefined;
        cur = cur[p];
    }
    return cur;
}
/** Keys an object accepts at `path` of the Scenario schema (union branches merged). */
function keysAt(path) {
    let nodes = [Scenario];
    for (const p of path) {
        nodes = nodes.flatMap(unwrap).flatMap((n) => {
            const d = n._zod.def;
            if (d.type === 'object' && d.shape)
                return typeof p === 'string' && d.shape[p] ? [d.shape[p]] : [];
            if (d.type === 'record' && d.valueType)
                return [d.valueType];
            if (d.type === 'array' && d.element)
                return [d.element];
            return [];
        });
    }
    const keys = new Set();
    for (const n of nodes.flatMap(unwrap)) {
        const d = n._zod.def;
        if (d.type === 'object' && d.shape)
            for (const k of Object.keys(d.shape))
                keys.add(k);
    }
    return [...keys];
}
function unwrap(n) {
    const d = n._zod.def;
    if ((d.type === 'optional' || d.type === 'default' || d.type === 'nullable' || d.type === 'prefault') && d.innerType)
        return unwrap(d.innerType);
    if (d.type === 'pipe' && d.in)
        return unwrap(d.in);
    if (d.type === 'union' && d.options)
        return d.options.flatMap(unwrap);
    return [n];
}
// ---------------------------------------------------------------- checks zod cannot express
function checkSemantics(s, file, locate) {
    const region = s.grid.region;
    if (region !== undefined && s.grid.intensity_g_per_kwh === undefined && lookupGrid(region) === null) {
        const hint = suggest(region, GRID_REGIONS);
        throw new InputError({
            code: 'SCENARIO_INVALID',
            file,
            line: locate(['grid', 'region']),
            field: 'grid.region',
            expected: 'a known region (ISO country like US or FR, subdivision like CA-QC, or cloud region like aws:us-east-1), or grid.intensity_g_per_kwh',
            got: shortValue(region),
            hint: hint ? `did you mean "${hint}"?` : undefined,
        });
    }
    const lo = s.grid.intensity_low_g_per_kwh;
    const hi = s.grid.intensity_high_g_per_kwh;
    const mid = s.grid.intensity_g_per_kwh;
    if (mid !== undefined && ((lo !== undefined && lo > mid) || (hi !== undefined && hi < mid))) {
        const field = lo !== undefined && lo > mid ? 'grid.intensity_low_g_per_kwh' : 'grid.intensity_high_g_per_kwh';
        throw new InputError({
            code: 'SCENARIO_INVALID',
            file,
            line: locate(field.split('.')),
            field,
            expected: `intensity_low_g_per_kwh <= intensity_g_per_kwh (${mid}) <= intensity_high_g_per_kwh`,
            got: String(field.endsWith('low_g_per_kwh') ? lo : hi),
        });
    }
    for (const [name, stage] of Object.entries(s.stages)) {
        if (stage.logs !== undefined && stage.logs.length === 0 && stage.energy_kwh === undefined && stage.hours === undefined && !stage.prometheus) {
            throw new InputError({
                code: 'SCENARIO_INVALID',
                file,
                line: locate(['stages', name, 'logs']),
                field: formatPath(['stages', name, 'logs']),
                expected: 'at least one log glob (or energy_kwh, or hours)',
                got: '[]',
            });
        }
    }
}

// The one rule that splits stages into per-inference and up-front, used everywhere a stage's
// kind matters (per-FU terms, breakeven, SCI, the Hugging Face block, data quality, scenario
// warnings), so no two parts of a card can disagree about a stage.
//
// A stage is per-inference when it served inferences (`inferences` > 0): its carbon per
// inference is the marginal (and embodied) term of the paper's per-FU formula (§3.3). Every
// other stage, with no `inferences` or `inferences: 0` (a stage that served nothing cannot give
// a cost per inference), is up-front: experimentation, training, fine-tuning, evaluation, ...,
// amortised over the lifetime inferences.
function isPerInferenceStage(s) {
    return typeof s.inferences === 'number' && s.inferences > 0;
}
function isUpfrontStage(s) {
    return !isPerInferenceStage(s);
}

// Fill every value the LCA needs from the scenario or the bundled data, and record where each
// came from (assumptions[]), so a reviewer sees the source of every number in the card.
const SCENARIO_SOURCE = 'scenario file';
/** Accelerators per server when hardware.devices_per_host is not given: an NVIDIA HGX/DGX server holds 8. */
const DEFAULT_DEVICES_PER_HOST = 8;
/** An assumption the scenario file states itself (no range unless the file gives one). */
function stated(path, value, unit, extra = {}) {
    return { path, value, unit, ...extra, origin: 'scenario', source: SCENARIO_SOURCE, year: null };
}
/** A stage name that reads as serving traffic: such a stage should say how many inferences it served. */
function looksLikeInferenceStage(name) {
    return /infer|serving|^serve|deploy|^prod/i.test(name);
}
/** The bundled model nearest to a typo (`H100-SMX` -> `H100-SXM`), by model name or alias. */
function suggestHardware(model) {
    const direct = suggest(model, HARDWARE_MODELS);
    if (direct)
        return direct;
    const alias = suggest(model, HARDWARE.flatMap((h) => h.aliases));
    return alias ? (lookupHardware(alias)?.model ?? alias) : undefined;
}
/** How a stage gets its energy when it has no logs: from energy_kwh or hours × count × power. */
function needsPowerEstimate(st) {
    return st.logs === undefined && st.prometheus === undefined && st.energy_kwh === undefined;
}
function resolveScenario(s, opts = {}) {
    const assumptions = [];
    const warnings = [];
    const push = (a) => assumptions.push(a);
    const stageEntries = Object.entries(s.stages);
    // ------------------------------------------------------------- grid
    const region = s.grid.region ?? null;
    const runYear = opts.runYear ?? null;
    const requestedYear = s.grid.year ?? runYear;
    const yearWhy = s.grid.year !== undefined
        ? `grid.year ${s.grid.year}`
        : runYear !== null
            ? `year of the run ${runYear} (${opts.runYearFrom ?? 'card date'})`
            : 'no run date known: the latest data year';
    const factor = region !== null ? lookupGrid(region, requestedYear) : null;
    if (region !== null && factor === null && s.grid.intensity_g_per_kwh === undefined) {
        const hint = suggest(region, GRID_REGIONS);
        throw new InputError({
            code: 'SCENARIO_INVALID',
            field: 'grid.region',
            expected: 'a known region (ISO country like US, subdivision like US-VA or CA-QC, eGRID subregion like egrid:SRVC, cloud region like aws:us-east-1; `ml-lca data grid` lists them), or grid.intensity_g_per_kwh',
            got: shortValue(region),
            hint: hint ? `did you mean "${hint}"?` : undefined,
        });
    }
    if (s.grid.year !== undefined && factor?.year_note)
        warnings.push(`grid.year ${s.grid.year}: ${factor.region} has ${factor.year_note}`);
    const yearNote = (f) => `data year ${f.year} for ${yearWhy}${f.year_note ? ` (${f.year_note})` : ''}`;
    let ci;
    let ciLow;
    let ciHigh;
    let dataYear = null;
    if (s.grid.intensity_g_per_kwh !== undefined) {
        ci = s.grid.intensity_g_per_kwh;
        ciLow = s.grid.intensity_low_g_per_kwh ?? ci;
        ciHigh = s.grid.intensity_high_g_per_kwh ?? ci;
        push(stated('grid.intensity_g_per_kwh', ci, 'g CO2e/kWh', {
            low: ciLow,
            high: ciHigh,
            note: factor ? `overrides ${factor.region} (${factor.g_per_kwh} g/kWh in ${factor.year}, ${factor.source})` : undefined,
        }));
    }
    else {
        // The region's grid, else the world average (with a warning): both from the datasets by year.
        const world = factor ? null : (lookupGrid('WORLD', requestedYear) ?? lookupGrid('WORLD'));
        const f = factor ?? world;
        if (!f)
            throw new Error('grid table: no World series');
        ci = f.g_per_kwh;
        ciLow = (factor && s.grid.intensity_low_g_per_kwh) ?? f.low;
        ciHigh = (factor && s.grid.intensity_high_g_per_kwh) ?? f.high;
        dataYear = f.year;
        if (world) {
            warnings.push(`no grid.region or grid.intensity_g_per_kwh: the world average ${fmtG(f.g_per_kwh)} g CO2e/kWh (${f.year}) is used (range ${fmtG(f.low)}–${fmtG(f.high)}); set grid.region`);
        }
        push({
            path: 'grid.intensity_g_per_kwh',
            value: ci,
            unit: 'g CO2e/kWh',
            low: ciLow,
            high: ciHigh,
            origin: 'default',
            source: f.source,
            year: f.year,
            note: `${world ? 'world average' : `${f.region}: ${f.name}`}; ${yearNote(f)}; range = spread of data years ${f.range_years[0]}–${f.range_years[1]}`,
            references: f.references,
        });
    }
    const market = marketFactor(s, factor, ci, push);
    const gridWater = s.grid.water_intensity_l_per_kwh ?? FACILITY_DEFAULTS.grid_water.value;
    push(s.grid.water_intensity_l_per_kwh !== undefined
        ? stated('grid.water_intensity_l_per_kwh', gridWater, 'L/kWh')
        : {
            path: 'grid.water_intensity_l_per_kwh',
            value: 0,
            unit: 'L/kWh',
            origin: 'default',
            source: FACILITY_DEFAULTS.grid_water.source,
            year: FACILITY_DEFAULTS.grid_water.year,
        });
    // ------------------------------------------------------------- facility
    const isCloud = factor?.kind === 'cloud';
    const pueDefault = isCloud ? FACILITY_DEFAULTS.pue_hyperscale : FACILITY_DEFAULTS.pue_industry;
    const pue = s.pue ?? pueDefault.value;
    const pueLow = s.pue ?? pueDefault.low;
    const pueHigh = s.pue ?? pueDefault.high;
    push(s.pue !== undefined
        ? stated('pue', pue, 'ratio', { low: pueLow, high: pueHigh })
        : {
            path: 'pue',
            value: pue,
            unit: 'ratio',
            low: pueLow,
            high: pueHigh,
            origin: 'default',
            source: pueDefault.source,
            year: pueDefault.year,
            references: [...pueDefault.references],
            note: isCloud ? 'cloud region: hyperscale default' : 'no cloud region: industry-average default (set pue for your facility)',
        });
    const wueD = FACILITY_DEFAULTS.wue;
    const wue = s.wue_l_per_kwh ?? wueD.value;
    push(s.wue_l_per_kwh !== undefined
        ? stated('wue_l_per_kwh', wue, 'L/kWh')
        : {
            path: 'wue_l_per_kwh',
            value: wue,
            unit: 'L/kWh',
            low: wueD.low,
            high: wueD.high,
            origin: 'default',
            source: wueD.source,
            year: wueD.year,
            references: [...wueD.references],
        });
    const ohD = FACILITY_DEFAULTS.it_overhead_factor;
    const itOverhead = s.it_overhead_factor ?? ohD.value;
    push(s.it_overhead_factor !== undefined
        ? stated('it_overhead_factor', itOverhead, 'ratio', { note: 'applied to device-only energy only' })
        : {
            path: 'it_overhead_factor',
            value: itOverhead,
            unit: 'ratio',
            low: ohD.low,
            high: ohD.high,
            origin: 'default',
            source: ohD.source,
            year: ohD.year,
            references: [...ohD.references],
        });
    if (s.electricity_usd_per_kwh !== undefined) {
        push(stated('electricity_usd_per_kwh', s.electricity_usd_per_kwh, 'USD/kWh'));
    }
    const rentalIncludesPower = s.gpu_hour_includes_electricity ?? true;
    if (s.gpu_hour_usd !== undefined) {
        push(stated('gpu_hour_usd', s.gpu_hour_usd, 'USD/h'));
        // The cost rule, shown with the assumptions: a rental price pays for the power it draws.
        if (s.electricity_usd_per_kwh !== undefined) {
            const given = s.gpu_hour_includes_electricity !== undefined;
            push({
                path: 'gpu_hour_includes_electricity',
                value: rentalIncludesPower ? 'yes' : 'no',
                unit: '',
                origin: given ? 'scenario' : 'default',
                source: given ? SCENARIO_SOURCE : 'ml-lca default: a cloud GPU-hour price includes the electricity the GPUs draw',
                year: null,
                note: rentalIncludesPower
                    ? 'electricity_usd_per_kwh is not added where the GPU-hour price applies'
                    : 'electricity_usd_per_kwh × facility energy is added to the GPU-hour price',
            });
        }
    }
    // ------------------------------------------------------------- hardware
    const hw = s.hardware;
    const spec = lookupHardware(hw.model);
    const estimatedStages = stageEntries.filter(([, st]) => needsPowerEstimate(st)).map(([n]) => n);
    let power;
    let embodied;
    let embLow;
    let embHigh;
    let lifespan;
    if (spec) {
        power = hw.power_w ?? spec.power_w;
        push(hw.power_w !== undefined
            ? stated('hardware.power_w', power, 'W')
            : {
                path: 'hardware.power_w',
                value: power,
                unit: 'W',
                low: spec.power_low_w,
                high: spec.power_high_w,
                origin: 'default',
                source: spec.power_source,
                year: spec.power_year,
                references: spec.power_references,
                note: `${spec.model} (${spec.power_basis === 'tdp' ? 'TDP' : spec.power_basis === 'typical_training' ? 'typical training load' : 'estimate'}); used only for hours × count × power estimates`,
            });
        embodied = hw.embodied_kg ?? spec.embodied_kg.central;
        embLow = hw.embodied_kg ?? spec.embodied_kg.low;
        embHigh = hw.embodied_kg ?? spec.embodied_kg.high;
        push(hw.embodied_kg !== undefined
            ? stated('hardware.embodied_kg', embodied, 'kg CO2e per accelerator')
            : {
                path: 'hardware.embodied_kg',
                value: embodied,
                unit: 'kg CO2e per accelerator',
                low: embLow,
                high: embHigh,
                origin: 'default',
                source: spec.embodied_source,
                year: spec.embodied_year,
                references: spec.embodied_references,
            });
        lifespan = hw.lifespan_years ?? spec.lifespan_years;
        push(hw.lifespan_years !== undefined
            ? stated('hardware.lifespan_years', lifespan, 'years')
            : {
                path: 'hardware.lifespan_years',
                value: lifespan,
                unit: 'years',
                low: spec.lifespan_low_years,
                high: spec.lifespan_high_years,
                origin: 'default',
                source: spec.lifespan_source,
                year: spec.lifespan_year,
                references: spec.lifespan_references,
            });
    }
    else {
        // Custom hardware (issue 12: hardware must resolve): a model not in the bundled data is a
        // typo until the scenario supplies every figure the assessment needs; then it is accepted
        // and labelled custom. Silently counting embodied carbon as 0 would pass a broken gate.
        const needsPower = estimatedStages.filter((n) => s.stages[n]?.hours !== undefined);
        const missing = [
            ...(hw.power_w === undefined && needsPower.length > 0 ? [`power_w (stage(s) ${needsPower.join(', ')} are estimated from hours × count × power_w)`] : []),
            ...(hw.embodied_kg === undefined ? ['embodied_kg'] : []),
            ...(hw.lifespan_years === undefined ? ['lifespan_years'] : []),
        ];
        if (missing.length > 0) {
            const hint = suggestHardware(hw.model);
            throw new InputError({
                code: 'SCENARIO_INVALID',
                field: 'hardware.model',
                expected: `an accelerator model in the bundled data (e.g. ${HARDWARE_MODELS.slice(0, 4).join(', ')}), or custom hardware with its figures in the scenario (missing: hardware.${missing.join(', hardware.')})`,
                got: shortValue(hw.model),
                hint: hint ? `did you mean "${hint}"?` : undefined,
            });
        }
        const custom = 'custom hardware (not in the bundled data): value from the scenario';
        power = hw.power_w ?? null;
        embodied = hw.embodied_kg ?? null;
        embLow = embodied;
        embHigh = embodied;
        if (power !== null)
            push(stated('hardware.power_w', power, 'W', { note: custom }));
        if (embodied !== null)
            push(stated('hardware.embodied_kg', embodied, 'kg CO2e per accelerator', { note: custom }));
        lifespan = hw.lifespan_years ?? FACILITY_DEFAULTS.lifespan_years.value;
        push(stated('hardware.lifespan_years', lifespan, 'years', { note: custom }));
    }
    push(stated('hardware.count', hw.count, 'accelerators'));
    // Embodied boundary beyond the accelerators: the server they sit in (CPUs, memory, storage,
    // chassis), shared by devices_per_host accelerators, and the share of the lifespan in use
    // (Luccioni et al. 2023, "Estimating the Carbon Footprint of BLOOM": 2,500 kg per 8-GPU server,
    // 85 % utilisation). No figure given: server embodied carbon stays outside the boundary.
    // Not given: the published server figure of the accelerator's platform, where there is one
    // (src/data/hardware.ts HOST_EMBODIED, `ml-lca data hosts`), with its range and citation.
    const platform = hw.host_embodied_kg === undefined && spec ? lookupHostEmbodied(spec.model) : null;
    const hostEmbodied = hw.host_embodied_kg ?? platform?.host_embodied_kg.central ?? null;
    const devicesPerHost = hw.devices_per_host ?? platform?.devices_per_host ?? DEFAULT_DEVICES_PER_HOST;
    const utilization = hw.utilization ?? 1;
    if (hostEmbodied !== null) {
        push(platform
            ? {
                path: 'hardware.host_embodied_kg',
                value: hostEmbodied,
                unit: 'kg CO2e per server',
                low: platform.host_embodied_kg.low,
                high: platform.host_embodied_kg.high,
                origin: 'default',
                source: platform.source,
                year: platform.year,
                note: `${platform.name}; shared by ${devicesPerHost} accelerators per server; set hardware.host_embodied_kg: 0 to leave the server out`,
                references: platform.references,
            }
            : stated('hardware.host_embodied_kg', hostEmbodied, 'kg CO2e per server', { note: `shared by ${devicesPerHost} accelerators per server` }));
        push(hw.devices_per_host !== undefined
            ? stated('hardware.devices_per_host', devicesPerHost, 'accelerators per server')
            : {
                path: 'hardware.devices_per_host',
                value: devicesPerHost,
                unit: 'accelerators per server',
                origin: 'default',
                source: 'ml-lca default: an 8-GPU server (NVIDIA HGX/DGX)',
                year: null,
            });
    }
    push(hw.utilization !== undefined
        ? stated('hardware.utilization', utilization, 'share of lifespan in use')
        : {
            path: 'hardware.utilization',
            value: utilization,
            unit: 'share of lifespan in use',
            origin: 'default',
            source: 'paper and textbook time-share attribution: hardware in use over its whole lifespan',
            year: null,
            note: 'embodied carbon per hour used = embodied ÷ (lifespan × 8,760 h × utilization)',
        });
    // ------------------------------------------------------------- functional unit & stages
    push(stated('functional_unit.inferences', s.functional_unit.inferences, 'inferences per functional unit', { note: s.functional_unit.description }));
    push(stated('deployment.lifetime_inferences', s.deployment.lifetime_inferences, 'inferences'));
    for (const [name, st] of stageEntries) {
        if (st.inferences === undefined && looksLikeInferenceStage(name)) {
            warnings.push(`stage ${JSON.stringify(name)} looks like an inference stage but gives no inferences: it is counted as an up-front cost; set stages.${name}.inferences to get the per-inference (marginal) term`);
        }
        if (st.inferences === 0) {
            // isUpfrontStage (scenario/stage-kind.ts) counts it up-front: say why.
            warnings.push(`stages.${name}.inferences is 0: the stage cannot give a per-inference cost and is counted as an up-front cost`);
        }
    }
    if (!stageEntries.some(([, st]) => isPerInferenceStage(st))) {
        warnings.push('no stage gives inferences: the per-functional-unit result holds only up-front costs amortised over lifetime inferences (no marginal term)');
    }
    // ------------------------------------------------------------- boundary (ISO 14044 scope)
    const flows = ['device_energy'];
    if (itOverhead > 1 || stageEntries.some(([, st]) => st.energy_kwh !== undefined && st.logs === undefined))
        flows.push('host_overhead');
    if (pue > 1)
        flows.push('facility_overhead');
    if ((embodied ?? 0) > 0)
        flows.push('embodied');
    if ((hostEmbodied ?? 0) > 0)
        flows.push('embodied_host');
    if (wue > 0)
        flows.push('water_onsite');
    if (gridWater > 0)
        flows.push('water_offsite');
    if (s.electricity_usd_per_kwh !== undefined || s.gpu_hour_usd !== undefined)
        flows.push('cost');
    return {
        name: s.name,
        team: s.team ?? null,
        functional_unit: s.functional_unit,
        deployment: s.deployment,
        grid: {
            region: factor?.region ?? region,
            intensity_g_per_kwh: ci,
            intensity_low_g_per_kwh: ciLow,
            intensity_high_g_per_kwh: ciHigh,
            water_intensity_l_per_kwh: gridWater,
            year: dataYear,
            requested_year: requestedYear,
            basis: s.grid.basis ?? 'location',
            market_intensity_g_per_kwh: market?.intensity ?? null,
            cfe_pct: market?.cfe_pct ?? null,
        },
        pue,
        pue_low: pueLow,
        pue_high: pueHigh,
        wue_l_per_kwh: wue,
        it_overhead_factor: itOverhead,
        electricity_usd_per_kwh: s.electricity_usd_per_kwh ?? null,
        gpu_hour_usd: s.gpu_hour_usd ?? null,
        gpu_hour_includes_electricity: rentalIncludesPower,
        hardware: {
            model: spec?.model ?? hw.model,
            known: spec !== null,
            count: hw.count,
            power_w: power,
            embodied_kg: embodied,
            embodied_low_kg: embLow,
            embodied_high_kg: embHigh,
            lifespan_years: lifespan,
            host_embodied_kg: hostEmbodied,
            devices_per_host: devicesPerHost,
            utilization,
        },
        stages: s.stages,
        hf: { training_type: s.hf?.training_type ?? null, stages: s.hf?.stages ?? null },
        budgets: s.budgets,
        boundary: { stages: stageEntries.map(([n]) => n), flows },
        assumptions,
        warnings,
    };
}
const fmtG = (x) => String(Math.round(x * 10) / 10);
/**
 * The market-based factor for `grid.basis: market` (GHG Protocol Scope 2 guidance): a stated
 * supplier factor, else the location-based intensity × (1 − CFE share), with the CFE share from
 * the scenario or, for a Google Cloud region, Google's published CFE % of that data year.
 */
function marketFactor(s, factor, ci, push) {
    const g = s.grid;
    const givenButUnused = g.market_intensity_g_per_kwh !== undefined || g.cfe_pct !== undefined;
    if (g.basis !== 'market') {
        if (givenButUnused) {
            throw new InputError({
                code: 'SCENARIO_INVALID',
                field: g.market_intensity_g_per_kwh !== undefined ? 'grid.market_intensity_g_per_kwh' : 'grid.cfe_pct',
                expected: 'grid.basis: market alongside it (a market-based factor is reported only when the basis says so)',
                got: `grid.basis ${g.basis ?? 'location (default)'}`,
            });
        }
        return null;
    }
    const scope2 = ref('ghg-protocol-scope2');
    if (g.market_intensity_g_per_kwh !== undefined) {
        push(stated('grid.market_intensity_g_per_kwh', g.market_intensity_g_per_kwh, 'g CO2e/kWh', {
            note: 'market-based factor (GHG Protocol Scope 2); location-based stays the primary result',
        }));
        return { intensity: g.market_intensity_g_per_kwh, cfe_pct: null };
    }
    let cfePct;
    if (g.cfe_pct !== undefined) {
        cfePct = g.cfe_pct;
        push(stated('grid.cfe_pct', cfePct, '%', { note: 'carbon-free energy share behind the market-based factor' }));
    }
    else if (factor?.cfe !== null && factor?.cfe !== undefined) {
        cfePct = Math.round(factor.cfe * 1000) / 10;
        push({
            path: 'grid.cfe_pct',
            value: cfePct,
            unit: '%',
            origin: 'default',
            source: `Google Cloud region-carbon-info ${factor.year}, ${factor.region}: Google CFE ${cfePct} % (hourly carbon-free energy share, including Google's clean energy purchases)`,
            year: factor.year,
            references: factor.references,
        });
    }
    else {
        throw new InputError({
            code: 'SCENARIO_INVALID',
            field: 'grid.basis',
            expected: `grid.market_intensity_g_per_kwh (a supplier factor) or grid.cfe_pct with basis market${factor ? `: no provider CFE % is published for ${factor.region}` : ''}`,
            got: 'market',
        });
    }
    const intensity = ci * (1 - cfePct / 100);
    push({
        path: 'grid.market_intensity_g_per_kwh',
        value: intensity,
        unit: 'g CO2e/kWh',
        origin: 'derived',
        source: `location-based intensity ${fmtG(ci)} g CO2e/kWh × (1 − CFE ${cfePct} %); market-based method of the GHG Protocol Scope 2 Guidance`,
        year: null,
        note: 'reported beside the location-based result, which stays primary',
        references: [scope2],
    });
    return { intensity, cfe_pct: cfePct };
}

// A minimal Prometheus HTTP API client: POST /api/v1/query_range, bounded in time, answers
// validated by zod. Credentials travel only in the Authorization header; every text we
// build for the user (errors, warnings, Source.path) uses the redacted URL and is scrubbed
// of the secret values, so a token can never reach a log, a comment or an artifact.
const TOKEN_ENV = 'ML_LCA_PROMETHEUS_TOKEN';
const USER_ENV = 'ML_LCA_PROMETHEUS_USER';
const PASSWORD_ENV = 'ML_LCA_PROMETHEUS_PASSWORD';
const DEFAULT_TIMEOUT_MS = 30_000;
/**
 * Build the endpoint from the scenario URL, explicit auth (action inputs) and the environment.
 * Precedence: explicit auth, then ML_LCA_PROMETHEUS_TOKEN, then ML_LCA_PROMETHEUS_USER +
 * _PASSWORD, then user:password in the URL (which is always stripped: fetch refuses such URLs).
 */
function makeEndpoint(url, auth, env) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new InputError({
            code: 'BAD_INPUT',
            field: 'prometheus.url',
            expected: 'an http(s) URL such as http://prometheus:9090',
            got: shortValue(redactText(url)),
        });
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        throw new InputError({
            code: 'BAD_INPUT',
            field: 'prometheus.url',
            expected: 'an http(s) URL such as http://prometheus:9090',
            got: shortValue(parsed.protocol),
        });
    }
    const urlUser = decodeURIComponent(parsed.username);
    const urlPassword = decodeURIComponent(parsed.password);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    parsed.hash = '';
    const base = parsed.toString().replace(/\/+$/, '');
    const nonEmpty = (s) => (s !== undefined && s !== '' ? s : undefined);
    let bearer = nonEmpty(auth?.bearer);
    let basic = auth?.basic && auth.basic.user !== '' ? auth.basic : undefined;
    if (!bearer && !basic) {
        bearer = nonEmpty(env[TOKEN_ENV]);
        const user = nonEmpty(env[USER_ENV]);
        if (!bearer && user)
            basic = { user, password: env[PASSWORD_ENV] ?? '' };
        if (!bearer && !basic && urlUser)
            basic = { user: urlUser, password: urlPassword };
    }
    const headers = { accept: 'application/json' };
    const secrets = [];
    if (bearer) {
        headers.authorization = `Bearer ${bearer}`;
        secrets.push(bearer);
    }
    else if (basic) {
        const encoded = Buffer.from(`${basic.user}:${basic.password}`, 'utf8').toString('base64');
        headers.authorization = `Basic ${encoded}`;
        secrets.push(encoded);
        if (basic.password)
            secrets.push(basic.password);
    }
    if (urlPassword)
        secrets.push(urlPassword);
    return { base, headers, secrets: secrets.filter((s) => s.length >= 3) };
}
/** Replace every secret value in a text; also strips `user:pass@` from URLs in it. */
function scrub(text, secrets) {
    let out = redactText(text);
    for (const s of secrets)
        out = out.split(s).join('***');
    return out;
}
function redactText(text) {
    return text.replace(/(\bhttps?:\/\/)[^/\s@]*@/gi, '$1');
}
/** One series of a matrix answer; values are [epoch seconds, "number as text"]. */
const MatrixSeries = object({
    metric: record(string(), string()),
    values: array(tuple([number(), string()])),
});
const RangeAnswer = object({
    status: literal('success'),
    data: object({ resultType: literal('matrix'), result: array(MatrixSeries) }),
    warnings: array(string()).optional(),
});
const ErrorAnswer = object({ status: literal('error'), errorType: string().optional(), error: string().optional() });
/** One range query. Every failure is an InputError SOURCE_UNREACHABLE naming the URL (redacted). */
async function queryRange(endpoint, query, range, step_s, opts) {
    const url = `${endpoint.base}/api/v1/query_range`;
    const expected = `a Prometheus HTTP API answer (HTTP 200, status "success", a matrix) to query_range of ${query}`;
    const fail = (got, hint) => new InputError({
        code: 'SOURCE_UNREACHABLE',
        file: url,
        expected: scrub(expected, endpoint.secrets),
        got: scrub(got, endpoint.secrets),
        hint,
    });
    // POST keeps long selectors out of URLs (and proxy logs); Prometheus accepts form bodies.
    const body = new URLSearchParams({ query, start: String(range.start_s), end: String(range.end_s), step: String(step_s) });
    let res;
    let text;
    try {
        res = await opts.fetch(url, {
            method: 'POST',
            headers: { ...endpoint.headers, 'content-type': 'application/x-www-form-urlencoded' },
            body: body.toString(),
            signal: AbortSignal.timeout(opts.timeoutMs),
            // Never follow: a redirect to another host would carry the credentials there.
            redirect: 'manual',
        });
        // The same signal bounds reading the body.
        text = await res.text();
    }
    catch (e) {
        throw fail(describeFetchError(e, opts.timeoutMs), 'check prometheus.url and that this runner can reach it');
    }
    if (res.status >= 300 && res.status < 400) {
        const to = res.headers.get('location');
        throw fail(`HTTP ${res.status} redirect${to ? ` to ${to}` : ''}`, 'set prometheus.url to the address the server redirects to');
    }
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        const type = res.headers.get('content-type') ?? 'no content type';
        throw fail(`HTTP ${res.status} with a body that is not JSON (${type})`, res.ok ? 'is prometheus.url the Prometheus server (not Grafana or a login page)?' : authHint(res.status));
    }
    if (!res.ok) {
        const err = ErrorAnswer.safeParse(json);
        const detail = err.success ? `: ${[err.data.errorType, err.data.error].filter(Boolean).join(': ')}` : '';
        throw fail(`HTTP ${res.status}${shortDetail(detail)}`, authHint(res.status));
    }
    const ok = RangeAnswer.safeParse(json);
    if (!ok.success) {
        const err = ErrorAnswer.safeParse(json);
        if (err.success)
            throw fail(`status "error"${shortDetail(`: ${[err.data.errorType, err.data.error].filter(Boolean).join(': ')}`)}`);
        throw fail(`an answer of another shape (${shortValue(json, 80)})`);
    }
    return {
        series: ok.data.data.result,
        warnings: (ok.data.warnings ?? []).map((w) => `Prometheus: ${scrub(w, endpoint.secrets)}`),
    };
}
function shortDetail(s) {
    return s.length > 200 ? `${s.slice(0, 199)}…` : s;
}
function authHint(status) {
    if (status === 401 || status === 403) {
        return `check the credentials (${TOKEN_ENV}, or ${USER_ENV} and ${PASSWORD_ENV})`;
    }
    return undefined;
}
function describeFetchError(e, timeoutMs) {
    if (e instanceof Error) {
        if (e.name === 'TimeoutError' || e.name === 'AbortError')
            return `no answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`;
        const cause = e.cause;
        const code = cause && typeof cause === 'object' && 'code' in cause ? String(cause.code) : undefined;
        const causeMsg = cause instanceof Error ? cause.message : undefined;
        if (code)
            return `connection failed (${code})`;
        return `connection failed (${causeMsg ?? e.message})`;
    }
    return `connection failed (${String(e)})`;
}

// Query planning for /api/v1/query_range. Prometheus refuses a range query that would return
// more than 11,000 points per series ("exceeded maximum resolution of 11,000 points per
// timeseries"). We keep the requested resolution by splitting the window into several
// queries, and only when that would take too many requests do we coarsen the step.
/** Prometheus' hard limit per range query (web/api/v1/api.go, queryRange: "exceeded maximum resolution"). */
const MAX_POINTS_PER_SERIES = 11_000;
/** Default step when the scenario gives none: a common DCGM exporter scrape interval. */
const DEFAULT_STEP_S = 15;
/** More requests than this per metric and we coarsen the step instead (a 15 s step covers ~45 days). */
const MAX_QUERIES = 24;
/**
 * Split [startMs, endMs] into range queries of at most MAX_POINTS_PER_SERIES points each.
 * The ranges tile the step grid start, start+step, ... without overlap, so concatenating their
 * points gives the same series as one unlimited query.
 */
function planQueries(startMs, endMs, requestedStep_s) {
    const warnings = [];
    const start_s = startMs / 1000;
    const end_s = endMs / 1000;
    const window_s = end_s - start_s;
    let step_s = requestedStep_s ?? DEFAULT_STEP_S;
    // Prometheus rejects steps below 1 ms; sub-second steps are never useful for energy.
    if (step_s < 1)
        step_s = 1;
    let points = Math.floor(window_s / step_s) + 1;
    const maxPoints = MAX_POINTS_PER_SERIES * MAX_QUERIES;
    if (points > maxPoints) {
        const coarser = Math.ceil(window_s / (maxPoints - 1));
        warnings.push(`step ${step_s} s over a ${formatDuration(window_s)} window needs more than ${MAX_QUERIES} queries of ${MAX_POINTS_PER_SERIES} points; step raised to ${coarser} s (power-gauge energy is less exact at a coarse step; counters are not affected)`);
        step_s = coarser;
        points = Math.floor(window_s / step_s) + 1;
    }
    const ranges = [];
    for (let first = 0; first < points; first += MAX_POINTS_PER_SERIES) {
        const last = Math.min(points, first + MAX_POINTS_PER_SERIES) - 1;
        ranges.push({ start_s: start_s + first * step_s, end_s: start_s + last * step_s });
    }
    return { step_s, ranges, points, warnings };
}
function formatDuration(s) {
    if (s < 120)
        return `${Math.round(s)} s`;
    if (s < 2 * 3600)
        return `${Math.round(s / 60)} min`;
    if (s < 72 * 3600)
        return `${(s / 3600).toFixed(1)} h`;
    return `${(s / 86400).toFixed(1)} d`;
}

// Range-query answers -> one device-scope Source. Pure: no I/O.
// Per GPU (host/gpu, or its UUID), energy comes from the DCGM energy counter (mJ, differenced
// with resets handled) or, when that series is missing or too short, from the power gauge
// (W, trapezoid rule: domain.md "Integrating power logs"). Every fallback, gap, short coverage
// and GPU missing on one host is a warning, so a partial measurement is never silent.
const COUNTER_METRIC = 'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION';
const GAUGE_METRIC = 'DCGM_FI_DEV_POWER_USAGE';
const MJ_PER_J = 1000;
const J_PER_KWH = 3.6e6;
/** DCGM exporter labels, then Kubernetes / Prometheus target labels as fallbacks. */
function gpuIdentity(labels) {
    const host = labels.Hostname ?? labels.hostname ?? labels.node ?? labels.kubernetes_node ?? labels.nodename ?? stripPort(labels.instance) ?? 'unknown-host';
    const uuid = labels.UUID ?? labels.uuid ?? null;
    const gpu = labels.gpu ?? labels.device ?? uuid ?? 'unknown-gpu';
    const name = labels.modelName ?? labels.model_name ?? null;
    return { host, gpu, uuid, name };
}
function stripPort(instance) {
    if (instance === undefined)
        return undefined;
    return instance.replace(/:\d+$/, '');
}
/** Concatenate the chunks of one query per series (chunks tile the step grid without overlap). */
function collect(series) {
    const out = new Map();
    for (const s of series) {
        const labels = { ...s.metric };
        delete labels.__name__;
        const id = JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
        let entry = out.get(id);
        if (!entry) {
            entry = { labels, points: { t: [], v: [], rejected: 0 } };
            out.set(id, entry);
        }
        for (const [t, text] of s.values) {
            const v = Number(text);
            const last = entry.points.t[entry.points.t.length - 1];
            if (last !== undefined && t <= last)
                continue; // chunk edge repeated: keep the first
            if (!Number.isFinite(v) || v < 0) {
                entry.points.rejected++;
                continue;
            }
            entry.points.t.push(t);
            entry.points.v.push(v);
        }
    }
    return out;
}
/** Per-GPU findings of one kind, rendered as one warning listing the GPUs (clusters are big). */
class Findings {
    byKind = new Map();
    add(kind, item) {
        const list = this.byKind.get(kind);
        if (list)
            list.push(item);
        else
            this.byKind.set(kind, [item]);
    }
    count(kind) {
        return this.byKind.get(kind)?.length ?? 0;
    }
    list(kind, max = 8) {
        const items = this.byKind.get(kind) ?? [];
        const shown = items.slice(0, max).join(', ');
        return items.length > max ? `${shown} and ${items.length - max} more` : shown;
    }
}
/** Two series of one GPU that do not overlap in time, as one; null when they overlap. */
function joinDisjoint(a, b) {
    const [first, second] = (a.t[0] ?? 0) <= (b.t[0] ?? 0) ? [a, b] : [b, a];
    const firstEnd = first.t[first.t.length - 1] ?? Number.NEGATIVE_INFINITY;
    const secondStart = second.t[0] ?? Number.POSITIVE_INFINITY;
    if (firstEnd >= secondStart)
        return null;
    return { t: [...first.t, ...second.t], v: [...first.v, ...second.v], rejected: first.rejected + second.rejected };
}
function toSource(input) {
    const warnings = [...input.warnings];
    const found = new Findings();
    const gpus = new Map();
    const place = (metric, series) => {
        for (const { labels, points } of collect(series).values()) {
            const id = gpuIdentity(labels);
            const key = id.uuid ?? `${id.host}/${id.gpu}`;
            let g = gpus.get(key);
            if (!g) {
                g = { key, ...id, counter: null, gauge: null };
                gpus.set(key, g);
            }
            if (g.name === null)
                g.name = id.name;
            const prev = g[metric];
            if (prev) {
                const joined = joinDisjoint(prev, points);
                if (joined) {
                    // One GPU, successive label sets (Kubernetes pod labels change between pods): one history.
                    g[metric] = joined;
                    continue;
                }
                // The same GPU scraped twice at once (two jobs, two exporters): summing would double count.
                found.add(`duplicate-${metric}`, `${g.host}/${g.gpu}`);
                if (points.t.length <= prev.t.length)
                    continue;
            }
            g[metric] = points;
        }
    };
    place('counter', input.counter);
    place('gauge', input.gauge);
    if (gpus.size === 0) {
        throw new InputError({
            code: 'LOG_NO_MATCH',
            file: input.path,
            expected: `${COUNTER_METRIC} or ${GAUGE_METRIC} series matching ${input.selector} between ${iso(input.startMs)} and ${iso(input.endMs)}`,
            got: 'no series',
            hint: 'check the selector labels (e.g. {job="…"} or {Hostname=~"node-.*"}) and the job window',
        });
    }
    // Device ids host/gpu; two GPUs with different UUIDs under one host/gpu keep their UUID.
    const idCount = new Map();
    for (const g of gpus.values())
        idCount.set(`${g.host}/${g.gpu}`, (idCount.get(`${g.host}/${g.gpu}`) ?? 0) + 1);
    const window_s = (input.endMs - input.startMs) / 1000;
    const gapThreshold_s = input.step_s * 1.5;
    const devices = [];
    let rows = 0;
    let rejected = 0;
    let resets = 0;
    let gapSeconds = 0;
    const sorted = [...gpus.values()].sort((a, b) => compareIds(`${a.host}/${a.gpu}`, `${b.host}/${b.gpu}`));
    for (const g of sorted) {
        const shortId = `${g.host}/${g.gpu}`;
        const id = (idCount.get(shortId) ?? 0) > 1 && g.uuid ? `${shortId}/${g.uuid}` : shortId;
        rows += (g.counter?.t.length ?? 0) + (g.gauge?.t.length ?? 0);
        rejected += (g.counter?.rejected ?? 0) + (g.gauge?.rejected ?? 0);
        let energy_kwh = null;
        let used = null;
        const counter = g.counter;
        const gauge = g.gauge;
        if (counter && counter.t.length >= 2) {
            const inc = new CounterSeries();
            counter.t.forEach((t, i) => {
                inc.add(t, (counter.v[i] ?? 0) / MJ_PER_J);
            });
            energy_kwh = inc.energyJ / J_PER_KWH;
            used = counter;
            if (inc.resets > 0) {
                resets += inc.resets;
                found.add('reset', id);
            }
        }
        else if (gauge && gauge.t.length >= 2) {
            // Fixed threshold: on the step grid a missing point already means no sample for longer
            // than Prometheus' lookback (5 min), so any missing point is a real gap.
            const tz = new PowerSeries(gapThreshold_s);
            gauge.t.forEach((t, i) => {
                tz.add(t, gauge.v[i] ?? 0);
            });
            tz.finish();
            energy_kwh = tz.energyJ / J_PER_KWH;
            used = gauge;
            found.add(counter ? 'short-counter' : 'no-counter', id);
            if (tz.gaps > 0) {
                gapSeconds += tz.gapSeconds;
                found.add('gaps', id);
            }
        }
        else {
            found.add('no-energy', id);
        }
        if (used) {
            const first = used.t[0] ?? 0;
            const last = used.t[used.t.length - 1] ?? 0;
            // A mean power no GPU can draw means a unit or label mix-up (µJ for mJ, a summed series).
            const meanW = energy_kwh !== null && last > first ? (energy_kwh * J_PER_KWH) / (last - first) : 0;
            const bound = implausibleAboveW(g.name);
            if (meanW > bound.limit)
                found.add('implausible', `${id} ${Math.round(meanW)} W > ${bound.basis}`);
            const missing_s = first - input.startMs / 1000 + (input.endMs / 1000 - last);
            if (missing_s > Math.max(2 * input.step_s, 0.01 * window_s)) {
                found.add('coverage', `${id} (${formatDuration(last - first)}, ${iso(first * 1000)} to ${iso(last * 1000)})`);
            }
        }
        devices.push({ id, name: g.name, host: g.host, ...(g.uuid ? { uuid: g.uuid } : {}), energy_kwh, samples: used?.t.length ?? 0 });
    }
    const n = (kind) => found.count(kind);
    for (const metric of ['counter', 'gauge']) {
        if (n(`duplicate-${metric}`)) {
            warnings.push(`${metric === 'counter' ? COUNTER_METRIC : GAUGE_METRIC} has more than one series for ${n(`duplicate-${metric}`)} GPU(s) (${found.list(`duplicate-${metric}`)}): scraped twice? kept the one with more samples; narrow the selector to one job`);
        }
    }
    if (n('reset')) {
        warnings.push(`${COUNTER_METRIC} reset ${resets} time(s) on ${n('reset')} GPU(s) (${found.list('reset')}): DCGM or driver restart; counted from zero after each reset`);
    }
    const fallback = n('no-counter') + n('short-counter');
    if (fallback) {
        const all = fallback === devices.length
            ? `all ${fallback} GPU(s)`
            : `${fallback} of ${devices.length} GPU(s) (${[found.list('no-counter'), found.list('short-counter')].filter(Boolean).join(', ')})`;
        const why = n('short-counter') ? 'no usable' : 'no';
        warnings.push(`${why} ${COUNTER_METRIC} series for ${all}: energy integrated from ${GAUGE_METRIC} (W, trapezoid at a ${input.step_s} s step) instead`);
    }
    if (n('gaps')) {
        warnings.push(`${GAUGE_METRIC} has gaps not bridged on ${n('gaps')} GPU(s) (${found.list('gaps')}), ${formatDuration(gapSeconds)} in all: energy during them is missing`);
    }
    if (n('coverage')) {
        warnings.push(`samples cover only part of the ${formatDuration(window_s)} job window on ${n('coverage')} GPU(s): ${found.list('coverage', 4)}; energy outside is missing`);
    }
    if (n('implausible')) {
        warnings.push(`implausible mean power on ${n('implausible')} GPU(s): ${found.list('implausible', 4)}; check the metric's unit (${COUNTER_METRIC} is mJ) and that the selector picks one series per GPU`);
    }
    if (n('no-energy')) {
        warnings.push(`fewer than 2 samples of ${COUNTER_METRIC} or ${GAUGE_METRIC} in the job window for ${n('no-energy')} GPU(s) (${found.list('no-energy')}): no energy for them`);
    }
    // A GPU whose series are missing altogether is visible only as a host with fewer GPUs.
    const perHost = new Map();
    for (const d of devices)
        perHost.set(d.host ?? '', (perHost.get(d.host ?? '') ?? 0) + 1);
    const maxGpus = Math.max(...perHost.values());
    const short = [...perHost].filter(([, k]) => k < maxGpus);
    if (short.length) {
        const missing = short.reduce((a, [, k]) => a + maxGpus - k, 0);
        warnings.push(`${missing} GPU(s) may be missing: ${short.map(([h, k]) => `${h} reports ${k}`).join(', ')}, other hosts ${maxGpus}`);
    }
    const measured = devices.filter((d) => d.energy_kwh !== null);
    return {
        path: input.path,
        format: 'prometheus',
        energy_kwh: measured.length > 0 ? measured.reduce((s, d) => s + (d.energy_kwh ?? 0), 0) : null,
        co2e_kg: null,
        water_l: null,
        duration_s: window_s,
        devices,
        rows,
        rows_rejected: rejected,
        logged_pue: null,
        warnings,
        scope: 'device',
        start: iso(input.startMs),
        end: iso(input.endMs),
    };
}
function iso(ms) {
    return new Date(ms).toISOString();
}
/** node-2/gpu 10 after node-2/gpu 9: numeric parts compare as numbers. */
function compareIds(a, b) {
    return a.localeCompare(b, 'en', { numeric: true });
}

// The job window a Prometheus stage is measured over: fixed in the scenario, or given by the
// CI job through ML_LCA_JOB_START / ML_LCA_JOB_END. The environment is passed in by the shell
// (cli.ts / main.ts), never read here from process.env.
const JOB_START_ENV = 'ML_LCA_JOB_START';
const JOB_END_ENV = 'ML_LCA_JOB_END';
/**
 * An instant as ISO 8601 (with or without offset; no offset means UTC) or epoch numbers:
 * seconds (`1773000000`, `1773000000.5`) or, with 13+ digits, milliseconds (`date +%s%3N`).
 * Returns epoch milliseconds, or null when the text is neither.
 */
function parseInstant(text) {
    const t = text.trim();
    if (/^\d+(\.\d+)?$/.test(t)) {
        const n = Number(t);
        const intDigits = t.split('.')[0]?.length ?? 0;
        const ms = intDigits >= 13 ? n : n * 1000;
        // Beyond a Date's range (±8.64e15 ms) it is no time at all.
        return Number.isFinite(ms) && ms <= 8.64e15 ? ms : null;
    }
    // ISO date or date-time; a date-time without offset is read as UTC (CI runners log UTC).
    const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(t);
    if (!m)
        return null;
    const [, date, time, zone] = m;
    const iso = time === undefined ? `${date}T00:00:00Z` : `${date}T${time}${zone ?? 'Z'}`;
    const ms = Date.parse(iso);
    return Number.isFinite(ms) ? ms : null;
}
/** Resolve `job_window` to epoch ms; the end is clamped to `now` (a job still running). */
function resolveJobWindow(jobWindow, env, now) {
    const fromEnv = jobWindow === 'from_env';
    // A number is an unquoted epoch from YAML: read as its decimal text, by the same rule.
    const text = (v) => (typeof v === 'number' ? String(v) : v);
    const startText = fromEnv ? env[JOB_START_ENV] : text(jobWindow.start);
    const endText = fromEnv ? env[JOB_END_ENV] : text(jobWindow.end);
    const where = (which) => (fromEnv ? { file: which === 'start' ? JOB_START_ENV : JOB_END_ENV } : { field: `prometheus.job_window.${which}` });
    const expected = 'an ISO 8601 time (2026-03-08T20:00:00Z) or epoch seconds';
    const parse = (text, which) => {
        if (text === undefined || text.trim() === '') {
            throw new InputError({
                code: 'BAD_INPUT',
                ...where(which),
                expected: fromEnv ? `${expected} in the environment (job_window: from_env)` : expected,
                got: 'nothing',
                hint: fromEnv ? `set ${JOB_START_ENV} and ${JOB_END_ENV} in the step that runs ml-lca, or give job_window: { start, end }` : undefined,
            });
        }
        const ms = parseInstant(text);
        if (ms === null)
            throw new InputError({ code: 'BAD_INPUT', ...where(which), expected, got: shortValue(text) });
        return ms;
    };
    const startMs = parse(startText, 'start');
    let endMs = parse(endText, 'end');
    const warnings = [];
    const nowMs = now.getTime();
    if (startMs >= nowMs) {
        throw new InputError({
            code: 'BAD_INPUT',
            ...where('start'),
            expected: `a job start before now (${now.toISOString()})`,
            got: new Date(startMs).toISOString(),
        });
    }
    if (endMs > nowMs) {
        warnings.push(`job window end ${new Date(endMs).toISOString()} is in the future; measured up to now (${now.toISOString()})`);
        endMs = nowMs;
    }
    if (endMs <= startMs) {
        throw new InputError({
            code: 'BAD_INPUT',
            ...where('end'),
            expected: `a job end after its start (${new Date(startMs).toISOString()})`,
            got: new Date(endMs).toISOString(),
        });
    }
    return { startMs, endMs, warnings };
}

async function queryPrometheus(src, opts = {}) {
    const env = opts.env ?? {};
    const now = opts.now ?? new Date();
    const doFetch = opts.fetch ?? globalThis.fetch;
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const selector = normaliseSelector(src.selector);
    const endpoint = makeEndpoint(src.url, opts.auth, env);
    const window = resolveJobWindow(src.job_window, env, now);
    const plan = planQueries(window.startMs, window.endMs, src.step_s);
    const warnings = [...window.warnings, ...plan.warnings];
    const run = async (metric) => {
        const all = [];
        // Sequential on purpose: one server, bounded load, and errors surface in order.
        for (const range of plan.ranges) {
            const r = await queryRange(endpoint, `${metric}${selector}`, range, plan.step_s, { fetch: doFetch, timeoutMs });
            all.push(...r.series);
            for (const w of r.warnings)
                if (!warnings.includes(w))
                    warnings.push(w);
        }
        return all;
    };
    const counter = await run(COUNTER_METRIC);
    const gauge = await run(GAUGE_METRIC);
    const source = toSource({
        counter,
        gauge,
        startMs: window.startMs,
        endMs: window.endMs,
        step_s: plan.step_s,
        path: `prometheus:${endpoint.base}${selector}`,
        selector,
        warnings,
    });
    // Labels come from the server; scrub anyway so no secret can ride along into a card.
    source.warnings = source.warnings.map((w) => scrub(w, endpoint.secrets));
    return source;
}
/** `{}`-style selector; a bare `job="x"` gets braces. */
function normaliseSelector(selector) {
    const s = (selector ?? '{}').trim();
    if (s === '')
        return '{}';
    return s.startsWith('{') ? s : `{${s}}`;
}

// The call the pipeline makes for a stage with `prometheus:`. Same as queryPrometheus, with
// errors about the scenario's own values pointed at the scenario file and the stage's key.
async function prometheusStageSource(stage, prom, opts) {
    try {
        return await queryPrometheus(prom, opts);
    }
    catch (e) {
        if (e instanceof InputError && e.field?.startsWith('prometheus.')) {
            throw new InputError({
                code: e.code,
                file: e.file ?? opts.scenarioFile,
                line: e.line,
                field: `stages.${stage}.${e.field}`,
                expected: e.expected,
                got: e.got,
                hint: e.hint,
            });
        }
        throw e;
    }
}

// Multi-node stages: Sources from several hosts (one log per host, or one source whose devices
// carry a host label, e.g. Prometheus) merged into one Source per energy scope, with a per-host
// breakdown. Hosts' clocks may disagree: each file was already integrated on its own clock
// (per host and device, never across hosts), so skew cannot change energy; it only affects the
// stage duration, which is therefore the longest single-host span, not max(end) − min(start).
/** Default skew above which we warn: larger than NTP-less drift over a day, smaller than a scrape gap. */
const DEFAULT_SKEW_WARN_S = 60;
function mergeHostSources(sources, opts = {}) {
    const warnings = [];
    const unlabeled = sources.filter((s) => !hasHostLabels(s));
    const fromPaths = hostsFromPaths(unlabeled.map((s) => s.path));
    const parts = sources.map((source) => {
        if (hasHostLabels(source)) {
            const hosts = source.devices.map((d) => d.host ?? '');
            const distinct = new Set(hosts);
            const only = distinct.size === 1 ? (hosts[0] ?? null) : null;
            // One host's labelled log (e.g. a per-node DCGM scrape file) is on that host's clock;
            // a Prometheus query spans hosts and is timed by the Prometheus server.
            return { source, hostOfDevice: hosts, singleHost: source.format === 'prometheus' ? null : only };
        }
        const host = opts.hostOf?.(source) ?? fromPaths.get(source.path) ?? hostFromPath(source.path);
        return { source, hostOfDevice: source.devices.map(() => host), singleHost: host };
    });
    const hosts = summariseHosts(parts);
    const skew = estimateSkew(hosts);
    const skewWarn = opts.skewWarn_s ?? DEFAULT_SKEW_WARN_S;
    if (skew !== null && skew.spread_s > skewWarn) {
        const worst = hosts.reduce((a, b) => (Math.abs(b.offset_s ?? 0) > Math.abs(a.offset_s ?? 0) ? b : a));
        const off = worst.offset_s ?? 0;
        warnings.push(`host clocks disagree by up to ${Math.round(skew.spread_s)} s (${worst.host} is ${Math.abs(Math.round(off))} s ${off >= 0 ? 'ahead of' : 'behind'} the median host): energy is integrated per host and device, so it is not affected; the stage duration is the longest single-host span`);
    }
    // Short coverage among hosts of one job (Prometheus hosts share the query window).
    const sameJob = hosts.filter((h) => h.offset_s !== null);
    const longest = Math.max(0, ...sameJob.map((h) => h.duration_s ?? 0));
    for (const h of sameJob) {
        if (h.duration_s === null || longest === 0)
            continue;
        if (longest - h.duration_s > Math.max(300, 0.1 * longest)) {
            warnings.push(`${h.host}: logs cover ${hours(h.duration_s)} h, the longest host ${hours(longest)} h; part of ${h.host}'s log may be missing`);
        }
    }
    const merged = [];
    for (const scope of ['device', 'host']) {
        const group = parts.filter((p) => (p.source.scope ?? 'host') === scope);
        if (group.length > 0)
            merged.push(mergeGroup(group, scope, hosts, warnings));
    }
    return { sources: merged, hosts, skew_s: skew?.spread_s ?? null, warnings };
}
function hasHostLabels(s) {
    return s.devices.length > 0 && s.devices.every((d) => typeof d.host === 'string' && d.host !== '');
}
function summariseHosts(parts) {
    const byHost = new Map();
    const get = (host) => {
        let h = byHost.get(host);
        if (!h) {
            h = { energy: null, scopes: new Set(), devices: new Set(), startMs: [], endMs: [], own: true, sources: new Set(), durations: [] };
            byHost.set(host, h);
        }
        return h;
    };
    for (const p of parts) {
        const s = p.source;
        const startMs = s.start ? Date.parse(s.start) : NaN;
        const endMs = s.end ? Date.parse(s.end) : NaN;
        const touched = new Set(p.singleHost !== null ? [p.singleHost] : p.hostOfDevice);
        for (const host of touched) {
            const h = get(host);
            h.sources.add(s.path);
            if (Number.isFinite(startMs))
                h.startMs.push(startMs);
            if (Number.isFinite(endMs))
                h.endMs.push(endMs);
            if (s.duration_s !== null)
                h.durations.push(s.duration_s);
            if (p.singleHost === null)
                h.own = false;
        }
        const scope = s.scope ?? 'host';
        for (const host of touched)
            get(host).scopes.add(scope);
        // One host's log: its total (a CodeCarbon total includes CPU and RAM beyond its devices).
        // A log spanning hosts: split by the devices' host labels.
        if (p.singleHost !== null && s.energy_kwh !== null)
            get(p.singleHost).energy = (get(p.singleHost).energy ?? 0) + s.energy_kwh;
        s.devices.forEach((d, i) => {
            const host = p.hostOfDevice[i] ?? p.singleHost ?? '';
            const h = get(host);
            h.devices.add(deviceKey$1(host, d));
            if (p.singleHost === null && d.energy_kwh !== null)
                h.energy = (h.energy ?? 0) + d.energy_kwh;
        });
    }
    return [...byHost.entries()]
        .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
        .map(([host, h]) => {
        const startMs = h.startMs.length ? Math.min(...h.startMs) : null;
        const endMs = h.endMs.length ? Math.max(...h.endMs) : null;
        const span = startMs !== null && endMs !== null ? (endMs - startMs) / 1000 : null;
        return {
            host,
            energy_kwh: h.energy,
            scope: h.scopes.size === 1 ? ([...h.scopes][0] ?? 'host') : 'mixed',
            devices: h.devices.size,
            start: startMs !== null ? new Date(startMs).toISOString() : null,
            end: endMs !== null ? new Date(endMs).toISOString() : null,
            duration_s: span ?? (h.durations.length ? Math.max(...h.durations) : null),
            offset_s: h.own && startMs !== null && endMs !== null ? 0 : null,
            sources: [...h.sources],
        };
    });
}
/**
 * Offsets of host clocks against the median host, from the start and end of each host's own
 * logs (hosts of one job start and stop together; a clock offset moves both ends alike).
 * Only hosts whose window mostly overlaps the median window count: logs of another run (days
 * apart) are not a clock error. Fills `offset_s` in place (null for hosts left out).
 */
function estimateSkew(hosts) {
    const own = hosts.filter((h) => h.offset_s !== null && h.start !== null && h.end !== null);
    const startOf = (h) => Date.parse(h.start ?? '');
    const endOf = (h) => Date.parse(h.end ?? '');
    const medStart = median(own.map(startOf));
    const medEnd = median(own.map(endOf));
    const sameJob = own.filter((h) => {
        const overlap = Math.min(endOf(h), medEnd) - Math.max(startOf(h), medStart);
        const shorter = Math.min(endOf(h) - startOf(h), medEnd - medStart);
        return shorter > 0 && overlap >= 0.5 * shorter;
    });
    for (const h of own)
        if (!sameJob.includes(h))
            h.offset_s = null;
    if (sameJob.length < 2) {
        for (const h of sameJob)
            h.offset_s = null;
        return null;
    }
    for (const h of sameJob) {
        const ds = startOf(h) - medStart;
        const de = endOf(h) - medEnd;
        // Both ends moved alike: a clock offset. Otherwise a log started late or stopped early;
        // the end that lines up with the others tells the offset.
        const alike = Math.abs(ds - de) <= Math.max(60_000, 0.02 * (medEnd - medStart));
        h.offset_s = (alike ? (ds + de) / 2 : Math.abs(ds) < Math.abs(de) ? ds : de) / 1000;
    }
    const offsets = sameJob.map((h) => h.offset_s ?? 0);
    return { spread_s: Math.max(...offsets) - Math.min(...offsets) };
}
function mergeGroup(group, scope, hosts, warnings) {
    const devices = [];
    const seen = new Map();
    const srcWarnings = [];
    for (const p of group) {
        p.source.devices.forEach((d, i) => {
            const host = p.hostOfDevice[i] ?? p.singleHost ?? '';
            const id = deviceKey$1(host, d);
            const prev = seen.get(id);
            if (prev && overlaps(prev.source, p.source)) {
                warnings.push(`${id} appears in ${prev.source.path} and ${p.source.path} over overlapping times: its energy is counted twice`);
            }
            seen.set(id, p);
            devices.push({ ...d, id, host });
        });
        const prefix = p.singleHost !== null ? `${p.singleHost}: ` : '';
        for (const w of p.source.warnings)
            srcWarnings.push(w.startsWith(prefix) ? w : `${prefix}${w}`);
    }
    const sum = (pick) => {
        const vals = group.map((p) => pick(p.source)).filter((v) => v !== null);
        return vals.length ? vals.reduce((a, b) => a + b, 0) : null;
    };
    const formats = [...new Set(group.map((p) => p.source.format))];
    const pues = [...new Set(group.map((p) => p.source.logged_pue))];
    const starts = group.map((p) => (p.source.start ? Date.parse(p.source.start) : NaN)).filter(Number.isFinite);
    const ends = group.map((p) => (p.source.end ? Date.parse(p.source.end) : NaN)).filter(Number.isFinite);
    const groupHosts = new Set(group.flatMap((p) => (p.singleHost !== null ? [p.singleHost] : p.hostOfDevice)));
    const spans = hosts
        .filter((h) => groupHosts.has(h.host))
        .map((h) => h.duration_s)
        .filter((d) => d !== null);
    const durations = group.map((p) => p.source.duration_s).filter((d) => d !== null);
    return {
        path: group.map((p) => p.source.path).join(' + '),
        format: formats.length === 1 ? (formats[0] ?? 'merged') : 'merged',
        energy_kwh: sum((s) => s.energy_kwh),
        co2e_kg: sum((s) => s.co2e_kg),
        water_l: sum((s) => s.water_l),
        // Skew-tolerant: the longest span one host saw on its own clock.
        duration_s: spans.length ? Math.max(...spans) : durations.length ? Math.max(...durations) : null,
        devices,
        rows: group.reduce((a, p) => a + p.source.rows, 0),
        rows_rejected: group.reduce((a, p) => a + p.source.rows_rejected, 0),
        logged_pue: pues.length === 1 ? (pues[0] ?? null) : null,
        warnings: srcWarnings,
        scope,
        start: starts.length ? new Date(Math.min(...starts)).toISOString() : null,
        end: ends.length ? new Date(Math.max(...ends)).toISOString() : null,
    };
}
function deviceKey$1(host, d) {
    return d.id.startsWith(`${host}/`) ? d.id : `${host}/${d.id}`;
}
function overlaps(a, b) {
    if (!a.start || !a.end || !b.start || !b.end)
        return true;
    return Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);
}
function median(xs) {
    const s = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}
function hours(s) {
    return (s / 3600).toFixed(1);
}
/** `runs/node-a/gpu.csv` -> `node-a`. One file: its name without extension. */
function hostFromPath(p) {
    return stripExt(path.basename(p));
}
/**
 * Host names for one-file-per-host logs: the path segment that differs between the files
 * (`runs/node-a/gpu.csv`, `runs/node-b/gpu.csv` -> node-a, node-b), with a common prefix or
 * suffix cut at `_` (`power_node-a.csv` -> node-a; hostnames have no `_`). Falls back to the
 * path below the common directory, without extension.
 */
function hostsFromPaths(paths) {
    const out = new Map();
    const unique = [...new Set(paths)];
    if (unique.length === 0)
        return out;
    if (unique.length === 1) {
        const only = unique[0] ?? '';
        out.set(only, hostFromPath(only));
        return out;
    }
    const split = unique.map((p) => p.split(/[\\/]+/));
    const depth = split[0]?.length ?? 0;
    const sameDepth = split.every((s) => s.length === depth);
    const differing = sameDepth ? [...Array(depth).keys()].filter((i) => new Set(split.map((s) => s[i])).size > 1) : [];
    if (differing.length === 1) {
        const i = differing[0] ?? 0;
        const names = split.map((s) => (i === depth - 1 ? stripExt(s[i] ?? '') : (s[i] ?? '')));
        const trimmed = trimCommon(names);
        unique.forEach((p, k) => {
            out.set(p, trimmed[k] ?? p);
        });
        return out;
    }
    let common = 0;
    while (split.every((s) => common < s.length - 1 && s[common] === split[0]?.[common]))
        common++;
    unique.forEach((p, k) => {
        out.set(p, stripExt((split[k] ?? []).slice(common).join('/')));
    });
    return out;
}
function stripExt(name) {
    return name.replace(/(\.(csv|tsv|txt|log|json|jsonl|ndjson|prom|om|gz))+$/i, '');
}
/** Cut the common prefix/suffix of names back to a `_` boundary, keeping names distinct. */
function trimCommon(names) {
    const first = names[0] ?? '';
    let pre = 0;
    while (pre < first.length && names.every((n) => n[pre] === first[pre]))
        pre++;
    const cutPre = first.lastIndexOf('_', pre - 1) + 1;
    let suf = 0;
    while (suf < first.length && names.every((n) => n.length - suf > cutPre && n[n.length - 1 - suf] === first[first.length - 1 - suf]))
        suf++;
    const tail = first.slice(first.length - suf);
    const k = tail.indexOf('_');
    const cutSuf = k === -1 ? 0 : tail.length - k;
    const out = names.map((n) => n.slice(cutPre, n.length - cutSuf));
    return new Set(out).size === names.length && out.every((n) => n !== '') ? out : names;
}
/**
 * Per-host breakdown of each stage that ran on two or more hosts, for the card
 * (`extensions.cluster`) and the report. Hosts come from device host labels (Prometheus,
 * DCGM scrapes) or, for logs without them, from the paths of two or more logs of one format
 * (one file per host); a single unlabelled log is one host named after its file.
 * Energy totals are not changed: the inventory already sums the sources.
 */
function clusterBreakdown(sourcesByStage, opts = {}) {
    const cluster = {};
    const warnings = [];
    for (const [stage, sources] of Object.entries(sourcesByStage)) {
        const byFormat = new Map();
        for (const s of sources)
            if (!hasHostLabels(s))
                byFormat.set(s.format, [...(byFormat.get(s.format) ?? []), s]);
        const hostOfPath = new Map();
        for (const group of byFormat.values()) {
            for (const [p, h] of hostsFromPaths(group.map((s) => s.path)))
                hostOfPath.set(p, h);
        }
        // Evidence of several hosts: host labels, or several logs of one format. A lone log of its
        // format (emissions.csv next to gpu.csv) says nothing about hosts.
        const evidence = new Set();
        for (const s of sources)
            if (hasHostLabels(s))
                for (const d of s.devices)
                    evidence.add(d.host ?? '');
        for (const group of byFormat.values())
            if (group.length >= 2)
                for (const s of group)
                    evidence.add(hostOfPath.get(s.path) ?? '');
        if (evidence.size < 2)
            continue;
        const merged = mergeHostSources(sources, { ...opts, hostOf: (s) => hostOfPath.get(s.path) ?? null });
        if (merged.hosts.length < 2)
            continue;
        cluster[stage] = { hosts: merged.hosts, skew_s: merged.skew_s };
        for (const w of merged.warnings)
            warnings.push(`${stage}: ${w}`);
    }
    return { cluster: Object.keys(cluster).length ? cluster : null, warnings };
}

/** Embodied kg CO2e per accelerator-hour in use: the device and its share of the server. */
function embodiedPerDeviceHourKg(hw) {
    const perDevice = (hw.embodied_kg ?? 0) + (hw.host_embodied_kg ?? 0) / hw.devices_per_host;
    return perDevice / (hw.lifespan_years * HOURS_PER_YEAR * hw.utilization);
}
/**
 * Cost of a stage, or null when no price is known. The GPU-hour price is a rental price that pays
 * for the power drawn unless `gpu_hour_includes_electricity` is false; a stage without hours has
 * no rental cost to compute, so only its electricity is priced.
 */
function stageCost(r, energyKwh, count, hours) {
    const electricity = r.electricity_usd_per_kwh === null ? null : energyKwh * r.electricity_usd_per_kwh;
    if (r.gpu_hour_usd === null || hours === null)
        return electricity;
    const rental = r.gpu_hour_usd * count * hours;
    return r.gpu_hour_includes_electricity ? rental : rental + (electricity ?? 0);
}
function assessStage(r, inv) {
    const it = inv.device_energy_kwh * r.it_overhead_factor + inv.host_energy_kwh;
    const energy = it * r.pue;
    const operational = (energy * r.grid.intensity_g_per_kwh) / 1000;
    const embodied = inv.hours === null ? 0 : inv.count * inv.hours * embodiedPerDeviceHourKg(r.hardware);
    const water = it * r.wue_l_per_kwh + energy * r.grid.water_intensity_l_per_kwh;
    const cost = stageCost(r, energy, inv.count, inv.hours);
    return {
        it_energy_kwh: it,
        energy_kwh: energy,
        operational_co2e_kg: operational,
        embodied_co2e_kg: embodied,
        co2e_kg: operational + embodied,
        water_l: water,
        cost_usd: cost,
        hours: inv.hours,
        inferences: inv.inferences,
        energy_origin: inv.origin,
        energy_scope: scopeLabel(inv),
        sources: inv.sources,
        completeness: inv.completeness,
    };
}
/** One label for the card: the scope holding most of the stage's energy (mixed stages keep both in the inventory). */
function scopeLabel(inv) {
    if (inv.host_energy_kwh > inv.device_energy_kwh)
        return 'host';
    if (inv.device_energy_kwh > 0)
        return 'device';
    return inv.origin === 'energy_kwh' ? 'host' : 'device';
}
/** Sum of a nullable column: null only when every value is null. */
function sumNullable(xs) {
    let any = false;
    let s = 0;
    for (const x of xs) {
        if (x !== null) {
            any = true;
            s += x;
        }
    }
    return any ? s : null;
}

function perFunctionalUnit(r, stages) {
    const fu = r.functional_unit.inferences;
    const lifetime = r.deployment.lifetime_inferences;
    const lifetimeFus = lifetime / fu;
    const all = Object.values(stages);
    const perInf = all.filter(isPerInferenceStage);
    const upfront = all.filter(isUpfrontStage);
    // Per single inference (sum over per-inference stages: each unit passes through all of them).
    const per = (f) => perInf.reduce((a, s) => a + f(s) / s.inferences, 0);
    const opG = per((s) => s.operational_co2e_kg * 1000);
    const embG = per((s) => s.embodied_co2e_kg * 1000);
    const energyWh = per((s) => s.energy_kwh * 1000);
    const waterMl = per((s) => s.water_l * 1000);
    const costPer = sumNullable(perInf.map((s) => (s.cost_usd === null ? null : s.cost_usd / s.inferences)));
    const up = {
        co2eKg: upfront.reduce((a, s) => a + s.co2e_kg, 0),
        energyKwh: upfront.reduce((a, s) => a + s.energy_kwh, 0),
        waterL: upfront.reduce((a, s) => a + s.water_l, 0),
        cost: sumNullable(upfront.map((s) => s.cost_usd)),
    };
    const marginal = opG * fu;
    const embodied = embG * fu;
    const amortized = (up.co2eKg * 1000) / lifetimeFus;
    const costFu = costPer === null && up.cost === null ? null : (costPer ?? 0) * fu + (up.cost ?? 0) / lifetimeFus;
    const perInfCo2eG = opG + embG;
    const inferenceKg = (perInfCo2eG * lifetime) / 1000;
    return {
        per_functional_unit: {
            co2e_g: marginal + embodied + amortized,
            energy_wh: energyWh * fu + (up.energyKwh * 1000) / lifetimeFus,
            water_ml: waterMl * fu + (up.waterL * 1000) / lifetimeFus,
            cost_usd: costFu,
            marginal_co2e_g: marginal,
            embodied_co2e_g: embodied,
            amortized_co2e_g: amortized,
        },
        lifetime: {
            inferences: lifetime,
            functional_units: lifetimeFus,
            upfront_co2e_kg: up.co2eKg,
            inference_co2e_kg: inferenceKg,
            co2e_kg: up.co2eKg + inferenceKg,
        },
        // Lifetime inferences at which cumulative per-inference carbon equals the up-front carbon.
        // Without a per-inference stage perInfCo2eG is 0: no breakeven either.
        breakeven_inferences: perInfCo2eG > 0 ? (up.co2eKg * 1000) / perInfCo2eG : null,
    };
}

// ISO 14044 phase 2, life cycle inventory: per stage, the energy (split by scope), the hours
// the hardware was held, the inferences served. Pure: sources come in, data goes out.
object({
    /** Accelerator-only energy (GPU power logs, hours × count × power): gets it_overhead_factor. */
    device_energy_kwh: number(),
    /** Whole-server energy (CodeCarbon, eco2ai, a stage's energy_kwh): no overhead factor. */
    host_energy_kwh: number(),
    origin: _enum(['logs', 'energy_kwh', 'estimate', 'prometheus']),
    hours: number().nullable(),
    hours_origin: _enum(['scenario', 'logs', 'none']).optional(),
    inferences: number().nullable(),
    count: number().int(),
    /** Paths of the logs whose energy was counted. */
    sources: array(string()),
    /** Measured, a deliberate estimate, or incomplete (energy unknown): see completeness.ts. */
    completeness: StageCompleteness,
    warnings: array(string()),
});
/** Formats whose energy covers the whole host (CPU + GPU + RAM). Others are device-only. */
const HOST_FORMATS = /^(codecarbon|eco2ai|hf[-_]?card|huggingface)/i;
function scopeOf(src) {
    return src.scope ?? (HOST_FORMATS.test(src.format) ? 'host' : 'device');
}
/** Wall-clock span of a source in hours: duration_s, else end − start. */
function spanHours(src) {
    if (src.duration_s !== null && src.duration_s >= 0)
        return src.duration_s / 3600;
    const a = timeMs(src.start);
    const b = timeMs(src.end);
    return a !== null && b !== null && b >= a ? (b - a) / 3_600_000 : null;
}
/** True when two sources' time windows overlap, or when we cannot tell (missing timestamps). */
function mayOverlap(a, b) {
    const a0 = timeMs(a.start);
    const a1 = timeMs(a.end);
    const b0 = timeMs(b.start);
    const b1 = timeMs(b.end);
    if (a0 === null || a1 === null || b0 === null || b1 === null)
        return true;
    return a0 <= b1 && b0 <= a1;
}
/**
 * Per-stage inventory. A stage's energy comes from its logs (sum of Source.energy_kwh, by
 * scope), else its `energy_kwh` (host scope), else `hours × count × power_w` (device scope).
 *
 * Mixed scopes in one stage: a host-scope log (CodeCarbon) already contains the GPU energy a
 * device-scope log (nvidia-smi) of the same run measures, so adding both would double count.
 * A device-scope source is dropped (with a warning) when its time window overlaps a host-scope
 * source of the stage, or when either lacks timestamps; sources of disjoint windows (different
 * runs) are both counted.
 */
function buildInventories(resolved, sourcesByStage) {
    const out = {};
    for (const [name, stage] of Object.entries(resolved.stages)) {
        const warnings = [];
        const count = stage.count ?? resolved.hardware.count;
        // Own keys only: a stage named `constructor` without logs must not find Object's constructor.
        const srcs = (Object.hasOwn(sourcesByStage, name) ? sourcesByStage[name] : undefined) ?? [];
        // Number.isFinite is false for null as for NaN and ±Infinity: no separate null check.
        const withEnergy = srcs.filter((s) => Number.isFinite(s.energy_kwh));
        // Files whose energy is missing or partial: the stage's energy is not determined.
        const broken = srcs.filter((s) => s.incomplete !== undefined);
        for (const s of broken)
            warnings.push(`${name}: ${s.path}: ${s.incomplete.reason}${s.energy_kwh === null ? '; not counted' : ''}`);
        const hosts = withEnergy.filter((s) => scopeOf(s) === 'host');
        const used = [...hosts];
        for (const d of withEnergy.filter((s) => scopeOf(s) === 'device')) {
            const clash = hosts.find((h) => mayOverlap(h, d));
            if (clash) {
                warnings.push(`${name}: ${d.path} (device-only energy) is not counted because ${clash.path} (whole-server energy) covers the same ${timeMs(d.start) === null || timeMs(clash.start) === null ? 'run (no timestamps to tell them apart)' : 'time window'}; counting both would double count the GPU energy`);
            }
            else {
                used.push(d);
            }
        }
        // Hours: given, else the longest log span (parallel logs of one job cover the same hours).
        let hours = stage.hours ?? null;
        let hoursOrigin = hours !== null ? 'scenario' : 'none';
        if (hours === null) {
            const spans = srcs.map(spanHours).filter((h) => h !== null);
            if (spans.length > 0) {
                hours = Math.max(...spans);
                hoursOrigin = 'logs';
            }
        }
        let device = 0;
        let host = 0;
        let origin;
        let fallback = null;
        const named = srcs.length > 0 || stage.logs !== undefined || stage.prometheus !== undefined;
        if (used.length > 0) {
            for (const s of used) {
                if (scopeOf(s) === 'host')
                    host += s.energy_kwh ?? 0;
                else
                    device += s.energy_kwh ?? 0;
            }
            origin = stage.prometheus && used.some((s) => /prom/i.test(s.format)) ? 'prometheus' : 'logs';
            if (stage.energy_kwh !== undefined)
                warnings.push(`${name}: energy_kwh (${stage.energy_kwh}) is ignored because the stage's logs give its energy`);
        }
        else if (stage.energy_kwh !== undefined) {
            if (named) {
                fallback = `energy_kwh (${stage.energy_kwh}) is counted in its place`;
                warnings.push(`${name}: no energy from logs; ${fallback}`);
            }
            host = stage.energy_kwh;
            origin = 'energy_kwh';
        }
        else {
            const power = resolved.hardware.power_w;
            // Logs that gave nothing: an estimate takes their place only from hours the scenario
            // states (a failed log's own span says nothing about its energy); else the stage's energy
            // is from its (failed) logs, 0 kWh, and the stage is incomplete. A stage without logs has
            // no span, so its hours are the stated ones either way.
            const stated = stage.hours ?? null;
            if (stated !== null && power !== null) {
                origin = 'estimate';
                device = (stated * count * power) / 1000;
                if (named) {
                    fallback = `estimated from hours × count × power_w in its place`;
                    warnings.push(`${name}: no energy from logs; ${fallback}`);
                }
            }
            else {
                origin = named ? (stage.prometheus ? 'prometheus' : 'logs') : 'estimate';
                if (!named && stated !== null) {
                    warnings.push(`${name}: hardware.power_w unknown (model not in the bundled data): the stage's energy cannot be estimated`);
                }
            }
        }
        if (hours === null && (used.length > 0 || origin === 'energy_kwh')) {
            warnings.push(`${name}: hours unknown (set stages.${name}.hours or use logs with timestamps): embodied carbon for this stage is counted as 0`);
        }
        let completeness;
        if (broken.length > 0)
            completeness = incompleteFromSources(name, broken, fallback);
        else if (named && used.length === 0 && fallback === null) {
            // A Prometheus query (or a file) that gave no energy and nothing to fall back on.
            const prom = origin === 'prometheus';
            completeness = {
                status: 'incomplete',
                reason: prom ? 'its Prometheus query gave no energy' : 'its logs gave no energy',
                file: srcs[0]?.path ?? null,
                fix: prom ? `check stages.${name}.prometheus (the query, its time window and the server's answer)` : `check stages.${name}.logs`,
            };
        }
        else if (origin === 'energy_kwh') {
            completeness = { status: 'estimate', reason: `energy_kwh ${stage.energy_kwh} stated in the scenario, not read from a log`, file: null, fix: null };
        }
        else if (origin === 'estimate') {
            const power = resolved.hardware.power_w;
            completeness =
                hours === null
                    ? noEnergySource(name)
                    : power === null
                        ? {
                            status: 'incomplete',
                            reason: `hardware.power_w is unknown for ${resolved.hardware.model}, so hours × count × power_w cannot be computed`,
                            file: null,
                            fix: 'set hardware.power_w (W per accelerator at typical load)',
                        }
                        : { status: 'estimate', reason: `hours × count × power_w = ${hours} h × ${count} × ${power} W, not measured`, file: null, fix: null };
        }
        else
            completeness = MEASURED;
        warnings.push(...hardwareChecks(name, resolved, count, srcs));
        out[name] = {
            device_energy_kwh: device,
            host_energy_kwh: host,
            origin,
            hours,
            hours_origin: hoursOrigin,
            inferences: stage.inferences ?? null,
            count,
            sources: used.map((s) => s.path),
            completeness,
            warnings,
        };
    }
    return out;
}
/**
 * Consistency of logs with the scenario's hardware: the embodied share uses the scenario's
 * model and count, so say when the logs show another GPU model or more devices.
 */
function hardwareChecks(stage, r, count, srcs) {
    const out = [];
    const logged = new Set();
    const ids = new Set();
    for (const s of srcs) {
        for (const d of s.devices) {
            // CPU and memory channels of an `ml-lca measure` log are not accelerators.
            if (d.kind !== undefined && d.kind !== 'gpu')
                continue;
            ids.add(`${d.host ?? ''}/${d.id}`);
            const m = d.name ? lookupHardware(d.name)?.model : undefined;
            if (m)
                logged.add(m);
        }
    }
    const others = [...logged].filter((m) => m !== r.hardware.model);
    if (r.hardware.known && others.length > 0) {
        out.push(`${stage}: the logs show ${others.join(', ')} but hardware.model is ${r.hardware.model}: embodied carbon and estimates use ${r.hardware.model}`);
    }
    if (ids.size > count) {
        out.push(`${stage}: the logs show ${ids.size} devices but the stage uses count ${count}: embodied carbon counts ${count} (set stages.${stage}.count)`);
    }
    return out;
}

function assess(resolved, inventories) {
    const stages = {};
    const warnings = [...(resolved.warnings ?? [])];
    for (const [name, inv] of Object.entries(inventories)) {
        stages[name] = assessStage(resolved, inv);
        warnings.push(...inv.warnings);
        if (resolved.gpu_hour_usd !== null && inv.hours === null) {
            warnings.push(`${name}: no hours, so its GPU-hour cost (gpu_hour_usd) cannot be computed; ${resolved.electricity_usd_per_kwh === null ? 'the stage has no cost' : 'only its electricity is priced'} (set stages.${name}.hours)`);
        }
    }
    const rows = Object.values(stages);
    const sum = (f) => rows.reduce((a, s) => a + f(s), 0);
    const totals = {
        energy_kwh: sum((s) => s.energy_kwh),
        it_energy_kwh: sum((s) => s.it_energy_kwh),
        operational_co2e_kg: sum((s) => s.operational_co2e_kg),
        embodied_co2e_kg: sum((s) => s.embodied_co2e_kg),
        co2e_kg: sum((s) => s.co2e_kg),
        water_l: sum((s) => s.water_l),
        cost_usd: sumNullable(rows.map((s) => s.cost_usd)),
    };
    const fu = perFunctionalUnit(resolved, stages);
    const flows = new Set(resolved.boundary.flows);
    if (Object.values(inventories).some((i) => i.host_energy_kwh > 0))
        flows.add('host_overhead');
    const order = ['device_energy', 'host_overhead', 'facility_overhead', 'embodied', 'embodied_host', 'water_onsite', 'water_offsite', 'cost'];
    const boundary = {
        stages: resolved.boundary.stages,
        flows: [...flows].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
    };
    return { stages, totals, ...fu, boundary, warnings: [...new Set(warnings)] };
}

// Count every measured run once (issue 12). A glob like `runs/**/emissions.csv` easily picks up a
// copy of a log, and one log can be named by two stages; adding both would double the energy.
// The same run is recognised, across the files of a stage and across stages, by:
//   - the same file (path) in a second stage;
//   - a run identity the logger writes (CodeCarbon / eco2ai run_id, a Zeus window and its start);
//   - the same device (host-qualified id or GPU UUID) in power logs over an overlapping window;
//   - an exact copy under another name (same format, window, rows and per-device energy).
// The first occurrence (scenario order of stages, then file order) counts; later ones give only
// what they add (a later snapshot of a run counts its increase), with a warning naming both files.
// The card's `sources` keep the files as read; the adjusted copies go to the inventory.
const fmt = (x) => Number(x.toPrecision(4)).toString();
/**
 * A device identity that is the same physical device wherever it appears: its UUID where the log
 * has one, else its host-qualified id (host/index), else an id that is a UUID; null for a bare
 * index (per-host logs without host names: different files may be different hosts).
 */
function deviceKey(d) {
    if (d.uuid)
        return `uuid:${d.uuid}`;
    if (/^GPU-[0-9a-f]{8}-|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/i.test(d.id))
        return `uuid:${d.id}`;
    if (d.host)
        return d.id; // host-qualified by the builder: host/index
    return null;
}
/** Share of `s`'s window that `o`'s window covers (1 when either window is unknown: cannot tell them apart). */
function coveredShare(s, o) {
    const a0 = timeMs(s.start);
    const a1 = timeMs(s.end);
    const b0 = timeMs(o.start);
    const b1 = timeMs(o.end);
    if (a0 === null || a1 === null || b0 === null || b1 === null)
        return 1;
    const overlap = Math.min(a1, b1) - Math.max(a0, b0);
    if (overlap < 0)
        return 0; // windows that only touch give 0 / (a1 - a0) = 0 below; a point on the edge is inside
    return a1 > a0 ? Math.min(1, overlap / (a1 - a0)) : 1;
}
/** Identity of a file's content, for logs without run ids (an identified run is matched by its id instead). */
function fingerprint(s) {
    if (s.runs?.length || s.energy_kwh === null || s.energy_kwh === 0)
        return null;
    const devices = s.devices.map((d) => `${d.uuid ?? d.id}:${d.samples}:${d.energy_kwh}`).join(',');
    return [s.format, s.start, s.end, s.rows, s.energy_kwh, devices].join('|');
}
/** The source as counted in a stage when all of it was already counted elsewhere. */
function countedElsewhere(s) {
    const { incomplete: _incomplete, ...rest } = s;
    return {
        ...rest,
        energy_kwh: s.energy_kwh === null ? null : 0,
        devices: s.devices.map((d) => ({ ...d, energy_kwh: d.energy_kwh === null ? null : 0 })),
        // Its hours belong to the stage that counts it (no second embodied share either).
        duration_s: null,
        start: null,
        end: null,
        runs: [],
    };
}
function countOnce(byStage) {
    const warnings = [];
    const paths = new Map();
    const prints = new Map();
    const runs = new Map();
    const devices = [];
    const out = {};
    const where = (stage, seen) => (seen.stage === stage ? seen.path : `${seen.path} (stage ${seen.stage})`);
    for (const [stage, list] of Object.entries(byStage)) {
        const adjusted = [];
        for (const s of list) {
            const prevPath = paths.get(s.path);
            if (prevPath) {
                warnings.push(`${stage}: ${s.path} is also a log of stage ${prevPath.stage}: its energy is counted once, in ${prevPath.stage}`);
                adjusted.push(countedElsewhere(s));
                continue;
            }
            paths.set(s.path, { stage, path: s.path });
            const print = fingerprint(s);
            if (print !== null) {
                const copyOf = prints.get(print);
                if (copyOf) {
                    warnings.push(`${stage}: ${s.path} is a copy of ${where(stage, copyOf)} (same device, time window and samples): counted once`);
                    adjusted.push(countedElsewhere(s));
                    continue;
                }
                prints.set(print, { stage, path: s.path });
            }
            let removed = 0;
            const repeats = new Map();
            const note = (seen, what, kwh) => {
                const k = where(stage, seen);
                const r = repeats.get(k) ?? { what: [], kwh: 0 };
                r.what.push(what);
                r.kwh += kwh;
                repeats.set(k, r);
            };
            for (const r of s.runs ?? []) {
                const prev = runs.get(r.id);
                if (!prev) {
                    runs.set(r.id, { stage, path: s.path, energy_kwh: r.energy_kwh });
                    continue;
                }
                // The larger (later) snapshot of the run counts; this file adds only what exceeds the first.
                const dup = Math.min(prev.energy_kwh, r.energy_kwh);
                removed += dup;
                note(prev, `run ${r.id.replace(/^[a-z0-9]+:/, '')}`, dup);
                prev.energy_kwh = Math.max(prev.energy_kwh, r.energy_kwh);
            }
            const newDevices = s.devices.map((d) => ({ ...d }));
            if (!s.runs?.length && (s.scope ?? 'device') === 'device') {
                for (const d of newDevices) {
                    const key = deviceKey(d);
                    if (key === null || d.energy_kwh === null || d.energy_kwh === 0)
                        continue;
                    const prev = devices.find((x) => x.key === key && coveredShare(s, x.source) > 0);
                    if (prev) {
                        const dup = d.energy_kwh * coveredShare(s, prev.source);
                        removed += dup;
                        d.energy_kwh -= dup;
                        note(prev, `device ${key.replace(/^uuid:/, '')}`, dup);
                    }
                    devices.push({ stage, path: s.path, key, source: s });
                }
            }
            for (const [other, r] of repeats) {
                const shown = r.what.length > 3 ? `${r.what.slice(0, 3).join(', ')} and ${r.what.length - 3} more` : r.what.join(', ');
                warnings.push(`${stage}: ${s.path} repeats ${shown} of ${other} over the same time: counted once (${fmt(r.kwh)} kWh not added again)`);
            }
            if (removed > 0 && s.energy_kwh !== null) {
                const left = s.energy_kwh - removed;
                // Rounding: what is left of a full copy is 0, not -1e-16.
                adjusted.push({ ...s, devices: newDevices, energy_kwh: left > s.energy_kwh * 1e-9 ? left : 0 });
            }
            else {
                adjusted.push(s);
            }
        }
        out[stage] = adjusted;
    }
    return { byStage: out, warnings };
}

// Numbers that cannot be computed with (issue 12: impossible scenarios are bad input, exit 2):
// a scenario value so small that it underflows (a subnormal double: precision is lost and
// products round to 0), and results that overflow to infinity (`energy_kwh: 1e308` × PUE × grid
// intensity), whether from the scenario or from a log's values. zod already rejects `.inf` and
// `.nan` in the scenario; these checks catch what only arithmetic reveals.
/** Smallest positive normal double (2^-1022); below it a number underflows. */
const MIN_NORMAL = 2.2250738585072014e-308;
/** InputError (field path) for the first scenario number that is nonzero but subnormal. */
function checkScenarioMagnitudes(s) {
    const walk = (v, path) => {
        if (typeof v === 'number') {
            if (v !== 0 && Math.abs(v) < MIN_NORMAL) {
                throw new InputError({
                    code: 'SCENARIO_INVALID',
                    field: formatPath(path),
                    expected: 'a number of ordinary size (0, or at least 1e-300): this one is so small that it underflows to 0 in the computation',
                    got: String(v),
                });
            }
            return;
        }
        if (Array.isArray(v)) {
            for (const [i, x] of v.entries())
                walk(x, [...path, i]);
        }
        else if (v !== null && typeof v === 'object')
            for (const [k, x] of Object.entries(v))
                walk(x, [...path, k]);
    };
    walk(s, []);
}
/** LOG_CORRUPT naming the file whose values add up to infinity. */
function checkSourcesFinite(sources) {
    for (const s of sources) {
        const bad = (s.energy_kwh !== null && !Number.isFinite(s.energy_kwh)) ||
            (s.co2e_kg !== null && !Number.isFinite(s.co2e_kg)) ||
            s.devices.some((d) => d.energy_kwh !== null && !Number.isFinite(d.energy_kwh));
        if (bad) {
            throw new InputError({
                code: 'LOG_CORRUPT',
                file: s.path,
                expected: 'energy values that add up to a finite number',
                got: 'values so large that their total overflows to infinity',
            });
        }
    }
}
const finite = (x) => x === null || Number.isFinite(x);
/**
 * InputError naming the scenario field (or the log) behind the first result that overflowed.
 * Checked stage by stage, then the sums and the per-functional-unit figures.
 */
function checkResultsFinite(s, result, sourcesByStage) {
    for (const [name, r] of Object.entries(result.stages)) {
        const values = [r.it_energy_kwh, r.energy_kwh, r.operational_co2e_kg, r.embodied_co2e_kg, r.co2e_kg, r.water_l, r.cost_usd];
        if (values.every(finite))
            continue;
        const st = s.stages[name];
        const logs = (Object.hasOwn(sourcesByStage, name) ? sourcesByStage[name] : undefined) ?? [];
        // Energy read from files or from a Prometheus answer: the source is to blame, not a scenario field.
        if ((r.energy_origin === 'logs' || r.energy_origin === 'prometheus') && logs.length > 0) {
            const biggest = [...logs].sort((a, b) => (b.energy_kwh ?? 0) - (a.energy_kwh ?? 0))[0]; // logs is not empty
            throw new InputError({
                code: 'LOG_CORRUPT',
                file: biggest.path,
                field: `stage ${name}`,
                expected: 'energy small enough to compute with',
                got: `${shortValue(biggest.energy_kwh)} kWh, whose carbon overflows to infinity`,
            });
        }
        const field = r.energy_origin === 'energy_kwh' ? 'energy_kwh' : st?.hours !== undefined ? 'hours' : 'inferences';
        throw new InputError({
            code: 'SCENARIO_INVALID',
            field: `stages.${name}.${field}`,
            expected: 'a number small enough to compute with (this stage’s energy, carbon or cost overflows to infinity)',
            got: shortValue(st?.[field]),
        });
    }
    const t = result.totals;
    if (![t.energy_kwh, t.it_energy_kwh, t.co2e_kg, t.operational_co2e_kg, t.embodied_co2e_kg, t.water_l, t.cost_usd].every(finite)) {
        throw new InputError({
            code: 'SCENARIO_INVALID',
            field: 'stages',
            expected: 'stage values whose sum is a finite number',
            got: 'values so large that the total overflows to infinity',
        });
    }
    const fu = result.per_functional_unit;
    const lt = result.lifetime;
    if (![fu.co2e_g, fu.energy_wh, fu.water_ml, fu.cost_usd, fu.marginal_co2e_g, fu.embodied_co2e_g, fu.amortized_co2e_g, lt.co2e_kg, lt.inference_co2e_kg].every(finite)) {
        throw new InputError({
            code: 'SCENARIO_INVALID',
            field: 'functional_unit.inferences',
            expected: 'a functional unit and lifetime small enough that the per-unit and lifetime figures are finite numbers',
            got: `${shortValue(s.functional_unit.inferences)} inferences per unit, ${shortValue(s.deployment.lifetime_inferences)} over the lifetime`,
        });
    }
}

function flattenSources(sources) {
    if (Array.isArray(sources))
        return sources;
    const seen = new Set();
    const out = [];
    for (const list of Object.values(sources)) {
        for (const s of list) {
            if (seen.has(s.path))
                continue;
            seen.add(s.path);
            out.push(s);
        }
    }
    return out;
}

/** Textbook DGX H100 rack profile: accelerator load 1,433.6 kW -> 1,971.2 kW with host, i.e. 1.375×. */
const TEXTBOOK_IT_OVERHEAD = 1.375;
/** Textbook: leading hyperscale facilities PUE 1.1–1.2; industry average ≈ 1.58 (Uptime Institute 2022). */
const TEXTBOOK_PUE = { low: 1.1, high: 1.58 };
/** Textbook: "Extending GPU lifetime from three to five years ..." (textbook chapter "Sustainable AI"). */
const TEXTBOOK_LIFESPAN_RANGE = { low: 3, high: 5 };
/** The low/high an assumption recorded for a scenario path, when resolveScenario stored one. */
function assumptionRange(r, path) {
    const a = r.assumptions.find((x) => x.path === path);
    if (!a || a.low === undefined || a.high === undefined)
        return null;
    return { low: a.low, high: a.high, source: a.source };
}
function assumptionSource(r, path) {
    return r.assumptions.find((x) => x.path === path)?.source ?? null;
}
/** The value was set in the scenario file (a stated value: no range unless the file gives one). */
function isStated(r, path) {
    return r.assumptions.find((x) => x.path === path)?.origin === 'scenario';
}
const ordered = (low, central, high) => ({
    low: Math.min(low, central, high),
    central,
    high: Math.max(low, central, high),
});
/**
 * Every parameter with a non-degenerate range (low < high). `stages` tells whether any energy is
 * device-only, which decides whether a missing IT overhead is an uncertainty of this result.
 */
function parametersOf(r, stages) {
    const out = [];
    const g = r.grid;
    out.push({
        id: 'grid_intensity',
        parameter: 'grid.intensity_g_per_kwh',
        unit: 'g CO2e/kWh',
        ...ordered(g.intensity_low_g_per_kwh, g.intensity_g_per_kwh, g.intensity_high_g_per_kwh),
        source: assumptionSource(r, 'grid.intensity_g_per_kwh') ?? 'resolved grid range',
        uncertain: true,
        set: (s, v) => {
            s.grid.intensity_g_per_kwh = v;
        },
    });
    // A PUE set in the scenario carries no range: the tornado still shows the what-if between
    // the textbook's hyperscale (1.1) and industry-average (1.58) PUE, not propagated as uncertainty.
    const pueRange = r.pue_high > r.pue_low;
    out.push({
        id: 'pue',
        parameter: 'pue',
        unit: '',
        ...(pueRange ? ordered(r.pue_low, r.pue, r.pue_high) : ordered(TEXTBOOK_PUE.low, r.pue, TEXTBOOK_PUE.high)),
        source: pueRange
            ? (assumptionSource(r, 'pue') ?? 'resolved PUE range')
            : 'what-if: textbook hyperscale PUE 1.1 to industry average 1.58 (set pue in the scenario, no range)',
        uncertain: pueRange,
        set: (s, v) => {
            s.pue = v;
        },
    });
    const h = r.hardware;
    if (h.embodied_kg !== null) {
        // Without a range in the data (a value set in the scenario) the tornado shows ×0.5 .. ×2 as
        // a what-if: published embodied estimates for one GPU span an order of magnitude (domain.md:
        // H100 ≈ 15–463 kg around 164 kg), so a point value deserves at least that question.
        const embRange = h.embodied_low_kg !== null && h.embodied_high_kg !== null && h.embodied_high_kg > h.embodied_low_kg;
        out.push({
            id: 'embodied',
            parameter: 'hardware.embodied_kg',
            unit: 'kg CO2e per device',
            ...(embRange
                ? ordered(h.embodied_low_kg ?? h.embodied_kg, h.embodied_kg, h.embodied_high_kg ?? h.embodied_kg)
                : ordered(h.embodied_kg / 2, h.embodied_kg, h.embodied_kg * 2)),
            source: embRange
                ? (assumptionSource(r, 'hardware.embodied_kg') ?? 'resolved hardware data')
                : 'what-if: ×0.5 and ×2 (no range for a value set in the scenario)',
            uncertain: embRange,
            set: (s, v) => {
                s.hardware.embodied_kg = v;
            },
        });
    }
    // The server's embodied carbon (host CPUs, memory, chassis), shared by devices_per_host: a
    // defaulted platform figure carries its data range; a stated one none.
    const host = assumptionRange(r, 'hardware.host_embodied_kg');
    if (h.host_embodied_kg !== null && host && !isStated(r, 'hardware.host_embodied_kg')) {
        out.push({
            id: 'host_embodied',
            parameter: 'hardware.host_embodied_kg',
            unit: 'kg CO2e per server',
            ...ordered(host.low, h.host_embodied_kg, host.high),
            source: host.source,
            uncertain: true,
            set: (s, v) => {
                s.hardware.host_embodied_kg = v;
            },
        });
    }
    const life = assumptionRange(r, 'hardware.lifespan_years');
    out.push({
        id: 'lifespan',
        parameter: 'hardware.lifespan_years',
        unit: 'years',
        ...ordered(life?.low ?? TEXTBOOK_LIFESPAN_RANGE.low, h.lifespan_years, life?.high ?? TEXTBOOK_LIFESPAN_RANGE.high),
        source: life?.source ?? 'textbook: GPU lifetime three to five years',
        // Only a range the data carries is propagated as uncertainty; the textbook what-if is not.
        uncertain: life !== null,
        set: (s, v) => {
            s.hardware.lifespan_years = v;
        },
    });
    const deviceOnly = Object.values(stages).some((s) => s.energy_scope === 'device' && s.it_energy_kwh > 0);
    const oh = assumptionRange(r, 'it_overhead_factor');
    const ohStated = isStated(r, 'it_overhead_factor');
    out.push({
        id: 'it_overhead_factor',
        parameter: 'it_overhead_factor',
        unit: '×',
        ...(oh && !ohStated
            ? ordered(oh.low, r.it_overhead_factor, oh.high)
            : ordered(1, r.it_overhead_factor, Math.max(TEXTBOOK_IT_OVERHEAD, r.it_overhead_factor))),
        source: oh && !ohStated ? oh.source : 'textbook: DGX H100 rack, host load raises accelerator load 1.375× (1,433.6 kW -> 1,971.2 kW)',
        // Defaulted and applied to device-only energy, the overhead is an uncertainty of the result;
        // stated in the scenario (a value without a range), or with host-inclusive energy only, a what-if.
        uncertain: deviceOnly && !ohStated,
        set: (s, v) => {
            s.it_overhead_factor = v;
        },
    });
    // WUE (water only): a defaulted WUE carries the data's range; a stated one none.
    const wue = assumptionRange(r, 'wue_l_per_kwh');
    if (wue && !isStated(r, 'wue_l_per_kwh')) {
        out.push({
            id: 'wue',
            parameter: 'wue_l_per_kwh',
            unit: 'L/kWh',
            ...ordered(wue.low, r.wue_l_per_kwh, wue.high),
            source: wue.source,
            uncertain: true,
            waterOnly: true,
            set: (s, v) => {
                s.wue_l_per_kwh = v;
            },
        });
    }
    const L = r.deployment.lifetime_inferences;
    out.push({
        id: 'lifetime_inferences',
        parameter: 'deployment.lifetime_inferences',
        unit: 'inferences',
        low: L / 10,
        central: L,
        high: L * 10,
        source: 'scenario value ÷10 and ×10 (paper: per-unit cost is extremely sensitive to lifetime use)',
        uncertain: false,
        set: (s, v) => {
            s.deployment.lifetime_inferences = v;
        },
    });
    return out.filter((p) => p.high > p.low);
}
/**
 * A copy of the scenario with `set` applied: the original is never mutated. Only the objects a
 * `set` writes into (grid, hardware, deployment, the top level) are copied; this runs once per
 * Monte Carlo sample, where a deep clone of the assumptions list would dominate the time.
 */
function withValues(r, changes) {
    const copy = { ...r, grid: { ...r.grid }, hardware: { ...r.hardware }, deployment: { ...r.deployment } };
    for (const [p, v] of changes)
        p.set(copy, v);
    return copy;
}

/** A gap warning whose length cannot be read from the message: +5 % on the high side (tool assumption). */
const UNQUANTIFIED_GAP = 0.05;
/** ingest's gap warning: "<device>: N gap(s) longer than T s not bridged (X s in all; ...)". */
const GAP_SECONDS = /\(([\d,]+(?:\.\d+)?)\s*s in all/i;
const pct = (x) => `${Number((x * 100).toPrecision(3))} %`;
/** The method of a source that does not say (cards written before SOURCE.measurement existed). */
function methodOf(s) {
    if (s.measurement)
        return s.measurement.method;
    if (s.format === 'codecarbon' || s.format === 'eco2ai')
        return 'software_estimate';
    if (s.format === 'zeus')
        return 'energy_counter';
    return 'power_samples';
}
/** Relative half-width of a method's systematic uncertainty, with its source (src/data/measurement.ts). */
function methodUncertainty(method) {
    if (method === 'software_estimate') {
        const f = MEASUREMENT_UNCERTAINTY.software_estimate;
        return { rel: f.rel, label: `software estimate ±${pct(f.rel)}`, source: f.source };
    }
    const f = MEASUREMENT_UNCERTAINTY.gpu_sensor;
    const what = method === 'energy_counter' ? 'energy counter' : method === 'energy_records' ? 'logged energy' : 'sampled power';
    return { rel: f.rel, label: `${what}, GPU sensor ±${pct(f.rel)}`, source: f.source };
}
/**
 * Factor ranges on each stage's energy, two per stage at most:
 * - measurement (systematic), by method: an `estimate` (hours × count × power_w) takes the power
 *   range of the hardware data, else the published error of rated-power estimates (±37 %); a
 *   power_w stated in the scenario has no range. Logs: the GPU sensor's ±5 % (power samples,
 *   energy counters, logged energy) or a software estimate's ±40 % (CodeCarbon, eco2ai), each
 *   weighted by the source's share of the stage energy; the estimated part of an `ml-lca measure`
 *   log (CPU/memory without RAPL) takes its own low/high instead of the sensor's. `energy_kwh`
 *   stated in the scenario: exact.
 * - per run (noise): rejected rows may have carried energy: high = rows / (rows − rejected);
 *   a reported gap adds its share of the log's duration (5 % when the length is not stated);
 *   the scatter of power samples adds ±k·u (GUM Type A, k = 2) on both sides.
 */
function energyRanges(resolved, inventories, stages, sources) {
    const byPath = new Map(sources.map((s) => [s.path, s]));
    const power = assumptionRange(resolved, 'hardware.power_w');
    const powerStated = isStated(resolved, 'hardware.power_w');
    const out = [];
    for (const [name, inv] of Object.entries(inventories)) {
        const origin = stages[name]?.energy_origin;
        if (origin === 'estimate') {
            const pw = resolved.hardware.power_w;
            if (powerStated || pw === null || !(pw > 0))
                continue;
            if (power && power.high > power.low) {
                out.push({
                    stage: name,
                    kind: 'measurement',
                    low: Math.min(1, power.low / pw),
                    high: Math.max(1, power.high / pw),
                    reasons: [`hours × power estimate (power ${power.low}–${power.high} W: ${power.source})`],
                    systematic: true,
                });
            }
            else {
                const f = MEASUREMENT_UNCERTAINTY.rated_power_estimate;
                out.push({
                    stage: name,
                    kind: 'measurement',
                    low: 1 - f.rel,
                    high: 1 + f.rel,
                    reasons: [`hours × power estimate ±${pct(f.rel)} (${f.source})`],
                    systematic: true,
                });
            }
            continue;
        }
        if (origin === 'energy_kwh')
            continue;
        const total = inv.device_energy_kwh + inv.host_energy_kwh;
        let sysLow = 0;
        let sysHigh = 0;
        const sysReasons = [];
        let runLow = 0;
        let high = 0;
        const reasons = [];
        for (const path of inv.sources) {
            const s = byPath.get(path);
            if (!s)
                continue;
            // Weight by the source's share of the stage energy when it is known.
            const w = total > 0 && s.energy_kwh !== null ? Math.min(1, s.energy_kwh / total) : 1;
            // `ml-lca measure` without RAPL: the CPU/memory part is an estimate with its own range.
            const est = s.estimated;
            if (est && total > 0) {
                sysLow += Math.max(0, est.energy_kwh - est.low_kwh) / total;
                sysHigh += Math.max(0, est.high_kwh - est.energy_kwh) / total;
                sysReasons.push(`estimated CPU/memory power in ${s.path} (${est.low_kwh.toPrecision(3)}–${est.high_kwh.toPrecision(3)} kWh)`);
            }
            if (s.energy_kwh !== null && s.energy_kwh > 0) {
                const m = methodUncertainty(methodOf(s));
                // The measured part only: an estimated part carries its own range (above).
                const measured = est && total > 0 ? Math.max(0, s.energy_kwh - est.energy_kwh) / total : w;
                sysLow += measured * m.rel;
                sysHigh += measured * m.rel;
                sysReasons.push(`${s.path}: ${m.label} (${m.source})`);
                const u = s.measurement?.sampling_rel_u ?? null;
                if (u !== null && u > 0) {
                    const ku = COVERAGE_K * u;
                    runLow += w * ku;
                    high += w * ku;
                    const iv = s.measurement?.interval_s;
                    reasons.push(`${s.path}: scatter of the power samples${iv ? ` every ${Number(iv.toPrecision(3))} s` : ''}, ±${pct(ku)} (GUM Type A, k = ${COVERAGE_K})`);
                }
            }
            if (s.rows_rejected > 0 && s.rows > s.rows_rejected) {
                high += w * (s.rows / (s.rows - s.rows_rejected) - 1);
                reasons.push(`${s.rows_rejected} of ${s.rows} rows rejected in ${s.path}`);
            }
            // One warning per device; a device's unbridged seconds over the log's duration is the
            // share of its energy that is missing, averaged over the log's devices.
            const devices = Math.max(1, s.devices.length);
            for (const warning of s.warnings) {
                if (!/\bgap/i.test(warning))
                    continue;
                const g = GAP_SECONDS.exec(warning);
                const gap = g ? Number((g[1] ?? '').replace(/,/g, '')) : Number.NaN;
                const share = Number.isFinite(gap) && s.duration_s && s.duration_s > 0 ? Math.min(1, gap / s.duration_s) / devices : UNQUANTIFIED_GAP;
                high += share;
                reasons.push(`gap in ${s.path}`);
            }
        }
        if (sysLow > 0 || sysHigh > 0)
            out.push({ stage: name, kind: 'measurement', low: Math.max(0, 1 - sysLow), high: 1 + sysHigh, reasons: sysReasons, systematic: true });
        if (high > 0 || runLow > 0)
            out.push({ stage: name, kind: 'per run', low: Math.max(0, 1 - runLow), high: 1 + high, reasons, systematic: false });
    }
    return out;
}
/** Inventories with each stage's energy scaled by `pick(range)`. */
function scaleInventories(inventories, ranges, pick) {
    const out = {};
    for (const [name, inv] of Object.entries(inventories)) {
        let f = 1;
        for (const r of ranges)
            if (r.stage === name)
                f *= pick(r);
        out[name] = { ...inv, device_energy_kwh: inv.device_energy_kwh * f, host_energy_kwh: inv.host_energy_kwh * f };
    }
    return out;
}

/** 1e6, 1e7, ..., 1e12: the x points of the lifetime curve (log-spaced, one per decade). */
const LIFETIME_DECADES = [1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];
function lifetimeCurve(resolved, inventories, result, assess) {
    const points = new Map();
    for (const x of LIFETIME_DECADES)
        points.set(x, undefined);
    const be = result.breakeven_inferences;
    if (be !== null && Number.isFinite(be) && be > 0)
        points.set(be, 'breakeven');
    // The scenario's own value wins a tie: it is the point the card reports.
    points.set(resolved.deployment.lifetime_inferences, 'scenario');
    return [...points.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([inferences, label]) => {
        const r = assess(withValues(resolved, [[lifetimeParam, inferences]]), inventories);
        return { inferences, co2e_g_per_fu: r.per_functional_unit.co2e_g, ...(label ? { label } : {}) };
    });
}
const lifetimeParam = {
    id: 'lifetime_inferences',
    parameter: 'deployment.lifetime_inferences',
    unit: 'inferences',
    low: 0,
    central: 0,
    high: 0,
    source: '',
    uncertain: false,
    set: (s, v) => {
        s.deployment.lifetime_inferences = v;
    },
};
/** One row per parameter: assess at its low and at its high, all others central; by swing, largest first. */
function tornado(resolved, inventories, params, assess) {
    const rows = params.map((p) => {
        const lo = assess(withValues(resolved, [[p, p.low]]), inventories);
        const hi = assess(withValues(resolved, [[p, p.high]]), inventories);
        return {
            parameter: p.parameter,
            unit: p.unit,
            low_value: p.low,
            central_value: p.central,
            high_value: p.high,
            per_fu_co2e_g_low: lo.per_functional_unit.co2e_g,
            per_fu_co2e_g_high: hi.per_functional_unit.co2e_g,
            co2e_kg_low: lo.totals.co2e_kg,
            co2e_kg_high: hi.totals.co2e_kg,
            source: p.source,
            swing_per_fu_co2e_g: Math.abs(hi.per_functional_unit.co2e_g - lo.per_functional_unit.co2e_g),
            swing_co2e_kg: Math.abs(hi.totals.co2e_kg - lo.totals.co2e_kg),
            breakeven_inferences_low: lo.breakeven_inferences,
            breakeven_inferences_high: hi.breakeven_inferences,
        };
    });
    // Stable order: per-FU swing, then total swing, then name (so ties do not depend on input order).
    return rows.sort((a, b) => (b.swing_per_fu_co2e_g ?? 0) - (a.swing_per_fu_co2e_g ?? 0) ||
        (b.swing_co2e_kg ?? 0) - (a.swing_co2e_kg ?? 0) ||
        (a.parameter < b.parameter ? -1 : a.parameter > b.parameter ? 1 : 0));
}

// A tiny seeded PRNG so the Monte Carlo output is the same on every machine and every run.
// mulberry32 (Tommy Ettinger, public domain): 32-bit state, period 2^32, good enough for
// percentile estimates of a smooth model; not for cryptography.
function mulberry32(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
/** Inverse-CDF sample of a triangular distribution (low, mode, high) from u in [0, 1). */
function triangular(u, low, mode, high) {
    if (high <= low)
        return mode;
    const f = (mode - low) / (high - low);
    if (u < f)
        return low + Math.sqrt(u * (high - low) * (mode - low));
    return high - Math.sqrt((1 - u) * (high - low) * (high - mode));
}
/** Nearest-rank percentile (p in 0..1) of an ascending array. */
function percentile(sorted, p) {
    if (sorted.length === 0)
        return Number.NaN;
    const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
    return sorted[rank - 1];
}

const MC_SEED = 20_240_521;
const MC_SAMPLES = 1000;
const UNCERTAINTY_METHOD = 'interval arithmetic by vertices (the model is monotone in each input; bounds = assess at the all-low and all-high corners); ' +
    `plus seeded Monte Carlo (${MC_SAMPLES} samples, triangular low/central/high, mulberry32 seed ${MC_SEED}) for percentiles`;
const total = (r) => r.totals.co2e_kg;
const perFu = (r) => r.per_functional_unit.co2e_g;
const energyTotal = (r) => r.totals.energy_kwh;
const water = (r) => r.totals.water_l;
/** The card name of an energy range: `stages.training.energy (measurement)`. */
const energyName = (e) => `stages.${e.stage}.energy (${e.kind})`;
function propagate(resolved, inventories, stages, params, energy, assess) {
    const uncertain = params.filter((p) => p.uncertain);
    const energyVaried = energy.filter((e) => e.high > e.low);
    // Direction of each input, per metric, from one-at-a-time runs. WUE moves water only.
    const bounds = (m, withWater = false) => {
        const lowSet = [];
        const highSet = [];
        for (const p of uncertain) {
            if (p.waterOnly && !withWater)
                continue;
            const atLow = m(assess(withValues(resolved, [[p, p.low]]), inventories));
            const atHigh = m(assess(withValues(resolved, [[p, p.high]]), inventories));
            const rising = atHigh >= atLow;
            lowSet.push([p, rising ? p.low : p.high]);
            highSet.push([p, rising ? p.high : p.low]);
        }
        // Energy only ever raises carbon (every term is non-negative and linear in it).
        const lo = m(assess(withValues(resolved, lowSet), scaleInventories(inventories, energy, (e) => e.low)));
        const hi = m(assess(withValues(resolved, highSet), scaleInventories(inventories, energy, (e) => e.high)));
        return [Math.min(lo, hi), Math.max(lo, hi)];
    };
    const [tLo, tHi] = bounds(total);
    const [fLo, fHi] = bounds(perFu);
    const [eLo, eHi] = bounds(energyTotal);
    const [wLo, wHi] = bounds(water, true);
    const parameters = [
        ...uncertain.map((p) => ({ parameter: p.parameter, unit: p.unit, low: p.low, central: p.central, high: p.high, source: p.source })),
        ...energyVaried.map((e) => ({
            parameter: energyName(e),
            unit: '×',
            low: e.low,
            central: 1,
            high: e.high,
            source: e.reasons.join('; '),
        })),
    ];
    return {
        co2e_kg_low: tLo,
        co2e_kg_high: tHi,
        per_fu_co2e_g_low: fLo,
        per_fu_co2e_g_high: fHi,
        energy_kwh_low: eLo,
        energy_kwh_high: eHi,
        water_l_low: wLo,
        water_l_high: wHi,
        method: UNCERTAINTY_METHOD,
        parameters,
        covers: parameters.map((p) => p.parameter),
        not_covered: notCovered(resolved, stages, uncertain, energyVaried),
        monte_carlo: monteCarlo(resolved, inventories, uncertain.filter((p) => !p.waterOnly), energyVaried, assess),
    };
}
/**
 * The inputs a range could cover but this one does not, each with why: stated in the scenario
 * without a range (the rule: a stated value is exact unless the scenario gives its range), or
 * without a range in the bundled data.
 */
function notCovered(resolved, stages, uncertain, energy) {
    const covered = new Set(uncertain.map((p) => p.parameter));
    const why = (path, what) => (isStated(resolved, path) ? `stated in the scenario${what}` : `no range in the data${what}`);
    const out = [];
    const check = (path, relevant, what = '') => {
        if (relevant && !covered.has(path))
            out.push(`${path}: ${why(path, what)}`);
    };
    check('grid.intensity_g_per_kwh', true, isStated(resolved, 'grid.intensity_g_per_kwh') ? ' (give grid.intensity_low_g_per_kwh and _high_ for a range)' : '');
    check('pue', true);
    const h = resolved.hardware;
    const anyHours = Object.values(stages).some((s) => (s.hours ?? 0) > 0);
    if (h.embodied_kg === null)
        out.push('hardware.embodied_kg: no embodied data (counted as 0)');
    else
        check('hardware.embodied_kg', anyHours);
    const embodied = anyHours && ((h.embodied_kg ?? 0) > 0 || (h.host_embodied_kg ?? 0) > 0);
    check('hardware.lifespan_years', embodied);
    check('hardware.utilization', embodied, isStated(resolved, 'hardware.utilization') ? '' : ` (default ${h.utilization}: in use its whole lifespan)`);
    if (h.host_embodied_kg !== null) {
        check('hardware.host_embodied_kg', anyHours);
        check('hardware.devices_per_host', anyHours);
    }
    const deviceOnly = Object.values(stages).some((s) => s.energy_scope === 'device' && s.it_energy_kwh > 0);
    check('it_overhead_factor', deviceOnly);
    if (resolved.wue_l_per_kwh > 0)
        check('wue_l_per_kwh', true, ' (water only)');
    const ranged = new Set(energy.map((e) => e.stage));
    for (const [name, s] of Object.entries(stages)) {
        if (s.energy_origin === 'energy_kwh')
            out.push(`stages.${name}.energy_kwh: stated in the scenario`);
        else if (s.energy_origin === 'estimate' && !ranged.has(name) && s.it_energy_kwh > 0)
            out.push(`stages.${name}: hours × power with hardware.power_w ${isStated(resolved, 'hardware.power_w') ? 'stated in the scenario' : 'without a range'}`);
    }
    return out;
}
function monteCarlo(resolved, inventories, uncertain, energy, assess) {
    const next = mulberry32(MC_SEED);
    const totals = [];
    const perFus = [];
    for (let i = 0; i < MC_SAMPLES; i++) {
        // Draw in a fixed order (parameters, then stages in inventory order) so a sample's
        // numbers do not depend on anything but the seed and the inputs.
        const changes = uncertain.map((p) => [p, triangular(next(), p.low, p.central, p.high)]);
        const factors = new Map(energy.map((e) => [e, triangular(next(), e.low, 1, e.high)]));
        const r = assess(withValues(resolved, changes), scaleInventories(inventories, energy, (e) => factors.get(e) ?? 1));
        totals.push(r.totals.co2e_kg);
        perFus.push(r.per_functional_unit.co2e_g);
    }
    totals.sort((a, b) => a - b);
    perFus.sort((a, b) => a - b);
    return {
        seed: MC_SEED,
        samples: MC_SAMPLES,
        distribution: 'triangular(low, central, high) per input, independent',
        co2e_kg_p05: percentile(totals, 0.05),
        co2e_kg_p50: percentile(totals, 0.5),
        co2e_kg_p95: percentile(totals, 0.95),
        per_fu_co2e_g_p05: percentile(perFus, 0.05),
        per_fu_co2e_g_p50: percentile(perFus, 0.5),
        per_fu_co2e_g_p95: percentile(perFus, 0.95),
    };
}
/**
 * Low/high of every numeric card value (stages.*, totals.*, per_functional_unit.*, lifetime.*)
 * under per-run measured-data uncertainty only (rejected rows, gaps), reference factors and
 * estimates central. Base and head of one
 * scenario share the factors, so this is the part of the uncertainty a delta must exceed.
 */
function noiseRanges(resolved, inventories, result, energy, assess) {
    // Estimates share their power figure between runs: that error cancels in a delta.
    const perRun = energy.filter((e) => !e.systematic);
    const varied = perRun.some((e) => e.high > e.low);
    const lo = varied
        ? flatten(assess(resolved, scaleInventories(inventories, perRun, (e) => e.low)))
        : flatten(result);
    const hi = varied
        ? flatten(assess(resolved, scaleInventories(inventories, perRun, (e) => e.high)))
        : lo;
    const out = {};
    for (const [path, a] of lo) {
        const b = hi.get(path);
        if (b === undefined)
            continue;
        out[path] = { low: Math.min(a, b), high: Math.max(a, b) };
    }
    return out;
}
function flatten(r) {
    const out = new Map();
    const put = (prefix, obj) => {
        for (const [k, v] of Object.entries(obj))
            if (typeof v === 'number' && Number.isFinite(v))
                out.set(`${prefix}.${k}`, v);
    };
    for (const [name, s] of Object.entries(r.stages))
        put(`stages.${name}`, s);
    put('totals', r.totals);
    put('per_functional_unit', r.per_functional_unit);
    put('lifetime', r.lifetime);
    return out;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };
/** A logger's own emission factor this many times above or below the scenario's is reported. */
const LOGGER_FACTOR_RATIO = 2;
const gPerKwh = (x) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : Number(x.toPrecision(3)).toString());
function dataQuality$1(resolved, inventories, stages, sources) {
    const out = [];
    const names = Object.keys(stages);
    const perInference = names.filter((n) => isPerInferenceStage(stages[n] ?? {}));
    if (!names.includes('experimentation')) {
        out.push({
            severity: 'warning',
            code: 'no_experimentation_stage',
            message: 'No experimentation stage: sweeps, ablations and failed runs are outside the boundary; they can add an order of magnitude to the final run (textbook).',
        });
    }
    if (!names.includes('training') && perInference.length < names.length) {
        out.push({ severity: 'info', code: 'no_training_stage', message: 'No stage named training: check that the up-front stages cover the training run.' });
    }
    if (perInference.length === 0) {
        out.push({
            severity: 'warning',
            code: 'no_inference_stage',
            message: 'No per-inference stage (a stage with inferences): there is no marginal term, the per-FU carbon is only the amortized up-front carbon, and no breakeven can be computed.',
        });
    }
    const h = resolved.hardware;
    if (h.embodied_kg === null) {
        out.push({
            severity: 'warning',
            code: 'no_embodied_data',
            message: `No embodied (manufacturing) carbon for ${h.model}: embodied carbon is counted as 0; set hardware.embodied_kg.`,
        });
    }
    else if (h.embodied_low_kg === null || h.embodied_high_kg === null || h.embodied_low_kg === h.embodied_high_kg) {
        out.push({
            severity: 'info',
            code: 'no_embodied_range',
            message: `Embodied carbon of ${h.model} has no low/high range: its uncertainty is not propagated.`,
        });
    }
    // Embodied boundary (issue 14): accelerators only unless a server figure is given.
    if (h.host_embodied_kg === null) {
        out.push({
            severity: 'warning',
            code: 'host_embodied_outside_boundary',
            message: 'Server embodied carbon (host CPUs, memory, storage, chassis) is outside the boundary: embodied carbon covers the accelerators only; ' +
                'set hardware.host_embodied_kg (kg CO2e per server) and hardware.devices_per_host to include it (BLOOM: 2,500 kg per 8-GPU server, more than the GPUs themselves).',
        });
    }
    if (!h.known) {
        out.push({
            severity: 'info',
            code: 'hardware_not_in_data',
            message: `${h.model} is not in the bundled hardware data: power, embodied and lifespan come from the scenario.`,
        });
    }
    if (resolved.grid.intensity_low_g_per_kwh === resolved.grid.intensity_high_g_per_kwh) {
        out.push({ severity: 'info', code: 'no_grid_range', message: 'Grid intensity has no low/high range: its uncertainty is not propagated.' });
    }
    for (const [name, s] of Object.entries(stages)) {
        const inv = inventories[name];
        const energy = s.it_energy_kwh;
        if (s.energy_scope === 'device' && energy > 0 && resolved.it_overhead_factor === 1) {
            out.push({
                severity: 'warning',
                code: 'device_only_without_overhead',
                stage: name,
                message: `Stage ${name}: device-only energy (GPU power logs or hours × power) with it_overhead_factor 1 misses host CPU, RAM and network; the textbook's DGX H100 profile adds ${TEXTBOOK_IT_OVERHEAD}×.`,
            });
        }
        if (energy > 0 && (s.hours === null || s.hours === 0)) {
            out.push({
                severity: 'warning',
                code: 'stage_without_hours',
                stage: name,
                message: `Stage ${name} has energy but no hours: no embodied carbon is attributed to it; set stages.${name}.hours.`,
            });
        }
        if (energy === 0) {
            out.push({ severity: 'error', code: 'stage_without_energy', stage: name, message: `Stage ${name} has no energy: its operational carbon is 0.` });
        }
        if (s.energy_origin === 'estimate') {
            out.push({
                severity: 'warning',
                code: 'estimate_based_energy',
                stage: name,
                message: `Stage ${name}: energy is an estimate (hours × count × power_w), not a measurement; a power log removes this.`,
            });
        }
        for (const w of inv?.warnings ?? []) {
            out.push({ severity: 'info', code: 'inventory_warning', stage: name, message: `Stage ${name}: ${w}` });
        }
    }
    for (const s of sources) {
        if (s.energy_kwh === null) {
            out.push({ severity: 'error', code: 'log_without_energy', source: s.path, message: `${s.path}: no energy could be derived from this log.` });
        }
        if (s.rows_rejected > 0) {
            const share = s.rows > 0 ? s.rows_rejected / s.rows : 1;
            out.push({
                severity: share > 0.01 ? 'warning' : 'info',
                code: 'rows_rejected',
                source: s.path,
                message: `${s.path}: ${s.rows_rejected} of ${s.rows} rows rejected (${(share * 100).toFixed(1)} %); the energy range is widened by that share.`,
            });
        }
        if (s.warnings.length > 0) {
            out.push({
                severity: 'info',
                code: 'log_warnings',
                source: s.path,
                message: `${s.path}: ${s.warnings.length} warning(s): ${s.warnings.slice(0, 3).join('; ')}${s.warnings.length > 3 ? '; …' : ''}`,
            });
        }
        const logged = s.logged_intensity_g_per_kwh;
        if (typeof logged === 'number') {
            // The logger multiplied its energy (PUE included) by a factor of its own: emissions ÷ energy
            // as logged. Far from the scenario's, the two placed the run in different grids.
            const ours = resolved.grid.intensity_g_per_kwh;
            const ratio = Math.max(logged, ours) / Math.min(logged, ours);
            if (ratio > LOGGER_FACTOR_RATIO) {
                const where = s.logged_location ? ` (it placed the run in ${s.logged_location})` : '';
                const region = resolved.grid.region ? ` (${resolved.grid.region})` : '';
                out.push({
                    severity: 'warning',
                    code: 'logger_factor_mismatch',
                    source: s.path,
                    message: `${s.path}: the logger's own emission factor is ${gPerKwh(logged)} g CO2e/kWh${where}, the scenario's ${gPerKwh(ours)} g CO2e/kWh${region}: ` +
                        `${Number.isFinite(ratio) ? `${ratio.toPrecision(3)}×` : 'far'} apart. A location mismatch is the usual cause; ml-lca applies the scenario's factor, so check grid.region.`,
                });
            }
        }
        if (s.logged_pue !== null) {
            out.push({
                severity: 'info',
                code: 'logged_pue_divided_out',
                source: s.path,
                message: `${s.path}: the logger's PUE ${s.logged_pue} was divided out; the scenario's PUE is applied once.`,
            });
        }
    }
    // By severity, then in the order found: Array.prototype.sort is stable (ES2019), so ties keep it.
    return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

const share = (part, whole) => (whole > 0 ? part / whole : 0);
function significantIssues(result) {
    const total = result.totals.co2e_kg;
    const shares = {};
    let dominant = null;
    let best = 0;
    for (const [name, s] of Object.entries(result.stages)) {
        shares[name] = share(s.co2e_kg, total);
        // Strictly greater: ties go to the first stage in scenario order.
        if (s.co2e_kg > best) {
            best = s.co2e_kg;
            dominant = name;
        }
    }
    const fu = result.per_functional_unit;
    const terms = { marginal: fu.marginal_co2e_g, embodied: fu.embodied_co2e_g, amortized: fu.amortized_co2e_g };
    let term = null;
    let bestTerm = 0;
    for (const k of ['marginal', 'embodied', 'amortized']) {
        if (terms[k] > bestTerm) {
            bestTerm = terms[k];
            term = k;
        }
    }
    const termTotal = terms.marginal + terms.embodied + terms.amortized;
    return {
        dominant_stage: dominant,
        dominant_term: term,
        shares,
        term_shares: {
            marginal: share(terms.marginal, termTotal),
            embodied: share(terms.embodied, termTotal),
            amortized: share(terms.amortized, termTotal),
        },
        flow_shares: {
            operational: share(result.totals.operational_co2e_kg, total),
            embodied: share(result.totals.embodied_co2e_kg, total),
        },
    };
}

const SCI_NOTE = 'SCI (ISO/IEC 21031:2024) = (E × I + M) / R over the per-inference stages, R = functional units served while measured: ' +
    'the requests served ÷ inferences per functional unit, where every request passes through each per-inference stage once ' +
    '(a retrieval and a generation stage of the same 1,000 requests serve 1,000 requests, not 2,000), as in the per-FU marginal and embodied terms; ' +
    'a stage measured over a different number of requests is scaled to the largest. ' +
    'SCI for AI does not amortise training: the up-front (experimentation + training) carbon per FU is shown separately and is not in this value.';
/**
 * SCI per functional unit; null when no stage served inferences (R would be 0). R is the requests
 * served, not the sum of the stages' inferences: each request passes through every per-inference
 * stage (the assumption of the per-FU terms in lca/functional-unit.ts), so with stages measured
 * over the same requests SCI = marginal + embodied per FU. A stage measured over fewer requests
 * has its E and M scaled up to the largest count, which keeps that equality.
 */
function sci(resolved, result) {
    const stages = Object.entries(result.stages).filter(([, s]) => isPerInferenceStage(s));
    if (stages.length === 0)
        return null;
    const requests = Math.max(...stages.map(([, s]) => s.inferences ?? 0));
    const r = requests / resolved.functional_unit.inferences;
    if (!(r > 0))
        return null;
    const scale = (s) => requests / (s.inferences ?? requests);
    const e = stages.reduce((a, [, s]) => a + s.energy_kwh * scale(s), 0);
    const i = resolved.grid.intensity_g_per_kwh;
    const m = stages.reduce((a, [, s]) => a + s.embodied_co2e_kg * 1000 * scale(s), 0);
    return {
        sci_g_per_fu: (e * i + m) / r,
        e_kwh: e,
        i_g_per_kwh: i,
        m_g: m,
        r,
        r_unit: `functional units (${resolved.functional_unit.description})`,
        stages: stages.map(([n]) => n),
        amortized_co2e_g_excluded: result.per_functional_unit.amortized_co2e_g,
        note: SCI_NOTE,
    };
}
function energyDisclosure(resolved, inventories, result) {
    const h = resolved.hardware;
    return {
        stages: Object.entries(result.stages).map(([stage, s]) => ({
            stage,
            it_energy_kwh: s.it_energy_kwh,
            energy_kwh: s.energy_kwh,
            hours: s.hours,
            accelerator_hours: s.hours === null ? null : s.hours * (inventories[stage]?.count ?? h.count),
            energy_origin: s.energy_origin,
            energy_scope: s.energy_scope,
        })),
        total_it_energy_kwh: result.totals.it_energy_kwh,
        total_energy_kwh: result.totals.energy_kwh,
        hardware: { model: h.model, count: h.count, power_w: h.power_w, known: h.known },
        location: {
            region: resolved.grid.region,
            intensity_g_per_kwh: resolved.grid.intensity_g_per_kwh,
            source: assumptionSource(resolved, 'grid.intensity_g_per_kwh'),
        },
        pue: resolved.pue,
        it_overhead_factor: resolved.it_overhead_factor,
        wue_l_per_kwh: resolved.wue_l_per_kwh,
    };
}

/**
 * `result` must be `assess(resolved, inventories)`; `sources` are the ingested logs, as a list
 * or by stage (what buildInventories was given).
 */
function interpret(resolved, inventories, result, sources, opts = {}) {
    const assess$1 = opts.assess ?? assess;
    const srcs = flattenSources(sources);
    const params = parametersOf(resolved, result.stages);
    const energy = energyRanges(resolved, inventories, result.stages, srcs);
    const u = propagate(resolved, inventories, result.stages, params, energy, assess$1);
    return {
        ...significantIssues(result),
        breakeven_inferences: result.breakeven_inferences,
        lifetime_curve: lifetimeCurve(resolved, inventories, result, assess$1),
        sensitivity: tornado(resolved, inventories, params.filter((p) => !p.waterOnly), assess$1),
        uncertainty: u,
        noise: noiseRanges(resolved, inventories, result, energy, assess$1),
        data_quality: dataQuality$1(resolved, inventories, result.stages, srcs),
        sci: sci(resolved, result),
        energy_disclosure: energyDisclosure(resolved, inventories, result),
    };
}

function num(v) {
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
function compareMetric(metric, base, head, better = 'lower') {
    const delta = base !== null && head !== null ? head - base : null;
    let pct = null;
    if (delta !== null && base !== null) {
        if (base !== 0)
            pct = (delta / Math.abs(base)) * 100;
        else if (delta === 0)
            pct = 0;
    }
    return { metric, base, head, delta, delta_pct: pct, better };
}
function compareCards(base, head, meta) {
    const metrics = METRICS.map((m) => compareMetric(m.path, num(valueAtPath(base, m.path)), num(valueAtPath(head, m.path)), m.better));
    const stageNames = [...Object.keys(base.stages), ...Object.keys(head.stages).filter((s) => !(s in base.stages))];
    for (const s of stageNames) {
        for (const f of STAGE_FIELDS) {
            const path = `stages.${s}.${f.field}`;
            metrics.push(compareMetric(path, num(valueAtPath(base, path)), num(valueAtPath(head, path))));
        }
    }
    const { statements, comparable } = consistency(base.scenario, head.scenario);
    return { baseline: meta, metrics, consistency: statements, comparable };
}
const same = (a, b) => a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));
const diffList = (a, b) => ({
    onlyBase: a.filter((x) => !b.includes(x)),
    onlyHead: b.filter((x) => !a.includes(x)),
});
/**
 * Statements for each difference in goal, scope or factors. `comparable` turns false when the
 * functional unit, the boundary, the grid intensity, the PUE, the overhead factor or the
 * hardware differ; lifetime inferences, WUE and prices only add a statement.
 */
function consistency(base, head) {
    const out = [];
    let comparable = true;
    const breaking = (s) => {
        out.push(s);
        comparable = false;
    };
    const fuB = base.functional_unit;
    const fuH = head.functional_unit;
    if (fuB.description !== fuH.description || !same(fuB.inferences, fuH.inferences)) {
        breaking(`Functional unit differs: base "${fuB.description}" (${count(fuB.inferences)} inferences) vs head "${fuH.description}" (${count(fuH.inferences)} inferences); per-functional-unit results are not comparable.`);
    }
    const st = diffList(base.boundary.stages, head.boundary.stages);
    if (st.onlyBase.length || st.onlyHead.length) {
        breaking(`System boundary differs in stages: ${[st.onlyBase.length ? `only in base: ${st.onlyBase.join(', ')}` : '', st.onlyHead.length ? `only in head: ${st.onlyHead.join(', ')}` : ''].filter(Boolean).join('; ')}.`);
    }
    const fl = diffList(base.boundary.flows, head.boundary.flows);
    if (fl.onlyBase.length || fl.onlyHead.length) {
        breaking(`System boundary differs in flows: ${[fl.onlyBase.length ? `only in base: ${fl.onlyBase.join(', ')}` : '', fl.onlyHead.length ? `only in head: ${fl.onlyHead.join(', ')}` : ''].filter(Boolean).join('; ')}.`);
    }
    if (!same(base.grid.intensity_g_per_kwh, head.grid.intensity_g_per_kwh)) {
        const where = (r) => (r.grid.region ? ` (${r.grid.region})` : '');
        breaking(`Grid intensity differs: base ${qtyParam(base.grid.intensity_g_per_kwh, 'g CO2e/kWh')}${where(base)} vs head ${qtyParam(head.grid.intensity_g_per_kwh, 'g CO2e/kWh')}${where(head)}; carbon deltas partly reflect the grid, not the model.`);
    }
    if (!same(base.pue, head.pue))
        breaking(`PUE differs: base ${param(base.pue)} vs head ${param(head.pue)}; energy and carbon deltas partly reflect the facility.`);
    if (!same(base.it_overhead_factor, head.it_overhead_factor)) {
        breaking(`IT overhead factor differs: base ${param(base.it_overhead_factor)} vs head ${param(head.it_overhead_factor)}.`);
    }
    const hB = base.hardware;
    const hH = head.hardware;
    if (hB.model !== hH.model)
        breaking(`Hardware differs: base ${hB.model} vs head ${hH.model}.`);
    else {
        if (!same(hB.embodied_kg, hH.embodied_kg))
            breaking(`Embodied carbon per accelerator differs: base ${hB.embodied_kg === null ? 'unknown' : qtyParam(hB.embodied_kg, 'kg CO2e')} vs head ${hH.embodied_kg === null ? 'unknown' : qtyParam(hH.embodied_kg, 'kg CO2e')}.`);
        if (!same(hB.lifespan_years, hH.lifespan_years))
            breaking(`Hardware lifespan differs: base ${param(hB.lifespan_years)} vs head ${qtyParam(hH.lifespan_years, 'years')}.`);
        if (!same(hB.host_embodied_kg, hH.host_embodied_kg) || hB.devices_per_host !== hH.devices_per_host) {
            const host = (h) => h.host_embodied_kg === null ? 'outside the boundary' : `${qtyParam(h.host_embodied_kg, 'kg CO2e')} per ${h.devices_per_host}-accelerator server`;
            breaking(`Server embodied carbon differs: base ${host(hB)} vs head ${host(hH)}.`);
        }
        if (!same(hB.utilization, hH.utilization))
            breaking(`Hardware utilization differs: base ${param(hB.utilization)} vs head ${param(hH.utilization)}; the embodied share per hour used changes with it.`);
    }
    if (hB.count !== hH.count)
        out.push(`Accelerator count changed: base ${hB.count} vs head ${hH.count}.`);
    if (!same(base.deployment.lifetime_inferences, head.deployment.lifetime_inferences)) {
        out.push(`Lifetime inferences differ: base ${count(base.deployment.lifetime_inferences)} vs head ${count(head.deployment.lifetime_inferences)}; the amortised per-functional-unit term changes with it.`);
    }
    if (!same(base.wue_l_per_kwh, head.wue_l_per_kwh))
        out.push(`WUE differs: base ${param(base.wue_l_per_kwh)} vs head ${qtyParam(head.wue_l_per_kwh, 'L/kWh')}; water deltas partly reflect the facility.`);
    if (!same(base.electricity_usd_per_kwh, head.electricity_usd_per_kwh) ||
        !same(base.gpu_hour_usd, head.gpu_hour_usd) ||
        base.gpu_hour_includes_electricity !== head.gpu_hour_includes_electricity) {
        out.push('Prices differ between base and head; cost deltas partly reflect prices.');
    }
    return { statements: out, comparable };
}

/** Run-to-run variation of a re-measured job, as a share of the value (tool assumption, 2 %). */
const NOISE_FLOOR_REL = 0.02;
/** Half-width of `metric`'s range in a card, from measurement noise or (factors differ) the full uncertainty. */
function halfWidth(card, metric, factorsDiffer) {
    const i = card.interpretation;
    if (factorsDiffer) {
        const u = i.uncertainty;
        if (metric === 'totals.co2e_kg')
            return (u.co2e_kg_high - u.co2e_kg_low) / 2;
        if (metric === 'per_functional_unit.co2e_g' && u.per_fu_co2e_g_low !== undefined && u.per_fu_co2e_g_high !== undefined) {
            return (u.per_fu_co2e_g_high - u.per_fu_co2e_g_low) / 2;
        }
    }
    const r = i.noise?.[metric];
    return r ? (r.high - r.low) / 2 : null;
}
/**
 * Whether base and head used different reference factors. Only then does the factor uncertainty
 * stop cancelling in a delta; a different lifetime, WUE or price (a consistency statement, still
 * comparable) leaves the factors shared.
 */
function referenceFactorsDiffer(base, head) {
    const a = base.scenario;
    const b = head.scenario;
    const values = (s) => [
        s.grid.intensity_g_per_kwh,
        s.grid.intensity_low_g_per_kwh,
        s.grid.intensity_high_g_per_kwh,
        s.pue,
        s.it_overhead_factor,
        s.hardware.embodied_kg,
        s.hardware.lifespan_years,
    ];
    const va = values(a);
    const vb = values(b);
    return a.hardware.model !== b.hardware.model || va.some((x, i) => x !== vb[i]);
}
/**
 * A copy of `comparison` with `within_noise`, `noise_band` and a `noise_note` on every metric.
 * Cards that are not comparable (different functional unit or boundary) get `within_noise: null`.
 */
function annotateNoise(comparison, baseCard, headCard, opts = {}) {
    const floorRel = opts.floorRel ?? NOISE_FLOOR_REL;
    const factorsDiffer = referenceFactorsDiffer(baseCard, headCard);
    const metrics = comparison.metrics.map((m) => {
        if (!comparison.comparable) {
            return { ...m, within_noise: null, noise_band: null, noise_note: 'Not comparable (different functional unit or boundary): no noise test.' };
        }
        if (m.delta === null || m.base === null || m.head === null) {
            return { ...m, within_noise: null, noise_band: null, noise_note: 'No base or head value: no noise test.' };
        }
        const hb = halfWidth(baseCard, m.metric, factorsDiffer);
        const hh = halfWidth(headCard, m.metric, factorsDiffer);
        const measured = Math.hypot(hb ?? 0, hh ?? 0);
        const floor = floorRel * Math.max(Math.abs(m.base), Math.abs(m.head));
        const band = Math.max(measured, floor);
        const within = Math.abs(m.delta) <= band;
        const unit = unitOf(m.metric);
        const what = factorsDiffer
            ? 'uncertainty of base and head (their factors differ, so it does not cancel)'
            : measured > floor
                ? 'measured-data uncertainty of base and head'
                : `${percent(floorRel * 100)} run-to-run floor`;
        const missing = hb === null || hh === null ? ' (a card has no noise range for this metric; floor used for it)' : '';
        const pct = m.delta_pct === null ? '' : ` (${deltaPct(m.delta_pct)})`;
        // The change and the band in the unit of the values, so the two read side by side.
        const sc = scaleFor([m.base, m.head], unit);
        const change = `${m.delta > 0 ? '+' : ''}${sc.withUnit(m.delta)}`;
        const note = within
            ? `${change}${pct} is within the noise band ±${sc.withUnit(band)} (${what})${missing}: not a real change.`
            : `${change}${pct} exceeds the noise band ±${sc.withUnit(band)} (${what})${missing}: a real change, ${(m.better === 'lower' ? m.delta < 0 : m.delta > 0) ? 'better' : 'worse'}.`;
        return { ...m, within_noise: within, noise_band: band, noise_note: note };
    });
    return { ...comparison, metrics };
}

// Budget verdicts as data: absolute limits (max, warn) on any numeric card path, regression
// limits (max_increase_pct, warn_increase_pct) against the comparison with the base card.
// Period budgets are evaluated by the ledger (src/ledger/) and produce nothing here.
function isRegression(b) {
    return 'max_increase_pct' in b;
}
function isPeriod(b) {
    return 'period' in b;
}
/** The head's value at `metric`; an InputError naming budgets[i].metric when the path is not a numeric card path. */
function metricValue(head, metric, i) {
    const v = valueAtPath(head, metric);
    if (typeof v === 'number' || v === null)
        return v;
    const valid = [...new Set([...METRICS.map((m) => m.path), ...numericPaths(head)])];
    throw new InputError({
        code: 'SCENARIO_INVALID',
        field: `budgets[${i}].metric`,
        // The compared metrics plus the per-stage pattern, not every card path: one readable line.
        expected: `a numeric model-card path: one of ${METRICS.map((m) => m.path).join(', ')}, or stages.<stage>.<field> (stages: ${stageNames(head).join(', ') || 'none'})`,
        got: JSON.stringify(metric),
        hint: hintFor(metric, valid),
    });
}
function stageNames(head) {
    const stages = head.stages;
    return stages !== null && typeof stages === 'object' ? Object.keys(stages) : [];
}
function hintFor(metric, valid) {
    const near = suggest(metric, valid);
    return near ? `did you mean "${near}"?` : undefined;
}
function absolute(b, actual, unit) {
    // The number style of the report (format.ts): the actual to 3 figures, limits as stated.
    const limit = qtyParam(b.max, unit);
    const base = { metric: b.metric, kind: 'absolute', limit: b.max, warn_limit: b.warn ?? null, actual };
    if (actual === null) {
        return {
            ...base,
            status: 'warn',
            message: `${b.metric} has no value (e.g. cost without a price in the scenario): budget of ${limit} not checked`,
        };
    }
    const value = qty(actual, unit);
    if (actual > b.max)
        return { ...base, status: 'fail', message: `${b.metric} = ${value} exceeds the limit of ${limit}` };
    if (b.warn !== undefined && actual > b.warn) {
        return { ...base, status: 'warn', message: `${b.metric} = ${value} exceeds the warning level of ${qtyParam(b.warn, unit)} (limit ${limit})` };
    }
    return { ...base, status: 'pass', message: `${b.metric} = ${value} is within the limit of ${limit}` };
}
function regression(b, comparison) {
    const base = { metric: b.metric, kind: 'regression', limit: b.max_increase_pct, warn_limit: b.warn_increase_pct ?? null };
    if (comparison === null)
        return { ...base, actual: null, status: 'pass', message: 'no baseline: regression budget not checked' };
    const m = comparison.metrics.find((x) => x.metric === b.metric);
    const note = comparison.comparable ? '' : ' (base and head are not fully comparable, see consistency)';
    if (!m) {
        // A numeric card path outside the compared set (e.g. stages.x.hours): say so, loudly.
        return {
            ...base,
            actual: null,
            status: 'warn',
            message: `${b.metric} is not among the compared metrics (${METRICS.map((x) => x.path).join(', ')}, stages.<name>.co2e_kg|energy_kwh|water_l|cost_usd): regression budget not checked`,
        };
    }
    if (m.base === null || m.head === null) {
        return {
            ...base,
            actual: null,
            status: 'pass',
            message: `${b.metric}: no value in the ${m.base === null ? 'base' : 'head'} card: regression budget not checked`,
        };
    }
    let pct = m.delta_pct;
    if (pct === null)
        pct = m.head > m.base ? Infinity : 0; // base 0, head > 0: any increase is infinite
    // For a higher-is-better metric a regression is a decrease.
    const increase = m.better === 'lower' ? pct : -pct;
    const shown = Number.isFinite(increase) ? deltaPct(increase) : `up from 0`;
    const actual = Number.isFinite(increase) ? increase : null;
    const limit = percent(b.max_increase_pct, { signed: true });
    let status = 'pass';
    let message = `${b.metric} changed ${shown} vs base, within ${limit}`;
    if (increase > b.max_increase_pct) {
        status = 'fail';
        message = `${b.metric} rose ${shown} vs base, above the allowed ${limit}`;
    }
    else if (b.warn_increase_pct !== undefined && increase > b.warn_increase_pct) {
        status = 'warn';
        message = `${b.metric} rose ${shown} vs base, above the warning level ${percent(b.warn_increase_pct, { signed: true })} (limit ${limit})`;
    }
    return { ...base, actual, status, message: message + note };
}
/**
 * One result per absolute or regression budget, in order; none for period budgets.
 * Throws InputError (budgets[i].metric) for a path that is not a numeric card value.
 */
function evaluateBudgets(budgets, head, comparison) {
    const out = [];
    budgets.forEach((b, i) => {
        if (isPeriod(b))
            return;
        const actual = metricValue(head, b.metric, i);
        if (isRegression(b))
            out.push(regression(b, comparison));
        else
            out.push(absolute(b, actual, unitOf(b.metric)));
    });
    return out;
}
/**
 * The card's verdict: incomplete when a stage's energy could not be determined (`incomplete`):
 * a gate that cannot measure never passes, whatever the budgets say; else fail if any budget
 * failed, warn if any warned, pass.
 */
function verdictOf(results, incomplete = false) {
    return worstVerdict([...results.map((r) => r.status), ...(incomplete ? ['incomplete'] : [])]);
}

/** The stages the block counts: `hf.stages` when given, else every up-front stage, in scenario order. */
function hfStages(card) {
    const listed = card.scenario.hf.stages;
    const names = Object.keys(card.stages);
    return listed !== null ? names.filter((n) => listed.includes(n)) : names.filter((n) => isUpfrontStage(card.stages[n] ?? {}));
}
function hfCo2EqEmissions(card) {
    const { grid, hardware, stages, hf, pue } = card.scenario;
    const counted = hfStages(card);
    const others = Object.keys(card.stages).filter((n) => !counted.includes(n));
    const kg = counted.reduce((sum, n) => sum + (card.stages[n]?.operational_co2e_kg ?? 0), 0);
    // The most accelerators any counted stage held (a stage's `count` overrides hardware.count).
    const count = Math.max(0, ...counted.map((n) => stages[n]?.count ?? hardware.count));
    const which = counted.length === 0 ? 'no stage (the scenario has no up-front stage)' : `stage${counted.length > 1 ? 's' : ''} ${counted.join(', ')}`;
    const why = hf.stages !== null ? 'listed in hf.stages' : 'the up-front stages, i.e. those without inferences';
    const notCounted = ['embodied (hardware manufacturing) carbon', ...(others.length ? [`stage${others.length > 1 ? 's' : ''} ${others.join(', ')}`] : [])];
    return {
        emissions: kg * 1000,
        source: `ml-lca ${card.tool.version} (ISO 14040/14044 life cycle assessment): operational CO2e of ${which} (${why}): ` +
            `facility energy (PUE ${pue}) × ${grid.intensity_g_per_kwh} g CO2e/kWh; not counted: ${notCounted.join('; ')}`,
        ...(hf.training_type !== null ? { training_type: hf.training_type } : {}),
        geographical_location: grid.region ?? `grid intensity ${grid.intensity_g_per_kwh} g CO2e/kWh`,
        hardware_used: `${count > 0 ? count : hardware.count} x ${hardware.model}`,
    };
}

// Assembles the model card from the pipeline's parts and validates it against the published
// schema before anyone writes it: a card that does not match is our bug, not the user's.
function assembleCard(parts) {
    const { version, createdAt, ...rest } = parts;
    const tool = { name: 'ml-lca', version };
    const draft = {
        schema_version: SCHEMA_VERSION,
        tool,
        created_at: createdAt.toISOString(),
        ...rest,
        hf_co2_eq_emissions: hfCo2EqEmissions({ scenario: rest.scenario, stages: rest.stages, tool }),
    };
    const parsed = ModelCard.safeParse(draft);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`model card does not match its schema at ${formatPath(issue?.path ?? [])}: ${issue?.message ?? 'invalid'}`);
    }
    return parsed.data;
}
/** A card read back from disk (a baseline, or `ml-lca compare`): JSON, then the schema. */
function parseCard(text, file) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (e) {
        // The problem in words, not V8's message, which quotes the file (it may not be a card at all).
        const { line, problem } = jsonSyntaxProblem(e, text);
        throw new InputError({ code: 'CARD_INVALID', file, line, expected: 'a model card JSON written by ml-lca', got: `invalid JSON (${problem})` });
    }
    const parsed = ModelCard.safeParse(json);
    if (!parsed.success)
        throw fromZodError(parsed.error, { file, input: json, code: 'CARD_INVALID' });
    return parsed.data;
}

// The ledger step of a report: read the scenario's `ledger: file:PATH` (the action passes
// artifact entries itself), evaluate the period budgets against the head card, and give
// back the budget results and the card's `extensions.ledger` block.
/** Card paths the scenario's period budgets sum, so entries keep them. */
function periodMetrics(budgets) {
    return [...new Set(budgets.filter(isPeriodBudget).map((b) => b.metric))];
}
/**
 * The ledger a scenario names when it can be read without GitHub: `file:PATH` (JSONL,
 * relative to the scenario file like its logs). `artifact` (the default) returns null:
 * only the action can list workflow runs. Null too when there are no period budgets.
 * The file must lie inside `root` (the working directory: the repository in the action; the
 * scenario's directory when not given), also after symlinks: `file:../../etc/passwd` is refused
 * before anything is read.
 */
async function loadScenarioLedger(scenario, scenarioFile, io, root = path.dirname(scenarioFile)) {
    if (!scenario.budgets.some(isPeriodBudget))
        return null;
    const setting = parseLedgerSetting(scenario.ledger, scenarioFile);
    if (setting.kind !== 'file')
        return null;
    const file = await containedPath(io, root, path.resolve(path.dirname(scenarioFile), setting.path), { field: 'ledger', file: scenarioFile });
    const read = await readLedger(file, io, periodMetrics(scenario.budgets));
    return { source: `file:${setting.path}`, entries: read.entries, warnings: read.warnings };
}
/**
 * Period budget results and the `extensions.ledger` block for a head card. With no ledger
 * (`ledger: history` outside the action), spending counts only this change, and a warning
 * says so. `extension` is null when the scenario has no period budget.
 */
function applyLedger(budgets, scenario, headCard, ledger, now) {
    if (!budgets.some(isPeriodBudget))
        return { results: [], extension: null, warnings: [] };
    const warnings = ledger
        ? [...ledger.warnings]
        : [
            'period budgets: no ledger of past runs (the GitHub action reads its history branch; use ledger: file:PATH, or ml-lca ledger on a checkout of the branch, elsewhere), so spent counts only this change',
        ];
    const ev = evaluatePeriodBudgets(budgets, scenario, headCard, ledger?.entries ?? [], now, ledger?.sums ?? []);
    warnings.push(...ev.warnings);
    return {
        results: ev.results,
        extension: { source: ledger?.source ?? 'none', entries: ledger?.size ?? ledger?.entries.length ?? 0, positions: ev.positions, warnings },
        warnings,
    };
}

// The interpretation of report.md and the PR comment (ISO 14044 phase 4): significant issues,
// the lifetime curve with its breakeven, the tornado, the uncertainty range, data quality, head
// vs base noise statements, SCI, the Hugging Face block and the energy disclosure. Card in,
// markdown parts out (renderReport puts each in its own collapsed section, and the charts in
// one "Charts" section); every string from the card is escaped or rebuilt from numbers.
const HEADLINE_METRICS = ['totals.co2e_kg', 'per_functional_unit.co2e_g', 'lifetime.co2e_kg'];
const SEVERITY_ICON = { error: '❌', warning: '⚠️', info: 'ℹ️' };
function interpretationParts(card) {
    return {
        significant: significant(card),
        lifetime: lifetime(card),
        sensitivity: sensitivity(card),
        uncertainty: uncertainty(card),
        dataQuality: dataQuality(card),
        headVsBase: headVsBase(card),
        sci: sciSection(card),
        hf: hfSection(card),
        energy: energy(card),
    };
}
function significant(card) {
    const i = card.interpretation;
    const t = card.totals;
    const fu = card.per_functional_unit;
    const lines = [];
    if (i.dominant_stage !== null) {
        const share = i.shares?.[i.dominant_stage] ?? (t.co2e_kg > 0 ? (card.stages[i.dominant_stage]?.co2e_kg ?? 0) / t.co2e_kg : null);
        const flows = i.flow_shares ? ` (${pct$1(i.flow_shares.operational)} operational, ${pct$1(i.flow_shares.embodied)} embodied)` : '';
        lines.push(`**Significant issues.** Stage **${escapeMarkdown(i.dominant_stage)}** dominates the assessed carbon: ${pct$1(share)} of ${qty(t.co2e_kg, 'kg CO2e')}${flows}.`);
    }
    else {
        lines.push('**Significant issues.** No stage has any carbon: nothing dominates.');
    }
    if (i.dominant_term) {
        const s = i.term_shares;
        const share = s ? s[i.dominant_term] : fu.co2e_g > 0 ? termOf(fu, i.dominant_term) / fu.co2e_g : null;
        const sc = scaleFor([fu.co2e_g, fu.marginal_co2e_g, fu.embodied_co2e_g, fu.amortized_co2e_g], 'g CO2e');
        lines.push(`Per functional unit the **${i.dominant_term}** term dominates: ${pct$1(share)} of ${sc.withUnit(fu.co2e_g)} ` +
            `(marginal ${sc.withUnit(fu.marginal_co2e_g)}, embodied ${sc.withUnit(fu.embodied_co2e_g)}, amortized up-front ${sc.withUnit(fu.amortized_co2e_g)}).`);
    }
    const lt = card.lifetime;
    if (lt.co2e_kg > 0) {
        const up = lt.upfront_co2e_kg / lt.co2e_kg;
        lines.push(`Over the scenario's ${count(lt.inferences)} lifetime inferences, ${up >= 0.5 ? 'up-front (experimentation, training) carbon' : 'inference carbon'} dominates the lifecycle: ` +
            `${pct$1(up >= 0.5 ? up : 1 - up)} of ${qty(lt.co2e_kg, 'kg CO2e')}.`);
    }
    return `${lines.join(' ')}\n`;
}
function termOf(fu, term) {
    return term === 'marginal' ? fu.marginal_co2e_g : term === 'embodied' ? fu.embodied_co2e_g : fu.amortized_co2e_g;
}
function lifetime(card) {
    const curve = card.interpretation.lifetime_curve ?? [];
    if (curve.length === 0)
        return null;
    const be = card.interpretation.breakeven_inferences;
    const L = card.scenario.deployment.lifetime_inferences;
    const first = curve[0];
    const last = curve[curve.length - 1];
    const sc = scaleFor(curve.map((p) => p.co2e_g_per_fu), 'g CO2e');
    const lines = [
        '#### CO2e per FU vs lifetime inferences',
        '',
        `Per functional unit, CO2e falls from ${sc.withUnit(first.co2e_g_per_fu)} at ${count(first.inferences)} lifetime inferences to ${sc.withUnit(last.co2e_g_per_fu)} at ${count(last.inferences)}, ` +
            'as the up-front carbon is spread over more units (paper: the per-unit cost is extremely sensitive to lifetime use until it reaches tens of billions).',
        be === null
            ? 'No breakeven: without a per-inference stage, inference carbon never catches up with the up-front carbon here.'
            : `Breakeven at **${count(be)}** inferences: beyond it inference carbon exceeds the up-front carbon. ` +
                `The scenario's ${count(L)} is ${L < be ? '**below** it: the up-front carbon still dominates each unit' : '**beyond** it: serving dominates each unit'}.`,
        '',
        markdownTable([['lifetime inferences', `${sc.unit} per FU`, 'point'], ...curve.map((p) => [count(p.inferences), sc.format(p.co2e_g_per_fu), p.label ?? ''])], { align: ['r', 'r', 'l'] }),
        '',
    ];
    return lines.join('\n');
}
function sensitivity(card) {
    const rows = card.interpretation.sensitivity;
    if (rows.length === 0)
        return null;
    const swing = (a, b, stored) => stored ?? Math.abs(b - a);
    // Tornado order: largest swing of the per-FU result first (cards from older versions may be unsorted).
    const sorted = [...rows].sort((a, b) => swing(b.per_fu_co2e_g_low, b.per_fu_co2e_g_high, b.swing_per_fu_co2e_g) - swing(a.per_fu_co2e_g_low, a.per_fu_co2e_g_high, a.swing_per_fu_co2e_g));
    const g = scaleFor(sorted.flatMap((s) => [s.per_fu_co2e_g_low, s.per_fu_co2e_g_high]), 'g CO2e');
    const kg = scaleFor(sorted.flatMap((s) => [s.co2e_kg_low, s.co2e_kg_high]), 'kg CO2e');
    // The unit after the name, unless the name says it (`lifetime inferences`).
    const name = (s) => {
        const n = parameterName(s.parameter);
        return `${escapeMarkdown(n)}${s.unit && !n.endsWith(s.unit) ? ` (${escapeMarkdown(s.unit)})` : ''}`;
    };
    // Two tables of at most 6 columns: the per-FU result (what the tornado sorts by), then the total.
    const perFu = markdownTable([
        ['parameter', 'low', 'central', 'high', `${g.unit} per FU<br>at low → high`, `swing<br>(${g.unit})`],
        ...sorted.map((s) => [
            name(s),
            param(s.low_value),
            param(s.central_value),
            param(s.high_value),
            `${g.format(s.per_fu_co2e_g_low)} → ${g.format(s.per_fu_co2e_g_high)}`,
            g.format(swing(s.per_fu_co2e_g_low, s.per_fu_co2e_g_high, s.swing_per_fu_co2e_g)),
        ]),
    ], { align: ['l', 'r', 'r', 'r', 'r', 'r'] });
    const total = markdownTable([
        ['parameter', `${kg.unit} total<br>at low → high`, `swing<br>(${kg.unit})`],
        ...sorted.map((s) => [
            name(s),
            `${kg.format(s.co2e_kg_low)} → ${kg.format(s.co2e_kg_high)}`,
            kg.format(swing(s.co2e_kg_low, s.co2e_kg_high, s.swing_co2e_kg)),
        ]),
    ], { align: ['l', 'r', 'r'] });
    const sources = sorted.filter((s) => s.source).map((s) => `- ${escapeMarkdown(parameterName(s.parameter))}: ${escapeMarkdown(withoutUrls(s.source ?? ''))}`);
    return [
        '#### Sensitivity (one at a time)',
        '',
        'Each parameter set to its low and its high value, every other one central; sorted by the swing of the per-FU result (a tornado).',
        '',
        perFu,
        '',
        total,
        '',
        ...(sources.length ? ['Ranges:', '', ...sources, ''] : []),
    ].join('\n');
}
function uncertainty(card) {
    const u = card.interpretation.uncertainty;
    // A point says so instead of printing `x–x` (every input stated, none with a range).
    const span = (lo, hi, unit) => lo === hi ? `**${qty(lo, unit)}** (a point: no input it rests on carries a range)` : `**${range(lo, hi, unit)}**`;
    const lines = [
        '#### Uncertainty',
        '',
        `- Assessed stages: ${span(u.co2e_kg_low, u.co2e_kg_high, 'kg CO2e')} (central ${qty(card.totals.co2e_kg, 'kg CO2e')}).`,
    ];
    if (u.per_fu_co2e_g_low !== undefined && u.per_fu_co2e_g_high !== undefined) {
        lines.push(`- Per functional unit: ${span(u.per_fu_co2e_g_low, u.per_fu_co2e_g_high, 'g CO2e')} (central ${qty(card.per_functional_unit.co2e_g, 'g CO2e')}).`);
    }
    if (u.energy_kwh_low !== undefined && u.energy_kwh_high !== undefined) {
        lines.push(`- Energy: ${range(u.energy_kwh_low, u.energy_kwh_high, 'kWh')} (central ${qty(card.totals.energy_kwh, 'kWh')}).`);
    }
    if (u.water_l_low !== undefined && u.water_l_high !== undefined && (u.water_l_high > 0 || card.totals.water_l > 0)) {
        lines.push(`- Water: ${range(u.water_l_low, u.water_l_high, 'L')} (central ${qty(card.totals.water_l, 'L')}).`);
    }
    const mc = u.monte_carlo;
    if (mc) {
        lines.push(`- Monte Carlo 90${NBSP}% band (${count(mc.samples)} samples, seed ${String(mc.seed)}): ${range(mc.co2e_kg_p05, mc.co2e_kg_p95, 'kg CO2e')} (median ${qty(mc.co2e_kg_p50, 'kg CO2e')}); ` +
            `${range(mc.per_fu_co2e_g_p05, mc.per_fu_co2e_g_p95, 'g CO2e')} per FU (median ${qty(mc.per_fu_co2e_g_p50, 'g CO2e')}).`);
    }
    // Escaped although ml-lca writes the method and the SCI note: a card read from outside this
    // run (a fork's artifact, a baseline) can say anything there. No card text is trusted.
    if (u.method)
        lines.push(`- Method: ${escapeMarkdown(u.method)}.`);
    if (u.covers !== undefined)
        lines.push(u.covers.length > 0 ? '- The range covers:' : '- The range covers no input: none carries a range.');
    for (const p of u.parameters ?? []) {
        lines.push(`  - ${escapeMarkdown(p.parameter)}: ${param(p.low)}–${param(p.high)}${p.unit ? `${NBSP}${escapeMarkdown(p.unit)}` : ''} (central ${param(p.central)}; ${escapeMarkdown(withoutUrls(p.source))})`);
    }
    if (u.not_covered && u.not_covered.length > 0) {
        lines.push('- Not covered (the range is narrower than the truth by what these hide):');
        for (const n of u.not_covered)
            lines.push(`  - ${escapeMarkdown(n)}`);
    }
    return `${lines.join('\n')}\n`;
}
function dataQuality(card) {
    const items = card.interpretation.data_quality;
    if (items.length === 0)
        return 'No completeness or consistency findings.\n';
    const lines = items.map((d) => `- ${SEVERITY_ICON[d.severity]} **${d.severity}** ${escapeCode(d.code)}: ${escapeMarkdown(d.message)}`);
    return `${lines.join('\n')}\n`;
}
/** Head vs base: is each headline change (and any other real change) beyond the noise band? */
function headVsBase(card) {
    const c = card.comparison;
    if (!c)
        return null;
    // Sentences rebuilt from the numbers (the stored noise_note is for JSON readers): no card
    // text reaches the markdown unescaped. The headline metrics always; any other metric only when
    // it is a real change (the comparison table has every metric).
    const notes = c.metrics
        .filter((m) => m.within_noise !== undefined && m.within_noise !== null && m.delta !== null && m.noise_band !== undefined && m.noise_band !== null)
        .filter((m) => HEADLINE_METRICS.includes(m.metric) || m.within_noise === false)
        .map((m) => {
        const unit = unitOf(m.metric);
        const pctText = m.delta_pct === null ? '' : ` (${deltaPct(m.delta_pct)})`;
        const improved = m.better === 'lower' ? (m.delta ?? 0) < 0 : (m.delta ?? 0) > 0;
        const verdict = m.within_noise ? 'is within the noise band' : 'exceeds the noise band';
        const tail = m.within_noise ? 'not a real change' : `a real change, ${improved ? 'better' : 'worse'}`;
        // The change and the band in the unit of the values (±0.545 kg, not ±545 g beside +3.44 kg).
        const sc = scaleFor([m.base, m.head], unit);
        const delta = `${(m.delta ?? 0) > 0 ? '+' : ''}${sc.withUnit(m.delta)}`;
        return `- ${escapeCode(m.metric)}: ${delta}${pctText} ${verdict} ±${sc.withUnit(m.noise_band)}: ${tail}.`;
    });
    if (notes.length === 0)
        return null;
    return ['#### Real change or noise?', '', ...notes, ''].join('\n');
}
function sciSection(card) {
    const s = card.interpretation.sci;
    if (s === undefined)
        return null;
    if (s === null)
        return '#### SCI (ISO/IEC 21031:2024)\n\nNot computed: no stage served inferences, so R (functional units) is 0.\n';
    return [
        '#### SCI (ISO/IEC 21031:2024)',
        '',
        `SCI = (E × I + M) / R = (${fmt$1(s.e_kwh)}${NBSP}kWh × ${qtyParam(s.i_g_per_kwh, 'g/kWh')} + ${fmt$1(s.m_g)}${NBSP}g) / ${fmt$1(s.r)} = **${qty(s.sci_g_per_fu, 'g CO2e')} per functional unit** ` +
            `(R = ${escapeMarkdown(s.r_unit)}; stages: ${s.stages.map(escapeMarkdown).join(', ')}).`,
        '',
        // Escaped for the same reason as the method: a card from outside can say anything here.
        `Not included: the amortized up-front carbon, ${qty(s.amortized_co2e_g_excluded, 'g CO2e')} per FU. ${escapeMarkdown(s.note)}`,
        '',
    ].join('\n');
}
/** The Hugging Face block in one sentence (the block itself is in the card, and `ml-lca hf-card` writes it). */
function hfSection(card) {
    const h = card.hf_co2_eq_emissions;
    return [
        `**${qty(h.emissions, 'g CO2e')}** (the block states grams: ${count(h.emissions)}${NBSP}g)${h.training_type ? `, training_type ${escapeMarkdown(h.training_type)}` : ''}: ${escapeMarkdown(h.source)}. ` +
            `Location ${escapeMarkdown(h.geographical_location)}, hardware ${escapeMarkdown(h.hardware_used)}. ` +
            'Write it into a model README with `ml-lca hf-card --card model-card.json README.md` (or the action input `hf-readme`).',
        '',
    ].join('\n');
}
/** Hardware, location and facility factors of the energy disclosure (its per-stage rows are in the per-stage table). */
function energy(card) {
    const e = card.interpretation.energy_disclosure;
    if (!e)
        return null;
    const h = e.hardware;
    const where = e.location;
    return [
        `- Hardware: ${count(h.count)} × ${escapeMarkdown(h.model)}${h.power_w !== null ? ` (${qty(h.power_w, 'W', 4)} each)` : ''}${h.known ? '' : ' (not in the bundled data)'}.`,
        `- Location: ${where.region ? escapeMarkdown(where.region) : 'no region'}, grid ${qtyParam(where.intensity_g_per_kwh, 'g CO2e/kWh')}${where.source ? ` (${escapeMarkdown(withoutUrls(where.source))})` : ''}.`,
        `- Facility: PUE ${param(e.pue)} (applied once), IT overhead ${param(e.it_overhead_factor)}× on device-only energy, WUE ${qtyParam(e.wue_l_per_kwh, 'L/kWh')}.`,
        '',
    ].join('\n');
}

// The "Per host" section for multi-node stages (issue 7): energy, devices, time span and clock
// offset of each host, from the card's `extensions.cluster` (written by the pipeline from
// ingest/merge.ts). Pure: card in, markdown out; host names come from logs, so they are escaped.
const HostRow = object({
    host: string(),
    energy_kwh: number().nullable(),
    scope: string(),
    devices: number(),
    duration_s: number().nullable(),
    offset_s: number().nullable(),
});
const ClusterExtension = record(string(), object({ hosts: array(HostRow), skew_s: number().nullable() }));
/** Empty string when the card has no multi-node stage. */
function renderClusterSection(card) {
    const parsed = ClusterExtension.safeParse(card.extensions?.cluster);
    if (!parsed.success || Object.keys(parsed.data).length === 0)
        return '';
    const out = [];
    for (const [stage, c] of Object.entries(parsed.data)) {
        const energy = scaleFor(c.hosts.map((h) => h.energy_kwh), 'kWh');
        out.push(`**${escapeMarkdown(stage)}**: ${c.hosts.length} hosts` + (c.skew_s !== null ? `, host clocks within ${fmt$1(c.skew_s)}${NBSP}s of each other` : '') + '.', '', markdownTable([
            ['host', `measured energy,<br>before overhead (${energy.unit})`, 'scope', 'devices', 'span<br>(h)', 'clock<br>offset (s)'],
            ...c.hosts.map((h) => [
                escapeMarkdown(h.host),
                energy.format(h.energy_kwh),
                escapeMarkdown(h.scope),
                count(h.devices),
                fmt$1(h.duration_s === null ? null : h.duration_s / 3600),
                fmt$1(h.offset_s),
            ]),
        ], { align: ['l', 'r', 'l', 'r', 'r', 'r'] }), '');
    }
    out.push("Energy is integrated per host and device on each host's own clock, so clock skew does not change it; measured energy is before the IT overhead factor and PUE.");
    return `${out.join('\n')}\n`;
}

function attentionOf(card) {
    const incomplete = Object.entries(card.stages).flatMap(([stage, s]) => s.completeness?.status === 'incomplete' ? [{ stage, completeness: s.completeness }] : []);
    const saidStages = new Set(incomplete.map((i) => i.stage));
    const saidFiles = new Set(incomplete.flatMap((i) => (i.completeness.file ? [i.completeness.file] : [])));
    const errors = card.interpretation.data_quality
        .filter((d) => d.severity === 'error')
        .filter((d) => !(d.stage !== undefined && saidStages.has(d.stage)) && !(d.source !== undefined && saidFiles.has(d.source)))
        .map((d) => d.message);
    const rejected = [];
    for (const [stage, s] of Object.entries(card.stages)) {
        for (const file of s.sources) {
            const src = card.sources.find((x) => x.path === file);
            if (!src?.rejected?.length)
                continue;
            const parts = src.rejected.map((r) => `${r.count} ${r.count === 1 ? 'row' : 'rows'} rejected (${r.reason})${r.first_line !== null ? `, first at line ${r.first_line}` : ''}`);
            rejected.push({ stage, file, text: `${parts.join('; ')}: the stage's energy comes from the rest of the file` });
        }
    }
    return { incomplete, errors, rejected };
}
/** The lines of an incomplete card, one per stage: stage, file, why, fix. */
function incompleteLines(a) {
    return a.incomplete.map((i) => incompleteLine(i.stage, i.completeness));
}

/** Text from a card on a terminal: C0/C1 controls (escape sequences) and bidi overrides become spaces. */
function plain(text) {
    return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ');
}
/** The change column in words; a metric missing on one side says which side (a stage only in head or only in base). */
function changeWord(m) {
    if (m.delta === null)
        return m.base === null && m.head === null ? 'no value' : m.base === null ? 'no base value' : 'no head value';
    if (m.within_noise)
        return 'within noise';
    if (m.delta === 0)
        return 'unchanged';
    return (m.better === 'lower' ? m.delta < 0 : m.delta > 0) ? 'better' : 'worse';
}
/**
 * `per FU 10.7 → 12.4 g CO2e, +16.3 %, worse; 4 of 27 metrics changed beyond noise`: what a
 * reviewer asks first, in one line.
 */
function comparisonSummaryLine(c) {
    if (!c.comparable)
        return `not comparable with the base: ${plain(c.consistency[0] ?? 'the functional unit or the boundary differs')}`;
    const real = c.metrics.filter((m) => m.within_noise === false).length;
    const tail = `${real} of ${c.metrics.length} metrics changed beyond noise`;
    const m = c.metrics.find((x) => x.metric === 'per_functional_unit.co2e_g');
    if (!m || m.base === null || m.head === null)
        return `per FU: no base or head value; ${tail}`;
    const p = pair(m.base, m.head, unitOf(m.metric));
    return `per FU ${p.base} → ${p.head}${NBSP}${p.unit}, ${deltaPct(m.delta_pct)}, ${changeWord(m)}; ${tail}`;
}
/** Columns padded to their widest cell; numbers right-aligned. */
function textTable(rows, right) {
    const width = (s) => [...s].length;
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
    const line = (r) => r
        .map((cell, i) => (right[i] ? cell.padStart(widths[i] + cell.length - width(cell)) : cell.padEnd(widths[i] + cell.length - width(cell))))
        .join('  ')
        .trimEnd();
    const [head, ...body] = rows;
    return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
/** The whole terminal output of `ml-lca compare`. */
function renderComparisonText(c) {
    const b = c.baseline;
    const where = [b.ref, b.sha ? b.sha.slice(0, 7) : null, b.run_id !== null ? `run ${b.run_id}` : null].filter((x) => x !== null).join(' ');
    const lines = [
        comparisonSummaryLine(c),
        '',
        `base: ${plain(where ? `${where} (${b.source})` : b.source)}${b.created_at ? `, created ${plain(b.created_at)}` : ''}`,
        ...(c.consistency.length
            ? c.consistency.map((x) => `- ${plain(x)}`)
            : ['same functional unit and system boundary as the base; lower is better for every metric']),
    ];
    if (c.metrics.length === 0)
        return lines.join('\n');
    const rows = c.metrics.map((m) => {
        const p = pair(m.base, m.head, unitOf(m.metric));
        return [plain(labelOf(m.metric)), p.unit, p.base, p.head, p.delta, deltaPct(m.delta_pct), changeWord(m)];
    });
    lines.push('', textTable([['metric', 'unit', 'base', 'head', 'Δ', 'Δ %', 'change'], ...rows], [false, false, true, true, true, true, false]));
    return lines.join('\n');
}

// report.md, the PR comment body (without the marker) and the job summary: card in, markdown
// out, nothing else. Written for a reviewer (issue 17): one screen first (the verdict with its
// reason, the headline per functional unit and total with the change against the base, what
// changed most, where each budget stands, the data-quality errors), then everything else in
// collapsed `<details>` sections whose summaries already say what is inside.
// Every string that came from a user, a log or a card goes through escape.ts; numbers through
// format.ts (one style everywhere).
const ICON = { pass: '✅', warn: '⚠️', fail: '❌', incomplete: '⛔' };
/** Above the fold: at most this many lines of budgets, of data-quality errors, of rows in the change table. */
const TOP_BUDGETS = 5;
const TOP_ERRORS = 3;
const TOP_CHANGES = 5;
/** Widest table cell for a name (stage, host) or a path, in characters: wider ones overflow 800 px. */
const NAME_MAX = 28;
const PATH_MAX = 44;
/** Logs listed in the comment; a fork's hundreds of shards are in the card JSON. */
const LOGS_MAX = 50;
/**
 * The whole report. With `maxChars`, detail sections are dropped from the end until it fits;
 * the part above the fold (verdict, headline, budgets) is never dropped.
 */
function renderReport(card, opts = {}) {
    const footer = `<sub>ml-lca ${escapeMarkdown(card.tool.version)} · model card schema ${escapeMarkdown(card.schema_version)} · ${escapeMarkdown(card.created_at)}</sub>\n`;
    return fit(aboveTheFold(card), detailSections(card), footer, opts.maxChars ?? Number.POSITIVE_INFINITY);
}
function renderSection(s) {
    return `<details><summary><b>${escapeHtml(s.title)}</b>${s.summary ? ` · ${s.summary}` : ''}</summary>\n\n${s.body.trimEnd()}\n\n</details>\n`;
}
function fit(head, details, footer, maxChars) {
    const join = (kept, note) => [head, ...kept.map(renderSection), note, footer].filter((x) => x !== '').join('\n');
    const kept = [...details];
    const dropped = [];
    let out = join(kept, '');
    while (out.length > maxChars && kept.length > 0) {
        dropped.unshift(kept.pop().title);
        out = join(kept, `> Trimmed to fit ${count(maxChars)} characters: ${dropped.join(', ')} omitted; the model card JSON has every value.\n`);
    }
    if (out.length <= maxChars)
        return out;
    // Only the part above the fold is left and it is still too long: keep its beginning, where the verdict is.
    const cut = '\n\n> Trimmed: the rest is in the model card JSON.\n';
    return `${head.slice(0, Math.max(0, maxChars - cut.length))}${cut}`;
}
// --- Above the fold -------------------------------------------------------------------------
function aboveTheFold(card) {
    const name = escapeMarkdown(clipText(card.scenario.name, 60));
    const lines = [`## ${ICON[card.verdict]} ml-lca: ${name}: ${card.verdict.toUpperCase()} — ${verdictReason(card)}`];
    // What a reader must see before any number (issue 12): the stages that could not be measured,
    // then the data-quality errors that change the result.
    lines.push(...incompleteBlock(card), ...errorsBlock(card));
    lines.push('', ...headline(card));
    const changes = changesBlock(card.comparison);
    if (changes.length)
        lines.push('', ...changes);
    const budgets = budgetLines(card, card.verdict === 'incomplete');
    lines.push('', ...(budgets.length ? budgets : ['No budgets set.']));
    return `${lines.join('\n')}\n`;
}
/** Why the verdict is what it is, in a few words (markdown, escaped). */
function verdictReason(card) {
    const a = attentionOf(card);
    if (card.verdict === 'incomplete' || a.incomplete.length > 0) {
        const names = a.incomplete.map((i) => escapeCode(clipText(i.stage, NAME_MAX)));
        const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
        return `the energy of ${names.length === 1 ? 'stage' : 'stages'} ${shown} could not be determined, so this check cannot pass`;
    }
    const at = (status) => card.budgets.filter((b) => b.status === status && b.actual !== null);
    for (const status of ['fail', 'warn']) {
        const hit = at(status);
        if (hit.length === 0)
            continue;
        if (hit.length > 1)
            return `${hit.length} budgets are over their ${status === 'fail' ? 'limits' : 'warning levels'}`;
        const b = hit[0];
        const what = b.kind === 'period' ? `the period budget on ${escapeMarkdown(labelOf(b.metric))}` : escapeMarkdown(labelOf(b.metric));
        const over = status === 'fail' ? 'over its limit' : 'above its warning level';
        return b.kind === 'regression' ? `${what} rose ${deltaPct(b.actual)} vs base, ${over}` : `${what} is ${over}`;
    }
    const unchecked = card.budgets.filter((b) => b.status !== 'pass');
    if (unchecked.length > 0)
        return `${unchecked.length === 1 ? 'a budget' : `${unchecked.length} budgets`} could not be checked`;
    if (card.budgets.length === 0)
        return 'no budgets set';
    return card.budgets.length === 1 ? 'within its budget' : `within all ${card.budgets.length} budgets`;
}
/** The stages whose energy is unknown (issue 12): stage, file, why, fix; right under the verdict. */
function incompleteBlock(card) {
    const a = attentionOf(card);
    if (a.incomplete.length === 0)
        return [];
    const shown = a.incomplete.slice(0, TOP_BUDGETS);
    return [
        '',
        ...shown.map((i) => {
            const c = i.completeness;
            const file = c.file ? `${escapeCode(c.file)}: ` : '';
            return `- ⛔ **${escapeMarkdown(i.stage)}**: ${file}${escapeMarkdown(c.reason ?? 'energy unknown')}. **Fix:** ${escapeMarkdown(c.fix ?? 'give the stage a log with usable energy')}`;
        }),
        ...(a.incomplete.length > shown.length ? [`- ⛔ and ${a.incomplete.length - shown.length} more stages: see Data quality below`] : []),
        '',
        '_The figures below leave out (or only estimate) what could not be measured._',
    ];
}
/** The data-quality errors and rejected rows that change the result; the rest is in Data quality. */
function errorsBlock(card) {
    const a = attentionOf(card);
    const items = [...a.errors.map((e) => `- ❗ ${escapeMarkdown(e)}`), ...a.rejected.map((r) => `- ✂️ ${escapeCode(r.file)} (stage ${escapeMarkdown(r.stage)}): ${escapeMarkdown(r.text)}`)];
    if (items.length === 0)
        return [];
    const shown = items.slice(0, TOP_ERRORS);
    return [
        '',
        '**Data quality that changes the result:**',
        '',
        ...shown,
        ...(items.length > shown.length ? [`- and ${items.length - shown.length} more in Data quality below`] : []),
    ];
}
/** Per functional unit and total, each with its change against the base; then the other totals. */
function headline(card) {
    const s = card.scenario;
    const fu = card.per_functional_unit;
    const t = card.totals;
    const u = card.interpretation.uncertainty;
    const c = card.comparison;
    const metric = (path) => (c?.comparable ? c.metrics.find((m) => m.metric === path) : undefined);
    // A point says so instead of printing `x–x` (every input stated, none with a range).
    const rangeText = u.co2e_kg_low === u.co2e_kg_high ? 'no range: every input it rests on is stated without one' : `range ${range(u.co2e_kg_low, u.co2e_kg_high, 'kg CO2e')}`;
    const lines = [
        `${headValue(fu.co2e_g, 'g CO2e', metric('per_functional_unit.co2e_g'))} per functional unit${changeText(metric('per_functional_unit.co2e_g'), 'g CO2e')}\\`,
        `${headValue(t.co2e_kg, 'kg CO2e', metric('totals.co2e_kg'))} over the assessed stages (${rangeText})${changeText(metric('totals.co2e_kg'), 'kg CO2e')}\\`,
        [
            `FU: ${escapeMarkdown(s.functional_unit.description)} (${count(s.functional_unit.inferences)} inferences)`,
            `${qty(t.energy_kwh, 'kWh')} facility energy`,
            `${qty(t.water_l, 'L')} water`,
            ...(t.cost_usd !== null ? [qty(t.cost_usd, 'USD')] : []),
            `lifetime (${count(card.lifetime.inferences)} inferences) ${qty(card.lifetime.co2e_kg, 'kg CO2e')}`,
        ].join(' · '),
    ];
    const note = comparisonNote(c, card.warnings);
    if (note)
        lines.push('', note);
    return lines;
}
/** The head value in bold, with 4 figures where the change needs them. */
function headValue(value, unit, m) {
    if (!m || m.base === null || m.head === null)
        return `**${qty(value, unit)}**`;
    const p = pair(m.base, m.head, unit);
    return `**${p.head}${NBSP}${p.unit}**`;
}
/** ` ▲ +16.3 % vs base 10.7 g, worse, beyond noise (±0.2 g)`; empty without a comparable base value. */
function changeText(m, unit) {
    if (!m || m.base === null || m.head === null || m.delta === null)
        return '';
    const p = pair(m.base, m.head, unit);
    const arrow = m.delta > 0 ? '▲' : m.delta < 0 ? '▼' : '=';
    // The base and the band without "CO2e": the value just before says what is measured.
    const short = (text) => text.replace(/ CO2e$/, '');
    const band = short(scaleFor([m.base, m.head], unit).withUnit(m.noise_band));
    const noise = m.within_noise === true ? `, within noise (±${band})` : m.within_noise === false ? `, beyond noise (±${band})` : '';
    const dir = changeWord(m);
    return ` ${arrow} ${deltaPct(m.delta_pct)} vs base ${short(`${p.base}${NBSP}${p.unit}`)}${m.within_noise ? '' : `, ${dir}`}${noise}`;
}
/** Why nothing was compared, or that the base is not comparable. */
function comparisonNote(c, warnings) {
    if (!c) {
        const w = warnings.find((x) => x.startsWith('No baseline:'));
        return w ? `ℹ️ ${escapeMarkdown(w)}` : null;
    }
    if (!c.comparable) {
        const more = c.consistency.length > 1 ? ` (${c.consistency.length - 1} more in Comparison with base)` : '';
        return `⚠️ Not comparable with base ${baselineLabel(c)}: ${escapeMarkdown(c.consistency[0] ?? 'the functional unit or the boundary differs')}${more}`;
    }
    return null;
}
/** "What changed most": up to 5 metrics besides the headline two, real changes first. */
function changesBlock(c) {
    if (!c?.comparable)
        return [];
    const headlineMetrics = ['per_functional_unit.co2e_g', 'totals.co2e_kg'];
    const changed = c.metrics
        .filter((m) => !headlineMetrics.includes(m.metric) && m.delta !== null && m.delta !== 0 && m.base !== null && m.head !== null)
        .sort((a, b) => realFirst(a) - realFirst(b) || tier(a) - tier(b) || Math.abs(b.delta_pct ?? Infinity) - Math.abs(a.delta_pct ?? Infinity));
    const real = c.metrics.filter((m) => m.within_noise === false).length;
    const tested = c.metrics.some((m) => m.within_noise === true || m.within_noise === false);
    const summary = `**What changed most** vs base ${baselineLabel(c)}${tested ? `: ${real} of ${c.metrics.length} metrics beyond noise` : ''}`;
    if (changed.length === 0)
        return [`${summary}; nothing else changed.`];
    const rows = changed.slice(0, TOP_CHANGES).map((m) => {
        const unit = unitOf(m.metric);
        const p = pair(m.base, m.head, unit);
        return [
            `${escapeMarkdown(clipText(labelOf(m.metric), NAME_MAX + 8))}${p.unit ? ` (${p.unit})` : ''}`,
            p.base,
            p.head,
            `${(m.delta ?? 0) > 0 ? '▲' : '▼'} ${deltaPct(m.delta_pct)}`,
            changeWord(m),
        ];
    });
    return [`${summary}:`, '', markdownTable([['metric (unit)', 'base', 'head', 'Δ %', 'change'], ...rows], { align: ['l', 'r', 'r', 'r', 'l'] })];
}
const realFirst = (m) => (m.within_noise === false ? 0 : 1);
/** Carbon first, then energy, water, cost: what a reviewer of a carbon report reads first. */
const tier = (m) => {
    const u = unitOf(m.metric);
    return u.endsWith('CO2e') ? 0 : u.endsWith('Wh') ? 1 : u.endsWith('L') ? 2 : 3;
};
function baselineLabel(c) {
    const b = c.baseline;
    const parts = [b.ref ? escapeMarkdown(b.ref) : null, b.sha ? escapeCode(b.sha.slice(0, 7)) : null, b.run_id !== null ? `run ${b.run_id}` : null];
    const where = parts.filter((x) => x !== null).join(' ');
    return where ? `${where} (${escapeCode(b.source)})` : escapeCode(b.source);
}
// --- Budgets ----------------------------------------------------------------------------------
const STATUS_ORDER = { fail: 0, warn: 1, pass: 2 };
/** One line per budget, worst first, at most TOP_BUDGETS (the rest in the Budgets section). */
function budgetLines(card, incomplete) {
    const period = ledgerLinesForCard(card);
    const lines = [
        ...card.budgets.filter((b) => !(b.kind === 'period' && period.length > 0)).map((b) => ({ status: b.status, text: budgetLine(b, card.comparison) })),
        ...period,
    ].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
    if (lines.length === 0)
        return [];
    const shown = lines.slice(0, TOP_BUDGETS);
    const rest = lines.slice(TOP_BUDGETS);
    const more = rest.length
        ? [
            `- and ${rest.length} more (${['fail', 'warn', 'pass'].map((s) => `${rest.filter((l) => l.status === s).length} ${s}`).join(', ')}): see Budgets below`,
        ]
        : [];
    // On an incomplete card a budget "passes" on figures that leave something out: say so.
    return [incomplete ? '**Budgets** (on the incomplete figures above):' : '**Budgets:**', '', ...shown.map((l) => `- ${l.text}`), ...more];
}
/** `⚠️ **CO2e per FU** 9.84 g CO2e, above the warning level · warn at 9 g CO2e, limit 15 g CO2e`. */
function budgetLine(b, comparison) {
    const label = escapeMarkdown(clipText(labelOf(b.metric), NAME_MAX + 8));
    const said = { pass: '', warn: ', above the warning level', fail: ', over the limit' }[b.status];
    if (b.kind === 'regression') {
        const levels = `${b.warn_limit != null ? `warn at ${percent(b.warn_limit, { signed: true })}, ` : ''}limit ${percent(b.limit, { signed: true })}`;
        if (b.actual === null) {
            const why = comparison === null ? 'no baseline' : comparison.metrics.some((m) => m.metric === b.metric) ? 'no base or head value' : 'not a compared metric';
            return `${ICON[b.status]} **${label} vs base** not checked, ${why} · ${levels}`;
        }
        return `${ICON[b.status]} **${label} vs base** ${deltaPct(b.actual)}${said} · ${levels}`;
    }
    const unit = unitOf(b.metric);
    const levels = `${b.warn_limit != null ? `warn at ${qtyParam(b.warn_limit, unit)}, ` : ''}limit ${qtyParam(b.limit, unit)}`;
    if (b.actual === null)
        return `${ICON[b.status]} **${label}** no value, not checked · ${levels}`;
    return `${ICON[b.status]} **${label}** ${qty(b.actual, unit)}${said} · ${levels}`;
}
/** Every budget in a table (shown when the list above the fold is cut). */
function budgetsTable(card) {
    const sorted = [...card.budgets].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
    const rows = sorted.map((b) => {
        const regression = b.kind === 'regression';
        const unit = unitOf(b.metric);
        const show = (v) => (v == null ? '—' : regression ? percent(v, { signed: true }) : qtyParam(v, unit));
        return [
            `${ICON[b.status]} ${b.status}`,
            `${escapeCode(clipText(b.metric, PATH_MAX))}${regression ? ' vs base' : b.kind === 'period' ? ' per period' : ''}`,
            b.actual === null ? 'not checked' : regression ? deltaPct(b.actual) : qty(b.actual, unit),
            show(b.warn_limit),
            show(b.limit),
        ];
    });
    return `${markdownTable([['status', 'metric', 'actual', 'warn at', 'limit'], ...rows], { align: ['l', 'l', 'r', 'r', 'r'] })}\n`;
}
// --- Details ----------------------------------------------------------------------------------
function detailSections(card) {
    const parts = interpretationParts(card);
    const c = card.comparison;
    const cluster = renderClusterSection(card);
    const ledger = ledgerSectionForCard(card, { heading: '' });
    const out = [];
    if (c)
        out.push({
            title: 'Comparison with base',
            summary: comparisonSummary(c),
            body: `${renderComparison(c)}${parts.headVsBase ? `\n${parts.headVsBase}` : ''}`,
        });
    const budgetCount = card.budgets.length;
    if (budgetCount > TOP_BUDGETS)
        out.push({ title: 'Budgets', summary: budgetSummary(card), body: budgetsTable(card) });
    if (ledger) {
        const n = ledgerCount(card);
        out.push({ title: 'Period budgets', summary: `${count(n)} ${n === 1 ? 'budget' : 'budgets'}: spent, projected, remaining, run-out date`, body: ledger });
    }
    out.push({ title: 'Per stage', summary: stagesSummary(card), body: `${stagesSection(card)}${parts.energy ? `\n${parts.energy}` : ''}` });
    if (cluster)
        out.push({ title: 'Per host', summary: 'energy, devices and clock offset of each host of a multi-node stage', body: cluster });
    out.push({ title: 'Per functional unit', summary: perFuSummary(card), body: perFuSection(card) });
    out.push({
        title: 'Interpretation',
        summary: interpretationSummary(card),
        body: [parts.significant, parts.lifetime, parts.sensitivity, parts.sci].filter((x) => x !== null).join('\n'),
    });
    out.push({ title: 'Uncertainty', summary: uncertaintySummary(card), body: parts.uncertainty.replace(/^#### Uncertainty\n\n/, '') });
    out.push({ title: 'Data quality', summary: dataQualitySummary(card), body: parts.dataQuality });
    const charts = chartsSection(card);
    if (charts)
        out.push(charts);
    if (card.market_based)
        out.push({ title: 'Market-based result', summary: marketSummary(card), body: marketSection(card) });
    out.push({ title: 'Hugging Face co2_eq_emissions', summary: escapeHtml(qty(card.hf_co2_eq_emissions.emissions, 'g CO2e')), body: parts.hf });
    out.push({ title: 'Assumptions', summary: assumptionsSummary(card), body: assumptionsSection(card) });
    if (card.sources.length)
        out.push({ title: 'Logs read', summary: sourcesSummary(card), body: sourcesSection(card) });
    if (card.warnings.length)
        out.push({ title: 'Warnings', summary: `${card.warnings.length}`, body: warningsSection(card.warnings) });
    return out;
}
function comparisonSummary(c) {
    if (!c.comparable)
        return 'not comparable: see why';
    const tested = c.metrics.some((m) => m.within_noise === true || m.within_noise === false);
    // Without noise bands (an older card) every change counts.
    const real = c.metrics.filter((m) => (tested ? m.within_noise === false : m.delta !== null && m.delta !== 0));
    const worse = real.filter((m) => m.delta !== null && (m.better === 'lower' ? m.delta > 0 : m.delta < 0)).length;
    return `${c.metrics.length} metrics, ${real.length} ${tested ? 'beyond noise' : 'changed'} (${worse} worse, ${real.length - worse} better)`;
}
function budgetSummary(card) {
    const n = (s) => card.budgets.filter((b) => b.status === s).length;
    return `${card.budgets.length} budgets: ${n('fail')} fail, ${n('warn')} warn, ${n('pass')} pass`;
}
function ledgerCount(card) {
    const l = card.extensions?.ledger;
    return Array.isArray(l?.positions) ? l.positions.length : 0;
}
function stagesSummary(card) {
    const n = Object.keys(card.stages).length;
    const d = card.interpretation.dominant_stage;
    const share = d !== null && card.totals.co2e_kg > 0 ? (card.stages[d]?.co2e_kg ?? 0) / card.totals.co2e_kg : null;
    const lead = d !== null && share !== null ? `${escapeHtml(clipText(d, NAME_MAX))} ${pct$1(share)} of ` : '';
    return `${lead}${qty(card.totals.co2e_kg, 'kg CO2e')} over ${n} ${n === 1 ? 'stage' : 'stages'}; energy, water, cost`;
}
function perFuSummary(card) {
    const fu = card.per_functional_unit;
    const sc = scaleFor([fu.co2e_g, fu.marginal_co2e_g, fu.embodied_co2e_g, fu.amortized_co2e_g], 'g CO2e');
    return `${sc.withUnit(fu.co2e_g)} = ${sc.format(fu.marginal_co2e_g)} marginal + ${sc.format(fu.embodied_co2e_g)} embodied + ${sc.format(fu.amortized_co2e_g)} amortized`;
}
function interpretationSummary(card) {
    const i = card.interpretation;
    const parts = [];
    if (i.dominant_stage !== null)
        parts.push(`${escapeHtml(clipText(i.dominant_stage, NAME_MAX))} dominates`);
    parts.push(i.breakeven_inferences === null ? 'no breakeven' : `breakeven at ${count(i.breakeven_inferences)} inferences`);
    const top = [...i.sensitivity].sort((a, b) => (b.swing_per_fu_co2e_g ?? Math.abs(b.per_fu_co2e_g_high - b.per_fu_co2e_g_low)) -
        (a.swing_per_fu_co2e_g ?? Math.abs(a.per_fu_co2e_g_high - a.per_fu_co2e_g_low)))[0];
    if (top)
        parts.push(`most sensitive to ${escapeHtml(clipText(parameterName(top.parameter), 40))}`);
    return parts.join(', ');
}
function uncertaintySummary(card) {
    const u = card.interpretation.uncertainty;
    if (u.co2e_kg_low === u.co2e_kg_high)
        return 'no range: every input it rests on is stated without one';
    const fu = u.per_fu_co2e_g_low !== undefined && u.per_fu_co2e_g_high !== undefined ? `, ${range(u.per_fu_co2e_g_low, u.per_fu_co2e_g_high, 'g CO2e')} per FU` : '';
    return `${range(u.co2e_kg_low, u.co2e_kg_high, 'kg CO2e')}${fu}`;
}
function dataQualitySummary(card) {
    const items = card.interpretation.data_quality;
    if (items.length === 0)
        return 'no findings';
    const n = (s) => items.filter((d) => d.severity === s).length;
    const plural = (k, w) => `${k} ${w}${k === 1 ? '' : 's'}`;
    return `${plural(n('error'), 'error')}, ${plural(n('warning'), 'warning')}, ${plural(n('info'), 'note')}`;
}
/** Every chart in one section, each with a line saying what it shows. */
function chartsSection(card) {
    const charts = [
        ['CO2e by stage', stagePie(card)],
        ['CO2e per FU vs lifetime inferences: the up-front carbon spreads over more units; breakeven and scenario marked on the axis', lifetimeChart(card)],
        ['Sensitivity: how far each parameter moves the per-FU result', tornadoChart(card)],
        ['Head vs base per stage', headVsBaseChart(card.comparison)],
    ];
    const present = charts.filter((c) => c[1] !== null);
    if (present.length === 0)
        return null;
    return {
        title: 'Charts',
        summary: present.map(([t]) => escapeHtml(t.split(':')[0])).join(', '),
        body: present.map(([t, d]) => `${escapeMarkdown(t)}.\n\n${mermaidBlock(d)}`).join('\n'),
    };
}
function marketSummary(card) {
    const mb = card.market_based;
    return `${qty(mb.co2e_kg, 'kg CO2e')}, ${qty(mb.per_functional_unit_co2e_g, 'g CO2e')} per FU at ${qtyParam(mb.intensity_g_per_kwh, 'g CO2e/kWh')}`;
}
/** GHG Protocol Scope 2 dual reporting: location-based first (primary, budgets use it), then market-based. */
function marketSection(card) {
    const mb = card.market_based;
    const s = card.scenario;
    const fu = card.per_functional_unit;
    return (`Scope 2 dual reporting: location-based (grid average, ${qtyParam(s.grid.intensity_g_per_kwh, 'g CO2e/kWh')}) ${qty(card.totals.co2e_kg, 'kg CO2e')}, ` +
        `${qty(fu.co2e_g, 'g CO2e')} per functional unit; market-based (${qtyParam(mb.intensity_g_per_kwh, 'g CO2e/kWh')}: ${escapeMarkdown(withoutUrls(mb.source))}) ` +
        `${qty(mb.co2e_kg, 'kg CO2e')}, ${qty(mb.per_functional_unit_co2e_g, 'g CO2e')} per functional unit. Budgets use the location-based result.\n`);
}
function assumptionsSummary(card) {
    const a = card.scenario.assumptions;
    const defaults = a.filter((x) => x.origin === 'default').length;
    return `${a.length} parameters: ${defaults} defaults with their sources, ${a.length - defaults} from the scenario or logs`;
}
function sourcesSummary(card) {
    const rows = card.sources.reduce((n, s) => n + s.rows, 0);
    const rejected = card.sources.reduce((n, s) => n + s.rows_rejected, 0);
    return `${count(card.sources.length)} ${card.sources.length === 1 ? 'file' : 'files'}, ${count(rows)} rows, ${count(rejected)} rejected`;
}
// --- Per stage --------------------------------------------------------------------------------
function stagesSection(card) {
    const stages = Object.entries(card.stages);
    const t = card.totals;
    const disclosure = new Map((card.interpretation.energy_disclosure?.stages ?? []).map((d) => [d.stage, d]));
    // One unit per quantity, chosen by the largest value: the CO2e columns add up, so they share it.
    const col = (unit, pick, total) => scaleFor([...stages.flatMap(([, s]) => pick(s)), ...total], unit);
    const energy = col('kWh', (s) => [s.it_energy_kwh, s.energy_kwh], [t.it_energy_kwh, t.energy_kwh]);
    const co2e = col('kg CO2e', (s) => [s.co2e_kg], [t.co2e_kg]);
    const water = col('L', (s) => [s.water_l], [t.water_l]);
    const cost = col('USD', (s) => [s.cost_usd], [t.cost_usd]);
    const name = (n) => escapeMarkdown(clipText(n, NAME_MAX));
    const withAccel = disclosure.size > 0;
    const energyTable = markdownTable([
        [
            'stage',
            'energy from',
            'hours<br>(h)',
            ...(withAccel ? ['accelerator-<br>hours (h)'] : []),
            `IT energy incl.<br>overhead (${energy.unit})`,
            `facility<br>energy (${energy.unit})`,
        ],
        ...stages.map(([n, s]) => [
            name(n),
            energyFrom(s),
            fmt$1(s.hours),
            ...(withAccel ? [fmt$1(disclosure.get(n)?.accelerator_hours)] : []),
            energy.format(s.it_energy_kwh),
            energy.format(s.energy_kwh),
        ]),
        ['**total**', '', '', ...(withAccel ? [''] : []), energy.format(t.it_energy_kwh), `**${energy.format(t.energy_kwh)}**`],
    ], { align: ['l', 'l', 'r', ...(withAccel ? ['r'] : []), 'r', 'r'] });
    const impactTable = markdownTable([
        ['stage', `operational<br>(${co2e.unit})`, `embodied<br>(${co2e.unit})`, `total<br>(${co2e.unit})`, `water<br>(${water.unit})`, `cost<br>(${cost.unit})`],
        ...stages.map(([n, s]) => [
            name(n),
            co2e.format(s.operational_co2e_kg),
            co2e.format(s.embodied_co2e_kg),
            co2e.format(s.co2e_kg),
            water.format(s.water_l),
            cost.format(s.cost_usd),
        ]),
        [
            '**total**',
            co2e.format(t.operational_co2e_kg),
            co2e.format(t.embodied_co2e_kg),
            `**${co2e.format(t.co2e_kg)}**`,
            water.format(t.water_l),
            cost.format(t.cost_usd),
        ],
    ], { align: ['l', 'r', 'r', 'r', 'r', 'r'] });
    const s = card.scenario;
    const costText = costRule(s);
    return (`${energyTable}\n\n${impactTable}\n\n` +
        `IT energy incl. overhead is whole-server energy: device-only logs and hour estimates × IT overhead ${param(s.it_overhead_factor)}, host logs as logged. ` +
        `Facility energy = IT energy × PUE ${param(s.pue)}, applied once. Operational carbon at ${qtyParam(s.grid.intensity_g_per_kwh, 'g CO2e/kWh')}; ` +
        `${embodiedRule(s.hardware)} Water: IT energy × WUE ${qtyParam(s.wue_l_per_kwh, 'L/kWh')} on site` +
        `${s.grid.water_intensity_l_per_kwh > 0 ? ` + facility energy × ${qtyParam(s.grid.water_intensity_l_per_kwh, 'L/kWh')} off site (electricity generation)` : ''}.` +
        `${costText ? ` ${costText}` : ''}\n`);
}
/** The embodied attribution in words: whose manufacturing is counted and over which hours. */
function embodiedRule(h) {
    const use = h.utilization < 1 ? ` at ${pct$1(h.utilization)} utilization` : '';
    const host = h.host_embodied_kg === null
        ? ' Accelerators only: server embodied carbon is outside the boundary (set hardware.host_embodied_kg).'
        : ` Each accelerator also carries 1/${count(h.devices_per_host)} of its server's ${qtyParam(h.host_embodied_kg, 'kg CO2e')}.`;
    const custom = h.known ? '' : ' (custom hardware: its figures come from the scenario)';
    return `embodied carbon is the time share of ${count(h.count)} × ${escapeMarkdown(h.model)}${custom} over ${qtyParam(h.lifespan_years, 'years')}${use}.${host}`;
}
/** The cost rule, when there is a price: what each price is applied to. */
function costRule(s) {
    const gpu = s.gpu_hour_usd;
    const power = s.electricity_usd_per_kwh;
    if (gpu === null && power === null)
        return null;
    if (gpu === null)
        return `Cost: facility energy × ${qtyParam(power, 'USD/kWh')}.`;
    const rental = `Cost: ${qtyParam(gpu, 'USD')} per accelerator-hour × accelerators × hours`;
    if (power === null)
        return `${rental}.`;
    return s.gpu_hour_includes_electricity
        ? `${rental}; the rental price includes electricity (gpu_hour_includes_electricity: true), so ${qtyParam(power, 'USD/kWh')} is applied only to stages without hours.`
        : `${rental} + facility energy × ${qtyParam(power, 'USD/kWh')} (gpu_hour_includes_electricity: false).`;
}
const ORIGIN_WORDS = {
    logs: 'logs',
    energy_kwh: 'energy_kwh',
    estimate: 'hours × power',
    prometheus: 'Prometheus',
};
const SCOPE_WORDS = { device: 'device only', host: 'whole server' };
/** The per-stage table's "energy from" cell: origin and scope, estimates and incomplete stages labelled. */
function energyFrom(s) {
    const base = escapeMarkdown(`${ORIGIN_WORDS[s.energy_origin]}, ${SCOPE_WORDS[s.energy_scope]}`);
    if (s.completeness?.status === 'incomplete')
        return `⛔ incomplete: ${base}`;
    if (s.completeness?.status === 'estimate')
        return `${base}, estimate`;
    return base;
}
// --- Per functional unit ----------------------------------------------------------------------
function perFuSection(card) {
    const fu = card.per_functional_unit;
    const share = (x) => (fu.co2e_g > 0 ? pct$1(x / fu.co2e_g) : '—');
    const sc = scaleFor([fu.co2e_g, fu.marginal_co2e_g, fu.embodied_co2e_g, fu.amortized_co2e_g], 'g CO2e');
    const table = markdownTable([
        ['term', `${sc.unit} per FU`, 'share', 'what it is'],
        ['marginal', sc.format(fu.marginal_co2e_g), share(fu.marginal_co2e_g), 'operational carbon of one unit (per-inference stages)'],
        ['embodied', sc.format(fu.embodied_co2e_g), share(fu.embodied_co2e_g), 'hardware manufacturing, share of the time one unit used'],
        ['amortized', sc.format(fu.amortized_co2e_g), share(fu.amortized_co2e_g), 'up-front stages ÷ lifetime functional units'],
        ['**total**', `**${sc.format(fu.co2e_g)}**`, pct$1(fu.co2e_g > 0 ? 1 : null), 'C_FU, paper §3.3'],
    ], { align: ['l', 'r', 'r', 'l'] });
    const lt = card.lifetime;
    const be = card.interpretation.breakeven_inferences;
    const lines = [
        `Per functional unit also: ${qty(fu.energy_wh, 'Wh')} facility energy, ${qty(fu.water_ml, 'mL')} water` +
            (fu.cost_usd !== null ? `, ${qty(fu.cost_usd, 'USD')}` : '') +
            '.',
        `Lifetime: ${count(lt.inferences)} inferences = ${count(lt.functional_units)} functional units; up-front ${qty(lt.upfront_co2e_kg, 'kg CO2e')}, inference ${qty(lt.inference_co2e_kg, 'kg CO2e')}.`,
        be === null
            ? 'Breakeven: no per-inference stage was measured, so inference carbon never catches up with the up-front carbon in this assessment.'
            : `Breakeven: after ${count(be)} inferences the cumulative inference carbon equals the up-front carbon.`,
    ];
    return `${table}\n\n${lines.join('\\\n')}\n`;
}
// --- Comparison -------------------------------------------------------------------------------
/** The comparison with base on its own (`ml-lca compare --markdown`, and the report's section). */
function renderComparison(c) {
    const head = `Base: ${baselineLabel(c)}${c.baseline.created_at ? `, created ${escapeMarkdown(c.baseline.created_at)}` : ''}.`;
    const consistency = c.consistency.length
        ? `\n\n${c.consistency.map((x) => `- ${escapeMarkdown(x)}`).join('\n')}`
        : '\n\nSame functional unit and system boundary as the base. Lower is better for every metric.';
    if (c.metrics.length === 0)
        return `${head}${consistency}\n`;
    const table = markdownTable([
        ['metric (unit)', 'base', 'head', 'Δ', 'Δ %', 'change'],
        ...c.metrics.map((m) => {
            const p = pair(m.base, m.head, unitOf(m.metric));
            return [
                `${escapeMarkdown(clipText(labelOf(m.metric), NAME_MAX + 8))}${p.unit ? ` (${p.unit})` : ''}`,
                p.base,
                p.head,
                p.delta,
                deltaPct(m.delta_pct),
                changeWord(m),
            ];
        }),
    ], { align: ['l', 'r', 'r', 'r', 'r', 'l'] });
    return `${head}${consistency}\n\n${table}\n`;
}
// --- Assumptions and logs ---------------------------------------------------------------------
function assumptionsSection(card) {
    const a = card.scenario.assumptions;
    if (a.length === 0)
        return 'No assumptions recorded.\n';
    const value = (x) => `${typeof x.value === 'number' ? param(x.value) : escapeMarkdown(clipText(x.value, NAME_MAX))}${x.unit ? `${NBSP}${escapeMarkdown(x.unit)}` : ''}`;
    const table = markdownTable([
        ['parameter', 'value', 'range', 'origin'],
        ...a.map((x) => [escapeCode(x.path), value(x), x.low !== undefined || x.high !== undefined ? `${param(x.low)}–${param(x.high)}` : '', x.origin]),
    ], { align: ['l', 'r', 'r', 'l'] });
    // Values the scenario file states need no citation: one line names them.
    const stated = (x) => x.source === 'scenario file' && !x.note && !x.references?.length;
    const sources = a
        .filter((x) => !stated(x))
        .map((x) => `- ${escapeCode(x.path)}: ${escapeMarkdown(withoutUrls(x.source))}${x.year !== null ? ` (${x.year})` : ''}${x.note ? `; ${escapeMarkdown(withoutUrls(x.note))}` : ''}${referenceLinks(x.references)}`);
    const fromScenario = a.filter(stated).map((x) => escapeCode(x.path));
    if (fromScenario.length)
        sources.push(`- From the scenario file: ${fromScenario.join(', ')}.`);
    return `${table}\n\nSources:\n\n${sources.join('\n')}\n`;
}
/**
 * The citations of an assumption as links. Title and URL come from the catalog entry of the
 * reference's id (src/data/sources.ts), so a card from elsewhere cannot choose a link target;
 * an id the catalog does not know is shown as plain escaped text.
 */
function referenceLinks(refs) {
    if (!refs || refs.length === 0)
        return '';
    const seen = new Set();
    const parts = [];
    for (const r of refs) {
        if (seen.has(r.id))
            continue;
        seen.add(r.id);
        const known = SOURCES.get(r.id);
        const url = known?.url ?? null;
        const label = escapeMarkdown(known ? `${known.title} (${known.publisher}${known.licence ? `, ${known.licence}` : ''})` : withoutUrls(r.title));
        parts.push(url && /^https:\/\/[^\s()<>"'`]+$/.test(url) ? `[${label}](${url})` : label);
    }
    return ` — ${parts.join('; ')}`;
}
function sourcesSection(card) {
    const stageOf = (path) => Object.entries(card.stages)
        .filter(([, s]) => s.sources.includes(path))
        .map(([n]) => escapeMarkdown(clipText(n, NAME_MAX)))
        .join(', ');
    const energy = scaleFor(card.sources.map((s) => s.energy_kwh), 'kWh');
    const shownSources = card.sources.slice(0, LOGS_MAX);
    const rows = shownSources.map((s) => [
        escapeCode(clipText(s.path, PATH_MAX, 'end')),
        `${escapeMarkdown(s.format)}${s.scope ? `, ${SCOPE_WORDS[s.scope]}` : ''}`,
        stageOf(s.path),
        energy.format(s.energy_kwh),
        param(s.logged_pue),
        `${count(s.rows)} (${count(s.rows_rejected)})`,
    ]);
    const table = markdownTable([
        ['log', 'format, scope', 'stage', `IT energy as logged,<br>before overhead (${energy.unit})`, 'logged PUE<br>(divided out)', 'rows<br>(rejected)'],
        ...rows,
    ], { align: ['l', 'l', 'l', 'r', 'r', 'r'] });
    const more = card.sources.length > shownSources.length
        ? `\nAnd ${count(card.sources.length - shownSources.length)} more logs: the model card JSON lists every one.\n`
        : '';
    const warned = shownSources.filter((s) => s.warnings.length > 0);
    const warnings = warned.map((s) => `- ${escapeCode(clipText(s.path, PATH_MAX, 'end'))}: ${clip(s.warnings.map(escapeMarkdown).join('; '), 400)}`);
    return `${table}\n${more}${warnings.length ? `\nWarnings of the logs:\n\n${warnings.join('\n')}\n` : ''}`;
}
function warningsSection(warnings) {
    return `${warnings.map((w) => `- ${escapeMarkdown(w)}`).join('\n')}\n`;
}
/** Shorten an already-escaped text without splitting an escape (`\|`, `&amp;`). */
function clip(text, max) {
    if (text.length <= max)
        return text;
    let cut = text.slice(0, max);
    cut = cut.replace(/\\$/, '').replace(/&[a-z]*$/, '');
    return `${cut}…`;
}

// The one pipeline behind `ml-lca report`, `ml-lca demo` and the action:
// scenario -> ingest each stage's logs -> resolve -> inventories -> assess -> interpret
// -> compare with baseline -> budgets -> card (validated) -> markdown.
// Pure apart from the Io it is given; warnings are returned, never printed.
async function buildReport(opts, io) {
    const scenarioPath = path.resolve(opts.cwd ?? '.', opts.scenarioPath);
    const scenario = await loadScenario(scenarioPath, io);
    const where = (f) => inScenarioFile(scenarioPath, io, f);
    await where(() => checkScenarioMagnitudes(scenario));
    // The grid's data year is the year of the run: the logs' dates when they have any (known only
    // after ingest, so the scenario is resolved again then), else the card date.
    const cardYear = io.now().getUTCFullYear();
    const first = await inScenarioFile(scenarioPath, io, () => resolveScenario(scenario, { runYear: cardYear, runYearFrom: 'card date' }));
    const warnings = [];
    const extra = await inScenarioFile(scenarioPath, io, () => assignExtraLogs(scenario, opts.extraLogs ?? []));
    await where(() => checkEnergySources(scenario, extra));
    const sourcesByStage = await ingestStages(scenario, scenarioPath, opts, extra, first.hardware.model, io);
    const sources = uniqueSources(sourcesByStage);
    checkSourcesFinite(sources);
    const logYear = runYearOfLogs(sources);
    const resolved = logYear !== null && logYear !== cardYear
        ? await inScenarioFile(scenarioPath, io, () => resolveScenario(scenario, { runYear: logYear, runYearFrom: 'logs' }))
        : first;
    // The same run in two files (or stages) counts once; the card keeps the files as read.
    const counted = countOnce(sourcesByStage);
    warnings.push(...counted.warnings);
    // Multi-node stages (issue 7): per-host breakdown and clock-skew checks; totals unchanged.
    const cluster = clusterBreakdown(sourcesByStage);
    warnings.push(...cluster.warnings);
    const inventories = buildInventories(resolved, counted.byStage);
    const result = assess(resolved, inventories);
    await where(() => checkResultsFinite(scenario, result, counted.byStage));
    warnings.push(...result.warnings);
    const interpretation = interpret(resolved, inventories, result, counted.byStage);
    const market_based = marketBased(resolved, inventories);
    const incomplete = Object.values(result.stages).some((st) => st.completeness?.status === 'incomplete');
    const mode = opts.budgetMode ?? 'fail';
    const parts = {
        version: opts.version,
        createdAt: io.now(),
        // The engine refines the boundary with what the logs held (e.g. host energy from CodeCarbon).
        // Credentials in a prometheus.url were used to query; the card (an uploaded artifact) never holds them.
        scenario: { ...resolved, stages: withoutUrlCredentials(resolved.stages), boundary: result.boundary },
        stages: result.stages,
        totals: result.totals,
        per_functional_unit: result.per_functional_unit,
        lifetime: result.lifetime,
        interpretation,
        sources,
        warnings,
        market_based,
    };
    // The comparison and the regression budgets need the head card's numbers, so the card is
    // assembled once without them, then again with them.
    const head = assembleCard({ ...parts, budgets: [], verdict: verdictOf([], incomplete), comparison: null });
    const base = opts.baseline;
    const comparison = base ? compareWithBaseline(base.card, head, base.meta) : null;
    let budgets = [];
    let ledgerExtension = null;
    const clusterExtension = cluster.cluster ? { cluster: cluster.cluster } : null;
    if (mode === 'off') {
        if (resolved.budgets.length)
            warnings.push(`budget-mode off: ${resolved.budgets.length} budget(s) not evaluated`);
    }
    else {
        budgets = await inScenarioFile(scenarioPath, io, () => evaluateBudgets(resolved.budgets, head, comparison));
        // Period budgets (issue 6): spent this period (the ledger) + this change; position -> extensions.ledger.
        const ledger = opts.ledger !== undefined ? opts.ledger : await loadScenarioLedger(scenario, scenarioPath, io, opts.cwd);
        const period = applyLedger(resolved.budgets, resolved, head, ledger, io.now());
        budgets.push(...period.results);
        warnings.push(...period.warnings);
        if (period.extension)
            ledgerExtension = { ledger: period.extension };
    }
    const extensions = { ...clusterExtension, ...ledgerExtension };
    const card = assembleCard({
        ...parts,
        budgets,
        verdict: verdictOf(budgets, incomplete),
        comparison,
        ...(Object.keys(extensions).length ? { extensions } : {}),
    });
    return { card, markdown: renderReport(card), warnings };
}
/** Stages as the card shows them: a prometheus.url without its `user:password@`. */
function withoutUrlCredentials(stages) {
    const out = Object.create(null);
    for (const [name, st] of Object.entries(stages)) {
        out[name] = st.prometheus ? { ...st, prometheus: { ...st.prometheus, url: redactUrlCredentials(st.prometheus.url) } } : st;
    }
    return { ...out };
}
/** The year of the latest timestamp in the logs (their `end`, else `start`), or null when none has one. */
function runYearOfLogs(sources) {
    let latest = null;
    for (const s of sources) {
        const t = Date.parse(s.end ?? s.start ?? '');
        if (Number.isFinite(t))
            latest = Math.max(latest ?? t, t);
    }
    return latest === null ? null : new Date(latest).getUTCFullYear();
}
/**
 * GHG Protocol Scope 2 dual reporting: the same inventory assessed at the market-based factor
 * (grid.basis: market). The location-based result stays the card's primary totals.
 */
function marketBased(resolved, inventories) {
    const factor = resolved.grid.market_intensity_g_per_kwh;
    if (factor === null || factor === undefined)
        return null;
    const m = assess({ ...resolved, grid: { ...resolved.grid, intensity_g_per_kwh: factor } }, inventories);
    const source = resolved.assumptions.find((a) => a.path === 'grid.market_intensity_g_per_kwh')?.source ?? 'scenario file';
    return {
        intensity_g_per_kwh: factor,
        source,
        operational_co2e_kg: m.totals.operational_co2e_kg,
        co2e_kg: m.totals.co2e_kg,
        per_functional_unit_co2e_g: m.per_functional_unit.co2e_g,
    };
}
/**
 * Errors about scenario values (`grid.region`, `budgets[2].metric`, `stages.x.logs`) name the
 * scenario file, and the line of the field where it can be found.
 */
async function inScenarioFile(file, io, f) {
    try {
        return await f();
    }
    catch (e) {
        if (!InputError.is(e) || (e.file !== undefined && e.file !== file) || (e.file === file && e.line !== undefined))
            throw e;
        const line = e.line ?? (e.field ? await fieldLine(file, e.field, io) : undefined);
        throw new InputError({ code: e.code, file, line, field: e.field, expected: e.expected, got: e.got, hint: e.hint });
    }
}
async function fieldLine(file, field, io) {
    try {
        return locateField(await io.readText(file), file, field);
    }
    catch {
        return undefined;
    }
}
/**
 * A per-inference stage (inferences > 0) with nothing to measure or estimate its energy from
 * would give 0 g per inference: an impossible scenario, exit 2. (A stage without inferences and
 * without a source is assessed as incomplete instead: the card says which stage is missing.)
 */
function checkEnergySources(scenario, extra) {
    for (const [name, st] of Object.entries(scenario.stages)) {
        if (!isPerInferenceStage(st))
            continue;
        const hasSource = (st.logs?.length ?? 0) > 0 || (extra[name]?.length ?? 0) > 0 || st.prometheus !== undefined || st.energy_kwh !== undefined || st.hours !== undefined;
        if (!hasSource) {
            throw new InputError({
                code: 'SCENARIO_INVALID',
                field: `stages.${name}`,
                expected: `a source of energy for a stage that serves inferences: logs, prometheus, energy_kwh or hours (or --log ${name}=GLOB)`,
                got: `inferences ${st.inferences} and no energy source`,
            });
        }
    }
}
/** Base vs head, metric by metric, each delta marked as within measurement noise or not. */
function compareWithBaseline(base, head, meta) {
    return annotateNoise(compareCards(base, head, meta), base, head);
}
/**
 * Whether the shell should exit 1 / fail the step: under budget-mode fail, a failed budget or an
 * incomplete assessment (a gate that cannot measure never passes).
 */
function budgetFailed(card, mode) {
    return mode === 'fail' && (card.verdict === 'fail' || card.verdict === 'incomplete');
}
async function ingestStages(scenario, scenarioPath, opts, extra, hardwareModel, io) {
    const scenarioDir = path.dirname(scenarioPath);
    const cwd = path.resolve(opts.cwd ?? '.');
    const out = Object.create(null);
    for (const [name, stage] of Object.entries(scenario.stages)) {
        const ingestOpts = { hardwareModel, ...(stage.interval_s !== undefined ? { interval_s: stage.interval_s } : {}) };
        const sources = [];
        // ingestPatterns reports paths relative to the directory it was given; the card's are
        // relative to the working directory (the repository root in the action).
        const ingest = async (patterns, dir, rename) => {
            if (patterns.length === 0)
                return;
            const found = await ingestPatterns(patterns, dir, ingestOpts, io).catch(async (e) => {
                throw await rename(e);
            });
            sources.push(...found.map((s) => ({ ...s, path: displayPath(path.resolve(dir, s.path), cwd) })));
        };
        for (const [i, original] of (stage.logs ?? []).entries()) {
            const { dir, pattern } = placeScenarioLog(original, scenarioDir, cwd);
            await ingest([pattern], dir, (e) => scenarioLogError(e, { scenarioPath, field: `stages.${name}.logs[${i}]`, pattern: original, dir: scenarioDir, io }));
        }
        await ingest(extra[name] ?? [], cwd, async (e) => extraLogError(e, name, cwd));
        if (stage.prometheus) {
            sources.push(await prometheusStageSource(name, stage.prometheus, { now: io.now(), ...opts.prometheus, scenarioFile: scenarioPath }));
        }
        if (sources.length)
            out[name] = dedupeByPath(sources);
    }
    return out;
}
/**
 * Scenario log globs are relative to the scenario file and may not leave the directory that
 * bounds them (ingest refuses an escape). That bound is the working directory (the repository
 * in the action) when the glob lands inside it, so `lca/lca.yml` may name `../runs/*.csv`;
 * otherwise the scenario's own directory. A glob inside the working directory is rewritten
 * relative to it.
 */
function placeScenarioLog(pattern, scenarioDir, cwd) {
    const rel = path.relative(cwd, path.resolve(scenarioDir, pattern.replace(/\\/g, '/')));
    if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel))
        return { dir: cwd, pattern: rel.split(path.sep).join('/') };
    return { dir: scenarioDir, pattern };
}
const NO_LOG = new Set(['LOG_NO_MATCH', 'PATH_ESCAPE']);
/** A scenario glob that matches nothing (or leaves its directory): name the scenario file, line, stage and pattern. */
async function scenarioLogError(e, where) {
    if (!InputError.is(e) || !NO_LOG.has(e.code))
        return e;
    return new InputError({
        code: e.code,
        file: where.scenarioPath,
        line: await fieldLine(where.scenarioPath, where.field, where.io),
        field: where.field,
        expected: e.code === 'PATH_ESCAPE' ? `a log path inside ${where.dir}` : `a log file matching ${JSON.stringify(where.pattern)} (relative to ${where.dir})`,
        got: e.code === 'PATH_ESCAPE' ? `${JSON.stringify(where.pattern)}, which leaves it` : 'no matching file',
        // "a symlink to a file outside": the pattern stays inside, a file it matched does not.
        hint: e.code === 'PATH_ESCAPE' ? e.hint : undefined,
    });
}
/** A `--log` / action `logs` glob that matches nothing: name the stage and the pattern. */
async function extraLogError(e, stage, cwd) {
    if (!InputError.is(e) || !NO_LOG.has(e.code))
        return e;
    return new InputError({
        code: e.code,
        field: '--log',
        expected: e.code === 'PATH_ESCAPE' ? `a log path inside ${cwd} for stage ${stage}` : `a log file matching ${e.got} (relative to ${cwd}) for stage ${stage}`,
        got: e.code === 'PATH_ESCAPE' ? `${e.got}, which leaves it` : 'no matching file',
        hint: e.code === 'PATH_ESCAPE' ? e.hint : undefined,
    });
}
/**
 * Which stage a command-line log belongs to. `STAGE=GLOB` names it (STAGE must be a stage of
 * the scenario); a bare `GLOB` goes to the single stage whose scenario entry has `logs`, or to
 * the only stage when there is one. Anything else is ambiguous and an error, because a log
 * counted in the wrong stage silently moves carbon between the up-front and per-inference terms.
 */
function assignExtraLogs(scenario, extra) {
    const stages = Object.keys(scenario.stages);
    // Keyed by stage names the user chose: no prototype, so a stage named `constructor` or
    // `toString` finds nothing but its own logs.
    const out = Object.create(null);
    for (const raw of extra) {
        const m = /^([A-Za-z0-9_-]{1,40})=(.+)$/.exec(raw);
        let stage;
        let pattern;
        if (m && m[1] !== undefined && m[2] !== undefined) {
            if (!stages.includes(m[1])) {
                throw new InputError({
                    code: 'BAD_FLAG',
                    field: '--log',
                    expected: `STAGE=GLOB with STAGE one of ${stages.join(', ')}`,
                    got: JSON.stringify(raw),
                });
            }
            stage = m[1];
            pattern = m[2];
        }
        else {
            const withLogs = stages.filter((s) => Object.hasOwn(scenario.stages, s) && scenario.stages[s]?.logs?.length);
            const candidates = withLogs.length ? withLogs : stages;
            if (candidates.length !== 1 || candidates[0] === undefined) {
                throw new InputError({
                    code: 'BAD_FLAG',
                    field: '--log',
                    expected: `STAGE=GLOB (the scenario has ${candidates.length} stages that could take it: ${candidates.join(', ')})`,
                    got: JSON.stringify(raw),
                });
            }
            stage = candidates[0];
            pattern = raw;
        }
        (out[stage] ??= []).push(pattern);
    }
    return out;
}
/**
 * A file as shown in the card and on the terminal: relative to the working directory (with `/`)
 * when inside it, so cards from different machines compare and do not leak home directories;
 * absolute otherwise.
 */
function displayPath(file, cwd) {
    const abs = path.resolve(cwd, file);
    const rel = path.relative(cwd, abs);
    return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel.split(path.sep).join('/');
}
/** A file matched twice for one stage (scenario glob and --log) counts once. */
function dedupeByPath(sources) {
    const seen = new Set();
    return sources.filter((s) => {
        if (seen.has(s.path))
            return false;
        seen.add(s.path);
        return true;
    });
}
/** Every source once for the card (a file named by two stages is counted once: lca/dedupe.ts). */
function uniqueSources(byStage) {
    const seen = new Set();
    const all = [];
    for (const list of Object.values(byStage)) {
        for (const s of list) {
            if (seen.has(s.path))
                continue;
            seen.add(s.path);
            all.push(s);
        }
    }
    return all;
}

export { loadScenario as a, resolveScenario as b, buildReport as c, attentionOf as d, compareWithBaseline as e, renderComparison as f, renderComparisonText as g, displayPath as h, incompleteLines as i, parseCard as j, budgetFailed as k, loadScenarioLedger as l, periodMetrics as p, renderReport as r };
