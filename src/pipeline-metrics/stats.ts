// Order statistics the metrics are built on: robust to the outliers CI durations are full of
// (one runner stuck on a cold cache is not a trend), and independent of sample order.

/** The median of the values; undefined for none. An even count averages the two middle values. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  // A typed array sorts numerically without a comparator call per comparison: several times faster.
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median absolute deviation from the median (unscaled); undefined for none, 0 for one value. */
export function mad(values: readonly number[]): number | undefined {
  const m = median(values);
  if (m === undefined) return undefined;
  return median(values.map((v) => Math.abs(v - m)));
}

/** The nearest-rank percentile (p in (0, 100]): always one of the values, never interpolated. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

/**
 * The spread a deviation is measured in: the MAD scaled to a normal distribution's standard
 * deviation (1.4826), but never below a floor of 5% of the median or one second. Without the
 * floor a perfectly stable stage (MAD 0, e.g. every run 60 s to the second) would alert on a run
 * one second slower.
 */
export function spread(medianMs: number, madMs: number): number {
  return Math.max(1.4826 * madMs, 0.05 * medianMs, 1000);
}
