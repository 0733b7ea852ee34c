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
import { InputError } from '../../errors.js';
import { readCsv } from '../lines.js';
import { firstLines } from '../sniff.js';
import { parseTimestamp } from '../time.js';
import type { LogFormat } from '../types.js';
import { unitFactor } from '../units.js';

/** Mean power above which a CodeCarbon row is flagged (one host: 16 GPUs × 1 kW is well under). */
const ABSURD_KW = 100;
/** Emission factor above which kg/kWh is flagged (coal is ≈ 1). */
const ABSURD_KG_PER_KWH = 2;

interface RunRow {
  line: number;
  /** run_id (or experiment_id) as logged; null when the row has neither (then it is its own run). */
  runId: string | null;
  project: string;
  energy: number;
  emissions: number | null;
  duration: number | null;
  pue: number;
  water: number | null;
  cpu: number | null;
  gpu: number | null;
  ram: number | null;
  end: number | null;
  cpuModel: string | null;
  gpuModel: string | null;
  location: string | null;
}

/** Where CodeCarbon placed the run: the cloud region when on a cloud, else country and region. */
function locationOf(get: (name: string) => string | null): string | null {
  const cloud = [get('cloud_provider'), get('cloud_region')].filter((x) => x !== null).join(' ');
  if (cloud !== '') return cloud;
  const place = [get('country_name'), get('region')].filter((x) => x !== null).join(', ');
  return place === '' ? null : place;
}

export const codecarbon: LogFormat = {
  id: 'codecarbon',
  description: 'CodeCarbon emissions.csv (1.x to 3.x)',
  sniff(head) {
    const h = (firstLines(head, 1)[0] ?? '').toLowerCase();
    const cols = h.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
    if (cols.includes('energy_consumed') && cols.includes('emissions') && cols.includes('duration')) return 0.95;
    // CodeCarbon-like but without its energy column: claim it so the error names what is missing.
    if (cols.includes('emissions') && cols.includes('duration') && (cols.includes('run_id') || cols.includes('experiment_id'))) return 0.5;
    return 0;
  },
  async parse(stream, ctx) {
    const out = ctx.out;
    out.scope = 'host';
    // A software estimate of the host's energy (NVML for GPUs; RAPL or a TDP model for CPUs; a per-GB constant for RAM).
    out.method = 'software_estimate';
    let col: Map<string, number> | null = null;
    let ncols = 0;
    let header: string[] = [];
    const runs = new Map<string, RunRow>();
    const seen = new Set<string>();
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
      if (seen.size < 1_000_000) seen.add(joined);
      const m = col;
      const get = (name: string): string | null => {
        const i = m.get(name);
        if (i === undefined) return null;
        const v = cells[i] ?? '';
        return v === '' ? null : v;
      };
      const num = (name: string): number | null => {
        const v = get(name);
        if (v === null) return null;
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
      const finite = (x: number | null): number | null => (x === null || Number.isNaN(x) ? null : x);
      if (emissions !== null && emissions < 0) out.warn(`line ${rec.line}: negative emissions ${emissions}; ignored`);
      if (duration !== null && duration > 0 && (energy * 3600) / duration > ABSURD_KW) {
        out.warn(
          `line ${rec.line}: energy_consumed ${energy} kWh in ${duration} s is a mean of ${((energy * 3600) / duration).toPrecision(3)} kW, implausible for one host; check the log`,
        );
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
      if (prev && energy < prev.energy) decreasing++;
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
      if (pue === null && !m.has('pue')) unitless++;
    }
    if (col === null) throw new InputError({ code: 'LOG_CORRUPT', file: ctx.path, expected: 'a CodeCarbon header row', got: 'an empty file' });
    const hasPue = col.has('pue');
    let energy = 0;
    let co2: number | null = null;
    let water: number | null = null;
    let duration: number | null = null;
    const comp = { cpu: 0, gpu: 0, ram: 0 };
    const compSeen = { cpu: false, gpu: false, ram: false };
    let cpuModel: string | null = null;
    let gpuModel: string | null = null;
    const pues = new Set<number>();
    let rawEnergy = 0;
    for (const r of runs.values()) {
      energy += r.energy / r.pue;
      rawEnergy += r.energy;
      pues.add(r.pue);
      if (r.emissions !== null) {
        co2 = (co2 ?? 0) + r.emissions;
        out.loggedRun(r.emissions, r.energy, r.location);
      }
      if (r.water !== null) water = (water ?? 0) + r.water;
      if (r.duration !== null) duration = (duration ?? 0) + r.duration;
      for (const k of ['cpu', 'gpu', 'ram'] as const) {
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
        if (r.duration !== null) out.seen(r.end - r.duration);
      }
    }
    const kwhToJ = unitFactor('kWh', 'energy') ?? 3.6e6;
    for (const k of ['cpu', 'gpu', 'ram'] as const) {
      if (!compSeen[k]) continue;
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
    if (identified.length > 0) out.extra.runs = identified.map((r) => ({ id: `codecarbon:${r.project}/${r.runId}`, energy_kwh: r.energy / r.pue }));
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
      if (pues.size === 1) out.loggedPue = [...pues][0] ?? null;
      else {
        out.loggedPue = rawEnergy / energy;
        out.warn(`runs logged different PUEs (${[...pues].join(', ')}); each divided out; logged_pue is their energy-weighted mean`);
      }
      if (out.loggedPue !== null && out.loggedPue !== 1)
        out.warn(`logged PUE ${out.loggedPue} divided out of energy_consumed (energy at the IT equipment); emissions kept as logged`);
    } else if (!hasPue && unitless > 0) {
      out.warn('no pue column (CodeCarbon < 2.3): energy taken as logged, at the IT equipment (PUE 1)');
    }
    const snapshots = out.rows - out.rowsRejected - duplicates - runs.size;
    if (snapshots > 0) out.warn(`${snapshots} earlier cumulative snapshot row(s) of the same run superseded by the run's last row`);
    if (duplicates > 0) out.warn(`${duplicates} exact duplicate row(s) ignored`);
    if (decreasing > 0) out.warn(`${decreasing} snapshot(s) with less energy than the run's previous row (not cumulative?); the last row still counts`);
    // Every row rejected: no energy (energy_kwh null); the builder reports the reasons and the
    // stage is incomplete, rather than the whole assessment stopping.
  },
};
