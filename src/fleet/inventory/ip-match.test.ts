import { BlockList, isIPv4, isIPv6 } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyAddressIn, cidrContains, cidrsOverlap, parseCidr, parseIp } from './ip-match.ts';

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((parts) => parts.join('.'));
/** Random groups, written in Node's compressed or in full form. */
const ipv6 = fc
  .tuple(fc.array(fc.nat(0xffff), { minLength: 8, maxLength: 8 }), fc.boolean())
  .map(([groups, compress]) => {
    const full = groups.map((g) => g.toString(16)).join(':');
    return compress ? full.replace(/(^|:)0(:0)+(:|$)/, '::') : full;
  });

describe('parseIp', () => {
  it('reads what Node reads as an address, and nothing that Node rejects', () => {
    fc.assert(fc.property(ipv4, (text) => parseIp(text)?.version === 4));
    fc.assert(fc.property(ipv6, (text) => parseIp(text)?.version === 6));
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const parsed = parseIp(text);
        if (parsed) expect(isIPv4(text.trim()) || isIPv6(text.trim())).toBe(true);
      }),
    );
  });

  it('accepts compressed and embedded-IPv4 IPv6 forms and refuses ambiguous input', () => {
    expect(parseIp('::')?.value).toBe(0n);
    expect(parseIp('::1')?.value).toBe(1n);
    expect(parseIp('1:2:3:4:5:6:7::')?.value).toBe(parseIp('1:2:3:4:5:6:7:0')?.value);
    expect(parseIp('::ffff:192.0.2.1')?.value).toBe(0xffffc0000201n);
    for (const bad of ['010.0.0.1', '1.2.3', '256.1.1.1', '1::2::3', '1:2:3:4:5:6:7:8::', 'fe80::1%eth0', '1.2.3.4::', '12345::', '']) {
      expect(parseIp(bad), bad).toBeUndefined();
    }
  });
});

describe('parseCidr and cidrContains', () => {
  it('agrees with Node’s BlockList for IPv4 and IPv6 blocks', () => {
    const check = (version: 'ipv4' | 'ipv6', bits: number, addresses: fc.Arbitrary<string>) =>
      fc.assert(
        fc.property(addresses, addresses, fc.integer({ min: 0, max: bits }), (network, address, prefix) => {
          const list = new BlockList();
          list.addSubnet(network, prefix, version);
          const cidr = parseCidr(`${network}/${prefix}`);
          const ip = parseIp(address);
          if (!cidr || !ip) throw new Error(`could not parse ${network}/${prefix} or ${address}`);
          expect(cidrContains(cidr, ip)).toBe(list.check(address, version));
        }),
      );
    check('ipv4', 32, ipv4);
    check('ipv6', 128, ipv6);
    // Random addresses rarely share a prefix; make sure "inside" is exercised too.
    expect(cidrContains(parseCidr('10.20.0.0/16')!, parseIp('10.20.255.1')!)).toBe(true);
    expect(cidrContains(parseCidr('2001:db8::/32')!, parseIp('2001:db8:ffff::1')!)).toBe(true);
    expect(cidrContains(parseCidr('2001:db8::/32')!, parseIp('2001:db9::1')!)).toBe(false);
  });

  it('treats a bare address as a block of one and never mixes versions', () => {
    expect(parseCidr('192.0.2.7')).toEqual({ version: 4, network: 0xc0000207n, prefix: 32 });
    expect(cidrContains(parseCidr('0.0.0.0/0')!, parseIp('::1')!)).toBe(false);
    expect(cidrContains(parseCidr('::/0')!, parseIp('10.0.0.1')!)).toBe(false);
  });

  it('refuses malformed blocks', () => {
    for (const bad of ['10.0.0.0/33', '::/129', '10.0.0.0/', '10.0.0.0/8/8', '10.0.0.0/-1', '10.0.0.0/0x8', 'x/8']) {
      expect(parseCidr(bad), bad).toBeUndefined();
    }
  });
});

describe('cidrsOverlap and anyAddressIn', () => {
  it('sees nested and equal blocks as overlapping, neighbours not', () => {
    expect(cidrsOverlap(parseCidr('10.0.0.0/8')!, parseCidr('10.1.2.0/24')!)).toBe(true);
    expect(cidrsOverlap(parseCidr('10.1.2.0/24')!, parseCidr('10.1.2.0/24')!)).toBe(true);
    expect(cidrsOverlap(parseCidr('10.1.2.0/24')!, parseCidr('10.1.3.0/24')!)).toBe(false);
    expect(cidrsOverlap(parseCidr('fd00::/8')!, parseCidr('fd12:3456::/32')!)).toBe(true);
  });

  it('matches a row when any of its addresses is in the block and ignores garbage', () => {
    expect(anyAddressIn(parseCidr('203.0.113.0/24')!, ['10.0.0.1', '203.0.113.9'])).toBe(true);
    expect(anyAddressIn(parseCidr('203.0.113.0/24')!, ['not an ip', '10.0.0.1'])).toBe(false);
  });
});
