import { describe, expect, it } from 'vitest';
import type { FleetModel } from './generate-fleet.ts';
import { generateFleet } from './generate-fleet.ts';
import { DEFAULT_FLEET_SPEC, parseFleetSpec } from './fleet-spec.ts';

function everything(model: FleetModel): unknown[] {
  return model.clouds.flatMap((c) => [model.identity(c.index), ...c.regions.map((r) => model.region(c.index, r))]);
}

describe('generateFleet', () => {
  it('lays out the default fleet with realistic names', () => {
    const model = generateFleet(parseFleetSpec(DEFAULT_FLEET_SPEC));
    expect(model.clouds.map((c) => c.name)).toEqual(['core', 'ams', 'fra', 'par', 'lon', 'mad', 'waw', 'edge-retail']);
    expect(model.clouds[0]?.regions).toEqual(['eu-west-1', 'eu-central-1', 'us-east-1']);
    const edge = model.clouds[7];
    expect(edge?.sites).toHaveLength(40);
    expect(edge?.sites[0]).toBe('store-001');
    const region = model.region(0, 'eu-west-1');
    expect(region.hypervisors[0]?.hostname).toMatch(/^cmp-eu-west-1-c1-\d{3}$/);
    expect(model.identity(0).projects.map((p) => p.name).slice(0, 2)).toEqual(['admin', 'demo']);
  });

  it('is deterministic for a seed, whatever order parts are generated in, and differs across seeds', () => {
    const spec = parseFleetSpec('regional=1x2,sites=3,edge=1x4,servers=20,seed=42');
    const a = generateFleet(spec);
    const b = generateFleet(spec);
    b.region(3, 'RegionOne'); // generate out of order first
    expect(JSON.stringify(everything(b))).toBe(JSON.stringify(everything(a)));
    const c = generateFleet({ ...spec, seed: 43 });
    expect(JSON.stringify(everything(c))).not.toBe(JSON.stringify(everything(a)));
  });

  it('keeps placement usage and hypervisor usage consistent with the servers', () => {
    const model = generateFleet(parseFleetSpec('sites=2,servers=60,seed=3'));
    const region = model.region(0, 'RegionOne');
    for (const h of region.hypervisors) {
      const mine = region.servers.filter((s) => region.hypervisors[s.hypervisor] === h);
      expect(h.runningVms).toBe(mine.length);
      expect(h.vcpusUsed).toBe(mine.reduce((n, s) => n + (region.flavors[s.flavor]?.vcpus ?? 0), 0));
      expect(h.memoryMbUsed).toBe(512 + mine.reduce((n, s) => n + (region.flavors[s.flavor]?.ram ?? 0), 0));
    }
    const demo = region.quotas[1];
    expect(demo?.used.instances).toBe(region.servers.filter((s) => s.project === 1).length);
    expect(region.servers.filter((s) => s.status === 'ERROR').every((s) => s.hypervisor === -1 && s.faultMessage !== null)).toBe(true);
  });

  it('gives parity views work: a keypair and an image missing in some clouds, overlapping CIDRs', () => {
    const model = generateFleet(parseFleetSpec('sites=12,servers=4,seed=7'));
    const regions = model.clouds.map((c) => model.region(c.index, 'RegionOne'));
    const hasKey = regions.map((r) => r.keypairs.some((k) => k.name === 'ci-runner'));
    expect(hasKey).toContain(true);
    expect(hasKey).toContain(false);
    const hasRocky = regions.map((r) => r.images.some((i) => i.name === 'rocky-9.4'));
    expect(hasRocky).toContain(true);
    expect(hasRocky).toContain(false);
    const demoCidrs = regions.map((r) => r.subnets.find((s) => s.name === 'private-demo-subnet')?.cidr);
    expect(new Set(demoCidrs)).toEqual(new Set(['10.0.0.0/24']));
    expect(regions.some((r) => r.subnets.some((s) => s.ip_version === 6))).toBe(true);
  });

  it('pages every server port in Neutron order exactly once', () => {
    const model = generateFleet(parseFleetSpec('regional=1x1,servers=40,seed=5'));
    const region = model.region(0, 'eu-west-1');
    const withPorts = region.servers.filter((s) => s.networkId !== '').length;
    expect(region.portOrder.filter((r) => r >= 0)).toHaveLength(withPorts);
    expect(new Set(region.portOrder).size).toBe(region.portOrder.length);
  });
});
