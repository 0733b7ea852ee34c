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
import { type Source, timeMs } from '../ingest/source.js';

export interface CountOnceResult {
  /** Per stage, the sources with the energy that is theirs to count (duplicates taken out). */
  byStage: Record<string, Source[]>;
  warnings: string[];
}

interface Seen {
  stage: string;
  path: string;
}

const fmt = (x: number) => Number(x.toPrecision(4)).toString();

/**
 * A device identity that is the same physical device wherever it appears: its UUID where the log
 * has one, else its host-qualified id (host/index), else an id that is a UUID; null for a bare
 * index (per-host logs without host names: different files may be different hosts).
 */
function deviceKey(d: Source['devices'][number]): string | null {
  if (d.uuid) return `uuid:${d.uuid}`;
  if (/^GPU-[0-9a-f]{8}-|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/i.test(d.id)) return `uuid:${d.id}`;
  if (d.host) return d.id; // host-qualified by the builder: host/index
  return null;
}

/** Share of `s`'s window that `o`'s window covers (1 when either window is unknown: cannot tell them apart). */
function coveredShare(s: Source, o: Source): number {
  const a0 = timeMs(s.start);
  const a1 = timeMs(s.end);
  const b0 = timeMs(o.start);
  const b1 = timeMs(o.end);
  if (a0 === null || a1 === null || b0 === null || b1 === null) return 1;
  const overlap = Math.min(a1, b1) - Math.max(a0, b0);
  if (overlap < 0) return 0; // windows that only touch give 0 / (a1 - a0) = 0 below; a point on the edge is inside
  return a1 > a0 ? Math.min(1, overlap / (a1 - a0)) : 1;
}

/** Identity of a file's content, for logs without run ids (an identified run is matched by its id instead). */
function fingerprint(s: Source): string | null {
  if (s.runs?.length || s.energy_kwh === null || s.energy_kwh === 0) return null;
  const devices = s.devices.map((d) => `${d.uuid ?? d.id}:${d.samples}:${d.energy_kwh}`).join(',');
  return [s.format, s.start, s.end, s.rows, s.energy_kwh, devices].join('|');
}

/** The source as counted in a stage when all of it was already counted elsewhere. */
function countedElsewhere(s: Source): Source {
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

export function countOnce(byStage: Record<string, readonly Source[]>): CountOnceResult {
  const warnings: string[] = [];
  const paths = new Map<string, Seen>();
  const prints = new Map<string, Seen>();
  const runs = new Map<string, Seen & { energy_kwh: number }>();
  const devices: Array<Seen & { key: string; source: Source }> = [];
  const out: Record<string, Source[]> = {};
  const where = (stage: string, seen: Seen) => (seen.stage === stage ? seen.path : `${seen.path} (stage ${seen.stage})`);

  for (const [stage, list] of Object.entries(byStage)) {
    const adjusted: Source[] = [];
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
      const repeats = new Map<string, { what: string[]; kwh: number }>();
      const note = (seen: Seen, what: string, kwh: number) => {
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
          if (key === null || d.energy_kwh === null || d.energy_kwh === 0) continue;
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
      } else {
        adjusted.push(s);
      }
    }
    out[stage] = adjusted;
  }
  return { byStage: out, warnings };
}
