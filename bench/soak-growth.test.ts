import { describe, expect, it } from 'vitest';
import { soakGrowth } from './soak-growth.ts';

describe('soakGrowth', () => {
  it('leaves the warm-up out and compares the mean of the first samples after it with the mean of the last', () => {
    const series = [10, 50, 90, 100, 100, 100, 104, 106, 110, 110, 110];
    const growth = soakGrowth(series, 3, 3);
    expect(growth).toMatchObject({ baselineBytes: 100, endBytes: 110, window: 3 });
    expect(growth?.growthPct).toBeCloseTo(10);
  });

  it('reports a shrinking heap as negative growth', () => {
    expect(soakGrowth([5, 200, 200, 200, 100, 100, 100], 1, 3)?.growthPct).toBeCloseTo(-50);
  });

  it('narrows the window when the soak is short, so the two ends never overlap', () => {
    expect(soakGrowth([1, 100, 120], 1, 3)).toMatchObject({ baselineBytes: 100, endBytes: 120, window: 1 });
  });

  it('has no verdict without two samples after the warm-up', () => {
    expect(soakGrowth([100, 100, 100], 2, 3)).toBeUndefined();
    expect(soakGrowth([], 0, 3)).toBeUndefined();
  });
});
