import { describe, expect, it } from 'vitest';
import { rotationAt } from './rotation.ts';

describe('rotationAt', () => {
  it('moves to the next view every period and wraps around', () => {
    expect(rotationAt(3, 30_000, 0)).toEqual({ index: 0, nextInMs: 30_000 });
    expect(rotationAt(3, 30_000, 29_999)).toEqual({ index: 0, nextInMs: 1 });
    expect(rotationAt(3, 30_000, 30_000)).toEqual({ index: 1, nextInMs: 30_000 });
    expect(rotationAt(3, 30_000, 95_000)).toEqual({ index: 0, nextInMs: 25_000 });
  });

  it('does not skip a view when the timer fires late: the clock decides', () => {
    expect(rotationAt(2, 1_000, 1_400).index).toBe(1);
    expect(rotationAt(2, 1_000, 2_100).index).toBe(0);
  });

  it('stays on the only view, and never schedules anything for it', () => {
    expect(rotationAt(1, 30_000, 90_000)).toEqual({ index: 0 });
    expect(rotationAt(0, 30_000, 90_000)).toEqual({ index: 0 });
  });
});
