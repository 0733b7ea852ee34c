import { I as InputError, j as jsonSyntaxProblem, b as fromZodError, s as shortValue } from './errors.js';
import { R as Reference, m as markdownTable } from './index.js';
import path from 'node:path';
import { e as strictObject, s as string, a as array, r as record, b as boolean, n as number, _ as _enum, c as union, l as literal, o as object, u as unknown } from './schemas.js';
import { createHash } from 'node:crypto';

// Everything a user or a log wrote (scenario name, stage names, file paths, warnings) passes
// through here before it reaches report.md or a PR comment, so it cannot inject markdown,
// HTML, table breaks or @-mentions (a scenario name like "@org/team" must not ping anyone).
/**
 * ASCII punctuation that GFM treats as markup somewhere (emphasis, links, code, tables, refs,
 * math). Not `:` in general (emoji shortcodes are harmless, and timestamps stay readable).
 */
const MARKUP = /[\\`*_[\]{}()#+!|~^$]/g;
/**
 * GFM's extended autolinks turn bare `scheme://…` and `www.…` in plain text into clickable links,
 * so a fork's card could still put a link into the privileged comment. `\:` is a GFM escape (it
 * renders as `:`) that stops the `://` from being recognised; a zero-width joiner does the same for
 * `www.`. (`user@host` mail autolinks are already broken by the joiner after `@`.)
 */
function noAutolinks(text) {
    return text.replace(/:\/\//g, '\\://').replace(/\b(www)\./gi, '$1\u200d.');
}
/**
 * Text for a markdown paragraph or table cell: one line, markup characters backslash-escaped
 * (GFM allows a backslash before any ASCII punctuation), HTML as entities, `@` followed by a
 * zero-width joiner so GitHub does not mention anyone, and no bare URL left to autolink.
 */
function escapeMarkdown(text) {
    return noAutolinks(oneLineEntities(text)
        .replace(MARKUP, (c) => `\\${c}`)
        .replace(/@/g, '@\u200d'));
}
/** One line (line breaks and tabs become a space), `& < >` as entities: the start of both escapes. */
function oneLineEntities(text) {
    return text
        .replace(/[\r\n\t\v\f\u2028\u2029]+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
}
/**
 * Inline code for paths: backticks inside the text cannot end the span early. Inside a code span
 * markup is literal, but the raw text still holds what was written: a zero-width space after a
 * `<!` keeps a card's text from carrying a second sticky-comment marker (`<!-- ml-lca:other -->`),
 * which is found by searching the raw comment body.
 */
function escapeCode(text) {
    const oneLine = text
        .replace(/[\r\n\t\v\f\u2028\u2029]+/g, ' ')
        .replace(/\|/g, '\\|')
        .replace(/<!/g, '<\u200b!');
    const longest = Math.max(0, ...[...oneLine.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    const pad = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${oneLine}${pad}${fence}`;
}
/**
 * Text for HTML (a `<summary>` line, where GitHub renders no markdown): one line, `& < > " '`
 * as entities, and `@` followed by a zero-width joiner so GitHub does not mention anyone.
 */
function escapeHtml(text) {
    return oneLineEntities(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/@/g, '@\u200d');
}
/** URLs are shown only as links rebuilt from ml-lca's own source catalog, never from card text. */
function withoutUrls(text) {
    return text
        .replace(/\b(?:https?|ftp):\/\/\S+/gi, '')
        .replace(/ {2,}/g, ' ')
        .replace(/;\s*;/g, ';')
        .replace(/[;,]\s*$/, '')
        .trim();
}
/**
 * Shorten text for a table cell to `max` characters, keeping the end when `keep` is `end` (a
 * file path: its name matters most). Cut before escaping, so no escape is split.
 */
function clipText(text, max, keep = 'start') {
    const chars = [...text];
    if (chars.length <= max)
        return text;
    return keep === 'end' ? `…${chars.slice(chars.length - max + 1).join('')}` : `${chars.slice(0, max - 1).join('')}…`;
}

// The scenario file (YAML or JSON): the goal and scope of the assessment (ISO 14044 phase 1).
// This zod schema is the single source of the TypeScript type and of the published
// JSON Schema (`npm run schema` -> schema/scenario.schema.json). Strict: unknown keys
// are an error with a did-you-mean suggestion (see scenario/load.ts).
const nonneg = (unit, what) => number()
    .nonnegative()
    .meta({ description: `${what} (${unit})` });
const positive = (unit, what) => number()
    .positive()
    .meta({ description: `${what} (${unit})` });
const FunctionalUnit = strictObject({
    description: string().min(1).meta({ description: 'The service one unit delivers, e.g. "1,000 chat requests served"' }),
    inferences: positive('inferences', 'Inferences that make one functional unit'),
})
    .meta({ description: 'ISO 14044 functional unit: what the results are normalised to' });
const Deployment = strictObject({
    lifetime_inferences: positive('inferences', "Expected inferences over the model's whole deployed life"),
});
const Grid = strictObject({
    region: string()
        .min(1)
        .optional()
        .meta({ description: 'ISO 3166 country (US, FR), subdivision (CA-QC), or cloud region (aws:us-east-1, gcp:europe-west4, azure:westeurope)' }),
    intensity_g_per_kwh: nonneg('g CO2e/kWh', 'Grid carbon intensity; overrides region').optional(),
    intensity_low_g_per_kwh: nonneg('g CO2e/kWh', 'Low end of the grid intensity range (uncertainty)').optional(),
    intensity_high_g_per_kwh: nonneg('g CO2e/kWh', 'High end of the grid intensity range (uncertainty)').optional(),
    water_intensity_l_per_kwh: nonneg('L/kWh', 'Off-site water of electricity generation (optional)').optional(),
    year: number().int().min(1990).max(2100).optional().meta({
        description: "Data year of the region's grid intensity; default: the year of the run (logs' dates, else the card date), or the latest year available",
    }),
    basis: _enum(['location', 'market']).optional().meta({
        description: "location (default): the grid average of the region. market: also report a market-based result (GHG Protocol Scope 2) from market_intensity_g_per_kwh, cfe_pct, or the provider's published CFE % (Google Cloud regions); location-based stays the primary result",
    }),
    market_intensity_g_per_kwh: nonneg('g CO2e/kWh', 'Market-based emission factor (supplier-specific or contractual), for basis: market').optional(),
    cfe_pct: number().min(0).max(100).optional().meta({
        description: "Carbon-free energy share covering the load (%), e.g. the provider's hourly CFE %; market factor = location intensity × (1 − cfe_pct/100)",
    }),
});
const Hardware = strictObject({
    model: string().min(1).meta({ description: 'Accelerator model, e.g. H100-SXM, A100-80GB, L4 (see src/data/hardware.ts)' }),
    count: number().int().positive().default(1).meta({ description: 'Accelerators in use' }),
    power_w: positive('W', 'Power per accelerator at typical load; overrides the bundled value').optional(),
    embodied_kg: nonneg('kg CO2e', 'Manufacturing footprint per accelerator; overrides the bundled central value').optional(),
    lifespan_years: positive('years', 'Service life of the hardware').optional(),
    host_embodied_kg: nonneg('kg CO2e per server', 'Manufacturing footprint of one server (host CPUs, memory, storage, chassis) without its accelerators; shared by devices_per_host accelerators. Absent: server embodied carbon is outside the boundary').optional(),
    devices_per_host: number()
        .int()
        .positive()
        .optional()
        .meta({ description: 'Accelerators per server, to share host_embodied_kg (default 8, an HGX/DGX server)' }),
    utilization: number().positive().max(1).optional().meta({
        description: 'Share of its lifespan the hardware is in use (0-1, default 1): embodied carbon per hour used = embodied ÷ (lifespan_years × 8,760 h × utilization)',
    }),
});
const HfTrainingType = _enum(['pre-training', 'fine-tuning']);
const HfOptions = strictObject({
    training_type: HfTrainingType.optional().meta({
        description: 'co2_eq_emissions.training_type of the Hugging Face block; left out of the block when not given',
    }),
    stages: array(string().min(1)).min(1).optional().meta({
        description: 'Stages whose operational CO2e the Hugging Face block reports (default: every up-front stage, i.e. every stage without inferences)',
    }),
})
    .meta({ description: 'The Hugging Face model card co2_eq_emissions block (card hf_co2_eq_emissions, ml-lca hf-card)' });
// An instant as text (ISO 8601 or epoch digits), or a number: an unquoted epoch in YAML
// (`start: 1773014400`) arrives as one.
const Instant = union([string().min(1), number().nonnegative()]);
const PrometheusSource = strictObject({
    url: string().url().meta({ description: 'Prometheus base URL, e.g. http://prometheus:9090' }),
    selector: string().default('{}').meta({ description: 'PromQL label selector, e.g. {job="train-123"}' }),
    job_window: union([literal('from_env'), strictObject({ start: Instant, end: Instant })]).meta({
        description: 'Time window of the job: start/end as ISO 8601 or epoch seconds (or milliseconds, 13+ digits), or from_env (ML_LCA_JOB_START / ML_LCA_JOB_END)',
    }),
    step_s: positive('s', 'Range-query step').optional(),
})
    .meta({ description: 'Query DCGM energy from a Prometheus server instead of log files' });
const Stage = strictObject({
    logs: array(string().min(1)).optional().meta({ description: 'Globs of energy logs, relative to the scenario file; format detected per file' }),
    prometheus: PrometheusSource.optional(),
    energy_kwh: nonneg('kWh', 'IT energy of the whole server(s) for this stage, as a meter would give it (no overhead factor applied)').optional(),
    hours: nonneg('h', 'Wall-clock hours the stage held its hardware (time-share embodied attribution); derived from logs when absent').optional(),
    inferences: nonneg('inferences', 'Inferences served while this stage was measured; makes this a per-inference (marginal) stage').optional(),
    interval_s: positive('s', 'Sampling interval for logs without timestamps').optional(),
    count: number().int().positive().optional().meta({ description: 'Accelerators used by this stage; defaults to hardware.count' }),
});
const AbsoluteBudget = strictObject({
    metric: string().min(1).meta({ description: 'Card path, e.g. totals.co2e_kg or per_functional_unit.co2e_g' }),
    max: nonneg('unit of the metric', 'Fail above this value'),
    warn: nonneg('unit of the metric', 'Warn above this value (must be <= max)').optional(),
});
const RegressionBudget = strictObject({
    metric: string().min(1),
    max_increase_pct: nonneg('%', 'Fail when head exceeds base by more than this percentage'),
    warn_increase_pct: nonneg('%', 'Warn above this percentage (must be <= max_increase_pct)').optional(),
});
const PeriodBudget = strictObject({
    scope: _enum(['team', 'model']),
    team: string().min(1).optional(),
    period: _enum(['month', 'quarter', 'year']),
    metric: string().min(1).default('totals.co2e_kg'),
    max: nonneg('unit of the metric', 'Budget for the whole period'),
    warn: nonneg('unit of the metric', 'Warn when the projected spend exceeds this').optional(),
});
const Budget = union([PeriodBudget, RegressionBudget, AbsoluteBudget]);
const Scenario = strictObject({
    $schema: string().optional(),
    name: string().min(1).max(100).meta({ description: 'Scenario name; identifies the PR comment and artifact' }),
    team: string().min(1).optional().meta({ description: 'Team that owns the model (period budgets)' }),
    functional_unit: FunctionalUnit,
    deployment: Deployment,
    grid: Grid.default({}),
    pue: number().min(1).max(3).optional().meta({ description: 'Power usage effectiveness of the facility (>= 1)' }),
    wue_l_per_kwh: nonneg('L/kWh', 'On-site water usage effectiveness').optional(),
    it_overhead_factor: number().min(1).max(5).optional().meta({ description: 'Host CPU/RAM/network on top of device-only power logs (default 1)' }),
    electricity_usd_per_kwh: nonneg('USD/kWh', 'Electricity price').optional(),
    gpu_hour_usd: nonneg('USD/h', 'Price of one accelerator-hour (cloud rental)').optional(),
    gpu_hour_includes_electricity: boolean().optional().meta({
        description: 'Whether gpu_hour_usd already pays for the electricity (a cloud rental does; default true): then electricity_usd_per_kwh is not added where the GPU-hour price applies',
    }),
    hardware: Hardware,
    hf: HfOptions.optional(),
    stages: record(string().regex(/^[A-Za-z0-9_-]{1,40}$/), Stage)
        .meta({ description: 'Life cycle stages: experimentation, training, inference, or any custom name' }),
    budgets: array(Budget).default([]),
    ledger: string().optional().meta({
        description: "Where period budgets find past spending: history (the action's history branch or artifacts; artifact is the old name) | file:PATH",
    }),
})
    .superRefine((s, ctx) => {
    s.budgets.forEach((b, i) => {
        if ('warn' in b && b.warn !== undefined && 'max' in b && b.warn > b.max) {
            ctx.addIssue({ code: 'custom', path: ['budgets', i, 'warn'], message: `a warn level <= max (${b.max})` });
        }
        if ('warn_increase_pct' in b && b.warn_increase_pct !== undefined && b.warn_increase_pct > b.max_increase_pct) {
            ctx.addIssue({ code: 'custom', path: ['budgets', i, 'warn_increase_pct'], message: `a warn level <= max_increase_pct (${b.max_increase_pct})` });
        }
    });
    if (Object.keys(s.stages).length === 0) {
        ctx.addIssue({ code: 'custom', path: ['stages'], message: 'at least one stage' });
    }
    // A model that never serves one functional unit has no per-unit result (the amortised
    // up-front carbon would be divided by less than one unit): an impossible scenario.
    if (s.deployment.lifetime_inferences < s.functional_unit.inferences) {
        ctx.addIssue({
            code: 'custom',
            path: ['deployment', 'lifetime_inferences'],
            message: `a number of at least functional_unit.inferences (${s.functional_unit.inferences.toLocaleString('en-US')}): over its life the model must serve at least one functional unit`,
        });
    }
    s.hf?.stages?.forEach((name, i) => {
        if (!Object.hasOwn(s.stages, name)) {
            ctx.addIssue({ code: 'custom', path: ['hf', 'stages', i], message: `a stage of this scenario (${Object.keys(s.stages).join(', ')})` });
        }
    });
});

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

// The SOURCE object of design.md: what one log file contributes. `energy_kwh` is energy at the
// IT equipment as measured (a logger's own PUE divided out, see `logged_pue`).
const DeviceEnergy = object({
    id: string().meta({ description: 'Device key as logged (index, uuid, host/gpu)' }),
    name: string().nullable().meta({ description: 'Device name as logged, e.g. "NVIDIA H100 80GB HBM3"' }),
    host: string().nullable().optional(),
    uuid: string().optional().meta({ description: 'GPU UUID where the log has it: the physical identity of the device (a run is counted once per device)' }),
    energy_kwh: number().nullable(),
    samples: number().int(),
    /** What the channel measures (logs of `ml-lca measure`): only `gpu` devices are accelerators. */
    kind: _enum(['gpu', 'cpu', 'dram', 'ram'])
        .optional()
        .meta({ description: 'gpu: an accelerator; cpu, dram, ram: host parts measured or estimated by ml-lca measure' }),
});
/** How a log measured its energy: the basis of its measurement uncertainty (lca/interpret/measurement.ts). */
const MeasurementMethod = _enum(['power_samples', 'energy_counter', 'energy_records', 'software_estimate']).meta({
    description: 'power_samples: power read at intervals and integrated (nvidia-smi, DCGM gauge); energy_counter: a cumulative energy counter differenced (NVML/DCGM total energy, Zeus); ' +
        "energy_records: energy per row as a script logged it; software_estimate: a tool's estimate of a whole host's energy (CodeCarbon, eco2ai)",
});
const SourceMeasurement = object({
    method: MeasurementMethod,
    interval_s: number().nullable().meta({ description: 'Median sampling interval of the power samples (s); null for other methods' }),
    sampling_rel_u: number().nullable().meta({
        description: "GUM Type A relative standard uncertainty of the mean power from the samples' scatter, s / (mean × √n), energy-weighted over devices; null for other methods",
    }),
});
const Source = object({
    path: string(),
    format: string().meta({ description: 'Detected format id, e.g. codecarbon, nvidia-smi, dcgm-prom' }),
    energy_kwh: number().nullable().meta({ description: 'IT energy as measured, logger PUE divided out (kWh)' }),
    co2e_kg: number()
        .nullable()
        .meta({ description: 'Emissions the file itself reports, as logged (kg CO2e; CodeCarbon: its own PUE included, not divided out)' }),
    water_l: number().nullable().meta({ description: 'Water the file itself reports (L)' }),
    duration_s: number().nullable(),
    devices: array(DeviceEnergy),
    rows: number().int(),
    rows_rejected: number().int(),
    logged_pue: number().nullable(),
    warnings: array(string()),
    /** Whether the energy covers only accelerators (gets it_overhead_factor) or the whole host. */
    scope: _enum(['device', 'host'])
        .optional()
        .meta({ description: 'device: accelerator-only energy (GPU power logs); host: whole server (CodeCarbon, eco2ai)' }),
    logged_intensity_g_per_kwh: number().nullable().optional().meta({
        description: 'Emission factor the logger itself applied: its emissions ÷ its energy as logged (PUE included where the logger applied one), g CO2e/kWh (CodeCarbon, eco2ai); null when it logs no emissions',
    }),
    logged_location: string().nullable().optional().meta({ description: 'Where the logger placed the run (cloud region, or country and region), as logged' }),
    measurement: SourceMeasurement.nullable().optional().meta({ description: 'How the energy was measured; null when the log holds no energy' }),
    /** First and last timestamp seen, ISO 8601, when the log has them. */
    start: string().nullable().optional(),
    end: string().nullable().optional(),
    /** Rows (or values) rejected, grouped by reason: they change the file's energy. */
    rejected: array(object({
        reason: string(),
        count: number().int(),
        first_line: number().int().nullable().meta({ description: 'First rejected line (1-based); null where the format has no lines' }),
    }))
        .optional()
        .meta({ description: 'Rows or values rejected, by reason (absent when none)' }),
    /** Set when the file's energy could not be (fully) derived: the stage it feeds is incomplete. */
    incomplete: object({
        code: string().meta({ description: 'no_timestamps, no_valid_values, single_sample, no_elapsed_time, no_rows, all_rows_rejected, ...' }),
        reason: string().meta({ description: 'What the file holds instead of usable energy' }),
        fix: string().meta({ description: 'One line: what to change to get a measurement' }),
    })
        .optional()
        .meta({ description: 'Why energy_kwh is null or partial (absent when the file gave its energy)' }),
    /** Runs / measurement windows by identity, so the same run found in two files counts once. */
    runs: array(object({
        id: string().meta({ description: 'Format-qualified identity: codecarbon:PROJECT/RUN_ID, eco2ai:ID, zeus:WINDOW@START' }),
        energy_kwh: number(),
    }))
        .optional()
        .meta({ description: 'Runs the file holds (CodeCarbon/eco2ai run ids, Zeus windows) with the energy counted for each' }),
    /** The part of energy_kwh that is an estimate, not a measurement (ml-lca measure without RAPL), with its range. */
    estimated: object({
        energy_kwh: number().meta({ description: 'Estimated part of energy_kwh (kWh)' }),
        low_kwh: number().meta({ description: 'Low end of the estimate (kWh)' }),
        high_kwh: number().meta({ description: 'High end of the estimate (kWh)' }),
        method: string().meta({ description: 'How it was estimated, with the sources of its figures' }),
    })
        .optional(),
    /** A Hugging Face model card's `co2_eq_emissions` as read (format hf-card only). */
    hf_co2_eq_emissions: object({
        emissions: number().meta({ description: 'grams CO2e (Hugging Face model card convention)' }),
        source: string().nullable(),
        training_type: string().nullable(),
        geographical_location: string().nullable(),
        hardware_used: string().nullable(),
    })
        .optional(),
});
/** A source's `start` or `end` in ms since the epoch; null when missing or unparsable. */
function timeMs(t) {
    const v = Date.parse(String(t)); // null, undefined and '' parse to NaN: no time
    return Number.isFinite(v) ? v : null;
}

// Whether each stage's energy was determined (issue 12: a gate that fails closed). A stage is
//   measured    its energy comes from logs (or Prometheus) that gave it;
//   estimate    deliberately not measured: `energy_kwh` stated in the scenario, or hours × count
//               × power_w; complete, and labelled as an estimate wherever it is shown;
//   incomplete  its energy could not be determined from what was given: a log with no usable
//               samples, nothing integrable, every row rejected, or a stage with no energy source.
// One incomplete stage makes the card's verdict `incomplete`, whatever the budgets say.
const StageCompleteness = object({
    status: _enum(['measured', 'estimate', 'incomplete']),
    reason: string().nullable().meta({ description: 'incomplete: why the energy is unknown; estimate: what it rests on; measured: null' }),
    file: string().nullable().meta({ description: 'The log concerned (incomplete stages), else null' }),
    fix: string().nullable().meta({ description: 'One line: what to change so the stage is measured (incomplete stages), else null' }),
})
    .meta({ description: 'Whether the stage energy was measured, deliberately estimated, or could not be determined' });
const MEASURED = { status: 'measured', reason: null, file: null, fix: null };
/**
 * A source's own fix, phrased for the stage it feeds: `the stage's interval_s` ->
 * `stages.inference.interval_s`, without the `ml-lca ingest` flag meant for the ingest command.
 */
function stageFix(stage, fix) {
    return fix.replace(/the stage's (?=\w)/g, `stages.${stage}.`).replace(/ \(ml-lca ingest: [^)]*\)/g, '');
}
/** The stage is incomplete because of these sources (files whose energy is missing or partial). */
function incompleteFromSources(stage, broken, fallback) {
    const first = broken[0];
    if (!first?.incomplete)
        throw new Error('incompleteFromSources needs an incomplete source');
    const more = broken.length > 1
        ? ` (and ${broken.length - 1} more file(s): ${broken
            .slice(1, 4)
            .map((s) => s.path)
            .join(', ')})`
        : '';
    return {
        status: 'incomplete',
        reason: `${first.incomplete.reason}${more}${fallback ? `; ${fallback}` : ''}`,
        file: first.path,
        fix: stageFix(stage, first.incomplete.fix),
    };
}
/** A stage that names no energy source at all (`training: {}`). */
function noEnergySource(stage) {
    return {
        status: 'incomplete',
        reason: 'the stage names no source of energy (no logs, prometheus, energy_kwh or hours)',
        file: null,
        fix: `add stages.${stage}.logs (a power or CodeCarbon log), stages.${stage}.energy_kwh, or stages.${stage}.hours for an estimate from hours × count × power_w`,
    };
}
/** One line naming the stage, the file, why, and the fix: the head of every output of an incomplete card. */
function incompleteLine(stage, c) {
    const where = c.file ? `stage ${stage}: ${c.file}: ` : `stage ${stage}: `;
    return `${where}${c.reason ?? 'energy unknown'}. Fix: ${c.fix ?? 'give the stage a log with usable energy'}`;
}

// ISO 14044 phase 4 (interpretation) as stored in the card. Owned by src/lca/interpret/.
// design.md names (dominant_stage, breakeven_inferences, sensitivity[], uncertainty{co2e_kg_low,
// co2e_kg_high}, data_quality[]) are normative; everything else here is additive and optional so
// cards written before a field existed still parse.
const DataQualityItem = object({
    severity: _enum(['info', 'warning', 'error']),
    code: string(),
    message: string(),
    stage: string().optional().meta({ description: 'Stage the finding is about, when it is about one' }),
    source: string().optional().meta({ description: 'Path of the log the finding is about, when it is about one' }),
});
const SensitivityItem = object({
    parameter: string(),
    unit: string(),
    low_value: number(),
    central_value: number(),
    high_value: number(),
    per_fu_co2e_g_low: number().meta({ description: 'Per-FU g CO2e with the parameter at low_value (others central)' }),
    per_fu_co2e_g_high: number().meta({ description: 'Per-FU g CO2e with the parameter at high_value (others central)' }),
    co2e_kg_low: number().meta({ description: 'totals.co2e_kg with the parameter at low_value' }),
    co2e_kg_high: number().meta({ description: 'totals.co2e_kg with the parameter at high_value' }),
    source: string().optional(),
    swing_per_fu_co2e_g: number().optional().meta({ description: '|per_fu_co2e_g_high − per_fu_co2e_g_low|: the tornado bar length' }),
    swing_co2e_kg: number().optional().meta({ description: '|co2e_kg_high − co2e_kg_low|' }),
    breakeven_inferences_low: number().nullable().optional(),
    breakeven_inferences_high: number().nullable().optional(),
});
const LifetimePoint = object({
    inferences: number(),
    co2e_g_per_fu: number(),
    label: _enum(['scenario', 'breakeven']).optional().meta({ description: "Marks the scenario's lifetime_inferences and the breakeven point" }),
});
const UncertainParameter = object({
    parameter: string(),
    unit: string(),
    low: number(),
    central: number(),
    high: number(),
    source: string(),
});
const MonteCarlo = object({
    seed: number().int(),
    samples: number().int(),
    distribution: string(),
    co2e_kg_p05: number(),
    co2e_kg_p50: number(),
    co2e_kg_p95: number(),
    per_fu_co2e_g_p05: number(),
    per_fu_co2e_g_p50: number(),
    per_fu_co2e_g_p95: number(),
});
/** Low/high of a card value under measurement uncertainty only (reference factors at central). */
const NoiseRange = object({ low: number(), high: number() });
const Sci = object({
    sci_g_per_fu: number().meta({ description: 'SCI = (E × I + M) / R, g CO2e per functional unit (ISO/IEC 21031:2024)' }),
    e_kwh: number().meta({ description: 'E: facility energy of the per-inference stages for the R functional units (kWh)' }),
    i_g_per_kwh: number().meta({ description: 'I: grid carbon intensity (g CO2e/kWh)' }),
    m_g: number().meta({ description: 'M: embodied carbon time share of the per-inference stages for the R functional units (g CO2e)' }),
    r: number().meta({
        description: 'R: functional units served while measured = requests served ÷ inferences per FU (each request passes through every per-inference stage once)',
    }),
    r_unit: string(),
    stages: array(string()),
    amortized_co2e_g_excluded: number().meta({ description: 'Up-front (experimentation + training) carbon per FU that SCI leaves out' }),
    note: string(),
});
const EnergyDisclosure = object({
    stages: array(object({
        stage: string(),
        it_energy_kwh: number(),
        energy_kwh: number(),
        hours: number().nullable(),
        accelerator_hours: number().nullable(),
        energy_origin: string(),
        energy_scope: string(),
    })),
    total_it_energy_kwh: number(),
    total_energy_kwh: number(),
    hardware: object({ model: string(), count: number(), power_w: number().nullable(), known: boolean() }),
    location: object({ region: string().nullable(), intensity_g_per_kwh: number(), source: string().nullable() }),
    pue: number(),
    it_overhead_factor: number(),
    wue_l_per_kwh: number(),
});
const Interpretation = object({
    dominant_stage: string().nullable(),
    dominant_term: _enum(['marginal', 'embodied', 'amortized']).nullable().optional(),
    shares: record(string(), number()).optional().meta({ description: 'Share of lifecycle co2e per stage (0..1)' }),
    term_shares: object({ marginal: number(), embodied: number(), amortized: number() })
        .optional()
        .meta({ description: 'Share of per_functional_unit.co2e_g per term (0..1)' }),
    flow_shares: object({ operational: number(), embodied: number() })
        .optional()
        .meta({ description: 'Share of totals.co2e_kg that is operational vs embodied (0..1)' }),
    breakeven_inferences: number().nullable(),
    lifetime_curve: array(LifetimePoint).optional(),
    sensitivity: array(SensitivityItem),
    uncertainty: object({
        co2e_kg_low: number(),
        co2e_kg_high: number(),
        per_fu_co2e_g_low: number().optional(),
        per_fu_co2e_g_high: number().optional(),
        method: string().optional(),
        energy_kwh_low: number().optional().meta({ description: 'totals.energy_kwh at the low corner (kWh)' }),
        energy_kwh_high: number().optional().meta({ description: 'totals.energy_kwh at the high corner (kWh)' }),
        water_l_low: number().optional().meta({ description: 'totals.water_l at the low corner (L)' }),
        water_l_high: number().optional().meta({ description: 'totals.water_l at the high corner (L)' }),
        parameters: array(UncertainParameter).optional().meta({ description: 'Ranges that were propagated' }),
        covers: array(string()).optional().meta({ description: 'The inputs whose ranges the low/high include (names as in parameters[])' }),
        not_covered: array(string())
            .optional()
            .meta({ description: 'Inputs the range leaves out, each with why: stated in the scenario without a range, or no range in the data' }),
        monte_carlo: MonteCarlo.optional(),
    }),
    noise: record(string(), NoiseRange)
        .optional()
        .meta({ description: 'Card path -> low/high under measurement uncertainty only (for base-vs-head noise bands)' }),
    data_quality: array(DataQualityItem),
    sci: Sci.nullable().optional().meta({ description: 'ISO/IEC 21031:2024 Software Carbon Intensity per functional unit; null without a per-inference stage' }),
    energy_disclosure: EnergyDisclosure.optional(),
});

// The one number style of every human-facing text: the PR comment, job summary, report.md, CLI
// lines, `compare`, the ledger (through src/report/format.ts) and the dashboard's pages, charts and
// tables (through src/dashboard/format.ts, in Node and in the browser). A value prints the same
// way in all of them. Fixed locale (en-US) so output is byte-identical on every machine.
// - results: 3 significant figures (4 where a delta needs them, see `pair`), thousands
//   separators, never an exponent;
// - quantities: an SI prefix instead of an exponent (0.78 g, 780 mg, 1.2 t, 141 Wh, 55.9 kWh),
//   a non-breaking space between number and unit so the two never wrap apart;
// - inputs a user stated (PUE 1.375, grid 383.5 g CO2e/kWh): up to 4 significant figures, so
//   the value reads as it was written (`param`);
// - percentages: one decimal, signed for a change, `+16.3 %` with a non-breaking space;
// - counts: whole numbers with separators (2,428,779 inferences); `compact` only for chart axes;
// - negative numbers take the ASCII hyphen-minus (`-6.8 %`, `-2.5 kg`), not U+2212: what a
//   reader copies from a comment, a log or a table cell pastes as a number into a spreadsheet,
//   a calculator or `Number()`, and greps the same in a job log;
// - missing (null, NaN) prints `—`; an infinite value (a change from zero) prints `∞` / `-∞`.
// DOM-free and without imports: the dashboard's browser bundle (src/dashboard/client/) takes it
// in as it is, so it stays clear of Node-side code and the card schema (test/number-format.test.ts).
/** Non-breaking space: between a number and its unit or `%`. */
const NBSP = '\u00a0';
const cache = new Map();
function nf(key, opts) {
    let f = cache.get(key);
    if (!f) {
        f = new Intl.NumberFormat('en-US', opts);
        cache.set(key, f);
    }
    return f;
}
const sigFormat = (sig) => nf(`sig${sig}`, { maximumSignificantDigits: sig });
const missing = (x) => x === null || x === undefined || Number.isNaN(x);
function infinite(x) {
    return x > 0 ? '∞' : '-∞';
}
/** A result: `sig` significant figures (3), separators, no exponent. `5682.67` -> `5,680`; null -> `—`. */
function fmt(x, sig = 3) {
    if (missing(x))
        return '—';
    if (!Number.isFinite(x))
        return infinite(x);
    if (x === 0)
        return '0';
    const s = sigFormat(sig).format(x);
    return s === '-0' ? '0' : s;
}
/** A value a user or a dataset stated (a factor, an intensity, a price): up to 4 significant figures. */
function param(x) {
    return fmt(x, 4);
}
/** A count: a whole number with separators. `2428778.6` -> `2,428,779`. */
function count(x) {
    if (missing(x))
        return '—';
    if (!Number.isFinite(x))
        return infinite(x);
    const r = Math.round(x);
    return nf('int', { maximumFractionDigits: 0 }).format(r === 0 ? 0 : r);
}
/** A count for a chart axis: `2.5M`, `50M`, `1B`, `1T` (two significant figures); null -> `—`. */
function compact(x) {
    if (missing(x))
        return '—';
    if (!Number.isFinite(x))
        return infinite(x);
    return nf('compact', { notation: 'compact', compactDisplay: 'short', maximumSignificantDigits: 2 }).format(x);
}
/** Signed result for a change: `+3.2`, `-1.5`, `0`. */
function fmtSigned(x, sig = 3) {
    if (missing(x))
        return '—';
    const s = fmt(x, sig);
    return x > 0 ? `+${s}` : s;
}
/** A percentage value (16.27 means 16.27 %): one decimal; `0.042 %` below 0.05; no decimal from 1,000. */
function percentNumber(p) {
    const a = Math.abs(p);
    if (a === 0)
        return '0.0';
    if (a < 0.05)
        return fmt(p, 2);
    if (a >= 1000)
        return count(p);
    return nf('pct1', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(p);
}
/** A change in percent, signed: `+16.3 %`, `-6.8 %`, `0.0 %`; null -> `—`. */
function deltaPct(p) {
    if (missing(p))
        return '—';
    if (!Number.isFinite(p))
        return `${p > 0 ? '+' : ''}${infinite(p)}${NBSP}%`;
    const s = percentNumber(p);
    return `${p > 0 ? '+' : ''}${s === '-0.0' ? '0.0' : s}${NBSP}%`;
}
/** A share (0..1) in percent: `0.1234` -> `12.3 %`. */
function pct(share) {
    if (missing(share) || !Number.isFinite(share))
        return '—';
    const s = percentNumber(share * 100);
    return `${s === '-0.0' ? '0.0' : s}${NBSP}%`;
}
/** A percentage a user stated (a budget's limit), as stated: `10 %`, `12.5 %`; `signed` adds `+`. */
function percent(p, opts = {}) {
    if (missing(p) || !Number.isFinite(p))
        return '—';
    return `${opts.signed && p > 0 ? '+' : ''}${param(p)}${NBSP}%`;
}
const MASS = [
    { unit: 'µg', factor: 1e-6 },
    { unit: 'mg', factor: 1e-3 },
    { unit: 'g', factor: 1 },
    { unit: 'kg', factor: 1e3 },
    { unit: 't', factor: 1e6 },
    { unit: 'kt', factor: 1e9 },
    { unit: 'Mt', factor: 1e12 },
];
const ENERGY = [
    { unit: 'µWh', factor: 1e-6 },
    { unit: 'mWh', factor: 1e-3 },
    { unit: 'Wh', factor: 1 },
    { unit: 'kWh', factor: 1e3 },
    { unit: 'MWh', factor: 1e6 },
    { unit: 'GWh', factor: 1e9 },
    { unit: 'TWh', factor: 1e12 },
];
const VOLUME = [
    { unit: 'µL', factor: 1e-6 },
    { unit: 'mL', factor: 1e-3 },
    { unit: 'L', factor: 1 },
    { unit: 'm³', factor: 1e3 },
];
const POWER = [
    { unit: 'mW', factor: 1e-3 },
    { unit: 'W', factor: 1 },
    { unit: 'kW', factor: 1e3 },
    { unit: 'MW', factor: 1e6 },
];
/** The family and the factor (in the family's base unit) of a unit written in a card or a metric table. */
function familyOf(unit) {
    const m = /^(µg|mg|g|kg|t|µWh|mWh|Wh|kWh|MWh|GWh|µL|mL|L|m³|mW|W|kW|MW)(?: (CO2e))?$/.exec(unit);
    if (!m)
        return null;
    const u = m[1];
    const suffix = m[2] ? ` ${m[2]}` : '';
    for (const steps of [MASS, ENERGY, VOLUME, POWER]) {
        const s = steps.find((x) => x.unit === u);
        if (s)
            return { family: { steps, suffix }, factor: s.factor };
    }
    return null;
}
/** The step for a magnitude in base units: the largest whose factor is at most |v| (after rounding to `sig`). */
function stepFor(steps, base, sig) {
    const a = Math.abs(base);
    let i = steps.length - 1;
    while (i > 0 && a < steps[i].factor)
        i--;
    // Rounding can carry into the next step (999.7 g at 3 figures is 1,000 g: 1 kg).
    if (i < steps.length - 1 && Math.abs(Number((base / steps[i].factor).toPrecision(sig))) >= 1000)
        i++;
    return steps[i];
}
/**
 * A quantity with its unit, SI-prefixed: `qty(0.00078, 'kg CO2e')` -> `780 mg CO2e`,
 * `qty(1234, 'kg CO2e')` -> `1.23 t CO2e`, `qty(0.1406, 'kWh')` -> `141 Wh`. Units outside the
 * families (USD, h, g CO2e/kWh) keep their unit. Zero keeps the unit it came in.
 */
function qty(value, unit, sig = 3) {
    if (missing(value))
        return '—';
    const f = familyOf(unit);
    if (!f || !Number.isFinite(value) || value === 0)
        return withUnit$1(fmt(value, sig), unit);
    const base = value * f.factor;
    const step = stepFor(f.family.steps, base, sig);
    return withUnit$1(fmt(base / step.factor, sig), `${step.unit}${f.family.suffix}`);
}
/** A quantity stated as an input (a factor, a limit): up to 4 significant figures, SI-prefixed. */
function qtyParam(value, unit) {
    return qty(value, unit, 4);
}
function withUnit$1(number, unit) {
    return unit ? `${number}${NBSP}${unit}` : number;
}
/**
 * One unit for several values shown together (a table column, a sum): the prefix the largest
 * value calls for. `scaleFor([44.8, 0.14], 'kWh')` -> kWh; `scaleFor([0.0562, 0.0042], 'kg CO2e')`
 * -> g CO2e. `format` prints a value in that unit without the unit, `withUnit` with it.
 */
function scaleFor(values, unit, sig = 3) {
    const f = familyOf(unit);
    const finite = values.filter((v) => typeof v === 'number' && Number.isFinite(v) && v !== 0);
    if (!f || finite.length === 0)
        return scale(unit, 1, sig);
    const largest = Math.max(...finite.map((v) => Math.abs(v * f.factor)));
    const step = stepFor(f.family.steps, largest, sig);
    return scale(`${step.unit}${f.family.suffix}`, step.factor / f.factor, sig);
}
function scale(unit, divisor, sig) {
    const format = (v) => (missing(v) ? '—' : fmt(v / divisor, sig));
    return { unit, divisor, format, withUnit: (v) => (missing(v) ? '—' : withUnit$1(format(v), unit)) };
}
/** A range in one unit: `23.1–27.6 kg CO2e`; a point (low = high) is one value. */
function range(low, high, unit, sig = 3) {
    if (missing(low) || missing(high))
        return '—';
    const sc = scaleFor([low, high], unit, sig);
    if (sc.format(low) === sc.format(high))
        return sc.withUnit(low);
    return withUnit$1(`${sc.format(low)}–${sc.format(high)}`, sc.unit);
}
/**
 * Base and head of a change, with enough figures that the change shows: 3, or 4 when 3 would
 * print the two alike (or misstate their difference by more than a tenth). One unit for both,
 * and the signed difference in it.
 */
function pair(base, head, unit) {
    const values = [base, head];
    let sc = scaleFor(values, unit, 3);
    if (!missing(base) && !missing(head) && base !== head) {
        const d = Math.abs(head - base) / sc.divisor;
        const shown = Math.abs(Number(sc.format(head).replace(/,/g, '')) - Number(sc.format(base).replace(/,/g, '')));
        if (sc.format(base) === sc.format(head) || Math.abs(shown - d) > d / 10)
            sc = scaleFor(values, unit, 4);
    }
    const delta = missing(base) || missing(head) ? '—' : fmtSigned((head - base) / sc.divisor);
    return { base: sc.format(base), head: sc.format(head), delta, unit: sc.unit };
}
const SUFFIX_UNITS = { kg: 'kg', g: 'g', kwh: 'kWh', wh: 'Wh', l: 'L', ml: 'mL', usd: 'USD', h: 'h' };
/**
 * The unit a name carries in its suffix (the project's "units in every name"): `co2e_kg` -> `kg`,
 * `totals.energy_kwh` -> `kWh`, `water_ml` -> `mL`, `cost_usd` -> `USD`; '' when it carries none.
 * Masses without `CO2e`: the caller adds what is weighed (compare/metrics.ts unitOf does).
 */
function unitOfName(name) {
    const suffix = /_(kg|g|kwh|wh|l|ml|usd|h)$/.exec(name)?.[1];
    return suffix ? SUFFIX_UNITS[suffix] : '';
}

// The metrics compared between cards and allowed in budgets: one table, with unit and the
// direction that is better (every impact is better lower).
const METRICS = [
    { path: 'totals.co2e_kg', unit: 'kg CO2e', better: 'lower', label: 'total CO2e' },
    { path: 'totals.operational_co2e_kg', unit: 'kg CO2e', better: 'lower', label: 'operational CO2e' },
    { path: 'totals.embodied_co2e_kg', unit: 'kg CO2e', better: 'lower', label: 'embodied CO2e' },
    { path: 'totals.energy_kwh', unit: 'kWh', better: 'lower', label: 'facility energy' },
    { path: 'totals.it_energy_kwh', unit: 'kWh', better: 'lower', label: 'IT energy incl. overhead' },
    { path: 'totals.water_l', unit: 'L', better: 'lower', label: 'water' },
    { path: 'totals.cost_usd', unit: 'USD', better: 'lower', label: 'cost' },
    { path: 'per_functional_unit.co2e_g', unit: 'g CO2e', better: 'lower', label: 'CO2e per FU' },
    { path: 'per_functional_unit.marginal_co2e_g', unit: 'g CO2e', better: 'lower', label: 'marginal CO2e per FU' },
    { path: 'per_functional_unit.embodied_co2e_g', unit: 'g CO2e', better: 'lower', label: 'embodied CO2e per FU' },
    { path: 'per_functional_unit.amortized_co2e_g', unit: 'g CO2e', better: 'lower', label: 'amortized CO2e per FU' },
    { path: 'per_functional_unit.energy_wh', unit: 'Wh', better: 'lower', label: 'facility energy per FU' },
    { path: 'per_functional_unit.water_ml', unit: 'mL', better: 'lower', label: 'water per FU' },
    { path: 'per_functional_unit.cost_usd', unit: 'USD', better: 'lower', label: 'cost per FU' },
    { path: 'lifetime.co2e_kg', unit: 'kg CO2e', better: 'lower', label: 'lifetime CO2e' },
];
/** Per-stage columns compared for each stage present in either card. */
const STAGE_FIELDS = [
    { field: 'co2e_kg', unit: 'kg CO2e', label: 'CO2e' },
    { field: 'energy_kwh', unit: 'kWh', label: 'facility energy' },
    { field: 'water_l', unit: 'L', label: 'water' },
    { field: 'cost_usd', unit: 'USD', label: 'cost' },
];
/** Unit of a card path (stage paths included), or '' when unknown. */
function unitOf(path) {
    const m = METRICS.find((x) => x.path === path);
    if (m)
        return m.unit;
    const stage = /^stages\.[^.]+\.(.+)$/.exec(path);
    const f = stage ? STAGE_FIELDS.find((x) => x.field === stage[1]) : undefined;
    if (f)
        return f.unit;
    const unit = unitOfName(path);
    return unit === 'kg' || unit === 'g' ? `${unit} CO2e` : unit; // a mass in a card is CO2e
}
/**
 * What a metric is, in words for a reader: `CO2e per FU`, `training: facility energy`; the path
 * itself when it is none of the compared metrics. Plain text: a stage name comes from the card,
 * so markdown callers escape the result.
 */
function labelOf(path) {
    const m = METRICS.find((x) => x.path === path);
    if (m)
        return m.label;
    const stage = /^stages\.(.+)\.([^.]+)$/.exec(path);
    const f = stage ? STAGE_FIELDS.find((x) => x.field === stage[2]) : undefined;
    if (stage && f)
        return `${stage[1]}: ${f.label}`;
    return path;
}
/** Value at a dotted path (`stages.training.co2e_kg`); undefined when the path does not exist. */
function valueAtPath(root, path) {
    let cur = root;
    for (const key of path.split('.')) {
        if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || !Object.hasOwn(cur, key))
            return undefined;
        cur = cur[key];
    }
    return cur;
}
/** Every dotted path to a number (or null) under the given roots: the metrics a budget may name. */
function numericPaths(root, roots = ['totals', 'per_functional_unit', 'lifetime', 'stages', 'interpretation']) {
    const out = [];
    const walk = (v, p, depth) => {
        if (typeof v === 'number' || v === null) {
            out.push(p);
            return;
        }
        if (depth > 3 || v === undefined || typeof v !== 'object' || Array.isArray(v))
            return;
        for (const [k, x] of Object.entries(v))
            walk(x, `${p}.${k}`, depth + 1);
    };
    for (const r of roots)
        walk(valueAtPath(root, r), r, 0);
    return out;
}

// Budget verdicts and base-vs-head comparison, as stored in the model card.
const BudgetStatus = _enum(['pass', 'warn', 'fail']);
/** A card's verdict: the budgets' (pass, warn, fail), or incomplete when a stage's energy is unknown. */
const CardVerdict = _enum(['pass', 'warn', 'fail', 'incomplete']);
const VERDICT_SEVERITY = ['pass', 'warn', 'fail', 'incomplete', 'error'];
/** The worst of several verdicts (pass when there are none). */
function worstVerdict(verdicts) {
    let worst = 'pass';
    for (const v of verdicts)
        if (VERDICT_SEVERITY.indexOf(v) > VERDICT_SEVERITY.indexOf(worst))
            worst = v;
    return worst;
}
const BudgetResult = object({
    metric: string(),
    kind: _enum(['absolute', 'regression', 'period']).optional(),
    limit: number().nullable(),
    warn_limit: number().nullable().optional(),
    actual: number().nullable(),
    status: BudgetStatus,
    message: string(),
});
const ComparedMetric = object({
    metric: string(),
    base: number().nullable(),
    head: number().nullable(),
    delta: number().nullable(),
    delta_pct: number().nullable(),
    better: _enum(['lower', 'higher']),
    /** Whether |delta| is within the combined uncertainty/noise band (issue 5). */
    within_noise: boolean().nullable().optional(),
    /** Half-width of that band in the metric's unit (compare/noise.ts). */
    noise_band: number().nullable().optional(),
    /** One sentence: within the noise band, or a real change (compare/noise.ts). */
    noise_note: string().optional(),
});
const Baseline = object({
    source: string().meta({ description: 'history:BRANCH | artifact | file:PATH | cli | dir:PATH' }),
    ref: string().nullable(),
    sha: string().nullable(),
    run_id: number().nullable(),
    created_at: string().nullable(),
});
const Comparison = object({
    baseline: Baseline,
    metrics: array(ComparedMetric),
    /** Human statements when functional unit, boundary or factors differ (ISO 14044 consistency). */
    consistency: array(string()).default([]),
    comparable: boolean().default(true),
});

// The scenario after defaults are resolved from src/data/: every number the LCA uses,
// each with where it came from. This is what the model card carries as `scenario`.
const Origin = _enum(['scenario', 'default', 'derived', 'cli']).meta({
    description: 'scenario: set in the scenario file; default: bundled reference data; derived: computed from other values; cli: a command-line flag',
});
/** One assumption the result rests on, shown to reviewers with its source. */
const Assumption = object({
    path: string().meta({ description: 'Scenario path the value fills, e.g. grid.intensity_g_per_kwh' }),
    value: union([number(), string()]),
    unit: string(),
    low: number().optional(),
    high: number().optional(),
    origin: Origin,
    source: string().meta({ description: 'Citation: publication, dataset or file (readable text)' }),
    year: number().int().nullable(),
    note: string().optional(),
    references: array(Reference)
        .optional()
        .meta({ description: 'Structured citations of `source`: title, publisher, year, URL, licence (absent in cards written before 0.2)' }),
});
const ResolvedScenario = object({
    name: string(),
    team: string().nullable(),
    functional_unit: FunctionalUnit,
    deployment: Deployment,
    grid: object({
        region: string().nullable(),
        intensity_g_per_kwh: number(),
        intensity_low_g_per_kwh: number(),
        intensity_high_g_per_kwh: number(),
        water_intensity_l_per_kwh: number(),
        year: number().int().nullable().optional().meta({ description: 'Data year of the grid intensity (null: given in the scenario)' }),
        requested_year: number().int().nullable().optional().meta({ description: 'Year asked for: grid.year, else the year of the run' }),
        basis: _enum(['location', 'market']).optional(),
        market_intensity_g_per_kwh: number().nullable().optional().meta({ description: 'Market-based factor (g CO2e/kWh) when basis is market' }),
        cfe_pct: number().nullable().optional().meta({ description: 'Carbon-free energy share (%) behind the market-based factor' }),
    }),
    pue: number(),
    pue_low: number(),
    pue_high: number(),
    wue_l_per_kwh: number(),
    it_overhead_factor: number(),
    electricity_usd_per_kwh: number().nullable(),
    gpu_hour_usd: number().nullable(),
    // Fields added after schema 1.0 carry defaults, so cards written before them still parse
    // (a baseline card from the base branch).
    gpu_hour_includes_electricity: boolean()
        .default(true)
        .meta({ description: 'true: gpu_hour_usd pays for electricity too, which is then not added where the GPU-hour price applies' }),
    hardware: object({
        model: string(),
        known: boolean().meta({ description: 'false when the model is not in the bundled data (values from the scenario)' }),
        count: number().int(),
        power_w: number().nullable(),
        embodied_kg: number().nullable(),
        embodied_low_kg: number().nullable(),
        embodied_high_kg: number().nullable(),
        lifespan_years: number(),
        host_embodied_kg: number()
            .nullable()
            .default(null)
            .meta({ description: 'kg CO2e per server without accelerators; null: server embodied carbon is outside the boundary' }),
        devices_per_host: number().int().positive().default(8),
        utilization: number().positive().max(1).default(1).meta({ description: 'Share of the lifespan the hardware is in use' }),
    }),
    stages: record(string(), Stage),
    /** The scenario's `hf` key as given: nulls where it says nothing. */
    hf: object({ training_type: HfTrainingType.nullable(), stages: array(string()).nullable() }).default({ training_type: null, stages: null }),
    budgets: array(Budget),
    /** ISO 14044 system boundary: two cards compare only when these match. */
    boundary: object({
        stages: array(string()),
        flows: array(string()).meta({
            description: 'e.g. device_energy, host_overhead, facility_overhead, embodied (accelerators), embodied_host (servers), water_onsite, water_offsite, cost',
        }),
    }),
    assumptions: array(Assumption),
    /** Problems found while resolving (unknown hardware without a value, inference stage without `inferences`). */
    warnings: array(string()).optional(),
});

// The model card JSON (the artifact). The single source of its type and of the published
// JSON Schema (schema/model-card.schema.json, written by `npm run schema`).
const SCHEMA_VERSION = '1.0';
const StageResult = object({
    it_energy_kwh: number().meta({ description: 'Whole-server energy before PUE (kWh): device energy × it_overhead_factor, or host-inclusive energy as is' }),
    energy_kwh: number().meta({ description: 'Facility energy: it_energy_kwh × PUE (kWh)' }),
    operational_co2e_kg: number(),
    embodied_co2e_kg: number(),
    co2e_kg: number(),
    water_l: number(),
    cost_usd: number().nullable(),
    hours: number().nullable(),
    inferences: number().nullable().meta({ description: 'Inferences served while measured; non-null marks a per-inference stage' }),
    energy_origin: _enum(['logs', 'energy_kwh', 'estimate', 'prometheus']),
    energy_scope: _enum(['device', 'host']).meta({ description: 'device: got it_overhead_factor; host: already whole-server' }),
    sources: array(string()).meta({ description: 'Paths of the logs this stage used' }),
    /** Absent only in cards written before ml-lca 0.2 (read back as baselines). */
    completeness: StageCompleteness.optional(),
});
const Totals = object({
    energy_kwh: number(),
    it_energy_kwh: number(),
    operational_co2e_kg: number(),
    embodied_co2e_kg: number(),
    co2e_kg: number(),
    water_l: number(),
    cost_usd: number().nullable(),
});
const PerFunctionalUnit = object({
    co2e_g: number().meta({ description: 'marginal + embodied + amortized (g CO2e per functional unit), paper §3.3' }),
    energy_wh: number(),
    water_ml: number(),
    cost_usd: number().nullable(),
    marginal_co2e_g: number().meta({ description: 'Operational carbon of producing one unit (per-inference stages)' }),
    embodied_co2e_g: number().meta({ description: 'Embodied share of the hardware time one unit used' }),
    amortized_co2e_g: number().meta({ description: 'Up-front (experimentation + training) carbon over all lifetime units' }),
});
const Lifetime = object({
    inferences: number(),
    functional_units: number(),
    upfront_co2e_kg: number().meta({ description: 'Stages without inferences (experimentation, training, ...)' }),
    inference_co2e_kg: number().meta({ description: 'Per-inference carbon × lifetime inferences' }),
    co2e_kg: number(),
});
const HfCo2EqEmissions = object({
    emissions: number().meta({
        description: 'grams CO2e (Hugging Face model card convention): operational CO2e of the stages that produced the model (up-front stages, or hf.stages); embodied excluded',
    }),
    source: string().meta({ description: 'What is counted: the stages, operational only, the factors' }),
    training_type: string().optional().meta({ description: "pre-training | fine-tuning, from the scenario's hf.training_type; absent when not given" }),
    geographical_location: string(),
    hardware_used: string(),
});
/** GHG Protocol Scope 2 dual reporting: the market-based figures beside the location-based totals. */
const MarketBased = object({
    intensity_g_per_kwh: number().meta({ description: 'Market-based emission factor used (g CO2e/kWh)' }),
    source: string(),
    operational_co2e_kg: number(),
    co2e_kg: number().meta({ description: 'Operational (market-based) + embodied, assessed stages' }),
    per_functional_unit_co2e_g: number(),
});
const ModelCard = object({
    schema_version: string(),
    tool: object({ name: literal('ml-lca'), version: string() }),
    created_at: string(),
    scenario: ResolvedScenario,
    stages: record(string(), StageResult),
    totals: Totals,
    per_functional_unit: PerFunctionalUnit,
    lifetime: Lifetime,
    interpretation: Interpretation,
    budgets: array(BudgetResult),
    verdict: CardVerdict.meta({
        description: 'pass | warn | fail from the budgets; incomplete when the energy of a stage could not be determined (it leads: see stages.<stage>.completeness)',
    }),
    comparison: Comparison.nullable(),
    sources: array(Source),
    hf_co2_eq_emissions: HfCo2EqEmissions,
    /** Market-based results (grid.basis: market); the location-based totals above stay primary. */
    market_based: MarketBased.nullable().optional(),
    /** Optional blocks added by later features (energy disclosure, SCI, ledger position). */
    extensions: record(string(), unknown()).optional(),
    warnings: array(string()),
});

// The ledger: what past runs spent, and where a period budget stands. These zod schemas are
// the single source of the types; `LedgerExtension` is what the card carries under
// `extensions.ledger` (card-schema.ts keeps `extensions` open for such optional blocks).
/** ISO 8601 instant with an explicit zone (Z or ±hh:mm), or a bare date (taken as UTC midnight). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2}))?$/; // no flags: the JSON Schema pattern must mean the same
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
    return (day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d && !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s)));
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
    co2e_kg: number('a number of kg CO2e')
        .nonnegative('a number of kg CO2e >= 0')
        .meta({ description: 'Lifecycle carbon of the run, totals.co2e_kg (kg CO2e)' }),
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
    change: number().meta({ description: "This change: the head card's value of the metric (0 without a head)" }),
    projected: number().meta({ description: 'spent + change' }),
    remaining: number().meta({ description: 'max - projected (negative when over)' }),
    used_pct: number().meta({ description: 'projected / max × 100' }),
    elapsed_days: number().meta({ description: 'Days of the period elapsed at evaluation time (at least 1)' }),
    period_days: number().int(),
    burn_rate_per_day: number().meta({ description: 'projected / elapsed_days' }),
    forecast: number().meta({ description: 'Spend at the end of the period at the current burn rate' }),
    run_out_date: string().nullable().meta({ description: 'UTC date the budget runs out at the current rate; null if not within the period' }),
    status: BudgetStatus,
});
const LedgerExtension = object({
    source: string().meta({ description: 'history:BRANCH | artifact | file:PATH | DIR (CLI)' }),
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
    const d = dedupeRuns(entries, (e) => e);
    return { entries: d.items, duplicates: d.duplicates };
}
/** `dedupeEntries` for anything that has a ledger entry (the dashboard's run records). */
function dedupeRuns(items, entryOf) {
    const byKey = new Map();
    for (const item of items) {
        const e = entryOf(item);
        const key = runKey(e);
        const at = Date.parse(e.created_at);
        const prev = byKey.get(key);
        if (!prev || at > prev.at)
            byKey.set(key, { item, at });
    }
    return { items: [...byKey.values()].map((v) => v.item), duplicates: items.length - byKey.size };
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

/** Chart colours (WCAG contrast on #ffffff / #0d1117 in brackets). */
const CHART_COLORS = {
    /** The main series (4.6:1 / 4.1:1). */
    main: '#1f6feb',
    /** References: base, floor, limits (3.0:1 / 6.2:1). */
    reference: '#8c959f',
    /** Titles, axes, labels (4.6:1 / 4.2:1). */
    text: '#6e7781',
    /** Pie slices: each 3:1 or more on both backgrounds, white text on each. */
    slices: ['#1f6feb', '#bc4c00', '#8250df', '#1a7f37', '#bf3989', '#9a6700', '#cf222e', '#6e7781'],
};
/**
 * The `%%{init}%%` line of every chart: theme `base` with our colours, so GitHub's light and dark
 * themes both read; `xy` for xychart-beta, `pie` for pie charts.
 */
function themeDirective(kind = 'xy') {
    const c = CHART_COLORS;
    const common = { background: 'transparent', primaryTextColor: c.text, textColor: c.text, titleColor: c.text };
    if (kind === 'pie') {
        const slices = Object.fromEntries(c.slices.map((color, i) => [`pie${i + 1}`, color]));
        const vars = {
            ...common,
            ...slices,
            pieTitleTextColor: c.text,
            pieLegendTextColor: c.text,
            pieSectionTextColor: '#ffffff',
            pieStrokeColor: '#ffffff',
            pieOuterStrokeColor: c.text,
        };
        return `%%{init: ${JSON.stringify({ theme: 'base', themeVariables: vars })}}%%`;
    }
    const axis = (a) => ({
        [`${a}AxisLabelColor`]: c.text,
        [`${a}AxisTitleColor`]: c.text,
        [`${a}AxisTickColor`]: c.text,
        [`${a}AxisLineColor`]: c.text,
    });
    const xyChart = { backgroundColor: 'transparent', titleColor: c.text, ...axis('x'), ...axis('y'), plotColorPalette: `${c.main}, ${c.reference}` };
    const config = { xyChart: { width: 720, height: 400, titleFontSize: 16, xAxis: { labelFontSize: 13 }, yAxis: { labelFontSize: 13, titleFontSize: 14 } } };
    return `%%{init: ${JSON.stringify({ theme: 'base', themeVariables: { ...common, xyChart }, ...config })}}%%`;
}
/** A finite number as a plain decimal with `sig` significant digits, never in exponent form. */
function plainNumber(x, sig = 4) {
    if (!Number.isFinite(x) || x === 0)
        return '0';
    const mag = Math.floor(Math.log10(Math.abs(x)));
    const decimals = Math.min(20, Math.max(0, sig - 1 - mag));
    const rounded = Number(x.toPrecision(sig));
    let s = rounded.toFixed(decimals);
    if (s.includes('e'))
        s = BigInt(rounded).toString(); // toFixed switches to exponent at 1e21
    if (s.includes('.'))
        s = s.replace(/0+$/, '').replace(/\.$/, '');
    return s === '-0' ? '0' : s;
}
/** `5M`, `2.5B`: a compact label for an inference count (the report's compact count style). */
function compactCount(x) {
    if (!Number.isFinite(x) || x <= 0)
        return String(x);
    return compact(x);
}
/** A label inside mermaid double quotes (or a bare title): no quotes, no line breaks, bounded. */
function mermaidLabel(text, max = 60) {
    const clean = text
        .replace(/[\r\n\t\v\f\u2028\u2029]+/g, ' ')
        .replace(/["`]/g, "'")
        .replace(/[;#%{}<>\\]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
/**
 * A label that cleaned to nothing (`%%`, a backslash, a tab, U+2028: a card from outside can
 * hold any text) gets a neutral name: an empty `""` label breaks or blanks the chart.
 */
function labelOr(label, fallback) {
    return label === '' ? fallback : label;
}
function mermaidBlock(diagram) {
    return `\`\`\`mermaid\n${diagram}\n\`\`\`\n`;
}
/** A round number at or above v (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k): an axis top that reads well. */
function niceCeil(v) {
    if (!(v > 0))
        return 1;
    const p = 10 ** Math.floor(Math.log10(v));
    for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8])
        if (v <= m * p * (1 + 1e-12))
            return Number((m * p).toPrecision(6));
    return 10 * p;
}
/** Pie of lifecycle CO2e per stage, in one unit for all slices; null when there is nothing to split. */
function stagePie(card) {
    const rows = Object.entries(card.stages).filter(([, s]) => s.co2e_kg > 0);
    if (rows.length === 0)
        return null;
    const sc = scaleFor(rows.map(([, s]) => s.co2e_kg), 'kg CO2e');
    const divisor = sc.divisor;
    return [
        themeDirective('pie'),
        'pie showData',
        `  title ${mermaidLabel(`${sc.unit} by stage, ${card.scenario.name}`)}`,
        ...rows.map(([name, s], i) => `  "${labelOr(mermaidLabel(name), `stage ${i + 1}`)}" : ${plainNumber(s.co2e_kg / divisor, 3)}`),
    ].join('\n');
}
/** At most this many categories on a categorical x axis: more collide at comment width. */
const MAX_CATEGORIES = 7;
/**
 * The points the lifetime chart shows: the scenario and the breakeven (marked once each) and the
 * decades around them, from a tenth of the smaller to a hundred times the larger; a decade that
 * sits next to a marked point (within a factor of 2) is left out so the labels do not collide.
 */
function lifetimePoints(card) {
    const curve = (card.interpretation.lifetime_curve ?? []).filter((p) => p.inferences > 0 && Number.isFinite(p.co2e_g_per_fu));
    const marked = curve.filter((p) => p.label);
    if (marked.length === 0)
        return curve.slice(0, MAX_CATEGORIES);
    const lo = Math.min(...marked.map((p) => p.inferences)) / 10;
    const hi = Math.max(...marked.map((p) => p.inferences)) * 100;
    const near = (x) => marked.some((m) => m.inferences !== x && Math.max(m.inferences, x) / Math.min(m.inferences, x) < 2);
    const kept = curve.filter((p) => p.label || (p.inferences >= lo && p.inferences <= hi && !near(p.inferences)));
    // Too many: drop decades from the far end (the flat tail says least), never a marked point.
    while (kept.length > MAX_CATEGORIES) {
        const i = kept.map((p, j) => (p.label ? -1 : j)).filter((j) => j >= 0);
        kept.splice(i[i.length - 1], 1);
    }
    return kept;
}
/**
 * Per-FU carbon over lifetime inferences, y in real units (g CO2e per FU, SI-prefixed for the
 * whole axis) from 0, x categorical (xychart-beta has no log axis): `lifetimePoints`, labelled
 * compactly (`2.5M`), the breakeven and the scenario named once. A second, grey line is the
 * per-inference floor (marginal + embodied): the curve is twice the floor at the breakeven.
 */
function lifetimeChart(card) {
    const points = lifetimePoints(card);
    if (points.length < 2)
        return null;
    const fu = card.per_functional_unit;
    const floor = fu.marginal_co2e_g + fu.embodied_co2e_g;
    const values = points.map((p) => p.co2e_g_per_fu);
    const sc = scaleFor([...values, floor], 'g CO2e');
    const divisor = sc.divisor;
    const y = (v) => plainNumber(v / divisor, 3);
    const top = niceCeil(Math.max(...values, floor) / divisor);
    const labels = points.map((p) => `"${compactCount(p.inferences)}${p.label ? ` ${p.label}` : ''}"`);
    const lines = [
        themeDirective(),
        'xychart-beta',
        `  title "${mermaidLabel(`${sc.unit} per FU vs lifetime inferences${floor > 0 ? ' (grey: per-inference floor)' : ''}`, 100)}"`,
        `  x-axis "lifetime inferences" [${labels.join(', ')}]`,
        `  y-axis "${mermaidLabel(`${sc.unit} per FU`)}" 0 --> ${plainNumber(top, 6)}`,
        `  line [${values.map(y).join(', ')}]`,
    ];
    if (floor > 0)
        lines.push(`  line [${values.map(() => y(floor)).join(', ')}]`);
    return lines.join('\n');
}
/** Short names for the tornado's axis; the parameter path for anything else. */
const PARAMETER_NAMES = {
    'deployment.lifetime_inferences': 'lifetime inferences',
    'grid.intensity_g_per_kwh': 'grid intensity',
    pue: 'PUE',
    it_overhead_factor: 'IT overhead',
    'hardware.embodied_kg': 'embodied per device',
    'hardware.host_embodied_kg': 'server embodied',
    'hardware.lifespan_years': 'hardware lifespan',
    'hardware.power_w': 'device power',
    wue_l_per_kwh: 'WUE',
};
/** A parameter path in words for a chart axis or a table (`grid intensity`); the path when unknown. */
function parameterName(path) {
    return Object.hasOwn(PARAMETER_NAMES, path) ? PARAMETER_NAMES[path] : path;
}
/** Tornado: swing of per-FU CO2e per parameter (low to high), largest first, in one unit. */
function tornadoChart(card) {
    const swing = (s) => s.swing_per_fu_co2e_g ?? Math.abs(s.per_fu_co2e_g_high - s.per_fu_co2e_g_low);
    const rows = card.interpretation.sensitivity
        .filter((s) => swing(s) > 0)
        .sort((a, b) => swing(b) - swing(a))
        .slice(0, 8);
    if (rows.length === 0)
        return null;
    const sc = scaleFor(rows.map(swing), 'g CO2e');
    const divisor = sc.divisor;
    const top = niceCeil(swing(rows[0]) / divisor);
    return [
        themeDirective(),
        'xychart-beta horizontal',
        `  title "${mermaidLabel(`Sensitivity: swing of ${sc.unit} per FU, low to high`)}"`,
        `  x-axis [${rows.map((s, i) => `"${labelOr(mermaidLabel(parameterName(s.parameter), 32), `parameter ${i + 1}`)}"`).join(', ')}]`,
        `  y-axis "${mermaidLabel(`${sc.unit} per FU`)}" 0 --> ${plainNumber(top, 6)}`,
        `  bar [${rows.map((s) => plainNumber(swing(s) / divisor, 3)).join(', ')}]`,
    ].join('\n');
}
/**
 * Head vs base CO2e per stage: head as bars (the main series), base as a grey reference line.
 * Stages only (the total is in the headline); null with fewer than two stages or no comparison.
 */
function headVsBaseChart(comparison) {
    if (!comparison?.comparable)
        return null;
    const rows = comparison.metrics
        .filter((m) => /^stages\.[^.]+\.co2e_kg$/.test(m.metric) && m.base !== null && m.head !== null)
        .sort((a, b) => (b.head ?? 0) - (a.head ?? 0))
        .slice(0, MAX_CATEGORIES);
    if (rows.length < 2)
        return null;
    const name = (metric) => metric.slice('stages.'.length, -'.co2e_kg'.length);
    const sc = scaleFor(rows.flatMap((m) => [m.base, m.head]), 'kg CO2e');
    const divisor = sc.divisor;
    const top = niceCeil(Math.max(...rows.flatMap((m) => [m.base ?? 0, m.head ?? 0])) / divisor);
    return [
        themeDirective(),
        'xychart-beta',
        `  title "${mermaidLabel(`${sc.unit} per stage: head (bars) vs base (grey line)`)}"`,
        `  x-axis [${rows.map((m, i) => `"${labelOr(mermaidLabel(name(m.metric), 24), `stage ${i + 1}`)}"`).join(', ')}]`,
        `  y-axis "${mermaidLabel(sc.unit)}" 0 --> ${plainNumber(top, 6)}`,
        `  bar [${rows.map((m) => plainNumber((m.head ?? 0) / divisor, 4)).join(', ')}]`,
        `  line [${rows.map((m) => plainNumber((m.base ?? 0) / divisor, 4)).join(', ')}]`,
    ].join('\n');
}

// Markdown for the budget position: the section of the PR comment and job summary, and the
// tables and chart of `ml-lca ledger`. Pure: positions and totals in, markdown out.
const ICON = { pass: '✅', warn: '⚠️', fail: '❌' };
/** `12.5 kg CO2e`, SI-prefixed (`1.6 t CO2e`); the bare number when the metric's name gives no unit. */
function withUnit(v, metric) {
    return qty(v, unitOf(metric));
}
/** `████████░░ 80.0 %`: ten cells, full at 100 % and beyond (the percentage still says how far). */
function textBar(used, width = 10) {
    const clamped = Math.min(100, Math.max(0, used));
    const filled = Math.round((clamped / 100) * width);
    return `${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${pct(used / 100)}`;
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
        // Card text (a baseline's or a fork's card carries this block): escaped like all of it.
        const who = `${ICON[p.status]} ${p.scope} **${escapeMarkdown(p.name ?? '(none)')}** · ${escapeMarkdown(p.label)}`;
        const runs = `${p.runs} run${p.runs === 1 ? '' : 's'}`;
        const projected = withChange
            ? `${withUnit(p.projected, m)} of ${withUnit(p.max, m)}<br>spent ${withUnit(p.spent, m)} (${runs}) + this change ${withUnit(p.change, m)}`
            : `${withUnit(p.spent, m)} of ${withUnit(p.max, m)} (${runs})`;
        const remaining = p.remaining >= 0 ? withUnit(p.remaining, m) : `**${withUnit(-p.remaining, m)} over**`;
        const rate = `${withUnit(p.burn_rate_per_day, m)}/day`;
        const runOut = p.remaining <= 0 && p.projected > 0
            ? `exhausted (${rate})`
            : p.run_out_date
                ? `${escapeMarkdown(p.run_out_date)} at ${rate}`
                : `not this ${p.period} (${rate})`;
        return [who, `\`${textBar(p.used_pct)}\``, projected, remaining, runOut];
    });
    const heading = opts.heading ?? '### Period budgets';
    const title = heading ? `${heading}\n\n` : '';
    const table = markdownTable([['Budget', 'Used', withChange ? 'Projected' : 'Spent', 'Remaining', 'Runs out'], ...rows], { alignDelimiters: false });
    const metrics = [...new Set(positions.map((p) => p.metric))].join(', ');
    return `${title}${table}\n\n<sub>Spent: ${spentFrom(opts.source)}, de-duplicated by run; metric ${escapeMarkdown(metrics)}; periods in UTC.</sub>\n`;
}
function spentFrom(source) {
    if (source === undefined)
        return 'runs in the ledger this period';
    if (source === 'artifact')
        return 'model cards of successful default-branch push runs of this workflow this period';
    if (source === 'none')
        return 'no ledger of past runs was available, so only this change counts';
    if (source.startsWith('history:'))
        return `default-branch runs recorded in the history branch ${escapeMarkdown(source.slice('history:'.length))} this period`;
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
        themeDirective(),
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
/**
 * One line per period budget for the top of the PR comment: where it stands with this change,
 * the warning level and the limit both shown. Markdown, escaped; empty when the card has none.
 */
function ledgerLinesForCard(card) {
    const parsed = LedgerExtension.safeParse(card.extensions?.ledger);
    if (!parsed.success)
        return [];
    return parsed.data.positions.map((p) => {
        const m = p.metric;
        const levels = `${p.warn !== null ? `warn at ${withUnit(p.warn, m)}, ` : ''}limit ${withUnit(p.max, m)}`;
        const said = { pass: '', warn: ', above the warning level', fail: ', over the limit' }[p.status];
        const who = `${p.period} budget of ${p.scope} ${escapeMarkdown(p.name ?? '(none)')}, ${escapeMarkdown(p.label)}`;
        return {
            status: p.status,
            text: `${ICON[p.status]} **${who}** ${withUnit(p.projected, m)} with this change (${pct(p.used_pct / 100)})${said} · ${levels}`,
        };
    });
}
/**
 * The "Period budgets" section for a card (PR comment, job summary, report.md): reads
 * `extensions.ledger` back through its schema; empty string when the card has none.
 */
function ledgerSectionForCard(card, opts = {}) {
    const parsed = LedgerExtension.safeParse(card.extensions?.ledger);
    return parsed.success ? renderLedgerSection(parsed.data.positions, { ...opts, source: parsed.data.source }) : '';
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
 * null evaluates the ledger alone (CLI). `now` picks the current period. `sums` (from a history
 * index) are added to what `entries` hold for the same scope, name and period.
 * Throws InputError for a team budget with no team, or a metric the head card lacks.
 */
function evaluatePeriodBudgets(budgets, scenario, headCard, entries, now, sums = []) {
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
        const pos = positionOf(b, name, change, entries, sums, now);
        positions.push(pos.position);
        if (pos.missing > 0)
            warnings.push(`${pos.missing} ledger run(s) of ${b.scope} ${name} have no ${b.metric}; counted as 0`);
        results.push(resultOf(pos.position));
    });
    return { results, positions, warnings };
}
function positionOf(b, name, change, entries, sums, now) {
    const p = periodOf(now, b.period);
    let spent = 0;
    let runs = 0;
    let missing = 0;
    for (const s of sums) {
        if (s.scope !== b.scope || s.name !== name || s.label !== p.label)
            continue;
        runs += s.runs;
        spent += s.sum[b.metric] ?? 0;
        missing += s.runs - (s.count[b.metric] ?? 0);
    }
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
            `(spent ${withUnit(p.spent, m)} in ${p.runs} run${p.runs === 1 ? '' : 's'} + this change ${withUnit(p.change, m)}); ${rest}${runOut}`,
    };
}

// Reading a ledger: a directory of model cards (downloaded artifacts, or cards kept in a
// repo) or a JSONL file with one LedgerEntry per line. Bad cards in a directory are
// skipped with a warning (a directory of downloads holds other JSON too); a bad JSONL line
// is an error naming its line, since that file is written for us and exists to be exact.
function parseLedgerSetting(value, file) {
    const v = (value ?? 'history').trim();
    if (v === 'history' || v === 'artifact')
        return { kind: 'history' };
    const m = /^file:(.+)$/.exec(v);
    if (m?.[1] && m[1].trim() !== '')
        return { kind: 'file', path: m[1].trim() };
    throw new InputError({
        code: 'SCENARIO_INVALID',
        file,
        field: 'ledger',
        expected: '"history" (the action\'s history branch or artifacts; "artifact" is its old name) or "file:PATH" (a JSONL ledger committed in the repo)',
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
            // Not quoted: a line that is not JSON may be from a file that is no ledger at all.
            throw new InputError({ code: 'BAD_INPUT', file, line, expected: 'one JSON object per line (JSONL)', got: jsonSyntaxProblem(e, raw).problem });
        }
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            throw new InputError({
                code: 'BAD_INPUT',
                file,
                line,
                expected: 'a JSON object (one ledger entry)',
                got: value === null ? 'null' : Array.isArray(value) ? 'a list' : `a single ${typeof value} value`,
            });
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
    return cardFromTextWith(text, ModelCard);
}
/** `cardFromText` through another card schema (the dashboard reads a lenient subset of the card). */
function cardFromTextWith(text, schema) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return { reason: 'not JSON' };
    }
    const parsed = schema.safeParse(value);
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

export { tornadoChart as $, StageCompleteness as A, MEASURED as B, METRICS as C, DEFAULT_METRIC as D, valueAtPath as E, STAGE_FIELDS as F, qtyParam as G, unitOf as H, percent as I, deltaPct as J, numericPaths as K, SCHEMA_VERSION as L, ModelCard as M, NBSP as N, withoutUrls as O, range as P, parameterName as Q, pct as R, Scenario as S, incompleteLine as T, pair as U, VERDICT_SEVERITY as V, labelOf as W, ledgerSectionForCard as X, escapeHtml as Y, stagePie as Z, lifetimeChart as _, escapeCode as a, headVsBaseChart as a0, mermaidBlock as a1, ledgerLinesForCard as a2, UtcInstant as a3, LedgerEntry as a4, inPeriod as a5, metricOf as a6, LifetimePoint as a7, Lifetime as a8, PerFunctionalUnit as a9, Totals as aa, StageResult as ab, PeriodBudget as ac, cardFromTextWith as ad, AbsoluteBudget as ae, dedupeRuns as af, unitOfName as ag, DAY_MS as ah, utcDate as ai, RunId as aj, parseLedgerSetting as b, cardFromText as c, dedupeEntries as d, entryFromCard as e, parseLedgerJsonl as f, escapeMarkdown as g, evaluatePeriodBudgets as h, isPeriodBudget as i, fmt as j, param as k, renderLedgerSection as l, renderCumulativeChart as m, count as n, compact as o, periodOf as p, qty as q, readLedger as r, scaleFor as s, textBar as t, clipText as u, suggest as v, worstVerdict as w, timeMs as x, incompleteFromSources as y, noEnergySource as z };
