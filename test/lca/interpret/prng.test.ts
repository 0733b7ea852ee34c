import { describe, expect, it } from 'vitest';
import { mulberry32, percentile, triangular } from '../../../src/lca/interpret/prng.js';

describe('mulberry32', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
  });

  it('stays in [0, 1) with a mean near 1/2 over 10,000 draws', () => {
    const next = mulberry32(1);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 10_000; i++) {
      const u = next();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
    }
    expect(outside).toBe(0);
    expect(sum / 10_000).toBeCloseTo(0.5, 1);
  });
});

describe('triangular inverse CDF (low 1, mode 2, high 4)', () => {
  // F(mode) = (2 − 1) / (4 − 1) = 1/3; below it x = 1 + sqrt(u × 3 × 1), above x = 4 − sqrt((1 − u) × 3 × 2)
  it.each([
    [0, 1],
    [1 / 3, 2],
    [0.12, 1 + Math.sqrt(0.36)],
    [0.5, 4 - Math.sqrt(3)],
    [0.999999, 4 - Math.sqrt(0.000006)],
  ])('u = %f -> %f', (u, x) => {
    expect(triangular(u, 1, 2, 4)).toBeCloseTo(x, 12);
  });

  it('returns the mode for a degenerate range', () => {
    expect(triangular(0.3, 5, 5, 5)).toBe(5);
  });
});

describe('percentile (nearest rank)', () => {
  it.each([
    [0.05, 1],
    [0.5, 10],
    [0.95, 19],
    [1, 20],
  ])('p%f of 1..20 is %d', (p, v) => {
    expect(
      percentile(
        Array.from({ length: 20 }, (_, i) => i + 1),
        p,
      ),
    ).toBe(v);
  });
});
