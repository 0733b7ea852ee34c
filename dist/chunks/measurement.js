import { O as OWID_SERIES, E as EGRID_SERIES, G as GCP_SERIES, a as refForYear, b as STATE_MAPPINGS, C as CLOUD_MAPPINGS, r as ref, c as GCP_COLUMNS, R as Reference } from './index.js';
import { o as object, a as array, n as number, t as tuple, s as string, _ as _enum, b as boolean } from './schemas.js';

// Grid carbon intensity (location-based, annual average, g CO2e per kWh) by year, from public
// datasets pinned under data/ and turned into typed tables by `npm run data`
// (src/data/generated/grid-data.ts):
//  - countries: Our World in Data, carbon_intensity_elec (Ember; Energy Institute), CC BY 4.0;
//  - US: EPA eGRID subregion CO2e output emission rates (public domain); a state key resolves to
//    the subregion that serves most of its load (data/us-states.csv says which and why);
//  - Google Cloud regions: Google's own region-carbon-info yearly figures (grid intensity, CFE);
//  - AWS and Azure regions: the grid of their location (data/cloud-regions.csv, per region).
//
// LICENCE NOTE: share-alike data is not bundled. The Ember yearly/monthly averages redistributed
// by @tgwf/co2 (CO2.js) are CC BY-SA 4.0, and Electricity Maps' data is ODbL; neither is a
// dependency and none of their numbers are copied here.
//
// The year matters: `lookupGrid(region, year)` gives the value of that data year, or the nearest
// earlier one (the latest available when the year is newer than the data), and says so in
// `year_note`. low/high are the spread (min/max) of the five most recent data years up to the one
// used: the year-to-year variation of the grid, taken from the dataset, not a hand-typed guess.
object({
    /** Key as written in a scenario: `US`, `US-VA`, `egrid:SRVC`, `aws:us-east-1`. */
    region: string(),
    name: string(),
    kind: _enum(['country', 'subdivision', 'subregion', 'cloud']),
    /** Grid this region draws from (country, subdivision or eGRID subregion key); null for grids themselves. */
    grid: string().nullable(),
    g_per_kwh: number().nonnegative(),
    low: number().nonnegative(),
    high: number().nonnegative(),
    /** Readable citation (dataset, publisher, data year, licence, URL). */
    source: string(),
    /** Data year of `g_per_kwh`. */
    year: number().int(),
    /** The year asked for (null: none asked, the latest available was used). */
    requested_year: number().int().nullable(),
    /** Why the data year differs from the year asked for; null when it does not. */
    year_note: string().nullable(),
    /** Data years the low/high spread covers. */
    range_years: tuple([number().int(), number().int()]),
    /** Every data year the dataset holds for this grid. */
    years: array(number().int()),
    /** Google CFE (hourly carbon-free energy share, 0–1) for Google Cloud regions; else null. */
    cfe: number().min(0).max(1).nullable(),
    references: array(Reference),
});
/** Years in the low/high spread. */
const RANGE_YEARS = 5;
const OWID_URL = ref('owid-carbon-intensity-elec');
// Canadian provinces: no open dataset by province is bundled; Google publishes the grid intensity
// of the Québec and Ontario grids for its Montréal and Toronto regions, which is what these use.
const PROVINCES_FROM_GCP = [
    ['CA-QC', 'Québec (Hydro-Québec grid)', 'gcp:northamerica-northeast1'],
    ['CA-ON', 'Ontario (IESO grid)', 'gcp:northamerica-northeast2'],
];
const GRIDS = (() => {
    const m = new Map();
    for (const s of OWID_SERIES) {
        m.set(s.key.toLowerCase(), {
            key: s.key,
            name: s.name,
            kind: 'country',
            dataset: 'owid-carbon-intensity-elec',
            points: s.points,
            row: `${s.name} (${s.code})`,
        });
    }
    for (const s of EGRID_SERIES) {
        const name = s.code === 'US' ? 'United States (eGRID U.S. total)' : `eGRID subregion ${s.code}`;
        m.set(s.key.toLowerCase(), {
            key: s.key,
            name,
            kind: 'subregion',
            dataset: 'epa-egrid',
            points: s.points,
            row: s.code === 'US' ? 'U.S. (USC2ERTA)' : `${s.code} (SRC2ERTA)`,
        });
    }
    for (const s of GCP_SERIES) {
        m.set(s.key.toLowerCase(), {
            key: s.key,
            name: `${s.key} (${s.location})`,
            kind: 'cloud',
            dataset: 'gcp-region-carbon-info',
            points: s.points,
            row: s.key.slice(4),
        });
    }
    for (const [key, name, gcp] of PROVINCES_FROM_GCP) {
        const g = m.get(gcp);
        if (g)
            m.set(key.toLowerCase(), { ...g, key, name, kind: 'subdivision', row: `${g.row} (Google's figure for the ${name} grid)` });
    }
    return m;
})();
/** Keys that take another key's grid: US states (-> eGRID subregion), AWS/Azure regions (-> grid). */
const MAPPED = new Map([...STATE_MAPPINGS.map((r) => ({ ...r, kind: 'subdivision' })), ...CLOUD_MAPPINGS.map((r) => ({ ...r, kind: 'cloud' }))].map((r) => [
    r.key.toLowerCase(),
    r,
]));
/** The point for `year` (or the nearest earlier; the earliest when all are later; the latest without a year). */
function pick(points, year) {
    const first = points[0];
    const last = points[points.length - 1];
    if (!first || !last)
        throw new Error('grid table: a series without points');
    if (year === null)
        return { point: last, note: null };
    if (year > last[0])
        return { point: last, note: `no ${year} data yet: the latest available year (${last[0]}) is used` };
    if (year < first[0])
        return { point: first, note: `no data for ${year}: the earliest available year (${first[0]}) is used` };
    const exact = points.find((p) => p[0] === year);
    if (exact)
        return { point: exact, note: null };
    const earlier = [...points].reverse().find((p) => p[0] < year) ?? first;
    return { point: earlier, note: `no ${year} data: the nearest earlier year (${earlier[0]}) is used` };
}
const round = (x) => Math.round(x * 1e6) / 1e6;
function sourceText(g, year, value, from, to) {
    const spread = from === to ? `single data year ${year}` : `range = spread of data years ${from}–${to}`;
    switch (g.dataset) {
        case 'owid-carbon-intensity-elec':
            return `Our World in Data, carbon intensity of electricity (Ember; Energy Institute), ${g.row} ${year}: ${round(value)} g CO2e/kWh; ${spread}; CC BY 4.0; ${OWID_URL.url}`;
        case 'epa-egrid':
            return `U.S. EPA eGRID${year}, ${g.row} CO2e total output emission rate: ${round(value)} g CO2e/kWh; ${spread}; public domain; ${ref('epa-egrid').url}`;
        case 'gcp-region-carbon-info': {
            const basis = /lifecycle/i.test(GCP_COLUMNS[year] ?? '') ? ' (life-cycle basis in this year)' : '';
            return `Google Cloud region-carbon-info ${year}, ${g.row}: grid carbon intensity ${round(value)} g CO2e/kWh${basis}; ${spread}; Apache-2.0; ${ref('gcp-region-carbon-info').url}`;
        }
    }
}
function factorOf(g, year) {
    const { point, note } = pick(g.points, year);
    const [y, value] = point;
    const window = g.points.filter((p) => p[0] <= y && p[0] > y - RANGE_YEARS);
    const values = window.map((p) => p[1]);
    const from = window[0]?.[0] ?? y;
    return {
        region: g.key,
        name: g.name,
        kind: g.kind,
        grid: null,
        g_per_kwh: value,
        low: Math.min(...values),
        high: Math.max(...values),
        source: sourceText(g, y, value, from, y),
        year: y,
        requested_year: year,
        year_note: note,
        range_years: [from, y],
        years: g.points.map((p) => p[0]),
        cfe: g.dataset === 'gcp-region-carbon-info' ? (point[2] ?? null) : null,
        references: [refForYear(g.dataset, y)],
    };
}
function mappedFactor(m, year) {
    const g = GRIDS.get(m.grid.toLowerCase());
    if (!g)
        return null;
    const f = factorOf(g, year);
    const what = m.kind === 'cloud' ? `location-based: ${m.key} (${m.location}) draws from the ${g.name} grid` : `${m.location} resolves to ${g.name}`;
    return { ...f, region: m.key, name: `${m.key} (${m.location}) on the ${g.name} grid`, kind: m.kind, grid: g.key, source: `${what} (${m.why}); ${f.source}` };
}
/** Every key, canonical spelling. */
const GRID_REGIONS = [...[...GRIDS.values()].map((g) => g.key), ...[...MAPPED.values()].map((m) => m.key)];
/** Bare cloud region names ("us-east-1") that belong to exactly one provider. */
const BARE = (() => {
    const counts = new Map();
    for (const key of GRID_REGIONS) {
        const i = key.indexOf(':');
        if (i < 0 || key.startsWith('egrid:'))
            continue;
        const bare = key.slice(i + 1).toLowerCase();
        counts.set(bare, [...(counts.get(bare) ?? []), key]);
    }
    const m = new Map();
    for (const [k, v] of counts)
        if (v.length === 1 && v[0])
            m.set(k, v[0]);
    return m;
})();
/** Normalise a user-written region: trim, `aws/us-east-1` and `AWS:US-EAST-1` -> `aws:us-east-1`, `us_ca` -> `us-ca`. */
function normaliseRegion(region) {
    return region
        .trim()
        .toLowerCase()
        .replace(/^(aws|gcp|azure|google|gcloud|microsoft|egrid)[/ ]/, '$1:')
        .replace(/^(google|gcloud):/, 'gcp:')
        .replace(/^microsoft:/, 'azure:')
        .replace(/_/g, '-');
}
/**
 * The grid factor for a country, subdivision, eGRID subregion or cloud region, for a data year
 * (null: the latest available), or null when the region is unknown.
 */
function lookupGrid(region, year = null) {
    let k = normaliseRegion(region);
    k = BARE.get(k)?.toLowerCase() ?? k;
    const g = GRIDS.get(k);
    if (g)
        return factorOf(g, year);
    const m = MAPPED.get(k);
    return m ? mappedFactor(m, year) : null;
}
/** Every region at its latest data year, for listings and docs (`ml-lca data grid`). */
function gridTable(year = null) {
    return GRID_REGIONS.map((r) => lookupGrid(r, year)).filter((f) => f !== null);
}
/** Every region at its latest data year (compatibility: the old static table). */
gridTable();

// Facility defaults: PUE, WUE, host overhead and hardware lifetime, each with its citation and
// range (low/high), read by scenario/resolve.ts and by the uncertainty analysis.
// Sources: the textbook chapter "Sustainable AI" ("Industry-average data centers operate at PUE of
// 1.5 to 2.0 (Uptime Institute 2022). Leading hyperscale facilities achieve PUE between 1.1 and
// 1.2"; WUE "typical values ranging from 0.5 to 2.0 L/kWh"; the DGX H100 rack profile 1.375×),
// the paper "Evaluation of ML Resource Utilization Requires Model Life Cycle Assessment" (4-year
// GPU lifetime), and the world average of Our World in Data's carbon_intensity_elec.
const TEXTBOOK = 'textbook chapter "Sustainable AI"';
const PAPER = 'paper "Evaluation of ML Resource Utilization Requires Model Life Cycle Assessment" (arXiv 2606.07632)';
const world = lookupGrid('WORLD');
if (!world)
    throw new Error('grid table: no World series');
const FACILITY_DEFAULTS = {
    /** Cloud regions: hyperscale facilities. */
    pue_hyperscale: {
        value: 1.12,
        low: 1.1,
        high: 1.2,
        unit: 'ratio',
        source: `${TEXTBOOK}: hyperscale PUE 1.12 (worked examples); leading hyperscale facilities achieve 1.1–1.2`,
        year: 2024,
        references: [ref('textbook-sustainable-ai')],
    },
    /** Everything else (on-prem, colocation, unknown): industry average. */
    pue_industry: {
        value: 1.58,
        low: 1.12,
        high: 2.0,
        unit: 'ratio',
        source: `${TEXTBOOK}: industry average ≈ 1.58; industry-average data centers 1.5–2.0 (Uptime Institute 2022); low end = the hyperscale default`,
        year: 2022,
        references: [ref('textbook-sustainable-ai'), ref('uptime-2022')],
    },
    /** On-site water usage effectiveness. Central = geometric mean of the textbook's typical range. */
    wue: {
        value: 1.0,
        low: 0.5,
        high: 2.0,
        unit: 'L/kWh',
        source: `${TEXTBOOK} (Eq. 3, The Green Grid WUE): typical 0.5–2.0 L/kWh on site; central 1.0 is the geometric mean of that range (our choice, not a published figure)`,
        year: 2024,
        references: [ref('textbook-sustainable-ai')],
    },
    /** Off-site (electricity generation) water: not included unless the scenario gives it. */
    grid_water: {
        value: 0,
        low: 0,
        high: 0,
        unit: 'L/kWh',
        source: 'not included by default: set grid.water_intensity_l_per_kwh to add off-site water (system boundary)',
        year: 2026,
        references: [],
    },
    /** Host CPU/RAM/network on top of device-only energy. 1 = none unless the scenario says. */
    it_overhead_factor: {
        value: 1,
        low: 1,
        high: 1.375,
        unit: 'ratio',
        source: `default 1 (no host overhead added); high end: ${TEXTBOOK}, the DGX H100 rack profile raises accelerator load 1.375× (1,433.6 kW -> 1,971.2 kW)`,
        year: 2024,
        references: [ref('textbook-sustainable-ai')],
    },
    lifespan_years: {
        value: 4,
        low: 3,
        high: 5,
        unit: 'years',
        source: `${PAPER}: 4-year GPU lifetime; ${TEXTBOOK}: 3–4 years; high end 5 years (our choice, longer service)`,
        year: 2026,
        references: [ref('paper-model-lca'), ref('textbook-sustainable-ai')],
    },
    /** World average, used only when a scenario names neither a region nor an intensity. */
    grid_world: {
        value: world.g_per_kwh,
        low: world.low,
        high: world.high,
        unit: 'g CO2e/kWh',
        source: world.source,
        year: world.year,
        references: world.references,
    },
};
/** Hours in a year, for the time-share embodied attribution (paper, textbook: lifespan × 8760). */
const HOURS_PER_YEAR = 8760;

// Accelerator reference data: power, embodied (manufacturing) carbon with a range, service life,
// and host (server) embodied carbon per platform. Every figure cites its source (structured in
// `*_references`, readable in `*_source`). Where no manufacturer or peer-reviewed figure exists,
// the value is an ESTIMATE: the `source` says so and how it was made, with a wide low/high range
// that the interpretation step reports rather than a false point value.
//
// Sources (src/data/sources.ts has title, publisher, year, URL of each):
//  - power: each vendor's datasheet (TDP / maximum board power);
//  - embodied: NVIDIA's HGX H100 product carbon footprint (1,312 kg CO2e per 8-GPU baseboard,
//    i.e. 164 kg per GPU, as also used by the textbook chapter "Sustainable AI"); Luccioni et al.
//    2023 (BLOOM, JMLR) for the A100 (150 kg per GPU) and the 8-GPU server (2,500 kg);
//  - lifespan: the paper "Evaluation of ML Resource Utilization Requires Model Life Cycle
//    Assessment" (4 years); the textbook chapter (3–4 years).
const Range = object({ low: number().nonnegative(), central: number().nonnegative(), high: number().nonnegative() });
object({
    /** Canonical model id used in scenarios and cards, e.g. `H100-SXM`. */
    model: string(),
    /** Human name, as a vendor writes it. */
    name: string(),
    /** Other spellings (nvidia-smi names, cloud names); matched after normalisation. */
    aliases: array(string()),
    /** Power per accelerator used for `hours × count × power_w` estimates (W). */
    power_w: number().positive(),
    power_basis: _enum(['tdp', 'typical_training', 'estimate']),
    power_low_w: number().positive(),
    power_high_w: number().positive(),
    power_source: string(),
    power_year: number().int(),
    power_references: array(Reference),
    /** Manufacturing footprint per accelerator (kg CO2e). */
    embodied_kg: Range,
    embodied_source: string(),
    embodied_year: number().int(),
    embodied_references: array(Reference),
    /** true when the embodied figure is scaled from another part, not published for this one. */
    embodied_estimate: boolean(),
    /** Service life (years) for the time-share embodied attribution. */
    lifespan_years: number().positive(),
    lifespan_low_years: number().positive(),
    lifespan_high_years: number().positive(),
    lifespan_source: string(),
    lifespan_year: number().int(),
    lifespan_references: array(Reference),
    /** Summary citation (the weakest of the above is what a reviewer should check first). */
    source: string(),
    year: number().int(),
});
const PAPER_LIFESPAN = {
    lifespan_years: 4,
    lifespan_low_years: 3,
    lifespan_high_years: 5,
    lifespan_source: 'paper "Evaluation of ML Resource Utilization Requires Model Life Cycle Assessment": 4-year GPU lifetime; textbook chapter "Sustainable AI": 3–4 years; 5 years high end (our choice)',
    lifespan_year: 2026,
    lifespan_references: [ref('paper-model-lca'), ref('textbook-sustainable-ai')],
};
function spec(s) {
    const { power_ref, embodied_refs, embodied_estimate, ...rest } = s;
    const weakest = [s.power_source, s.embodied_source].find((x) => x.startsWith('estimate'));
    return {
        ...PAPER_LIFESPAN,
        ...rest,
        lifespan_references: [...PAPER_LIFESPAN.lifespan_references],
        power_references: [ref(power_ref)],
        embodied_references: embodied_refs.map(ref),
        embodied_estimate: embodied_estimate ?? s.embodied_source.startsWith('estimate'),
        source: weakest ? `power: ${s.power_source}; embodied: ${s.embodied_source}` : `${s.power_source}; ${s.embodied_source}`,
        year: Math.max(s.power_year, s.embodied_year),
    };
}
// H100 class: 164 kg central = NVIDIA HGX H100 PCF (1,312 kg per 8-GPU baseboard) ÷ 8. The
// baseboard also carries NVSwitch and board parts, so this allocates them to the GPUs. Low/high:
// published estimates range ≈ 15–463 kg per GPU (literature summarised for this project).
const H100_EMBODIED = { low: 15, central: 164, high: 463 };
const H100_EMBODIED_SRC = 'NVIDIA HGX H100 product carbon footprint (2025): 1,312 kg CO2e per 8-GPU baseboard ÷ 8 = 164 kg; range ≈ 15–463 kg from published estimates';
const H100_REFS = ['nvidia-hgx-h100-pcf', 'textbook-sustainable-ai'];
// A100: 150 kg central (Luccioni et al. 2023, BLOOM). Low/high: the H100 literature spread scaled
// to this central value (an estimate of the range, the central is published).
const A100_EMBODIED = { low: 15, central: 150, high: 420 };
const A100_EMBODIED_SRC = 'Luccioni et al. 2023 (BLOOM, JMLR): 150 kg CO2e per A100; low/high: H100 literature spread scaled (range is our estimate)';
const A100_REFS = ['luccioni-2023-bloom'];
/** Estimate helper: scale the H100 central by a factor (die area + memory), keep a wide range. */
function scaledEstimate(factor, why) {
    const central = Math.round(164 * factor);
    return {
        embodied_kg: { low: Math.max(1, Math.round(central * 0.1)), central, high: Math.round(central * 3) },
        embodied_source: `estimate: no published footprint for this part; the H100 figure (164 kg, NVIDIA HGX H100 PCF ÷ 8) scaled ×${factor} for ${why}; range ÷10 to ×3`,
        embodied_year: 2025,
        embodied_refs: ['nvidia-hgx-h100-pcf'],
        embodied_estimate: true,
    };
}
const HARDWARE = [
    spec({
        model: 'H100-SXM',
        name: 'NVIDIA H100 SXM5 80GB',
        aliases: ['H100', 'H100-SXM5', 'H100-SXM5-80GB', 'H100 SXM', 'H100-80GB', 'NVIDIA H100 80GB HBM3', 'HGX H100', 'DGX H100'],
        power_w: 700,
        power_basis: 'tdp',
        power_low_w: 350,
        power_high_w: 700,
        power_source: 'NVIDIA H100 datasheet: SXM max TDP up to 700 W (also the textbook chapter "Sustainable AI")',
        power_ref: 'nvidia-h100-datasheet',
        power_year: 2023,
        embodied_kg: H100_EMBODIED,
        embodied_source: H100_EMBODIED_SRC,
        embodied_refs: H100_REFS,
        embodied_year: 2025,
    }),
    spec({
        model: 'H100-PCIe',
        name: 'NVIDIA H100 PCIe 80GB',
        aliases: ['H100 PCIe', 'H100-PCIE-80GB', 'NVIDIA H100 PCIe'],
        power_w: 350,
        power_basis: 'tdp',
        power_low_w: 200,
        power_high_w: 350,
        power_source: 'NVIDIA H100 datasheet: PCIe max TDP 300–350 W',
        power_ref: 'nvidia-h100-datasheet',
        power_year: 2023,
        embodied_kg: H100_EMBODIED,
        embodied_source: `estimate: same GH100 die and 80 GB memory as the SXM part; ${H100_EMBODIED_SRC}`,
        embodied_refs: H100_REFS,
        embodied_year: 2025,
    }),
    spec({
        model: 'H100-NVL',
        name: 'NVIDIA H100 NVL 94GB',
        aliases: ['H100 NVL', 'NVIDIA H100 NVL'],
        power_w: 400,
        power_basis: 'tdp',
        power_low_w: 250,
        power_high_w: 400,
        power_source: 'NVIDIA H100 datasheet: NVL max TDP 350–400 W',
        power_ref: 'nvidia-h100-datasheet',
        power_year: 2023,
        ...scaledEstimate(1.1, 'the H100 die with 94 GB instead of 80 GB of HBM'),
    }),
    spec({
        model: 'H200-SXM',
        name: 'NVIDIA H200 SXM 141GB',
        aliases: ['H200', 'H200-SXM-141GB', 'NVIDIA H200'],
        power_w: 700,
        power_basis: 'tdp',
        power_low_w: 350,
        power_high_w: 700,
        power_source: 'NVIDIA H200 datasheet: SXM max TDP up to 700 W',
        power_ref: 'nvidia-h200-datasheet',
        power_year: 2024,
        ...scaledEstimate(1.3, 'the H100 die with 141 GB instead of 80 GB of HBM'),
    }),
    spec({
        model: 'A100-SXM-80GB',
        name: 'NVIDIA A100 SXM4 80GB',
        aliases: ['A100', 'A100-80GB', 'A100-SXM4-80GB', 'NVIDIA A100-SXM4-80GB', 'A100 80GB SXM', 'A100-SXM'],
        power_w: 400,
        power_basis: 'typical_training',
        power_low_w: 250,
        power_high_w: 400,
        power_source: 'NVIDIA A100 datasheet: SXM4 400 W TDP (the textbook chapter "Sustainable AI" uses 400 W at typical training load)',
        power_ref: 'nvidia-a100-datasheet',
        power_year: 2021,
        embodied_kg: A100_EMBODIED,
        embodied_source: A100_EMBODIED_SRC,
        embodied_refs: A100_REFS,
        embodied_year: 2023,
    }),
    spec({
        model: 'A100-SXM-40GB',
        name: 'NVIDIA A100 SXM4 40GB',
        aliases: ['A100-40GB', 'A100-SXM4-40GB', 'NVIDIA A100-SXM4-40GB', 'A100 40GB SXM'],
        power_w: 400,
        power_basis: 'typical_training',
        power_low_w: 250,
        power_high_w: 400,
        power_source: 'NVIDIA A100 datasheet: SXM4 400 W TDP (the textbook chapter "Sustainable AI" uses 400 W at typical training load)',
        power_ref: 'nvidia-a100-datasheet',
        power_year: 2021,
        embodied_kg: A100_EMBODIED,
        embodied_source: `estimate: same GA100 die as the 80 GB part; ${A100_EMBODIED_SRC}`,
        embodied_refs: A100_REFS,
        embodied_year: 2023,
    }),
    spec({
        model: 'A100-PCIe-80GB',
        name: 'NVIDIA A100 PCIe 80GB',
        aliases: ['A100-PCIE-80GB', 'NVIDIA A100 80GB PCIe', 'A100 80GB PCIe'],
        power_w: 300,
        power_basis: 'tdp',
        power_low_w: 200,
        power_high_w: 300,
        power_source: 'NVIDIA A100 datasheet: PCIe 80GB 300 W TDP',
        power_ref: 'nvidia-a100-datasheet',
        power_year: 2021,
        embodied_kg: A100_EMBODIED,
        embodied_source: `estimate: same GA100 die as the SXM part; ${A100_EMBODIED_SRC}`,
        embodied_refs: A100_REFS,
        embodied_year: 2023,
    }),
    spec({
        model: 'A100-PCIe-40GB',
        name: 'NVIDIA A100 PCIe 40GB',
        aliases: ['A100-PCIE-40GB', 'NVIDIA A100-PCIE-40GB', 'A100 40GB PCIe', 'A100-PCIe'],
        power_w: 250,
        power_basis: 'tdp',
        power_low_w: 150,
        power_high_w: 250,
        power_source: 'NVIDIA A100 datasheet: PCIe 40GB 250 W TDP',
        power_ref: 'nvidia-a100-datasheet',
        power_year: 2020,
        embodied_kg: A100_EMBODIED,
        embodied_source: `estimate: same GA100 die as the SXM part; ${A100_EMBODIED_SRC}`,
        embodied_refs: A100_REFS,
        embodied_year: 2023,
    }),
    spec({
        model: 'A10G',
        name: 'NVIDIA A10G 24GB (AWS g5)',
        aliases: ['NVIDIA A10G', 'A10G-24GB'],
        power_w: 300,
        power_basis: 'estimate',
        power_low_w: 150,
        power_high_w: 300,
        power_source: 'estimate: 300 W board power limit as commonly reported by nvidia-smi on AWS g5; the NVIDIA A10 datasheet gives 150 W',
        power_ref: 'nvidia-a10-datasheet',
        power_year: 2022,
        ...scaledEstimate(0.3, 'a GA102 die (~628 mm², vs 814 mm²) with 24 GB GDDR6 instead of 80 GB HBM'),
    }),
    spec({
        model: 'A10',
        name: 'NVIDIA A10 24GB',
        aliases: ['NVIDIA A10', 'A10-24GB'],
        power_w: 150,
        power_basis: 'tdp',
        power_low_w: 100,
        power_high_w: 150,
        power_source: 'NVIDIA A10 datasheet: 150 W max TDP',
        power_ref: 'nvidia-a10-datasheet',
        power_year: 2021,
        ...scaledEstimate(0.3, 'a GA102 die with 24 GB GDDR6 instead of 80 GB HBM'),
    }),
    spec({
        model: 'L4',
        name: 'NVIDIA L4 24GB',
        aliases: ['NVIDIA L4', 'L4-24GB'],
        power_w: 72,
        power_basis: 'tdp',
        power_low_w: 40,
        power_high_w: 72,
        power_source: 'NVIDIA L4 datasheet: 72 W max TDP',
        power_ref: 'nvidia-l4-datasheet',
        power_year: 2023,
        ...scaledEstimate(0.2, 'a small AD104 die (~294 mm²) with 24 GB GDDR6'),
    }),
    spec({
        model: 'L40S',
        name: 'NVIDIA L40S 48GB',
        aliases: ['NVIDIA L40S', 'L40S-48GB'],
        power_w: 350,
        power_basis: 'tdp',
        power_low_w: 200,
        power_high_w: 350,
        power_source: 'NVIDIA L40S datasheet: 350 W max TDP',
        power_ref: 'nvidia-l40s-datasheet',
        power_year: 2023,
        ...scaledEstimate(0.4, 'an AD102 die (~609 mm²) with 48 GB GDDR6'),
    }),
    spec({
        model: 'T4',
        name: 'NVIDIA T4 16GB',
        aliases: ['Tesla T4', 'NVIDIA T4', 'T4-16GB'],
        power_w: 70,
        power_basis: 'tdp',
        power_low_w: 30,
        power_high_w: 70,
        power_source: 'NVIDIA T4 datasheet: 70 W TDP',
        power_ref: 'nvidia-t4-datasheet',
        power_year: 2018,
        ...scaledEstimate(0.15, 'a TU104 die (~545 mm², 12 nm) with 16 GB GDDR6'),
    }),
    spec({
        model: 'V100-SXM2',
        name: 'NVIDIA V100 SXM2',
        aliases: ['V100', 'Tesla V100-SXM2-16GB', 'Tesla V100-SXM2-32GB', 'V100-SXM2-16GB', 'V100-SXM2-32GB', 'V100-32GB', 'V100-16GB'],
        power_w: 300,
        power_basis: 'tdp',
        power_low_w: 200,
        power_high_w: 300,
        power_source: 'NVIDIA V100 datasheet: SXM2 300 W TDP',
        power_ref: 'nvidia-v100-datasheet',
        power_year: 2018,
        ...scaledEstimate(0.6, 'a GV100 die (~815 mm², 12 nm) with 16–32 GB HBM2'),
    }),
    spec({
        model: 'V100-PCIe',
        name: 'NVIDIA V100 PCIe',
        aliases: ['Tesla V100-PCIE-16GB', 'Tesla V100-PCIE-32GB', 'V100-PCIE-16GB', 'V100-PCIE-32GB'],
        power_w: 250,
        power_basis: 'tdp',
        power_low_w: 150,
        power_high_w: 250,
        power_source: 'NVIDIA V100 datasheet: PCIe 250 W TDP',
        power_ref: 'nvidia-v100-datasheet',
        power_year: 2018,
        ...scaledEstimate(0.6, 'a GV100 die (~815 mm², 12 nm) with 16–32 GB HBM2'),
    }),
    spec({
        model: 'RTX-3090',
        name: 'NVIDIA GeForce RTX 3090',
        aliases: ['RTX 3090', 'GeForce RTX 3090', 'NVIDIA GeForce RTX 3090', '3090'],
        power_w: 350,
        power_basis: 'tdp',
        power_low_w: 200,
        power_high_w: 350,
        power_source: 'NVIDIA GeForce RTX 3090 specifications: 350 W total graphics power',
        power_ref: 'nvidia-rtx3090-specs',
        power_year: 2020,
        ...scaledEstimate(0.35, 'a GA102 die (~628 mm²) with 24 GB GDDR6X on a consumer board'),
    }),
    spec({
        model: 'RTX-4090',
        name: 'NVIDIA GeForce RTX 4090',
        aliases: ['RTX 4090', 'GeForce RTX 4090', 'NVIDIA GeForce RTX 4090', '4090'],
        power_w: 450,
        power_basis: 'tdp',
        power_low_w: 250,
        power_high_w: 450,
        power_source: 'NVIDIA GeForce RTX 4090 specifications: 450 W total graphics power',
        power_ref: 'nvidia-rtx4090-specs',
        power_year: 2022,
        ...scaledEstimate(0.35, 'an AD102 die (~609 mm²) with 24 GB GDDR6X on a consumer board'),
    }),
    spec({
        model: 'MI300X',
        name: 'AMD Instinct MI300X 192GB',
        aliases: ['AMD Instinct MI300X', 'Instinct MI300X', 'MI300X-192GB'],
        power_w: 750,
        power_basis: 'tdp',
        power_low_w: 400,
        power_high_w: 750,
        power_source: 'AMD Instinct MI300X datasheet: 750 W peak board power',
        power_ref: 'amd-mi300x-datasheet',
        power_year: 2023,
        ...scaledEstimate(1.6, 'a chiplet package (8 XCDs + 4 IODs) with 192 GB HBM3, 2.4× the H100 memory'),
    }),
    spec({
        model: 'TPU-v4',
        name: 'Google Cloud TPU v4',
        aliases: ['TPU v4', 'TPUv4', 'v4'],
        power_w: 192,
        power_basis: 'estimate',
        power_low_w: 120,
        power_high_w: 250,
        power_source: 'estimate: ~170–192 W per chip as reported in Jouppi et al. 2023 (ISCA, TPU v4); check against your own measurements',
        power_ref: 'jouppi-2023-tpuv4',
        power_year: 2023,
        ...scaledEstimate(0.6, 'a ~600–780 mm² 7 nm die with 32 GB HBM2 (no vendor PCF published)'),
    }),
    spec({
        model: 'TPU-v5e',
        name: 'Google Cloud TPU v5e',
        aliases: ['TPU v5e', 'TPUv5e', 'v5e', 'v5litepod'],
        power_w: 200,
        power_basis: 'estimate',
        power_low_w: 100,
        power_high_w: 300,
        power_source: 'estimate: Google publishes no per-chip power for TPU v5e; 200 W assumed with a wide range (TPU v4 per-chip power from Jouppi et al. 2023 as the nearest published figure)',
        power_ref: 'jouppi-2023-tpuv4',
        power_year: 2024,
        ...scaledEstimate(0.4, 'an inference-oriented chip with 16 GB HBM2 (no vendor PCF published)'),
    }),
];
/** Lower-case, drop vendor words and punctuation: "NVIDIA H100 80GB HBM3" -> "h10080gbhbm3". */
function normaliseModel(s) {
    return s
        .toLowerCase()
        .replace(/\b(nvidia|amd|google|cloud|tesla|geforce|instinct|gpu|tensor core)\b/g, '')
        .replace(/[^a-z0-9]/g, '');
}
const INDEX = (() => {
    const m = new Map();
    for (const h of HARDWARE) {
        for (const name of [h.model, h.name, ...h.aliases]) {
            const k = normaliseModel(name);
            if (!m.has(k))
                m.set(k, h);
        }
    }
    return m;
})();
// Memory-type suffixes nvidia-smi appends ("80GB HBM3"): tried without them as a second chance.
const MEMORY_SUFFIX = /(hbm3e|hbm3|hbm2e|hbm2|gddr6x|gddr6)$/;
/** The bundled spec for a model name or alias (case, spaces, vendor words ignored), or null. */
function lookupHardware(model) {
    const k = normaliseModel(model);
    if (k === '')
        return null;
    return INDEX.get(k) ?? INDEX.get(k.replace(MEMORY_SUFFIX, '')) ?? null;
}
/** Canonical models, for did-you-mean hints and docs. */
const HARDWARE_MODELS = HARDWARE.map((h) => h.model);
/**
 * Embodied carbon of the host server around the accelerators (CPUs, memory, storage, chassis,
 * network cards; accelerators excluded), per server, for `hardware.host_embodied_kg` defaults.
 */
object({
    /** Platform id, e.g. `8-GPU-A100`. */
    platform: string(),
    name: string(),
    /** Accelerator models (canonical ids) this server figure applies to. */
    models: array(string()),
    devices_per_host: number().int().positive(),
    host_embodied_kg: Range,
    source: string(),
    year: number().int(),
    estimate: boolean(),
    references: array(Reference),
});
// Luccioni et al. 2023 (BLOOM): 2,500 kg CO2e per server node (HPE Apollo 6500 Gen10 Plus with
// 8 A100 GPUs), GPUs counted apart at 150 kg each. No host-only figure is published for HGX/DGX
// H100 or H200 servers (NVIDIA's HGX H100 PCF covers the GPU baseboard, not the host), so those
// reuse the BLOOM server figure as an estimate of the same server class. The range (÷2 to ×2) is
// our estimate around a single published figure.
const BLOOM_SERVER = { low: 1250, central: 2500, high: 5000 };
const HOST_EMBODIED = [
    {
        platform: '8-GPU-A100',
        name: '8-GPU A100 server (HGX/DGX A100 class; BLOOM: HPE Apollo 6500 Gen10 Plus)',
        models: ['A100-SXM-80GB', 'A100-SXM-40GB'],
        devices_per_host: 8,
        host_embodied_kg: BLOOM_SERVER,
        source: 'Luccioni et al. 2023 (BLOOM, JMLR): 2,500 kg CO2e per 8-GPU server node, GPUs excluded; range ÷2 to ×2 (our estimate)',
        year: 2023,
        estimate: false,
        references: [ref('luccioni-2023-bloom')],
    },
    {
        platform: '8-GPU-H100',
        name: '8-GPU H100/H200 server (HGX/DGX H100 or H200 class)',
        models: ['H100-SXM', 'H200-SXM'],
        devices_per_host: 8,
        host_embodied_kg: BLOOM_SERVER,
        source: 'estimate: no host-only footprint is published for HGX/DGX H100 or H200 servers (the NVIDIA HGX H100 PCF covers the GPU baseboard); the BLOOM 8-GPU server figure (Luccioni et al. 2023, 2,500 kg CO2e, GPUs excluded) is used for the same server class; range ÷2 to ×2',
        year: 2023,
        estimate: true,
        references: [ref('luccioni-2023-bloom'), ref('nvidia-hgx-h100-pcf')],
    },
];
/** The host (server) embodied default for an accelerator model, or null when none is published. */
function lookupHostEmbodied(model) {
    const spec = lookupHardware(model);
    const id = spec?.model ?? model;
    return HOST_EMBODIED.find((h) => h.models.includes(id)) ?? null;
}

// How uncertain logged energy is, by how it was measured: the relative half-width of the range
// the interpretation propagates (lca/interpret/measurement.ts), each figure with where it comes
// from. A reader can open every source (src/data/sources.ts); none is a dataset we bundle, only
// a published number.
const MEASUREMENT_UNCERTAINTY = {
    /**
     * NVIDIA's on-board power sensor, read as power samples (nvidia-smi, DCGM's power gauge) or as
     * the total-energy counter (NVML, DCGM, Zeus), which integrates the same sensor. NVIDIA states
     * ±5 % for the readings (documented for Fermi and Kepler; no figure is published for later
     * generations, so the documented one is used for all).
     */
    gpu_sensor: {
        rel: 0.05,
        source: 'NVIDIA Management Library (NVML) API reference, nvmlDeviceGetPowerUsage: "the reading is accurate to within +/- 5% of current power draw" (stated for Fermi and Kepler; NVIDIA publishes no figure for later GPUs)',
        references: [ref('nvml-api')],
    },
    /**
     * Software estimates of a whole host's energy (CodeCarbon, eco2ai: GPU from NVML, CPU from RAPL
     * or a TDP model, RAM from a per-GB constant), compared with an external meter.
     */
    software_estimate: {
        rel: 0.4,
        source: 'R. Fischer, "Ground-Truthing AI Energy Consumption: Validating CodeCarbon Against External Measurements", arXiv:2509.22092 (2025): estimation errors of up to 40 % against ground-truth measurements',
        references: [ref('fischer-2025-codecarbon')],
    },
    /**
     * hours × count × power from a rated power (TDP) when the hardware data carries no power range:
     * AI training on 8-GPU H100 nodes drew 76 % of the rated TDP, and TDP-based estimates erred by
     * 27–37 %; the upper figure is used.
     */
    rated_power_estimate: {
        rel: 0.37,
        source: '"Empirically-Calibrated H100 Node Power Models for Reducing Uncertainty in AI Training Energy Estimation", arXiv:2506.14551 (2025): TDP-based estimates of training energy erred by 27–37 % (measured draw ≈ 76 % of TDP)',
        references: [ref('h100-node-power-2025')],
    },
    /**
     * Sampled power: the scatter of the samples about their mean adds a Type A standard uncertainty
     * u = s / (mean × √n) of the mean power, taken at coverage k = 2 (about 95 %). Samples are
     * correlated in time, so this is a floor; aliasing of a periodic load with the sensor's own
     * sampling (on A100 and H100 only about 25 % of the runtime is sampled: Yang, Adamek and Armour,
     * SC24) is not covered by any published figure and is not added.
     */
    sampling: {
        references: [ref('jcgm-100-2008'), ref('yang-2024-gpu-power-sensor')],
    },
};
/** Coverage factor for Type A terms (GUM: k = 2, about 95 % for a normal distribution). */
const COVERAGE_K = 2;

export { COVERAGE_K as C, FACILITY_DEFAULTS as F, GRID_REGIONS as G, HARDWARE as H, MEASUREMENT_UNCERTAINTY as M, HOST_EMBODIED as a, lookupHardware as b, HARDWARE_MODELS as c, lookupHostEmbodied as d, HOURS_PER_YEAR as e, gridTable as g, lookupGrid as l, normaliseModel as n };
