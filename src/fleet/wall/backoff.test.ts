import { describe, expect, it } from 'vitest';
import { backoffMs, createFailureStreaks, MAX_BACKOFF_MS } from './backoff.ts';

describe('backoffMs', () => {
  it('is the refresh interval for a healthy cloud and doubles with each failure in a row', () => {
    expect(backoffMs(60_000, 0)).toBe(60_000);
    expect(backoffMs(60_000, 1)).toBe(120_000);
    expect(backoffMs(60_000, 2)).toBe(240_000);
  });

  it('is capped, so a cloud that comes back is noticed within minutes', () => {
    expect(backoffMs(60_000, 10)).toBe(MAX_BACKOFF_MS);
    expect(backoffMs(2_000, 1_000)).toBe(MAX_BACKOFF_MS);
    // A wall refreshing less often than the cap never refreshes more often because of it.
    expect(backoffMs(30 * 60_000, 3)).toBe(30 * 60_000);
  });
});

describe('createFailureStreaks', () => {
  it('counts failures in a row, keeps the latest error, and forgets both at the first success', () => {
    const streaks = createFailureStreaks();
    const refused = new Error('refused');
    streaks.failed('ams', new Error('timeout'));
    streaks.failed('ams', refused);
    streaks.failed('fra', new Error('x'));
    expect(streaks.failures('ams')).toBe(2);
    expect(streaks.lastError('ams')).toBe(refused);
    streaks.succeeded('ams');
    expect(streaks.failures('ams')).toBe(0);
    expect(streaks.lastError('ams')).toBeUndefined();
    expect(streaks.failures('fra')).toBe(1);
  });

  it('forgets clouds that left the fleet', () => {
    const streaks = createFailureStreaks();
    streaks.failed('ams', new Error('x'));
    streaks.failed('fra', new Error('x'));
    streaks.retain(['fra']);
    expect(streaks.failures('ams')).toBe(0);
    expect(streaks.failures('fra')).toBe(1);
  });
});
