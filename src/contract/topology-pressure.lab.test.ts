import { describe, expect, it } from 'vitest';
import { loadCloudCapacity } from '../fleet/inventory/capacity-load.ts';
import { buildTopology } from '../fleet/topology/build-topology.ts';
import { cloudPlacementOf } from '../fleet/topology/capacity-pressure.ts';
import { loadCloudTopology } from '../fleet/topology/load-cloud-topology.ts';
import { contractClient } from './contract-client.ts';
import { createLabTarget } from './lab-target.ts';
import { readLabJson } from './node/read-lab-json.ts';

const lab = createLabTarget(readLabJson(), globalThis.fetch.bind(globalThis));
/** The lab's clouds with compute hosts: Placement has a provider for each of their nodes. */
const withHosts = lab.clouds.filter((cloud) => cloud.regions.some((region) => (region.counts.hypervisors ?? 1) > 0));

describe('capacity pressure on the real lab', () => {
  it('has a cloud with compute hosts to measure', () => {
    expect(withHosts.map((cloud) => cloud.name)).not.toEqual([]);
  });

  for (const cloud of withHosts) {
    it(`${cloud.name}: real Placement's providers map to every compute host Nova lists, by hypervisor_hostname`, async () => {
      const note = cloud.unavailable.placement ?? cloud.unavailable.compute;
      if (note) throw new Error(note);
      const { client } = contractClient(lab.fetch, cloud);
      const [data, capacity] = await Promise.all([loadCloudTopology(client), loadCloudCapacity(client)]);
      const graph = buildTopology([{ cloud: cloud.name, identity: cloud.authUrl, status: 'ok', data, placement: cloudPlacementOf({ data: capacity }) }]);
      const hosts = graph.nodes.filter((node) => node.level === 'host');
      expect(hosts.length).toBeGreaterThan(0);
      for (const host of hosts) {
        expect([host.label, host.placement?.map((meter) => meter.resourceClass)]).toEqual([host.label, expect.arrayContaining(['VCPU', 'MEMORY_MB'])]);
        expect(host.notes).not.toContain('capacity unknown: not in Placement');
      }
      for (const region of graph.nodes.filter((node) => node.level === 'region')) {
        expect([region.label, region.notes.filter((text) => text.includes('Placement'))]).toEqual([region.label, []]);
      }
    });
  }
});
