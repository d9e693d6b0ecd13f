import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCidrOverlaps, type CidrEntry } from './cidr-overlaps.ts';
import { cidrsOverlap, parseCidr, type Cidr } from './ip-match.ts';

const entry = (key: string, source: string, cidr: string): CidrEntry => ({ key, source, cidr });

describe('findCidrOverlaps', () => {
  it('flags the same block in two clouds, both ways', () => {
    const overlaps = findCidrOverlaps([entry('a', 'ams/One', '10.0.0.0/24'), entry('b', 'fra/One', '10.0.0.0/24'), entry('c', 'fra/One', '10.1.0.0/24')]);
    expect(overlaps.get('a')).toEqual({ count: 1, examples: [entry('b', 'fra/One', '10.0.0.0/24')] });
    expect(overlaps.get('b')?.count).toBe(1);
    expect(overlaps.has('c')).toBe(false);
  });

  it('flags containment, not only equality, and not neighbours that a string compare would confuse', () => {
    const overlaps = findCidrOverlaps([
      entry('wide', 'ams/One', '10.0.0.0/8'),
      entry('inner', 'fra/One', '10.20.30.0/24'),
      entry('neighbour', 'fra/One', '11.0.0.0/24'),
      entry('prefix-lookalike', 'osl/One', '10.0.0.0/240'),
    ]);
    expect(overlaps.get('wide')?.count).toBe(1);
    expect(overlaps.get('inner')?.examples.map((e) => e.key)).toEqual(['wide']);
    expect(overlaps.has('neighbour')).toBe(false);
    expect(overlaps.has('prefix-lookalike')).toBe(false);
  });

  it('ignores overlaps inside one source: one Neutron keeps its projects apart', () => {
    expect(findCidrOverlaps([entry('a', 'ams/One', '10.0.0.0/24'), entry('b', 'ams/One', '10.0.0.0/16')]).size).toBe(0);
  });

  it('never pairs a block with itself seen through two regions sharing one Neutron', () => {
    const overlaps = findCidrOverlaps([
      { ...entry('a', 'lab/RegionOne', '10.10.0.0/24'), id: 'subnet-1' },
      { ...entry('b', 'lab/RegionTwo', '10.10.0.0/24'), id: 'subnet-1' },
      { ...entry('c', 'other/RegionOne', '10.10.0.0/24'), id: 'subnet-2' },
    ]);
    expect(overlaps.get('a')?.examples.map((e) => e.key)).toEqual(['c']);
    expect(overlaps.get('c')?.count).toBe(2);
  });

  it('handles IPv6, and never matches IPv4 against IPv6', () => {
    const overlaps = findCidrOverlaps([
      entry('v6-wide', 'ams/One', '2001:db8::/32'),
      entry('v6-inner', 'fra/One', '2001:db8:abcd::/48'),
      entry('v6-other', 'fra/One', '2001:db9::/48'),
      entry('v4-zero', 'osl/One', '0.0.0.0/0'),
      entry('v6-mapped', 'osl/One', '::ffff:10.0.0.0/104'),
    ]);
    expect(overlaps.get('v6-inner')?.examples.map((e) => e.key)).toEqual(['v6-wide']);
    expect(overlaps.has('v6-other')).toBe(false);
    // ::ffff:10.0.0.0/104 is an IPv6 block: 0.0.0.0/0 does not hold it.
    expect(overlaps.has('v4-zero')).toBe(false);
  });

  it('counts every overlapping block but keeps only the first few as examples', () => {
    const entries = Array.from({ length: 20 }, (_, i) => entry(`k${i}`, `cloud-${i}/One`, '192.168.0.0/24'));
    const overlaps = findCidrOverlaps(entries, 3);
    expect(overlaps.get('k0')).toEqual({ count: 19, examples: [entries[1], entries[2], entries[3]] });
    expect(overlaps.get('k19')?.examples).toEqual([entries[0], entries[1], entries[2]]);
  });

  it('leaves unparseable CIDRs out', () => {
    expect(findCidrOverlaps([entry('a', 'x', 'not-a-cidr'), entry('b', 'y', '10.0.0.0/33'), entry('c', 'z', '10.0.0.0/8')]).size).toBe(0);
  });
});

const v4Block = fc.tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 })).map(([n, prefix]) => {
  const text = [24, 16, 8, 0].map((shift) => (n >>> shift) & 255).join('.');
  return `${text}/${prefix}`;
});
const v6Block = fc.tuple(fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }), fc.integer({ min: 0, max: 128 })).map(
  ([groups, prefix]) => `${groups.map((g) => g.toString(16)).join(':')}/${prefix}`,
);
// Few sources and short-ish prefixes, so overlaps actually happen.
const entries = fc
  .array(fc.tuple(fc.oneof(v4Block, v6Block, fc.constantFrom('10.0.0.0/8', '10.0.0.0/24', '10.0.1.0/24', 'fd00::/8', 'fd00::/64')), fc.constantFrom('a', 'b', 'c')), {
    maxLength: 40,
  })
  .map((pairs) => pairs.map(([cidr, source], i) => ({ ...entry(`k${i}`, source, cidr), id: `subnet-${i % 7}` })));

function bruteForce(list: readonly CidrEntry[]): Map<string, string[]> {
  const parsed = list.map((e) => [e, parseCidr(e.cidr) as Cidr] as const);
  const result = new Map<string, string[]>();
  for (const [a, ca] of parsed) {
    for (const [b, cb] of parsed) {
      if (a === b || a.source === b.source || a.id === b.id || !cidrsOverlap(ca, cb)) continue;
      result.set(a.key, [...(result.get(a.key) ?? []), b.key]);
    }
  }
  return result;
}

describe('findCidrOverlaps, properties', () => {
  it('agrees with comparing every pair', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const fast = findCidrOverlaps(list, 1000);
        const slow = bruteForce(list);
        expect(new Set(fast.keys())).toEqual(new Set(slow.keys()));
        for (const [key, others] of slow) {
          expect(fast.get(key)?.count).toBe(others.length);
          expect(fast.get(key)?.examples.map((e) => e.key)).toEqual(others);
        }
      }),
    );
  });

  it('is symmetric and never pairs a block with its own source or itself', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const overlaps = findCidrOverlaps(list, 1000);
        const byKey = new Map(list.map((e) => [e.key, e]));
        for (const [key, overlap] of overlaps) {
          for (const other of overlap.examples) {
            expect(other.source).not.toBe(byKey.get(key)?.source);
            expect(other.id).not.toBe(byKey.get(key)?.id);
            expect(overlaps.get(other.key)?.examples.map((e) => e.key)).toContain(key);
          }
        }
      }),
    );
  });

  it('does not depend on input order for which blocks are flagged', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const reversed = [...list].reverse();
        const counts = (map: Map<string, { count: number }>) => new Map([...map].map(([k, v]) => [k, v.count]));
        expect(counts(findCidrOverlaps(reversed))).toEqual(counts(findCidrOverlaps(list)));
      }),
    );
  });
});
