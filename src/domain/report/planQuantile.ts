/** A histogram bin: `count` values v with floor ≤ v < floor + width. */
export type HistogramBin = { floor: number; width: number; count: number };

/** The value of rank `offset` (0-based, ascending) among the values of one bin. */
export type RankInBin = { floor: number; width: number; offset: number };

/**
 * How to read the `q` quantile of a histogram's values exactly, as `quantile` (percentile_cont)
 * would over the values themselves: the bins and in-bin ranks of the two closest ranks, and the
 * fraction between them. Only those two values have to be read. Null for an empty histogram.
 */
export type QuantilePlan = { lower: RankInBin; upper: RankInBin; fraction: number };

/** Bins in ascending order of `floor`, none overlapping. */
export function planQuantile(bins: readonly HistogramBin[], q: number): QuantilePlan | null {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`q must be within 0–1, got ${q}`);
  const total = bins.reduce((sum, bin) => sum + bin.count, 0);
  if (total <= 0) return null;
  const position = (total - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return { lower: locate(bins, lower), upper: locate(bins, upper), fraction: position - lower };
}

function locate(bins: readonly HistogramBin[], rank: number): RankInBin {
  let before = 0;
  for (const bin of bins) {
    if (rank < before + bin.count) return { floor: bin.floor, width: bin.width, offset: rank - before };
    before += bin.count;
  }
  throw new RangeError(`rank ${rank} is beyond the histogram's ${before} values`);
}

/** The quantile from the two values a plan read: the same interpolation as `quantile`. */
export function interpolateQuantile(low: number, high: number, fraction: number): number {
  return low + (high - low) * fraction;
}
