import path from 'node:path';
import { I as InputError, j as jsonSyntaxProblem, b as fromZodError } from './errors.js';
import { c as containedPath } from './io.js';
import { o as object, s as string, n as number, l as literal, _ as _enum, b as boolean } from './schemas.js';

// Power samples and energy counters to energy, per device, as rows arrive (O(1) memory per
// device). Trapezoid rule (domain.md, "Integrating power logs"; the textbook chapter "Sustainable AI"):
//   E_J = Σ (P_i + P_{i+1}) / 2 × (t_{i+1} − t_i)
//
// Gaps. An interval longer than the gap threshold is not bridged: the logger was down, and
// drawing a straight line across it would invent energy. Default threshold:
//   max(60 s, 5 × the median interval of the device's first 32 intervals)
// (so a 1 s log breaks on a 60 s hole, a 30 s log on a 150 s hole); `gapThreshold_s` overrides.
// Each unbridged gap is counted and reported with its length.
//
// Order. Samples are expected in time order per device, oldest first or (a log written newest
// first, or reversed with `tac`) newest first: a run's first step sets its direction and the
// trapezoid rule is the same either way. A step against the run's direction (logs concatenated
// out of order) starts a new run; runs are integrated apart and summed, and overlapping runs are
// reported (they may double count).
//
// Counters (DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION, mJ since driver load) are differenced; a value
// below the previous one is a reset (driver reload, GPU reset): the energy since the reset is the
// new value itself.
const MEDIAN_WINDOW = 32;
const MIN_GAP_S = 60;
const GAP_MEDIAN_FACTOR = 5;
class PowerSeries {
    energyJ = 0;
    samples = 0;
    gaps = 0;
    gapSeconds = 0;
    longestGap = null;
    /** Same timestamp and same value as the previous sample: a duplicated row. */
    duplicates = 0;
    /** Same timestamp, different value. */
    sameTimestamp = 0;
    outOfOrder = 0;
    /** Runs whose timestamps go backwards (newest first), integrated in that order. */
    descendingRuns = 0;
    /** Seconds actually integrated (bridged intervals); 0 with samples means nothing was integrable. */
    coveredS = 0;
    first = Number.POSITIVE_INFINITY;
    last = Number.NEGATIVE_INFINITY;
    runs = [];
    /** Median of the first intervals (s), 0 until known: the log's sampling interval. */
    medianInterval = 0;
    threshold;
    fixedThreshold;
    warm = [];
    lastT = Number.NaN;
    lastW = 0;
    runStart = Number.NaN;
    /** Direction of the current run: +1 oldest first, -1 newest first, 0 not yet known. */
    dir = 0;
    constructor(gapThreshold_s) {
        this.fixedThreshold = gapThreshold_s !== undefined;
        this.threshold = gapThreshold_s ?? MIN_GAP_S;
    }
    add(t, w) {
        this.samples++;
        if (t < this.first)
            this.first = t;
        if (t > this.last)
            this.last = t;
        if (this.warm !== null) {
            // Hold the first samples until the median interval is known, then replay them.
            this.warm.push(t, w);
            if (this.warm.length >= 2 * (MEDIAN_WINDOW + 1))
                this.settle();
            return;
        }
        this.step(t, w);
    }
    /** Call once at the end. */
    finish() {
        if (this.warm !== null)
            this.settle();
        if (!Number.isNaN(this.runStart))
            this.closeRun();
        this.runStart = Number.NaN;
    }
    closeRun() {
        if (this.dir < 0)
            this.descendingRuns++;
        this.runs.push({ start: Math.min(this.runStart, this.lastT), end: Math.max(this.runStart, this.lastT) });
    }
    settle() {
        const buf = this.warm ?? [];
        this.warm = null;
        const dts = [];
        for (let i = 2; i < buf.length; i += 2) {
            const dt = Math.abs((buf[i] ?? 0) - (buf[i - 2] ?? 0));
            if (dt > 0)
                dts.push(dt);
        }
        dts.sort((a, b) => a - b);
        const median = dts.length ? (dts[(dts.length - 1) >> 1] ?? 0) : 0;
        this.medianInterval = median;
        // A threshold given by the caller stays; the warm-up still measures the interval.
        if (!this.fixedThreshold)
            this.threshold = Math.max(MIN_GAP_S, GAP_MEDIAN_FACTOR * median);
        for (let i = 0; i < buf.length; i += 2)
            this.step(buf[i] ?? 0, buf[i + 1] ?? 0);
    }
    step(t, w) {
        if (Number.isNaN(this.lastT)) {
            this.runStart = t;
            this.lastT = t;
            this.lastW = w;
            this.dir = 0;
            return;
        }
        const dt = t - this.lastT;
        if (dt === 0) {
            if (w === this.lastW)
                this.duplicates++;
            else
                this.sameTimestamp++;
        }
        else {
            const d = dt > 0 ? 1 : -1;
            if (this.dir === 0)
                this.dir = d;
            if (d === this.dir) {
                const span = Math.abs(dt);
                if (span > this.threshold) {
                    this.gaps++;
                    this.gapSeconds += span;
                    if (this.longestGap === null || span > this.longestGap.length)
                        this.longestGap = { at: Math.min(this.lastT, t), length: span };
                }
                else {
                    this.energyJ += ((w + this.lastW) / 2) * span;
                    this.coveredS += span;
                }
            }
            else {
                this.outOfOrder++;
                this.closeRun();
                this.runStart = t;
                this.dir = 0;
            }
        }
        this.lastT = t;
        this.lastW = w;
    }
    /** Pairs of runs that cover the same time (concatenated logs of one period). */
    overlappingRuns() {
        const r = [...this.runs].sort((a, b) => a.start - b.start);
        let n = 0;
        for (let i = 1; i < r.length; i++)
            if ((r[i]?.start ?? 0) < (r[i - 1]?.end ?? 0))
                n++;
        return n;
    }
}
class CounterSeries {
    energyJ = 0;
    samples = 0;
    resets = 0;
    first = Number.POSITIVE_INFINITY;
    last = Number.NEGATIVE_INFINITY;
    prev = Number.NaN;
    add(t, j) {
        this.samples++;
        if (t !== null) {
            if (t < this.first)
                this.first = t;
            if (t > this.last)
                this.last = t;
        }
        if (Number.isNaN(this.prev)) {
            this.prev = j;
            return;
        }
        const d = j - this.prev;
        if (d >= 0)
            this.energyJ += d;
        else {
            this.resets++;
            this.energyJ += j;
        }
        this.prev = j;
    }
}

// Is a logged power plausible for the device that logged it? Board power limits (TDP) of the
// accelerators seen in ML logs, matched on the device name as nvidia-smi / DCGM print it or on
// the scenario's hardware model. Values: vendor datasheets (NVIDIA H100/H200/A100/V100/L4/L40S/T4/
// A10/A10G/B200 product briefs; AMD MI250X/MI300X). Only used to flag data, never to compute energy.
const TDP_W = [
    [/gb200/i, 2700],
    [/b200/i, 1000],
    [/h200/i, 700],
    [/h100.*(pcie|nvl)|h100.*pci/i, 400],
    [/h100|gh200/i, 700],
    [/a100.*pcie/i, 300],
    [/a100/i, 400],
    [/v100/i, 300],
    [/l40s?/i, 350],
    [/a10g/i, 300],
    [/\ba10\b/i, 150],
    [/\bl4\b/i, 72],
    [/\bt4\b/i, 70],
    [/a6000|rtx 6000/i, 300],
    [/4090/i, 450],
    [/3090/i, 350],
    [/mi300x/i, 750],
    [/mi250/i, 560],
];
/** Largest board power any single accelerator draws today; the bound when the model is unknown. */
const ANY_DEVICE_MAX_W = 3000;
/** TDP in W for a device name or hardware model, or null when we do not know it. */
function tdpOf(name) {
    if (!name)
        return null;
    for (const [re, w] of TDP_W)
        if (re.test(name))
            return w;
    return null;
}
/** Below this mean power a GPU is off, not idle (idle draw is well above 2 % of TDP); 1 W when the model is unknown. */
const IDLE_FLOOR_SHARE = 0.02;
const ANY_DEVICE_MIN_W = 1;
/**
 * The mean power a device can plausibly have drawn over a log: from 2 % of TDP (below any idle
 * draw) to 1.5 × TDP; 1–3,000 W when the model is unknown. Used to decide how a column's unit
 * reads (builder.ts), never to compute energy.
 */
function plausibleMeanW(name) {
    const tdp = tdpOf(name);
    if (tdp !== null)
        return { low: IDLE_FLOOR_SHARE * tdp, high: 1.5 * tdp, known: true, label: `${name} (TDP ${tdp} W)` };
    return { low: ANY_DEVICE_MIN_W, high: ANY_DEVICE_MAX_W, known: false, label: 'an accelerator of unknown model' };
}
/** Above this a sample is implausible: 1.5 × TDP, or the absolute bound when TDP is unknown. */
function implausibleAboveW(name) {
    const tdp = tdpOf(name);
    if (tdp !== null)
        return { limit: 1.5 * tdp, basis: `1.5 × TDP ${tdp} W of ${name}` };
    return { limit: ANY_DEVICE_MAX_W, basis: `${ANY_DEVICE_MAX_W} W, more than any single accelerator draws` };
}

// Timestamps as the tools write them, to epoch seconds (a double). One rule for every format:
//  - `2024/10/13 03:33:31.779` (nvidia-smi) and ISO `2024-10-13[T ]03:33:31[.f][Z|±hh:mm]`:
//    a time without an offset is read as UTC (nvidia-smi writes local time with no zone; energy
//    only needs differences, and start/end are then labelled UTC: documented in the README);
//  - a bare number is epoch time: seconds below 1e11, milliseconds below 1e14, microseconds below
//    1e17, else nanoseconds (Prometheus exposition uses ms; nvidia-smi scripts often `date +%s.%N`);
//  - `03/04/2024 10:00:00` is ambiguous: day/month order is taken from the first row of the file
//    where one part is > 12; before that (or never) month/day (US order), and the caller warns.
const newDateOrder = () => ({ order: null, ambiguous: null });
const ISO_RE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;
const SLASH_RE = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;
const NUM_RE = /^[+]?\d+(?:\.\d+)?(?:[eE][+]?\d+)?$/;
function fracSeconds(frac) {
    if (!frac)
        return 0;
    return Number(`0.${frac}`);
}
function offsetSeconds(z) {
    if (!z || /^(z|utc)$/i.test(z))
        return 0;
    const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
    if (!m)
        return 0;
    const s = (Number(m[2]) * 3600 + Number(m[3]) * 60) * (m[1] === '-' ? -1 : 1);
    return s;
}
/**
 * The range of a JavaScript Date (±8.64e15 ms). A timestamp beyond it is corrupt, and it
 * cannot be written as ISO 8601 ("Invalid time value"): parsers reject such rows.
 */
const MAX_ABS_EPOCH_S = 8.64e12;
/** Whether `t` (epoch seconds) is a time a Date can hold. */
function validEpoch(t) {
    return Number.isFinite(t) && Math.abs(t) <= MAX_ABS_EPOCH_S;
}
function build(y, mo, d, h, mi, s, frac, off) {
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60)
        return null;
    const t = Date.UTC(y, mo - 1, d, h, mi, s) / 1000 + frac - off;
    return validEpoch(t) ? t : null;
}
/** Epoch seconds from a number that may be s, ms, µs or ns since the epoch. */
function epochToSeconds(v) {
    if (v < 1e11)
        return v;
    if (v < 1e14)
        return v / 1e3;
    if (v < 1e17)
        return v / 1e6;
    return v / 1e9;
}
/** Parse one timestamp cell; null when it is not a timestamp we recognise. */
function parseTimestamp(text, dates = newDateOrder()) {
    const s = text.trim().replace(/^"|"$/g, '');
    if (s === '')
        return null;
    if (NUM_RE.test(s)) {
        const v = Number(s);
        if (!(Number.isFinite(v) && v > 1e8))
            return null;
        const t = epochToSeconds(v);
        return validEpoch(t) ? t : null;
    }
    let m = ISO_RE.exec(s);
    if (m) {
        return build(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), fracSeconds(m[7]), offsetSeconds(m[8]));
    }
    m = SLASH_RE.exec(s);
    if (m) {
        const a = Number(m[1]);
        const b = Number(m[2]);
        if (a > 12 && b <= 12)
            dates.order ??= 'dmy';
        else if (b > 12 && a <= 12)
            dates.order ??= 'mdy';
        else if (a !== b && dates.order === null)
            dates.ambiguous ??= s;
        const order = dates.order ?? 'mdy';
        const [mo, d] = order === 'mdy' ? [a, b] : [b, a];
        return build(Number(m[3]), mo, d, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), fracSeconds(m[7]), offsetSeconds(m[8]));
    }
    return null;
}
/** Epoch seconds to ISO 8601 (UTC, millisecond precision). */
function isoOf(t) {
    return new Date(Math.round(t * 1000)).toISOString();
}
/** Seconds of day from `HH:MM:SS` (nvidia-smi dmon `-o T`), or null. */
function parseTimeOfDay(s) {
    const m = /^(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d+))?$/.exec(s.trim());
    if (!m)
        return null;
    return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + fracSeconds(m[4]);
}
/** `20241013` (dmon `-o D`) to epoch seconds of midnight UTC, or null. */
function parseCompactDate(s) {
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s.trim());
    if (!m)
        return null;
    return build(Number(m[1]), Number(m[2]), Number(m[3]), 0, 0, 0, 0, 0);
}
/** Epoch seconds start here (1973): a smaller plain number in a time column is not an epoch time. */
const EPOCH_MIN_S = 1e8;
/**
 * A time column read as absolute (dates, epoch numbers) or relative (seconds since the log
 * began: `sec`, `elapsed_s`, `t`, or a `time` column whose first value is a small number such as
 * `0.0`). The header decides when its name says relative; otherwise the first value does, for
 * the whole file, so a stray small number in an absolute log is rejected rather than mixed in.
 */
class TimeColumn {
    scale;
    /** null until the first value decides; true: relative seconds (× scale); false: absolute. */
    relative;
    constructor(
    /** Seconds per unit of the column (`elapsed_ms`: 0.001). */
    scale = 1, relativeByName = false) {
        this.scale = scale;
        this.relative = relativeByName ? true : null;
    }
    /** Seconds (epoch or since the start) from a plain number, or null when it cannot be one. */
    fromNumber(v) {
        if (!(v >= 0) || !Number.isFinite(v))
            return null;
        this.relative ??= v * this.scale < EPOCH_MIN_S;
        if (this.relative)
            return v * this.scale;
        if (v * this.scale < EPOCH_MIN_S)
            return null;
        // Beyond a Date's range (1e308) the time is corrupt: the row is rejected, never integrated.
        const t = epochToSeconds(v);
        return validEpoch(t) ? t : null;
    }
    /** Seconds from a cell's text: a plain number as fromNumber, else a date (absolute only). */
    fromText(text, dates) {
        const s = text.trim().replace(/^"|"$/g, '');
        if (NUM_RE.test(s))
            return this.fromNumber(Number(s));
        if (this.relative === true)
            return null;
        const t = parseTimestamp(s, dates);
        if (t !== null)
            this.relative = false;
        return t;
    }
}

// The one place units are normalised (style.md §7). Parsers find a unit (in a header such as
// `power.draw [W]`, `power_consumption(kWh)`, `energy_mj`, `elapsed_s`, or after a value such
// as `312.45 W`) and ask here how it reads: watts for power, joules for energy, kilograms for
// mass, seconds for time. Parsers never multiply by 1000 inline.
//
// Case matters, as in SI: `mW` is a milliwatt and `MW` a megawatt, `mWh` and `MWh` likewise,
// `mJ` and `MJ`. A unit whose case does not decide (`mw`, `mwh`, `mj`, or `MW` in a header
// written all in capitals, where every letter is upper case anyway) is *ambiguous*: readUnit
// returns every reading, the SI one for the letters as written first (lower-case m = milli).
// The caller decides between them by what is plausible for the device (builder.ts) and says so.
const r = (symbol, factor, name) => ({ symbol, factor, name });
/** Symbols, case as SI writes them. The canonical units: W, J, kg, s. */
const SYMBOLS = {
    power: [r('W', 1, 'watts'), r('mW', 1e-3, 'milliwatts'), r('kW', 1e3, 'kilowatts'), r('MW', 1e6, 'megawatts')],
    energy: [
        r('J', 1, 'joules'),
        r('mJ', 1e-3, 'millijoules'),
        r('kJ', 1e3, 'kilojoules'),
        r('MJ', 1e6, 'megajoules'),
        r('Wh', 3600, 'watt-hours'),
        r('mWh', 3.6, 'milliwatt-hours'),
        r('kWh', 3.6e6, 'kilowatt-hours'),
        r('MWh', 3.6e9, 'megawatt-hours'),
    ],
    mass: [r('g', 1e-3, 'grams'), r('kg', 1, 'kilograms'), r('t', 1e3, 'tonnes')],
    time: [
        r('s', 1, 'seconds'),
        r('ms', 1e-3, 'milliseconds'),
        r('us', 1e-6, 'microseconds'),
        r('µs', 1e-6, 'microseconds'),
        r('ns', 1e-9, 'nanoseconds'),
        r('min', 60, 'minutes'),
        r('h', 3600, 'hours'),
    ],
};
/** Spelled-out units (any case): their symbol. */
const WORDS = {
    power: { watt: 'W', watts: 'W', milliwatt: 'mW', milliwatts: 'mW', kilowatt: 'kW', kilowatts: 'kW', megawatt: 'MW', megawatts: 'MW' },
    energy: { joule: 'J', joules: 'J', millijoule: 'mJ', millijoules: 'mJ', kilojoule: 'kJ', kilojoules: 'kJ', megajoule: 'MJ', megajoules: 'MJ' },
    mass: { gram: 'g', grams: 'g', kilogram: 'kg', kilograms: 'kg', tonne: 't', tonnes: 't' },
    time: {
        sec: 's',
        secs: 's',
        second: 's',
        seconds: 's',
        msec: 'ms',
        millisecond: 'ms',
        milliseconds: 'ms',
        minute: 'min',
        minutes: 'min',
        hour: 'h',
        hours: 'h',
    },
};
/**
 * How a unit reads. `caseKnown` is false where the writer's case says nothing (a header all in
 * capitals: `POWER_MW`); then `MW` is as ambiguous as `mw`. Null for a unit not of quantity `q`.
 */
function readUnit(unit, q, caseKnown = true) {
    const u = unit.trim();
    if (u === '')
        return null;
    const lower = u.toLowerCase();
    const word = WORDS[q][lower];
    const symbols = SYMBOLS[q];
    if (word !== undefined)
        return { readings: symbols.filter((s) => s.symbol === word), ambiguous: false };
    const exact = symbols.find((s) => s.symbol === u);
    const sameLetters = symbols.filter((s) => s.symbol.toLowerCase() === lower);
    if (exact && (caseKnown || sameLetters.length === 1))
        return { readings: [exact], ambiguous: false };
    if (sameLetters.length === 0)
        return null;
    // SI first: the prefix as a lower-case letter reads milli (m), as written in capitals mega (M).
    const readings = [...sameLetters].sort((a, b) => siRank(a.symbol) - siRank(b.symbol));
    return { readings, ambiguous: readings.length > 1 };
}
/** Lower-case prefixes (milli) before upper-case ones (mega): the SI reading of lower-case text. */
function siRank(symbol) {
    return symbol.startsWith('M') ? 1 : 0;
}
/** Factor to the canonical unit of `q` (W, J, kg, s) of the first reading, or null when unknown. */
function unitFactor(unit, q) {
    return readUnit(unit, q)?.readings[0]?.factor ?? null;
}
/** The quantity a unit string measures, if it is one we know. */
function quantityOf(unit) {
    for (const q of ['power', 'energy', 'mass', 'time'])
        if (readUnit(unit, q) !== null)
            return q;
    return null;
}
/**
 * Split a header cell into its name and unit: `power.draw [W]`, `power (W)`,
 * `power_consumption(kWh)`, `power_w`, `energy_mj`, `elapsed_s`, `gpu0_energy`.
 * A `_w`-style suffix counts as a unit only when it is one we know.
 */
function splitHeaderUnit(header) {
    const h = header.trim();
    const caseKnown = /[a-z]/.test(h);
    const bracket = /^(.*?)\s*[[(]\s*([A-Za-zµ%/ ]+?)\s*[\])]\s*$/.exec(h);
    if (bracket?.[1] !== undefined && bracket[2] !== undefined) {
        return { base: bracket[1].trim().toLowerCase(), unit: bracket[2], caseKnown };
    }
    const suffix = /^(.*?)[_.-]([A-Za-zµ]+)$/.exec(h);
    if (suffix?.[1] && suffix[2] && quantityOf(suffix[2]) !== null && suffix[1].length > 0) {
        return { base: suffix[1].toLowerCase(), unit: suffix[2], caseKnown };
    }
    return { base: h.toLowerCase(), unit: null, caseKnown };
}
const J_PER_KWH = 3.6e6;
const jToKwh = (j) => j / J_PER_KWH;
/** The readings of a power column without a unit in its header: watts first (what loggers write). */
const UNITLESS_POWER = [SYMBOLS.power[0], SYMBOLS.power[1], SYMBOLS.power[2]];
/** The reading a mislabelled `_w` column is most often really in (domain.md: milliwatts in a `_w` column). */
const MILLIWATTS = SYMBOLS.power[1];
/** Joules and millijoules: the two units energy counters count in (NVML and DCGM count mJ). */
const JOULES = SYMBOLS.energy[0];
const MILLIJOULES = SYMBOLS.energy[1];

const MAX_WARNINGS = 40;
const fmt$1 = (x, d = 3) => (Number.isInteger(x) ? String(x) : x.toPrecision(d));
/**
 * A power in warnings: whole watts with separators from 100 W up, else 3 significant digits.
 * Grouped by hand: toLocaleString would load ICU's locale data (~7 MB RSS) for every log read.
 */
const watts = (x) => (Math.abs(x) >= 100 ? String(Math.round(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : Number(x.toPrecision(3)).toString());
const FIX_NO_TIMESTAMPS = "set the stage's interval_s to the logging interval in seconds (ml-lca ingest: --interval), or log timestamps: nvidia-smi --query-gpu=timestamp,index,power.draw --format=csv -l 1";
class DeviceAcc {
    id;
    src;
    power;
    counter = new CounterSeries();
    /** Energy logged directly (per window or per run), J. */
    directJ = 0;
    directRecords = 0;
    /** Samples without a timestamp (placed at index × interval_s when one is given). */
    untimed = 0;
    /** Of those, samples with a value (reported when no interval is given). */
    untimedValid = 0;
    na = 0;
    negative = 0;
    /** Values that parsed as ±Infinity (1e999): rejected, never integrated. */
    infinite = 0;
    over = 0;
    maxW = 0;
    /** Sum and sum of squares of the valid power values, for the Type A uncertainty of their mean. */
    sumW = 0;
    sumW2 = 0;
    nW = 0;
    /** How finish() derived the energy (null: none). */
    method = null;
    /** First and last timestamp of energy records (per-row energy), for their mean power. */
    energyFirst = Number.POSITIVE_INFINITY;
    energyLast = Number.NEGATIVE_INFINITY;
    /** Factor from the unit applied as rows arrived to the one the values decided (builder decideUnits). */
    powerScale = 1;
    counterScale = 1;
    directScale = 1;
    /** Header of the power column, named in warnings. */
    powerColumn = null;
    name;
    host;
    /** What the device is, when the log says (ml-lca measure channels). */
    kind;
    limit;
    basis;
    constructor(id, meta, src) {
        this.id = id;
        this.src = src;
        this.name = meta.name ?? null;
        this.host = meta.host ?? null;
        this.power = new PowerSeries(src.opts.gapThreshold_s);
        // The device name as logged is more specific than the scenario's hardware model.
        const p = implausibleAboveW(this.name ?? src.opts.hardwareModel);
        this.limit = p.limit;
        this.basis = p.basis;
    }
    /** A power sample in W; `t` epoch seconds or null when the log has no timestamps. */
    addPower(t, w) {
        // Without timestamps a sample's time is its position: a missing value still takes its slot.
        const slot = t === null ? this.untimed++ : 0;
        if (!(w >= 0 && w < Number.POSITIVE_INFINITY)) {
            this.rejectValue(w);
            return;
        }
        if (w > this.limit)
            this.over++;
        if (w > this.maxW)
            this.maxW = w;
        this.sumW += w;
        this.sumW2 += w * w;
        this.nW++;
        if (t === null) {
            const iv = this.src.opts.interval_s;
            if (iv === undefined) {
                this.untimedValid++;
                return;
            }
            t = slot * iv;
        }
        else
            this.src.seen(t);
        this.power.add(t, w);
    }
    /** A reading of a cumulative energy counter, J. */
    addCounter(t, j) {
        if (!(j >= 0 && j < Number.POSITIVE_INFINITY)) {
            this.rejectValue(j);
            return;
        }
        if (t !== null)
            this.src.seen(t);
        this.counter.add(t, j);
    }
    rejectValue(v) {
        if (Number.isNaN(v))
            this.na++;
        else if (v === Number.POSITIVE_INFINITY)
            this.infinite++;
        else
            this.negative++;
    }
    /** Energy of one window or run as logged, J; `t` the row's time when it has one. */
    addEnergy(j, t = null) {
        this.directJ += j;
        this.directRecords++;
        if (t !== null) {
            if (t < this.energyFirst)
                this.energyFirst = t;
            if (t > this.energyLast)
                this.energyLast = t;
        }
    }
    /**
     * Mean power (W, at the unit read so far) the device's values of `kind` imply, or null when
     * they span no time: integrated power over the seconds bridged; a counter's increase over its
     * span; per-row energies over their span (n rows stamped over a span cover about n intervals
     * of span / (n − 1)). Power samples without any span (no timestamps) give their largest value.
     */
    meanW(kind) {
        if (kind === 'power') {
            if (this.power.coveredS > 0)
                return { w: this.power.energyJ / this.power.coveredS, peak: false };
            return this.power.samples > 0 || this.untimedValid > 0 ? { w: this.maxW, peak: true } : null;
        }
        if (kind === 'counter') {
            const span = this.counter.last - this.counter.first;
            return this.counter.samples >= 2 && span > 0 ? { w: this.counter.energyJ / span, peak: false } : null;
        }
        const n = this.directRecords;
        const span = this.energyLast - this.energyFirst;
        return n >= 2 && span > 0 ? { w: (this.directJ * (n - 1)) / n / span, peak: false } : null;
    }
    /**
     * GUM Type A relative standard uncertainty of the mean power: s / (mean × √n) over the valid
     * samples (unit-free, so the unit decided later does not matter); null under two samples.
     */
    samplingRelU() {
        const n = this.nW;
        if (n < 2 || !(this.sumW > 0))
            return null;
        const mean = this.sumW / n;
        const variance = Math.max(0, (this.sumW2 - n * mean * mean) / (n - 1));
        return Math.sqrt(variance / n) / mean;
    }
    /** The plausible mean power of this device (plausibility.ts). */
    plausible() {
        return plausibleMeanW(this.name ?? this.src.opts.hardwareModel);
    }
    /**
     * Energy in J, or null when it cannot be derived honestly (then `problem` says why and how to
     * fix it: the stage this file feeds is incomplete); appends warnings.
     */
    finish(warn) {
        const d = `device ${this.id}`;
        if (this.na > 0)
            warn(`${d}: ${this.na} values not available ([N/A] or empty) skipped`);
        if (this.negative > 0)
            warn(`${d}: ${this.negative} negative values rejected`);
        if (this.infinite > 0)
            warn(`${d}: ${this.infinite} infinite values (overflowing numbers) rejected`);
        const p = this.power;
        p.finish();
        let energyJ = null;
        let samples = this.directRecords;
        if (this.counter.samples >= 2) {
            this.method = 'energy_counter';
            energyJ = this.counter.energyJ * this.counterScale;
            samples = this.counter.samples;
            if (this.counter.resets > 0)
                warn(`${d}: energy counter reset ${this.counter.resets} time(s); counted from zero after each reset`);
            if (p.samples > 0)
                warn(`${d}: energy taken from the energy counter; ${p.samples} power samples not integrated`);
        }
        else if (p.samples > 0 || this.untimedValid > 0) {
            samples = Math.max(p.samples, this.untimedValid);
            if (this.untimedValid > 0 && this.src.opts.interval_s === undefined) {
                warn(`${d}: ${this.untimedValid} power samples have no timestamp; pass --interval SECONDS (or the stage's interval_s) to integrate them; energy_kwh is null`);
                return {
                    energyJ: null,
                    samples,
                    problem: {
                        code: 'no_timestamps',
                        reason: `${d}: ${this.untimedValid} power samples have no timestamp, so they cannot be integrated over time`,
                        fix: FIX_NO_TIMESTAMPS,
                    },
                };
            }
            if (p.samples === 1) {
                warn(`${d}: a single power sample cannot be integrated; energy_kwh is null`);
                return {
                    energyJ: null,
                    samples,
                    problem: {
                        code: 'single_sample',
                        reason: `${d}: a single power sample, so there is no interval to integrate`,
                        fix: 'log power for the whole run (at least two samples), e.g. start nvidia-smi -l 1 before the workload and stop it after',
                    },
                };
            }
            if (p.coveredS === 0) {
                // Samples, but no interval between them that can be integrated: the energy is unknown, not 0.
                const allSame = p.duplicates + p.sameTimestamp === p.samples - 1;
                warn(`${d}: ${p.samples} power samples but no time between them that can be integrated; energy_kwh is null`);
                return {
                    energyJ: null,
                    samples,
                    problem: allSame
                        ? {
                            code: 'no_elapsed_time',
                            reason: `${d}: all ${p.samples} power samples share one timestamp, so no time passes between them`,
                            fix: "check the timestamp column (it does not advance); if the log has no real timestamps, remove the column and set the stage's interval_s",
                        }
                        : {
                            code: 'no_elapsed_time',
                            reason: `${d}: ${p.samples} power samples with no interval that can be integrated (every step is a repeated time, a jump back in time or a gap longer than ${fmt$1(p.threshold)} s)`,
                            fix: 'sort the log by time and log at a steady interval (e.g. nvidia-smi -l 1)',
                        },
                };
            }
            energyJ = p.energyJ;
            this.method = 'power_samples';
            if (p.gaps > 0 && p.longestGap) {
                warn(`${d}: ${p.gaps} gap(s) longer than ${fmt$1(p.threshold)} s not bridged (${fmt$1(p.gapSeconds)} s in all; longest ${fmt$1(p.longestGap.length)} s after ${isoOrRel(p.longestGap.at, this.untimed > 0)})`);
            }
            if (p.duplicates > 0)
                warn(`${d}: ${p.duplicates} duplicate rows (same timestamp and value) counted once`);
            if (p.sameTimestamp > 0)
                warn(`${d}: ${p.sameTimestamp} samples share a timestamp with the previous sample but differ in value; no time passes between them, so they add no energy`);
            if (p.descendingRuns > 0 && p.outOfOrder === 0)
                warn(`${d}: timestamps run backwards (newest first); integrated in that order`);
            if (p.outOfOrder > 0) {
                const ov = p.overlappingRuns();
                warn(`${d}: ${p.outOfOrder} samples out of time order (concatenated logs?); integrated as ${p.runs.length} time-ordered runs` +
                    (ov > 0 ? `, ${ov} of which overlap in time and may double count` : ''));
            }
            energyJ *= this.powerScale;
            const col = this.powerColumn === null ? '' : ` in column ${JSON.stringify(this.powerColumn)}`;
            const maxW = this.maxW * this.powerScale;
            if (this.powerScale === 1 && this.over > 0) {
                warn(`${d}: ${this.over} power values${col} exceed ${this.basis} (max ${fmt$1(maxW)} W); implausible, check the unit`);
            }
            else if (this.powerScale !== 1 && maxW > this.limit) {
                warn(`${d}: power values${col} up to ${fmt$1(maxW)} W exceed ${this.basis}; implausible, check the unit`);
            }
        }
        else if (this.directRecords > 0) {
            this.method = 'energy_records';
            energyJ = this.directJ * this.directScale;
        }
        else if (this.counter.samples === 1) {
            warn(`${d}: a single energy counter reading cannot be differenced; energy_kwh is null`);
            return {
                energyJ: null,
                samples: 1,
                problem: {
                    code: 'single_counter_reading',
                    reason: `${d}: a single energy-counter reading, so there is no difference to take`,
                    fix: 'read the energy counter at least at the start and the end of the run',
                },
            };
        }
        else if (this.na + this.negative + this.infinite > 0) {
            const parts = [
                this.na > 0 ? `${this.na} not available ([N/A], NaN or empty)` : null,
                this.negative > 0 ? `${this.negative} negative` : null,
                this.infinite > 0 ? `${this.infinite} infinite` : null,
            ].filter((x) => x !== null);
            return {
                energyJ: null,
                samples: 0,
                problem: {
                    code: 'no_valid_values',
                    reason: `${d}: none of its ${this.na + this.negative + this.infinite} values is usable (${parts.join(', ')})`,
                    fix: 'check the power column: nvidia-smi prints [N/A] where a GPU does not report power.draw; log a device that reports power, or measure with CodeCarbon or DCGM',
                },
            };
        }
        return { energyJ, samples };
    }
    /** Values this device rejected (negative, infinite), for the source's `rejected` list. */
    rejectedValues() {
        const out = [];
        if (this.negative > 0)
            out.push({ reason: `device ${this.id}: negative values`, count: this.negative, first_line: null });
        if (this.infinite > 0)
            out.push({ reason: `device ${this.id}: infinite values`, count: this.infinite, first_line: null });
        return out;
    }
}
function decideUnit(m, devices, warn, settled) {
    const col = `column ${JSON.stringify(m.header)}`;
    if (m.kind === 'power')
        for (const d of devices)
            d.powerColumn = m.header;
    const fed = devices.flatMap((d) => {
        const mean = d.meanW(m.kind);
        return mean === null ? [] : [{ d, mean: mean.w, peak: mean.peak, p: d.plausible() }];
    });
    const first = m.readings[0];
    const ratio = (r) => r.factor / first.factor;
    const fits = (r) => fed.every(({ mean, p }) => mean * ratio(r) >= p.low && mean * ratio(r) <= p.high);
    const what = m.kind === 'power' ? 'power' : 'energy';
    const example = fed[0];
    const meanText = (r) => example
        ? `${example.peak ? 'peak' : 'mean'} power ${watts(example.mean * ratio(r))} W on device ${example.d.id}${fed.length > 1 ? ` (and ${fed.length - 1} more)` : ''}`
        : '';
    const range = () => (example ? `${watts(example.p.low)}–${watts(example.p.high)} W for ${example.p.label}` : '');
    const names = m.readings.map((r) => `${r.name} (${r.symbol})`).join(' or ');
    const why = m.unitCase === 'ambiguous'
        ? `the unit may be ${names}`
        : m.unitCase === 'none'
            ? `the header names no unit (${names}?)`
            : `the header says ${first.symbol}`;
    if (fed.length === 0) {
        if (m.unitCase === 'ambiguous' || m.unitCase === 'none')
            warn(`${col}: ${why}, and without timestamps the values cannot decide: read as ${first.name} (${first.symbol}); write the unit in the header, with its case`);
        return 1;
    }
    if (m.readings.length === 1 || m.cellUnits === true) {
        // A certain unit: power is checked sample by sample in finish(); energy here, by its mean power.
        if (m.kind !== 'power' && !fits(first))
            warn(`${col}: ${what} in ${first.symbol} gives a ${meanText(first)}, implausible (expected ${range()}); check the unit`);
        return 1;
    }
    const alternatives = m.unitCase !== 'suspect' || fed.every(({ p }) => p.known) ? m.readings.slice(1) : [];
    const plausibleAlt = alternatives.filter(fits);
    if (fits(first)) {
        if (m.unitCase === 'suspect')
            return 1;
        if (plausibleAlt.length > 0) {
            warn(`${col}: ${why}: read as ${first.name} (${first.symbol}), ${meanText(first)}; ${plausibleAlt.map((r) => r.symbol).join(', ')} would be plausible too, so check the unit`);
        }
        else {
            const read = `read as ${first.name} (${first.symbol})`;
            settled({
                key: `${why}\u0000${read}\u0000${range()}`,
                column: JSON.stringify(m.header),
                alone: `${col}: ${why}: ${read}, ${meanText(first)}, the only reading plausible (${range()})`,
                shared: `${why}: ${read}, the only reading plausible for each (${range()})`,
            });
        }
        return 1;
    }
    if (plausibleAlt.length === 1) {
        const r = plausibleAlt[0];
        warn(`${col}: ${why}, but as ${first.symbol} the ${meanText(first)} is implausible (expected ${range()}); read as ${r.name} (${r.symbol}): ${meanText(r)}`);
        return ratio(r);
    }
    warn(`${col}: ${why}; as ${first.symbol} the ${meanText(first)} is implausible (expected ${range()}) and no other reading decides: read as ${first.symbol}, check the unit`);
    return 1;
}
function isoOrRel(t, relative) {
    return relative ? `t=${fmt$1(t)} s` : isoOf(t);
}
class SourceBuilder {
    path;
    format;
    opts;
    rows = 0;
    rowsRejected = 0;
    co2eKg = null;
    waterL = null;
    loggedPue = null;
    /** Logged emissions (kg) and the logged energy they were computed from (kWh, as logged): the logger's own factor. */
    loggedEmissionsKg = 0;
    loggedEnergyKwh = 0;
    loggedLocations = [];
    /** Set by formats that log a duration (CodeCarbon); else derived from first/last timestamp. */
    durationS = null;
    /** Energy the format computed itself (CodeCarbon, eco2ai), kWh; overrides the device sum. */
    energyKwhOverride = undefined;
    scope = 'device';
    /** Set by formats whose energy is measured otherwise than their rows show (Zeus: the NVML energy counter; CodeCarbon, eco2ai: a software estimate). */
    method = null;
    /** Timestamps are relative (time of day without a date): start/end are not reported. */
    relativeTime = false;
    first = Number.POSITIVE_INFINITY;
    last = Number.NEGATIVE_INFINITY;
    dates = newDateOrder();
    extra = {};
    /** Set by a format that knows why it has no energy (a header without rows, emissions only). */
    noEnergy = null;
    warnings = [];
    dropped = 0;
    rejects = new Map();
    devices = new Map();
    /** The measures of the columns read (columns.ts), by kind and header: their units are decided in build(). */
    measures = new Map();
    constructor(path, format, opts) {
        this.path = path;
        this.format = format;
        this.opts = opts;
    }
    warn(message) {
        if (this.warnings.includes(message))
            return;
        if (this.warnings.length >= MAX_WARNINGS)
            this.dropped++;
        else
            this.warnings.push(message);
    }
    /** A row that could not be used; grouped by reason in the warnings with its first lines (0: no line, e.g. JSON). */
    reject(line, reason) {
        this.rowsRejected++;
        let r = this.rejects.get(reason);
        if (!r)
            this.rejects.set(reason, (r = { n: 0, lines: [] }));
        r.n++;
        if (r.lines.length < 3)
            r.lines.push(line);
    }
    seen(t) {
        // A corrupt time (a Zeus window at 1e308 s) must not become start/end: a Date cannot hold it.
        if (!validEpoch(t))
            return;
        if (t < this.first)
            this.first = t;
        if (t > this.last)
            this.last = t;
    }
    /** The accumulator of a device; `id` host-qualified by the caller's key when a host is known. */
    device(key, meta = {}) {
        let d = this.devices.get(key);
        if (!d) {
            const id = meta.host && !key.startsWith(`${meta.host}/`) ? `${meta.host}/${key}` : key;
            d = new DeviceAcc(id, meta, this);
            this.devices.set(key, d);
        }
        else {
            if (d.name === null && meta.name)
                d.name = meta.name;
            if (d.host === null && meta.host)
                d.host = meta.host;
        }
        return d;
    }
    deviceCount() {
        return this.devices.size;
    }
    /** The measures a column plan reads (the scanner and JSON lines call this once per plan). */
    columns(measures) {
        for (const m of measures) {
            const k = `${m.kind}\u0000${m.header}`;
            if (!this.measures.has(k))
                this.measures.set(k, m);
        }
    }
    /**
     * One run's emissions and the energy they were computed from, both as the logger wrote them
     * (CodeCarbon's energy_consumed includes its pue column, and so do its emissions): their ratio
     * is the emission factor the logger applied, whatever the SOURCE reports after dividing out.
     */
    loggedRun(emissionsKg, energyKwh, location) {
        if (!(energyKwh > 0) || !(emissionsKg >= 0))
            return;
        this.loggedEmissionsKg += emissionsKg;
        this.loggedEnergyKwh += energyKwh;
        if (location && !this.loggedLocations.includes(location) && this.loggedLocations.length < 3)
            this.loggedLocations.push(location);
    }
    /**
     * How the energy was measured: a format's stated method (CodeCarbon and eco2ai: their own
     * estimate; Zeus: the energy counter), else the method of the device holding the most energy; for
     * power samples the longest median interval and the energy-weighted Type A uncertainty.
     */
    measurementOf(measured) {
        const main = measured.reduce((a, b) => (a === null || b.j > a.j ? b : a), null);
        const method = this.method ?? main?.d.method ?? null;
        if (method === null)
            return null;
        if (method !== 'power_samples')
            return { method, interval_s: null, sampling_rel_u: null };
        const sampled = measured.filter((x) => x.d.method === 'power_samples');
        const interval = Math.max(0, ...sampled.map((x) => x.d.power.medianInterval));
        const weighted = sampled.map((x) => ({ u: x.d.samplingRelU(), j: x.j })).filter((x) => x.u !== null);
        const jSum = weighted.reduce((a, x) => a + x.j, 0);
        return {
            method,
            interval_s: interval > 0 ? interval : null,
            sampling_rel_u: jSum > 0 ? weighted.reduce((a, x) => a + x.u * x.j, 0) / jSum : null,
        };
    }
    /** Each column's unit, decided by its values (decideUnit); the devices rescaled to it. */
    decideUnits(warn) {
        const devices = [...this.devices.entries()];
        // Integration finishes here (samples held back for the gap threshold are integrated); finish() is idempotent.
        for (const [, d] of devices)
            d.power.finish();
        const settled = new Map();
        const settle = (x) => {
            const list = settled.get(x.key);
            if (list)
                list.push(x);
            else
                settled.set(x.key, [x]);
        };
        for (const m of this.measures.values()) {
            const fed = m.device !== null ? devices.filter(([k]) => k === m.device).map(([, d]) => d) : devices.map(([, d]) => d);
            const k = decideUnit(m, fed, warn, settle);
            if (k === 1)
                continue;
            for (const d of fed) {
                if (m.kind === 'power')
                    d.powerScale = k;
                else if (m.kind === 'counter')
                    d.counterScale = k;
                else
                    d.directScale = k;
            }
        }
        for (const list of settled.values()) {
            const one = list[0];
            warn(list.length === 1 ? one.alone : `columns ${list.map((x) => x.column).join(', ')}: ${one.shared}`);
        }
    }
    build() {
        const warn = (m) => this.warn(m);
        this.decideUnits(warn);
        const rejected = [];
        for (const [reason, r] of this.rejects) {
            const lines = r.lines.filter((l) => l > 0);
            warn(`${r.n} row(s) rejected: ${reason}${lines.length ? ` (line ${lines.join(', ')}${r.n > lines.length ? ', …' : ''})` : ''}`);
            rejected.push({ reason, count: r.n, first_line: lines[0] ?? null });
        }
        if (this.dates.ambiguous !== null) {
            warn(`ambiguous date ${JSON.stringify(this.dates.ambiguous)}: day and month are both ≤ 12; read as ${this.dates.order === 'dmy' ? 'day/month (decided by a later-unambiguous row)' : 'month/day (US order)'}; prefer ISO 8601 timestamps`);
        }
        const devices = [];
        const problems = [];
        let total = 0;
        let anyNull = false;
        let anyEnergy = false;
        let untimedSpan = 0;
        const measured = [];
        for (const d of this.devices.values()) {
            const { energyJ, samples, problem } = d.finish(warn);
            if (energyJ === null) {
                anyNull = true;
                if (problem)
                    problems.push(problem);
            }
            else {
                anyEnergy = true;
                total += energyJ;
                measured.push({ d, j: energyJ });
            }
            rejected.push(...d.rejectedValues());
            if (d.untimed > 0 && this.opts.interval_s !== undefined)
                untimedSpan = Math.max(untimedSpan, (d.untimed - 1) * this.opts.interval_s);
            devices.push({
                id: d.id,
                name: d.name,
                host: d.host,
                energy_kwh: energyJ === null ? null : jToKwh(energyJ),
                samples,
                ...(d.kind ? { kind: d.kind } : {}),
            });
        }
        let energyKwh;
        if (this.energyKwhOverride !== undefined)
            energyKwh = this.energyKwhOverride;
        else if (!anyEnergy)
            energyKwh = null;
        else {
            energyKwh = jToKwh(total);
            if (anyNull)
                warn('energy_kwh sums only the devices whose energy could be derived');
        }
        if (this.devices.size === 0 && this.energyKwhOverride === undefined)
            warn('no energy or power values found');
        const timed = this.first <= this.last;
        const absolute = timed && !this.relativeTime;
        const duration = this.durationS ?? (timed ? this.last - this.first : untimedSpan > 0 ? untimedSpan : null);
        if (this.dropped > 0)
            this.warnings.push(`… ${this.dropped} more warning(s) not shown`);
        const incomplete = this.incompleteness(energyKwh, anyNull, problems);
        return {
            path: this.path,
            format: this.format,
            energy_kwh: energyKwh,
            co2e_kg: this.co2eKg,
            water_l: this.waterL,
            duration_s: duration,
            devices,
            rows: this.rows,
            rows_rejected: this.rowsRejected,
            logged_pue: this.loggedPue,
            warnings: this.warnings,
            scope: this.scope,
            ...(this.loggedEnergyKwh > 0
                ? {
                    logged_intensity_g_per_kwh: (this.loggedEmissionsKg / this.loggedEnergyKwh) * 1000,
                    logged_location: this.loggedLocations.length > 0 ? this.loggedLocations.join('; ') : null,
                }
                : {}),
            measurement: energyKwh === null ? null : this.measurementOf(measured),
            start: absolute ? isoOf(this.first) : null,
            end: absolute ? isoOf(this.last) : null,
            ...(rejected.length ? { rejected } : {}),
            ...(incomplete ? { incomplete } : {}),
            ...this.extra,
        };
    }
    /**
     * Why the file's energy is missing or partial (a device without usable energy), or null when
     * it is whole. A file that is read without error but yields no energy must not count as 0 kWh.
     */
    incompleteness(energyKwh, anyNull, problems) {
        if (energyKwh !== null && !(anyNull && this.energyKwhOverride === undefined))
            return null;
        if (this.noEnergy)
            return this.noEnergy;
        const first = problems[0];
        if (first) {
            const more = problems.length > 1 ? ` (and ${problems.length - 1} more device(s) alike)` : '';
            const partial = energyKwh !== null ? ' (the other devices are counted)' : '';
            return { code: first.code, reason: `${first.reason}${more}${partial}`, fix: first.fix };
        }
        if (this.rows > 0 && this.rowsRejected >= this.rows) {
            const [reason, r] = [...this.rejects.entries()][0] ?? ['unusable', { lines: [] }];
            const line = r.lines.find((l) => l > 0);
            return {
                code: 'all_rows_rejected',
                reason: `all ${this.rows} data rows were rejected (${reason}${line !== undefined ? `, first at line ${line}` : ''})`,
                fix: 'fix or regenerate the log: ml-lca ingest FILE --json lists what was rejected',
            };
        }
        if (this.rows === 0) {
            return {
                code: 'no_rows',
                reason: 'the file has no data rows (a header only?)',
                fix: 'check that the logger ran during the workload and was stopped (flushed) before this step read the file',
            };
        }
        return {
            code: 'no_energy',
            reason: 'no energy or power values could be read from it',
            fix: "check that the file is the logger's output with an energy or power column: ml-lca ingest FILE --json shows what was read",
        };
    }
}

// Streams of bytes to lines (for the line-oriented formats that are not on the hot path:
// dmon, Prometheus text, JSON lines, Zeus) and to CSV records via csv-parse (CodeCarbon,
// eco2ai: quoting matters there). Memory is one chunk plus one partial line.
/**
 * Longest line any line-based parser accepts (bytes for the byte scanner, characters here). A
 * log line is under a kilobyte; without a bound, a file that never breaks its first line is
 * held (and, joined chunk by chunk, rescanned) whole. 2 MiB: twice the fast lane's window
 * (fast-lane.ts), so the lane's fallback for a line longer than its window stays reachable.
 */
const MAX_LINE_BYTES = 2 * 1024 * 1024;
/** LOG_CORRUPT for a line longer than MAX_LINE_BYTES, naming the file and the line. */
function lineTooLong(file, line) {
    return new InputError({
        code: 'LOG_CORRUPT',
        file,
        line,
        expected: `lines of at most ${MAX_LINE_BYTES >> 20} MiB`,
        got: `a longer line (no line break within ${MAX_LINE_BYTES >> 20} MiB)`,
    });
}
async function* readLines(stream, file) {
    const dec = new TextDecoder('utf-8');
    let rest = '';
    let n = 0;
    let first = true;
    for await (const chunk of stream) {
        // A line break can only be in the new text: search from there, not the whole carried line.
        let from = rest.length;
        let text = rest + dec.decode(chunk, { stream: true });
        if (first) {
            if (text.charCodeAt(0) === 0xfeff) {
                text = text.slice(1);
                from = 0;
            }
            first = false;
        }
        let pos = 0;
        for (;;) {
            const nl = text.indexOf('\n', Math.max(pos, from));
            if (nl < 0)
                break;
            if (nl - pos > MAX_LINE_BYTES)
                throw lineTooLong(file, n + 1);
            const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
            yield { text: text.slice(pos, end), n: ++n, terminated: true };
            pos = nl + 1;
        }
        rest = text.slice(pos);
        if (rest.length > MAX_LINE_BYTES)
            throw lineTooLong(file, n + 1);
    }
    rest += dec.decode();
    if (rest.length > 0)
        yield { text: rest.endsWith('\r') ? rest.slice(0, -1) : rest, n: ++n, terminated: false };
}
/** Read a whole (small, structured) document: JSON, YAML. Bounded so a wrong file cannot exhaust memory. */
async function readAll(stream, file, maxBytes = 256 * 1024 * 1024) {
    const parts = [];
    let size = 0;
    for await (const c of stream) {
        size += c.byteLength;
        if (size > maxBytes) {
            throw new InputError({ code: 'LOG_CORRUPT', file, expected: `a JSON/YAML document under ${maxBytes >> 20} MiB`, got: 'a larger file' });
        }
        parts.push(Buffer.from(c.buffer, c.byteOffset, c.byteLength));
    }
    let s = Buffer.concat(parts).toString('utf8');
    if (s.charCodeAt(0) === 0xfeff)
        s = s.slice(1);
    return s;
}
/**
 * CSV records with csv-parse (loaded lazily: only CodeCarbon / eco2ai / Zeus need it). Cells
 * trimmed, CRLF or LF, BOM removed, ragged rows allowed (the caller rejects them by count).
 * A syntax error (unclosed quote) is LOG_CORRUPT naming the line.
 */
async function* readCsv(stream, file) {
    const { parse } = await import('./lib.js');
    const parser = parse({
        bom: true,
        trim: true,
        relax_column_count: true,
        skip_empty_lines: true,
        info: true,
        relax_quotes: true,
        // A record (a line, or lines joined by an unclosed quote) is bounded like every other line.
        max_record_size: MAX_LINE_BYTES,
    });
    const feed = (async () => {
        try {
            for await (const chunk of stream) {
                if (parser.destroyed)
                    return;
                if (!parser.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))) {
                    await new Promise((resolve) => {
                        parser.once('drain', resolve);
                        parser.once('close', resolve);
                    });
                }
            }
            parser.end();
        }
        catch (e) {
            parser.destroy(e instanceof Error ? e : new Error(String(e)));
        }
    })();
    try {
        for await (const rec of parser) {
            const r = rec;
            yield { cells: r.record, line: r.info.lines };
        }
    }
    catch (e) {
        if (e instanceof InputError)
            throw e;
        const err = e;
        if (err.code === 'CSV_MAX_RECORD_SIZE')
            throw lineTooLong(file, err.lines ?? 1);
        if (typeof err.code === 'string' && err.code.startsWith('CSV_')) {
            throw new InputError({ code: 'LOG_CORRUPT', file, line: err.lines, expected: 'well-formed CSV', got: `${err.code}: ${err.message ?? ''}`.slice(0, 120) });
        }
        throw e;
    }
    finally {
        if (!parser.writableEnded)
            parser.destroy();
        await feed;
    }
}

// Helpers for `sniff(head)`: the first lines of a file's head, BOM and blank lines removed.
function firstLines(head, n) {
    const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
    const out = [];
    let pos = 0;
    while (out.length < n && pos < text.length) {
        let nl = text.indexOf('\n', pos);
        if (nl < 0)
            nl = text.length;
        const line = text.slice(pos, nl).replace(/\r$/, '').trim();
        if (line !== '')
            out.push(line);
        pos = nl + 1;
    }
    return out;
}

// CodeCarbon `emissions.csv`, every header layout from 1.x to 3.x, read by header name only:
//   1.0   timestamp,experiment_id,project_name,duration,emissions,energy_consumed,country_name,... (12 cols)
//   1.x   the same data class written with its keys sorted (alphabetical layout)
//   2.0   timestamp,project_name,run_id,duration,emissions,emissions_rate,cpu_power,... (29 cols)
//   2.2   + experiment_id before run_id (30)       2.3   + codecarbon_version, pue (31)
//   2.4   timestamp,project_name,run_id,experiment_id,... pue (32)
//   3.0.8 + water_consumed after energy_consumed, wue last (34)
//   3.2.1 + cpu/gpu/ram_utilization_percent, ram_used_gb (38)
// Units: energy kWh, emissions kg CO2e, duration s, water L. `energy_consumed` and `emissions`
// already include the `pue` column (CodeCarbon multiplies by it): it is divided out of the
// energy, reported as `logged_pue`, so the scenario's PUE is applied exactly once (design.md).
// `co2e_kg` is what the file reports (design contract), its PUE included: only the energy feeds
// the assessment, so the logged emissions need no correction. Rows of one run
// (`run_id`, or `experiment_id` before run ids existed) are cumulative snapshots: the last counts.
/** Mean power above which a CodeCarbon row is flagged (one host: 16 GPUs × 1 kW is well under). */
const ABSURD_KW = 100;
/** Emission factor above which kg/kWh is flagged (coal is ≈ 1). */
const ABSURD_KG_PER_KWH = 2;
/** Where CodeCarbon placed the run: the cloud region when on a cloud, else country and region. */
function locationOf(get) {
    const cloud = [get('cloud_provider'), get('cloud_region')].filter((x) => x !== null).join(' ');
    if (cloud !== '')
        return cloud;
    const place = [get('country_name'), get('region')].filter((x) => x !== null).join(', ');
    return place === '' ? null : place;
}
const codecarbon = {
    id: 'codecarbon',
    description: 'CodeCarbon emissions.csv (1.x to 3.x)',
    sniff(head) {
        const h = (firstLines(head, 1)[0] ?? '').toLowerCase();
        const cols = h.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
        if (cols.includes('energy_consumed') && cols.includes('emissions') && cols.includes('duration'))
            return 0.95;
        // CodeCarbon-like but without its energy column: claim it so the error names what is missing.
        if (cols.includes('emissions') && cols.includes('duration') && (cols.includes('run_id') || cols.includes('experiment_id')))
            return 0.5;
        return 0;
    },
    async parse(stream, ctx) {
        const out = ctx.out;
        out.scope = 'host';
        // A software estimate of the host's energy (NVML for GPUs; RAPL or a TDP model for CPUs; a per-GB constant for RAM).
        out.method = 'software_estimate';
        let col = null;
        let ncols = 0;
        let header = [];
        const runs = new Map();
        const seen = new Set();
        let duplicates = 0;
        let decreasing = 0;
        let unitless = 0;
        for await (const rec of readCsv(stream, ctx.path)) {
            const cells = rec.cells;
            if (col === null || cells.includes('energy_consumed')) {
                if (!cells.includes('energy_consumed')) {
                    throw new InputError({
                        code: 'LOG_CORRUPT',
                        file: ctx.path,
                        line: rec.line,
                        field: 'energy_consumed',
                        expected: 'a CodeCarbon header with an energy_consumed column',
                        got: JSON.stringify(cells.slice(0, 6).join(',')),
                    });
                }
                if (col !== null && cells.join(',') !== header.join(','))
                    out.warn(`header changed at line ${rec.line} (CodeCarbon version change?); columns re-read from it`);
                header = cells;
                col = new Map(cells.map((c, i) => [c.toLowerCase(), i]));
                ncols = cells.length;
                continue;
            }
            out.rows++;
            if (cells.length !== ncols) {
                out.reject(rec.line, `expected ${ncols} fields as in the header`);
                continue;
            }
            const joined = cells.join('\u0000');
            if (seen.has(joined)) {
                duplicates++;
                continue;
            }
            if (seen.size < 1_000_000)
                seen.add(joined);
            const m = col;
            const get = (name) => {
                const i = m.get(name);
                if (i === undefined)
                    return null;
                const v = cells[i] ?? '';
                return v === '' ? null : v;
            };
            const num = (name) => {
                const v = get(name);
                if (v === null)
                    return null;
                const n = Number(v);
                return Number.isFinite(n) ? n : Number.NaN;
            };
            const energy = num('energy_consumed');
            if (energy === null || Number.isNaN(energy)) {
                out.reject(rec.line, energy === null ? 'empty energy_consumed' : 'energy_consumed is not a number');
                continue;
            }
            if (energy < 0) {
                out.reject(rec.line, 'negative energy_consumed');
                continue;
            }
            const emissions = num('emissions');
            const duration = num('duration');
            let pue = num('pue');
            if (pue !== null && (Number.isNaN(pue) || pue < 1 || pue > 3)) {
                out.warn(`line ${rec.line}: pue ${get('pue') ?? ''} outside 1–3; not divided out`);
                pue = null;
            }
            const finite = (x) => (x === null || Number.isNaN(x) ? null : x);
            if (emissions !== null && emissions < 0)
                out.warn(`line ${rec.line}: negative emissions ${emissions}; ignored`);
            if (duration !== null && duration > 0 && (energy * 3600) / duration > ABSURD_KW) {
                out.warn(`line ${rec.line}: energy_consumed ${energy} kWh in ${duration} s is a mean of ${((energy * 3600) / duration).toPrecision(3)} kW, implausible for one host; check the log`);
            }
            if (emissions !== null && energy > 0 && emissions / energy > ABSURD_KG_PER_KWH) {
                out.warn(`line ${rec.line}: ${(emissions / energy).toPrecision(3)} kg CO2e per kWh is implausible (coal ≈ 1); check the log`);
            }
            const ts = get('timestamp');
            const end = ts === null ? null : parseTimestamp(ts, out.dates);
            const runId = get('run_id') ?? get('experiment_id');
            const id = runId ?? `line ${rec.line}`;
            const key = `${get('project_name') ?? ''}\u0000${id}`;
            const prev = runs.get(key);
            if (prev && energy < prev.energy)
                decreasing++;
            runs.set(key, {
                line: rec.line,
                runId,
                project: get('project_name') ?? '',
                energy,
                emissions: emissions !== null && emissions >= 0 ? finite(emissions) : null,
                duration: finite(duration),
                pue: pue ?? 1,
                water: finite(num('water_consumed')),
                cpu: finite(num('cpu_energy')),
                gpu: finite(num('gpu_energy')),
                ram: finite(num('ram_energy')),
                end,
                cpuModel: get('cpu_model'),
                gpuModel: get('gpu_model'),
                location: locationOf(get),
            });
            if (pue === null && !m.has('pue'))
                unitless++;
        }
        if (col === null)
            throw new InputError({ code: 'LOG_CORRUPT', file: ctx.path, expected: 'a CodeCarbon header row', got: 'an empty file' });
        const hasPue = col.has('pue');
        let energy = 0;
        let co2 = null;
        let water = null;
        let duration = null;
        const comp = { cpu: 0, gpu: 0, ram: 0 };
        const compSeen = { cpu: false, gpu: false, ram: false };
        let cpuModel = null;
        let gpuModel = null;
        const pues = new Set();
        let rawEnergy = 0;
        for (const r of runs.values()) {
            energy += r.energy / r.pue;
            rawEnergy += r.energy;
            pues.add(r.pue);
            if (r.emissions !== null) {
                co2 = (co2 ?? 0) + r.emissions;
                out.loggedRun(r.emissions, r.energy, r.location);
            }
            if (r.water !== null)
                water = (water ?? 0) + r.water;
            if (r.duration !== null)
                duration = (duration ?? 0) + r.duration;
            for (const k of ['cpu', 'gpu', 'ram']) {
                const v = r[k];
                if (v !== null) {
                    comp[k] += v / r.pue;
                    compSeen[k] = true;
                }
            }
            cpuModel = r.cpuModel ?? cpuModel;
            gpuModel = r.gpuModel ?? gpuModel;
            if (r.end !== null) {
                out.seen(r.end);
                if (r.duration !== null)
                    out.seen(r.end - r.duration);
            }
        }
        const kwhToJ = unitFactor('kWh', 'energy') ?? 3.6e6;
        for (const k of ['cpu', 'gpu', 'ram']) {
            if (!compSeen[k])
                continue;
            const d = out.device(k, { name: k === 'cpu' ? cpuModel : k === 'gpu' ? gpuModel : null });
            d.addEnergy(comp[k] * kwhToJ);
            d.directRecords = runs.size;
        }
        if (!compSeen.cpu && !compSeen.gpu && !compSeen.ram && runs.size > 0) {
            const d = out.device('host');
            d.addEnergy(energy * kwhToJ);
            d.directRecords = runs.size;
        }
        out.energyKwhOverride = runs.size > 0 ? energy : null;
        // Run identities, so the same run in a copied file (runs/**/emissions.csv) counts once.
        const identified = [...runs.values()].filter((r) => r.runId !== null);
        if (identified.length > 0)
            out.extra.runs = identified.map((r) => ({ id: `codecarbon:${r.project}/${r.runId}`, energy_kwh: r.energy / r.pue }));
        if (runs.size === 0 && out.rows === 0) {
            out.noEnergy = {
                code: 'no_rows',
                reason: 'the CodeCarbon file has a header but no rows',
                fix: 'CodeCarbon writes a row when the tracker stops (and every measure_power_secs with save_to_file): check that tracker.stop() ran before this step',
            };
        }
        out.co2eKg = co2;
        out.waterL = water;
        out.durationS = duration;
        if (hasPue && runs.size > 0) {
            if (pues.size === 1)
                out.loggedPue = [...pues][0] ?? null;
            else {
                out.loggedPue = rawEnergy / energy;
                out.warn(`runs logged different PUEs (${[...pues].join(', ')}); each divided out; logged_pue is their energy-weighted mean`);
            }
            if (out.loggedPue !== null && out.loggedPue !== 1)
                out.warn(`logged PUE ${out.loggedPue} divided out of energy_consumed (energy at the IT equipment); emissions kept as logged`);
        }
        else if (!hasPue && unitless > 0) {
            out.warn('no pue column (CodeCarbon < 2.3): energy taken as logged, at the IT equipment (PUE 1)');
        }
        const snapshots = out.rows - out.rowsRejected - duplicates - runs.size;
        if (snapshots > 0)
            out.warn(`${snapshots} earlier cumulative snapshot row(s) of the same run superseded by the run's last row`);
        if (duplicates > 0)
            out.warn(`${duplicates} exact duplicate row(s) ignored`);
        if (decreasing > 0)
            out.warn(`${decreasing} snapshot(s) with less energy than the run's previous row (not cumulative?); the last row still counts`);
        // Every row rejected: no energy (energy_kwh null); the builder reports the reasons and the
        // stage is incomplete, rather than the whole assessment stopping.
    },
};

// DCGM exporter metrics in Prometheus text exposition format, as scraped by `curl :9400/metrics`
// (one scrape, or many concatenated, with or without sample timestamps):
//   DCGM_FI_DEV_POWER_USAGE{gpu="0",UUID="GPU-…",Hostname="node1",modelName="NVIDIA H100 80GB HBM3"} 312.5 1728790411000
//   DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{…} 123456789 1728790411000      (mJ since driver load)
// The counter is preferred when a device has at least two readings (it integrates on the GPU,
// between scrapes too); the power gauge is integrated otherwise. Timestamps are ms (exposition
// format). Without them, consecutive scrapes are `interval_s` apart. Device ids are
// `Hostname/gpu` when a Hostname label exists (multi-node).
const POWER$1 = new Set(['DCGM_FI_DEV_POWER_USAGE', 'DCGM_FI_DEV_POWER_USAGE_INSTANT', 'nvidia_smi_power_draw_watts']);
const COUNTER$1 = 'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION';
const LINE = /^([A-Za-z_:][A-Za-z0-9_:]*)(\{(.*)\})?\s+(\S+)(?:\s+(-?\d+))?\s*$/;
const LABEL = /([A-Za-z_][A-Za-z0-9_]*)="((?:[^"\\]|\\.)*)"/g;
function labelsOf(s) {
    const out = {};
    for (const m of s.matchAll(LABEL))
        if (m[1] !== undefined && m[2] !== undefined)
            out[m[1]] = m[2].replace(/\\(.)/g, '$1');
    return out;
}
/** Device key, host and name from DCGM / node exporter labels. */
function deviceFromLabels(l) {
    const host = l.Hostname ?? l.hostname ?? l.node ?? null;
    const gpu = l.gpu ?? l.minor_number ?? l.UUID ?? l.uuid ?? l.device ?? '0';
    return { key: host ? `${host}/${gpu}` : gpu, host, name: l.modelName ?? l.name ?? null };
}
const dcgmProm = {
    id: 'dcgm-prom',
    description: 'DCGM exporter metrics, Prometheus text exposition',
    sniff(head) {
        if (/^DCGM_FI_DEV_(POWER_USAGE|TOTAL_ENERGY_CONSUMPTION)\b/m.test(head))
            return 0.95;
        if (/^nvidia_smi_power_draw_watts\b/m.test(head))
            return 0.9;
        return 0;
    },
    async parse(stream, ctx) {
        const out = ctx.out;
        out.scope = 'device';
        const mjToJ = unitFactor('mJ', 'energy') ?? 1e-3;
        let metrics = 0;
        for await (const ln of readLines(stream, ctx.path)) {
            const text = ln.text.trim();
            if (text === '' || text.startsWith('#'))
                continue;
            const name = /^[A-Za-z_:][A-Za-z0-9_:]*/.exec(text)?.[0] ?? '';
            const isPower = POWER$1.has(name);
            if (!isPower && name !== COUNTER$1) {
                if (name === '')
                    out.reject(ln.n, 'not a Prometheus sample line');
                continue;
            }
            out.rows++;
            const m = LINE.exec(text);
            if (!m) {
                out.reject(ln.n, ln.terminated ? 'not a Prometheus sample line' : 'truncated last line');
                continue;
            }
            metrics++;
            const v = m[4] === 'NaN' ? Number.NaN : Number(m[4]);
            if (m[4] !== 'NaN' && !Number.isFinite(v)) {
                out.reject(ln.n, 'value is not a number');
                continue;
            }
            const t = m[5] !== undefined ? epochToSeconds(Number(m[5])) : null;
            if (t !== null && !validEpoch(t)) {
                out.reject(ln.n, 'timestamp out of range');
                continue;
            }
            const dev = deviceFromLabels(labelsOf(m[3] ?? ''));
            const acc = out.device(dev.key, { name: dev.name, host: dev.host });
            if (isPower)
                acc.addPower(t, v);
            else
                acc.addCounter(t, v * mjToJ);
        }
        if (metrics === 0)
            throw new InputError({
                code: 'LOG_CORRUPT',
                file: ctx.path,
                expected: 'DCGM_FI_DEV_POWER_USAGE or DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION samples',
                got: 'none',
            });
    },
};

// Prometheus range-query JSON (`/api/v1/query_range` saved to a file, e.g. by
// `curl 'prom:9090/api/v1/query_range?query=DCGM_FI_DEV_POWER_USAGE&start=…&end=…&step=15'`):
//   {"status":"success","data":{"resultType":"matrix","result":[{"metric":{…},"values":[[t,"v"],…]}]}}
// Each series is one device (labels as in dcgm-prom.ts); `__name__` tells power gauge (W) from
// energy counter (mJ). A query without `__name__` (e.g. `sum by (gpu)(…)`) is taken as power.
// The document is parsed whole (bounded by readAll): range responses are small next to raw logs.
// zod is loaded on first use: the ingest path for CSV logs should not pay for it at start-up.
async function rangeResponse() {
    const { z } = await import('./zod.js');
    const Sample = z.tuple([z.number(), z.string()]);
    const Series = z.object({
        metric: z.record(z.string(), z.string()),
        values: z.array(Sample).optional(),
        value: Sample.optional(),
    });
    return z.object({
        status: z.string().optional(),
        data: z.object({ resultType: z.enum(['matrix', 'vector']), result: z.array(Series) }),
    });
}
const dcgmJson = {
    id: 'prometheus-json',
    description: 'Prometheus query_range JSON (DCGM power W / energy mJ series)',
    sniff(head) {
        const h = head.trimStart();
        if (!h.startsWith('{'))
            return 0;
        if (/"resultType"\s*:\s*"(matrix|vector)"/.test(h))
            return /DCGM_FI_DEV|power|energy/i.test(h) ? 0.95 : 0.7;
        return 0;
    },
    async parse(stream, ctx) {
        const out = ctx.out;
        out.scope = 'device';
        const text = await readAll(stream, ctx.path);
        let doc;
        try {
            doc = JSON.parse(text);
        }
        catch (e) {
            const { line, problem } = jsonSyntaxProblem(e, text);
            throw new InputError({ code: 'LOG_CORRUPT', file: ctx.path, line, expected: 'valid JSON', got: problem });
        }
        const r = (await rangeResponse()).safeParse(doc);
        if (!r.success)
            throw fromZodError(r.error, { file: ctx.path, input: doc, code: 'LOG_CORRUPT' });
        const mjToJ = unitFactor('mJ', 'energy') ?? 1e-3;
        for (const s of r.data.data.result) {
            const name = s.metric.__name__ ?? '';
            const counter = /TOTAL_ENERGY_CONSUMPTION/.test(name);
            const dev = deviceFromLabels(s.metric);
            const acc = out.device(dev.key, { name: dev.name, host: dev.host });
            const values = s.values ?? (s.value ? [s.value] : []);
            for (const [t, raw] of values) {
                out.rows++;
                if (!validEpoch(t)) {
                    out.reject(0, 'timestamp out of range');
                    continue;
                }
                const v = Number(raw);
                if (raw !== 'NaN' && !Number.isFinite(v)) {
                    out.reject(0, `non-numeric value in series ${JSON.stringify(s.metric)}`);
                    continue;
                }
                if (counter)
                    acc.addCounter(t, v * mjToJ);
                else
                    acc.addPower(t, v);
            }
        }
    },
};

// eco2ai CSV: `id,project_name,experiment_description(model type etc.),epoch,start_time,
// duration(s),power_consumption(kWh),CO2_emissions(kg),CPU_name,GPU_name,OS,region/country,cost`.
// Cells are quoted and contain commas (`"Intel(R) Xeon(R) CPU @ 2.20GHz/2 device(s), TDP:120.0"`),
// so csv-parse reads it. eco2ai rewrites a run's row with cumulative totals (and some versions
// append per-epoch rows): the last row of an `id` counts. Host scope (CPU + GPU + RAM).
const eco2ai = {
    id: 'eco2ai',
    description: 'eco2ai CSV (power_consumption(kWh), CO2_emissions(kg))',
    sniff(head) {
        const h = (firstLines(head, 1)[0] ?? '').toLowerCase();
        if (h.includes('power_consumption(') && h.includes('co2_emissions('))
            return 0.95;
        return 0;
    },
    async parse(stream, ctx) {
        const out = ctx.out;
        out.scope = 'host';
        // A software estimate of the host's energy (NVML for GPUs; RAPL or a TDP model for CPUs; a per-GB constant for RAM).
        out.method = 'software_estimate';
        let idx = null;
        const runs = new Map();
        let duplicates = 0;
        let last = '';
        for await (const rec of readCsv(stream, ctx.path)) {
            const c = rec.cells;
            if (idx === null) {
                const find = (re) => c.findIndex((h) => re.test(h.trim().toLowerCase()));
                const e = find(/^power_consumption/);
                const m = find(/^co2_emissions/);
                if (e < 0)
                    throw new InputError({
                        code: 'LOG_CORRUPT',
                        file: ctx.path,
                        line: rec.line,
                        field: 'power_consumption(kWh)',
                        expected: 'an eco2ai header',
                        got: JSON.stringify(c.slice(0, 5).join(',')),
                    });
                const eu = splitHeaderUnit(c[e] ?? '').unit ?? 'kWh';
                const mu = m >= 0 ? (splitHeaderUnit(c[m] ?? '').unit ?? 'kg') : 'kg';
                idx = {
                    id: find(/^id$/),
                    start: find(/^start_time/),
                    dur: find(/^duration/),
                    energy: e,
                    eFactor: unitFactor(eu, 'energy') ?? 3.6e6,
                    co2: m,
                    mFactor: unitFactor(mu, 'mass') ?? 1,
                    cpu: find(/^cpu_name/),
                    gpu: find(/^gpu_name/),
                    region: find(/^region/),
                    ncols: c.length,
                };
                continue;
            }
            if (/^power_consumption/i.test(c[idx.energy] ?? ''))
                continue; // repeated header
            out.rows++;
            if (c.length !== idx.ncols) {
                out.reject(rec.line, `expected ${idx.ncols} fields as in the header`);
                continue;
            }
            const joined = c.join('\u0000');
            if (joined === last) {
                duplicates++;
                continue;
            }
            last = joined;
            const kwh = Number(c[idx.energy]);
            if ((c[idx.energy] ?? '') === '' || !Number.isFinite(kwh)) {
                out.reject(rec.line, 'power_consumption is not a number');
                continue;
            }
            if (kwh < 0) {
                out.reject(rec.line, 'negative power_consumption');
                continue;
            }
            const co2 = idx.co2 >= 0 && (c[idx.co2] ?? '') !== '' ? Number(c[idx.co2]) : Number.NaN;
            const dur = idx.dur >= 0 ? Number(c[idx.dur]) : Number.NaN;
            const start = idx.start >= 0 ? parseTimestamp(c[idx.start] ?? '', out.dates) : null;
            const id = idx.id >= 0 && c[idx.id] ? c[idx.id] : `line ${rec.line}`;
            runs.set(id, {
                energyJ: kwh * idx.eFactor,
                co2: Number.isFinite(co2) && co2 >= 0 ? co2 * idx.mFactor : null,
                dur: Number.isFinite(dur) ? dur : null,
                start,
                cpu: idx.cpu >= 0 ? (c[idx.cpu] ?? null) : null,
                gpu: idx.gpu >= 0 ? (c[idx.gpu] ?? null) : null,
                region: idx.region >= 0 && c[idx.region] && c[idx.region] !== 'N/A' ? c[idx.region] : null,
            });
        }
        if (idx === null)
            throw new InputError({ code: 'LOG_CORRUPT', file: ctx.path, expected: 'an eco2ai header row', got: 'an empty file' });
        let co2 = null;
        let dur = null;
        const d = out.device('host');
        for (const r of runs.values()) {
            d.addEnergy(r.energyJ);
            if (r.co2 !== null) {
                co2 = (co2 ?? 0) + r.co2;
                out.loggedRun(r.co2, jToKwh(r.energyJ), r.region);
            }
            if (r.dur !== null)
                dur = (dur ?? 0) + r.dur;
            if (r.start !== null) {
                out.seen(r.start);
                if (r.dur !== null)
                    out.seen(r.start + r.dur);
            }
            d.name ??= [r.cpu, r.gpu].filter((x) => x && x !== 'N/A').join(' + ') || null;
        }
        d.directRecords = runs.size;
        out.co2eKg = co2;
        out.durationS = dur;
        const superseded = out.rows - out.rowsRejected - duplicates - runs.size;
        if (superseded > 0)
            out.warn(`${superseded} earlier row(s) of the same run id superseded by its last (cumulative) row`);
        if (duplicates > 0)
            out.warn(`${duplicates} exact duplicate row(s) ignored`);
        // Every row rejected: energy_kwh null, the builder says why (the stage is incomplete).
        const identified = [...runs.entries()].filter(([id]) => !id.startsWith('line '));
        if (identified.length > 0)
            out.extra.runs = identified.map(([id, r]) => ({ id: `eco2ai:${id}`, energy_kwh: jToKwh(r.energyJ) }));
        if (runs.size === 0)
            out.energyKwhOverride = null;
    },
};

// Which column of a power log is what, by header name (never by position), with the names
// nvidia-smi prints and the names scripts rename them to. Also the rule for headerless
// (`--format=csv,noheader`) logs, where columns are inferred from the first data row.
// Each measure carries the readings its unit allows (units.ts); where there is more than one
// (an ambiguous `mw`, no unit at all, a `_w` column that may hold milliwatts) the values decide
// once the file is read (builder.ts), by what is plausible for the device.
const TS = new Set(['timestamp', 'time', 'datetime', 'date_time', 'ts', 'time_s', 'epoch', 'epoch_s', 'unix_time', 'date', 'time_stamp', 'timestamp_s']);
/** Relative-time columns (seconds since the start unless their unit says otherwise). */
const REL_TS = new Set(['t', 'sec', 'secs', 'seconds', 'elapsed', 'elapsed_time', 'time_elapsed', 'elapsed_seconds', 'rel_time', 'relative_time', 't_rel']);
/** nvidia-smi's own power fields: watts by its contract (`nounits` drops the `[W]`, not the unit). */
const NVIDIA_POWER = new Set(['power.draw', 'power.draw.average', 'power.draw.instant']);
const UUID = new Set(['uuid', 'gpu_uuid', 'gpu.uuid', 'device_uuid']);
const BUS = new Set(['pci.bus_id', 'bus_id', 'pci_bus_id', 'gpu_bus_id', 'pci.bus']);
const INDEX = new Set(['index', 'gpu', 'gpu_index', 'gpu_id', 'device', 'device_id', 'gpu_idx', 'idx', 'device_index', 'gpu_num', 'id']);
const NAME = new Set(['name', 'gpu_name', 'device_name', 'model', 'gpu_model', 'modelname']);
const HOST = new Set(['host', 'hostname', 'node', 'instance', 'machine', 'node_name', 'host_name']);
// Ordered: the first present wins (nvidia-smi's `power.draw` is the average over the last second
// on recent drivers; `.instant` is noisier).
const POWER = [
    'power.draw',
    'power_draw',
    'power.draw.average',
    'power_draw_average',
    'power.draw.instant',
    'power_draw_instant',
    'power',
    'gpu_power',
    'pwr',
    'watts',
    'power_usage',
    'board_power',
    'power_watts',
];
const COUNTER = /^(total_energy(_consumption)?|energy_total|cumulative_energy|energy_cumulative|energy_counter|dcgm_fi_dev_total_energy_consumption)$/;
const ENERGY = /^(energy|energy_consumed|gpu_energy)$/;
const WIDE = /^(?:gpu|cuda|device|dev)[ _:-]?(\d{1,3})(?:[ _.-]?(?:power(?:\.draw|_draw)?|pwr|watts))?$/;
/** How a measure's unit reads: its readings (default first) and why there is a choice, or null when the unit is not of this quantity. */
function unitOf(base, unit, caseKnown, kind) {
    const q = kind === 'power' ? 'power' : 'energy';
    if (unit === null) {
        if (kind === 'power')
            return NVIDIA_POWER.has(base)
                ? { readings: [UNITLESS_POWER[0]], unitCase: 'certain' }
                : { readings: [...UNITLESS_POWER], unitCase: 'none' };
        // DCGM's counter is in mJ by definition; another counter without a unit: J or mJ.
        if (kind === 'counter')
            return base.startsWith('dcgm') ? { readings: [MILLIJOULES], unitCase: 'certain' } : { readings: [JOULES, MILLIJOULES], unitCase: 'none' };
        return null;
    }
    const read = readUnit(unit, q, caseKnown);
    if (read === null)
        return null;
    if (read.ambiguous)
        return { readings: read.readings, unitCase: 'ambiguous' };
    const only = read.readings[0];
    // A home-made `_w` / `[W]` column is the classic home of milliwatts (domain.md); nvidia-smi's own is not.
    if (kind === 'power' && only.symbol === 'W' && !NVIDIA_POWER.has(base))
        return { readings: [only, MILLIWATTS], unitCase: 'suspect' };
    return { readings: [only], unitCase: 'certain' };
}
function measure(col, kind, u, device, header) {
    return { col, kind, factor: u.readings[0].factor, readings: u.readings, unitCase: u.unitCase, device, header };
}
/** Plan from a header row; null when the row names no power or energy column. */
function planFromHeader(cells) {
    const plan = { ncols: cells.length, need: 0, ts: -1, tsScale: 1, tsRelative: false, key: -1, name: -1, host: -1, measures: [] };
    let uuid = -1;
    let bus = -1;
    let index = -1;
    let power = null;
    const wide = [];
    cells.forEach((cell, col) => {
        const { base, unit, caseKnown } = splitHeaderUnit(cell.replace(/^"|"$/g, ''));
        const raw = cell.trim().toLowerCase();
        const timeUnit = unit === null ? null : readUnit(unit, 'time');
        if (plan.ts < 0 && (TS.has(base) || TS.has(raw) || REL_TS.has(base) || REL_TS.has(raw)) && (unit === null || timeUnit !== null)) {
            plan.ts = col;
            plan.tsRelative = REL_TS.has(base) || REL_TS.has(raw);
            plan.tsScale = timeUnit?.readings[0]?.factor ?? 1;
        }
        else if (uuid < 0 && UUID.has(base))
            uuid = col;
        else if (bus < 0 && BUS.has(raw))
            bus = col;
        else if (index < 0 && INDEX.has(base))
            index = col;
        else if (plan.name < 0 && NAME.has(base))
            plan.name = col;
        else if (plan.host < 0 && HOST.has(base))
            plan.host = col;
        else {
            const rank = POWER.indexOf(base);
            if (rank >= 0) {
                const u = unitOf(base, unit, caseKnown, 'power');
                if (u !== null && (power === null || rank < power.rank))
                    power = { m: measure(col, 'power', u, null, cell.trim()), rank };
                return;
            }
            if (COUNTER.test(base)) {
                const u = unitOf(base, unit, caseKnown, 'counter');
                if (u !== null)
                    plan.measures.push(measure(col, 'counter', u, null, cell.trim()));
                return;
            }
            if (ENERGY.test(base) && unit !== null) {
                const u = unitOf(base, unit, caseKnown, 'energy');
                if (u !== null)
                    plan.measures.push(measure(col, 'energy', u, null, cell.trim()));
                return;
            }
            const w = WIDE.exec(base);
            if (w?.[1] !== undefined) {
                const u = unitOf(base, unit, caseKnown, 'power');
                if (u !== null)
                    wide.push(measure(col, 'power', u, String(Number(w[1])), cell.trim()));
            }
        }
    });
    plan.key = uuid >= 0 ? uuid : index >= 0 ? index : bus;
    if (power !== null)
        plan.measures.unshift(power.m);
    else if (wide.length > 0 && plan.key < 0)
        plan.measures.push(...wide);
    if (plan.measures.length === 0)
        return null;
    plan.need = needOf(plan);
    return plan;
}
function needOf(p) {
    return Math.max(p.ts, p.key, p.name, p.host, ...p.measures.map((m) => m.col)) + 1;
}
const UUID_RE = /^GPU-[0-9a-f]{8}-/i;
const BUS_RE = /^[0-9a-f]{4,8}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-9a-f]$/i;
const WATTS_RE = /^[+-]?\d+(\.\d+)?\s*W$/;
const GPU_NAME_RE = /nvidia|tesla|geforce|quadro|rtx|[ahlvbt]\d{2,3}\b/i;
/** One value per line: `nvidia-smi --query-gpu=power.draw --format=csv,noheader[,nounits]`. */
const LONE_VALUE_RE = /^(?:[+]?\d+(?:\.\d+)?(?:\s*W)?|\[[A-Za-z/ ]+\])$/;
/**
 * Headerless nvidia-smi (`--format=csv,noheader[,nounits]`): columns from the first data row.
 * Rule (README): a date/time cell is the timestamp; `GPU-…` is the uuid, `0000:18:00.0` the PCI
 * bus id (either becomes the device key), otherwise a small integer before the power value is
 * the index; a cell with unit `W` is the power; without units, the power is the one decimal
 * number with a fraction among the remaining cells. A row of one value (`--query-gpu=power.draw`)
 * is the power alone: no timestamp (energy needs --interval) and no device key. Anything else
 * cannot be inferred safely. nvidia-smi's power is in watts with or without `nounits`.
 */
function inferPlan(cells) {
    const plan = { ncols: cells.length, need: 0, ts: -1, tsScale: 1, tsRelative: false, key: -1, name: -1, host: -1, measures: [] };
    const watts = { readings: [UNITLESS_POWER[0]], unitCase: 'certain' };
    if (cells.length === 1) {
        if (!LONE_VALUE_RE.test((cells[0] ?? '').trim()))
            return null;
        plan.measures.push(measure(0, 'power', watts, null, 'column 1'));
        plan.need = 1;
        return plan;
    }
    let power = -1;
    let index = -1;
    const decimals = [];
    cells.forEach((raw, col) => {
        const c = raw.trim();
        if (plan.ts < 0 && /[-/:]/.test(c) && parseTimestamp(c) !== null)
            plan.ts = col;
        else if (UUID_RE.test(c))
            plan.key = col;
        else if (BUS_RE.test(c)) {
            if (plan.key < 0)
                plan.key = col;
        }
        else if (power < 0 && WATTS_RE.test(c))
            power = col;
        else if (index < 0 && power < 0 && /^\d{1,2}$/.test(c))
            index = col;
        else if (plan.name < 0 && /[a-z]/i.test(c) && GPU_NAME_RE.test(c))
            plan.name = col;
        else if (/^\d+\.\d+$/.test(c))
            decimals.push(col);
    });
    if (plan.key < 0)
        plan.key = index;
    if (power < 0 && decimals.length === 1 && decimals[0] !== undefined)
        power = decimals[0];
    if (power < 0)
        return null;
    plan.measures.push(measure(power, 'power', watts, null, `column ${power + 1}`));
    plan.need = needOf(plan);
    return plan;
}

// Generated by `npm run wasm` from assembly/fast-rows.ts (AssemblyScript); do not edit.
// 2457 bytes. test/ingest/wasm.test.ts fails when this is stale.
const FAST_ROWS_WASM_BASE64 = 'AGFzbQEAAAABHgRgAAF/YAAAYAF/AGAOf39/f39/f39/f39/f38BfwMGBQECAwAABQQBATAwBkIHfwFBAAt/AUEAC38BQX8LfAFE' +
    'AAAAAAAAAAALewH9DAAAAAAAAAAAAAAAAAAAAAALfwFBAAt8AUQAAAAAAAAAAAsHNQUKZ2V0VHNXaWR0aAADCnNldFRzV2lkdGgA' +
    'AQdnZXRSb3dzAAQEc2NhbgACBm1lbW9yeQIACAEADAEDCpAQBRYA/QwAAAAAAAAAAAAAAAAAAAAAJAQLBgAgACQAC+UPBA1/A3wC' +
    'ewJ+QQAkASACLQAAQQFGIRQDQCMBIA1IIAAgAUlxBEACQCAALQAAIg5BMEkgDkE5S3IgBCAORnINACAAIQ5EAAAAAAAAAAAhHEQA' +
    'AAAAAAAAACEbQQBBfyAGGyERQX8hFUEAIRZBASEXA0ACQCACIBZqLQAAIg8EQCAWBEADQCAOLQAAQSBGBEAgDkEBaiEODAELCwsg' +
    'D0EBRgRAIA79AAQAIh4jBP0j/WNBACMFGwRAIwYhHQUgDi0ACiEPIA4tAAQiEEEtRiAQQS9GcgR/IA4tAAcgEEYFQQALBH8gD0HU' +
    'AEYgD0EgRnIFQQALBH8gDi0ADUE6RgVBAAtFBEBBACEXDAQLIA4tAA9BMGsiECAOQQ5qLQAAQTBrIg9BCmxqQX8gEEEJTSAPQQlN' +
    'cRsiDyAOLQAMQTBrIhIgDkELai0AAEEwayIQQQpsakF/IBJBCU0gEEEJTXEbIhAgDi0ACUEwayITIA5BCGotAABBMGsiEkEKbGpB' +
    'fyATQQlNIBJBCU1xGyISIA4tAAZBMGsiGCAOQQVqLQAAQTBrIhNBCmxqQX8gGEEJTSATQQlNcRsiEyAOLQADQTBrIhkgDkECai0A' +
    'AEEwayIYQQpsakF/IBlBCU0gGEEJTXEbIhggDi0AAUEwayIZIA4tAABBMGsiGkEKbGpBfyAZQQlNIBpBCU1xGyIZcnJycnJBAEgE' +
    'QEEAIRcMBAsgGUHkAGwgGGoiGEGQzgBsIBNB5ABsaiASaiIZIwJHBEAgE0EATCATQQxKciASQQBMciASQR9KciAYQeQASHIEQEEA' +
    'IRcMBQsgGSQCIBhBAWsgGCATQQJMGyIYIBhBjwNrIBhBAE4bQZADbSEZIBNBA2sgE0EJaiATQQJKG0GZAWxBAmpBBW0gEmogGCAZ' +
    'QZADbGsiEkHtAmwgEkEEbWogEkHkAG1raiAZQbH1CGxqQe30K2u3RAAAAAAAGPVAoiQDCyAeJAQjAyAQQZAcbLegIA9BPGy3oCId' +
    'JAZBASQFCyAOLQAQQTpHIA4tABJBMGsiECAOQRFqLQAAQTBrIg9BCmxqQX8gEEEJTSAPQQlNcRsiD0EASHIEQEEAIRcMAwsgHSAP' +
    't6AhHCAOQRNqIg4tAABBLkYEQCAOQQFqIg4tAAAhEEIAISFBACEPA0AgEEE5TSAQQTBPcQRAIA9BD0gEQCAQQTBrrCAhQgp+fCEh' +
    'IA9BAWohDwsgDkEBaiIOLQAAIRAMAQsLIBwgIbkgD0EDdEGgCGorAwCjoCEcCwNAIA4tAABBIEYEQCAOQQFqIQ4MAQsLBSAPQQJG' +
    'BEAgDiISIRAgDi0AACETQQAhDwNAIBNBCkcgE0EsR3EgE0ENR3EEQAJAIBNBIkYEQEEBIQ8MAQsgDkEBaiIOIBAgE0EgRxshECAO' +
    'LQAAIRMMAgsLCyAPBEBBACEXDAQLIBAgEmshGEF/IRFBACEQA0AgCSAQSgRAAkAgGCAQQQJ0Ig8gCGooAgBGBEAgByAPaigCACEZ' +
    'QQEhD0EAIRMDQCATIBhJBEACQCATIBlqLQAAIBIgE2otAABHBEBBACEPDAELIBNBAWohEwwCCwsLIA8EQCAQIREMAgsLIBBBAWoh' +
    'EAwCCwsLIBFBAEgEQEEAIRcMBAsFIA4tAABB2wBGBH8gDi0AAUHOAEYFQQALBH8gDi0AAkEvRgVBAAsEfyAOLQADQcEARgVBAAsE' +
    'fyAOLQAEQd0ARgVBAAsEQEQAAAAAAAD4fyEbIA5BBWohDgNAIA4tAABBIEYEQCAOQQFqIQ4MAQsLBSAOLQAAIg9BOU0gD0EwT3FF' +
    'BEBBACEXDAULIA4hEEIAISEDQCAPQTBrrCAhQgp+fCEhIA5BAWoiDi0AACIPQTlNIA9BME9xDQALIA4gEGtBD0sEQEEAIRcMBQsg' +
    'IbkhGyAPQS5GBEAgDkEBaiIOIRBCACEgIA4tAAAhDwNAIA9BOU0gD0EwT3EEQCAPQTBrrCAgQgp+fCEgIA5BAWoiDi0AACEPDAEL' +
    'CyAOIBBrIg9BD0oEQEEAIRcMBgsgD0EASgRAICG5ICC5IA9BA3RBoAhqKwMAo6AhGwsLA0AgDi0AAEEgRgRAIA5BAWohDgwBCwsg' +
    'Di0AAEHXAEYEQCAOQQFqIQ4DQCAOLQAAQSBGBEAgDkEBaiEODAELCwsLCwsgDi0AACEQBQNAIA79AAQAIh79DCwsLCwsLCwsLCws' +
    'LCwsLCz9IyAe/QwKCgoKCgoKCgoKCgoKCgoK/SP9UCAe/QwNDQ0NDQ0NDQ0NDQ0NDQ0N/SP9UCIfIB79DCIiIiIiIiIiIiIiIiIi' +
    'IiL9I/1QIB8gBRv9ZCIPRQRAIA5BEGohDgwBCwsgDiAPaGoiDi0AACIQQSJGBEBBACEXDAILCyAQQQpHIBBBLEdxBH8gEEENRwR/' +
    'QQEFIA4tAAFBCkcLBUEACwRAQQAhFwwBCyAVIA4gAGsgFhshFSAWQQFqIhYgA0YNACAQQSxGBEAgDkEBaiEODAILQQAhFwsLIBdF' +
    'IBFBAEhyDQAgFARAIBUjAEcjAEEASnENASAVJAALA0AgDv0ABAD9DAoKCgoKCgoKCgoKCgoKCgr9I/1kIgBFBEAgDkEQaiEODAEL' +
    'CyAKIwFBAnRqIBE2AgAjAUEDdCIPIAtqIBw5AwAgDCAPaiAbOQMAIwFBAWokASAOIABoakEBaiEADAILCwsgAAsEACMACwQAIwEL' +
    'C8wBAwBBjAgLAcwAQZgICwUEAAAAuABBpggLsgHwPwAAAAAAACRAAAAAAAAAWUAAAAAAAECPQAAAAAAAiMNAAAAAAABq+EAAAAAA' +
    'gIQuQQAAAADQEmNBAAAAAITXl0EAAAAAZc3NQQAAACBfoAJCAAAA6HZIN0IAAACilBptQgAAQOWcMKJCAACQHsS81kIAADQm9WsM' +
    'QwCA4Dd5w0FDAKDYhVc0dkMAyE5nbcGrQwA9kWDkWOFDQIy1eB2vFURQ7+LW5BpLRJLVTQbP8IBE';

// The power-CSV fast lane: the common nvidia-smi row (timestamp, device key, plain watts) parsed
// in WebAssembly (assembly/fast-rows.ts, its contract there) and handed back as (device slot,
// time, power) triples for Scanner (power-scan.ts) to integrate. Every row it does not take goes
// to the general path, which gives the same result (fuzzed in test/ingest/lane-fuzz.test.ts).
// Why: on the 2-core CI machine a plain JavaScript byte loop costs ~2 ns a byte, and the JS lane
// it replaced reached ~240–280 MB/s marginal; this one ~590–770 MB/s (bench/README.md).
//
// One instance per process, created on first use (compiling 2 KB takes about a millisecond);
// scanners take turns (a scan is synchronous), so each call passes its own state in. Where
// WebAssembly is unavailable (node --jitless), `fastLane()` returns null and the general path
// reads every row.
// Linear memory (48 pages of 64 KiB, fixed; the module's own data lies below 64 KiB).
const ROLES = 64 << 10;
const MAX_ROLES = 256;
const KEY_OFF = ROLES + 1024;
const MAX_KEYS = 1024;
const KEY_LEN = KEY_OFF + 4 * MAX_KEYS;
const KEY_BYTES = KEY_LEN + 4 * MAX_KEYS;
const KEY_BYTES_END = KEY_BYTES + (64 << 10);
/** Rows per scan: a row the lane takes is at least 22 bytes (timestamp, comma, digit, '\n'). */
const CAP = 1 << 16;
const OUT_SLOT = KEY_BYTES_END;
const OUT_T = OUT_SLOT + 4 * CAP;
const OUT_V = OUT_T + 8 * CAP;
const IN = OUT_V + 8 * CAP;
/** Bytes of input per scan, followed by SLACK zeroed bytes (the lane reads up to 18 past the last line end). */
const WINDOW = 1 << 20;
const SLACK = 64;
const MEMORY_BYTES = 48 * 65536;
class FastLane {
    x;
    slots;
    times;
    values;
    mem;
    keyOff;
    keyLen;
    /** Keys written to memory, and for whom (a scanner's key list). */
    keysOf = null;
    nkeys = 0;
    keyBytes = 0;
    /** Rows taken since the process started (tests check the lane is used at all). */
    taken = 0;
    /** The window in memory: which buffer, which range. */
    held = null;
    heldFrom = 0;
    heldTo = 0;
    constructor(x) {
        this.x = x;
        const buf = x.memory.buffer;
        if (buf.byteLength < MEMORY_BYTES)
            throw new Error('fast lane: memory smaller than its layout');
        this.mem = new Uint8Array(buf);
        this.slots = new Int32Array(buf, OUT_SLOT, CAP);
        this.times = new Float64Array(buf, OUT_T, CAP);
        this.values = new Float64Array(buf, OUT_V, CAP);
        this.keyOff = new Uint32Array(buf, KEY_OFF, MAX_KEYS);
        this.keyLen = new Uint32Array(buf, KEY_LEN, MAX_KEYS);
    }
    /**
     * Scan whole lines of b[pos, lim) (lim one past a '\n'), a window of at most WINDOW bytes at
     * a time. The rows taken are in slots/times/values[0, rows); call again from the returned pos
     * until it reaches lim or `stopped` (then onLine takes one line, and the scan goes on).
     */
    scan(b, pos, lim, cfg) {
        const mem = this.mem;
        if (cfg.roles.length > MAX_ROLES || cfg.roles.length === 0)
            return { pos, rows: 0, tsWidth: cfg.tsWidth, stopped: true };
        // The caller comes back after each line the lane stops at: a window is copied in once, not
        // once per stop.
        let at;
        let stop;
        if (b === this.held && pos >= this.heldFrom && pos < this.heldTo && this.heldTo <= lim) {
            at = IN + (pos - this.heldFrom);
            stop = IN + (this.heldTo - this.heldFrom);
        }
        else {
            let end = lim;
            if (end - pos > WINDOW) {
                end = b.lastIndexOf(10, pos + WINDOW - 1) + 1;
                // A line longer than the window: the general path.
                if (end <= pos)
                    return { pos, rows: 0, tsWidth: cfg.tsWidth, stopped: true };
            }
            mem.set(b.subarray(pos, end), IN);
            mem.fill(0, IN + (end - pos), IN + (end - pos) + SLACK);
            this.held = b;
            this.heldFrom = pos;
            this.heldTo = end;
            at = IN;
            stop = IN + (end - pos);
        }
        mem.set(cfg.roles, ROLES);
        this.syncKeys(cfg.keys);
        const x = this.x;
        x.setTsWidth(cfg.tsWidth);
        const r = x.scan(at, stop, ROLES, cfg.roles.length, cfg.hdr0, cfg.quotes ? 1 : 0, cfg.single ? 1 : 0, KEY_OFF, KEY_LEN, this.nkeys, OUT_SLOT, OUT_T, OUT_V, CAP);
        const rows = x.getRows();
        this.taken += rows;
        return { pos: pos + (r - at), rows, tsWidth: x.getTsWidth(), stopped: r < stop && rows < CAP };
    }
    /** Write the keys the module has not seen; all of them when another key list was last. */
    syncKeys(keys) {
        if (this.keysOf !== keys || keys.length < this.nkeys) {
            this.keysOf = keys;
            this.nkeys = 0;
            this.keyBytes = 0;
        }
        // Slots are positions in `keys`: a key that does not fit stops registration (its rows, and
        // those of later keys, take the general path).
        while (this.nkeys < keys.length && this.nkeys < MAX_KEYS) {
            const entry = keys[this.nkeys].bytes;
            const k = entry.subarray(0, entry.length - 1); // without the '|' of the empty host
            if (KEY_BYTES + this.keyBytes + k.length > KEY_BYTES_END)
                break;
            this.mem.set(k, KEY_BYTES + this.keyBytes);
            this.keyOff[this.nkeys] = KEY_BYTES + this.keyBytes;
            this.keyLen[this.nkeys] = k.length;
            this.keyBytes += k.length;
            this.nkeys++;
        }
    }
}
let lane;
/** The process's fast lane, or null where WebAssembly is unavailable (or it is switched off). */
function fastLane() {
    if (lane !== undefined)
        return lane;
    try {
        // The lib in tsconfig has no WebAssembly types (no DOM); the two constructors used are these.
        const wa = globalThis.WebAssembly;
        const mod = new wa.Module(Buffer.from(FAST_ROWS_WASM_BASE64, 'base64'));
        lane = new FastLane(new wa.Instance(mod, {}).exports);
    }
    catch {
        lane = null;
    }
    return lane;
}

// Byte-level scanner for large power logs (nvidia-smi --query-gpu CSV, generic power CSV, wide
// per-GPU CSV). Justified by bench/ (npm run bench): a readline parser that splits strings and
// builds Dates is ~10× slower on the 54 MB 8-GPU × 24 h log. Two paths, same results:
//  - the fast lane (fast-lane.ts, WebAssembly) takes the common row (unquoted, a timestamp of the
//    two common shapes without a zone, a known device, plain watts) and hands back
//    (device, time, power), which is integrated here;
//  - the general path (onLine) takes every other line, from the raw chunk: line ends with
//    Buffer#indexOf, field ends with a byte loop, numbers and the two common timestamp shapes
//    parsed from bytes (the date part cached), the device key matched by hash + bytes, so a row
//    allocates no strings. Anything unusual (quotes, other timestamp shapes, unit suffixes other
//    than `W`) takes a slower string path for that cell.
// test/ingest/lane-fuzz.test.ts checks that both paths give the same SOURCE on random logs.
// Memory: one chunk plus one partial line, whatever the file size.
const MAX_FIELDS = 256;
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const latin1 = (b, s, e) => b.toString('utf8', s, e);
class Scanner {
    ctx;
    opts;
    plan = null;
    header = null;
    repeatedHeaders = 0;
    line = 0;
    starts = new Int32Array(MAX_FIELDS + 1);
    ends = new Int32Array(MAX_FIELDS + 1);
    keys = [];
    fixed = [];
    single = null;
    cachedYmd = -1;
    /** Width of the last good leading timestamp field (0: unknown / not column 0). */
    tsWidth = 0;
    hinted = false;
    /** 1 for fields found with indexOf (see split). */
    skip = new Uint8Array(MAX_FIELDS + 1);
    cachedDay = 0;
    /**
     * Fast lane (fast-lane.ts): the role of each column up to plan.need (0 not parsed, 1 timestamp,
     * 2 device key, 3 power); null when the plan has more than one measure, a host column, no
     * timestamp or a non-power measure, or when WebAssembly is unavailable.
     */
    laneCfg = null;
    lane = fastLane();
    fastFactor = 1;
    /** Numeric value of the last parseNum's unit suffix range (start, end); -1 when none. */
    sufS = -1;
    sufE = -1;
    /** How the time column reads (absolute or relative seconds, time.ts). */
    time = new TimeColumn();
    /** Ambiguous unit suffixes in cells (`5 mw`) already warned about. */
    warnedSuffix = new Set();
    constructor(ctx, opts) {
        this.ctx = ctx;
        this.opts = opts;
    }
    feed(buf, last) {
        let pos = 0;
        const n = buf.length;
        // One past the last line end: the fast lane takes whole lines only.
        const lim = buf.lastIndexOf(10) + 1;
        for (;;) {
            if (this.laneCfg !== null && pos < lim)
                pos = this.fast(buf, pos, lim);
            const nl = buf.indexOf(10, pos);
            if (nl < 0)
                break;
            this.line++;
            this.onLine(buf, pos, nl > pos && buf[nl - 1] === 13 ? nl - 1 : nl, true);
            pos = nl + 1;
        }
        if (last && pos < n) {
            this.line++;
            this.onLine(buf, pos, buf[n - 1] === 13 ? n - 1 : n, false);
            pos = n;
        }
        return pos;
    }
    /**
     * The fast lane (fast-lane.ts) over whole lines b[pos, lim): the rows it takes are integrated
     * here exactly as onLine would (same values, same order, same state); returns the start of the
     * first line it does not take, which then goes to onLine.
     */
    fast(b, pos, lim) {
        const lane = this.lane;
        const cfg = this.laneCfg;
        const out = this.ctx.out;
        const factor = this.fastFactor;
        cfg.single = this.single !== null;
        // A headerless file's first line was read as data: no header byte to exclude then.
        const hdr = this.header;
        cfg.hdr0 = hdr === null || hdr.length === 0 ? -1 : hdr[0];
        while (pos < lim) {
            cfg.tsWidth = this.tsWidth;
            const r = lane.scan(b, pos, lim, cfg);
            const n = r.rows;
            if (n > 0) {
                const slots = lane.slots;
                const times = lane.times;
                const values = lane.values;
                const single = this.single;
                const keys = this.keys;
                for (let k = 0; k < n; k++) {
                    const dev = single ?? keys[slots[k]].acc;
                    dev.addPower(times[k], values[k] * factor);
                }
                this.line += n;
                out.rows += n;
                // The lane takes dated rows only: the time column is absolute (as parseTs decides).
                this.time.relative = false;
            }
            this.tsWidth = r.tsWidth;
            pos = r.pos;
            if (r.stopped)
                break;
        }
        return pos;
    }
    /**
     * Field boundaries into starts/ends, stopping once `need` fields are found (columns after the
     * last one used are not scanned: a third of the bytes of a typical nvidia-smi row). Returns the
     * number of fields found (≤ need), -1 for too many fields, -2 when a quote needs the slow path.
     */
    split(b, s, e, need, hint) {
        const starts = this.starts;
        const ends = this.ends;
        let f = 0;
        let i = s;
        starts[0] = s;
        // A leading timestamp of the width seen last (nvidia-smi's is always 23 bytes) is not
        // scanned byte by byte; parseTs validates every byte of it, and a miss re-splits.
        const w = this.tsWidth;
        this.hinted = false;
        if (hint && w > 0 && b[s + w] === 44 && s + w < e) {
            this.hinted = true;
            ends[0] = s + w;
            f = 1;
            if (f >= need)
                return f;
            starts[1] = i = s + w + 1;
        }
        const skip = this.skip;
        for (; i < e; i++) {
            if (skip[f] === 1) {
                // A field whose bytes are not parsed (the GPU name, unused columns): let the native
                // indexOf find its end instead of a byte loop (bench: ~15 % of the scan time).
                const c2 = b.indexOf(44, i);
                if (c2 < 0 || c2 >= e)
                    break;
                i = c2;
                ends[f] = i;
                if (++f >= need)
                    return need === MAX_FIELDS ? -1 : f;
                starts[f] = i + 1;
                continue;
            }
            const c = b[i];
            if (c === 44) {
                ends[f] = i;
                if (++f >= need)
                    return need === MAX_FIELDS ? -1 : f;
                starts[f] = i + 1;
            }
            else if (c === 34)
                return -2;
        }
        ends[f] = e;
        return f + 1;
    }
    cells(b, s, e) {
        return splitQuoted(b.toString('utf8', s, e));
    }
    /** The first non-comment line: a header (consumed, returns true) or headerless data (returns false). */
    firstLine(b, s, e) {
        const cells = this.cells(b, s, e);
        const plan = planFromHeader(cells);
        if (plan) {
            this.setPlan(plan, b, s, e);
            return true;
        }
        const inferred = this.opts.allowNoHeader ? inferPlan(cells) : null;
        if (!inferred) {
            throw new InputError({
                code: 'LOG_CORRUPT',
                file: this.ctx.path,
                line: this.line,
                expected: 'a header naming a power or energy column (e.g. power.draw [W], power_w, energy_j), or a headerless nvidia-smi row with a timestamp and a power value',
                got: JSON.stringify(b.toString('utf8', s, Math.min(e, s + 80))),
            });
        }
        this.setPlan(inferred, b, s, e);
        this.header = null;
        this.ctx.out.warn(inferred.ncols === 1
            ? `no header: one power value (W) per line, read as one GPU (nvidia-smi --query-gpu=power.draw --format=csv,noheader,nounits); with several GPUs nvidia-smi prints a line per GPU per interval, so query index,power.draw to tell them apart`
            : `no header: columns inferred from line ${this.line} (timestamp ${inferred.ts >= 0 ? `column ${inferred.ts + 1}` : 'none'}, device key ${inferred.key >= 0 ? `column ${inferred.key + 1}` : 'none'}, power ${inferred.measures[0]?.header ?? ''})`);
        return false;
    }
    /** A line that does not fit the plan: a new header (re-plan) or a rejected row. */
    misfit(b, s, e, quoted, reason, counted) {
        const out = this.ctx.out;
        const cells = quoted ?? this.cells(b, s, e);
        const p2 = planFromHeader(cells);
        if (p2 && !/^\s*\d/.test(cells[0] ?? '')) {
            if (counted)
                out.rows--;
            out.warn(`header changed at line ${this.line}; columns re-read from it`);
            this.setPlan(p2, b, s, e);
            return;
        }
        if (!counted)
            out.rows++;
        out.reject(this.line, reason);
    }
    onLine(b, s, e, terminated) {
        if (e - s > MAX_LINE_BYTES)
            throw lineTooLong(this.ctx.path, this.line);
        while (s < e && (b[s] === 32 || b[s] === 9))
            s++;
        if (s >= e)
            return;
        if (b[s] === 35)
            return; // '#' comment
        if (s === 0 && this.line === 1 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
            s = 3;
        const hdr = this.header;
        if (this.plan === null) {
            if (this.firstLine(b, s, e))
                return;
        }
        else if (hdr !== null && e - s === hdr.length && b[s] === hdr[0] && b.compare(hdr, 0, hdr.length, s, e) === 0) {
            this.repeatedHeaders++;
            return;
        }
        const plan = this.plan;
        const out = this.ctx.out;
        // Rows are checked for their field count only as far as the used columns reach, except the
        // last, unterminated line, which is counted in full (truncated writes).
        const need = terminated ? plan.need : MAX_FIELDS;
        let nf = this.split(b, s, e, need, true);
        let quoted = null;
        if (nf === -2) {
            quoted = this.cells(b, s, e);
            nf = quoted.length;
        }
        if (terminated ? nf < plan.need : nf !== plan.ncols) {
            this.misfit(b, s, e, quoted, terminated ? `expected ${plan.ncols} fields` : 'truncated last line', false);
            return;
        }
        out.rows++;
        if (quoted) {
            this.rowFromStrings(quoted, terminated);
            return;
        }
        const starts = this.starts;
        const ends = this.ends;
        let t = null;
        const tsCol = plan.ts;
        if (tsCol >= 0) {
            t = this.parseTs(b, starts[tsCol], ends[tsCol]);
            if (t === null && this.hinted) {
                // The width hint may have cut the field wrongly: split again by scanning.
                this.split(b, s, e, need, false);
                t = this.parseTs(b, starts[tsCol], ends[tsCol]);
            }
            if (t === null) {
                this.misfit(b, s, e, null, terminated ? 'unparseable timestamp' : 'truncated last line', true);
                return;
            }
            if (tsCol === 0)
                this.tsWidth = ends[0] - starts[0];
        }
        const measures = plan.measures;
        let acc = null;
        for (let k = 0; k < measures.length; k++) {
            const m = measures[k];
            let dev;
            if (m.device !== null)
                dev = this.fixedDevice(m.col, m.device);
            else
                dev = acc ??= this.deviceOf(b);
            let v = this.parseNum(b, starts[m.col], ends[m.col]);
            if (this.sufS >= 0 && v === v)
                v = this.suffix(b, v, m);
            if (!terminated && k === measures.length - 1 && v !== v) {
                out.reject(this.line, 'truncated last line');
                return;
            }
            v *= m.factor;
            if (m.kind === 'power')
                dev.addPower(t, v);
            else if (m.kind === 'counter')
                dev.addCounter(t, v);
            else if (v === v) {
                if (v < 0)
                    dev.negative++;
                else
                    dev.addEnergy(v, t);
                if (t !== null)
                    out.seen(t);
            }
            else
                dev.na++;
        }
    }
    setPlan(plan, b, s, e) {
        this.plan = plan;
        this.ctx.out.columns(plan.measures);
        this.time = new TimeColumn(plan.tsScale, plan.tsRelative);
        if (plan.tsRelative)
            this.ctx.out.relativeTime = true;
        this.tsWidth = 0;
        this.skip = new Uint8Array(MAX_FIELDS + 1);
        if (this.opts.unquoted) {
            // nvidia-smi never quotes: fields that are not parsed per row can be skipped natively.
            const parsed = new Set([plan.ts, plan.key, plan.host, ...plan.measures.map((m) => m.col)]);
            for (let c = 0; c < plan.need; c++)
                if (!parsed.has(c))
                    this.skip[c] = 1;
        }
        this.header = Buffer.from(b.subarray(s, e));
        this.keys = [];
        this.laneCfg = null;
        const m = plan.measures[0];
        if (this.lane !== null &&
            plan.measures.length === 1 &&
            m !== undefined &&
            m.kind === 'power' &&
            m.device === null &&
            // A column whose unit the values decide reads every cell on the general path, which notes
            // a unit written in a cell (builder.ts decideUnit must not rescale those).
            (m.unitCase === 'certain' || m.unitCase === 'suspect') &&
            plan.ts >= 0 &&
            !plan.tsRelative &&
            plan.host < 0 &&
            m.col !== plan.ts &&
            m.col !== plan.key &&
            plan.key !== plan.ts) {
            const roles = new Uint8Array(plan.need);
            roles[plan.ts] = 1;
            if (plan.key >= 0)
                roles[plan.key] = 2;
            roles[m.col] = 3;
            this.laneCfg = { roles, hdr0: -1, quotes: this.opts.unquoted !== true, single: false, keys: this.keys, tsWidth: 0 };
            this.fastFactor = m.factor;
        }
        this.fixed = [];
        this.single = null;
    }
    /**
     * A value with its unit in the cell (`312.45 W`, `500000 mW`). A plain `W` is what the fast
     * lane takes too; any other unit marks the column as unit-per-cell (Measure.cellUnits), which
     * only this path can see, so only rows the lane never takes mark it. An ambiguous unit (`mw`)
     * takes its SI reading and is named once in the warnings.
     */
    suffix(b, v, m) {
        const s = this.sufS;
        const e = this.sufE;
        const plainW = m.kind === 'power' && e - s === 1 && b[s] === 87; // "W"
        if (!plainW || m.unitCase === 'none' || m.unitCase === 'ambiguous')
            m.cellUnits = true;
        if (plainW)
            return v;
        const text = b.toString('latin1', s, e);
        const read = readUnit(text, m.kind === 'power' ? 'power' : 'energy');
        if (read === null)
            return Number.NaN;
        const r = read.readings[0];
        if (read.ambiguous && !this.warnedSuffix.has(text)) {
            this.warnedSuffix.add(text);
            this.ctx.out.warn(`column ${JSON.stringify(m.header)}: values in ${JSON.stringify(text)} may be ${read.readings.map((x) => x.name).join(' or ')}; read as ${r.name} (${r.symbol})`);
        }
        return v * r.factor;
    }
    /** Number from bytes: sign, digits, fraction, exponent; trailing unit left in sufS/sufE. NaN if none. */
    parseNum(b, s, e) {
        this.sufS = -1;
        while (s < e && b[s] === 32)
            s++;
        while (e > s && b[e - 1] === 32)
            e--;
        if (s >= e)
            return Number.NaN;
        let i = s;
        let c = b[i];
        let neg = false;
        if (c === 45 || c === 43) {
            neg = c === 45;
            if (++i >= e)
                return Number.NaN;
            c = b[i];
        }
        const intStart = i;
        let m = 0;
        while (c >= 48 && c <= 57) {
            m = m * 10 + (c - 48);
            if (++i >= e)
                break;
            c = b[i];
        }
        let digits = i - intStart;
        let v = m;
        if (i < e && c === 46) {
            const fs = ++i;
            let f = 0;
            while (i < e) {
                c = b[i];
                if (c < 48 || c > 57)
                    break;
                f = f * 10 + (c - 48);
                i++;
            }
            const fd = i - fs;
            digits += fd;
            if (fd > 0)
                v = m + f / (fd < POW10.length ? POW10[fd] : 10 ** fd);
        }
        if (digits === 0)
            return Number.NaN;
        if (i < e && (b[i] === 101 || b[i] === 69)) {
            let k = i + 1;
            let eneg = false;
            if (b[k] === 45) {
                eneg = true;
                k++;
            }
            else if (b[k] === 43)
                k++;
            let x = 0;
            const xs = k;
            while (k < e && b[k] >= 48 && b[k] <= 57) {
                x = x * 10 + (b[k] - 48);
                k++;
            }
            if (k > xs) {
                v *= 10 ** (eneg ? -x : x);
                i = k;
            }
        }
        if (i < e) {
            while (i < e && b[i] === 32)
                i++;
            this.sufS = i;
            this.sufE = e;
        }
        return neg ? -v : v;
    }
    parseTs(b, s, e) {
        while (s < e && b[s] === 32)
            s++;
        while (e > s && b[e - 1] === 32)
            e--;
        const tc = this.time;
        // YYYY/MM/DD HH:MM:SS(.fff) and YYYY-MM-DD[T ]HH:MM:SS(.f+)(Z|±hh:mm)
        if (e - s >= 19 && tc.relative !== true) {
            const sep = b[s + 4];
            if ((sep === 47 || sep === 45) && b[s + 7] === sep && (b[s + 10] === 32 || b[s + 10] === 84) && b[s + 13] === 58 && b[s + 16] === 58) {
                const y = d4(b, s);
                const mo = d2(b, s + 5);
                const d = d2(b, s + 8);
                const hh = d2(b, s + 11);
                const mi = d2(b, s + 14);
                const ss = d2(b, s + 17);
                if (y >= 0 && mo >= 0 && d >= 0 && hh >= 0 && mi >= 0 && ss >= 0) {
                    const ymd = y * 10000 + mo * 100 + d;
                    if (ymd !== this.cachedYmd) {
                        if (mo < 1 || mo > 12 || d < 1 || d > 31)
                            return null;
                        this.cachedYmd = ymd;
                        this.cachedDay = Date.UTC(y, mo - 1, d) / 1000;
                    }
                    let t = this.cachedDay + hh * 3600 + mi * 60 + ss;
                    let k = s + 19;
                    if (k < e && (b[k] === 46 || b[k] === 44)) {
                        k++;
                        let f = 0;
                        let fd = 0;
                        while (k < e && b[k] >= 48 && b[k] <= 57) {
                            if (fd < 15) {
                                f = f * 10 + (b[k] - 48);
                                fd++;
                            }
                            k++;
                        }
                        t += f / (POW10[fd] ?? 1);
                    }
                    if (k === e || (b[k] === 90 && k + 1 === e)) {
                        tc.relative = false;
                        return t;
                    }
                    if ((b[k] === 43 || b[k] === 45) && (e - k === 6 || e - k === 5)) {
                        const oh = d2(b, k + 1);
                        const om = d2(b, e - 2);
                        if (oh >= 0 && om >= 0) {
                            tc.relative = false;
                            return t - (b[k] === 45 ? -1 : 1) * (oh * 3600 + om * 60);
                        }
                    }
                }
            }
        }
        const c = b[s] ?? 0;
        if (c >= 48 && c <= 57) {
            const v = this.parseNum(b, s, e);
            if (this.sufS < 0)
                return this.timeOf(v);
        }
        return this.timeText(b.toString('utf8', s, e));
    }
    /** Seconds from a plain number in the time column (epoch, or relative: time.ts TimeColumn). */
    timeOf(v) {
        const t = this.time.fromNumber(v);
        if (this.time.relative === true)
            this.relativeTimes();
        return t;
    }
    timeText(text) {
        const t = this.time.fromText(text, this.ctx.out.dates);
        if (this.time.relative === true)
            this.relativeTimes();
        return t;
    }
    /** Times are seconds since the log began: no start/end dates, and no fast lane (it reads dates). */
    relativeTimes() {
        this.ctx.out.relativeTime = true;
        this.laneCfg = null;
    }
    deviceOf(b) {
        const plan = this.plan;
        if (plan.key < 0 && plan.host < 0) {
            if (this.single === null) {
                const name = plan.name >= 0 ? trimmed(b, this.starts[plan.name] ?? 0, this.ends[plan.name] ?? 0) : null;
                this.single = this.ctx.out.device('0', { name });
            }
            return this.single;
        }
        let ks = plan.key >= 0 ? (this.starts[plan.key] ?? 0) : 0;
        let ke = plan.key >= 0 ? (this.ends[plan.key] ?? 0) : 0;
        while (ks < ke && b[ks] === 32)
            ks++;
        while (ke > ks && b[ke - 1] === 32)
            ke--;
        let hs = plan.host >= 0 ? (this.starts[plan.host] ?? 0) : 0;
        let he = plan.host >= 0 ? (this.ends[plan.host] ?? 0) : 0;
        while (hs < he && b[hs] === 32)
            hs++;
        while (he > hs && b[he - 1] === 32)
            he--;
        let h = 0x811c9dc5;
        for (let i = ks; i < ke; i++)
            h = Math.imul(h ^ b[i], 16777619);
        h = Math.imul(h ^ 124, 16777619);
        for (let i = hs; i < he; i++)
            h = Math.imul(h ^ b[i], 16777619);
        const len = ke - ks + 1 + he - hs;
        const keys = this.keys;
        for (let i = 0; i < keys.length; i++) {
            const k = keys[i];
            if (k.hash === h && k.bytes.length === len && sameBytes(k.bytes, b, ks, ke, hs, he))
                return k.acc;
        }
        const key = latin1(b, ks, ke);
        const host = plan.host >= 0 ? latin1(b, hs, he) : null;
        const name = plan.name >= 0 ? trimmed(b, this.starts[plan.name] ?? 0, this.ends[plan.name] ?? 0) : null;
        const acc = this.ctx.out.device(host ? `${host}/${key || '0'}` : key || '0', { name, host });
        const bytes = Buffer.concat([b.subarray(ks, ke), Buffer.from([124]), b.subarray(hs, he)]);
        keys.push({ hash: h, bytes, acc });
        return acc;
    }
    fixedDevice(col, device) {
        let d = this.fixed[col];
        if (!d) {
            d = this.ctx.out.device(device);
            this.fixed[col] = d;
        }
        return d;
    }
    /** Slow path for a row with quoted cells. */
    rowFromStrings(cells, terminated) {
        const plan = this.plan;
        const out = this.ctx.out;
        let t = null;
        if (plan.ts >= 0) {
            t = this.timeText(cells[plan.ts] ?? '');
            if (t === null) {
                out.reject(this.line, terminated ? 'unparseable timestamp' : 'truncated last line');
                return;
            }
        }
        const cell = (i) => (i >= 0 ? (cells[i] ?? '').trim() : '');
        for (const m of plan.measures) {
            const dev = m.device !== null
                ? this.fixedDevice(m.col, m.device)
                : out.device(plan.host >= 0 ? `${cell(plan.host)}/${cell(plan.key) || '0'}` : cell(plan.key) || '0', {
                    name: cell(plan.name) || null,
                    host: cell(plan.host) || null,
                });
            const buf = Buffer.from(cell(m.col), 'utf8');
            let v = this.parseNum(buf, 0, buf.length);
            if (this.sufS >= 0 && v === v)
                v = this.suffix(buf, v, m);
            v *= m.factor;
            if (m.kind === 'power')
                dev.addPower(t, v);
            else if (m.kind === 'counter')
                dev.addCounter(t, v);
            else if (v >= 0)
                dev.addEnergy(v, t);
            else if (v === v)
                dev.negative++;
            else
                dev.na++;
        }
    }
}
/** bytes === b[ks..ke) + '|' + b[hs..he), without a native call per row. */
function sameBytes(bytes, b, ks, ke, hs, he) {
    let j = 0;
    for (let i = ks; i < ke; i++)
        if (bytes[j++] !== b[i])
            return false;
    j++;
    for (let i = hs; i < he; i++)
        if (bytes[j++] !== b[i])
            return false;
    return true;
}
function d2(b, i) {
    const x = b[i] - 48;
    const y = b[i + 1] - 48;
    return x >= 0 && x <= 9 && y >= 0 && y <= 9 ? x * 10 + y : -1;
}
function d4(b, i) {
    const h = d2(b, i);
    const l = d2(b, i + 2);
    return h >= 0 && l >= 0 ? h * 100 + l : -1;
}
function trimmed(b, s, e) {
    const v = b.toString('utf8', s, e).trim();
    return v === '' || v === '[N/A]' ? null : v;
}
/** Minimal CSV split for the rare quoted row ("a, b",c). */
function splitQuoted(line) {
    const out = [];
    let cur = '';
    let q = false;
    for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (q) {
            if (ch === '"') {
                if (line[i + 1] === '"') {
                    cur += '"';
                    i++;
                }
                else
                    q = false;
            }
            else
                cur += ch;
        }
        else if (ch === '"')
            q = true;
        else if (ch === ',') {
            out.push(cur);
            cur = '';
        }
        else
            cur += ch;
    }
    out.push(cur);
    return out;
}
/** Stream a power CSV into ctx.out. */
async function scanPowerCsv(stream, ctx, opts) {
    const sc = new Scanner(ctx, opts);
    let rest = null;
    for await (const chunk of stream) {
        let buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        if (rest !== null) {
            // Only the line that straddles the chunk boundary is copied. Bounded: a file that never
            // breaks its line would otherwise be copied over and over as it grows (quadratic).
            const nl = buf.indexOf(10);
            if (nl < 0) {
                if (rest.length + buf.length > MAX_LINE_BYTES)
                    throw lineTooLong(ctx.path, sc.line + 1);
                rest = Buffer.concat([rest, buf]);
                continue;
            }
            if (rest.length + nl > MAX_LINE_BYTES)
                throw lineTooLong(ctx.path, sc.line + 1);
            sc.feed(Buffer.concat([rest, buf.subarray(0, nl + 1)]), false);
            buf = buf.subarray(nl + 1);
            rest = null;
        }
        const used = sc.feed(buf, false);
        if (buf.length - used > MAX_LINE_BYTES)
            throw lineTooLong(ctx.path, sc.line + 1);
        rest = used < buf.length ? Buffer.from(buf.subarray(used)) : null;
    }
    if (rest !== null && rest.length > 0)
        sc.feed(rest, true);
    if (sc.plan === null) {
        throw new InputError({ code: 'LOG_CORRUPT', file: ctx.path, expected: 'a header and at least one data row', got: 'an empty log' });
    }
    if (sc.repeatedHeaders > 0)
        ctx.out.warn(`${sc.repeatedHeaders} repeated header line(s) skipped (concatenated logs)`);
    if (ctx.out.rows > 0 && ctx.out.rowsRejected === ctx.out.rows) {
        throw new InputError({
            code: 'LOG_CORRUPT',
            file: ctx.path,
            line: sc.line,
            expected: `rows matching the header (${sc.plan.ncols} fields, a timestamp and a power value)`,
            got: `all ${ctx.out.rows} rows rejected`,
        });
    }
}

// A home-made power or energy log in CSV: `timestamp,device,power_w` (long format) or
// `timestamp,device,energy_j` (energy per row) or `total_energy_j` (a cumulative counter,
// differenced). Column names and units per columns.ts / units.ts. Same byte scanner as nvidia-smi.
const genericCsv = {
    id: 'power-csv',
    description: 'generic power/energy CSV (timestamp, device, power_w | energy_j | total_energy_j)',
    sniff(head) {
        const first = firstLines(head, 1)[0] ?? '';
        const plan = planFromHeader(splitQuoted(first));
        if (!plan || plan.measures.some((m) => m.device !== null))
            return 0;
        return plan.ts >= 0 || plan.key >= 0 ? 0.6 : 0.4;
    },
    // The byte scanner copies the one line that straddles two chunks and nothing else.
    borrowsChunks: true,
    parse(stream, ctx) {
        ctx.out.scope = 'device';
        return scanPowerCsv(stream, ctx, { allowNoHeader: false });
    },
};

// A home-made power or energy log as JSON lines, one sample per line, keys as in a generic CSV
// header (columns.ts): {"timestamp": "2024-10-13T03:33:31Z", "device": "0", "power_w": 312.4}
// or {"ts": 1728790411.2, "gpu": 1, "energy_j": 12.5}. Values may be numbers or strings.
function keysOf(line) {
    try {
        const v = JSON.parse(line);
        return v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : null;
    }
    catch {
        return null;
    }
}
const genericJsonl = {
    id: 'power-jsonl',
    description: 'generic power/energy JSON lines (timestamp, device, power_w | energy_j)',
    sniff(head) {
        const first = firstLines(head, 1)[0] ?? '';
        if (!first.startsWith('{'))
            return 0;
        const keys = keysOf(first);
        if (!keys)
            return 0;
        const plan = planFromHeader(keys);
        return plan ? 0.7 : 0;
    },
    async parse(stream, ctx) {
        const out = ctx.out;
        out.scope = 'device';
        const plans = new Map();
        // One time column per key set (plan): absolute or relative seconds, decided by its first value.
        const times = new Map();
        for await (const ln of readLines(stream, ctx.path)) {
            const text = ln.text.trim();
            if (text === '')
                continue;
            out.rows++;
            let obj;
            try {
                obj = JSON.parse(text);
            }
            catch {
                out.reject(ln.n, ln.terminated ? 'not valid JSON' : 'truncated last line');
                continue;
            }
            if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
                out.reject(ln.n, 'not a JSON object');
                continue;
            }
            const rec = obj;
            const keys = Object.keys(rec);
            const sig = keys.join('\u0000');
            let plan = plans.get(sig);
            if (plan === undefined) {
                plan = planFromHeader(keys);
                if (plans.size < 64)
                    plans.set(sig, plan);
                if (plan)
                    out.columns(plan.measures);
            }
            if (!plan) {
                out.reject(ln.n, 'no power or energy key');
                continue;
            }
            const val = (i) => (i >= 0 ? rec[keys[i]] : undefined);
            const str = (i) => {
                const v = val(i);
                return v === undefined || v === null ? null : String(v);
            };
            let t = null;
            if (plan.ts >= 0) {
                let tc = times.get(plan);
                if (tc === undefined) {
                    tc = new TimeColumn(plan.tsScale, plan.tsRelative);
                    if (times.size < 64)
                        times.set(plan, tc);
                }
                const v = val(plan.ts);
                t = typeof v === 'number' ? tc.fromNumber(v) : tc.fromText(String(v), out.dates);
                if (tc.relative === true)
                    out.relativeTime = true;
                if (t === null) {
                    out.reject(ln.n, 'unparseable timestamp');
                    continue;
                }
            }
            const host = str(plan.host);
            const key = str(plan.key) ?? '0';
            for (const m of plan.measures) {
                const dev = m.device !== null ? out.device(m.device) : out.device(host ? `${host}/${key}` : key, { name: str(plan.name), host });
                const raw = val(m.col);
                let v;
                if (typeof raw === 'number')
                    v = raw;
                else if (typeof raw === 'string') {
                    const u = /^\s*([-+]?[\d.]+(?:e[-+]?\d+)?)\s*([A-Za-z]*)\s*$/i.exec(raw);
                    // A unit in the value decides for it (the column's unit is then not rescaled: builder.ts).
                    const unit = u?.[2] ? readUnit(u[2], m.kind === 'power' ? 'power' : 'energy') : null;
                    if (u?.[2])
                        m.cellUnits = true;
                    const f = u?.[2] ? (unit?.readings[0]?.factor ?? null) : 1;
                    v = u?.[1] !== undefined && f !== null ? Number(u[1]) * f : Number.NaN;
                }
                else
                    v = Number.NaN;
                v *= m.factor;
                if (m.kind === 'power')
                    dev.addPower(t, v);
                else if (m.kind === 'counter')
                    dev.addCounter(t, v);
                else if (v >= 0) {
                    dev.addEnergy(v, t);
                    if (t !== null)
                        out.seen(t);
                }
                else if (v === v)
                    dev.negative++;
                else
                    dev.na++;
            }
        }
        if (out.rows > 0 && out.rows === out.rowsRejected)
            throw new InputError({ code: 'LOG_CORRUPT', file: ctx.path, expected: 'JSON lines with a power or energy key', got: `all ${out.rows} lines rejected` });
    },
};

// A Hugging Face model card's `co2_eq_emissions` (README.md YAML front matter, or a YAML/JSON
// file holding the same key): a number, or a mapping with `emissions` in GRAMS (HF docs,
// "Displaying carbon emissions for your model"), `source`, `training_type`,
// `geographical_location`, `hardware_used`. Emissions only: energy_kwh is null.
function frontMatter(text) {
    const m = /^---\r?\n([\s\S]*?)\r?\n(---|\.\.\.)\s*(\r?\n|$)/.exec(text);
    return m?.[1] ?? null;
}
const hfCard = {
    id: 'hf-card',
    description: 'Hugging Face model card co2_eq_emissions (README.md front matter, YAML or JSON)',
    sniff(head, path) {
        if (!/(^|\n|["{,\s])co2_eq_emissions["']?\s*:/.test(head))
            return 0;
        if (head.startsWith('---'))
            return 0.95;
        return /\.(md|ya?ml|json)$/i.test(path) ? 0.9 : 0.6;
    },
    async parse(stream, ctx) {
        const out = ctx.out;
        out.scope = 'host';
        const text = await readAll(stream, ctx.path, 16 * 1024 * 1024);
        const yamlText = text.startsWith('---') ? frontMatter(text) : text;
        if (yamlText === null)
            throw new InputError({
                code: 'LOG_CORRUPT',
                file: ctx.path,
                line: 1,
                expected: 'YAML front matter closed by ---',
                got: 'an unterminated front matter block',
            });
        const { parse } = await import('./index2.js').then(function (n) { return n.i; });
        let doc;
        try {
            doc = parse(yamlText);
        }
        catch (e) {
            const line = e.linePos?.[0]?.line;
            throw new InputError({
                code: 'LOG_CORRUPT',
                file: ctx.path,
                line,
                expected: 'valid YAML/JSON',
                got: e instanceof Error ? e.message.split('\n')[0]?.slice(0, 100) : 'a syntax error',
            });
        }
        const v = doc !== null && typeof doc === 'object' ? doc.co2_eq_emissions : undefined;
        const gToKg = unitFactor('g', 'mass') ?? 1e-3;
        out.rows = 1;
        let grams = null;
        let meta = {};
        if (typeof v === 'number')
            grams = v;
        else if (typeof v === 'string' && Number.isFinite(Number(v)))
            grams = Number(v);
        else if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
            meta = v;
            const e = meta.emissions;
            grams = typeof e === 'number' ? e : typeof e === 'string' && Number.isFinite(Number(e)) ? Number(e) : null;
        }
        if (grams === null)
            throw new InputError({
                code: 'LOG_CORRUPT',
                file: ctx.path,
                field: 'co2_eq_emissions',
                expected: 'a number of grams or a mapping with emissions (grams)',
                got: JSON.stringify(v)?.slice(0, 60) ?? 'nothing',
            });
        if (grams < 0)
            throw new InputError({ code: 'LOG_CORRUPT', file: ctx.path, field: 'co2_eq_emissions.emissions', expected: 'grams >= 0', got: String(grams) });
        out.co2eKg = grams * gToKg;
        out.energyKwhOverride = null;
        out.warn('a model card reports emissions (grams CO2e) only, no energy: energy_kwh is null');
        out.noEnergy = {
            code: 'emissions_only',
            reason: 'a model card reports emissions (grams CO2e) only, no energy',
            fix: "give the stage's energy_kwh (or an energy log) instead of the model card",
        };
        const s = (k) => (typeof meta[k] === 'string' ? meta[k] : null);
        out.extra.hf_co2_eq_emissions = {
            emissions: grams,
            source: s('source'),
            training_type: s('training_type'),
            geographical_location: s('geographical_location'),
            hardware_used: s('hardware_used'),
        };
    },
};

// The log `ml-lca measure` writes (format id `ml-lca-measure`): JSON lines, appended and written
// through to the OS after every sample, so a killed sampler or a crashed job keeps what it measured.
// The sampler imports only the types (no zod at run time: it must stay small); the ingest format
// (src/ingest/formats/ml-lca-measure.ts) validates the header, channel and end records with them.
//
//   {"ml_lca_measure":1,"started":"2026-01-05T10:00:00.000Z","host":"gpu-node-1","interval_s":1,"tool":"ml-lca 0.1.0"}
//   {"channel":"gpu0","kind":"gpu","scope":"device","source":"nvidia-smi","name":"NVIDIA H100 80GB HBM3","estimate":false}
//   {"channel":"rapl:package-0","kind":"cpu","scope":"host","source":"rapl","name":"package-0","estimate":false}
//   {"t":1767607200.000,"ch":"rapl:package-0","j":0}                        cumulative energy since start, J
//   {"t":1767607200.512,"ch":"gpu0","w":312.45}                             power, W (null: not available)
//   {"t":1767607201.000,"ch":"cpu","j":45.1,"j_low":20.3,"j_high":62.5}      an estimate, with its range
//   {"t":1767607201.300,"note":"nvidia-smi exited with code 9: ..."}
//   {"t":1767607260.000,"end":"2026-01-05T10:01:00.000Z","reason":"command exited","exit_code":0,"signal":null}
//
// Scope: `device` channels (GPUs) are accelerator-only energy; `host` channels (CPU package, DRAM,
// their estimates) are the rest of the server that ml-lca can see. A log with host channels is
// host-inclusive energy, like CodeCarbon's (no it_overhead_factor on it).
const MEASURE_FORMAT_ID = 'ml-lca-measure';
const MEASURE_LOG_VERSION = 1;
const ChannelId = string().regex(/^[A-Za-z0-9:._-]{1,64}$/, 'a channel id of letters, digits and : . _ -');
const MeasureHeader = object({
    ml_lca_measure: literal(MEASURE_LOG_VERSION),
    started: string(),
    host: string().max(255),
    interval_s: number().positive(),
    tool: string().max(100),
});
const ChannelKind = _enum(['gpu', 'cpu', 'dram', 'ram']);
const MeasureChannel = object({
    channel: ChannelId,
    kind: ChannelKind,
    scope: _enum(['device', 'host']),
    /** Where the numbers come from: nvidia-smi, amdgpu-hwmon (what rocm-smi reads), rapl, estimate. */
    source: _enum(['nvidia-smi', 'amdgpu-hwmon', 'rapl', 'estimate']),
    name: string().max(255).nullable(),
    estimate: boolean(),
    /** How an estimate is made, with the source of its figures (estimates only). */
    method: string().max(1000).optional(),
    uuid: string().max(100).optional(),
});
const MeasureEnd = object({
    t: number(),
    end: string(),
    reason: string().max(200),
    exit_code: number().int().nullable().optional(),
    signal: string().max(20).nullable().optional(),
    /** The sampler's own cost: CPU seconds after start-up, peak resident memory. */
    overhead: object({ cpu_s: number(), max_rss_mib: number(), nvidia_smi_processes: number().int() }).optional(),
});

// The log `ml-lca measure` writes (src/measure/log.ts): JSON lines with a header, one record per
// channel, then power samples (`w`, integrated by the trapezoid rule) and cumulative energy
// readings (`j`, differenced). Scope: a log with CPU/memory channels is host-inclusive energy
// (GPU + CPU + memory, like CodeCarbon's: no it_overhead_factor); GPU channels alone are
// device-only. Estimated channels (CPU from utilisation × TDP, memory from its size) are named in
// the warnings with their share of the energy, and their range goes to `estimated` (SOURCE).
// Several sessions appended to one file are read one after another. A session without an end
// record was cut short (killed sampler, crashed job): what was written counts, with a warning.
const MAX_NOTE = 300;
const KIND_NAME = { gpu: 'GPU', cpu: 'CPU', dram: 'DRAM', ram: 'memory' };
const mlLcaMeasure = {
    id: MEASURE_FORMAT_ID,
    description: 'the log `ml-lca measure` writes (GPU power, RAPL counters, CPU/memory estimates; JSON lines)',
    sniff(head) {
        const first = firstLines(head, 1)[0] ?? '';
        return /^\{"ml_lca_measure":\s*\d+/.test(first) ? 0.99 : 0;
    },
    async parse(stream, ctx) {
        const out = ctx.out;
        let session = 0;
        let host = null;
        let channels = new Map();
        const all = [];
        let ended = true;
        let lastT = null;
        const cutShort = [];
        const exits = [];
        const closeSession = () => {
            if (session > 0 && !ended)
                cutShort.push(lastT !== null ? isoOf(lastT) : 'its start');
        };
        for await (const ln of readLines(stream, ctx.path)) {
            const text = ln.text.trim();
            if (text === '')
                continue;
            let v;
            try {
                v = JSON.parse(text);
            }
            catch {
                out.rows++;
                // The last line of a killed sampler may be cut: expected, not corruption.
                out.reject(ln.n, ln.terminated ? 'not valid JSON' : 'truncated last line');
                continue;
            }
            if (v === null || typeof v !== 'object' || Array.isArray(v)) {
                out.rows++;
                out.reject(ln.n, 'not a JSON object');
                continue;
            }
            const r = v;
            if (typeof r.ch === 'string') {
                out.rows++;
                const st = channels.get(r.ch);
                // A time a Date can hold (1e308 would end as "Invalid time value" in a warning).
                const t = typeof r.t === 'number' && validEpoch(r.t) ? r.t : null;
                if (!st) {
                    out.reject(ln.n, 'sample of a channel not declared before it');
                    continue;
                }
                if (t === null) {
                    out.reject(ln.n, 'sample without a time "t"');
                    continue;
                }
                lastT = t;
                const dev = out.device(st.key, { name: st.ch.name, host });
                if ('w' in r)
                    dev.addPower(t, typeof r.w === 'number' ? r.w : Number.NaN);
                else if (typeof r.j === 'number') {
                    dev.addCounter(t, r.j);
                    st.firstJ ??= r.j;
                    st.lastJ = r.j;
                    if (typeof r.j_low === 'number') {
                        st.firstLow ??= r.j_low;
                        st.lastLow = r.j_low;
                    }
                    if (typeof r.j_high === 'number') {
                        st.firstHigh ??= r.j_high;
                        st.lastHigh = r.j_high;
                    }
                }
                else
                    out.reject(ln.n, 'sample without "w" (W) or "j" (J)');
                continue;
            }
            if ('ml_lca_measure' in r) {
                const h = MeasureHeader.safeParse(r);
                if (!h.success)
                    throw corrupt(ctx.path, ln.n, 'a header record {"ml_lca_measure":1, started, host, interval_s, tool}', text);
                closeSession();
                session++;
                ended = false;
                host = h.data.host || null;
                channels = new Map();
                continue;
            }
            if (session === 0)
                throw corrupt(ctx.path, ln.n, 'the header record first', text);
            if ('channel' in r) {
                const c = MeasureChannel.safeParse(r);
                if (!c.success)
                    throw corrupt(ctx.path, ln.n, 'a channel record (channel, kind, scope, source, name, estimate)', text);
                const key = session > 1 ? `${c.data.channel}#${session}` : c.data.channel;
                const st = { ch: c.data, key, firstJ: null, lastJ: null, firstLow: null, lastLow: null, firstHigh: null, lastHigh: null };
                channels.set(c.data.channel, st);
                all.push(st);
                out.device(key, { name: c.data.name, host }).kind = c.data.kind;
                continue;
            }
            if (typeof r.note === 'string') {
                out.warn(`${host ? `${host}: ` : ''}${r.note.slice(0, MAX_NOTE)}`);
                continue;
            }
            if ('end' in r) {
                const e = MeasureEnd.safeParse(r);
                if (!e.success)
                    throw corrupt(ctx.path, ln.n, 'an end record (t, end, reason)', text);
                ended = true;
                if (e.data.signal)
                    exits.push(`the measured command was killed by ${e.data.signal}`);
                else if (e.data.exit_code)
                    exits.push(`the measured command exited with code ${e.data.exit_code}`);
                continue;
            }
            out.rows++;
            out.reject(ln.n, 'not a header, channel, sample, note or end record');
        }
        if (session === 0)
            throw corrupt(ctx.path, 1, 'a header record {"ml_lca_measure":1, ...}', '');
        closeSession();
        for (const at of cutShort)
            out.warn(`the measurement has no end record (sampler killed or still running): energy counts up to its last sample at ${at}`);
        for (const e of exits)
            out.warn(`${e}: the energy covers the run up to that point`);
        // Host-inclusive when the CPU or memory was measured or estimated; GPU-only logs are device scope.
        out.scope = all.some((s) => s.ch.scope === 'host') ? 'host' : 'device';
        const est = estimateRange(all);
        if (est) {
            out.extra.estimated = est;
            const kinds = new Set(all.filter((s) => s.ch.estimate).map((s) => s.ch.kind));
            const how = [kinds.has('cpu') ? 'CPU from /proc/stat utilisation × TDP' : '', kinds.has('ram') ? 'memory from its size' : ''].filter(Boolean).join(', ');
            const names = [...kinds].map((k) => KIND_NAME[k]).join(' and ');
            out.warn(`${names} power ${kinds.size > 1 ? 'are ESTIMATES' : 'is an ESTIMATE'}, not measured (${how}, as CodeCarbon does without RAPL; sources[].estimated.method says how): ` +
                `${fmt(est.energy_kwh)} kWh, range ${fmt(est.low_kwh)}–${fmt(est.high_kwh)} kWh`);
        }
    },
};
const fmt = (kwh) => Number(kwh.toPrecision(3)).toString();
function estimateRange(all) {
    const est = all.filter((s) => s.ch.estimate);
    if (est.length === 0)
        return undefined;
    let j = 0;
    let low = 0;
    let high = 0;
    for (const s of est) {
        const e = s.firstJ !== null && s.lastJ !== null ? Math.max(0, s.lastJ - s.firstJ) : 0;
        j += e;
        low += s.firstLow !== null && s.lastLow !== null ? Math.max(0, s.lastLow - s.firstLow) : e;
        high += s.firstHigh !== null && s.lastHigh !== null ? Math.max(0, s.lastHigh - s.firstHigh) : e;
    }
    const methods = [...new Set(est.map((s) => `${KIND_NAME[s.ch.kind]}: ${s.ch.method ?? 'estimate'}`))];
    return { energy_kwh: jToKwh(j), low_kwh: jToKwh(Math.min(low, j)), high_kwh: jToKwh(Math.max(high, j)), method: methods.join('; ') };
}
function corrupt(file, line, expected, got) {
    return new InputError({ code: 'LOG_CORRUPT', file, line, expected, got: got ? JSON.stringify(got.slice(0, 80)) : 'nothing' });
}

// `nvidia-smi dmon` (-s p / -s pucvmet, optionally -o T or -o DT): fixed-width columns, `#` header
// lines (names, then units), repeated every screenful; `pwr` in W; `-` when not available.
// `-o T` adds `Time` (HH:MM:SS, no date: times are relative and wrap at midnight; start/end are
// then not reported), `-o DT` adds `Date` (YYYYMMDD) too. Without them the samples have no
// timestamp: pass --interval (dmon's default -d is 1 s).
const nvidiaSmiDmon = {
    id: 'nvidia-smi-dmon',
    description: 'nvidia-smi dmon (fixed width, # header lines)',
    sniff(head) {
        const first = firstLines(head, 1)[0] ?? '';
        return /^#\s*(Date\s+)?(Time\s+)?gpu\s+/i.test(first) && /\bpwr\b/i.test(first) ? 0.95 : 0;
    },
    async parse(stream, ctx) {
        const out = ctx.out;
        out.scope = 'device';
        let names = null;
        let units = null;
        let iGpu = -1;
        let iPwr = -1;
        let iDate = -1;
        let iTime = -1;
        let factor = 1;
        let dayOffset = 0;
        let lastTod = -1;
        for await (const ln of readLines(stream, ctx.path)) {
            const text = ln.text.trim();
            if (text === '')
                continue;
            if (text.startsWith('#')) {
                const cells = text.slice(1).trim().split(/\s+/);
                if (cells.some((c) => /^pwr$/i.test(c))) {
                    names = cells.map((c) => c.toLowerCase());
                    iGpu = names.indexOf('gpu');
                    iPwr = names.indexOf('pwr');
                    iDate = names.indexOf('date');
                    iTime = names.indexOf('time');
                    units = null;
                }
                else if (names !== null && units === null) {
                    units = cells;
                    const u = units[iPwr];
                    factor = u ? (unitFactor(u, 'power') ?? 1) : 1;
                }
                continue;
            }
            if (names === null || iPwr < 0) {
                throw new InputError({
                    code: 'LOG_CORRUPT',
                    file: ctx.path,
                    line: ln.n,
                    expected: 'a `# gpu pwr ...` header line before data',
                    got: JSON.stringify(text.slice(0, 60)),
                });
            }
            out.rows++;
            const cells = text.split(/\s+/);
            if (cells.length !== names.length) {
                out.reject(ln.n, ln.terminated ? `expected ${names.length} columns` : 'truncated last line');
                continue;
            }
            let t = null;
            if (iTime >= 0) {
                const tod = parseTimeOfDay(cells[iTime] ?? '');
                if (tod === null) {
                    out.reject(ln.n, 'unparseable time');
                    continue;
                }
                if (iDate >= 0) {
                    const day = parseCompactDate(cells[iDate] ?? '');
                    if (day === null) {
                        out.reject(ln.n, 'unparseable date');
                        continue;
                    }
                    t = day + tod;
                }
                else {
                    if (lastTod >= 0 && tod < lastTod - 43200)
                        dayOffset += 86400;
                    lastTod = tod;
                    t = dayOffset + tod;
                }
            }
            const raw = cells[iPwr] ?? '-';
            const w = raw === '-' ? Number.NaN : Number(raw) * factor;
            const gpu = iGpu >= 0 ? (cells[iGpu] ?? '0') : '0';
            if (!Number.isFinite(w) && raw !== '-') {
                out.reject(ln.n, 'pwr is not a number');
                continue;
            }
            out.device(gpu).addPower(t, w);
        }
        if (names === null)
            throw new InputError({ code: 'LOG_CORRUPT', file: ctx.path, expected: 'nvidia-smi dmon output', got: 'no header' });
        if (iTime >= 0 && iDate < 0) {
            out.relativeTime = true;
            out.warn('dmon -o T logs time of day without a date: energy is exact, start/end are not reported');
        }
    },
};

// nvidia-smi --query-gpu=... --format=csv[,noheader][,nounits] -l 1 (and scripts that rename its
// header), down to `--query-gpu=power.draw --format=csv,noheader,nounits`: one number per line,
// no timestamp (energy needs --interval / the stage's interval_s). Every header/unit/timestamp variant goes through the byte scanner (power-scan.ts);
// this file only recognises the format. Device key: uuid, else pci.bus_id, else index
// (columns.ts); host-qualified when a host column exists.
const NATIVE_TS = /^\s*\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?\s*,/;
/** `--query-gpu=power.draw --format=csv,noheader[,nounits]`: one value per line (`69.47`, `69.47 W`, `[N/A]`). */
const LONE_VALUE = /^(\d+(\.\d+)?( ?W)?|\[N\/A\])$/;
const nvidiaSmi = {
    id: 'nvidia-smi',
    description: 'nvidia-smi --query-gpu CSV (with or without header/units)',
    sniff(head) {
        const lines = firstLines(head, 20);
        const first = lines[0] ?? '';
        if (/(^|,)\s*power\.draw(\.(average|instant))?\s*(\[[^\]]*\])?\s*(,|$)/i.test(first))
            return 0.95;
        const data = lines.filter((l) => !l.startsWith('#'));
        // Power alone, one value per line, at least one with a decimal fraction as nvidia-smi prints it.
        if (data.length > 0 && data.every((l) => LONE_VALUE.test(l)) && data.some((l) => /\.\d/.test(l)))
            return 0.6;
        if (data.length === 0 || !data.every((l) => l.includes(',')))
            return 0;
        const native = data.filter((l) => NATIVE_TS.test(l)).length;
        const watts = data.filter((l) => /,\s*[\d.]+ W\s*(,|$)/.test(l)).length;
        const gpuKey = data.filter((l) => /(GPU-[0-9a-f]{8}-|[0-9A-F]{8}:[0-9A-F]{2}:[0-9A-F]{2}\.\d|\[N\/A\])/i.test(l)).length;
        if (native >= data.length / 2 && (watts > 0 || gpuKey > 0))
            return 0.9;
        if (watts >= data.length / 2)
            return 0.8;
        if (native >= data.length / 2)
            return 0.7;
        if (gpuKey >= data.length / 2 && /power/i.test(first))
            return 0.65;
        return 0;
    },
    // The byte scanner copies the one line that straddles two chunks and nothing else.
    borrowsChunks: true,
    parse(stream, ctx) {
        ctx.out.scope = 'device';
        return scanPowerCsv(stream, ctx, { allowNoHeader: true, unquoted: true });
    },
};

// A wide per-GPU power CSV, one column per device: `timestamp,GPU0,GPU1,...` (also `gpu0_power_w`,
// `cuda:1 [W]`). Each column becomes device `0`, `1`, ...; same byte scanner as nvidia-smi.
const wideGpuCsv = {
    id: 'wide-gpu-csv',
    description: 'wide per-GPU power CSV (timestamp,GPU0,GPU1,...)',
    sniff(head) {
        const first = firstLines(head, 1)[0] ?? '';
        const plan = planFromHeader(splitQuoted(first));
        if (!plan?.measures.every((m) => m.device !== null))
            return 0;
        return plan.measures.length >= 2 ? 0.75 : 0.5;
    },
    // The byte scanner copies the one line that straddles two chunks and nothing else.
    borrowsChunks: true,
    parse(stream, ctx) {
        ctx.out.scope = 'device';
        return scanPowerCsv(stream, ctx, { allowNoHeader: false });
    },
};

// Zeus (ml.energy) measurement windows. CSV from `ZeusMonitor(log_file=…)`:
//   start_time,window_name,elapsed_time,gpu0_energy,gpu1_energy,…     (epoch s, s, J per window)
// or JSON / JSON lines of `Measurement`s: {"window": "train", "time": 12.3, "gpu_energy": {"0": 4567.8}}.
// Windows may nest (an `epoch` window inside a `train` window): energy counts once, from the
// outermost windows only (a window fully inside another is left out and reported).
const zeus = {
    id: 'zeus',
    description: 'Zeus measurement windows (CSV log_file or JSON lines), J per window',
    sniff(head) {
        const first = (firstLines(head, 1)[0] ?? '').toLowerCase();
        if (/^start_time,window_name,elapsed_time/.test(first))
            return 0.95;
        if (first.startsWith('{') || first.startsWith('['))
            return /"gpu_energy"\s*:\s*\{/.test(head) ? 0.9 : 0;
        return 0;
    },
    async parse(stream, ctx) {
        ctx.out.scope = 'device';
        // Zeus reads NVML's total-energy counter (Volta and newer) for each window.
        ctx.out.method = 'energy_counter';
        const windows = [];
        // Re-read the first bytes to decide CSV vs JSON without buffering the file.
        const it = stream[Symbol.asyncIterator]();
        const firstChunk = await it.next();
        const head = firstChunk.done ? '' : Buffer.from(firstChunk.value).toString('utf8', 0, 64).trimStart();
        async function* replay() {
            if (!firstChunk.done)
                yield firstChunk.value;
            for (;;) {
                const n = await it.next();
                if (n.done)
                    return;
                yield n.value;
            }
        }
        if (head.startsWith('{') || head.startsWith('['))
            await readJson(replay(), ctx, windows);
        else
            await readZeusCsv(replay(), ctx, windows);
        finish(ctx, windows);
    },
};
async function readZeusCsv(stream, ctx, windows) {
    const out = ctx.out;
    let gpuCols = null;
    let ncols = 0;
    for await (const rec of readCsv(stream, ctx.path)) {
        const c = rec.cells;
        if (gpuCols === null || c[0] === 'start_time') {
            gpuCols = [];
            c.forEach((h, i) => {
                const m = /^gpu(\d+)_energy$/i.exec(h);
                if (m?.[1] !== undefined)
                    gpuCols?.push([i, m[1]]);
            });
            ncols = c.length;
            continue;
        }
        out.rows++;
        if (c.length !== ncols) {
            out.reject(rec.line, `expected ${ncols} fields`);
            continue;
        }
        const energy = new Map();
        let bad = false;
        for (const [i, gpu] of gpuCols) {
            const v = Number(c[i]);
            if ((c[i] ?? '') === '' || !Number.isFinite(v))
                bad = true;
            else if (v < 0)
                ctx.out.device(gpu).negative++;
            else
                energy.set(gpu, v);
        }
        if (bad) {
            out.reject(rec.line, 'gpu energy is not a number');
            continue;
        }
        const start = Number(c[0]);
        const elapsed = Number(c[2]);
        windows.push({
            name: c[1] ?? '',
            start: Number.isFinite(start) ? start : null,
            elapsed: Number.isFinite(elapsed) ? elapsed : null,
            energy,
            line: rec.line,
        });
    }
}
function windowFrom(o, line) {
    if (o === null || typeof o !== 'object')
        return null;
    const r = o;
    const ge = r.gpu_energy;
    if (ge === null || typeof ge !== 'object')
        return null;
    const energy = new Map();
    for (const [k, v] of Object.entries(ge))
        if (typeof v === 'number' && v >= 0)
            energy.set(k, v);
    const num = (x) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
    return {
        name: typeof r.window === 'string' ? r.window : typeof r.name === 'string' ? r.name : '',
        start: num(r.start_time),
        elapsed: num(r.time) ?? num(r.elapsed_time),
        energy,
        line,
    };
}
/** Largest JSON value (one measurement, or a whole pretty-printed array) read as one piece. */
const MAX_JSON_VALUE = 256 * 1024 * 1024;
/**
 * Bracket depth outside strings, carried from line to line, so a value spread over many lines
 * is parsed once, when it closes, not once per line (which is quadratic in its length).
 */
class JsonDepth {
    depth = 0;
    inString = false;
    escaped = false;
    feed(line) {
        for (let i = 0; i < line.length; i++) {
            const c = line.charCodeAt(i);
            if (this.inString) {
                if (this.escaped)
                    this.escaped = false;
                else if (c === 92)
                    this.escaped = true;
                else if (c === 34)
                    this.inString = false;
            }
            else if (c === 34)
                this.inString = true;
            else if (c === 123 || c === 91)
                this.depth++;
            else if (c === 125 || c === 93)
                this.depth--;
        }
    }
    reset() {
        this.depth = 0;
        this.inString = false;
        this.escaped = false;
    }
}
async function readJson(stream, ctx, windows) {
    const out = ctx.out;
    let pending = '';
    let startLine = 0;
    const depth = new JsonDepth();
    for await (const ln of readLines(stream, ctx.path)) {
        if (pending === '' && ln.text.trim() === '')
            continue;
        if (pending === '')
            startLine = ln.n;
        pending += `${ln.text}\n`;
        depth.feed(ln.text);
        if (pending.length > MAX_JSON_VALUE)
            throw new InputError({ code: 'LOG_CORRUPT', file: ctx.path, line: startLine, expected: 'JSON values under 256 MiB', got: 'a larger one' });
        // Still inside a value: nothing to parse yet (a truncated last value is reported below).
        if (depth.depth > 0 && ln.terminated)
            continue;
        let v;
        try {
            v = JSON.parse(pending);
        }
        catch {
            if (!ln.terminated) {
                out.rows++;
                out.reject(startLine, 'truncated last line');
            }
            else if (depth.depth <= 0) {
                // Not JSON although its brackets closed: reject this piece and read on (re-parsing it
                // with every later line would be quadratic and reject the rest of the file too).
                out.rows++;
                out.reject(startLine, 'not valid JSON');
                pending = '';
                depth.reset();
            }
            continue;
        }
        pending = '';
        depth.reset();
        const items = Array.isArray(v) ? v : [v];
        for (const item of items) {
            out.rows++;
            const w = windowFrom(item, startLine);
            if (w)
                windows.push(w);
            else
                out.reject(startLine, 'not a Zeus measurement (no gpu_energy mapping)');
        }
    }
    if (pending.trim() !== '')
        throw new InputError({ code: 'LOG_CORRUPT', file: ctx.path, line: startLine, expected: 'complete JSON', got: 'unterminated JSON' });
}
/**
 * Windows inside another window: w is inner when some other window o starts no later, ends no
 * earlier, and is longer (or, for the same window logged twice, comes later). Sorted by start,
 * then longest first, then latest line first, a window is inner exactly when a window before it
 * in that order ends no earlier: one sweep, O(n log n) rather than comparing every pair.
 */
function innerWindows(windows) {
    const timed = windows.filter((w) => w.start !== null && w.elapsed !== null);
    timed.sort((a, b) => a.start - b.start || b.elapsed - a.elapsed || b.line - a.line);
    const inner = new Set();
    let maxEnd = Number.NEGATIVE_INFINITY;
    for (const w of timed) {
        const end = w.start + w.elapsed;
        if (maxEnd >= end)
            inner.add(w);
        if (end > maxEnd)
            maxEnd = end;
    }
    return inner;
}
function finish(ctx, windows) {
    const out = ctx.out;
    let nested = 0;
    const innerSet = innerWindows(windows);
    const runs = [];
    for (const w of windows) {
        const inner = innerSet.has(w);
        if (inner) {
            nested++;
            continue;
        }
        for (const [gpu, j] of w.energy)
            out.device(gpu).addEnergy(j);
        // A window with a start time is an identity: the same window in two files counts once.
        if (w.start !== null)
            runs.push({ id: `zeus:${w.name}@${w.start}`, energy_kwh: jToKwh([...w.energy.values()].reduce((a, b) => a + b, 0)) });
        if (w.start !== null) {
            out.seen(w.start);
            if (w.elapsed !== null)
                out.seen(w.start + w.elapsed);
        }
    }
    if (nested > 0)
        out.warn(`${nested} window(s) nested inside another window left out so energy counts once`);
    if (runs.length > 0)
        out.extra.runs = runs;
    // Every row rejected: energy_kwh null and the builder says why (the stage is incomplete).
}

// The only list of log formats (style.md §5). Order matters only to break equal sniff scores:
// specific formats first, generic ones last.
const FORMATS = [
    mlLcaMeasure,
    codecarbon,
    eco2ai,
    nvidiaSmi,
    nvidiaSmiDmon,
    dcgmProm,
    dcgmJson,
    zeus,
    hfCard,
    wideGpuCsv,
    genericCsv,
    genericJsonl,
];
/** Below this best score a file is not recognised. */
const MIN_SNIFF = 0.3;
function detectFormat(head, path) {
    let best = null;
    for (const format of FORMATS) {
        const score = format.sniff(head, path);
        if (score >= MIN_SNIFF && (best === null || score > best.score))
            best = { format, score };
    }
    return best;
}

// Ingest API (docs/architecture.md): files or globs in, SOURCE objects out.
// Per file: peek at the head (≤ 64 KiB, kept and replayed, so the file is read once), detect the
// format by content, stream the rest through that format's parser into a SourceBuilder.
const HEAD_BYTES = 64 * 1024;
const PROGRESS_EVERY_MS = 1000;
async function* withProgress(stream, file, total, io) {
    let done = 0;
    let lastAt = io.now().getTime();
    for await (const chunk of stream) {
        done += chunk.byteLength;
        yield chunk;
        const now = io.now().getTime();
        if (now - lastAt >= PROGRESS_EVERY_MS) {
            lastAt = now;
            const mb = (done / 1e6).toFixed(0);
            io.log(total ? `ingest: ${file} ${Math.floor((100 * done) / total)}% (${mb} MB)` : `ingest: ${file} ${mb} MB`);
        }
    }
}
/** Ingest one file; the format is detected from its content. */
async function ingestFile(file, opts, io, displayPath = file) {
    const size = await io.size(file).catch((e) => {
        throw InputError.is(e) ? renamed(e, displayPath) : e;
    });
    if (size === null)
        throw new InputError({ code: 'FILE_NOT_FOUND', file: displayPath, expected: 'an existing file', got: 'no such file' });
    const raw = io.openRead(file);
    let source = raw;
    if (io.progress)
        source = withProgress(source, displayPath, size, io);
    const it = source[Symbol.asyncIterator]();
    const head = [];
    let headBytes = 0;
    let ended = false;
    try {
        while (headBytes < HEAD_BYTES) {
            const n = await it.next();
            if (n.done) {
                ended = true;
                break;
            }
            head.push(n.value);
            headBytes += n.value.byteLength;
        }
    }
    catch (e) {
        if (e instanceof InputError)
            throw e;
        const code = e?.code;
        if (code === 'ENOTREG') {
            throw new InputError({ code: 'NOT_REGULAR_FILE', file: displayPath, expected: 'a regular file', got: 'not a regular file' });
        }
        throw new InputError({
            code: code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE',
            file: displayPath,
            expected: 'a readable file',
            got: code ?? 'a read error',
        });
    }
    const headBuf = Buffer.concat(head.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength)));
    const headText = headBuf.subarray(0, HEAD_BYTES).toString('utf8');
    if (headBuf.length === 0)
        throw new InputError({ code: 'LOG_CORRUPT', file: displayPath, expected: 'a non-empty log', got: 'an empty file' });
    if (headBuf.subarray(0, 4096).includes(0)) {
        throw new InputError({
            code: 'LOG_UNKNOWN_FORMAT',
            file: displayPath,
            expected: `a text log in one of: ${FORMATS.map((f) => f.id).join(', ')}`,
            got: 'binary data',
        });
    }
    const found = detectFormat(headText, file);
    if (!found) {
        // No quote of the file: it is not a log we recognise, so it may be anything (a key file, a
        // config with secrets that a glob matched by mistake).
        throw new InputError({
            code: 'LOG_UNKNOWN_FORMAT',
            file: displayPath,
            line: 1,
            expected: `a log in one of the formats tried: ${FORMATS.map((f) => f.id).join(', ')}`,
            got: 'a file none of them recognises (check the header line)',
        });
    }
    async function* replay() {
        yield headBuf;
        if (ended)
            return;
        for (;;) {
            const n = await it.next();
            if (n.done)
                return;
            yield n.value;
        }
    }
    // The head was copied (headBuf): from here on the chunks go to the parser alone.
    if (found.format.borrowsChunks === true)
        raw.reuseChunks?.();
    const out = new SourceBuilder(displayPath, found.format.id, opts);
    try {
        await found.format.parse(replay(), { path: displayPath, opts, out });
    }
    finally {
        // A parser that stops early (corrupt line) leaves the file open otherwise.
        await it.return?.();
    }
    return out.build();
}
function renamed(e, file) {
    return new InputError({ code: e.code, file, line: e.line, field: e.field, expected: e.expected, got: e.got, hint: e.hint });
}
async function ingestFiles(paths, opts, io) {
    const out = [];
    for (const p of paths)
        out.push(await ingestFile(p, opts, io));
    return out;
}
/**
 * Globs relative to `cwd` (a scenario's directory or the working directory). A pattern that
 * leaves `cwd` is refused (PATH_ESCAPE); one that matches nothing is LOG_NO_MATCH naming it.
 * Paths in the SOURCE objects are relative to `cwd`, with `/`.
 */
async function ingestPatterns(patterns, cwd, opts, io) {
    const root = path.resolve(cwd);
    const files = [];
    for (const pattern of patterns) {
        const norm = pattern.replace(/\\/g, '/');
        if (path.isAbsolute(norm) || norm.split('/').includes('..')) {
            const abs = path.resolve(root, norm);
            if (abs !== root && !abs.startsWith(root + path.sep)) {
                throw new InputError({ code: 'PATH_ESCAPE', field: 'logs', expected: `a path inside ${root}`, got: JSON.stringify(pattern) });
            }
        }
        const matched = (await io.glob([norm], root)).filter((f) => {
            const abs = path.resolve(root, f);
            return abs === root || abs.startsWith(root + path.sep);
        });
        const existing = [];
        for (const f of matched) {
            // After symlinks too: a link in the workspace to a file outside it is not read.
            await containedPath(io, root, f, { field: 'logs' }).catch((e) => {
                if (!InputError.is(e))
                    throw e;
                const rel = path.relative(root, f).split(path.sep).join('/');
                throw new InputError({
                    code: e.code,
                    field: 'logs',
                    expected: e.expected,
                    got: `${JSON.stringify(rel)} (matched by ${JSON.stringify(pattern)})`,
                    hint: 'a symlink to a file outside',
                });
            });
            if ((await io.size(f)) !== null)
                existing.push(f);
        }
        if (existing.length === 0) {
            throw new InputError({
                code: 'LOG_NO_MATCH',
                field: 'logs',
                expected: 'a glob matching at least one log file',
                got: JSON.stringify(pattern),
                hint: `relative to ${root}`,
            });
        }
        for (const f of existing)
            if (!files.includes(f))
                files.push(f);
    }
    const sources = [];
    for (const f of files) {
        const rel = path.relative(root, path.resolve(root, f)).split(path.sep).join('/');
        sources.push(await ingestFile(f, opts, io, rel));
    }
    return sources;
}

var index = /*#__PURE__*/Object.freeze({
    __proto__: null,
    FORMATS: FORMATS,
    ingestFile: ingestFile,
    ingestFiles: ingestFiles,
    ingestPatterns: ingestPatterns
});

export { CounterSeries as C, PowerSeries as P, ingestFile as a, implausibleAboveW as b, index as c, ingestPatterns as i };
