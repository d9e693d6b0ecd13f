import { describe, expect, it } from 'vitest';
import { formatAge, formatDuration, formatTimeLeft } from './format-duration.ts';

describe('durations', () => {
  it('picks the unit an operator reads at a glance', () => {
    expect(formatDuration(2_000)).toBe('now');
    expect(formatDuration(40_000)).toBe('40 s');
    expect(formatDuration(5 * 60_000)).toBe('5 min');
    expect(formatDuration(3 * 3_600_000)).toBe('3 h');
    expect(formatDuration(3 * 86_400_000)).toBe('3 d');
  });

  it('phrases ages and time left', () => {
    expect(formatAge(40_000)).toBe('40 s ago');
    expect(formatAge(1_000)).toBe('just now');
    expect(formatTimeLeft(-1)).toBe('expired');
    expect(formatTimeLeft(90 * 60_000)).toBe('in 2 h');
  });
});
