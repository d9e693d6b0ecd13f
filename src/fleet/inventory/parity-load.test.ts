import { describe, expect, it } from 'vitest';
import { OpenStackError, type Catalog, type CloudSession, type Flavor, type Keypair, type ListFlavorsOptions, type SecurityGroup } from '../../openstack/index.ts';
import { loadCloudParity, loadProjectsParity, mergeParityRefresh, type CloudParity, type ParitySourceClient } from './parity-load.ts';

const keypair: Keypair = { name: 'ops', fingerprint: 'aa:bb', public_key: 'ssh-ed25519 AAAA ops' };
const flavor: Flavor = {
  id: '4',
  name: 'm1.large',
  vcpus: 4,
  ram: 8192,
  disk: 80,
  swap: 0,
  'OS-FLV-EXT-DATA:ephemeral': 0,
  'os-flavor-access:is_public': true,
};
const groups: SecurityGroup[] = [
  { id: 'g1', name: 'default', description: '', project_id: 'p-demo', security_group_rules: [] },
  { id: 'g2', name: 'default', description: '', project_id: 'p-admin', security_group_rules: [] },
];

async function* pages<T>(items: T[]): AsyncGenerator<T[]> {
  await Promise.resolve();
  yield items;
}

function fakeClient(neutronFails: boolean, roles = ['admin'], withNeutron = true): ParitySourceClient & { flavorOptions: ListFlavorsOptions[] } {
  const flavorOptions: ListFlavorsOptions[] = [];
  const endpoint = { url: 'https://x', interface: 'public', region_id: 'One' };
  const catalog: Catalog = [{ type: 'compute', endpoints: [endpoint] }, ...(withNeutron ? [{ type: 'network', endpoints: [endpoint] }] : [])];
  const session = { roles, project: { id: 'p-demo', name: 'demo' }, catalog } as CloudSession;
  return {
    cloud: 'ams',
    flavorOptions,
    session: () => undefined,
    signIn: async () => session,
    regions: () => ['One'],
    async compute() {
      return {
        keypairs: () => pages([keypair]),
        flavors: (options) => {
          flavorOptions.push(options ?? {});
          return pages([flavor]);
        },
      };
    },
    async network() {
      if (neutronFails) throw new OpenStackError('no endpoint', { kind: 'config', cloud: 'ams', region: 'One', service: 'network' });
      return { securityGroups: () => pages(groups) };
    },
  };
}

describe('loadCloudParity', () => {
  it('reads key pairs, flavors (private ones too, as admin) and the project’s security groups', async () => {
    const client = fakeClient(false);
    const result = await loadCloudParity(client, { now: () => 5 });
    const region = result.regions[0];
    expect(region?.loadedAt).toBe(5);
    expect(region?.listings.keypair).toMatchObject({ state: 'ok', entries: [{ name: 'ops' }] });
    expect(region?.listings.flavor).toMatchObject({ state: 'ok', entries: [{ id: '4', name: 'm1.large' }] });
    expect(region?.listings['security-group']).toMatchObject({ state: 'ok', entries: [{ id: 'g1' }] });
    expect(client.flavorOptions[0]?.includePrivate).toBe(true);
  });

  it('a failing service leaves the other listings standing', async () => {
    const result = await loadCloudParity(fakeClient(true, ['member']));
    const region = result.regions[0];
    expect(region?.listings.keypair.state).toBe('ok');
    expect(region?.listings['security-group']).toMatchObject({ state: 'unknown', reason: 'failed' });
  });

  it('a region without the service is unknown for that reason, and nothing is asked of it', async () => {
    const result = await loadCloudParity(fakeClient(true, ['member'], false));
    expect(result.regions[0]?.listings['security-group']).toEqual({ state: 'unknown', reason: 'no-service' });
    expect(result.regions[0]?.listings.flavor.state).toBe('ok');
  });

  it('keeps the previous listings while a refresh is under way', () => {
    const previous: CloudParity = {
      cloud: 'ams',
      regions: [{ region: 'One', loadedAt: 1, listings: { keypair: { state: 'ok', entries: [] }, flavor: { state: 'ok', entries: [] }, 'security-group': { state: 'ok', entries: [] } } }],
    };
    const loading = { state: 'unknown', reason: 'loading' } as const;
    const next: CloudParity = { cloud: 'ams', regions: [{ region: 'One', listings: { keypair: loading, flavor: { state: 'unknown', reason: 'failed' }, 'security-group': loading } }] };
    const merged = mergeParityRefresh(previous, next).regions[0];
    expect(merged?.listings.keypair.state).toBe('ok');
    expect(merged?.listings.flavor).toEqual({ state: 'unknown', reason: 'failed' });
    expect(merged?.loadedAt).toBe(1);
  });
});

describe('loadProjectsParity', () => {
  it('compares each project through its own token: its regions are tagged with it, and the security groups are its own', async () => {
    const scopedTo = (id: string, name: string): ParitySourceClient => {
      const client = fakeClient(false);
      return {
        ...client,
        signIn: async (signal) => {
          const session = await client.signIn(signal);
          return { ...session, project: { ...session.project, id, name } } as CloudSession;
        },
      };
    };
    const result = await loadProjectsParity([
      { project: { id: 'p-demo', name: 'demo' }, client: scopedTo('p-demo', 'demo') },
      { project: { id: 'p-admin', name: 'admin' }, client: scopedTo('p-admin', 'admin') },
    ]);
    expect(result.regions.map((region) => [region.project?.name, region.region])).toEqual([
      ['demo', 'One'],
      ['admin', 'One'],
    ]);
    const groupIds = result.regions.map((region) => {
      const listing = region.listings['security-group'];
      return listing.state === 'ok' ? listing.entries.map((entry) => entry.id) : [];
    });
    expect(groupIds).toEqual([['g1'], ['g2']]);
  });
});

