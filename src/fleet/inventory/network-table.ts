import { networkSortValue, type NetworkColumnId } from './network-columns.ts';
import type { NetworkRow } from './network-row.ts';

export interface NetworkSort {
  column: NetworkColumnId;
  descending: boolean;
}

export const NETWORK_GROUP_BY = ['cloud', 'region', 'site', 'status'] as const;
export type NetworkGroupBy = (typeof NETWORK_GROUP_BY)[number];

export interface NetworkGroupItem {
  kind: 'group';
  key: string;
  field: NetworkGroupBy;
  /** The grouped value; '' for rows without one. */
  value: string;
  /** For region: its cloud (a region name alone is ambiguous across clouds). */
  cloud?: string;
  count: number;
}

export type NetworkListItem = NetworkGroupItem | { kind: 'row'; row: NetworkRow };

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** A stable sort on one column; empty values last in both directions, ties in fleet order. */
export function sortNetworkRows(rows: readonly NetworkRow[], sort: NetworkSort, overlaps: ReadonlyMap<string, { count: number }>): NetworkRow[] {
  const keyed = rows.map((row, index) => ({ row, index, value: networkSortValue(row, sort.column, overlaps) }));
  const direction = sort.descending ? -1 : 1;
  keyed.sort((a, b) => {
    if (a.value === '' || b.value === '') return a.value === b.value ? a.index - b.index : a.value === '' ? 1 : -1;
    return direction * (a.value === b.value ? 0 : collator.compare(a.value, b.value)) || a.index - b.index;
  });
  return keyed.map((entry) => entry.row);
}

/** The flat list the virtualized table renders: a header before each group, in order of first appearance. */
export function groupNetworkRows(rows: readonly NetworkRow[], by: NetworkGroupBy | undefined): NetworkListItem[] {
  if (by === undefined) return rows.map((row) => ({ kind: 'row', row }));
  const groups = new Map<string, { item: NetworkGroupItem; rows: NetworkRow[] }>();
  for (const row of rows) {
    const value = row[by];
    const key = by === 'region' ? `${row.cloud}/${row.region}` : value;
    let group = groups.get(key);
    if (!group) {
      group = { item: { kind: 'group', key, field: by, value, count: 0, ...(by === 'region' ? { cloud: row.cloud } : {}) }, rows: [] };
      groups.set(key, group);
    }
    group.item.count += 1;
    group.rows.push(row);
  }
  return [...groups.values()].flatMap(({ item, rows: members }) => [item, ...members.map((row) => ({ kind: 'row' as const, row }))]);
}
