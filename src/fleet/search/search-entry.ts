import type { ImageRow } from '../inventory/image-row.ts';
import type { NetworkRow } from '../inventory/network-row.ts';
import type { ServerRow } from '../inventory/server-row.ts';

export const SEARCH_KINDS = ['server', 'network', 'port', 'subnet', 'floating-ip', 'image'] as const;
/** What global search finds; the order is the tie-break when two results match equally well. */
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** One thing global search can find and jump to: small, whatever it came from. */
export interface SearchEntry {
  kind: SearchKind;
  /** The row key of the view that shows it (ServerRow.key, NetworkRow.key, …). */
  key: string;
  id: string;
  name: string;
  cloud: string;
  region: string;
  addresses: readonly string[];
  macs: readonly string[];
  cidrs: readonly string[];
}

const EMPTY: readonly string[] = Object.freeze([]);

export function serverEntry(row: ServerRow): SearchEntry {
  return {
    kind: 'server',
    key: row.key,
    id: row.id,
    name: row.name,
    cloud: row.cloud,
    region: row.region,
    addresses: row.addresses.length > 0 ? row.addresses.map((address) => address.addr) : EMPTY,
    macs: row.macs,
    cidrs: EMPTY,
  };
}

const NETWORK_ROW_KINDS: Partial<Record<NetworkRow['kind'], SearchKind>> = {
  networks: 'network',
  subnets: 'subnet',
  ports: 'port',
  'floating-ips': 'floating-ip',
};

/** Networks, subnets, ports and floating IPs are searchable; routers and security groups are found on /networks. */
export function networkEntry(row: NetworkRow): SearchEntry | undefined {
  const kind = NETWORK_ROW_KINDS[row.kind];
  if (kind === undefined) return undefined;
  return { kind, key: row.key, id: row.id, name: row.name, cloud: row.cloud, region: row.region, addresses: row.addresses, macs: row.macs, cidrs: row.cidrs };
}

export function imageEntry(image: Pick<ImageRow, 'key' | 'id' | 'name' | 'cloud' | 'region'>): SearchEntry {
  return { kind: 'image', key: image.key, id: image.id, name: image.name, cloud: image.cloud, region: image.region, addresses: EMPTY, macs: EMPTY, cidrs: EMPTY };
}
