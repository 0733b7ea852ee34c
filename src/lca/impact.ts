// ISO 14044 phase 3, impact assessment per stage: facility energy, operational and embodied
// carbon, water, money. Formulas from domain.md (textbook and paper):
//   E_IT = E_device × it_overhead_factor + E_host      (overhead only on device-only energy)
//   E    = E_IT × PUE                                  (PUE applied exactly once)
//   C_op = E × CI_grid
//   C_emb = count × C_manufacturing × hours / (lifespan_years × 8760)   (time-share)
//   W    = E × WUE_site + E × water_intensity_grid
//   cost = E × electricity price + gpu_hour_usd × count × hours
import type { StageResult } from '../report/card-schema.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { HOURS_PER_YEAR } from '../data/facility.js';
import type { StageInventory } from './inventory.js';

export function assessStage(r: ResolvedScenario, inv: StageInventory): StageResult {
  const it = inv.device_energy_kwh * r.it_overhead_factor + inv.host_energy_kwh;
  const energy = it * r.pue;
  const operational = (energy * r.grid.intensity_g_per_kwh) / 1000;
  const embodiedPerGpu = r.hardware.embodied_kg ?? 0;
  const embodied = inv.hours === null ? 0 : (inv.count * embodiedPerGpu * inv.hours) / (r.hardware.lifespan_years * HOURS_PER_YEAR);
  const water = energy * r.wue_l_per_kwh + energy * r.grid.water_intensity_l_per_kwh;
  let cost: number | null = null;
  if (r.electricity_usd_per_kwh !== null) cost = energy * r.electricity_usd_per_kwh;
  if (r.gpu_hour_usd !== null && inv.hours !== null) cost = (cost ?? 0) + r.gpu_hour_usd * inv.count * inv.hours;
  return {
    it_energy_kwh: it,
    energy_kwh: energy,
    operational_co2e_kg: operational,
    embodied_co2e_kg: embodied,
    co2e_kg: operational + embodied,
    water_l: water,
    cost_usd: cost,
    hours: inv.hours,
    inferences: inv.inferences,
    energy_origin: inv.origin,
    energy_scope: scopeLabel(inv),
    sources: inv.sources,
    completeness: inv.completeness,
  };
}

/** One label for the card: the scope holding most of the stage's energy (mixed stages keep both in the inventory). */
function scopeLabel(inv: StageInventory): 'device' | 'host' {
  if (inv.host_energy_kwh > inv.device_energy_kwh) return 'host';
  if (inv.device_energy_kwh > 0) return 'device';
  return inv.origin === 'energy_kwh' ? 'host' : 'device';
}

/** Sum of a nullable column: null only when every value is null. */
export function sumNullable(xs: ReadonlyArray<number | null>): number | null {
  let any = false;
  let s = 0;
  for (const x of xs) {
    if (x !== null) {
      any = true;
      s += x;
    }
  }
  return any ? s : null;
}
