import { describe, expect, it } from 'vitest';
import { parseTimestamp, newDateOrder } from '../../src/ingest/time.js';
import { readUnit, splitHeaderUnit, unitFactor } from '../../src/ingest/units.js';
import { planFromHeader, inferPlan } from '../../src/ingest/columns.js';
import { TimeColumn } from '../../src/ingest/time.js';

describe('units', () => {
  it.each([
    ['W', 'power', 1],
    ['mW', 'power', 0.001],
    ['kW', 'power', 1000],
    ['J', 'energy', 1],
    ['mJ', 'energy', 0.001],
    ['MJ', 'energy', 1e6],
    ['kJ', 'energy', 1000],
    ['Wh', 'energy', 3600],
    ['kWh', 'energy', 3.6e6],
    ['g', 'mass', 0.001],
    ['kg', 'mass', 1],
    ['%', 'power', null],
    // Case is SI's: M is mega, m milli.
    ['MW', 'power', 1e6],
    ['MWh', 'energy', 3.6e9],
    ['mWh', 'energy', 3.6],
    ['KWH', 'energy', 3.6e6], // one reading whatever the case
    ['kilowatts', 'power', 1000],
    ['ms', 'time', 0.001],
    ['sec', 'time', 1],
  ] as const)('%s (%s) -> %s', (u, q, f) => expect(unitFactor(u, q)).toBe(f));

  // Where the letters' case does not decide, every reading comes back, the SI reading of the
  // letters as written first; `MW` in a header written all in capitals is as open as `mw`.
  it.each([
    ['mw', 'power', true, ['mW', 'MW'], true],
    ['mwh', 'energy', true, ['mWh', 'MWh'], true],
    ['mj', 'energy', true, ['mJ', 'MJ'], true],
    ['MWH', 'energy', true, ['mWh', 'MWh'], true],
    ['MW', 'power', false, ['mW', 'MW'], true],
    ['MW', 'power', true, ['MW'], false],
    ['mW', 'power', true, ['mW'], false],
    ['W', 'power', false, ['W'], false],
  ] as const)('readUnit(%s, %s, caseKnown %s) -> %j', (u, q, caseKnown, symbols, ambiguous) => {
    const r = readUnit(u, q, caseKnown);
    expect(r?.readings.map((x) => x.symbol)).toEqual(symbols);
    expect(r?.ambiguous).toBe(ambiguous);
  });

  it.each([
    ['power.draw [W]', 'power.draw', 'W', true],
    [' power.draw.instant [W]', 'power.draw.instant', 'W', true],
    ['power_consumption(kWh)', 'power_consumption', 'kWh', true],
    ['power_w', 'power', 'w', true],
    ['energy_mj', 'energy', 'mj', true],
    ['pci.bus_id', 'pci.bus_id', null, true],
    ['POWER_MW', 'power', 'MW', false],
    ['elapsed_s', 'elapsed', 's', true],
    ['Time (ms)', 'time', 'ms', true],
  ] as const)('splitHeaderUnit(%s)', (h, base, unit, caseKnown) => expect(splitHeaderUnit(h)).toEqual({ base, unit, caseKnown }));
});

describe('timestamps', () => {
  it.each([
    ['2024/10/13 03:33:31.779', Date.UTC(2024, 9, 13, 3, 33, 31, 779) / 1000],
    ['2024-10-13T05:33:31+02:00', Date.UTC(2024, 9, 13, 3, 33, 31) / 1000],
    ['2024-10-13 03:33:31Z', Date.UTC(2024, 9, 13, 3, 33, 31) / 1000],
    ['1728790411.5', 1728790411.5],
    ['1728790411500', 1728790411.5],
    ['1728790411500000000', 1728790411.5],
    ['25/12/2024 10:00:00', Date.UTC(2024, 11, 25, 10) / 1000],
    ['not a time', null],
  ])('%s', (s, t) => {
    const r = parseTimestamp(s);
    if (t === null) expect(r).toBeNull();
    else expect(r).toBeCloseTo(t, 6);
  });

  it('flags 03/04/2024 as ambiguous and reads it month/day until a row decides', () => {
    const d = newDateOrder();
    expect(parseTimestamp('03/04/2024', d)).toBe(Date.UTC(2024, 2, 4) / 1000);
    expect(d.ambiguous).toBe('03/04/2024');
    parseTimestamp('13/04/2024', d);
    expect(d.order).toBe('dmy');
    expect(parseTimestamp('03/04/2024', d)).toBe(Date.UTC(2024, 3, 3) / 1000);
  });
});

describe('columns', () => {
  it('prefers power.draw over .instant and uuid over index as the device key', () => {
    const p = planFromHeader(['timestamp', 'index', 'uuid', 'power.draw.instant [W]', 'power.draw [W]', 'power.limit [W]']);
    expect(p).toMatchObject({ ts: 0, key: 2, measures: [{ col: 4, kind: 'power', factor: 1 }] });
  });

  it('reads kW and mW headers', () => {
    expect(planFromHeader(['time', 'power_kw'])?.measures[0]?.factor).toBe(1000);
    expect(planFromHeader(['time', 'power (mW)'])?.measures[0]?.factor).toBe(0.001);
  });

  // The readings a column's values will decide between (builder.ts), the first applied as read.
  it.each([
    [['timestamp', 'index', 'power.draw [W]'], 'certain', ['W']],
    [['timestamp', 'index', 'power.draw'], 'certain', ['W']], // nvidia-smi nounits: still watts
    [['timestamp', 'gpu', 'power_w'], 'suspect', ['W', 'mW']],
    [['timestamp', 'gpu', 'power_mw'], 'ambiguous', ['mW', 'MW']],
    [['timestamp', 'gpu', 'power_MW'], 'certain', ['MW']],
    [['TIMESTAMP', 'GPU', 'POWER_MW'], 'ambiguous', ['mW', 'MW']],
    [['timestamp', 'gpu', 'power'], 'none', ['W', 'mW', 'kW']],
    [['timestamp', 'gpu', 'energy_mwh'], 'ambiguous', ['mWh', 'MWh']],
    [['timestamp', 'gpu', 'total_energy'], 'none', ['J', 'mJ']],
    [['timestamp', 'gpu', 'dcgm_fi_dev_total_energy_consumption'], 'certain', ['mJ']],
  ])('%j: %s %j', (header, unitCase, symbols) => {
    const m = planFromHeader(header)?.measures[0];
    expect(m?.unitCase).toBe(unitCase);
    expect(m?.readings.map((r) => r.symbol)).toEqual(symbols);
    expect(m?.factor).toBe(m?.readings[0]?.factor);
  });

  it.each([
    [['sec', 'power_w'], 0, 1, true],
    [['elapsed_ms', 'gpu', 'power_w'], 0, 0.001, true],
    [['gpu', 't', 'power_w'], 1, 1, true],
    [['time_s', 'power_w'], 0, 1, false],
    [['timestamp', 'power_w'], 0, 1, false],
  ] as const)('time column of %j: column %i, × %s s, relative by name: %s', (header, ts, scale, relative) => {
    expect(planFromHeader(header)).toMatchObject({ ts, tsScale: scale, tsRelative: relative });
  });

  it('infers headerless nvidia-smi columns', () => {
    expect(inferPlan(['2024/10/13 03:33:30.000', ' 0', ' NVIDIA H100 80GB HBM3', ' 312.45 W', ' 50 %'])).toMatchObject({
      ts: 0,
      key: 1,
      name: 2,
      measures: [{ col: 3 }],
    });
    expect(inferPlan(['a', 'b'])).toBeNull();
  });

  it('infers a headerless log of power values alone (--query-gpu=power.draw --format=csv,noheader,nounits)', () => {
    expect(inferPlan(['312.45'])).toMatchObject({ ts: -1, key: -1, need: 1, measures: [{ col: 0, kind: 'power', factor: 1, unitCase: 'certain' }] });
    expect(inferPlan(['312.45 W'])?.measures[0]?.col).toBe(0);
    expect(inferPlan(['GPU 0'])).toBeNull();
  });
});

describe('time columns (absolute or relative)', () => {
  it.each([
    // [scale, relative by name, values, expected seconds]
    [1, false, ['0', '1.5', '3'], [0, 1.5, 3]], // a small first number: relative for the whole file
    [1, false, ['1728790411', '12'], [1728790411, null]], // epoch first: a small number later is rejected
    [0.001, false, ['0', '500', '1000'], [0, 0.5, 1]],
    [0.001, false, ['1728790411500'], [1728790411.5]], // epoch ms in a `_ms` column
    [1, true, ['2024-10-13T03:00:00Z', '5'], [null, 5]], // relative by name: dates are not times here
  ] as const)('scale %s, relative %s: %j -> %j', (scale, rel, values, want) => {
    const tc = new TimeColumn(scale, rel);
    const d = newDateOrder();
    expect(values.map((v) => tc.fromText(v, d))).toEqual(want);
  });
});
