import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { cloudRows, findServerRow, mergeFilterOptions, type CloudRows, type FilterOptions } from '../../../fleet/inventory/cloud-rows.ts';
import { groupServerRows, type ServerListItem } from '../../../fleet/inventory/group-rows.ts';
import type { ServersViewState } from '../../../fleet/inventory/inventory-url-state.ts';
import type { CloudServers } from '../../../fleet/inventory/load-servers.ts';
import type { ServerRow } from '../../../fleet/inventory/server-row.ts';
import { filterSortedFleet, sortFleet, type SortedFleet } from '../../../fleet/inventory/sorted-fleet.ts';

export type { FilterOptions } from '../../../fleet/inventory/cloud-rows.ts';

export interface ServerRows {
  /** Rows loaded in all. */
  total: number;
  find: (key: string) => ServerRow | undefined;
  /** What the table shows: rows, with group headers when grouped. */
  items: ServerListItem[];
  /** Rows that pass the filters. */
  matching: number;
  options: FilterOptions;
  /** True while the table still shows the previous filters' result. */
  updating: boolean;
}

/**
 * Clouds → rows indexed per cloud → one sorted fleet → filtered → grouped.
 * A cloud answering re-indexes that cloud and merges its rows into the sorted
 * fleet; a keystroke filters the sorted fleet without sorting again; a
 * group-by change regroups the filtered rows. Filters are deferred so typing
 * stays smooth at 200,000 rows.
 */
export function useServerRows(datas: readonly (CloudServers | undefined)[], view: ServersViewState): ServerRows {
  const stable = useStableList(datas);
  // Any earlier result is a valid starting point (cloudRows and sortFleet check what changed), so a render React discards does no harm.
  const [last] = useState<{ clouds?: readonly CloudRows[]; fleet?: SortedFleet }>({});
  const clouds = useMemo(() => (last.clouds = stable.map((data, position) => cloudRows(data, last.clouds?.[position]))), [last, stable]);
  const options = useMemo(() => mergeFilterOptions(clouds), [clouds]);
  const { sort, groupBy } = view;
  const sorted = useMemo(() => (last.fleet = sortFleet(last.fleet, clouds, sort)), [last, clouds, sort]);
  const deferredSorted = useDeferredValue(sorted);
  const filters = useDeferredValue(view.filters);
  const filtered = useMemo(() => filterSortedFleet(deferredSorted, filters), [deferredSorted, filters]);
  const items = useMemo(() => groupServerRows(filtered, groupBy), [filtered, groupBy]);
  const find = useCallback((key: string) => findServerRow(clouds, key), [clouds]);
  return { total: sorted.entries.length, find, items, matching: filtered.length, options, updating: filters !== view.filters || deferredSorted !== sorted };
}

/** The same array while its elements are the same, so memos downstream hold. */
function useStableList<T>(list: readonly T[]): readonly T[] {
  const ref = useRef(list);
  const previous = ref.current;
  if (previous.length !== list.length || previous.some((item, index) => item !== list[index])) ref.current = list;
  return ref.current;
}
