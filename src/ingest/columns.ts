// Which column of a power log is what, by header name (never by position), with the names
// nvidia-smi prints and the names scripts rename them to. Also the rule for headerless
// (`--format=csv,noheader`) logs, where columns are inferred from the first data row.
// Each measure carries the readings its unit allows (units.ts); where there is more than one
// (an ambiguous `mw`, no unit at all, a `_w` column that may hold milliwatts) the values decide
// once the file is read (builder.ts), by what is plausible for the device.
import { JOULES, MILLIJOULES, MILLIWATTS, readUnit, splitHeaderUnit, UNITLESS_POWER, type Quantity, type UnitReading } from './units.js';
import { parseTimestamp } from './time.js';

export type MeasureKind = 'power' | 'energy' | 'counter';

/**
 * Why a measure's unit may be read more than one way:
 *  certain:   one reading (nvidia-smi's own `power.draw [W]`, or `power (mW)`);
 *  ambiguous: the unit's case does not decide (`power_mw`: milliwatts or megawatts);
 *  none:      the header names no unit (`power`, `GPU0`);
 *  suspect:   a home-made `_w` column, which sometimes holds milliwatts (domain.md).
 */
export type UnitCase = 'certain' | 'ambiguous' | 'none' | 'suspect';

export interface Measure {
  col: number;
  kind: MeasureKind;
  /** To W (power) or J (energy, counter): the first reading's factor, applied as rows arrive. */
  factor: number;
  /** The readings the values may decide between, `factor`'s first; one when the unit is certain. */
  readings: UnitReading[];
  unitCase: UnitCase;
  /** Set by the reader when a cell carried its own unit (`250000 mW`): the cells decided, not the header. */
  cellUnits?: boolean;
  /** Fixed device of a wide per-GPU column (`GPU0`), else null (device from the key column). */
  device: string | null;
  header: string;
}

export interface ColumnPlan {
  ncols: number;
  /** Fields a row must have to reach every used column (last used index + 1). */
  need: number;
  ts: number;
  /** Seconds per unit of a numeric time column (`elapsed_ms`: 0.001); 1 when the header names none. */
  tsScale: number;
  /** The header says the times are relative (`sec`, `elapsed_s`, `t`): seconds since the log began. */
  tsRelative: boolean;
  key: number;
  name: number;
  host: number;
  measures: Measure[];
}

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
function unitOf(base: string, unit: string | null, caseKnown: boolean, kind: MeasureKind): { readings: UnitReading[]; unitCase: UnitCase } | null {
  const q: Quantity = kind === 'power' ? 'power' : 'energy';
  if (unit === null) {
    if (kind === 'power')
      return NVIDIA_POWER.has(base)
        ? { readings: [UNITLESS_POWER[0] as UnitReading], unitCase: 'certain' }
        : { readings: [...UNITLESS_POWER], unitCase: 'none' };
    // DCGM's counter is in mJ by definition; another counter without a unit: J or mJ.
    if (kind === 'counter')
      return base.startsWith('dcgm') ? { readings: [MILLIJOULES], unitCase: 'certain' } : { readings: [JOULES, MILLIJOULES], unitCase: 'none' };
    return null;
  }
  const read = readUnit(unit, q, caseKnown);
  if (read === null) return null;
  if (read.ambiguous) return { readings: read.readings, unitCase: 'ambiguous' };
  const only = read.readings[0] as UnitReading;
  // A home-made `_w` / `[W]` column is the classic home of milliwatts (domain.md); nvidia-smi's own is not.
  if (kind === 'power' && only.symbol === 'W' && !NVIDIA_POWER.has(base)) return { readings: [only, MILLIWATTS], unitCase: 'suspect' };
  return { readings: [only], unitCase: 'certain' };
}

function measure(col: number, kind: MeasureKind, u: { readings: UnitReading[]; unitCase: UnitCase }, device: string | null, header: string): Measure {
  return { col, kind, factor: (u.readings[0] as UnitReading).factor, readings: u.readings, unitCase: u.unitCase, device, header };
}

/** Plan from a header row; null when the row names no power or energy column. */
export function planFromHeader(cells: readonly string[]): ColumnPlan | null {
  const plan: ColumnPlan = { ncols: cells.length, need: 0, ts: -1, tsScale: 1, tsRelative: false, key: -1, name: -1, host: -1, measures: [] };
  let uuid = -1;
  let bus = -1;
  let index = -1;
  let power: { m: Measure; rank: number } | null = null;
  const wide: Measure[] = [];
  cells.forEach((cell, col) => {
    const { base, unit, caseKnown } = splitHeaderUnit(cell.replace(/^"|"$/g, ''));
    const raw = cell.trim().toLowerCase();
    const timeUnit = unit === null ? null : readUnit(unit, 'time');
    if (plan.ts < 0 && (TS.has(base) || TS.has(raw) || REL_TS.has(base) || REL_TS.has(raw)) && (unit === null || timeUnit !== null)) {
      plan.ts = col;
      plan.tsRelative = REL_TS.has(base) || REL_TS.has(raw);
      plan.tsScale = timeUnit?.readings[0]?.factor ?? 1;
    } else if (uuid < 0 && UUID.has(base)) uuid = col;
    else if (bus < 0 && BUS.has(raw)) bus = col;
    else if (index < 0 && INDEX.has(base)) index = col;
    else if (plan.name < 0 && NAME.has(base)) plan.name = col;
    else if (plan.host < 0 && HOST.has(base)) plan.host = col;
    else {
      const rank = POWER.indexOf(base);
      if (rank >= 0) {
        const u = unitOf(base, unit, caseKnown, 'power');
        if (u !== null && (power === null || rank < power.rank)) power = { m: measure(col, 'power', u, null, cell.trim()), rank };
        return;
      }
      if (COUNTER.test(base)) {
        const u = unitOf(base, unit, caseKnown, 'counter');
        if (u !== null) plan.measures.push(measure(col, 'counter', u, null, cell.trim()));
        return;
      }
      if (ENERGY.test(base) && unit !== null) {
        const u = unitOf(base, unit, caseKnown, 'energy');
        if (u !== null) plan.measures.push(measure(col, 'energy', u, null, cell.trim()));
        return;
      }
      const w = WIDE.exec(base);
      if (w?.[1] !== undefined) {
        const u = unitOf(base, unit, caseKnown, 'power');
        if (u !== null) wide.push(measure(col, 'power', u, String(Number(w[1])), cell.trim()));
      }
    }
  });
  plan.key = uuid >= 0 ? uuid : index >= 0 ? index : bus;
  if (power !== null) plan.measures.unshift((power as { m: Measure }).m);
  else if (wide.length > 0 && plan.key < 0) plan.measures.push(...wide);
  if (plan.measures.length === 0) return null;
  plan.need = needOf(plan);
  return plan;
}

function needOf(p: ColumnPlan): number {
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
export function inferPlan(cells: readonly string[]): ColumnPlan | null {
  const plan: ColumnPlan = { ncols: cells.length, need: 0, ts: -1, tsScale: 1, tsRelative: false, key: -1, name: -1, host: -1, measures: [] };
  const watts = { readings: [UNITLESS_POWER[0] as UnitReading], unitCase: 'certain' as const };
  if (cells.length === 1) {
    if (!LONE_VALUE_RE.test((cells[0] ?? '').trim())) return null;
    plan.measures.push(measure(0, 'power', watts, null, 'column 1'));
    plan.need = 1;
    return plan;
  }
  let power = -1;
  let index = -1;
  const decimals: number[] = [];
  cells.forEach((raw, col) => {
    const c = raw.trim();
    if (plan.ts < 0 && /[-/:]/.test(c) && parseTimestamp(c) !== null) plan.ts = col;
    else if (UUID_RE.test(c)) plan.key = col;
    else if (BUS_RE.test(c)) {
      if (plan.key < 0) plan.key = col;
    } else if (power < 0 && WATTS_RE.test(c)) power = col;
    else if (index < 0 && power < 0 && /^\d{1,2}$/.test(c)) index = col;
    else if (plan.name < 0 && /[a-z]/i.test(c) && GPU_NAME_RE.test(c)) plan.name = col;
    else if (/^\d+\.\d+$/.test(c)) decimals.push(col);
  });
  if (plan.key < 0) plan.key = index;
  if (power < 0 && decimals.length === 1 && decimals[0] !== undefined) power = decimals[0];
  if (power < 0) return null;
  plan.measures.push(measure(power, 'power', watts, null, `column ${power + 1}`));
  plan.need = needOf(plan);
  return plan;
}
