import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Hypervisor } from '../../openstack/index.ts';
import type { RegionCapacity } from '../inventory/capacity-load.ts';
import { toHostCapacityRow, type HostCapacityRow } from '../inventory/capacity-placement.ts';
import { buildTopology, FLEET_ID } from './build-topology.ts';
import { CAPACITY_PRESSURE_PERCENT, cloudPlacementOf, type CloudPlacement, type RegionPlacement } from './capacity-pressure.ts';
import type { TopologyGraph, TopologyNode } from './topology-graph.ts';
import type { RegionTopology } from './topology-input.ts';
import { cloud, forbiddenError, networkError, region } from './testing/topology-fixtures.ts';

const node = (graph: TopologyGraph, id: string): TopologyNode => {
  const found = graph.byId.get(id);
  if (!found) throw new Error(`no node ${id} in ${graph.nodes.map((n) => n.id).join(', ')}`);
  return found;
};

interface Usage {
  vcpus?: [used: number, total: number];
  memoryMb?: [used: number, total: number];
}

/** A Placement provider as /capacity reads it: VCPU at allocation ratio 4, MEMORY_MB with 512 MB reserved, as Nova's defaults. */
function provider(name: string, usage: Usage): HostCapacityRow {
  const [vcpuUsed, vcpuTotal] = usage.vcpus ?? [0, 16];
  const [memUsed, memTotal] = usage.memoryMb ?? [0, 65536];
  const inventory = (total: number, reserved: number, ratio: number) => ({ total, reserved, min_unit: 1, max_unit: total, step_size: 1, allocation_ratio: ratio });
  return toHostCapacityRow(
    { uuid: `uuid-${name}`, name, generation: 1 },
    { resource_provider_generation: 1, inventories: { VCPU: inventory(vcpuTotal, 0, 4), MEMORY_MB: inventory(memTotal, 512, 1) } },
    { resource_provider_generation: 1, usages: { VCPU: vcpuUsed, MEMORY_MB: memUsed } },
    { cloud: 'c', region: 'r' },
  );
}

/** The region's hypervisors replaced: what Nova lists as nodes of its compute hosts. */
function withHypervisors(data: RegionTopology, nodes: (hypervisor: Hypervisor) => Hypervisor[]): RegionTopology {
  if (data.hypervisors.state !== 'ok') throw new Error('the fixture lists no hypervisors');
  return { ...data, hypervisors: { state: 'ok', value: data.hypervisors.value.flatMap(nodes) } };
}

const placed = (regions: Record<string, RegionPlacement>): CloudPlacement => ({ regions: new Map(Object.entries(regions)) });
const ok = (...hosts: HostCapacityRow[]): RegionPlacement => ({ state: 'ok', hosts });

const threeHosts = () =>
  region('r', {
    hosts: [
      { host: 'cmp-1', zone: 'az1' },
      { host: 'cmp-2', zone: 'az1' },
      { host: 'cmp-3', zone: 'az1' },
    ],
  });

describe('capacity pressure from Placement', () => {
  it('makes a host at or over the threshold degraded, in words, and one under it not', () => {
    // VCPU capacity is 16 × 4 = 64: 60 is 93 %, 58 is 90 % (rounded down, as /capacity shows), 57 is 89 %.
    const placement = placed({ r: ok(provider('cmp-1', { vcpus: [60, 16] }), provider('cmp-2', { vcpus: [58, 16] }), provider('cmp-3', { vcpus: [57, 16] })) });
    const graph = buildTopology([cloud('c', [threeHosts()], { placement })]);
    const [over, at, under] = ['cmp-1', 'cmp-2', 'cmp-3'].map((host) => node(graph, `host:c/r/${host}`)) as [TopologyNode, TopologyNode, TopologyNode];
    expect(over).toMatchObject({ health: 'degraded', problems: ['VCPU 93 % of capacity (Placement)'] });
    expect(at).toMatchObject({ health: 'degraded', problems: ['VCPU 90 % of capacity (Placement)'] });
    expect(under).toMatchObject({ health: 'ok', problems: [] });
    expect(under.placement).toEqual([
      { resourceClass: 'VCPU', used: 57, capacity: 64, percent: 89 },
      { resourceClass: 'MEMORY_MB', used: 0, capacity: 65024, percent: 0 },
    ]);
    expect(CAPACITY_PRESSURE_PERCENT).toBe(90);
  });

  it('names every full class of a host', () => {
    const placement = placed({ r: ok(provider('cmp-1', { vcpus: [64, 16], memoryMb: [60000, 65536] })) });
    const graph = buildTopology([cloud('c', [region('r', { hosts: [{ host: 'cmp-1', zone: 'az1' }] })], { placement })]);
    expect(node(graph, 'host:c/r/cmp-1').problems).toEqual(['VCPU 100 % of capacity (Placement)', 'MEMORY_MB 92 % of capacity (Placement)']);
  });

  it('rolls up to the fleet: counts of hosts under pressure and the worst health on every ancestor', () => {
    const placement = placed({ r: ok(provider('cmp-1', { vcpus: [64, 16] }), provider('cmp-2', { vcpus: [62, 16] }), provider('cmp-3', { vcpus: [1, 16] })) });
    const calm = placed({ r: ok(provider('cmp-9', { vcpus: [1, 16] })) });
    const graph = buildTopology([
      cloud('c', [threeHosts()], { placement }),
      cloud('d', [region('r', { hosts: [{ host: 'cmp-9', zone: 'az1' }] })], { placement: calm }),
    ]);
    for (const id of ['site:c/r//az1', 'region:c/r', 'cloud:c', FLEET_ID]) {
      expect([id, node(graph, id).health, node(graph, id).counts.underPressure]).toEqual([id, 'degraded', 2]);
    }
    expect([node(graph, 'cloud:d').health, node(graph, 'cloud:d').counts.underPressure]).toEqual(['ok', 0]);
  });

  it('maps a provider through the hypervisors listing when the node name differs from the compute host', () => {
    const renamed = withHypervisors(threeHosts(), (h) => [{ ...h, hypervisor_hostname: `${h.service.host}.dc1.example.net` }]);
    const placement = placed({ r: ok(provider('cmp-2.dc1.example.net', { vcpus: [63, 16] }), provider('cmp-1.dc1.example.net', { vcpus: [1, 16] })) });
    const graph = buildTopology([cloud('c', [renamed], { placement })]);
    expect(node(graph, 'host:c/r/cmp-2').problems).toEqual(['VCPU 98 % of capacity (Placement)']);
    expect(node(graph, 'host:c/r/cmp-1').health).toBe('ok');
    // A host Placement does not list is not claimed to be fine.
    expect(node(graph, 'host:c/r/cmp-3')).toMatchObject({ health: 'ok', notes: expect.arrayContaining(['capacity unknown: not in Placement']) });
    expect(node(graph, 'host:c/r/cmp-3').placement).toBeUndefined();
  });

  it('sums a host with several nodes and notes providers that match no compute host', () => {
    const twoNodes = withHypervisors(region('r', { hosts: [{ host: 'ironic-1', zone: 'az1' }] }), (h) =>
      ['node-a', 'node-b'].map((name) => ({ ...h, hypervisor_hostname: name })),
    );
    const placement = placed({ r: ok(provider('node-a', { vcpus: [30, 16] }), provider('node-b', { vcpus: [30, 16] }), provider('stray', {})) });
    const graph = buildTopology([cloud('c', [twoNodes], { placement })]);
    expect(node(graph, 'host:c/r/ironic-1').placement?.[0]).toEqual({ resourceClass: 'VCPU', used: 60, capacity: 128, percent: 46 });
    expect(node(graph, 'region:c/r').notes).toContain('1 Placement provider match no compute host');
  });

  it('a 403 from Placement: the region needs admin and its hosts claim no pressure either way', () => {
    const placement = placed({ r: { state: 'forbidden' } });
    const graph = buildTopology([cloud('c', [threeHosts()], { placement })]);
    const regionNode = node(graph, 'region:c/r');
    expect(regionNode).toMatchObject({ health: 'needs-admin', problems: [], errors: [] });
    expect(regionNode.notes).toContain('capacity unknown: needs admin');
    expect(node(graph, 'host:c/r/cmp-1')).toMatchObject({ health: 'ok', notes: [] });
    expect(node(graph, 'host:c/r/cmp-1').placement).toBeUndefined();
    expect(node(graph, FLEET_ID).health).toBe('needs-admin');
  });

  it('a failing Placement: the region fails with the error, up to the fleet', () => {
    const error = networkError('c');
    const graph = buildTopology([cloud('c', [threeHosts()], { placement: placed({ r: { state: 'failed', error } }) })]);
    const regionNode = node(graph, 'region:c/r');
    expect(regionNode).toMatchObject({ health: 'failing', problems: ['capacity unknown: Placement could not be read'], errors: [error] });
    expect(node(graph, FLEET_ID).health).toBe('failing');
  });

  it('a capacity query that failed outright fails every region; one not answered yet only says it waits', () => {
    const error = networkError('c');
    const failed = buildTopology([cloud('c', [threeHosts()], { placement: cloudPlacementOf({ error }) })]);
    expect(node(failed, 'region:c/r')).toMatchObject({ health: 'failing', errors: [error] });

    const waiting = buildTopology([cloud('c', [threeHosts()], { placement: cloudPlacementOf({}) })]);
    expect(node(waiting, 'region:c/r')).toMatchObject({ health: 'ok', notes: expect.arrayContaining(['capacity: waiting for Placement']) });
    expect(node(waiting, 'host:c/r/cmp-1').notes).toEqual([]);
  });

  it('Placement only changes health and words, never the graph the layout is keyed by', () => {
    const shape = (graph: TopologyGraph) => [graph.nodes.map((n) => n.id), graph.edges.map((e) => e.id)];
    const without = buildTopology([cloud('c', [threeHosts()])]);
    const withPressure = buildTopology([cloud('c', [threeHosts()], { placement: placed({ r: ok(provider('cmp-1', { vcpus: [64, 16] }), provider('stray', {})) }) })]);
    expect(shape(withPressure)).toEqual(shape(without));
  });

  it('with every project of a cloud read, a project that may read Placement wins over one that may not', () => {
    const part = (state: 'ok' | 'needs-admin' | 'loading', project: string): RegionCapacity => ({
      region: 'r',
      project: { id: project, name: project },
      quota: { state: 'ok', rows: [] },
      placement: state === 'ok' ? { state, rows: [provider('cmp-1', { vcpus: [64, 16] })] } : { state, rows: [], error: state === 'needs-admin' ? forbiddenError('c') : undefined },
    });
    const merged = cloudPlacementOf({ data: { cloud: 'c', regions: [part('needs-admin', 'a'), part('ok', 'b'), part('loading', 'c')] } });
    expect(merged.regions.get('r')).toMatchObject({ state: 'ok', hosts: [{ host: 'cmp-1' }] });
    const denied = cloudPlacementOf({ data: { cloud: 'c', regions: [part('needs-admin', 'a')] } });
    expect(denied.regions.get('r')?.state).toBe('forbidden');
  });

  it('on generated fleets, a host is under pressure exactly when a class reaches the threshold', () => {
    const host = fc.record({
      vcpuTotal: fc.integer({ min: 1, max: 128 }),
      vcpuShare: fc.double({ min: 0, max: 1, noNaN: true }),
      memTotal: fc.integer({ min: 1024, max: 1_048_576 }),
      memShare: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(host, { minLength: 1, maxLength: 30 }), (hosts) => {
        const names = hosts.map((_, i) => `cmp-${i + 1}`);
        const rows = hosts.map((h, i) =>
          provider(names[i] as string, {
            vcpus: [Math.floor(h.vcpuShare * h.vcpuTotal * 4), h.vcpuTotal],
            memoryMb: [Math.floor(h.memShare * (h.memTotal - 512)), h.memTotal],
          }),
        );
        const graph = buildTopology([cloud('c', [region('r', { hosts: names.map((name) => ({ host: name, zone: 'az1' })) })], { placement: placed({ r: ok(...rows) }) })]);
        const expected = rows.filter((row) => (row.pressure ?? 0) >= CAPACITY_PRESSURE_PERCENT).map((row) => row.host);
        const degraded = graph.nodes.filter((n) => n.level === 'host' && n.health === 'degraded').map((n) => n.label);
        expect(degraded).toEqual(expected);
        expect(node(graph, FLEET_ID).counts.underPressure).toBe(expected.length);
        expect(node(graph, FLEET_ID).health).toBe(expected.length > 0 ? 'degraded' : 'ok');
      }),
    );
  });
});
