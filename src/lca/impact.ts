// ISO 14044 phase 3, impact assessment per stage: facility energy, operational and embodied
// carbon, water, money. Formulas from domain.md (textbook and paper):
//   E_IT = E_device × it_overhead_factor + E_host      (overhead only on device-only energy)
//   E    = E_IT × PUE                                  (PUE applied exactly once)
//   C_op = E × CI_grid
//   C_emb = count × (C_device + C_host / devices_per_host) × hours / (lifespan_years × 8760 × utilization)
//          time-share attribution (paper, textbook); the host share and the utilisation follow
//          Luccioni et al. 2023, "Estimating the Carbon Footprint of BLOOM"
//   W    = E_IT × WUE_site + E × water_intensity_grid
//          WUE is litres per kWh of IT energy (textbook Eq. 3, The Green Grid); off-site water
//          follows the electricity drawn, i.e. facility energy
//   cost = gpu_hour_usd × count × hours             (a rental price includes electricity, by default)
//        + E × electricity price                    (without a GPU-hour price, or when the scenario
//                                                     says the rental excludes electricity)
import type { StageResult } from '../report/card-schema.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { HOURS_PER_YEAR } from '../data/facility.js';
import type { StageInventory } from './inventory.js';

/** Embodied kg CO2e per accelerator-hour in use: the device and its share of the server. */
export function embodiedPerDeviceHourKg(hw: ResolvedScenario['hardware']): number {
  const perDevice = (hw.embodied_kg ?? 0) + (hw.host_embodied_kg ?? 0) / hw.devices_per_host;
  return perDevice / (hw.lifespan_years * HOURS_PER_YEAR * hw.utilization);
}

/**
 * Cost of a stage, or null when no price is known. The GPU-hour price is a rental price that pays
 * for the power drawn unless `gpu_hour_includes_electricity` is false; a stage without hours has
 * no rental cost to compute, so only its electricity is priced.
 */
export function stageCost(r: ResolvedScenario, energyKwh: number, count: number, hours: number | null): number | null {
  const electricity = r.electricity_usd_per_kwh === null ? null : energyKwh * r.electricity_usd_per_kwh;
  if (r.gpu_hour_usd === null || hours === null) return electricity;
  const rental = r.gpu_hour_usd * count * hours;
  return r.gpu_hour_includes_electricity ? rental : rental + (electricity ?? 0);
}

export function assessStage(r: ResolvedScenario, inv: StageInventory): StageResult {
  const it = inv.device_energy_kwh * r.it_overhead_factor + inv.host_energy_kwh;
  const energy = it * r.pue;
  const operational = (energy * r.grid.intensity_g_per_kwh) / 1000;
  const embodied = inv.hours === null ? 0 : inv.count * inv.hours * embodiedPerDeviceHourKg(r.hardware);
  const water = it * r.wue_l_per_kwh + energy * r.grid.water_intensity_l_per_kwh;
  const cost = stageCost(r, energy, inv.count, inv.hours);
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
