import { findCidrOverlaps } from './cidr-overlaps.ts';
import { networkRowKey, type NetworkRow } from './network-row.ts';

/** Another cloud's block that shares addresses with one of this row's. */
export interface OverlapPeer {
  /** This row's block. */
  cidr: string;
  cloud: string;
  region: string;
  /** The other network's name (its id when it has none or is not loaded). */
  network: string;
  otherCidr: string;
}

export interface RowOverlap {
  /** Blocks of other clouds or regions overlapping this row's. */
  count: number;
  /** The first few, to name them. */
  peers: readonly OverlapPeer[];
}

const MAX_PEERS = 5;

/**
 * Subnets (and the networks that hold them) whose CIDRs overlap a subnet of
 * another cloud or region. Within one cloud and region Neutron keeps
 * overlapping project ranges apart; across them, joining the networks
 * (Tricircle-style) would collide. A subnet listed by several regions (whose
 * catalogs point at one Neutron, as in the lab) is one subnet, not an overlap.
 */
export function networkOverlaps(rows: readonly NetworkRow[]): Map<string, RowOverlap> {
  const subnets = rows.filter((row) => row.kind === 'subnets');
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const overlaps = findCidrOverlaps(
    subnets.flatMap((row) => row.cidrs.map((cidr) => ({ key: row.key, source: `${row.cloud}/${row.region}`, cidr, id: row.id }))),
    MAX_PEERS,
  );
  const result = new Map<string, RowOverlap>();
  for (const subnet of subnets) {
    const overlap = overlaps.get(subnet.key);
    if (!overlap) continue;
    const peers = overlap.examples.map((example): OverlapPeer => {
      const other = byKey.get(example.key);
      const network = other ? byKey.get(networkRowKey(other, 'networks', other.networkId)) : undefined;
      return {
        cidr: subnet.cidrs[0] ?? '',
        cloud: other?.cloud ?? '',
        region: other?.region ?? '',
        network: network?.name || other?.networkId || example.key,
        otherCidr: example.cidr,
      };
    });
    result.set(subnet.key, { count: overlap.count, peers });
    const networkKey = networkRowKey(subnet, 'networks', subnet.networkId);
    const current = result.get(networkKey);
    result.set(networkKey, {
      count: (current?.count ?? 0) + overlap.count,
      peers: [...(current?.peers ?? []), ...peers].slice(0, MAX_PEERS),
    });
  }
  return result;
}
