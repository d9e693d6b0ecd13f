import { describe, expect, it } from 'vitest';
import { OpenStackError, type CloudSession, type Server } from '../../openstack/index.ts';
import { loadCloudTopology, type TopologySource } from './load-cloud-topology.ts';
import { forbiddenError, networkError } from './testing/topology-fixtures.ts';

type Compute = Awaited<ReturnType<TopologySource['compute']>>;

const server = (status: string, host: string | null): Server =>
  ({ id: `${status}-${host}`, name: 'vm', status, 'OS-EXT-SRV-ATTR:host': host }) as unknown as Server;

async function* pages<T>(...batches: T[][]): AsyncGenerator<T[]> {
  for (const batch of batches) yield batch;
}

function compute(overrides: Partial<Compute> = {}): Compute {
  return {
    availabilityZones: async () => [],
    aggregates: async () => [],
    hypervisors: () => pages(),
    services: async () => [],
    servers: () => pages(),
    ...overrides,
  };
}

function source(regions: Record<string, Compute | Error>, roles = ['admin']): TopologySource & { allTenants: boolean[] } {
  const allTenants: boolean[] = [];
  return {
    cloud: 'ams',
    allTenants,
    session: () => undefined,
    signIn: async () => ({ roles }) as CloudSession,
    regions: () => Object.keys(regions),
    async compute(region) {
      const api = regions[region];
      if (api instanceof Error) throw api;
      return {
        ...(api as Compute),
        servers: (options) => {
          allTenants.push(options?.allTenants ?? false);
          return (api as Compute).servers(options);
        },
      };
    },
  };
}

describe('loadCloudTopology', () => {
  it('counts servers by host and status over every page, without a host apart', async () => {
    const result = await loadCloudTopology(
      source({ one: compute({ servers: () => pages([server('ACTIVE', 'h1'), server('ERROR', 'h1')], [server('ACTIVE', 'h1'), server('BUILD', null)], []) }) }),
    );
    expect(result.regions[0]?.servers).toEqual({ state: 'ok', value: { byHost: { h1: { ACTIVE: 2, ERROR: 1 } }, unplaced: { BUILD: 1 } } });
  });

  it('reads every page of hypervisors', async () => {
    const hypervisor = (id: string) => ({ id }) as never;
    const result = await loadCloudTopology(source({ one: compute({ hypervisors: () => pages([hypervisor('1'), hypervisor('2')], [hypervisor('3')]) }) }));
    const hypervisors = result.regions[0]?.hypervisors;
    expect(hypervisors?.state === 'ok' && hypervisors.value.map((h) => h.id)).toEqual(['1', '2', '3']);
  });

  it('turns a 403 on an admin listing into "forbidden" and keeps the rest', async () => {
    const denied = async () => {
      throw forbiddenError('ams');
    };
    const result = await loadCloudTopology(
      source({ one: compute({ aggregates: denied, services: denied, servers: () => pages([server('ACTIVE', null)]) }) }, ['member']),
    );
    const [one] = result.regions;
    expect(one?.aggregates.state).toBe('forbidden');
    expect(one?.services.state).toBe('forbidden');
    expect(one?.availabilityZones.state).toBe('ok');
    expect(one?.servers).toEqual({ state: 'ok', value: { byHost: {}, unplaced: { ACTIVE: 1 } } });
  });

  it('asks for every project’s servers only as an admin', async () => {
    const admin = source({ one: compute() });
    await loadCloudTopology(admin);
    const member = source({ one: compute() }, ['member']);
    await loadCloudTopology(member);
    expect([admin.allTenants, member.allTenants]).toEqual([[true], [false]]);
  });

  it('a failing region keeps its error and does not cost the other regions theirs', async () => {
    const error = networkError('ams');
    const result = await loadCloudTopology(source({ bad: error, good: compute({ services: async () => [] }) }));
    expect(result.regions.map((region) => [region.region, region.services.state, region.hypervisors.state])).toEqual([
      ['bad', 'failed', 'failed'],
      ['good', 'ok', 'ok'],
    ]);
    expect(result.regions[0]?.servers).toEqual({ state: 'failed', error });
  });

  it('fails as a whole only when sign-in fails', async () => {
    const failing = { ...source({ one: compute() }), signIn: () => Promise.reject(new OpenStackError('refused', { kind: 'network', cloud: 'ams' })) };
    await expect(loadCloudTopology(failing)).rejects.toThrow('refused');
  });

  it('gives up when cancelled instead of reporting the cancellation as a failed listing', async () => {
    const controller = new AbortController();
    const aborting = compute({
      services: async () => {
        controller.abort();
        throw new OpenStackError('aborted', { kind: 'aborted', cloud: 'ams' });
      },
    });
    await expect(loadCloudTopology(source({ one: aborting }), controller.signal)).rejects.toThrow('aborted');
  });
});
