// Which column of a power log is what, by header name (never by position), with the names
// nvidia-smi prints and the names scripts rename them to. Also the rule for headerless
// (`--format=csv,noheader`) logs, where columns are inferred from the first data row.
import { splitHeaderUnit, unitFactor } from './units.js';
import { parseTimestamp } from './time.js';

export type MeasureKind = 'power' | 'energy' | 'counter';

export interface Measure {
  col: number;
  kind: MeasureKind;
  /** To W (power) or J (energy, counter). */
  factor: number;
  /** Fixed device of a wide per-GPU column (`GPU0`), else null (device from the key column). */
  device: string | null;
  header: string;
}

export interface ColumnPlan {
  ncols: number;
  /** Fields a row must have to reach every used column (last used index + 1). */
  need: number;
  ts: number;
  key: number;
  name: number;
  host: number;
  measures: Measure[];
}

const TS = new Set(['timestamp', 'time', 'datetime', 'date_time', 'ts', 'time_s', 'epoch', 'epoch_s', 'unix_time', 'date', 'time_stamp', 'timestamp_s']);
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

/** Plan from a header row; null when the row names no power or energy column. */
export function planFromHeader(cells: readonly string[]): ColumnPlan | null {
  const plan: ColumnPlan = { ncols: cells.length, need: 0, ts: -1, key: -1, name: -1, host: -1, measures: [] };
  let uuid = -1;
  let bus = -1;
  let index = -1;
  let power: { col: number; rank: number; factor: number; header: string } | null = null;
  const wide: Measure[] = [];
  cells.forEach((cell, col) => {
    const { base, unit } = splitHeaderUnit(cell.replace(/^"|"$/g, ''));
    const raw = cell.trim().toLowerCase();
    if (plan.ts < 0 && (TS.has(base) || TS.has(raw))) plan.ts = col;
    else if (uuid < 0 && UUID.has(base)) uuid = col;
    else if (bus < 0 && BUS.has(raw)) bus = col;
    else if (index < 0 && INDEX.has(base)) index = col;
    else if (plan.name < 0 && NAME.has(base)) plan.name = col;
    else if (plan.host < 0 && HOST.has(base)) plan.host = col;
    else {
      const rank = POWER.indexOf(base);
      if (rank >= 0) {
        const factor = unit === null ? 1 : unitFactor(unit, 'power');
        if (factor !== null && (power === null || rank < power.rank)) power = { col, rank, factor, header: cell.trim() };
        return;
      }
      if (COUNTER.test(base)) {
        const factor = unit === null ? (base.startsWith('dcgm') ? 1e-3 : 1) : unitFactor(unit, 'energy');
        if (factor !== null) plan.measures.push({ col, kind: 'counter', factor, device: null, header: cell.trim() });
        return;
      }
      if (ENERGY.test(base) && unit !== null) {
        const factor = unitFactor(unit, 'energy');
        if (factor !== null) plan.measures.push({ col, kind: 'energy', factor, device: null, header: cell.trim() });
        return;
      }
      const w = WIDE.exec(base);
      if (w?.[1] !== undefined) {
        const factor = unit === null ? 1 : unitFactor(unit, 'power');
        if (factor !== null) wide.push({ col, kind: 'power', factor, device: String(Number(w[1])), header: cell.trim() });
      }
    }
  });
  plan.key = uuid >= 0 ? uuid : index >= 0 ? index : bus;
  if (power !== null) {
    const p: { col: number; factor: number; header: string } = power;
    plan.measures.unshift({ col: p.col, kind: 'power', factor: p.factor, device: null, header: p.header });
  } else if (wide.length > 0 && plan.key < 0) plan.measures.push(...wide);
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

/**
 * Headerless nvidia-smi (`--format=csv,noheader[,nounits]`): columns from the first data row.
 * Rule (README): a date/time cell is the timestamp; `GPU-…` is the uuid, `0000:18:00.0` the PCI
 * bus id (either becomes the device key), otherwise a small integer before the power value is
 * the index; a cell with unit `W` is the power; without units, the power is the one decimal
 * number with a fraction among the remaining cells. Anything else cannot be inferred safely.
 */
export function inferPlan(cells: readonly string[]): ColumnPlan | null {
  const plan: ColumnPlan = { ncols: cells.length, need: 0, ts: -1, key: -1, name: -1, host: -1, measures: [] };
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
  plan.measures.push({ col: power, kind: 'power', factor: 1, device: null, header: `column ${power + 1}` });
  plan.need = needOf(plan);
  return plan;
}
