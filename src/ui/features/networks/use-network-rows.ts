import { useDeferredValue, useMemo, useRef } from 'react';
import { filterNetworkRows } from '../../../fleet/inventory/network-filter.ts';
import { networkRowsOf, type CloudNetworks } from '../../../fleet/inventory/network-load.ts';
import { networkOverlaps, type RowOverlap } from '../../../fleet/inventory/network-overlaps.ts';
import { NETWORK_KINDS, withSubnetCidrs, type NetworkKind, type NetworkRow } from '../../../fleet/inventory/network-row.ts';
import { groupNetworkRows, sortNetworkRows, type NetworkListItem } from '../../../fleet/inventory/network-table.ts';
import type { NetworksViewState } from '../../../fleet/inventory/network-url-state.ts';

export interface NetworkFilterOptions {
  status: string[];
  cloud: string[];
  region: string[];
  site: string[];
  project: string[];
}

export interface NetworkRows {
  /** Rows of the view's kind. */
  all: readonly NetworkRow[];
  /** Rows per kind, for the tab counts. */
  counts: Readonly<Record<NetworkKind, number>>;
  overlaps: ReadonlyMap<string, RowOverlap>;
  /** Rows of the view's kind whose CIDRs overlap another cloud's. */
  overlapping: number;
  /** Network rows by id within their cloud and region, to name a subnet's or port's network. */
  byKey: ReadonlyMap<string, NetworkRow>;
  items: NetworkListItem[];
  matching: number;
  options: NetworkFilterOptions;
  /** True while the table still shows the previous filters' result. */
  updating: boolean;
}

/** Rows → CIDRs joined → overlaps → filtered → sorted → grouped, each step recomputed only when its input changes. */
export function useNetworkRows(datas: readonly (CloudNetworks | undefined)[], view: NetworksViewState): NetworkRows {
  const stable = useStableList(datas);
  const everything = useMemo(() => withSubnetCidrs(stable.flatMap((data) => (data ? networkRowsOf(data) : []))), [stable]);
  const overlaps = useMemo(() => networkOverlaps(everything), [everything]);
  const byKey = useMemo(() => new Map(everything.map((row) => [row.key, row])), [everything]);
  const counts = useMemo(() => {
    const result = Object.fromEntries(NETWORK_KINDS.map((kind) => [kind, 0])) as Record<NetworkKind, number>;
    for (const row of everything) result[row.kind] += 1;
    return result;
  }, [everything]);
  const { kind, sort, groupBy } = view;
  const all = useMemo(() => everything.filter((row) => row.kind === kind), [everything, kind]);
  const overlapping = useMemo(() => all.filter((row) => overlaps.has(row.key)).length, [all, overlaps]);
  const options = useMemo(() => filterOptions(all), [all]);
  const deferredAll = useDeferredValue(all);
  const filters = useDeferredValue(view.filters);
  const filtered = useMemo(() => filterNetworkRows(deferredAll, filters, overlaps), [deferredAll, filters, overlaps]);
  const sorted = useMemo(() => sortNetworkRows(filtered, sort, overlaps), [filtered, sort, overlaps]);
  const items = useMemo(() => groupNetworkRows(sorted, groupBy), [sorted, groupBy]);
  return { all, counts, overlaps, overlapping, byKey, items, matching: filtered.length, options, updating: filters !== view.filters || deferredAll !== all };
}

/** The same array while its elements are the same, so memos downstream hold. */
function useStableList<T>(list: readonly T[]): readonly T[] {
  const ref = useRef(list);
  const previous = ref.current;
  if (previous.length !== list.length || previous.some((item, index) => item !== list[index])) ref.current = list;
  return ref.current;
}

function filterOptions(rows: readonly NetworkRow[]): NetworkFilterOptions {
  const sets = { status: new Set<string>(), cloud: new Set<string>(), region: new Set<string>(), site: new Set<string>(), project: new Set<string>() };
  for (const row of rows) {
    if (row.status !== '') sets.status.add(row.status);
    sets.cloud.add(row.cloud);
    sets.region.add(row.region);
    for (const site of row.site.split(', ')) if (site !== '') sets.site.add(site);
    if (row.projectId !== '') sets.project.add(row.projectId);
  }
  const sorted = (set: Set<string>) => [...set].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return { status: sorted(sets.status), cloud: sorted(sets.cloud), region: sorted(sets.region), site: sorted(sets.site), project: sorted(sets.project) };
}
