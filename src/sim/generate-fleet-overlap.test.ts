import { describe, expect, it } from 'vitest';
import { parseFleetSpec } from './fleet-spec.ts';
import { generateFleet } from './generate-fleet.ts';

describe('the fleet’s fixed address conflict', () => {
  it('gives the 1st site cloud 172.16.8.0/24 and the 2nd 172.16.0.0/16, under other names, whatever the seed', () => {
    for (const seed of [1, 7, 42]) {
      const model = generateFleet(parseFleetSpec(`regional=1x2,sites=3,seed=${seed}`));
      const blocks = model.clouds.map((cloud) => {
        const region = model.region(cloud.index, cloud.regions[0] as string);
        const names = new Map(region.networks.map((network) => [network.id, network.name]));
        return region.subnets.filter((subnet) => String(subnet.cidr).startsWith('172.16.')).map((subnet) => `${names.get(subnet.network_id)} ${String(subnet.cidr)}`);
      });
      expect(blocks).toEqual([[], ['shared-services 172.16.8.0/24'], ['legacy-dmz 172.16.0.0/16'], []]);
    }
  });
});
