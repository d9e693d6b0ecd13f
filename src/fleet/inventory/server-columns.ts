import type { ServerRow } from './server-row.ts';

/** The columns of the servers table, in display order; ids appear in URLs, so they never change meaning. */
export const SERVER_COLUMN_IDS = [
  'name',
  'status',
  'cloud',
  'region',
  'site',
  'project',
  'flavor',
  'image',
  'host',
  'ipv4',
  'ipv6',
  'created',
  'locked',
  'id',
] as const;

export type ServerColumnId = (typeof SERVER_COLUMN_IDS)[number];

export const DEFAULT_SERVER_COLUMNS: readonly ServerColumnId[] = ['name', 'status', 'cloud', 'region', 'site', 'flavor', 'image', 'ipv4', 'host', 'created'];

export function isServerColumnId(value: string): value is ServerColumnId {
  return (SERVER_COLUMN_IDS as readonly string[]).includes(value);
}

/** The value a column sorts (and compares) by. */
export function sortValue(row: ServerRow, column: ServerColumnId): string {
  switch (column) {
    case 'name':
      return row.name;
    case 'status':
      return row.status;
    case 'cloud':
      return row.cloud;
    case 'region':
      return row.region;
    case 'site':
      return row.site;
    case 'project':
      return row.project ?? row.projectId;
    case 'flavor':
      return row.flavor;
    case 'image':
      return row.imageId;
    case 'host':
      return row.host;
    case 'ipv4':
      return row.ipv4[0] ?? '';
    case 'ipv6':
      return row.ipv6[0] ?? '';
    case 'created':
      return row.created;
    case 'locked':
      return row.locked === undefined ? '' : row.locked ? '1' : '0';
    case 'id':
      return row.id;
  }
}
