import { describe, expect, it } from 'vitest';
import { inPeriod, periodOf } from '../../src/ledger/period.js';
import { UtcInstant } from '../../src/ledger/schema.js';

describe('periodOf (UTC calendar periods)', () => {
  // Expected values written out by hand from the Gregorian calendar.
  it.each([
    ['2026-03-31T23:59:59Z', 'month', '2026-03', '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z', 31],
    ['2026-04-01T00:00:00Z', 'month', '2026-04', '2026-04-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z', 30],
    ['2026-03-31T23:59:59Z', 'quarter', '2026-Q1', '2026-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z', 90],
    ['2026-04-01T00:00:00Z', 'quarter', '2026-Q2', '2026-04-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z', 91],
    ['2026-12-31T23:59:59.999Z', 'quarter', '2026-Q4', '2026-10-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', 92],
    ['2027-01-01T00:00:00Z', 'quarter', '2027-Q1', '2027-01-01T00:00:00.000Z', '2027-04-01T00:00:00.000Z', 90],
    ['2026-12-15T12:00:00Z', 'month', '2026-12', '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', 31],
    // Leap years: 2024 (divisible by 4), 2000 (by 400); 2100 is not one (by 100, not 400).
    ['2024-02-29T12:00:00Z', 'month', '2024-02', '2024-02-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z', 29],
    ['2026-02-10T00:00:00Z', 'month', '2026-02', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z', 28],
    ['2100-02-10T00:00:00Z', 'month', '2100-02', '2100-02-01T00:00:00.000Z', '2100-03-01T00:00:00.000Z', 28],
    ['2024-02-29T00:00:00Z', 'quarter', '2024-Q1', '2024-01-01T00:00:00.000Z', '2024-04-01T00:00:00.000Z', 91],
    ['2024-07-01T00:00:00Z', 'year', '2024', '2024-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 366],
    ['2000-07-01T00:00:00Z', 'year', '2000', '2000-01-01T00:00:00.000Z', '2001-01-01T00:00:00.000Z', 366],
    ['2026-07-01T00:00:00Z', 'year', '2026', '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', 365],
    // An offset is an instant: 01:30 at +02:00 is 23:30Z on the previous day, so March.
    ['2026-04-01T01:30:00+02:00', 'month', '2026-03', '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z', 31],
    ['2026-03-31T20:00:00-05:00', 'quarter', '2026-Q2', '2026-04-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z', 91],
  ] as const)('%s %s -> %s', (at, kind, label, start, end, days) => {
    expect(periodOf(at, kind)).toEqual({ kind, label, start, end, days });
  });

  it('takes a Date and refuses an invalid one', () => {
    expect(periodOf(new Date(Date.UTC(2026, 5, 30, 23, 59, 59)), 'quarter').label).toBe('2026-Q2');
    expect(() => periodOf('not a date', 'month')).toThrow(/not a date/);
  });

  it('inPeriod is [start, end): the last second of March is in March, April 1 00:00Z is not', () => {
    const march = periodOf('2026-03-15T00:00:00Z', 'month');
    expect(inPeriod('2026-03-31T23:59:59Z', march)).toBe(true);
    expect(inPeriod('2026-04-01T00:00:00Z', march)).toBe(false);
    expect(inPeriod('2026-03-01T00:00:00Z', march)).toBe(true);
    expect(inPeriod('2026-02-28T23:59:59.999Z', march)).toBe(false);
  });
});

describe('UtcInstant (timestamps in ledger input)', () => {
  it.each([
    ['2026-04-01T01:30:00+02:00', '2026-03-31T23:30:00.000Z'],
    ['2026-04-01T01:30:00+0200', '2026-03-31T23:30:00.000Z'],
    ['2026-03-31T19:00:00-05:00', '2026-04-01T00:00:00.000Z'],
    ['2026-03-31T23:59:59Z', '2026-03-31T23:59:59.000Z'],
    ['2026-03-31t23:59:59.5z', '2026-03-31T23:59:59.500Z'],
    ['2026-03-31 23:59:59Z', '2026-03-31T23:59:59.000Z'],
    ['2026-03-31', '2026-03-31T00:00:00.000Z'],
  ])('%s -> %s', (input, utc) => {
    expect(UtcInstant.parse(input)).toBe(utc);
  });

  it.each([
    ['2026-03-31T23:59:59', 'no zone: local time is ambiguous'],
    ['2026-02-30T00:00:00Z', 'not a calendar date'],
    ['31/03/2026', 'not ISO 8601'],
    ['', 'empty'],
  ])('refuses %j (%s)', (input) => {
    expect(UtcInstant.safeParse(input).success).toBe(false);
  });
});
