// assess(): stages, totals, boundary flows and warnings around the formulas (golden.test.ts has
// the formulas themselves).
import { describe, expect, it } from 'vitest';
import { assess, buildInventories, type StageInventory } from '../../src/lca/index.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { Scenario, type ScenarioInput } from '../../src/scenario/schema.js';

function resolved(over: Partial<ScenarioInput>) {
  return resolveScenario(
    Scenario.parse({
      name: 'a',
      functional_unit: { description: 'x', inferences: 1 },
      deployment: { lifetime_inferences: 1000 },
      grid: { intensity_g_per_kwh: 100 },
      pue: 1.5,
      hardware: { model: 'X', count: 2, power_w: 500, embodied_kg: 0, lifespan_years: 4 },
      stages: { training: { energy_kwh: 10, hours: 1 } },
      ...over,
    }),
  );
}

describe('assess', () => {
  it('a GPU-hour price and a stage without hours, no electricity price: the stage has no cost, and the warning says so', () => {
    const r = resolved({ gpu_hour_usd: 2, stages: { training: { energy_kwh: 10, hours: 1 }, evaluation: { energy_kwh: 3 } } });
    const res = assess(r, buildInventories(r, {}));
    expect(res.stages.evaluation!.cost_usd).toBeNull();
    // training: 2 GPUs × 1 h × $2 = $4; evaluation: none
    expect(res.totals.cost_usd).toBe(4);
    expect(res.warnings).toContain(
      'evaluation: no hours, so its GPU-hour cost (gpu_hour_usd) cannot be computed; the stage has no cost (set stages.evaluation.hours)',
    );
    expect(res.warnings.filter((w) => w.includes('GPU-hour cost'))).toHaveLength(1);
  });

  it('no GPU-hour price: no such warning', () => {
    const r = resolved({ electricity_usd_per_kwh: 0.1, stages: { evaluation: { energy_kwh: 3 } } });
    expect(assess(r, buildInventories(r, {})).warnings.filter((w) => w.includes('GPU-hour'))).toEqual([]);
  });

  it('totals add every stage; cost is null only when no stage has one', () => {
    const r = resolved({ stages: { a: { energy_kwh: 10, hours: 1 }, b: { energy_kwh: 20, hours: 2 } } });
    const res = assess(r, buildInventories(r, {}));
    // facility 30 × 1.5 = 45 kWh; IT 30; operational 45 × 0.1 = 4.5 kg; no embodied; no price
    expect(res.totals).toEqual({
      energy_kwh: 45,
      it_energy_kwh: 30,
      operational_co2e_kg: expect.closeTo(4.5, 12),
      embodied_co2e_kg: 0,
      co2e_kg: expect.closeTo(4.5, 12),
      water_l: res.stages.a!.water_l + res.stages.b!.water_l,
      cost_usd: null,
    });
    expect(res.totals.water_l).toBeCloseTo(30 * r.wue_l_per_kwh + 45 * r.grid.water_intensity_l_per_kwh, 12);
  });

  it('boundary flows in a fixed order, host_overhead added when a stage has whole-server energy', () => {
    const r = resolved({ wue_l_per_kwh: 0.5, electricity_usd_per_kwh: 0.1, grid: { intensity_g_per_kwh: 100, water_intensity_l_per_kwh: 2 } });
    const res = assess(r, buildInventories(r, {}));
    const order = ['device_energy', 'host_overhead', 'facility_overhead', 'embodied', 'embodied_host', 'water_onsite', 'water_offsite', 'cost'];
    expect(res.boundary.flows).toContain('host_overhead'); // energy_kwh is whole-server energy
    expect(res.boundary.flows).toEqual(order.filter((f) => res.boundary.flows.includes(f)));
    expect(res.boundary.flows.length).toBeGreaterThanOrEqual(5);
    expect(res.boundary.stages).toEqual(r.boundary.stages);
    // device energy only (hours × power): no host_overhead
    const d = resolved({ stages: { training: { hours: 1 } } });
    expect(assess(d, buildInventories(d, {})).boundary.flows).not.toContain('host_overhead');
  });

  it('warnings: the scenario first, then each stage, each once', () => {
    const r = { ...resolved({}), warnings: ['scenario warning', 'scenario warning'] };
    const inv: StageInventory = { ...buildInventories(r, {}).training!, warnings: ['stage warning', 'scenario warning'] };
    expect(assess(r, { training: inv }).warnings).toEqual(['scenario warning', 'stage warning']);
  });
});

describe('energy_scope: the scope holding most of the stage energy', () => {
  const r = resolved({});
  const base = (): StageInventory => buildInventories(r, {}).training!;
  const scope = (over: Partial<StageInventory>) => assess(r, { training: { ...base(), ...over } }).stages.training!.energy_scope;
  it.each([
    // [device kWh, host kWh, origin, scope]
    [2, 3, 'logs', 'host'], // more on the host side
    [3, 2, 'logs', 'device'], // more on the device side
    [3, 2, 'energy_kwh', 'device'], // device energy decides before the origin does
    [2, 2, 'logs', 'device'], // a tie with device energy: device (overhead applies to it)
    [0, 0, 'energy_kwh', 'host'], // no energy at all: a stated energy_kwh is whole-server
    [0, 0, 'logs', 'device'], // no energy at all from logs: device
    [0, 0, 'estimate', 'device'],
  ] as const)('device %s kWh, host %s kWh, origin %s: %s', (device, host, origin, expected) => {
    expect(scope({ device_energy_kwh: device, host_energy_kwh: host, origin })).toBe(expected);
  });
});
