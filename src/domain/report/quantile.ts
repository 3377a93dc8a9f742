/**
 * The `q` quantile of ascending `sorted` values by linear interpolation between closest ranks —
 * PostgreSQL's `percentile_cont`, so figures computed in SQL and here agree. Null for no values.
 */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`q must be within 0–1, got ${q}`);
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] ?? 0;
  const high = sorted[upper] ?? low;
  return low + (high - low) * (position - lower);
}
