import { describe, expect, it } from 'vitest';
import { parseTimestamp, newDateOrder } from '../../src/ingest/time.js';
import { splitHeaderUnit, unitFactor } from '../../src/ingest/units.js';
import { planFromHeader, inferPlan } from '../../src/ingest/columns.js';

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
  ] as const)('%s (%s) -> %s', (u, q, f) => expect(unitFactor(u, q)).toBe(f));

  it.each([
    ['power.draw [W]', 'power.draw', 'W'],
    [' power.draw.instant [W]', 'power.draw.instant', 'W'],
    ['power_consumption(kWh)', 'power_consumption', 'kWh'],
    ['power_w', 'power', 'w'],
    ['energy_mj', 'energy', 'mj'],
    ['pci.bus_id', 'pci.bus_id', null],
  ] as const)('splitHeaderUnit(%s)', (h, base, unit) => expect(splitHeaderUnit(h)).toEqual({ base, unit }));
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

  it('infers headerless nvidia-smi columns', () => {
    expect(inferPlan(['2024/10/13 03:33:30.000', ' 0', ' NVIDIA H100 80GB HBM3', ' 312.45 W', ' 50 %'])).toMatchObject({
      ts: 0,
      key: 1,
      name: 2,
      measures: [{ col: 3 }],
    });
    expect(inferPlan(['a', 'b'])).toBeNull();
  });
});
