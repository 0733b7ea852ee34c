// End to end against a real Prometheus: two nodes × 8 H100 of DCGM exporter history for a
// 6-hour job, backfilled with promtool, then queried by queryPrometheus. Energies are computed
// by hand from the power ramps written into the TSDB (see dcgm-openmetrics.ts):
// GPU g on node h draws P(τ) = a + b·τ/D, so it uses (a + b/2) × D.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { ModelCard } from '../../src/report/card-schema.js';
import { ROOT } from '../cli/helpers.js';
import { mergeHostSources } from '../../src/ingest/merge.js';
import { queryPrometheus } from '../../src/ingest/prometheus/index.js';
import { openMetricsLines, type JobSpec } from './dcgm-openmetrics.js';
import { findBinaries, SETUP_HINT, startPrometheus, type RunningPrometheus } from './prometheus-server.js';

const bins = findBinaries();
if (!bins) {
  console.warn(`Prometheus integration tests SKIPPED: prometheus/promtool not found on PATH; ${SETUP_HINT}`);
}

// 2026-03-09T00:00:00Z, 6 h, 15 s scrapes: far enough in the past that the backfilled blocks
// never meet the head block, well within the 100-year retention the server is started with.
const START_S = Date.UTC(2026, 2, 9) / 1000;
const D = 6 * 3600;
const HOSTS = ['node-a', 'node-b'];
const window = { start: '2026-03-09T00:00:00Z', end: '2026-03-09T06:00:00Z' };

// train-123, counters and gauges: a = 300 + 10·g + 50·h W, b = 100 W.
//   Σa = 16×300 + 2×10×(0+…+7) + 8×50 = 4800 + 560 + 400 = 5760 W; Σb/2 = 16×50 = 800 W
//   mean cluster power 6560 W × 6 h = 39.36 kWh
//   node-a: 8×300 + 280 + 0 + 400 = 3080 W → 18.48 kWh; node-b: 3080 + 400 = 3480 W → 20.88 kWh
// node-b/3's DCGM restarts 3 h in: differencing with the reset still gives the full energy.
const COUNTERS: JobSpec = {
  job: 'train-123',
  hosts: HOSTS,
  gpusPerHost: 8,
  startS: START_S,
  durationS: D,
  scrapeS: 15,
  profile: (h, g) => ({ a: 300 + 10 * g + 50 * h, b: 100 }),
  counter: true,
  gauge: true,
  reset: { host: 'node-b', gpu: 3, atS: 3 * 3600 },
};
// train-456, power gauge only (DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION not enabled in the exporter):
//   a = 250 + 5·g + 20·h, b = 60: Σa = 4000 + 280 + 160 = 4440 W; Σb/2 = 480 W
//   4920 W × 6 h = 29.52 kWh (trapezoid is exact on a linear ramp)
const GAUGE_ONLY: JobSpec = {
  job: 'train-456',
  hosts: HOSTS,
  gpusPerHost: 8,
  startS: START_S,
  durationS: D,
  scrapeS: 15,
  profile: (h, g) => ({ a: 250 + 5 * g + 20 * h, b: 60 }),
  counter: false,
  gauge: true,
};
// train-789: like train-123 without the reset, but node-b/7 exports no counter (gauge fallback)
// and node-a/5 exports nothing at all (a missing series).
//   39.36 kWh − node-a/5's (300 + 50 + 50) W × 6 h = 2.4 kWh → 36.96 kWh
const MIXED: JobSpec = { ...COUNTERS, job: 'train-789', reset: undefined, omit: { counter: ['node-b/7', 'node-a/5'], gauge: ['node-a/5'] } };

const kwhClose = (got: number | null, want: number) => {
  expect(got).not.toBeNull();
  // 1e-7 relative: integer-mJ rounding of the counter is ~1e-12; losing one 15 s interval
  // at the reset would be ~7e-5.
  expect(Math.abs((got ?? 0) - want) / want).toBeLessThan(1e-7);
};

describe.skipIf(!bins)('Prometheus integration (real server, backfilled TSDB)', () => {
  let prom: RunningPrometheus;
  let dir: string;

  beforeAll(async () => {
    if (!bins) return;
    dir = mkdtempSync(path.join(os.tmpdir(), 'ml-lca-prom-'));
    prom = await startPrometheus(bins, dir, openMetricsLines([COUNTERS, GAUGE_ONLY, MIXED]));
  }, 60_000);

  afterAll(async () => {
    await prom?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('energy counters of 2 nodes × 8 GPUs over 6 h, with a counter reset, match the hand computation', async () => {
    const src = await queryPrometheus({ url: prom.url, selector: '{job="train-123"}', job_window: window, step_s: 15 });
    kwhClose(src.energy_kwh, 39.36);
    expect(src.format).toBe('prometheus');
    expect(src.scope).toBe('device');
    expect(src.devices).toHaveLength(16);
    expect(src.devices[0]).toMatchObject({ id: 'node-a/0', host: 'node-a', name: 'NVIDIA H100 80GB HBM3', samples: 1441 });
    // node-a/0: (300 + 50) W × 6 h = 2.1 kWh
    kwhClose(src.devices[0]?.energy_kwh ?? null, 2.1);
    // node-b/3 (the reset): (300 + 30 + 50 + 50) W × 6 h = 2.58 kWh
    kwhClose(src.devices.find((d) => d.id === 'node-b/3')?.energy_kwh ?? null, 2.58);
    expect(src.warnings).toEqual([
      'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION reset 1 time(s) on 1 GPU(s) (node-b/3): DCGM or driver restart; counted from zero after each reset',
    ]);
    expect(src.duration_s).toBe(D);

    const merged = mergeHostSources([src]);
    expect(merged.hosts.map((h) => [h.host, h.devices])).toEqual([
      ['node-a', 8],
      ['node-b', 8],
    ]);
    kwhClose(merged.hosts[0]?.energy_kwh ?? null, 18.48);
    kwhClose(merged.hosts[1]?.energy_kwh ?? null, 20.88);
  });

  it('power-gauge fallback: DCGM_FI_DEV_POWER_USAGE integrated by trapezoid matches the hand computation', async () => {
    const src = await queryPrometheus({ url: prom.url, selector: '{job="train-456"}', job_window: window, step_s: 15 });
    kwhClose(src.energy_kwh, 29.52);
    expect(src.devices).toHaveLength(16);
    expect(src.warnings).toEqual([
      'no DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION series for all 16 GPU(s): energy integrated from DCGM_FI_DEV_POWER_USAGE (W, trapezoid at a 15 s step) instead',
    ]);
  });

  it('a GPU without counter falls back to its gauge; a GPU with no series at all is reported missing', async () => {
    const src = await queryPrometheus({ url: prom.url, selector: '{job="train-789"}', job_window: window });
    kwhClose(src.energy_kwh, 36.96);
    expect(src.devices).toHaveLength(15);
    expect(src.warnings).toEqual([
      'no DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION series for 1 of 15 GPU(s) (node-b/7): energy integrated from DCGM_FI_DEV_POWER_USAGE (W, trapezoid at a 15 s step) instead',
      '1 GPU(s) may be missing: node-a reports 7, other hosts 8',
    ]);
  });

  it("a 1 s step (21,601 points, over Prometheus' 11,000 limit) is split into two queries and gives the same energy", async () => {
    const calls: string[] = [];
    const spy: typeof fetch = async (input, init) => {
      calls.push(String(init?.body));
      return fetch(input, init);
    };
    const src = await queryPrometheus({ url: prom.url, selector: '{job="train-123",Hostname="node-a"}', job_window: window, step_s: 1 }, { fetch: spy });
    kwhClose(src.energy_kwh, 18.48);
    expect(calls).toHaveLength(4); // 2 metrics × 2 ranges
  });

  it('job_window from_env reads ML_LCA_JOB_START (epoch s) and ML_LCA_JOB_END (ISO) from the env passed in', async () => {
    const env = { ML_LCA_JOB_START: String(START_S), ML_LCA_JOB_END: '2026-03-09T06:00:00Z' };
    const src = await queryPrometheus({ url: prom.url, selector: '{job="train-123"}', job_window: 'from_env' }, { env });
    kwhClose(src.energy_kwh, 39.36);
    expect(src.start).toBe('2026-03-09T00:00:00.000Z');
  });

  it('a selector matching nothing is LOG_NO_MATCH naming the selector', async () => {
    const err = await queryPrometheus({ url: prom.url, selector: '{job="nope"}', job_window: window }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe('LOG_NO_MATCH');
    expect((err as InputError).message).toContain('{job="nope"}');
  });

  it("a bad selector is SOURCE_UNREACHABLE with Prometheus' own message", async () => {
    const err = await queryPrometheus({ url: prom.url, selector: '{job=}', job_window: window }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe('SOURCE_UNREACHABLE');
    expect((err as InputError).message).toMatch(/HTTP 400: bad_data/);
  });

  it('node dist/cli.js report with two prometheus stages (counters; gauge fallback) matches the hand computation', () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'ml-lca-prom-cli-'));
    try {
      const scenario = {
        name: 'cluster-job',
        functional_unit: { description: '1,000 requests', inferences: 1000 },
        deployment: { lifetime_inferences: 1e9 },
        grid: { intensity_g_per_kwh: 400 },
        pue: 1.1,
        it_overhead_factor: 1,
        hardware: { model: 'H100-SXM', count: 16 },
        stages: {
          training: { prometheus: { url: prom.url, selector: '{job="train-123"}', job_window: 'from_env' } },
          experimentation: { prometheus: { url: prom.url, selector: '{job="train-456"}', job_window: window, step_s: 15 } },
        },
      };
      writeFileSync(path.join(work, 'lca.json'), JSON.stringify(scenario));
      const token = 'tok-SECRET-4242';
      const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'report', '--scenario', 'lca.json', '--out', 'out', '--budget-mode', 'off'], {
        cwd: work,
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, ML_LCA_JOB_START: String(START_S), ML_LCA_JOB_END: '2026-03-09T06:00:00Z', ML_LCA_PROMETHEUS_TOKEN: token },
      });
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.status).toBe(0);
      const cardText = readFileSync(path.join(work, 'out/model-card.json'), 'utf8');
      const card = ModelCard.parse(JSON.parse(cardText));
      // training: 39.36 kWh device energy (counters) × overhead 1 × PUE 1.1 = 43.296 kWh; × 0.4 kg/kWh = 17.3184 kg
      const t = card.stages.training;
      expect(t?.energy_origin).toBe('prometheus');
      expect(t?.energy_scope).toBe('device');
      expect(t?.it_energy_kwh).toBeCloseTo(39.36, 5);
      expect(t?.energy_kwh).toBeCloseTo(43.296, 5);
      expect(t?.operational_co2e_kg).toBeCloseTo(17.3184, 5);
      expect(t?.hours).toBeCloseTo(6, 9);
      // experimentation: 29.52 kWh from the power gauge (trapezoid) × 1.1 = 32.472 kWh
      expect(card.stages.experimentation?.it_energy_kwh).toBeCloseTo(29.52, 5);
      expect(card.stages.experimentation?.energy_kwh).toBeCloseTo(32.472, 5);
      expect(card.sources.map((s) => [s.format, s.devices.length])).toEqual([
        ['prometheus', 16],
        ['prometheus', 16],
      ]);
      // Per-host breakdown: node-a 3080 W × 6 h = 18.48 kWh, node-b 3480 W × 6 h = 20.88 kWh
      const cluster = card.extensions?.cluster as Record<string, { hosts: Array<{ host: string; energy_kwh: number }> }> | undefined;
      expect(cluster?.training?.hosts.map((h) => h.host)).toEqual(['node-a', 'node-b']);
      expect(cluster?.training?.hosts[0]?.energy_kwh).toBeCloseTo(18.48, 5);
      expect(cluster?.training?.hosts[1]?.energy_kwh).toBeCloseTo(20.88, 5);
      // The token went to Prometheus as a header and nowhere else.
      const report = readFileSync(path.join(work, 'out/report.md'), 'utf8');
      for (const text of [r.stdout, r.stderr, cardText, report]) expect(text).not.toContain(token);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
