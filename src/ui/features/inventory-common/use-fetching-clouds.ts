import { useMemo } from 'react';

/** The clouds whose query is loading, for the refresh buttons; a new set only when the entries change. */
export function useFetchingClouds(entries: readonly { cloud: string; fetching: boolean }[]): ReadonlySet<string> {
  return useMemo(() => new Set(entries.filter((entry) => entry.fetching).map((entry) => entry.cloud)), [entries]);
}
