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

describe('PowerSeries: the warm-up, the time span and the bookkeeping', () => {
  /** Samples at t = 0 and after each interval, 100 W throughout. */
  function spaced(intervals: number[]): Array<[number, number]> {
    const out: Array<[number, number]> = [[0, 100]];
    for (const d of intervals) out.push([out.at(-1)![0] + d, 100]);
    return out;
  }

  it('the median interval is that of the first 32 intervals (33 samples), sorted', () => {
    // Intervals 32, 31, …, 1 s (newest-looking order, so an unsorted list would give another
    // median), then one of 100 s. The first 32 sorted are 1..32: median (lower middle, index 15) = 16 s.
    // (31 or 33 intervals, or all 33, would give 17; the list as written gives 17 at index 15.)
    const intervals = [...Array.from({ length: 32 }, (_, i) => 32 - i), 100];
    const p = power(spaced(intervals));
    expect(p.medianInterval).toBe(16);
    // threshold max(60, 5 × 16) = 80 s: the 100 s interval is a gap, everything before is bridged
    expect(p.threshold).toBe(80);
    expect(p.gaps).toBe(1);
    expect(p.gapSeconds).toBe(100);
    expect(p.coveredS).toBe((32 * 33) / 2);
    expect(p.energyJ).toBeCloseTo(100 * ((32 * 33) / 2), 9);
  });

  it('the first interval counts: intervals 1, 1 and 10 s have median 1 s', () => {
    // t = 0, 1, 2, 12: intervals [1, 1, 10], lower middle (index 1) = 1 s. Starting one sample
    // late (2 − 1, 12 − 2, then 12 against nothing) would give [1, 10, 12] and a median of 10 s.
    expect(power(spaced([1, 1, 10])).medianInterval).toBe(1);
  });

  it('a repeated sample is no interval: left out of the median, counted as a duplicate', () => {
    // t = 0, 0 (the same row twice), then intervals 31, 30, …, 1 s: 31 intervals of 1..31 s, median 16 s
    // (with the zero counted the median would be 15 s).
    const samples: Array<[number, number]> = [[0, 100], ...spaced(Array.from({ length: 31 }, (_, i) => 31 - i))];
    const end = samples.at(-1)![0];
    // then, after the warm-up: the last row twice more (duplicates) and once with another value
    const p = power([...samples, [end, 100], [end, 100], [end, 250]]);
    expect(p.medianInterval).toBe(16);
    expect(p.duplicates).toBe(3);
    expect(p.sameTimestamp).toBe(1);
    expect(p.samples).toBe(36);
  });

  it('first and last are the earliest and latest timestamps, whatever the order', () => {
    const p = power([
      [10, 100],
      [5, 100],
      [20, 100],
      [0, 100],
      [15, 100],
    ]);
    expect(p.first).toBe(0);
    expect(p.last).toBe(20);
  });

  it('an empty series and a single sample have no run to report; finish twice adds nothing', () => {
    const empty = new PowerSeries();
    empty.finish();
    expect(empty.runs).toEqual([]);
    expect(empty.samples).toBe(0);
    expect(empty.energyJ).toBe(0);
    const one = power([[5, 100]]);
    one.finish();
    // one sample: one run of no length, neither ascending nor descending
    expect(one.runs).toEqual([{ start: 5, end: 5 }]);
    expect(one.descendingRuns).toBe(0);
    expect(one.energyJ).toBe(0);
  });

  it('a newest-first log is one descending run', () => {
    const p = power([
      [20, 100],
      [10, 100],
      [0, 100],
    ]);
    expect(p.descendingRuns).toBe(1);
    expect(p.runs).toEqual([{ start: 0, end: 20 }]);
    expect(p.energyJ).toBeCloseTo(2000, 9);
  });

  it('the longest gap is the first of the longest (threshold 60 s)', () => {
    // intervals 70, 10, 90, 10, 90 s: gaps of 70, 90 (at t = 80) and 90 (at t = 180)
    const p = power(spaced([70, 10, 90, 10, 90]), 60);
    expect(p.gaps).toBe(3);
    expect(p.gapSeconds).toBe(250);
    expect(p.longestGap).toEqual({ at: 80, length: 90 });
    // and a shorter gap after a longer one leaves the longer
    expect(power(spaced([90, 10, 70]), 60).longestGap).toEqual({ at: 0, length: 90 });
  });
});

describe('CounterSeries: span and a counter that does not move', () => {
  it('a counter that stays put adds nothing and is no reset', () => {
    const c = new CounterSeries();
    for (const [t, j] of [
      [0, 1000],
      [1, 1000],
      [2, 1400],
    ] as const)
      c.add(t, j);
    expect(c.energyJ).toBe(400);
    expect(c.resets).toBe(0);
  });

  it('first and last skip rows without a timestamp and take the extremes', () => {
    const c = new CounterSeries();
    c.add(10, 0);
    c.add(null, 100);
    c.add(30, 200);
    c.add(20, 300);
    expect(c.first).toBe(10);
    expect(c.last).toBe(30);
    expect(c.samples).toBe(4);
    expect(c.energyJ).toBe(300);
  });
});
