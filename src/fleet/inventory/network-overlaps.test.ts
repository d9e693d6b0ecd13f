import { describe, expect, it } from 'vitest';
import { networkOverlaps } from './network-overlaps.ts';
import { withSubnetCidrs } from './network-row.ts';
import { fakeNetworkRow } from './testing/fake-network-row.ts';

const net = (cloud: string, id: string, name: string) => fakeNetworkRow({ kind: 'networks', cloud, id, name });
const subnet = (cloud: string, id: string, networkId: string, cidr: string, region = 'RegionOne') => fakeNetworkRow({ kind: 'subnets', cloud, region, id, networkId, cidrs: [cidr] });

describe('withSubnetCidrs', () => {
  it('gives each network the CIDRs of its own subnets, in its own cloud', () => {
    const rows = withSubnetCidrs([net('ams', 'n1', 'private'), subnet('ams', 's1', 'n1', '10.0.0.0/24'), subnet('ams', 's2', 'n1', 'fd00::/64'), subnet('fra', 's3', 'n1', '10.9.0.0/24')]);
    expect(rows[0]?.cidrs).toEqual(['10.0.0.0/24', 'fd00::/64']);
  });
});

describe('networkOverlaps', () => {
  it('flags subnets and their networks overlapping another cloud, naming the other network', () => {
    const rows = [
      net('ams', 'n1', 'private-ams'),
      subnet('ams', 's1', 'n1', '10.0.0.0/24'),
      net('fra', 'n2', 'private-fra'),
      subnet('fra', 's2', 'n2', '10.0.0.0/16'),
      net('osl', 'n3', 'lonely'),
      subnet('osl', 's3', 'n3', '10.1.0.0/24'),
    ];
    const overlaps = networkOverlaps(rows);
    expect(overlaps.get(rows[0]?.key ?? '')).toEqual({
      count: 1,
      peers: [{ cidr: '10.0.0.0/24', cloud: 'fra', region: 'RegionOne', network: 'private-fra', otherCidr: '10.0.0.0/16' }],
    });
    expect(overlaps.get(rows[3]?.key ?? '')?.count).toBe(1);
    expect(overlaps.has(rows[4]?.key ?? '')).toBe(false);
  });

  it('does not flag one subnet that several regions list because they share one Neutron', () => {
    const shared = (region: string) => fakeNetworkRow({ kind: 'subnets', cloud: 'lab', region, id: 'same-subnet', networkId: 'n', cidrs: ['10.10.0.0/24'] });
    expect(networkOverlaps([shared('RegionOne'), shared('RegionTwo'), shared('edge-1')]).size).toBe(0);
  });

  it('counts another region of the same cloud as another address space', () => {
    const overlaps = networkOverlaps([subnet('ams', 's1', 'n1', '10.0.0.0/24', 'one'), subnet('ams', 's2', 'n2', '10.0.0.0/24', 'two')]);
    expect(overlaps.size).toBe(4);
  });
});
