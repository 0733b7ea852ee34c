// Killer tests for mutants of src/lca/interpret/prng.ts (issue 14).
import { describe, expect, it } from 'vitest';
import { percentile, triangular } from '../../../src/lca/interpret/prng.js';

describe('prng edge cases', () => {
  it('triangular below the mode with mode − low ≠ 1 (low 0, mode 2, high 4, u 0.1)', () => {
    // F(mode) = 2/4 = 0.5 > 0.1, so x = 0 + √(0.1 × 4 × 2) = √0.8
    expect(triangular(0.1, 0, 2, 4)).toBeCloseTo(Math.sqrt(0.8), 12);
  });

  it('the percentile of an empty array is NaN', () => {
    expect(percentile([], 0.5)).toBeNaN();
  });
});
