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
  // Region names repeat across clouds: a map per cloud tells them apart without building a key string per row.
  const byValue = new Map<string, ServerRow[]>();
  const byCloud = new Map<string, Map<string, ServerRow[]>>();
  const groups: ServerRow[][] = [];
  for (const row of rows) {
    let into = byValue;
    if (by === 'region') {
      let regions = byCloud.get(row.cloud);
      if (!regions) {
        regions = new Map();
        byCloud.set(row.cloud, regions);
      }
      into = regions;
    }
    const value = row[by];
    let members = into.get(value);
    if (!members) {
      members = [];
      into.set(value, members);
      groups.push(members);
    }
    members.push(row);
  }
  const items = new Array<ServerListItem>(rows.length + groups.length);
  let next = 0;
  for (const members of groups) {
    const first = members[0] as ServerRow;
    const value = first[by];
    items[next++] =
      by === 'region'
        ? { kind: 'group', key: `${first.cloud}/${value}`, field: by, value, cloud: first.cloud, count: members.length }
        : { kind: 'group', key: value, field: by, value, count: members.length };
    for (const row of members) items[next++] = { kind: 'row', row };
  }
  return items;
}
