import { describe, expect, it } from 'vitest';
import { OpenStackError, type CloudSession, type NetworkApi, type Network, type Port } from '../../openstack/index.ts';
import { loadCloudNetworks, loadProjectsNetworks, mergeNetworksRefresh, networkRowsOf, type NetworksSource } from './network-load.ts';

const network = (id: string, projectId = 'p'): Network => ({ id, name: `net-${id}`, status: 'ACTIVE', admin_state_up: true, shared: false, subnets: [], project_id: projectId });
const port = (id: string): Port => ({
  id,
  name: '',
  network_id: 'n',
  project_id: 'p',
  mac_address: 'fa:16:3e:00:00:01',
  device_id: 'server-1',
  device_owner: 'compute:edge-7',
  status: 'ACTIVE',
  admin_state_up: true,
  fixed_ips: [{ subnet_id: 's', ip_address: '10.0.0.5' }],
});

type Step<T> = T[] | Error;
interface RegionScript {
  networks?: Step<Network>[];
  ports?: Step<Port>[];
  endpoint?: Error;
}

async function* pages<T>(steps: Step<T>[] = []): AsyncGenerator<T[]> {
  for (const step of steps) {
    await Promise.resolve();
    if (step instanceof Error) throw step;
    yield step;
  }
}

function fakeSource(script: Record<string, RegionScript>, signIn: () => Promise<CloudSession> = async () => ({ roles: ['member'] }) as unknown as CloudSession): NetworksSource {
  return {
    cloud: 'ams',
    session: () => undefined,
    signIn,
    regions: () => Object.keys(script),
    async network(region) {
      const steps = script[region] ?? {};
      if (steps.endpoint) throw steps.endpoint;
      const none = () => pages<never>([]);
      return { networks: () => pages(steps.networks), ports: () => pages(steps.ports), subnets: none, routers: none, floatingIps: none, securityGroups: none } as NetworkApi;
    },
  };
}

const forbidden = () => new OpenStackError('forbidden', { kind: 'forbidden', cloud: 'ams', region: 'one', service: 'network', status: 403 });
const broken = () => new OpenStackError('boom', { kind: 'http', cloud: 'ams', region: 'two', service: 'network', status: 500 });

describe('loadCloudNetworks', () => {
  it('reads every page of every listing of every region as rows of their kind and place', async () => {
    const result = await loadCloudNetworks(fakeSource({ one: { networks: [[network('a')], [network('b')]], ports: [[port('p')]] }, two: { networks: [[network('c')]] } }), { now: () => 7 });
    const rows = networkRowsOf(result);
    expect(rows.map((row) => `${row.region}:${row.kind}:${row.id}`)).toEqual(['one:networks:a', 'one:networks:b', 'one:ports:p', 'two:networks:c']);
    const portRow = rows.find((row) => row.kind === 'ports');
    expect(portRow).toMatchObject({ cloud: 'ams', site: 'edge-7', addresses: ['10.0.0.5'], macs: ['fa:16:3e:00:00:01'], deviceId: 'server-1' });
    expect(result.regions.every((region) => region.loadedAt === 7)).toBe(true);
  });

  it('marks a 403 as needing admin, a failure as failed, and keeps the other listings and regions', async () => {
    const result = await loadCloudNetworks(fakeSource({ one: { networks: [[network('a')]], ports: [forbidden()] }, two: { networks: [[network('b')], broken()] } }));
    const [one, two] = result.regions;
    expect(one?.kinds.ports.state).toBe('needs-admin');
    expect(one?.kinds.networks).toMatchObject({ state: 'ok', complete: true });
    expect(two?.kinds.networks).toMatchObject({ state: 'failed', complete: false });
    expect(two?.kinds.networks.rows.map((row) => row.id)).toEqual(['b']);
  });

  it('fails every listing of a region whose Neutron cannot be found, not the other regions', async () => {
    const missing = new OpenStackError('no endpoint', { kind: 'config', cloud: 'ams', region: 'two', service: 'network' });
    const result = await loadCloudNetworks(fakeSource({ one: { networks: [[network('a')]] }, two: { endpoint: missing } }));
    expect(Object.values(result.regions[1]?.kinds ?? {}).every((load) => load.state === 'failed' && load.error === missing)).toBe(true);
    expect(result.regions[0]?.kinds.networks.rows).toHaveLength(1);
  });

  it('streams: progress snapshots grow page by page', async () => {
    const seen: number[] = [];
    await loadCloudNetworks(fakeSource({ one: { networks: [[network('a')], [network('b')]] } }), { onProgress: (snapshot) => seen.push(networkRowsOf(snapshot).length) });
    expect(seen).toContain(1);
    expect(seen.at(-1)).toBe(2);
  });
});

describe('loadProjectsNetworks', () => {
  const demo = { id: 'p-demo', name: 'demo' };
  const ops = { id: 'p-ops', name: 'ops' };

  it('reads each project through its own client, names the project of every source and row, and lists a resource both see once', async () => {
    const shared = network('ext', 'p-admin');
    const result = await loadProjectsNetworks([
      { project: demo, client: fakeSource({ one: { networks: [[network('d', 'p-demo'), shared]] } }) },
      { project: ops, client: fakeSource({ one: { networks: [[network('o', 'p-ops'), shared]] } }) },
    ]);
    expect(result.regions.map((region) => `${region.project?.name}/${region.region}`)).toEqual(['demo/one', 'ops/one']);
    expect(networkRowsOf(result).map((row) => `${row.id}:${row.project}`)).toEqual(['d:demo', 'ext:', 'o:ops']);
  });

  it('keeps the other projects when one cannot sign in, and fails the cloud only when none can', async () => {
    const refused = new OpenStackError('no role', { kind: 'unauthorized', cloud: 'ams', status: 401 });
    const refuse = () => Promise.reject(refused);
    const partial = await loadProjectsNetworks([
      { project: demo, client: fakeSource({ one: { networks: [[network('d', 'p-demo')]] } }) },
      { project: ops, client: fakeSource({ one: {} }, refuse) },
    ]);
    expect(networkRowsOf(partial).map((row) => row.id)).toEqual(['d']);
    expect(partial.failedProjects).toEqual([{ project: ops, error: refused }]);
    await expect(
      loadProjectsNetworks([
        { project: demo, client: fakeSource({ one: {} }, refuse) },
        { project: ops, client: fakeSource({ one: {} }, refuse) },
      ]),
    ).rejects.toBe(refused);
  });

  it('is the single-client load for the cloud\'s own project, naming rows of the session\'s project', async () => {
    const session = { roles: ['member'], project: { id: 'p-demo', name: 'demo' } } as unknown as CloudSession;
    const result = await loadProjectsNetworks([{ client: fakeSource({ one: { networks: [[network('d', 'p-demo'), network('x', 'p-other')]] } }, async () => session) }]);
    expect(result.regions[0]?.project).toBeUndefined();
    expect(networkRowsOf(result).map((row) => `${row.id}:${row.project}`)).toEqual(['d:demo', 'x:']);
  });
});

describe('mergeNetworksRefresh', () => {
  it('keeps the previous rows of a listing while it reloads or when it now fails', async () => {
    const before = await loadCloudNetworks(fakeSource({ one: { networks: [[network('a')]], ports: [[port('p')]] } }));
    const during = await loadCloudNetworks(fakeSource({ one: { networks: [[network('b')]], ports: [broken()] } }));
    const merged = mergeNetworksRefresh(before, during);
    expect(merged.regions[0]?.kinds.networks.rows.map((row) => row.id)).toEqual(['b']);
    expect(merged.regions[0]?.kinds.ports).toMatchObject({ state: 'failed' });
    expect(merged.regions[0]?.kinds.ports.rows.map((row) => row.id)).toEqual(['p']);
  });

  it('matches a region to its own project\'s earlier load, not another project\'s', async () => {
    const demo = { id: 'p-demo', name: 'demo' };
    const ops = { id: 'p-ops', name: 'ops' };
    const before = await loadProjectsNetworks([
      { project: demo, client: fakeSource({ one: { networks: [[network('d')]] } }) },
      { project: ops, client: fakeSource({ one: { networks: [[network('o')]] } }) },
    ]);
    const during = await loadProjectsNetworks([
      { project: demo, client: fakeSource({ one: { networks: [broken()] } }) },
      { project: ops, client: fakeSource({ one: { networks: [broken()] } }) },
    ]);
    const merged = mergeNetworksRefresh(before, during);
    expect(merged.regions.map((region) => `${region.project?.name}:${region.kinds.networks.rows.map((row) => row.id).join()}`)).toEqual(['demo:d', 'ops:o']);
  });
});
