// The shapes interpretation reads from the core engine (src/lca/index.ts), narrowed from the
// engine's own types: a stage inventory with device/host energy, and the `assess` result.
import type { AssessResult } from '../index.js';
import type { StageInventory } from '../inventory.js';
import type { ResolvedScenario } from '../../scenario/resolved.js';
import type { Source } from '../../ingest/source.js';

/** What interpretation needs of a StageInventory (architecture.md): derived, so it cannot drift. */
export type InventoryLike = Pick<StageInventory, 'device_energy_kwh' | 'host_energy_kwh' | 'hours' | 'inferences' | 'count' | 'sources' | 'warnings'>;

/** The `assess` result as interpretation reads it (the refined boundary is not needed). */
export type AssessResultLike = Omit<AssessResult, 'boundary'>;

export type AssessFn<I extends InventoryLike> = (resolved: ResolvedScenario, inventories: Record<string, I>) => AssessResultLike;

/** The sources as a flat list or grouped by stage (what buildInventories was given). */
export type SourcesArg = Source[] | Record<string, Source[]>;

export function flattenSources(sources: SourcesArg): Source[] {
  if (Array.isArray(sources)) return sources;
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const list of Object.values(sources)) {
    for (const s of list) {
      if (seen.has(s.path)) continue;
      seen.add(s.path);
      out.push(s);
    }
  }
  return out;
}
