// Completeness and consistency checks (ISO 14044 §4.5.3.2/§4.5.3.4): what the result leaves out
// or rests on weakly, each with a severity a reviewer can sort by.
//  error:   the number is known to be wrong or empty for a part of the boundary;
//  warning: the number is known to be low (a flow or stage is missing) or rests on an estimate;
//  info:    disclosure a reviewer should know, no known bias.
import type { Source } from '../../ingest/source.js';
import type { ResolvedScenario } from '../../scenario/resolved.js';
import type { StageResult } from '../../report/card-schema.js';
import type { DataQualityItem } from './schema.js';
import type { InventoryLike } from './types.js';
import { TEXTBOOK_IT_OVERHEAD } from './parameters.js';
import { isPerInferenceStage } from '../../scenario/stage-kind.js';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** A logger's own emission factor this many times above or below the scenario's is reported. */
export const LOGGER_FACTOR_RATIO = 2;

const gPerKwh = (x: number): string => (x >= 100 ? Math.round(x).toLocaleString('en-US') : Number(x.toPrecision(3)).toString());

export function dataQuality(
  resolved: ResolvedScenario,
  inventories: Record<string, InventoryLike>,
  stages: Record<string, StageResult>,
  sources: Source[],
): DataQualityItem[] {
  const out: DataQualityItem[] = [];
  const names = Object.keys(stages);
  const perInference = names.filter((n) => isPerInferenceStage(stages[n] ?? {}));

  if (!names.includes('experimentation')) {
    out.push({
      severity: 'warning',
      code: 'no_experimentation_stage',
      message:
        'No experimentation stage: sweeps, ablations and failed runs are outside the boundary; they can add an order of magnitude to the final run (textbook).',
    });
  }
  if (!names.includes('training') && perInference.length < names.length) {
    out.push({ severity: 'info', code: 'no_training_stage', message: 'No stage named training: check that the up-front stages cover the training run.' });
  }
  if (perInference.length === 0) {
    out.push({
      severity: 'warning',
      code: 'no_inference_stage',
      message:
        'No per-inference stage (a stage with inferences): there is no marginal term, the per-FU carbon is only the amortized up-front carbon, and no breakeven can be computed.',
    });
  }

  const h = resolved.hardware;
  if (h.embodied_kg === null) {
    out.push({
      severity: 'warning',
      code: 'no_embodied_data',
      message: `No embodied (manufacturing) carbon for ${h.model}: embodied carbon is counted as 0; set hardware.embodied_kg.`,
    });
  } else if (h.embodied_low_kg === null || h.embodied_high_kg === null || h.embodied_low_kg === h.embodied_high_kg) {
    out.push({
      severity: 'info',
      code: 'no_embodied_range',
      message: `Embodied carbon of ${h.model} has no low/high range: its uncertainty is not propagated.`,
    });
  }
  // Embodied boundary (issue 14): accelerators only unless a server figure is given.
  if (h.host_embodied_kg === null) {
    out.push({
      severity: 'warning',
      code: 'host_embodied_outside_boundary',
      message:
        'Server embodied carbon (host CPUs, memory, storage, chassis) is outside the boundary: embodied carbon covers the accelerators only; ' +
        'set hardware.host_embodied_kg (kg CO2e per server) and hardware.devices_per_host to include it (BLOOM: 2,500 kg per 8-GPU server, more than the GPUs themselves).',
    });
  }
  if (!h.known) {
    out.push({
      severity: 'info',
      code: 'hardware_not_in_data',
      message: `${h.model} is not in the bundled hardware data: power, embodied and lifespan come from the scenario.`,
    });
  }
  if (resolved.grid.intensity_low_g_per_kwh === resolved.grid.intensity_high_g_per_kwh) {
    out.push({ severity: 'info', code: 'no_grid_range', message: 'Grid intensity has no low/high range: its uncertainty is not propagated.' });
  }

  for (const [name, s] of Object.entries(stages)) {
    const inv = inventories[name];
    const energy = s.it_energy_kwh;
    if (s.energy_scope === 'device' && energy > 0 && resolved.it_overhead_factor === 1) {
      out.push({
        severity: 'warning',
        code: 'device_only_without_overhead',
        stage: name,
        message: `Stage ${name}: device-only energy (GPU power logs or hours × power) with it_overhead_factor 1 misses host CPU, RAM and network; the textbook's DGX H100 profile adds ${TEXTBOOK_IT_OVERHEAD}×.`,
      });
    }
    if (energy > 0 && (s.hours === null || s.hours === 0)) {
      out.push({
        severity: 'warning',
        code: 'stage_without_hours',
        stage: name,
        message: `Stage ${name} has energy but no hours: no embodied carbon is attributed to it; set stages.${name}.hours.`,
      });
    }
    if (energy === 0) {
      out.push({ severity: 'error', code: 'stage_without_energy', stage: name, message: `Stage ${name} has no energy: its operational carbon is 0.` });
    }
    if (s.energy_origin === 'estimate') {
      out.push({
        severity: 'warning',
        code: 'estimate_based_energy',
        stage: name,
        message: `Stage ${name}: energy is an estimate (hours × count × power_w), not a measurement; a power log removes this.`,
      });
    }
    for (const w of inv?.warnings ?? []) {
      out.push({ severity: 'info', code: 'inventory_warning', stage: name, message: `Stage ${name}: ${w}` });
    }
  }

  for (const s of sources) {
    if (s.energy_kwh === null) {
      out.push({ severity: 'error', code: 'log_without_energy', source: s.path, message: `${s.path}: no energy could be derived from this log.` });
    }
    if (s.rows_rejected > 0) {
      const share = s.rows > 0 ? s.rows_rejected / s.rows : 1;
      out.push({
        severity: share > 0.01 ? 'warning' : 'info',
        code: 'rows_rejected',
        source: s.path,
        message: `${s.path}: ${s.rows_rejected} of ${s.rows} rows rejected (${(share * 100).toFixed(1)} %); the energy range is widened by that share.`,
      });
    }
    if (s.warnings.length > 0) {
      out.push({
        severity: 'info',
        code: 'log_warnings',
        source: s.path,
        message: `${s.path}: ${s.warnings.length} warning(s): ${s.warnings.slice(0, 3).join('; ')}${s.warnings.length > 3 ? '; …' : ''}`,
      });
    }
    const logged = s.logged_intensity_g_per_kwh;
    if (typeof logged === 'number') {
      // The logger multiplied its energy (PUE included) by a factor of its own: emissions ÷ energy
      // as logged. Far from the scenario's, the two placed the run in different grids.
      const ours = resolved.grid.intensity_g_per_kwh;
      const ratio = Math.max(logged, ours) / Math.min(logged, ours);
      if (ratio > LOGGER_FACTOR_RATIO) {
        const where = s.logged_location ? ` (it placed the run in ${s.logged_location})` : '';
        const region = resolved.grid.region ? ` (${resolved.grid.region})` : '';
        out.push({
          severity: 'warning',
          code: 'logger_factor_mismatch',
          source: s.path,
          message:
            `${s.path}: the logger's own emission factor is ${gPerKwh(logged)} g CO2e/kWh${where}, the scenario's ${gPerKwh(ours)} g CO2e/kWh${region}: ` +
            `${Number.isFinite(ratio) ? `${ratio.toPrecision(3)}×` : 'far'} apart. A location mismatch is the usual cause; ml-lca applies the scenario's factor, so check grid.region.`,
        });
      }
    }
    if (s.logged_pue !== null) {
      out.push({
        severity: 'info',
        code: 'logged_pue_divided_out',
        source: s.path,
        message: `${s.path}: the logger's PUE ${s.logged_pue} was divided out; the scenario's PUE is applied once.`,
      });
    }
  }
  // By severity, then in the order found: Array.prototype.sort is stable (ES2019), so ties keep it.
  return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
