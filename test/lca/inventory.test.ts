import { describe, expect, it } from 'vitest';
import { assess, buildInventories } from '../../src/lca/index.js';
import type { Stage } from '../../src/scenario/schema.js';
import { cc, resolved, smi, src } from './inventory-helpers.js';

describe('buildInventories: where a stage gets its energy', () => {
  it.each([
    // [what, stage, sources, device kWh, host kWh, origin]
    ['device logs', { logs: ['a'] }, [smi('a.csv', 10), smi('b.csv', 5)], 15, 0, 'logs'],
    ['host logs', { logs: ['a'] }, [cc('e.csv', 7)], 0, 7, 'logs'],
    [
      'scope inferred from format when absent',
      { logs: ['a'] },
      [
        src({ path: 'e.csv', format: 'codecarbon', energy_kwh: 3 }),
        src({ path: 'p.csv', format: 'dcgm-prom', energy_kwh: 2, start: '2024-01-01T00:00:00Z', end: '2024-01-01T01:00:00Z' }),
      ],
      0,
      3,
      'logs',
    ],
    ['energy_kwh (host)', { energy_kwh: 12 }, [], 0, 12, 'energy_kwh'],
    ['hours × count × power (device)', { hours: 2 }, [], (2 * 8 * 700) / 1000, 0, 'estimate'],
    ['stage count overrides hardware count', { hours: 2, count: 2 }, [], (2 * 2 * 700) / 1000, 0, 'estimate'],
    ['logs with no energy fall back to energy_kwh', { logs: ['a'], energy_kwh: 4 }, [src({ path: 'x.json', format: 'hf-card' })], 0, 4, 'energy_kwh'],
  ] as const)('%s', (_what, stage, sources, device, host, origin) => {
    const r = resolved({ s: JSON.parse(JSON.stringify(stage)) as Stage });
    const inv = buildInventories(r, { s: [...sources] }).s!;
    expect(inv.device_energy_kwh).toBeCloseTo(device, 12);
    expect(inv.host_energy_kwh).toBeCloseTo(host, 12);
    expect(inv.origin).toBe(origin);
  });

  it('applies the overhead factor only to device energy and PUE once to the sum', () => {
    const r = resolved({ s: { logs: ['a'] } });
    // device 10 kWh (09:00–10:00) and host 4 kWh (a different run, 12:00–13:00): both count.
    const sources = [
      smi('gpu.csv', 10, { start: '2024-05-01T09:00:00Z', end: '2024-05-01T10:00:00Z' }),
      cc('emissions.csv', 4, { start: '2024-05-01T12:00:00Z', end: '2024-05-01T13:00:00Z' }),
    ];
    const inv = buildInventories(r, { s: sources });
    const res = assess(r, inv).stages.s!;
    expect(res.it_energy_kwh).toBeCloseTo(10 * 1.2 + 4, 12);
    expect(res.energy_kwh).toBeCloseTo((10 * 1.2 + 4) * 1.5, 12);
    expect(res.sources).toEqual(['emissions.csv', 'gpu.csv']);
  });

  it('drops device-only logs that overlap a whole-server log of the same run (no double count)', () => {
    const r = resolved({ s: { logs: ['a'] } });
    const overlapping = [
      smi('gpu.csv', 10, { start: '2024-05-01T09:00:00Z', end: '2024-05-01T11:00:00Z' }),
      cc('emissions.csv', 14, { start: '2024-05-01T09:00:05Z', end: '2024-05-01T11:00:00Z' }),
    ];
    const inv = buildInventories(r, { s: overlapping }).s!;
    expect(inv.device_energy_kwh).toBe(0);
    expect(inv.host_energy_kwh).toBe(14);
    expect(inv.sources).toEqual(['emissions.csv']);
    expect(inv.warnings.join()).toContain('gpu.csv (device-only energy) is not counted');
    // Without timestamps we cannot tell runs apart: assume the same run.
    const untimed = buildInventories(r, { s: [smi('gpu.csv', 10), cc('emissions.csv', 14)] }).s!;
    expect(untimed.device_energy_kwh).toBe(0);
    expect(untimed.warnings.join()).toContain('no timestamps');
  });

  it('derives hours from the longest log when not given', () => {
    const r = resolved({ s: { logs: ['a'] } });
    const inv = buildInventories(r, {
      s: [smi('a.csv', 1, { duration_s: 7200 }), smi('b.csv', 1, { start: '2024-01-01T00:00:00Z', end: '2024-01-01T03:00:00Z' })],
    }).s!;
    expect(inv.hours).toBe(3);
    expect(inv.hours_origin).toBe('logs');
    const given = buildInventories(resolved({ s: { logs: ['a'], hours: 5 } }), { s: [smi('a.csv', 1, { duration_s: 7200 })] }).s!;
    expect(given.hours).toBe(5);
  });

  it.each([
    // [source, hours]: duration_s first (0 is a duration), else end − start; a window that ends
    // before it starts, or lacks one end, gives no hours
    [{ duration_s: 0, start: '2024-01-01T00:00:00Z', end: '2024-01-01T02:00:00Z' }, 0],
    [{ duration_s: 5400, start: '2024-01-01T00:00:00Z', end: '2024-01-01T02:00:00Z' }, 1.5],
    [{ duration_s: -1, start: '2024-01-01T00:00:00Z', end: '2024-01-01T02:00:00Z' }, 2],
    [{ start: '2024-01-01T00:00:00Z', end: '2024-01-01T00:00:00Z' }, 0],
    [{ start: '2024-01-01T02:00:00Z', end: '2024-01-01T00:00:00Z' }, null],
    [{ start: '2024-01-01T00:00:00Z' }, null],
    [{ end: '2024-01-01T02:00:00Z' }, null],
    [{ start: 'not a time', end: '2024-01-01T02:00:00Z' }, null],
  ] as const)('hours of one log %j: %s', (window, hours) => {
    const inv = buildInventories(resolved({ s: { logs: ['a'] } }), { s: [smi('a.csv', 1, window)] }).s!;
    expect(inv.hours).toBe(hours);
    expect(inv.hours_origin).toBe(hours === null ? 'none' : 'logs');
  });

  it('counts embodied as 0 with a warning when hours are unknown', () => {
    const r = resolved({ s: { energy_kwh: 10 } });
    const res = assess(r, buildInventories(r, {}));
    expect(res.stages.s!.embodied_co2e_kg).toBe(0);
    expect(res.warnings.some((w) => w.includes('hours unknown'))).toBe(true);
  });

  it('a stage whose only log holds no usable energy is incomplete (stage, file, reason, fix), not 0 kWh passing', () => {
    const r = resolved({ s: { logs: ['a'] } });
    const incomplete = {
      code: 'no_timestamps',
      reason: 'device 0: 300 power samples have no timestamp',
      fix: "set the stage's interval_s to 1 (ml-lca ingest: --interval)",
    };
    const inv = buildInventories(r, { s: [src({ path: 'gpu.csv', format: 'nvidia-smi', incomplete })] }).s!;
    expect(inv.device_energy_kwh + inv.host_energy_kwh).toBe(0);
    expect(inv.origin).toBe('logs');
    expect(inv.completeness).toEqual({
      status: 'incomplete',
      reason: 'device 0: 300 power samples have no timestamp',
      file: 'gpu.csv',
      fix: 'set stages.s.interval_s to 1',
    });
    // One statement of what happened, not three contradicting ones.
    expect(inv.warnings).toEqual(['s: gpu.csv: device 0: 300 power samples have no timestamp; not counted']);
  });

  it('a failed log with an hours fallback is estimated in its place and still incomplete', () => {
    const r = resolved({ s: { logs: ['a'], hours: 2 } });
    const incomplete = { code: 'no_rows', reason: 'the file has no data rows', fix: 'rerun' };
    const inv = buildInventories(r, { s: [src({ path: 'e.csv', format: 'codecarbon', incomplete })] }).s!;
    expect(inv.device_energy_kwh).toBeCloseTo((2 * 8 * 700) / 1000, 12); // 2 h × 8 × 700 W
    expect(inv.completeness.status).toBe('incomplete');
    expect(inv.completeness.reason).toBe('the file has no data rows; estimated from hours × count × power_w in its place');
  });

  it('an empty stage (no logs, energy_kwh or hours) is incomplete with a fix naming the keys', () => {
    const inv = buildInventories(resolved({ s: {} }), {}).s!;
    expect(inv.completeness.status).toBe('incomplete');
    expect(inv.completeness.file).toBeNull();
    expect(inv.completeness.fix).toBe(
      'add stages.s.logs (a power or CodeCarbon log), stages.s.energy_kwh, or stages.s.hours for an estimate from hours × count × power_w',
    );
  });

  it.each([
    [{ energy_kwh: 10 }, 'estimate', 'energy_kwh 10 stated in the scenario, not read from a log'],
    [{ hours: 3 }, 'estimate', 'hours × count × power_w = 3 h × 8 × 700 W, not measured'],
  ])('a deliberate estimate %j is complete and labelled as an estimate', (stage, status, reason) => {
    const inv = buildInventories(resolved({ s: stage }), {}).s!;
    expect(inv.completeness).toEqual({ status, reason, file: null, fix: null });
  });

  it('a stage measured by its logs is complete', () => {
    const inv = buildInventories(resolved({ s: { logs: ['a'] } }), { s: [smi('a.csv', 1.5)] }).s!;
    expect(inv.completeness).toEqual({ status: 'measured', reason: null, file: null, fix: null });
  });

  it('warns when logs show another GPU model or more devices than the scenario', () => {
    const r = resolved({ s: { logs: ['a'] } }, { hardware: { model: 'H100', count: 2 } });
    const devices = [0, 1, 2].map((i) => ({ id: String(i), name: 'NVIDIA A100-SXM4-80GB', energy_kwh: 1, samples: 10 }));
    const inv = buildInventories(r, { s: [smi('gpu.csv', 3, { devices })] }).s!;
    expect(inv.warnings.join('\n')).toContain('the logs show A100-SXM-80GB but hardware.model is H100-SXM');
    expect(inv.warnings.join('\n')).toContain('the logs show 3 devices but the stage uses count 2');
    const same = buildInventories(r, { s: [smi('gpu.csv', 2, { devices: devices.slice(0, 2).map((d) => ({ ...d, name: 'NVIDIA H100 80GB HBM3' })) })] }).s!;
    expect(same.warnings.filter((w) => w.includes('logs show'))).toEqual([]);
  });
});
