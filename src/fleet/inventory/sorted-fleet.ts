import type { CloudRows } from './cloud-rows.ts';
import { serverRowPredicate, type ServerFilters } from './filter-rows.ts';
import { sortValue } from './server-columns.ts';
import type { ServerRow } from './server-row.ts';
import { compareSortValues, type ServerSort } from './sort-rows.ts';

/**
 * Every row of the fleet in one sort order, with each row's search text and
 * sort value beside it. Kept up to date cloud by cloud: when one cloud's rows
 * change, only that cloud's rows are sorted and merged in (m log n
 * comparisons), since comparing text with a collator is what makes sorting
 * 100,000 rows slow. Filtering then walks this order without sorting again.
 */
export interface SortedFleet {
  readonly sort: ServerSort;
  /** The clouds this order was built from, by identity and position. */
  readonly clouds: readonly CloudRows[];
  readonly entries: readonly FleetEntry[];
}

export interface FleetEntry {
  readonly row: ServerRow;
  readonly searchText: string;
  /** The row's value in the sorted column. */
  readonly value: string;
  /** Fleet order (cloud position, then index in the cloud): breaks ties, so the same data always gives the same table. */
  readonly ordinal: number;
}

/** Room for the rows of one cloud in an ordinal; no cloud comes near 2^24 servers. */
const PER_CLOUD = 2 ** 24;

/**
 * The fleet sorted by `sort`, reusing `previous` when only some clouds
 * changed. The result is the same as sorting every row from scratch.
 */
export function sortFleet(previous: SortedFleet | undefined, clouds: readonly CloudRows[], sort: ServerSort): SortedFleet {
  const reusable =
    previous !== undefined &&
    previous.sort.column === sort.column &&
    previous.sort.descending === sort.descending &&
    previous.clouds.length === clouds.length;
  if (!reusable) return { sort, clouds, entries: sortedEntries(clouds, clouds.map((_, position) => position), sort) };

  const changed = new Uint8Array(clouds.length);
  const positions: number[] = [];
  clouds.forEach((cloud, position) => {
    if (cloud === previous.clouds[position]) return;
    changed[position] = 1;
    positions.push(position);
  });
  if (positions.length === 0) return previous;
  return { sort, clouds, entries: mergeEntries(previous.entries, changed, sortedEntries(clouds, positions, sort), sort) };
}

/**
 * The rows passing `filters`, in the fleet's sort order; nothing is sorted
 * again. The text test, the one every keystroke changes, runs first on the
 * kept search text; without filters the fleet's rows come back as one array
 * per fleet, so clearing the box costs nothing.
 */
export function filterSortedFleet(fleet: SortedFleet, filters: ServerFilters): readonly ServerRow[] {
  const needle = filters.text.trim().toLowerCase();
  const others = serverRowPredicate({ ...filters, text: '' });
  // As serverRowPredicate reads them: exact values as given, the IP box trimmed.
  const hasOthers = Object.entries(filters).some(([field, value]) => field !== 'text' && (field === 'ip' ? value.trim() : value) !== '');
  if (needle === '' && !hasOthers) return allRows(fleet);
  const result: ServerRow[] = [];
  for (const entry of fleet.entries) {
    if (needle !== '' && !entry.searchText.includes(needle)) continue;
    if (hasOthers && !others(entry.row)) continue;
    result.push(entry.row);
  }
  return result;
}

const rowsOfFleet = new WeakMap<SortedFleet, readonly ServerRow[]>();

function allRows(fleet: SortedFleet): readonly ServerRow[] {
  let rows = rowsOfFleet.get(fleet);
  if (!rows) {
    rows = fleet.entries.map((entry) => entry.row);
    rowsOfFleet.set(fleet, rows);
  }
  return rows;
}

function compareEntries(a: FleetEntry, b: FleetEntry, descending: boolean): number {
  return compareSortValues(a.value, b.value, descending) || a.ordinal - b.ordinal;
}

function sortedEntries(clouds: readonly CloudRows[], positions: readonly number[], sort: ServerSort): FleetEntry[] {
  const entries: FleetEntry[] = [];
  for (const position of positions) {
    const cloud = clouds[position] as CloudRows;
    cloud.rows.forEach((row, index) => {
      entries.push({ row, searchText: cloud.searchTexts[index] as string, value: sortValue(row, sort.column), ordinal: position * PER_CLOUD + index });
    });
  }
  return entries.sort((a, b) => compareEntries(a, b, sort.descending));
}

/**
 * Drops the entries of changed clouds from `previous` and merges the sorted
 * `added` in, in one pass: each added entry finds its place by binary search
 * from the previous one's (dropped entries still sort consistently, so they
 * need not be removed first), so the comparisons grow with the added rows,
 * not with the fleet.
 */
function mergeEntries(previous: readonly FleetEntry[], changed: Uint8Array, added: readonly FleetEntry[], sort: ServerSort): FleetEntry[] {
  const merged: FleetEntry[] = [];
  const keep = (start: number, end: number) => {
    for (let index = start; index < end; index += 1) {
      const entry = previous[index] as FleetEntry;
      if (changed[Math.floor(entry.ordinal / PER_CLOUD)] !== 1) merged.push(entry);
    }
  };
  let next = 0;
  for (const entry of added) {
    let low = next;
    let high = previous.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareEntries(previous[middle] as FleetEntry, entry, sort.descending) < 0) low = middle + 1;
      else high = middle;
    }
    keep(next, low);
    next = low;
    merged.push(entry);
  }
  keep(next, previous.length);
  return merged;
}
