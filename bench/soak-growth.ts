/**
 * The wall soak's verdict from its heap series: growth from the end of the
 * warm-up to the end of the soak. Each end is the mean of `window` samples,
 * so one sample taken while a refresh was landing, or on a heavier view,
 * does not decide it.
 */
export interface SoakGrowth {
  /** Mean heap of the first `window` samples after the warm-up. */
  baselineBytes: number;
  /** Mean heap of the last `window` samples. */
  endBytes: number;
  growthPct: number;
  window: number;
}

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** Undefined when fewer than two samples follow the warm-up: nothing to compare. */
export function soakGrowth(heapBytes: readonly number[], warmupSamples: number, window: number): SoakGrowth | undefined {
  const measured = heapBytes.slice(warmupSamples);
  if (measured.length < 2) return undefined;
  const size = Math.max(1, Math.min(window, Math.floor(measured.length / 2)));
  const baselineBytes = mean(measured.slice(0, size));
  const endBytes = mean(measured.slice(-size));
  return { baselineBytes, endBytes, growthPct: ((endBytes - baselineBytes) / baselineBytes) * 100, window: size };
}
