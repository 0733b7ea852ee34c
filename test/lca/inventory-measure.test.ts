// An `ml-lca measure` log in a stage's inventory: host-inclusive (no it_overhead_factor), and its
// CPU / memory channels are not counted as accelerators in the hardware checks.
import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/ingest/source.js';
import { buildInventories } from '../../src/lca/index.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { Scenario } from '../../src/scenario/schema.js';

const r = resolveScenario(
  Scenario.parse({
    name: 'measured',
    functional_unit: { description: 'x', inferences: 1 },
    deployment: { lifetime_inferences: 1e6 },
    grid: { intensity_g_per_kwh: 100 },
    it_overhead_factor: 1.5,
    hardware: { model: 'H100', count: 1 },
    stages: { training: { hours: 1 } },
  }),
);

const log: Source = {
  path: 'ml-lca-out/measure-1-1.jsonl',
  format: 'ml-lca-measure',
  scope: 'host',
  energy_kwh: 0.8,
  co2e_kg: null,
  water_l: null,
  duration_s: 3600,
  devices: [
    { id: 'n/rapl:package-0', name: 'package-0', energy_kwh: 0.1, samples: 3600, kind: 'cpu' },
    { id: 'n/rapl:dram-0', name: 'dram', energy_kwh: 0.02, samples: 3600, kind: 'dram' },
    { id: 'n/gpu0', name: 'NVIDIA H100 80GB HBM3', energy_kwh: 0.68, samples: 3600, kind: 'gpu' },
  ],
  rows: 10_800,
  rows_rejected: 0,
  logged_pue: null,
  warnings: [],
  start: '2026-01-05T10:00:00.000Z',
  end: '2026-01-05T11:00:00.000Z',
};

describe('inventory of a measure log', () => {
  it('counts its energy as whole-server energy (no overhead factor) and one GPU, not three devices', () => {
    const inv = buildInventories(r, { training: [log] }).training!;
    expect(inv.host_energy_kwh).toBe(0.8);
    expect(inv.device_energy_kwh).toBe(0);
    expect(inv.warnings.filter((w) => w.includes('logs show'))).toEqual([]);
  });
});
