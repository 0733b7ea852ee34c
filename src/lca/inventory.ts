// ISO 14044 phase 2, life cycle inventory: per stage, the energy (split by scope), the hours
// the hardware was held, the inferences served. Pure: sources come in, data goes out.
import { z } from 'zod';
import { type Source, timeMs } from '../ingest/source.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { lookupHardware } from '../data/hardware.js';
import { MEASURED, StageCompleteness, incompleteFromSources, noEnergySource } from './completeness.js';

export const StageInventory = z.object({
  /** Accelerator-only energy (GPU power logs, hours × count × power): gets it_overhead_factor. */
  device_energy_kwh: z.number(),
  /** Whole-server energy (CodeCarbon, eco2ai, a stage's energy_kwh): no overhead factor. */
  host_energy_kwh: z.number(),
  origin: z.enum(['logs', 'energy_kwh', 'estimate', 'prometheus']),
  hours: z.number().nullable(),
  hours_origin: z.enum(['scenario', 'logs', 'none']).optional(),
  inferences: z.number().nullable(),
  count: z.number().int(),
  /** Paths of the logs whose energy was counted. */
  sources: z.array(z.string()),
  /** Measured, a deliberate estimate, or incomplete (energy unknown): see completeness.ts. */
  completeness: StageCompleteness,
  warnings: z.array(z.string()),
});
export type StageInventory = z.infer<typeof StageInventory>;

/** Formats whose energy covers the whole host (CPU + GPU + RAM). Others are device-only. */
const HOST_FORMATS = /^(codecarbon|eco2ai|hf[-_]?card|huggingface)/i;

export function scopeOf(src: Source): 'device' | 'host' {
  return src.scope ?? (HOST_FORMATS.test(src.format) ? 'host' : 'device');
}

/** Wall-clock span of a source in hours: duration_s, else end − start. */
function spanHours(src: Source): number | null {
  if (src.duration_s !== null && src.duration_s >= 0) return src.duration_s / 3600;
  const a = timeMs(src.start);
  const b = timeMs(src.end);
  return a !== null && b !== null && b >= a ? (b - a) / 3_600_000 : null;
}

/** True when two sources' time windows overlap, or when we cannot tell (missing timestamps). */
function mayOverlap(a: Source, b: Source): boolean {
  const a0 = timeMs(a.start);
  const a1 = timeMs(a.end);
  const b0 = timeMs(b.start);
  const b1 = timeMs(b.end);
  if (a0 === null || a1 === null || b0 === null || b1 === null) return true;
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
export function buildInventories(resolved: ResolvedScenario, sourcesByStage: Record<string, Source[]>): Record<string, StageInventory> {
  const out: Record<string, StageInventory> = {};
  for (const [name, stage] of Object.entries(resolved.stages)) {
    const warnings: string[] = [];
    const count = stage.count ?? resolved.hardware.count;
    // Own keys only: a stage named `constructor` without logs must not find Object's constructor.
    const srcs = (Object.hasOwn(sourcesByStage, name) ? sourcesByStage[name] : undefined) ?? [];
    // Number.isFinite is false for null as for NaN and ±Infinity: no separate null check.
    const withEnergy = srcs.filter((s) => Number.isFinite(s.energy_kwh));
    // Files whose energy is missing or partial: the stage's energy is not determined.
    const broken = srcs.filter((s): s is Source & Required<Pick<Source, 'incomplete'>> => s.incomplete !== undefined);
    for (const s of broken) warnings.push(`${name}: ${s.path}: ${s.incomplete.reason}${s.energy_kwh === null ? '; not counted' : ''}`);
    const hosts = withEnergy.filter((s) => scopeOf(s) === 'host');
    const used: Source[] = [...hosts];
    for (const d of withEnergy.filter((s) => scopeOf(s) === 'device')) {
      const clash = hosts.find((h) => mayOverlap(h, d));
      if (clash) {
        warnings.push(
          `${name}: ${d.path} (device-only energy) is not counted because ${clash.path} (whole-server energy) covers the same ${timeMs(d.start) === null || timeMs(clash.start) === null ? 'run (no timestamps to tell them apart)' : 'time window'}; counting both would double count the GPU energy`,
        );
      } else {
        used.push(d);
      }
    }

    // Hours: given, else the longest log span (parallel logs of one job cover the same hours).
    let hours: number | null = stage.hours ?? null;
    let hoursOrigin: StageInventory['hours_origin'] = hours !== null ? 'scenario' : 'none';
    if (hours === null) {
      const spans = srcs.map(spanHours).filter((h): h is number => h !== null);
      if (spans.length > 0) {
        hours = Math.max(...spans);
        hoursOrigin = 'logs';
      }
    }

    let device = 0;
    let host = 0;
    let origin: StageInventory['origin'];
    let fallback: string | null = null;
    const named = srcs.length > 0 || stage.logs !== undefined || stage.prometheus !== undefined;
    if (used.length > 0) {
      for (const s of used) {
        if (scopeOf(s) === 'host') host += s.energy_kwh ?? 0;
        else device += s.energy_kwh ?? 0;
      }
      origin = stage.prometheus && used.some((s) => /prom/i.test(s.format)) ? 'prometheus' : 'logs';
      if (stage.energy_kwh !== undefined) warnings.push(`${name}: energy_kwh (${stage.energy_kwh}) is ignored because the stage's logs give its energy`);
    } else if (stage.energy_kwh !== undefined) {
      if (named) {
        fallback = `energy_kwh (${stage.energy_kwh}) is counted in its place`;
        warnings.push(`${name}: no energy from logs; ${fallback}`);
      }
      host = stage.energy_kwh;
      origin = 'energy_kwh';
    } else {
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
      } else {
        origin = named ? (stage.prometheus ? 'prometheus' : 'logs') : 'estimate';
        if (!named && stated !== null) {
          warnings.push(`${name}: hardware.power_w unknown (model not in the bundled data): the stage's energy cannot be estimated`);
        }
      }
    }
    if (hours === null && (used.length > 0 || origin === 'energy_kwh')) {
      warnings.push(`${name}: hours unknown (set stages.${name}.hours or use logs with timestamps): embodied carbon for this stage is counted as 0`);
    }

    let completeness: StageCompleteness;
    if (broken.length > 0) completeness = incompleteFromSources(name, broken, fallback);
    else if (named && used.length === 0 && fallback === null) {
      // A Prometheus query (or a file) that gave no energy and nothing to fall back on.
      const prom = origin === 'prometheus';
      completeness = {
        status: 'incomplete',
        reason: prom ? 'its Prometheus query gave no energy' : 'its logs gave no energy',
        file: srcs[0]?.path ?? null,
        fix: prom ? `check stages.${name}.prometheus (the query, its time window and the server's answer)` : `check stages.${name}.logs`,
      };
    } else if (origin === 'energy_kwh') {
      completeness = { status: 'estimate', reason: `energy_kwh ${stage.energy_kwh} stated in the scenario, not read from a log`, file: null, fix: null };
    } else if (origin === 'estimate') {
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
    } else completeness = MEASURED;

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
function hardwareChecks(stage: string, r: ResolvedScenario, count: number, srcs: readonly Source[]): string[] {
  const out: string[] = [];
  const logged = new Set<string>();
  const ids = new Set<string>();
  for (const s of srcs) {
    for (const d of s.devices) {
      // CPU and memory channels of an `ml-lca measure` log are not accelerators.
      if (d.kind !== undefined && d.kind !== 'gpu') continue;
      ids.add(`${d.host ?? ''}/${d.id}`);
      const m = d.name ? lookupHardware(d.name)?.model : undefined;
      if (m) logged.add(m);
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
