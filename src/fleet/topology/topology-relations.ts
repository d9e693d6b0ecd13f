import { forEachNestedPair } from '../inventory/cidr-overlaps.ts';
import { parseCidr } from '../inventory/ip-match.ts';

/** Where a relation's end lives: one cloud and region (one Neutron, one Glance). */
export interface RelationPlace {
  cloud: string;
  region: string;
}

/** A subnet as the relations see it. */
export interface SubnetFact extends RelationPlace {
  /** Neutron's id: a subnet seen by two regions that share one Neutron is one subnet, never an overlap. */
  id: string;
  cidr: string;
  /** The network's name (its id when the name is not known). */
  network: string;
}

/** An image's data as the relations see it. */
export interface ImageFact extends RelationPlace {
  /** What identifies the data across clouds (`imageDigest`). */
  digest: string;
  name: string;
}

/**
 * Whether a cloud or region's listing is there to compare. A region that is
 * not `ok` has unknown relations: never "no overlap". `region` absent: the
 * whole cloud (its sign-in failed, or it was not asked yet).
 */
export interface RelationSource {
  cloud: string;
  region?: string;
  state: 'ok' | 'loading' | 'failed';
  /** What went wrong, in words ("subnets: 403"), for a failed source. */
  reason?: string;
}

/** Identical blocks: one CIDR and every place holding it. */
export interface CidrGroup {
  cidr: string;
  members: SubnetFact[];
}

/**
 * The fleet's address blocks grouped so that nothing is kept per pair: a
 * CIDR held by 1,000 regions is one group of 1,000, not 500,000 pairs.
 */
export interface NetworkRelations {
  groups: CidrGroup[];
  /** Group index → the indexes of the distinct groups that nest with it (either way). */
  nested: ReadonlyMap<number, readonly number[]>;
  /** Place key → the indexes of the groups it holds. */
  byPlace: ReadonlyMap<string, readonly number[]>;
  sources: readonly RelationSource[];
}

/** One image's data and every place holding it. */
export interface ImageGroup {
  digest: string;
  /** The name of its first holder (names may differ between clouds; the data is the same). */
  name: string;
  places: RelationPlace[];
}

export interface ImageRelations {
  groups: ImageGroup[];
  byPlace: ReadonlyMap<string, readonly number[]>;
  sources: readonly RelationSource[];
}

export function placeKey(place: RelationPlace): string {
  return `${place.cloud}\u0000${place.region}`;
}

/** The canonical text of a block, so `10.0.0.0/24` and `10.0.0.0/024` are one group; undefined when it does not parse. */
function blockKey(cidr: string): string | undefined {
  const parsed = parseCidr(cidr);
  return parsed ? `${parsed.version}/${parsed.network.toString(16)}/${parsed.prefix}` : undefined;
}

/**
 * Groups identical blocks, then finds the distinct blocks that nest with the
 * sweep of `forEachNestedPair`: distinct blocks nest at most 33 (IPv4) or
 * 129 (IPv6) deep, so the work is linear in the blocks, whatever the fleet.
 */
export function networkRelations(subnets: readonly SubnetFact[], sources: readonly RelationSource[]): NetworkRelations {
  const groups: CidrGroup[] = [];
  const byKey = new Map<string, CidrGroup>();
  const byPlace = new Map<string, number[]>();
  const groupIndex = new Map<CidrGroup, number>();
  const seen = new Set<string>();
  for (const subnet of subnets) {
    const key = blockKey(subnet.cidr);
    if (key === undefined) continue;
    let group = byKey.get(key);
    if (!group) {
      group = { cidr: subnet.cidr, members: [] };
      byKey.set(key, group);
      groupIndex.set(group, groups.length);
      groups.push(group);
    }
    // All projects' tokens list a shared subnet: one member per subnet and place.
    const memberKey = `${placeKey(subnet)}\u0000${subnet.id}`;
    if (seen.has(memberKey)) continue;
    seen.add(memberKey);
    group.members.push(subnet);
    const index = groupIndex.get(group) as number;
    const held = byPlace.get(placeKey(subnet)) ?? [];
    if (!held.includes(index)) held.push(index);
    byPlace.set(placeKey(subnet), held);
  }
  const nested = new Map<number, number[]>();
  const link = (a: number, b: number) => {
    const list = nested.get(a) ?? [];
    list.push(b);
    nested.set(a, list);
  };
  forEachNestedPair(groups.map((_, index) => index), (index) => (groups[index] as CidrGroup).cidr, (outer, inner) => {
    link(outer.item, inner.item);
    link(inner.item, outer.item);
  });
  return { groups, nested, byPlace, sources };
}

/** Groups images by their data; images without data (no digest yet) relate to nothing. */
export function imageRelations(images: readonly ImageFact[], sources: readonly RelationSource[]): ImageRelations {
  const groups: ImageGroup[] = [];
  const byDigest = new Map<string, number>();
  const byPlace = new Map<string, number[]>();
  for (const image of images) {
    if (image.digest === '') continue;
    let index = byDigest.get(image.digest);
    if (index === undefined) {
      index = groups.length;
      byDigest.set(image.digest, index);
      groups.push({ digest: image.digest, name: image.name, places: [] });
    }
    const key = placeKey(image);
    const held = byPlace.get(key) ?? [];
    // The same data twice in one region (two names, two projects) is one holder.
    if (held.includes(index)) continue;
    held.push(index);
    byPlace.set(key, held);
    (groups[index] as ImageGroup).places.push({ cloud: image.cloud, region: image.region });
  }
  return { groups, byPlace, sources };
}
