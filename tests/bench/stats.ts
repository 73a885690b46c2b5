/** Order statistics for the benchmarks: medians and percentiles, never means (the machines are shared and noisy). */

/** The value below which `p` percent of the values lie. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** The median with every run after it, as the benches' tables give a figure: "250 (300, 200, 250)". */
export function medianOfRuns(values: number[]): string {
  return `${median(values)} (${values.join(', ')})`;
}
