// Killer tests for mutants of src/lca/interpret/significant.ts (issue 14): ties.
import { describe, expect, it } from 'vitest';
import { significantIssues } from '../../../src/lca/interpret/significant.js';
import type { AssessResultLike } from '../../../src/lca/interpret/types.js';

const result = (stages: Record<string, number>, terms: [number, number, number]) =>
  ({
    stages: Object.fromEntries(Object.entries(stages).map(([n, c]) => [n, { co2e_kg: c }])),
    totals: { co2e_kg: Object.values(stages).reduce((a, b) => a + b, 0), operational_co2e_kg: 0, embodied_co2e_kg: 0 },
    per_functional_unit: { marginal_co2e_g: terms[0], embodied_co2e_g: terms[1], amortized_co2e_g: terms[2] },
  }) as unknown as AssessResultLike;

describe('significantIssues: ties go to the first', () => {
  it('two stages of 5 kg each: the first stage in scenario order dominates', () => {
    expect(significantIssues(result({ training: 5, inference: 5 }, [1, 1, 1])).dominant_stage).toBe('training');
  });

  it('marginal = embodied = amortized = 2 g: marginal (the first term) dominates', () => {
    expect(significantIssues(result({ a: 1 }, [2, 2, 2])).dominant_term).toBe('marginal');
  });
});
