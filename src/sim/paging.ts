/**
 * Marker paging as OpenStack does it: the page starts after the item whose id
 * is the marker. Marker lookups use an id index cached per (stored) array, so
 * walking a 100k-item collection stays linear.
 */
const indexes = new WeakMap<readonly unknown[], Map<string, number>>();

export interface Page<T> {
  items: T[];
  /** False when the marker names no item (each service reports that its own way). */
  markerFound: boolean;
  /** True when items remain after this page. */
  more: boolean;
}

export function pageAfter<T>(all: readonly T[], idOf: (item: T) => string, marker: string | null, limit: number): Page<T> {
  let start = 0;
  if (marker !== null) {
    let index = indexes.get(all);
    if (!index) {
      index = new Map();
      for (let i = 0; i < all.length; i++) index.set(idOf(all[i] as T), i);
      indexes.set(all, index);
    }
    const at = index.get(marker);
    if (at === undefined) return { items: [], markerFound: false, more: false };
    start = at + 1;
  }
  const items = all.slice(start, start + limit);
  return { items, markerFound: true, more: start + limit < all.length };
}

/** Parses a `limit` query parameter: undefined when absent, null when not a non-negative integer. */
export function parseLimit(value: string | null): number | undefined | null {
  if (value === null) return undefined;
  if (!/^\d{1,9}$/.test(value)) return null;
  return Number(value);
}

/** The request URL with some query parameters set; services echo the other parameters in their links. */
export function linkWith(url: URL, params: Record<string, string>): string {
  const next = new URL(url.href);
  for (const [key, value] of Object.entries(params)) next.searchParams.set(key, value);
  return next.href;
}
