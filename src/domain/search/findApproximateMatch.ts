/** Where a pattern approximately occurs in a text. Offsets are in UTF-16 units of `text`. */
export type ApproximateMatch = { distance: number; start: number; end: number };

/** Options of an approximate match. */
export type ApproximateMatchOptions = {
  /**
   * Only accept matches that start at the beginning of `text` (an approximate prefix). Without
   * it a short pattern finds itself, give or take an edit, inside too many unrelated words.
   */
  anchorStart?: boolean;
};

// Scratch rows reused across calls: fuzzy search runs this against thousands of vocabulary words
// per keystroke, and allocating two arrays per word dominated the cost.
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);
let previousStart = new Int32Array(64);
let currentStart = new Int32Array(64);

function ensureCapacity(size: number): void {
  if (previousRow.length >= size) return;
  const capacity = Math.max(size, previousRow.length * 2);
  previousRow = new Int32Array(capacity);
  currentRow = new Int32Array(capacity);
  previousStart = new Int32Array(capacity);
  currentStart = new Int32Array(capacity);
}

/**
 * Finds the substring of `text` with the smallest Levenshtein distance to `pattern` (Sellers'
 * semi-global alignment: the match may start and end anywhere in `text`), if that distance is at
 * most `maxDistance`. Ties prefer the leftmost, then the shortest, occurrence.
 *
 * Run on jamo strings this gives a jamo-level edit distance, so a wrong or missing final
 * consonant (교통유바금 for 교통유발금) costs one edit rather than a whole syllable.
 */
export function findApproximateMatch(
  pattern: string,
  text: string,
  maxDistance: number,
  options: ApproximateMatchOptions = {},
): ApproximateMatch | undefined {
  const anchored = options.anchorStart === true;
  const m = pattern.length;
  if (m === 0) return { distance: 0, start: 0, end: 0 };
  ensureCapacity(m + 1);
  // Column-wise DP over text positions; row i is the cost of matching pattern[0..i).
  for (let i = 0; i <= m; i++) {
    previousRow[i] = i;
    previousStart[i] = 0;
  }
  let best: ApproximateMatch | undefined;
  if (m <= maxDistance) best = { distance: m, start: 0, end: 0 };
  for (let j = 1; j <= text.length; j++) {
    const tc = text.charCodeAt(j - 1);
    // Unanchored, the match may begin at any column for free; anchored, skipping text costs.
    currentRow[0] = anchored ? j : 0;
    currentStart[0] = anchored ? 0 : j;
    for (let i = 1; i <= m; i++) {
      const substitution = (previousRow[i - 1] ?? 0) + (pattern.charCodeAt(i - 1) === tc ? 0 : 1);
      const deletion = (previousRow[i] ?? 0) + 1;
      const insertion = (currentRow[i - 1] ?? 0) + 1;
      let cost = substitution;
      let start = previousStart[i - 1] ?? 0;
      if (insertion < cost) {
        cost = insertion;
        start = currentStart[i - 1] ?? 0;
      }
      if (deletion < cost) {
        cost = deletion;
        start = previousStart[i] ?? 0;
      }
      currentRow[i] = cost;
      currentStart[i] = start;
    }
    const distance = currentRow[m] ?? m;
    if (distance <= maxDistance && (best === undefined || distance < best.distance)) {
      best = { distance, start: currentStart[m] ?? 0, end: j };
    }
    // Anchored, once every row exceeds the budget no later column can come back under it.
    if (anchored) {
      let minimum = currentRow[0] ?? 0;
      for (let i = 1; i <= m; i++) minimum = Math.min(minimum, currentRow[i] ?? 0);
      if (minimum > maxDistance) break;
    }
    const swapRow = previousRow;
    previousRow = currentRow;
    currentRow = swapRow;
    const swapStart = previousStart;
    previousStart = currentStart;
    currentStart = swapStart;
  }
  return best;
}
