// Significant issues (ISO 14044 §4.5.2): which stage dominates the assessed carbon, and which
// term of the per-FU carbon (paper §3.3: marginal + embodied + amortized up-front) dominates.
import type { Interpretation } from './schema.js';
import type { AssessResultLike } from './types.js';

type Significant = Pick<Interpretation, 'dominant_stage' | 'dominant_term' | 'shares' | 'term_shares' | 'flow_shares'>;

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

export function significantIssues(result: AssessResultLike): Significant {
  const total = result.totals.co2e_kg;
  const shares: Record<string, number> = {};
  let dominant: string | null = null;
  let best = 0;
  for (const [name, s] of Object.entries(result.stages)) {
    shares[name] = share(s.co2e_kg, total);
    // Strictly greater: ties go to the first stage in scenario order.
    if (s.co2e_kg > best) {
      best = s.co2e_kg;
      dominant = name;
    }
  }
  const fu = result.per_functional_unit;
  const terms = { marginal: fu.marginal_co2e_g, embodied: fu.embodied_co2e_g, amortized: fu.amortized_co2e_g } as const;
  let term: 'marginal' | 'embodied' | 'amortized' | null = null;
  let bestTerm = 0;
  for (const k of ['marginal', 'embodied', 'amortized'] as const) {
    if (terms[k] > bestTerm) {
      bestTerm = terms[k];
      term = k;
    }
  }
  const termTotal = terms.marginal + terms.embodied + terms.amortized;
  return {
    dominant_stage: dominant,
    dominant_term: term,
    shares,
    term_shares: {
      marginal: share(terms.marginal, termTotal),
      embodied: share(terms.embodied, termTotal),
      amortized: share(terms.amortized, termTotal),
    },
    flow_shares: {
      operational: share(result.totals.operational_co2e_kg, total),
      embodied: share(result.totals.embodied_co2e_kg, total),
    },
  };
}
