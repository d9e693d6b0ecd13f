import { describe, expect, it } from 'vitest';
import { OpenStackError } from '../../openstack/index.ts';
import type { CloudImages } from '../inventory/image-load.ts';
import type { CloudNetworks, NetworkKindLoad, RegionNetworks } from '../inventory/network-load.ts';
import { NETWORK_KINDS, type NetworkKind, type NetworkRow } from '../inventory/network-row.ts';
import { fakeImageRow } from '../inventory/testing/fake-image-row.ts';
import { fakeNetworkRow } from '../inventory/testing/fake-network-row.ts';
import { imageFacts, subnetFacts } from './relation-facts.ts';

const done = (rows: NetworkRow[] = []): NetworkKindLoad => ({ state: 'ok', rows, complete: true });

function regionNetworks(region: string, kinds: Partial<Record<NetworkKind, NetworkKindLoad>>): RegionNetworks {
  return { region, kinds: { ...(Object.fromEntries(NETWORK_KINDS.map((kind) => [kind, done()])) as Record<NetworkKind, NetworkKindLoad>), ...kinds } };
}

describe('subnet facts', () => {
  it('names each subnet’s network and says per region whether its subnets are all there', () => {
    const web = fakeNetworkRow({ kind: 'networks', id: 'n1', name: 'web', cloud: 'ams', region: 'r1' });
    const subnet = fakeNetworkRow({ kind: 'subnets', id: 's1', networkId: 'n1', cidrs: ['10.0.0.0/24'], cloud: 'ams', region: 'r1' });
    const orphan = fakeNetworkRow({ kind: 'subnets', id: 's2', networkId: 'n9', cidrs: ['10.1.0.0/24'], cloud: 'ams', region: 'r2' });
    const data: CloudNetworks = {
      cloud: 'ams',
      regions: [
        regionNetworks('r1', { networks: done([web]), subnets: done([subnet]) }),
        // Some pages in, then the listing failed: what came is compared, the region stays unknown.
        regionNetworks('r2', { subnets: { state: 'failed', rows: [orphan], complete: false, error: new OpenStackError('refused', { kind: 'network', cloud: 'ams' }) } }),
        regionNetworks('r3', { subnets: { state: 'needs-admin', rows: [], complete: false } }),
      ],
    };
    const { facts, sources } = subnetFacts([
      { cloud: 'ams', data },
      { cloud: 'fra', error: new OpenStackError('rejected', { kind: 'unauthorized', cloud: 'fra', status: 401 }) },
      { cloud: 'par' },
      { cloud: 'lon', signInNeeded: true },
    ]);
    expect(facts).toEqual([
      { cloud: 'ams', region: 'r1', id: 's1', cidr: '10.0.0.0/24', network: 'web' },
      { cloud: 'ams', region: 'r2', id: 's2', cidr: '10.1.0.0/24', network: 'n9' },
    ]);
    expect(sources).toEqual([
      { cloud: 'ams', region: 'r1', state: 'ok' },
      { cloud: 'ams', region: 'r2', state: 'failed', reason: expect.stringContaining('Cannot reach the API') },
      { cloud: 'ams', region: 'r3', state: 'failed', reason: 'subnets need admin' },
      { cloud: 'fra', state: 'failed', reason: 'Sign-in rejected (HTTP 401)' },
      { cloud: 'par', state: 'loading' },
      { cloud: 'lon', state: 'failed', reason: 'waiting for its secret' },
    ]);
  });

  it('keeps the worst state of a region read through several projects', () => {
    const loading: NetworkKindLoad = { state: 'loading', rows: [], complete: false };
    const data: CloudNetworks = {
      cloud: 'ams',
      regions: [
        { ...regionNetworks('r1', {}), project: { id: 'p1', name: 'one' } },
        { ...regionNetworks('r1', { subnets: loading }), project: { id: 'p2', name: 'two' } },
      ],
    };
    expect(subnetFacts([{ cloud: 'ams', data }]).sources).toEqual([{ cloud: 'ams', region: 'r1', state: 'loading' }]);
  });
});

describe('image facts', () => {
  it('keys images by their data and says per region whether its images are all there', () => {
    const data: CloudImages = {
      cloud: 'ams',
      regions: [
        { region: 'r1', state: 'ok', complete: true, rows: [fakeImageRow({ id: 'a', name: 'cirros', checksum: 'aa', cloud: 'ams', region: 'r1' })] },
        { region: 'r2', state: 'loading', complete: false, rows: [] },
      ],
    };
    const { facts, sources } = imageFacts([{ cloud: 'ams', data }]);
    expect(facts).toEqual([{ cloud: 'ams', region: 'r1', digest: 'aa', name: 'cirros' }]);
    expect(sources).toEqual([
      { cloud: 'ams', region: 'r1', state: 'ok' },
      { cloud: 'ams', region: 'r2', state: 'loading' },
    ]);
  });
});
