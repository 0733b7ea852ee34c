// The shapes interpretation reads from the core engine (src/lca/index.ts). Structural, so this
// module states exactly what it relies on: a stage inventory with device/host energy, and the
// `assess` result that the model card stores.
import type { z } from 'zod';
import type { Lifetime, PerFunctionalUnit, StageResult, Totals } from '../../report/card-schema.js';
import type { ResolvedScenario } from '../../scenario/resolved.js';
import type { Source } from '../../ingest/source.js';

/** What interpretation needs of a StageInventory (architecture.md); extra fields pass through. */
export interface InventoryLike {
  device_energy_kwh: number;
  host_energy_kwh: number;
  hours: number | null;
  inferences: number | null;
  count: number;
  sources: string[];
  warnings: string[];
}

export interface AssessResultLike {
  stages: Record<string, StageResult>;
  totals: z.infer<typeof Totals>;
  per_functional_unit: z.infer<typeof PerFunctionalUnit>;
  lifetime: z.infer<typeof Lifetime>;
  breakeven_inferences: number | null;
  warnings: string[];
}

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
