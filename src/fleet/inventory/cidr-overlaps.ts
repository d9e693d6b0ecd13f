import { parseCidr, type Cidr } from './ip-match.ts';

/** One address block of the fleet: a subnet's CIDR, and where it lives. */
export interface CidrEntry {
  /** Unique among the entries (e.g. the subnet row's key). */
  key: string;
  /**
   * The address space the block belongs to: one cloud and region, one Neutron.
   * Blocks of the same source never count as overlapping, since one Neutron
   * keeps its projects' overlapping ranges apart by design.
   */
  source: string;
  cidr: string;
  /**
   * The block's own id (a subnet's UUID), when known. Two entries with the
   * same id are one block seen twice (regions whose catalogs share one
   * Neutron, or two cloud entries for the same cloud): never an overlap.
   */
  id?: string;
}

export interface CidrOverlap {
  /** How many blocks of other sources share an address with this one. */
  count: number;
  /** The first few of them, in input order, so a view can name them without holding every pair. */
  examples: readonly CidrEntry[];
}

const BITS = { 4: 32n, 6: 128n } as const;

interface Block<T> {
  item: T;
  cidr: Cidr;
  index: number;
  last: bigint;
}

/** One item of a nested pair, with its position in the input. */
export interface NestedItem<T> {
  item: T;
  index: number;
}

/**
 * Which blocks overlap blocks of another source (what Tricircle-style
 * cross-cloud networking trips over), by the sweep of `forEachNestedPair`.
 */
export function findCidrOverlaps(entries: readonly CidrEntry[], maxExamples = 5): Map<string, CidrOverlap> {
  const found = new Map<string, { count: number; examples: NestedItem<CidrEntry>[] }>();
  const record = (block: NestedItem<CidrEntry>, other: NestedItem<CidrEntry>) => {
    let overlap = found.get(block.item.key);
    if (!overlap) {
      overlap = { count: 0, examples: [] };
      found.set(block.item.key, overlap);
    }
    overlap.count += 1;
    // Keeps only the first few by input order: a block nested under thousands costs no more memory.
    const examples = overlap.examples;
    if (examples.length < maxExamples) {
      examples.push(other);
      examples.sort((a, b) => a.index - b.index);
    } else if (examples.length > 0 && other.index < (examples[examples.length - 1] as NestedItem<CidrEntry>).index) {
      examples[examples.length - 1] = other;
      examples.sort((a, b) => a.index - b.index);
    }
  };

  forEachNestedPair(entries, (entry) => entry.cidr, (outer, inner) => {
    if (outer.item.source === inner.item.source || (outer.item.id !== undefined && outer.item.id === inner.item.id)) return;
    record(inner, outer);
    record(outer, inner);
  });

  const result = new Map<string, CidrOverlap>();
  for (const [key, overlap] of found) {
    result.set(key, { count: overlap.count, examples: overlap.examples.map((example) => example.item) });
  }
  return result;
}

/**
 * Calls `visit` once for every pair of items whose CIDRs share an address
 * (the outer block first; identical blocks in input order). CIDR blocks
 * either nest or are disjoint, so a sweep in address order with a stack of
 * enclosing blocks finds every such pair without comparing all pairs: the
 * work is the number of pairs, and distinct blocks nest at most 33 (IPv4) or
 * 129 (IPv6) deep. IPv4 and IPv6 never overlap; unparseable CIDRs are left out.
 */
export function forEachNestedPair<T>(items: readonly T[], cidrOf: (item: T) => string, visit: (outer: NestedItem<T>, inner: NestedItem<T>) => void): void {
  const blocks: Block<T>[] = [];
  items.forEach((item, index) => {
    const cidr = parseCidr(cidrOf(item));
    if (!cidr) return;
    const hostBits = BITS[cidr.version] - BigInt(cidr.prefix);
    blocks.push({ item, cidr, index, last: cidr.network | ((1n << hostBits) - 1n) });
  });
  // Within a version: by first address, the enclosing (shorter prefix) block before the blocks it holds.
  blocks.sort((a, b) => a.cidr.version - b.cidr.version || compareBig(a.cidr.network, b.cidr.network) || a.cidr.prefix - b.cidr.prefix || a.index - b.index);

  const enclosing: Block<T>[] = [];
  for (const block of blocks) {
    while (enclosing.length > 0) {
      const top = enclosing[enclosing.length - 1] as Block<T>;
      if (top.cidr.version === block.cidr.version && top.last >= block.cidr.network) break;
      enclosing.pop();
    }
    for (const outer of enclosing) visit(outer, block);
    enclosing.push(block);
  }
}

function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
