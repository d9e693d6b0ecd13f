import { describe, expect, it } from 'vitest';
import { loadCloudCapacity } from '../fleet/inventory/capacity-load.ts';
import { buildTopology, FLEET_ID } from '../fleet/topology/build-topology.ts';
import { cloudPlacementOf } from '../fleet/topology/capacity-pressure.ts';
import { loadCloudTopology } from '../fleet/topology/load-cloud-topology.ts';
import type { TopologyGraph } from '../fleet/topology/topology-graph.ts';
import type { CloudTopologyInput } from '../fleet/topology/topology-input.ts';
import { DEMO_TOPOLOGY_RULES, rulesFor } from '../fleet/topology/topology-rules.ts';
import { createCloudClient, createHttpPolicy } from '../openstack/index.ts';
// The fleet model is the simulator's own truth: the pressure read over the wire must match it.
import { generateFleet } from '../sim/generate-fleet.ts';
import { createSimFleet, type SimFleet } from '../sim/index.ts';
import { simFetch, simOriginFor } from './sim-target.ts';

/** The topology with Placement, as /topology loads it: Nova's listings and the capacity inventory's Placement reads, through the real client. */
async function pressureTopologyOf(sim: SimFleet): Promise<TopologyGraph> {
  const policy = createHttpPolicy({ fetch: simFetch(sim), retry: { maxAttempts: 1 } });
  const inputs = await Promise.all(
    sim.clouds().map(async (info): Promise<CloudTopologyInput> => {
      const client = createCloudClient({
        cloud: info.name,
        authUrl: info.authUrl,
        auth: { type: 'password', username: info.username, userDomainName: info.userDomainName, password: info.password },
        scope: { projectName: info.projectName, projectDomainName: info.projectDomainName },
        policy,
      });
      const [data, capacity] = await Promise.all([loadCloudTopology(client), loadCloudCapacity(client)]);
      return { cloud: info.name, identity: info.authUrl, status: 'ok', data, placement: cloudPlacementOf({ data: capacity }), rules: rulesFor(DEMO_TOPOLOGY_RULES, info.name) };
    }),
  );
  return buildTopology(inputs);
}

describe('capacity pressure of the simulated fleet', () => {
  it('finds the packed host of the third site cloud, by the simulator\'s own numbers, and rolls it up to the fleet', async () => {
    const spec = 'sites=3,servers=12,seed=7';
    const model = generateFleet(createSimFleet(spec, { originFor: simOriginFor }).spec);
    const par = model.region(model.clouds.findIndex((cloud) => cloud.name === 'par'), 'RegionOne');
    const packed = par.hypervisors.filter((h) => (h.memoryMbUsed - 512) / (h.memoryMb - 512) >= 0.9);
    expect(packed).toHaveLength(1);
    const truth = packed[0];
    if (!truth) throw new Error('no packed host');
    const percent = Math.floor(((truth.memoryMbUsed - 512) / (truth.memoryMb - 512)) * 100);

    const graph = await pressureTopologyOf(createSimFleet(spec, { originFor: simOriginFor }));
    const host = graph.nodes.find((node) => node.level === 'host' && node.label === truth.hostname);
    expect(host?.problems).toContain(`MEMORY_MB ${percent} % of capacity (Placement)`);
    expect(host?.health).toBe('degraded');
    expect(host?.placement?.find((meter) => meter.resourceClass === 'MEMORY_MB')).toEqual({
      resourceClass: 'MEMORY_MB',
      used: truth.memoryMbUsed - 512,
      capacity: truth.memoryMb - 512,
      percent,
    });
    expect(graph.byId.get('cloud:par')?.counts.underPressure).toBe(1);
    expect(graph.byId.get(FLEET_ID)?.counts.underPressure).toBe(1);
    // Every other host was measured by Placement and is not under pressure.
    const measured = graph.nodes.filter((node) => node.level === 'host');
    expect(measured.every((node) => node.placement !== undefined)).toBe(true);
    expect(measured.filter((node) => node.counts.underPressure > 0).map((node) => node.label)).toEqual([truth.hostname]);
  });

  it('a non-admin: Placement answers 403, the region needs admin and no host claims any pressure', async () => {
    const graph = await pressureTopologyOf(createSimFleet('sites=1,servers=10,seed=7,fault.ams=role:member', { originFor: simOriginFor }));
    const region = graph.byId.get('region:ams/RegionOne');
    expect(region?.health).toBe('needs-admin');
    expect(region?.notes).toContain('capacity unknown: needs admin');
    expect(graph.byId.get(FLEET_ID)?.counts.underPressure).toBe(0);
  });
});
