// A tiny seeded PRNG so the Monte Carlo output is the same on every machine and every run.
// mulberry32 (Tommy Ettinger, public domain): 32-bit state, period 2^32, good enough for
// percentile estimates of a smooth model; not for cryptography.

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Inverse-CDF sample of a triangular distribution (low, mode, high) from u in [0, 1). */
export function triangular(u: number, low: number, mode: number, high: number): number {
  if (high <= low) return mode;
  const f = (mode - low) / (high - low);
  if (u < f) return low + Math.sqrt(u * (high - low) * (mode - low));
  return high - Math.sqrt((1 - u) * (high - low) * (high - mode));
}

/** Nearest-rank percentile (p in 0..1) of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1]!;
}
