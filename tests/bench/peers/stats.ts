/** The statistics of the side-by-side table: order statistics over repeats and queries, and ratios to Simlit. */
import { percentile } from '../stats';

export interface Summary {
  min: number;
  median: number;
  runs: number;
}

/** Min and median of the repeats of one figure (undefined values, from runs that lacked it, left out). */
export function summarize(values: Array<number | undefined>): Summary | undefined {
  const present = values.filter((value): value is number => value !== undefined && Number.isFinite(value));
  if (present.length === 0) return undefined;
  return { min: Math.min(...present), median: percentile(present, 50), runs: present.length };
}

/** p50 and p95 of per-query times: the value below which that share of the queries lie. */
export function latency(values: number[]): { p50: number; p95: number } {
  return { p50: percentile(values, 50), p95: percentile(values, 95) };
}

/** How many times Simlit's figure the peer's is (2 = twice as long, or twice as large); undefined without both. */
export function ratio(peer: number | undefined, simlit: number | undefined): number | undefined {
  if (peer === undefined || simlit === undefined || simlit === 0) return undefined;
  return peer / simlit;
}
