// "Did you mean" for unknown keys and names: the closest candidate by edit distance,
// only when it is close enough to be a plausible typo.

/** Levenshtein distance (insert, delete, substitute = 1), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (s === t) return 0;
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[t.length] ?? 0;
}

/**
 * The candidate closest to `word`, or undefined when none is within
 * max(2, 40% of the word's length) edits. A candidate that contains the word
 * (`intensity` in `intensity_g_per_kwh`) counts as close.
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const lc = c.toLowerCase();
    let score = editDistance(w, lc);
    if (w.length >= 3 && lc.includes(w)) score = Math.min(score, 1.5);
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  const limit = Math.max(2, Math.ceil(w.length * 0.4));
  return bestScore <= limit ? best : undefined;
}
