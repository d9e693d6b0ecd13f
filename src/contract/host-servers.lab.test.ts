import { describe, expect, it } from 'vitest';
import { isPartialServer } from '../openstack/index.ts';
import { loadHostServers } from '../fleet/topology/host-servers.ts';
import { contractClient } from './contract-client.ts';
import { createLabTarget } from './lab-target.ts';
import { readLabJson } from './node/read-lab-json.ts';

const lab = createLabTarget(readLabJson(), globalThis.fetch.bind(globalThis));
const withServers = lab.clouds.filter((cloud) => cloud.regions.some((region) => (region.counts.servers ?? 0) > 0));

describe("a host's servers on the real lab", () => {
  it('has a cloud with seeded servers', () => {
    expect(withServers.map((cloud) => cloud.name)).not.toEqual([]);
  });

  for (const cloud of withServers) {
    it(`${cloud.name}: Nova's host filter gives, host by host, exactly the servers the full listing places there`, async () => {
      const note = cloud.unavailable.compute;
      if (note) throw new Error(note);
      const { client } = contractClient(lab.fetch, cloud);
      await client.signIn();
      const region = cloud.regions[0]?.name as string;
      const byHost = new Map<string, string[]>();
      for await (const page of (await client.compute(region)).servers({ allTenants: true })) {
        for (const server of page) {
          const host = isPartialServer(server) ? undefined : server['OS-EXT-SRV-ATTR:host'];
          if (host) byHost.set(host, [...(byHost.get(host) ?? []), server.id]);
        }
      }
      expect(byHost.size).toBeGreaterThan(0);
      for (const [host, ids] of byHost) {
        const listed = await loadHostServers(client, region, host);
        expect([host, listed.servers.map((server) => server.id).sort(), listed.truncated]).toEqual([host, [...ids].sort(), false]);
      }
      expect(await loadHostServers(client, region, 'no-such-host')).toEqual({ servers: [], truncated: false });
    });
  }
});
