import { describe, expect, it } from 'vitest';
import { buildTopology, FLEET_ID } from '../fleet/topology/build-topology.ts';
import { loadCloudTopology } from '../fleet/topology/load-cloud-topology.ts';
import type { TopologyGraph } from '../fleet/topology/topology-graph.ts';
import type { CloudTopologyInput } from '../fleet/topology/topology-input.ts';
import { DEMO_TOPOLOGY_RULES, rulesFor, type CloudRules } from '../fleet/topology/topology-rules.ts';
import { createCloudClient, createHttpPolicy } from '../openstack/index.ts';
// The fleet model is the simulator's own truth: the topology read over the wire must match it.
import { generateFleet } from '../sim/generate-fleet.ts';
import { createSimFleet, type SimFleet } from '../sim/index.ts';
import { simFetch, simOriginFor } from './sim-target.ts';

/** The topology of the named clouds, read through the real client from the in-process simulator. */
async function topologyOf(sim: SimFleet, names: readonly string[], rules: (cloud: string) => CloudRules): Promise<TopologyGraph> {
  const policy = createHttpPolicy({ fetch: simFetch(sim), retry: { maxAttempts: 1 } });
  const inputs = await Promise.all(
    sim
      .clouds()
      .filter((info) => names.includes(info.name))
      .map(async (info): Promise<CloudTopologyInput> => {
        const client = createCloudClient({
          cloud: info.name,
          authUrl: info.authUrl,
          auth: { type: 'password', username: info.username, userDomainName: info.userDomainName, password: info.password },
          scope: { projectName: info.projectName, projectDomainName: info.projectDomainName },
          policy,
        });
        const base = { cloud: info.name, identity: info.authUrl, rules: rules(info.name) };
        try {
          return { ...base, status: 'ok', data: await loadCloudTopology(client) };
        } catch (error) {
          return { ...base, status: 'failing', error };
        }
      }),
  );
  return buildTopology(inputs);
}

const demoRules = (cloud: string) => rulesFor(DEMO_TOPOLOGY_RULES, cloud);
const node = (graph: TopologyGraph, id: string) => graph.byId.get(id);

describe('the topology of the simulated fleet', () => {
  const spec = 'regional=1x3,sites=2,edge=1x40,servers=12,seed=7';
  const sim = createSimFleet(spec, { originFor: simOriginFor });
  const model = generateFleet(sim.spec);
  const truth = (cloudIndex: number) => {
    const layout = model.clouds[cloudIndex];
    const regions = (layout?.regions ?? []).map((region) => model.region(cloudIndex, region));
    return {
      hosts: regions.reduce((sum, region) => sum + region.hypervisors.length, 0),
      down: regions.reduce((sum, region) => sum + region.hypervisors.filter((h) => h.state === 'down').length, 0),
      disabled: regions.reduce((sum, region) => sum + region.hypervisors.filter((h) => h.status === 'disabled').length, 0),
      servers: regions.reduce((sum, region) => sum + region.servers.length, 0),
      errors: regions.reduce((sum, region) => sum + region.servers.filter((s) => s.status === 'ERROR').length, 0),
    };
  };

  it('shows the three models: shared-Keystone regions, own-Keystone sites, an edge cloud of many sites', async () => {
    const graph = await topologyOf(sim, ['core', 'ams', 'fra', 'edge-retail'], demoRules);
    expect(node(graph, FLEET_ID)?.descendants).toMatchObject({ domain: 4, cloud: 4, region: 6 });
    expect(node(graph, 'cloud:core')?.childIds).toEqual(['region:core/eu-west-1', 'region:core/eu-central-1', 'region:core/us-east-1']);
    expect(node(graph, 'region:core/eu-west-1')?.childIds).toEqual(['cell:core/eu-west-1/c1']);
    const zones = new Set(model.region(0, 'eu-west-1').hypervisors.map((h) => h.az));
    expect(node(graph, 'cell:core/eu-west-1/c1')?.descendants.site).toBe(zones.size);
    expect(node(graph, 'cloud:ams')?.descendants).toMatchObject({ region: 1, cell: 1, site: 1 });
    expect(node(graph, 'region:edge-retail/eu-edge-1')?.descendants.site).toBe(40);
    expect(node(graph, 'region:edge-retail/eu-edge-1')?.notes).toContain('cells unknown');
  });

  it('counts every host, down host and server the simulator holds', async () => {
    const graph = await topologyOf(sim, ['core', 'ams', 'edge-retail'], demoRules);
    for (const [index, name] of [[0, 'core'], [1, 'ams'], [3, 'edge-retail']] as const) {
      const expected = truth(index);
      const cloud = node(graph, `cloud:${name}`);
      const hosts = cloud?.counts.hosts;
      const servers = Object.values(cloud?.counts.servers ?? {}).reduce((a, b) => a + b, 0);
      expect([name, hosts && hosts.up + hosts.down + hosts.disabled, hosts?.down, servers, cloud?.counts.servers.ERROR ?? 0]).toEqual([
        name, expected.hosts, expected.down, expected.servers, expected.errors,
      ]);
      const health = expected.down > 0 ? 'failing' : expected.errors + expected.disabled > 0 ? 'degraded' : 'ok';
      expect([name, cloud?.health]).toEqual([name, health]);
    }
  });

  it('derives the same cells from the host-name pattern and from the cell aggregates', async () => {
    const cells = createSimFleet('regional=1x1,cells=3,servers=60,seed=3', { originFor: simOriginFor });
    const byPattern = await topologyOf(cells, ['core'], () => ({ cells: { from: 'host-pattern', pattern: '-c(\\d+)-' } }));
    const byAggregate = await topologyOf(cells, ['core'], () => ({ cells: { from: 'aggregate-metadata', key: 'cell' } }));
    const hostsPerCell = (graph: TopologyGraph) =>
      graph.nodes.filter((n) => n.level === 'cell').map((cell) => [cell.label.replace(/^cell/, ''), cell.descendants.host]);
    expect(hostsPerCell(byPattern)).toEqual([['1', expect.any(Number)], ['2', expect.any(Number)], ['3', expect.any(Number)]]);
    expect(hostsPerCell(byAggregate)).toEqual(hostsPerCell(byPattern));
  });

  it('derives edge sites from the aggregates’ metadata as well as from availability zones', async () => {
    const graph = await topologyOf(sim, ['edge-retail'], () => ({ sites: { from: 'aggregate-metadata', key: 'availability_zone' } }));
    expect(node(graph, 'region:edge-retail/eu-edge-1')?.descendants.site).toBe(40);
    const hosts = model.region(3, 'eu-edge-1').hypervisors.filter((h) => h.az === 'store-007');
    expect(node(graph, 'site:edge-retail/eu-edge-1//store-007')?.childIds).toEqual(hosts.map((h) => `host:edge-retail/eu-edge-1/${h.hostname}`));
  });

  it('a cloud that is down is failing up to the fleet; the others keep their hosts', async () => {
    const faulty = createSimFleet('sites=2,servers=4,seed=7,fault.ams=down', { originFor: simOriginFor });
    const graph = await topologyOf(faulty, ['ams', 'fra'], demoRules);
    expect(node(graph, 'cloud:ams')?.health).toBe('failing');
    expect(node(graph, FLEET_ID)?.health).toBe('failing');
    expect(node(graph, 'cloud:fra')?.descendants.host).toBeGreaterThan(0);
  });

  it('a non-admin sees "needs admin" instead of hosts, and still its servers', async () => {
    const member = createSimFleet('sites=1,servers=10,seed=7,fault.ams=role:member', { originFor: simOriginFor });
    const graph = await topologyOf(member, ['ams'], demoRules);
    const region = node(graph, 'region:ams/RegionOne');
    expect(region?.health).toBe('needs-admin');
    expect(region?.descendants.host).toBeUndefined();
    expect(Object.values(region?.counts.servers ?? {}).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(node(graph, FLEET_ID)?.health).toBe('needs-admin');
  });

  it('hosts of a cell that does not answer are failing, with their state unknown', async () => {
    const down = createSimFleet('regional=1x1,cells=2,servers=20,seed=7,fault.core=cellsdown', { originFor: simOriginFor });
    const graph = await topologyOf(down, ['core'], demoRules);
    const cell2 = graph.nodes.find((n) => n.level === 'cell' && n.label === 'c2');
    expect(cell2?.counts.hosts.unknown).toBeGreaterThan(0);
    expect(cell2?.health).toBe('failing');
  });
});
