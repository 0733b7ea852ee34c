// Fill every value the LCA needs from the scenario or the bundled data, and record where each
// came from (assumptions[]), so a reviewer sees the source of every number in the card.
import { InputError, shortValue } from '../errors.js';
import { FACILITY_DEFAULTS } from '../data/facility.js';
import { GRID_REGIONS, lookupGrid, type GridFactor } from '../data/grid.js';
import { HARDWARE, HARDWARE_MODELS, lookupHardware, lookupHostEmbodied } from '../data/hardware.js';
import { ref } from '../data/sources.js';
import { isPerInferenceStage } from './stage-kind.js';
import type { Scenario, Stage } from './schema.js';
import type { Assumption, ResolvedScenario } from './resolved.js';
import { suggest } from './suggest.js';

const SCENARIO_SOURCE = 'scenario file';
/** Accelerators per server when hardware.devices_per_host is not given: an NVIDIA HGX/DGX server holds 8. */
export const DEFAULT_DEVICES_PER_HOST = 8;

/** An assumption the scenario file states itself (no range unless the file gives one). */
function stated(path: string, value: number, unit: string, extra: Pick<Assumption, 'low' | 'high' | 'note'> = {}): Assumption {
  return { path, value, unit, ...extra, origin: 'scenario', source: SCENARIO_SOURCE, year: null };
}

/** A stage name that reads as serving traffic: such a stage should say how many inferences it served. */
export function looksLikeInferenceStage(name: string): boolean {
  return /infer|serving|^serve|deploy|^prod/i.test(name);
}

/** The bundled model nearest to a typo (`H100-SMX` -> `H100-SXM`), by model name or alias. */
function suggestHardware(model: string): string | undefined {
  const direct = suggest(model, HARDWARE_MODELS);
  if (direct) return direct;
  const alias = suggest(
    model,
    HARDWARE.flatMap((h) => h.aliases),
  );
  return alias ? (lookupHardware(alias)?.model ?? alias) : undefined;
}

/** How a stage gets its energy when it has no logs: from energy_kwh or hours × count × power. */
function needsPowerEstimate(st: Stage): boolean {
  return st.logs === undefined && st.prometheus === undefined && st.energy_kwh === undefined;
}

/** When the run happened, for the grid's data year (the pipeline passes it; tests may omit it). */
export interface ResolveOptions {
  /** Year of the run: the logs' dates, else the card date. Null or absent: none known. */
  runYear?: number | null;
  /** Where runYear came from, for the note in the card. */
  runYearFrom?: 'logs' | 'card date';
}

export function resolveScenario(s: Scenario, opts: ResolveOptions = {}): ResolvedScenario {
  const assumptions: Assumption[] = [];
  const warnings: string[] = [];
  const push = (a: Assumption) => assumptions.push(a);
  const stageEntries = Object.entries(s.stages);

  // ------------------------------------------------------------- grid
  const region = s.grid.region ?? null;
  const runYear = opts.runYear ?? null;
  const requestedYear = s.grid.year ?? runYear;
  const yearWhy =
    s.grid.year !== undefined
      ? `grid.year ${s.grid.year}`
      : runYear !== null
        ? `year of the run ${runYear} (${opts.runYearFrom ?? 'card date'})`
        : 'no run date known: the latest data year';
  const factor: GridFactor | null = region !== null ? lookupGrid(region, requestedYear) : null;
  if (region !== null && factor === null && s.grid.intensity_g_per_kwh === undefined) {
    const hint = suggest(region, GRID_REGIONS);
    throw new InputError({
      code: 'SCENARIO_INVALID',
      field: 'grid.region',
      expected:
        'a known region (ISO country like US, subdivision like US-VA or CA-QC, eGRID subregion like egrid:SRVC, cloud region like aws:us-east-1; `ml-lca data grid` lists them), or grid.intensity_g_per_kwh',
      got: shortValue(region),
      hint: hint ? `did you mean "${hint}"?` : undefined,
    });
  }
  if (s.grid.year !== undefined && factor?.year_note) warnings.push(`grid.year ${s.grid.year}: ${factor.region} has ${factor.year_note}`);
  const yearNote = (f: GridFactor) => `data year ${f.year} for ${yearWhy}${f.year_note ? ` (${f.year_note})` : ''}`;
  let ci: number;
  let ciLow: number;
  let ciHigh: number;
  let dataYear: number | null = null;
  if (s.grid.intensity_g_per_kwh !== undefined) {
    ci = s.grid.intensity_g_per_kwh;
    ciLow = s.grid.intensity_low_g_per_kwh ?? ci;
    ciHigh = s.grid.intensity_high_g_per_kwh ?? ci;
    push(
      stated('grid.intensity_g_per_kwh', ci, 'g CO2e/kWh', {
        low: ciLow,
        high: ciHigh,
        note: factor ? `overrides ${factor.region} (${factor.g_per_kwh} g/kWh in ${factor.year}, ${factor.source})` : undefined,
      }),
    );
  } else {
    // The region's grid, else the world average (with a warning): both from the datasets by year.
    const world = factor ? null : (lookupGrid('WORLD', requestedYear) ?? lookupGrid('WORLD'));
    const f = factor ?? world;
    if (!f) throw new Error('grid table: no World series');
    ci = f.g_per_kwh;
    ciLow = (factor && s.grid.intensity_low_g_per_kwh) ?? f.low;
    ciHigh = (factor && s.grid.intensity_high_g_per_kwh) ?? f.high;
    dataYear = f.year;
    if (world) {
      warnings.push(
        `no grid.region or grid.intensity_g_per_kwh: the world average ${fmtG(f.g_per_kwh)} g CO2e/kWh (${f.year}) is used (range ${fmtG(f.low)}–${fmtG(f.high)}); set grid.region`,
      );
    }
    push({
      path: 'grid.intensity_g_per_kwh',
      value: ci,
      unit: 'g CO2e/kWh',
      low: ciLow,
      high: ciHigh,
      origin: 'default',
      source: f.source,
      year: f.year,
      note: `${world ? 'world average' : `${f.region}: ${f.name}`}; ${yearNote(f)}; range = spread of data years ${f.range_years[0]}–${f.range_years[1]}`,
      references: f.references,
    });
  }
  const market = marketFactor(s, factor, ci, push);
  const gridWater = s.grid.water_intensity_l_per_kwh ?? FACILITY_DEFAULTS.grid_water.value;
  push(
    s.grid.water_intensity_l_per_kwh !== undefined
      ? stated('grid.water_intensity_l_per_kwh', gridWater, 'L/kWh')
      : {
          path: 'grid.water_intensity_l_per_kwh',
          value: 0,
          unit: 'L/kWh',
          origin: 'default',
          source: FACILITY_DEFAULTS.grid_water.source,
          year: FACILITY_DEFAULTS.grid_water.year,
        },
  );

  // ------------------------------------------------------------- facility
  const isCloud = factor?.kind === 'cloud';
  const pueDefault = isCloud ? FACILITY_DEFAULTS.pue_hyperscale : FACILITY_DEFAULTS.pue_industry;
  const pue = s.pue ?? pueDefault.value;
  const pueLow = s.pue ?? pueDefault.low;
  const pueHigh = s.pue ?? pueDefault.high;
  push(
    s.pue !== undefined
      ? stated('pue', pue, 'ratio', { low: pueLow, high: pueHigh })
      : {
          path: 'pue',
          value: pue,
          unit: 'ratio',
          low: pueLow,
          high: pueHigh,
          origin: 'default',
          source: pueDefault.source,
          year: pueDefault.year,
          references: [...pueDefault.references],
          note: isCloud ? 'cloud region: hyperscale default' : 'no cloud region: industry-average default (set pue for your facility)',
        },
  );
  const wueD = FACILITY_DEFAULTS.wue;
  const wue = s.wue_l_per_kwh ?? wueD.value;
  push(
    s.wue_l_per_kwh !== undefined
      ? stated('wue_l_per_kwh', wue, 'L/kWh')
      : {
          path: 'wue_l_per_kwh',
          value: wue,
          unit: 'L/kWh',
          low: wueD.low,
          high: wueD.high,
          origin: 'default',
          source: wueD.source,
          year: wueD.year,
          references: [...wueD.references],
        },
  );
  const ohD = FACILITY_DEFAULTS.it_overhead_factor;
  const itOverhead = s.it_overhead_factor ?? ohD.value;
  push(
    s.it_overhead_factor !== undefined
      ? stated('it_overhead_factor', itOverhead, 'ratio', { note: 'applied to device-only energy only' })
      : {
          path: 'it_overhead_factor',
          value: itOverhead,
          unit: 'ratio',
          low: ohD.low,
          high: ohD.high,
          origin: 'default',
          source: ohD.source,
          year: ohD.year,
          references: [...ohD.references],
        },
  );
  if (s.electricity_usd_per_kwh !== undefined) {
    push(stated('electricity_usd_per_kwh', s.electricity_usd_per_kwh, 'USD/kWh'));
  }
  const rentalIncludesPower = s.gpu_hour_includes_electricity ?? true;
  if (s.gpu_hour_usd !== undefined) {
    push(stated('gpu_hour_usd', s.gpu_hour_usd, 'USD/h'));
    // The cost rule, shown with the assumptions: a rental price pays for the power it draws.
    if (s.electricity_usd_per_kwh !== undefined) {
      const given = s.gpu_hour_includes_electricity !== undefined;
      push({
        path: 'gpu_hour_includes_electricity',
        value: rentalIncludesPower ? 'yes' : 'no',
        unit: '',
        origin: given ? 'scenario' : 'default',
        source: given ? SCENARIO_SOURCE : 'ml-lca default: a cloud GPU-hour price includes the electricity the GPUs draw',
        year: null,
        note: rentalIncludesPower
          ? 'electricity_usd_per_kwh is not added where the GPU-hour price applies'
          : 'electricity_usd_per_kwh × facility energy is added to the GPU-hour price',
      });
    }
  }

  // ------------------------------------------------------------- hardware
  const hw = s.hardware;
  const spec = lookupHardware(hw.model);
  const estimatedStages = stageEntries.filter(([, st]) => needsPowerEstimate(st)).map(([n]) => n);
  let power: number | null;
  let embodied: number | null;
  let embLow: number | null;
  let embHigh: number | null;
  let lifespan: number;
  if (spec) {
    power = hw.power_w ?? spec.power_w;
    push(
      hw.power_w !== undefined
        ? stated('hardware.power_w', power, 'W')
        : {
            path: 'hardware.power_w',
            value: power,
            unit: 'W',
            low: spec.power_low_w,
            high: spec.power_high_w,
            origin: 'default',
            source: spec.power_source,
            year: spec.power_year,
            references: spec.power_references,
            note: `${spec.model} (${spec.power_basis === 'tdp' ? 'TDP' : spec.power_basis === 'typical_training' ? 'typical training load' : 'estimate'}); used only for hours × count × power estimates`,
          },
    );
    embodied = hw.embodied_kg ?? spec.embodied_kg.central;
    embLow = hw.embodied_kg ?? spec.embodied_kg.low;
    embHigh = hw.embodied_kg ?? spec.embodied_kg.high;
    push(
      hw.embodied_kg !== undefined
        ? stated('hardware.embodied_kg', embodied, 'kg CO2e per accelerator')
        : {
            path: 'hardware.embodied_kg',
            value: embodied,
            unit: 'kg CO2e per accelerator',
            low: embLow,
            high: embHigh,
            origin: 'default',
            source: spec.embodied_source,
            year: spec.embodied_year,
            references: spec.embodied_references,
          },
    );
    lifespan = hw.lifespan_years ?? spec.lifespan_years;
    push(
      hw.lifespan_years !== undefined
        ? stated('hardware.lifespan_years', lifespan, 'years')
        : {
            path: 'hardware.lifespan_years',
            value: lifespan,
            unit: 'years',
            low: spec.lifespan_low_years,
            high: spec.lifespan_high_years,
            origin: 'default',
            source: spec.lifespan_source,
            year: spec.lifespan_year,
            references: spec.lifespan_references,
          },
    );
  } else {
    // Custom hardware (issue 12: hardware must resolve): a model not in the bundled data is a
    // typo until the scenario supplies every figure the assessment needs; then it is accepted
    // and labelled custom. Silently counting embodied carbon as 0 would pass a broken gate.
    const needsPower = estimatedStages.filter((n) => s.stages[n]?.hours !== undefined);
    const missing = [
      ...(hw.power_w === undefined && needsPower.length > 0 ? [`power_w (stage(s) ${needsPower.join(', ')} are estimated from hours × count × power_w)`] : []),
      ...(hw.embodied_kg === undefined ? ['embodied_kg'] : []),
      ...(hw.lifespan_years === undefined ? ['lifespan_years'] : []),
    ];
    if (missing.length > 0) {
      const hint = suggestHardware(hw.model);
      throw new InputError({
        code: 'SCENARIO_INVALID',
        field: 'hardware.model',
        expected: `an accelerator model in the bundled data (e.g. ${HARDWARE_MODELS.slice(0, 4).join(', ')}), or custom hardware with its figures in the scenario (missing: hardware.${missing.join(', hardware.')})`,
        got: shortValue(hw.model),
        hint: hint ? `did you mean "${hint}"?` : undefined,
      });
    }
    const custom = 'custom hardware (not in the bundled data): value from the scenario';
    power = hw.power_w ?? null;
    embodied = hw.embodied_kg ?? null;
    embLow = embodied;
    embHigh = embodied;
    if (power !== null) push(stated('hardware.power_w', power, 'W', { note: custom }));
    if (embodied !== null) push(stated('hardware.embodied_kg', embodied, 'kg CO2e per accelerator', { note: custom }));
    lifespan = hw.lifespan_years ?? FACILITY_DEFAULTS.lifespan_years.value;
    push(stated('hardware.lifespan_years', lifespan, 'years', { note: custom }));
  }
  push(stated('hardware.count', hw.count, 'accelerators'));
  // Embodied boundary beyond the accelerators: the server they sit in (CPUs, memory, storage,
  // chassis), shared by devices_per_host accelerators, and the share of the lifespan in use
  // (Luccioni et al. 2023, "Estimating the Carbon Footprint of BLOOM": 2,500 kg per 8-GPU server,
  // 85 % utilisation). No figure given: server embodied carbon stays outside the boundary.
  // Not given: the published server figure of the accelerator's platform, where there is one
  // (src/data/hardware.ts HOST_EMBODIED, `ml-lca data hosts`), with its range and citation.
  const platform = hw.host_embodied_kg === undefined && spec ? lookupHostEmbodied(spec.model) : null;
  const hostEmbodied = hw.host_embodied_kg ?? platform?.host_embodied_kg.central ?? null;
  const devicesPerHost = hw.devices_per_host ?? platform?.devices_per_host ?? DEFAULT_DEVICES_PER_HOST;
  const utilization = hw.utilization ?? 1;
  if (hostEmbodied !== null) {
    push(
      platform
        ? {
            path: 'hardware.host_embodied_kg',
            value: hostEmbodied,
            unit: 'kg CO2e per server',
            low: platform.host_embodied_kg.low,
            high: platform.host_embodied_kg.high,
            origin: 'default',
            source: platform.source,
            year: platform.year,
            note: `${platform.name}; shared by ${devicesPerHost} accelerators per server; set hardware.host_embodied_kg: 0 to leave the server out`,
            references: platform.references,
          }
        : stated('hardware.host_embodied_kg', hostEmbodied, 'kg CO2e per server', { note: `shared by ${devicesPerHost} accelerators per server` }),
    );
    push(
      hw.devices_per_host !== undefined
        ? stated('hardware.devices_per_host', devicesPerHost, 'accelerators per server')
        : {
            path: 'hardware.devices_per_host',
            value: devicesPerHost,
            unit: 'accelerators per server',
            origin: 'default',
            source: 'ml-lca default: an 8-GPU server (NVIDIA HGX/DGX)',
            year: null,
          },
    );
  }
  push(
    hw.utilization !== undefined
      ? stated('hardware.utilization', utilization, 'share of lifespan in use')
      : {
          path: 'hardware.utilization',
          value: utilization,
          unit: 'share of lifespan in use',
          origin: 'default',
          source: 'paper and textbook time-share attribution: hardware in use over its whole lifespan',
          year: null,
          note: 'embodied carbon per hour used = embodied ÷ (lifespan × 8,760 h × utilization)',
        },
  );

  // ------------------------------------------------------------- functional unit & stages
  push(stated('functional_unit.inferences', s.functional_unit.inferences, 'inferences per functional unit', { note: s.functional_unit.description }));
  push(stated('deployment.lifetime_inferences', s.deployment.lifetime_inferences, 'inferences'));
  for (const [name, st] of stageEntries) {
    if (st.inferences === undefined && looksLikeInferenceStage(name)) {
      warnings.push(
        `stage ${JSON.stringify(name)} looks like an inference stage but gives no inferences: it is counted as an up-front cost; set stages.${name}.inferences to get the per-inference (marginal) term`,
      );
    }
    if (st.inferences === 0) {
      // isUpfrontStage (scenario/stage-kind.ts) counts it up-front: say why.
      warnings.push(`stages.${name}.inferences is 0: the stage cannot give a per-inference cost and is counted as an up-front cost`);
    }
  }
  if (!stageEntries.some(([, st]) => isPerInferenceStage(st))) {
    warnings.push('no stage gives inferences: the per-functional-unit result holds only up-front costs amortised over lifetime inferences (no marginal term)');
  }

  // ------------------------------------------------------------- boundary (ISO 14044 scope)
  const flows = ['device_energy'];
  if (itOverhead > 1 || stageEntries.some(([, st]) => st.energy_kwh !== undefined && st.logs === undefined)) flows.push('host_overhead');
  if (pue > 1) flows.push('facility_overhead');
  if ((embodied ?? 0) > 0) flows.push('embodied');
  if ((hostEmbodied ?? 0) > 0) flows.push('embodied_host');
  if (wue > 0) flows.push('water_onsite');
  if (gridWater > 0) flows.push('water_offsite');
  if (s.electricity_usd_per_kwh !== undefined || s.gpu_hour_usd !== undefined) flows.push('cost');

  return {
    name: s.name,
    team: s.team ?? null,
    functional_unit: s.functional_unit,
    deployment: s.deployment,
    grid: {
      region: factor?.region ?? region,
      intensity_g_per_kwh: ci,
      intensity_low_g_per_kwh: ciLow,
      intensity_high_g_per_kwh: ciHigh,
      water_intensity_l_per_kwh: gridWater,
      year: dataYear,
      requested_year: requestedYear,
      basis: s.grid.basis ?? 'location',
      market_intensity_g_per_kwh: market?.intensity ?? null,
      cfe_pct: market?.cfe_pct ?? null,
    },
    pue,
    pue_low: pueLow,
    pue_high: pueHigh,
    wue_l_per_kwh: wue,
    it_overhead_factor: itOverhead,
    electricity_usd_per_kwh: s.electricity_usd_per_kwh ?? null,
    gpu_hour_usd: s.gpu_hour_usd ?? null,
    gpu_hour_includes_electricity: rentalIncludesPower,
    hardware: {
      model: spec?.model ?? hw.model,
      known: spec !== null,
      count: hw.count,
      power_w: power,
      embodied_kg: embodied,
      embodied_low_kg: embLow,
      embodied_high_kg: embHigh,
      lifespan_years: lifespan,
      host_embodied_kg: hostEmbodied,
      devices_per_host: devicesPerHost,
      utilization,
    },
    stages: s.stages,
    hf: { training_type: s.hf?.training_type ?? null, stages: s.hf?.stages ?? null },
    budgets: s.budgets,
    boundary: { stages: stageEntries.map(([n]) => n), flows },
    assumptions,
    warnings,
  };
}

const fmtG = (x: number) => String(Math.round(x * 10) / 10);

/**
 * The market-based factor for `grid.basis: market` (GHG Protocol Scope 2 guidance): a stated
 * supplier factor, else the location-based intensity × (1 − CFE share), with the CFE share from
 * the scenario or, for a Google Cloud region, Google's published CFE % of that data year.
 */
function marketFactor(s: Scenario, factor: GridFactor | null, ci: number, push: (a: Assumption) => void): { intensity: number; cfe_pct: number | null } | null {
  const g = s.grid;
  const givenButUnused = g.market_intensity_g_per_kwh !== undefined || g.cfe_pct !== undefined;
  if (g.basis !== 'market') {
    if (givenButUnused) {
      throw new InputError({
        code: 'SCENARIO_INVALID',
        field: g.market_intensity_g_per_kwh !== undefined ? 'grid.market_intensity_g_per_kwh' : 'grid.cfe_pct',
        expected: 'grid.basis: market alongside it (a market-based factor is reported only when the basis says so)',
        got: `grid.basis ${g.basis ?? 'location (default)'}`,
      });
    }
    return null;
  }
  const scope2 = ref('ghg-protocol-scope2');
  if (g.market_intensity_g_per_kwh !== undefined) {
    push(
      stated('grid.market_intensity_g_per_kwh', g.market_intensity_g_per_kwh, 'g CO2e/kWh', {
        note: 'market-based factor (GHG Protocol Scope 2); location-based stays the primary result',
      }),
    );
    return { intensity: g.market_intensity_g_per_kwh, cfe_pct: null };
  }
  let cfePct: number;
  if (g.cfe_pct !== undefined) {
    cfePct = g.cfe_pct;
    push(stated('grid.cfe_pct', cfePct, '%', { note: 'carbon-free energy share behind the market-based factor' }));
  } else if (factor?.cfe !== null && factor?.cfe !== undefined) {
    cfePct = Math.round(factor.cfe * 1000) / 10;
    push({
      path: 'grid.cfe_pct',
      value: cfePct,
      unit: '%',
      origin: 'default',
      source: `Google Cloud region-carbon-info ${factor.year}, ${factor.region}: Google CFE ${cfePct} % (hourly carbon-free energy share, including Google's clean energy purchases)`,
      year: factor.year,
      references: factor.references,
    });
  } else {
    throw new InputError({
      code: 'SCENARIO_INVALID',
      field: 'grid.basis',
      expected: `grid.market_intensity_g_per_kwh (a supplier factor) or grid.cfe_pct with basis market${factor ? `: no provider CFE % is published for ${factor.region}` : ''}`,
      got: 'market',
    });
  }
  const intensity = ci * (1 - cfePct / 100);
  push({
    path: 'grid.market_intensity_g_per_kwh',
    value: intensity,
    unit: 'g CO2e/kWh',
    origin: 'derived',
    source: `location-based intensity ${fmtG(ci)} g CO2e/kWh × (1 − CFE ${cfePct} %); market-based method of the GHG Protocol Scope 2 Guidance`,
    year: null,
    note: 'reported beside the location-based result, which stays primary',
    references: [scope2],
  });
  return { intensity, cfe_pct: cfePct };
}
