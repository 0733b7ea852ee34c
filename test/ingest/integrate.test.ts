// The integrator alone: trapezoid, gap threshold (default max(60 s, 5 × median interval)),
// out-of-order runs, counters with resets. Hand-computed expectations.
import { describe, expect, it } from 'vitest';
import { CounterSeries, PowerSeries } from '../../src/ingest/integrate.js';

function power(samples: Array<[number, number]>, threshold?: number): PowerSeries {
  const p = new PowerSeries(threshold);
  for (const [t, w] of samples) p.add(t, w);
  p.finish();
  return p;
}

describe('PowerSeries', () => {
  it.each([
    [
      'constant 100 W for 10 s',
      [
        [0, 100],
        [10, 100],
      ],
      1000,
    ],
    [
      'ramp 0 → 200 W over 4 s',
      [
        [0, 0],
        [2, 100],
        [4, 200],
      ],
      400,
    ],
    [
      'uneven intervals',
      [
        [0, 100],
        [1, 300],
        [4, 100],
      ],
      200 + 600,
    ],
  ] as const)('%s', (_n, s, joules) => {
    expect(power(s.map(([t, w]) => [t, w])).energyJ).toBeCloseTo(joules, 9);
  });

  it('does not bridge a gap longer than max(60 s, 5 × median interval) and reports it', () => {
    // 40 samples at 1 s, then a 61 s hole, then one more second
    const s: Array<[number, number]> = [];
    for (let t = 0; t < 40; t++) s.push([t, 100]);
    s.push([39 + 61, 100], [39 + 62, 100]);
    const p = power(s);
    expect(p.threshold).toBe(60);
    expect(p.gaps).toBe(1);
    expect(p.gapSeconds).toBe(61);
    expect(p.energyJ).toBeCloseTo(39 * 100 + 100, 9);
  });

  it('bridges an interval exactly at the threshold: only a longer one is a gap', () => {
    // Threshold 5 s given: 0 → 5 → 10 s at 100 W are two intervals of exactly 5 s, both bridged:
    // 100 W × 10 s = 1,000 J over 10 s, no gap. 10 → 15.5 s (5.5 s > 5 s) is a gap: no energy, 5.5 s.
    const p = power(
      [
        [0, 100],
        [5, 100],
        [10, 100],
        [15.5, 100],
      ],
      5,
    );
    expect(p.energyJ).toBeCloseTo(1000, 9);
    expect(p.coveredS).toBe(10);
    expect(p.gaps).toBe(1);
    expect(p.gapSeconds).toBe(5.5);
    expect(p.longestGap).toEqual({ at: 10, length: 5.5 });
  });

  it('default threshold: a hole of exactly 60 s in a 1 s log is bridged', () => {
    // 40 samples at 1 s (median 1 s -> threshold max(60, 5 × 1) = 60 s), then exactly 60 s later one
    // more: 39 s + 60 s = 99 s at 100 W = 9,900 J, no gap.
    const s: Array<[number, number]> = [];
    for (let t = 0; t < 40; t++) s.push([t, 100]);
    s.push([39 + 60, 100]);
    const p = power(s);
    expect(p.threshold).toBe(60);
    expect(p.medianInterval).toBe(1);
    expect(p.gaps).toBe(0);
    expect(p.energyJ).toBeCloseTo(99 * 100, 9);
  });

  it('scales the threshold with a slow sampling interval (30 s -> 150 s)', () => {
    const s: Array<[number, number]> = [];
    for (let i = 0; i < 40; i++) s.push([i * 30, 10]);
    s.push([39 * 30 + 140, 10]); // 140 s < 150 s: bridged
    const p = power(s);
    expect(p.threshold).toBe(150);
    expect(p.gaps).toBe(0);
    expect(p.energyJ).toBeCloseTo(10 * (39 * 30 + 140), 9);
  });

  it('integrates out-of-order runs apart and reports overlap', () => {
    // run 1: 10..11 s; run 2 (second log, from 0 s): 0..1 s, a 9.5 s hole (> 5 s threshold), 10.5..11.5 s
    const p = power(
      [
        [10, 100],
        [11, 100],
        [0, 100],
        [1, 100],
        [10.5, 100],
        [11.5, 100],
      ],
      5,
    );
    expect(p.energyJ).toBeCloseTo(100 + 100 + 100, 9);
    expect(p.outOfOrder).toBe(1);
    expect(p.gaps).toBe(1);
    expect(p.runs).toEqual([
      { start: 10, end: 11 },
      { start: 0, end: 11.5 },
    ]);
    expect(p.overlappingRuns()).toBe(1);
  });
});

describe('PowerSeries: runs that touch do not overlap', () => {
  it('a log of 10..20 s and, concatenated after it, a log of 0..10 s: two runs, no overlap', () => {
    // Run 1: 10 → 20 s at 100 W = 1,000 J. The step back to 0 s starts run 2: 0 → 10 s at 50 W = 500 J.
    // Run 2 ends at 10 s, where run 1 starts: adjacent, not overlapping (nothing is counted twice).
    const p = power(
      [
        [10, 100],
        [20, 100],
        [0, 50],
        [10, 50],
      ],
      100,
    );
    expect(p.energyJ).toBeCloseTo(1000 + 500, 9);
    expect(p.outOfOrder).toBe(1);
    expect(p.runs).toEqual([
      { start: 10, end: 20 },
      { start: 0, end: 10 },
    ]);
    expect(p.overlappingRuns()).toBe(0);
  });

  it('the same logs overlapping by 1 s are one overlapping pair', () => {
    // Run 2 is 0 → 11 s: it ends 1 s after run 1 starts.
    const p = power(
      [
        [10, 100],
        [20, 100],
        [0, 50],
        [11, 50],
      ],
      100,
    );
    expect(p.energyJ).toBeCloseTo(1000 + 50 * 11, 9);
    expect(p.overlappingRuns()).toBe(1);
  });
});

describe('CounterSeries', () => {
  it('differences a counter and counts from zero after a reset', () => {
    const c = new CounterSeries();
    for (const [t, j] of [
      [0, 1000],
      [1, 1500],
      [2, 200],
      [3, 700],
    ] as const)
      c.add(t, j);
    expect(c.energyJ).toBe(500 + 200 + 500);
    expect(c.resets).toBe(1);
  });
});
