/** Median with its spread, the shape of every figure in the results. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples; undefined for none. */
export function percentile(samples: readonly number[], p: number): number | undefined {
  if (samples.length === 0) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export function spread(samples: readonly number[]): Spread | undefined {
  const median = percentile(samples, 50);
  if (median === undefined) return undefined;
  return { median, min: Math.min(...samples), max: Math.max(...samples) };
}

/** Values of the runs that produced one; the others (null) are left out. */
export function present<T>(values: readonly (T | null | undefined)[]): T[] {
  return values.filter((value): value is T => value !== null && value !== undefined);
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
