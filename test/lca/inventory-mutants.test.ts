// Edge cases of the stage inventory (src/lca/inventory.ts) that the mutation run (issue 14) found
// untested: which scope a log's format implies, when a device log and a whole-server log overlap,
// which stages count as having named a source, the exact warnings and completeness of each
// fallback, and the hardware checks. Each test builds its own scenario and sources.
import { describe, expect, it } from 'vitest';
import type { DeviceEnergy, Source } from '../../src/ingest/source.js';
import { buildInventories, scopeOf, StageInventory } from '../../src/lca/index.js';
import type { ResolvedScenario } from '../../src/scenario/resolved.js';
import type { ScenarioInput, Stage } from '../../src/scenario/schema.js';
import { cc, PROMETHEUS, resolved, smi, src } from './inventory-helpers.js';

// H100-SXM, 8 accelerators, bundled power 700 W; one stage `s`.
function resolvedStage(stage: Stage, extra: Partial<ScenarioInput> = {}): ResolvedScenario {
  return resolved({ s: stage }, extra);
}

/** A window on 2024-05-01 from hour h0 to hour h1 (UTC). */
const at = (h: number) => `2024-05-01T${String(h).padStart(2, '0')}:00:00Z`;
const win = (h0: number, h1: number) => ({ start: at(h0), end: at(h1) });

function inventory(stage: Stage, sources?: Source[], r: ResolvedScenario = resolvedStage(stage)): StageInventory {
  return buildInventories(r, sources === undefined ? {} : { s: sources }).s!;
}

const DOUBLE = 'counting both would double count the GPU energy';

describe('StageInventory schema accepts every inventory buildInventories makes', () => {
  it.each([
    // [stage, sources, origin, hours_origin]
    [{ logs: ['a'] }, [smi('a.csv', 1, { duration_s: 3600 })], 'logs', 'logs'],
    [{ prometheus: PROMETHEUS }, [src({ path: 'prometheus', format: 'dcgm-prom', scope: 'device', energy_kwh: 1 })], 'prometheus', 'none'],
    [{ energy_kwh: 3 }, undefined, 'energy_kwh', 'none'],
    [{ hours: 2 }, undefined, 'estimate', 'scenario'],
  ] as const)('%j gives origin %s, hours_origin %s', (stage, sources, origin, hoursOrigin) => {
    const inv = inventory(JSON.parse(JSON.stringify(stage)) as Stage, sources ? [...sources] : undefined);
    expect([inv.origin, inv.hours_origin]).toEqual([origin, hoursOrigin]);
    // The schema keeps every field (a stripped or narrowed schema would drop or refuse one).
    expect(StageInventory.parse(inv)).toEqual(inv);
  });
});

describe('scopeOf: whole-server formats by name, explicit scope first', () => {
  it.each([
    ['codecarbon', 'host'],
    ['CodeCarbon-csv', 'host'],
    ['eco2ai', 'host'],
    ['hf-card', 'host'],
    ['hf_card', 'host'],
    ['hfcard', 'host'],
    ['huggingface', 'host'],
    ['nvidia-smi', 'device'],
    ['dcgm-prom', 'device'],
    // The tool's name must start the format id: one that merely contains it is a device log.
    ['zeus-codecarbon-compatible', 'device'],
    ['hf-x-card', 'device'],
  ])('format %s without a scope is %s', (format, scope) => {
    expect(scopeOf(src({ path: 'f', format }))).toBe(scope);
  });

  it('an explicit scope wins over the format', () => {
    expect(scopeOf(src({ path: 'f', format: 'codecarbon', scope: 'device' }))).toBe('device');
    expect(scopeOf(src({ path: 'f', format: 'nvidia-smi', scope: 'host' }))).toBe('host');
  });
});

describe('hours of a log', () => {
  it('a log with a start before 1970 and no end gives no hours (not hours since the epoch)', () => {
    // A clock reset to the epoch in a zone west of UTC logs 1969-12-31; with no end there is no span.
    const inv = inventory({ logs: ['a'] }, [smi('a.csv', 1, { start: '1969-12-31T22:00:00Z' })]);
    expect(inv.hours).toBeNull();
    expect(inv.hours_origin).toBe('none');
  });

  it('hours stated in the scenario are labelled scenario; none at all are labelled none', () => {
    expect(inventory({ logs: ['a'], hours: 5 }, [smi('a.csv', 1, { duration_s: 7200 })]).hours_origin).toBe('scenario');
    const none = inventory({ energy_kwh: 2 });
    expect([none.hours, none.hours_origin]).toEqual([null, 'none']);
  });
});

describe('device log next to a whole-server log: dropped when their windows overlap or cannot be told apart', () => {
  const dropped = (why: string) =>
    `s: gpu.csv (device-only energy) is not counted because emissions.csv (whole-server energy) covers the same ${why}; ${DOUBLE}`;
  const RUN = 'run (no timestamps to tell them apart)';

  it.each([
    // [what, host window, device window, device counted, reason when dropped]
    ['overlapping windows', win(9, 11), win(10, 12), false, 'time window'],
    ['device window ends as the host window starts (shared instant)', win(9, 10), win(8, 9), false, 'time window'],
    ['device window starts as the host window ends (shared instant)', win(9, 10), win(10, 11), false, 'time window'],
    ['device window after the host window', win(9, 10), win(11, 12), true, null],
    ['device window before the host window', win(11, 12), win(9, 10), true, null],
    // One missing timestamp on either side: cannot tell the runs apart, so the same run is assumed.
    ['host without start', { end: at(10) }, win(11, 12), false, RUN],
    ['host without end', { start: at(9) }, win(7, 8), false, 'time window'],
    ['device without start', win(9, 10), { end: at(8) }, false, RUN],
    ['device without end', win(9, 10), { start: at(11) }, false, 'time window'],
  ] as const)('%s', (_what, hostWindow, deviceWindow, counted, why) => {
    const inv = inventory({ logs: ['a'] }, [cc('emissions.csv', 14, hostWindow), smi('gpu.csv', 10, deviceWindow)]);
    // Counted: 10 kWh device + 14 kWh host; dropped: 0 + 14.
    expect(inv.device_energy_kwh).toBe(counted ? 10 : 0);
    expect(inv.host_energy_kwh).toBe(14);
    expect(inv.sources).toEqual(counted ? ['emissions.csv', 'gpu.csv'] : ['emissions.csv']);
    expect(inv.warnings).toEqual(why === null ? [] : [dropped(why)]);
  });
});

describe('which logs count', () => {
  it('a log whose energy is not a finite number is not counted', () => {
    const inv = inventory({ logs: ['a'] }, [smi('a.csv', 2), smi('nan.csv', Number.NaN), smi('inf.csv', Number.POSITIVE_INFINITY)]);
    expect(inv.device_energy_kwh).toBe(2);
    expect(inv.sources).toEqual(['a.csv']);
  });

  it('a log with no energy is not listed as a source', () => {
    const inv = inventory({ logs: ['a'] }, [smi('a.csv', 2), src({ path: 'empty.csv', format: 'nvidia-smi' })]);
    expect(inv.sources).toEqual(['a.csv']);
  });

  it('a partial log (energy with an incomplete note) is counted, and its warning does not say "not counted"', () => {
    const incomplete = { code: 'single_sample', reason: 'device 1: one power sample', fix: 'sample more often' };
    const inv = inventory({ logs: ['a'], hours: 1 }, [smi('part.csv', 3, { incomplete })]);
    expect(inv.device_energy_kwh).toBe(3);
    expect(inv.warnings).toEqual(['s: part.csv: device 1: one power sample']);
    expect(inv.completeness.status).toBe('incomplete');
  });

  it('origin prometheus when a Prometheus stage counts a Prometheus source among others; logs when the stage names no Prometheus', () => {
    const prom = src({ path: 'prometheus', format: 'dcgm-prom', scope: 'device', energy_kwh: 1, ...win(9, 10) });
    expect(inventory({ prometheus: PROMETHEUS, logs: ['a'] }, [prom, smi('a.csv', 2, win(9, 10))]).origin).toBe('prometheus');
    expect(inventory({ logs: ['a'] }, [prom]).origin).toBe('logs');
  });
});

describe('fallbacks: exact warnings and completeness', () => {
  const noEnergy = () => src({ path: 'x.csv', format: 'nvidia-smi' });
  const ESTIMATED = 's: no energy from logs; estimated from hours × count × power_w in its place';

  it('energy_kwh next to logs that give energy is ignored, with a warning', () => {
    const inv = inventory({ logs: ['a'], energy_kwh: 9, hours: 1 }, [smi('a.csv', 2)]);
    expect([inv.device_energy_kwh, inv.host_energy_kwh]).toEqual([2, 0]);
    expect(inv.warnings).toEqual(["s: energy_kwh (9) is ignored because the stage's logs give its energy"]);
  });

  it('logs with energy but no hours: embodied counted as 0, with a warning', () => {
    expect(inventory({ logs: ['a'] }, [smi('a.csv', 2)]).warnings).toEqual([
      's: hours unknown (set stages.s.hours or use logs with timestamps): embodied carbon for this stage is counted as 0',
    ]);
  });

  it('logs with no energy fall back to energy_kwh with a warning; the stage is an estimate', () => {
    const inv = inventory({ logs: ['a'], energy_kwh: 4, hours: 1 }, [noEnergy()]);
    expect(inv.host_energy_kwh).toBe(4);
    expect(inv.warnings).toEqual(['s: no energy from logs; energy_kwh (4) is counted in its place']);
    expect(inv.completeness).toEqual({ status: 'estimate', reason: 'energy_kwh 4 stated in the scenario, not read from a log', file: null, fix: null });
  });

  it.each([
    // A stage names a source by its logs key, its prometheus key, or by having files at all.
    ['logs key, no files', { logs: ['a'], hours: 2 }, undefined],
    ['prometheus key, no answer', { prometheus: PROMETHEUS, hours: 2 }, undefined],
    ['files without a logs key', { hours: 2 }, 'file'],
  ] as const)('named source that gave nothing (%s): hours estimate in its place, with a warning', (_what, stage, files) => {
    const inv = inventory(JSON.parse(JSON.stringify(stage)) as Stage, files ? [noEnergy()] : undefined);
    expect(inv.device_energy_kwh).toBeCloseTo((2 * 8 * 700) / 1000, 12); // 2 h × 8 × 700 W = 11.2 kWh
    expect(inv.origin).toBe('estimate');
    expect(inv.warnings).toEqual([ESTIMATED]);
  });

  it('a stage that only states hours is estimated without a fallback warning', () => {
    const inv = inventory({ hours: 3 });
    expect(inv.device_energy_kwh).toBeCloseTo((3 * 8 * 700) / 1000, 12); // 16.8 kWh
    expect(inv.warnings).toEqual([]);
  });

  it('a failed log does not become an estimate from its own span (only stated hours count)', () => {
    // The log spans 1 h but holds no energy: no 1 h × 8 × 700 W estimate, the stage is incomplete.
    const inv = inventory({ logs: ['a'] }, [src({ path: 'x.csv', format: 'nvidia-smi', duration_s: 3600 })]);
    expect(inv.hours).toBe(1);
    expect([inv.device_energy_kwh, inv.host_energy_kwh, inv.origin]).toEqual([0, 0, 'logs']);
    expect(inv.warnings).toEqual([]);
    expect(inv.completeness).toEqual({ status: 'incomplete', reason: 'its logs gave no energy', file: 'x.csv', fix: 'check stages.s.logs' });
  });

  it.each([
    [{ logs: ['a'] }, 'logs', 'its logs gave no energy', 'check stages.s.logs'],
    [
      { prometheus: PROMETHEUS },
      'prometheus',
      'its Prometheus query gave no energy',
      "check stages.s.prometheus (the query, its time window and the server's answer)",
    ],
  ] as const)('a named stage %j with no files and nothing to fall back on is incomplete without a file (origin %s)', (stage, origin, reason, fix) => {
    const inv = inventory(JSON.parse(JSON.stringify(stage)) as Stage);
    expect(inv.origin).toBe(origin);
    expect(inv.completeness).toEqual({ status: 'incomplete', reason, file: null, fix });
  });

  it('an empty stage adds no warning of its own (its completeness says it all)', () => {
    expect(inventory({}).warnings).toEqual([]);
  });

  it('custom hardware without power_w: a stage whose logs gave nothing stays logs-origin, not an estimate', () => {
    // Custom hardware is accepted without power_w when no stage is estimated from hours alone.
    const stage: Stage = { logs: ['a'], hours: 2 };
    const r = resolvedStage(stage, { hardware: { model: 'Custom-X', count: 8, embodied_kg: 100, lifespan_years: 4 } });
    expect(r.hardware.power_w).toBeNull();
    const inv = inventory(stage, [noEnergy()], r);
    expect([inv.device_energy_kwh, inv.origin]).toEqual([0, 'logs']);
    expect(inv.completeness.status).toBe('incomplete');
  });

  it('a stage estimated from hours with no power_w is incomplete, with a warning (fails closed)', () => {
    // resolveScenario refuses this scenario (custom hardware, an hours-only stage, no power_w);
    // buildInventories must still not pass such a resolved scenario as measured or estimated.
    const base = resolvedStage({ hours: 2 });
    const r: ResolvedScenario = { ...base, hardware: { ...base.hardware, model: 'Custom-X', known: false, power_w: null } };
    const inv = inventory({ hours: 2 }, undefined, r);
    expect([inv.device_energy_kwh, inv.host_energy_kwh, inv.origin]).toEqual([0, 0, 'estimate']);
    expect(inv.warnings).toEqual(["s: hardware.power_w unknown (model not in the bundled data): the stage's energy cannot be estimated"]);
    expect(inv.completeness).toEqual({
      status: 'incomplete',
      reason: 'hardware.power_w is unknown for Custom-X, so hours × count × power_w cannot be computed',
      file: null,
      fix: 'set hardware.power_w (W per accelerator at typical load)',
    });
  });
});

describe('hardware checks against the logs', () => {
  const dev = (id: string, name: string, extra: Partial<DeviceEnergy> = {}): DeviceEnergy => ({ id, name, energy_kwh: 1, samples: 10, ...extra });
  const hw = (count: number) => ({ hardware: { model: 'H100', count } });

  it('names every other model the logs show, comma separated', () => {
    const r = resolvedStage({ logs: ['a'], hours: 1 }, hw(8));
    const inv = inventory(
      { logs: ['a'], hours: 1 },
      [smi('gpu.csv', 2, { devices: [dev('0', 'NVIDIA A100-SXM4-80GB'), dev('1', 'Tesla V100-SXM2-16GB')] })],
      r,
    );
    expect(inv.warnings).toEqual(['s: the logs show A100-SXM-80GB, V100-SXM2 but hardware.model is H100-SXM: embodied carbon and estimates use H100-SXM']);
  });

  it('checks devices marked gpu like unmarked ones', () => {
    const r = resolvedStage({ logs: ['a'], hours: 1 }, hw(8));
    const inv = inventory({ logs: ['a'], hours: 1 }, [smi('gpu.csv', 1, { devices: [dev('0', 'NVIDIA L4', { kind: 'gpu' })] })], r);
    expect(inv.warnings).toEqual(['s: the logs show L4 but hardware.model is H100-SXM: embodied carbon and estimates use H100-SXM']);
  });

  it('counts devices per host: the same id on two hosts is two devices', () => {
    const r = resolvedStage({ logs: ['a'], hours: 1 }, hw(1));
    const devices = [dev('0', 'NVIDIA H100 80GB HBM3', { host: 'node-a' }), dev('0', 'NVIDIA H100 80GB HBM3', { host: 'node-b' })];
    const inv = inventory({ logs: ['a'], hours: 1 }, [smi('gpu.csv', 2, { devices })], r);
    expect(inv.warnings).toEqual(['s: the logs show 2 devices but the stage uses count 1: embodied carbon counts 1 (set stages.s.count)']);
  });

  it('an empty host and no host are the same host', () => {
    const r = resolvedStage({ logs: ['a'], hours: 1 }, hw(1));
    const devices = [dev('0', 'NVIDIA H100 80GB HBM3', { host: '' }), dev('0', 'NVIDIA H100 80GB HBM3')];
    expect(inventory({ logs: ['a'], hours: 1 }, [smi('gpu.csv', 2, { devices })], r).warnings).toEqual([]);
  });
});
