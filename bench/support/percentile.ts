/**
 * The `p`-th percentile (0 to 100) of `values` by the nearest-rank method: the smallest value that at least p% of
 * the values are less than or equal to. NaN for no values. Sorts a copy.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((Math.min(Math.max(p, 0), 100) / 100) * sorted.length);
  return sorted[Math.max(rank, 1) - 1];
}

/** Mean of `values`; NaN for none. */
export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : Number.NaN;
}
