/** However long a cloud has been failing, the wall still asks it this often, so it notices the cloud coming back. */
export const MAX_BACKOFF_MS = 10 * 60_000;

/** The refresh interval of a cloud after `failures` failed refreshes in a row: doubling, capped. */
export function backoffMs(refreshMs: number, failures: number): number {
  if (failures <= 0) return refreshMs;
  return Math.min(refreshMs * 2 ** Math.min(failures, 16), Math.max(refreshMs, MAX_BACKOFF_MS));
}

/**
 * Consecutive failures per cloud, and the latest one's error. TanStack's
 * query state forgets both at every fetch (a query that never succeeded even
 * goes back to "pending"), so a failing cloud would flicker to "waiting" at
 * each retry; the streak across refreshes is kept here.
 */
export interface FailureStreaks {
  succeeded(cloud: string): void;
  failed(cloud: string, error: unknown): void;
  failures(cloud: string): number;
  lastError(cloud: string): unknown;
  /** Forgets clouds no longer in the fleet. */
  retain(clouds: Iterable<string>): void;
}

export function createFailureStreaks(): FailureStreaks {
  const streaks = new Map<string, { failures: number; error: unknown }>();
  return {
    succeeded: (cloud) => void streaks.delete(cloud),
    failed(cloud, error) {
      streaks.set(cloud, { failures: (streaks.get(cloud)?.failures ?? 0) + 1, error });
    },
    failures: (cloud) => streaks.get(cloud)?.failures ?? 0,
    lastError: (cloud) => streaks.get(cloud)?.error,
    retain(clouds) {
      const keep = new Set(clouds);
      for (const cloud of streaks.keys()) if (!keep.has(cloud)) streaks.delete(cloud);
    },
  };
}
