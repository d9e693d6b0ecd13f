import { describe, expect, it } from 'vitest';
import type { SimHypervisor } from './fleet-model.ts';
import { DEFAULT_FLEET_SPEC, parseFleetSpec } from './fleet-spec.ts';
import { generateFleet } from './generate-fleet.ts';

/** Placement's share of a host's memory in use, as placement-api.ts serves it: (used − 512) / (total − 512). */
const memoryShare = (h: SimHypervisor) => (h.memoryMbUsed - 512) / (h.memoryMb - 512);
const vcpuShare = (h: SimHypervisor) => h.vcpusUsed / (h.vcpus * 4);
const diskShare = (h: SimHypervisor) => h.localGbUsed / h.localGb;
const pressed = (h: SimHypervisor) => Math.max(memoryShare(h), vcpuShare(h), diskShare(h)) >= 0.9;

/** "cloud/region/host" of every host at 90 % or more of a Placement class. */
function hostsUnderPressure(spec: string): string[] {
  const model = generateFleet(parseFleetSpec(spec));
  return model.clouds.flatMap((cloud) =>
    cloud.regions.flatMap((region) => model.region(cloud.index, region).hypervisors.filter(pressed).map((h) => `${cloud.name}/${region}/${h.hostname}`)),
  );
}

describe('hosts under capacity pressure', () => {
  it('the demo fleet has exactly one, packed in memory, in the third site cloud and in the third region of its regional cloud', () => {
    const found = hostsUnderPressure(DEFAULT_FLEET_SPEC);
    expect(found.map((key) => key.split('/').slice(0, 2).join('/'))).toEqual(['core/us-east-1', 'par/RegionOne']);
    const model = generateFleet(parseFleetSpec(DEFAULT_FLEET_SPEC));
    const par = model.region(model.clouds.findIndex((cloud) => cloud.name === 'par'), 'RegionOne');
    const packed = par.hypervisors.filter(pressed);
    expect(packed.map((h) => [h.state, h.status, Math.floor(memoryShare(h) * 100)])).toEqual([['up', 'enabled', 93]]);
    // Nova's hypervisor view stays consistent with Placement: never more allocated than the host has.
    expect(packed[0]?.memoryMb).toBeGreaterThanOrEqual(packed[0]?.memoryMbUsed ?? Infinity);
  });

  it('a fleet without a third site cloud or region has none', () => {
    expect(hostsUnderPressure('regional=1x2,sites=2,edge=1x6,servers=6,seed=9')).toEqual([]);
  });

  it('a region without servers has nothing to pack', () => {
    expect(hostsUnderPressure('regional=1x3,sites=3,servers=0,seed=7')).toEqual([]);
  });
});
