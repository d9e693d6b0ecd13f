import type { NetworkKind, NetworkRow } from './network-row.ts';

/** The columns of the networks table; ids appear in URLs, so they never change meaning. */
export const NETWORK_COLUMN_IDS = ['name', 'status', 'cloud', 'region', 'site', 'project', 'network', 'cidrs', 'overlap', 'addresses', 'macs', 'device', 'summary', 'id'] as const;
export type NetworkColumnId = (typeof NETWORK_COLUMN_IDS)[number];

export function isNetworkColumnId(value: string): value is NetworkColumnId {
  return (NETWORK_COLUMN_IDS as readonly string[]).includes(value);
}

/** Which columns mean something for each kind, in display order. */
export const KIND_COLUMNS: Readonly<Record<NetworkKind, readonly NetworkColumnId[]>> = {
  networks: ['name', 'status', 'cloud', 'region', 'site', 'project', 'cidrs', 'overlap', 'summary', 'id'],
  subnets: ['name', 'cloud', 'region', 'project', 'network', 'cidrs', 'overlap', 'addresses', 'summary', 'id'],
  routers: ['name', 'status', 'cloud', 'region', 'site', 'project', 'network', 'addresses', 'summary', 'id'],
  ports: ['name', 'status', 'cloud', 'region', 'site', 'project', 'network', 'addresses', 'macs', 'device', 'summary', 'id'],
  'floating-ips': ['name', 'status', 'cloud', 'region', 'project', 'network', 'addresses', 'device', 'summary', 'id'],
  'security-groups': ['name', 'cloud', 'region', 'project', 'cidrs', 'summary', 'id'],
};

/** The value a column sorts by; `overlaps` gives the overlap counts, which are not part of a row. */
export function networkSortValue(row: NetworkRow, column: NetworkColumnId, overlaps: ReadonlyMap<string, { count: number }>): string {
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
      return row.project || row.projectId;
    case 'network':
      return row.networkId;
    case 'cidrs':
      return row.cidrs[0] ?? '';
    case 'overlap': {
      const count = overlaps.get(row.key)?.count;
      // Zero-padded so text order is number order.
      return count === undefined ? '' : String(count).padStart(9, '0');
    }
    case 'addresses':
      return row.addresses[0] ?? '';
    case 'macs':
      return row.macs[0] ?? '';
    case 'device':
      return row.deviceId;
    case 'summary':
      return row.summary;
    case 'id':
      return row.id;
  }
}
