import { describe, expect, it } from 'vitest';
import { OpenStackError } from '../../openstack/index.ts';
import type { CloudNetworks, NetworkKindLoad, RegionNetworks } from './network-load.ts';
import { NETWORK_KINDS, type NetworkKind } from './network-row.ts';
import { networkSources } from './network-sources.ts';
import { fakeNetworkRow } from './testing/fake-network-row.ts';

const ok: NetworkKindLoad = { state: 'ok', rows: [], complete: true };
function region(name: string, change: Partial<Record<NetworkKind, NetworkKindLoad>>, loadedAt?: number): RegionNetworks {
  return { region: name, kinds: { ...(Object.fromEntries(NETWORK_KINDS.map((kind) => [kind, ok])) as Record<NetworkKind, NetworkKindLoad>), ...change }, loadedAt };
}

describe('networkSources', () => {
  it('folds the six listings of a region into one badge; a 403 is "needs admin", not a failure', () => {
    const forbidden = new OpenStackError('no', { kind: 'forbidden', cloud: 'ams', region: 'one', status: 403 });
    const data: CloudNetworks = {
      cloud: 'ams',
      regions: [region('one', { networks: { ...ok, rows: [fakeNetworkRow({ kind: 'networks', id: 'n' })] }, ports: { state: 'needs-admin', rows: [], complete: false, error: forbidden } }, 1_000)],
    };
    const [source] = networkSources([{ cloud: 'ams', data, dataUpdatedAt: 1_000, fetching: false }], 2_000, 60_000);
    expect(source).toMatchObject({ cloud: 'ams', region: 'one', needsAdmin: ['ports'], rows: 1, complete: true, loading: false, error: undefined });
    expect(source?.health.status).toBe('ok');
  });

  it('shows a failing listing as the region failing, and a region still loading as incomplete', () => {
    const boom = new OpenStackError('boom', { kind: 'http', cloud: 'ams', region: 'two', status: 500 });
    const data: CloudNetworks = {
      cloud: 'ams',
      regions: [region('one', { subnets: { state: 'loading', rows: [], complete: false } }), region('two', { routers: { state: 'failed', rows: [], complete: false, error: boom } })],
    };
    const [one, two] = networkSources([{ cloud: 'ams', data, dataUpdatedAt: 1, fetching: true }], 2_000, 60_000);
    expect(one).toMatchObject({ loading: true, complete: false });
    expect(one?.health.status).toBe('pending');
    expect(two).toMatchObject({ error: boom, complete: false });
    expect(two?.health.status).toBe('failing');
  });

  it('is a badge per project and region with "all projects I can see", and one naming each project that could not sign in', () => {
    const refused = new OpenStackError('no role', { kind: 'unauthorized', cloud: 'ams', status: 401 });
    const data: CloudNetworks = {
      cloud: 'ams',
      regions: [{ ...region('one', {}, 1_000), project: { id: 'p-demo', name: 'demo' } }],
      failedProjects: [{ project: { id: 'p-ops', name: 'ops' }, error: refused }],
    };
    const sources = networkSources([{ cloud: 'ams', data, dataUpdatedAt: 1_000, fetching: false }], 2_000, 60_000);
    expect(sources.map((source) => [source.region, source.project, source.health.status])).toEqual([
      [undefined, 'ops', 'unauthorized'],
      ['one', 'demo', 'ok'],
    ]);
  });

  it('is one badge for a cloud that failed to sign in or waits for its secret', () => {
    const rejected = new OpenStackError('no', { kind: 'unauthorized', cloud: 'fra', status: 401 });
    const sources = networkSources(
      [
        { cloud: 'fra', error: rejected, dataUpdatedAt: 0, fetching: false },
        { cloud: 'osl', signInNeeded: true, dataUpdatedAt: 0, fetching: false },
      ],
      0,
      60_000,
    );
    expect(sources.map((source) => [source.cloud, source.region, source.health.status])).toEqual([
      ['fra', undefined, 'unauthorized'],
      ['osl', undefined, 'signin-needed'],
    ]);
  });
});
