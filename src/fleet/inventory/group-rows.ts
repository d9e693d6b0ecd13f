import type { ServerRow } from './server-row.ts';

export const SERVER_GROUP_BY = ['cloud', 'region', 'site', 'status'] as const;
export type ServerGroupBy = (typeof SERVER_GROUP_BY)[number];

export interface GroupItem {
  kind: 'group';
  /** Unique among the items of one grouping. */
  key: string;
  field: ServerGroupBy;
  /** The grouped value; '' for rows without one. */
  value: string;
  /** For region: the cloud it belongs to (a region name alone is ambiguous across clouds). */
  cloud?: string;
  count: number;
}

export interface RowItem {
  kind: 'row';
  row: ServerRow;
}

export type ServerListItem = GroupItem | RowItem;

/**
 * The flat list a virtualized table renders: a header item before each group,
 * groups in the order their first row appears (so the sort decides it too),
 * rows keeping their sorted order inside each group.
 */
export function groupServerRows(rows: readonly ServerRow[], by: ServerGroupBy | undefined): ServerListItem[] {
  if (by === undefined) return rows.map((row) => ({ kind: 'row', row }));
  const groups = new Map<string, { item: GroupItem; rows: ServerRow[] }>();
  for (const row of rows) {
    const value = by === 'region' ? row.region : row[by];
    const key = by === 'region' ? `${row.cloud}/${row.region}` : value;
    let group = groups.get(key);
    if (!group) {
      const item: GroupItem = { kind: 'group', key, field: by, value, count: 0, ...(by === 'region' ? { cloud: row.cloud } : {}) };
      group = { item, rows: [] };
      groups.set(key, group);
    }
    group.item.count += 1;
    group.rows.push(row);
  }
  const items: ServerListItem[] = [];
  for (const { item, rows: members } of groups.values()) {
    items.push(item);
    for (const row of members) items.push({ kind: 'row', row });
  }
  return items;
}
