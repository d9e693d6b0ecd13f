import { describe, expect, it } from 'vitest';
import { buildTopology, FLEET_ID } from './build-topology.ts';
import { collapse, defaultExpanded } from './collapse.ts';
import { nodeRelations } from './relation-links.ts';
import { cloud, region } from './testing/topology-fixtures.ts';
import type { TopologyGraph } from './topology-graph.ts';
import { imageRelations, networkRelations, type ImageFact, type RelationSource, type SubnetFact } from './topology-relations.ts';

const host = (name: string) => ({ hosts: [{ host: `${name}-cmp-1`, zone: 'nova' }] });

/** `clouds` clouds named c0…, each with the given regions. */
function fleet(clouds: number, regions: readonly string[] = ['RegionOne']): TopologyGraph {
  return buildTopology(Array.from({ length: clouds }, (_, i) => cloud(`c${i}`, regions.map((name) => region(name, host(name), `c${i}`)))));
}

const subnet = (cloud: string, region: string, cidr: string, network: string, id = `${cloud}-${region}-${cidr}`): SubnetFact => ({ cloud, region, id, cidr, network });
const image = (cloud: string, region: string, name: string, digest = `md5-${name}`): ImageFact => ({ cloud, region, name, digest });
const ok = (cloud: string): RelationSource => ({ cloud, state: 'ok' });

/** Everything open: every region is its own visible node. */
function shownOpen(graph: TopologyGraph): Set<string> {
  return new Set(collapse(graph, new Set(graph.nodes.map((node) => node.id))).nodes.map((entry) => entry.node.id));
}
function shownDefault(graph: TopologyGraph): Set<string> {
  return new Set(collapse(graph, defaultExpanded(graph)).nodes.map((entry) => entry.node.id));
}

describe('network relations', () => {
  const graph = fleet(3);
  const sources = ['c0', 'c1', 'c2'].map(ok);

  it('tells a stretched segment (same name, same CIDR) from an address conflict, with the CIDRs in the label', () => {
    const networks = networkRelations(
      [
        subnet('c0', 'RegionOne', '203.0.113.0/24', 'provider'),
        subnet('c1', 'RegionOne', '203.0.113.0/24', 'provider'),
        subnet('c0', 'RegionOne', '10.0.0.0/24', 'web'),
        subnet('c2', 'RegionOne', '10.0.0.0/16', 'legacy'),
        subnet('c1', 'RegionOne', '192.168.0.0/24', 'db'),
      ],
      sources,
    );
    const relations = nodeRelations(graph, shownOpen(graph), 'region:c0/RegionOne', { networks });
    expect(relations?.anchorId).toBe('region:c0/RegionOne');
    expect(relations?.links).toEqual([
      { id: 'network-overlap:region:c0/RegionOne~region:c2/RegionOne', source: 'region:c0/RegionOne', target: 'region:c2/RegionOne', kind: 'network-overlap', label: '10.0.0.0/24 ↔ 10.0.0.0/16' },
      { id: 'network-span:region:c0/RegionOne~region:c1/RegionOne', source: 'region:c0/RegionOne', target: 'region:c1/RegionOne', kind: 'network-span', label: '203.0.113.0/24' },
    ]);
    expect(relations?.targets.find((target) => target.kind === 'network-overlap')?.examples).toEqual([
      { kind: 'network-overlap', mine: '10.0.0.0/24', other: '10.0.0.0/16', place: expect.objectContaining({ cloud: 'c2', region: 'RegionOne' }), network: 'legacy' },
    ]);
  });

  it('counts identical blocks of another name as a conflict, and nothing within one region or for one subnet seen by two regions', () => {
    const two = fleet(1, ['r1', 'r2']);
    const networks = networkRelations(
      [
        subnet('c0', 'r1', '10.0.0.0/24', 'web', 'a'),
        subnet('c0', 'r1', '10.0.0.0/24', 'db', 'b'),
        // One Neutron behind both regions' catalogs: the same subnet listed twice.
        subnet('c0', 'r2', '10.0.0.0/24', 'web', 'a'),
        subnet('c0', 'r2', '172.16.0.0/24', 'app', 'c'),
      ],
      [ok('c0')],
    );
    const relations = nodeRelations(two, shownOpen(two), 'region:c0/r2', { networks });
    expect(relations?.links.map((link) => [link.kind, link.target])).toEqual([['network-overlap', 'region:c0/r1']]);
    expect(relations?.targets[0]?.examples[0]).toMatchObject({ mine: '10.0.0.0/24', network: 'db' });
  });

  it('draws from the stand-in of a host to the stand-ins of the other regions, once per pair', () => {
    const networks = networkRelations(
      [subnet('c0', 'RegionOne', '10.0.0.0/24', 'a'), subnet('c1', 'RegionOne', '10.0.0.0/25', 'b'), subnet('c1', 'RegionOne', '10.0.0.128/25', 'c')],
      sources,
    );
    const shown = new Set([...shownDefault(graph), 'cloud:c0', 'region:c0/RegionOne', 'site:c0/RegionOne//nova', 'host:c0/RegionOne/RegionOne-cmp-1']);
    const relations = nodeRelations(graph, shown, 'host:c0/RegionOne/RegionOne-cmp-1', { networks });
    expect(relations?.anchorId).toBe('region:c0/RegionOne');
    // c1 is collapsed: its region's two conflicting blocks are one link to the cloud, counting both.
    expect(relations?.links).toEqual([expect.objectContaining({ source: 'region:c0/RegionOne', target: 'cloud:c1', label: '2 overlaps' })]);
  });

  it('has no relations for the fleet, and none drawn to the anchor’s own ancestors', () => {
    const networks = networkRelations([subnet('c0', 'RegionOne', '10.0.0.0/24', 'a'), subnet('c1', 'RegionOne', '10.0.0.0/24', 'b')], sources);
    expect(nodeRelations(graph, shownOpen(graph), FLEET_ID, { networks })).toBeUndefined();
    const withTwoRegions = fleet(1, ['r1', 'r2']);
    const inCloud = networkRelations([subnet('c0', 'r1', '10.0.0.0/24', 'a'), subnet('c0', 'r2', '10.0.0.0/24', 'b')], [ok('c0')]);
    // r2 hidden (the view filters by health): its stand-in is the cloud, r1's own parent, so nothing is drawn.
    const shown = new Set([FLEET_ID, 'domain:https%3A%2F%2Fc0.example.net%3A5000%2Fv3', 'cloud:c0', 'region:c0/r1']);
    expect(nodeRelations(withTwoRegions, shown, 'region:c0/r1', { networks: inCloud })?.links).toEqual([]);
  });

  it('says which regions are unknown, never "no overlap"', () => {
    const networks = networkRelations(
      [subnet('c0', 'RegionOne', '10.0.0.0/24', 'a')],
      [ok('c0'), { cloud: 'c1', region: 'RegionOne', state: 'failed', reason: 'Cannot reach the API' }, { cloud: 'c2', state: 'loading' }],
    );
    expect(nodeRelations(graph, shownOpen(graph), 'cloud:c0', { networks })?.unknown.networks).toEqual({ mine: [], others: 2 });
    expect(nodeRelations(graph, shownOpen(graph), 'region:c1/RegionOne', { networks })?.unknown.networks).toEqual({
      mine: ['c1/RegionOne: Cannot reach the API'],
      others: 1,
    });
  });

  it('counts a cloud that failed before its regions were known as unknown, and names it when selected', () => {
    const withDead = buildTopology([cloud('c0', [region('RegionOne', host('RegionOne'), 'c0')]), cloud('dead', [], { status: 'failing', data: undefined })]);
    const networks = networkRelations([subnet('c0', 'RegionOne', '10.0.0.0/24', 'a')], [ok('c0'), { cloud: 'dead', state: 'failed', reason: 'Cannot reach the API' }]);
    expect(nodeRelations(withDead, shownOpen(withDead), 'cloud:c0', { networks })?.unknown.networks).toEqual({ mine: [], others: 1 });
    expect(nodeRelations(withDead, shownOpen(withDead), 'cloud:dead', { networks })?.unknown.networks).toEqual({ mine: ['dead: Cannot reach the API'], others: 0 });
  });

  it('keeps a CIDR shared by 1,000 regions as one group and draws at most the cap, saying how many more', () => {
    const big = fleet(1000);
    const facts = Array.from({ length: 1000 }, (_, i) => subnet(`c${i}`, 'RegionOne', '10.0.0.0/24', i % 2 === 0 ? 'private' : 'other'));
    const networks = networkRelations(facts, Array.from({ length: 1000 }, (_, i) => ok(`c${i}`)));
    expect(networks.groups).toHaveLength(1);
    expect([...networks.nested.values()].flat()).toHaveLength(0);
    const relations = nodeRelations(big, shownDefault(big), 'cloud:c0', { networks }, { maxLinks: 10 });
    expect(relations?.links.filter((link) => link.kind === 'network-span')).toHaveLength(10);
    expect(relations?.links.filter((link) => link.kind === 'network-overlap')).toHaveLength(10);
    expect(relations?.notDrawn).toEqual({ 'network-span': 499 - 10, 'network-overlap': 500 - 10, 'image-replica': 0 });
  });

  it('finds nested blocks in one sweep of the distinct ones', () => {
    const networks = networkRelations(
      [subnet('c0', 'RegionOne', '10.0.0.0/8', 'a'), subnet('c1', 'RegionOne', '10.1.0.0/16', 'b'), subnet('c2', 'RegionOne', '10.1.2.0/24', 'c'), subnet('c2', 'RegionOne', '11.0.0.0/24', 'd')],
      sources,
    );
    expect(networks.nested).toEqual(new Map([[0, [1, 2]], [1, [0, 2]], [2, [0, 1]]]));
  });
});

describe('image replicas', () => {
  it('groups images by their data and links the selected region to every other holder, counting images per pair', () => {
    const graph = fleet(3);
    const images = imageRelations(
      [
        image('c0', 'RegionOne', 'cirros'),
        image('c0', 'RegionOne', 'ubuntu'),
        image('c0', 'RegionOne', 'unuploaded', ''),
        image('c1', 'RegionOne', 'cirros-copy', 'md5-cirros'),
        image('c1', 'RegionOne', 'ubuntu'),
        image('c2', 'RegionOne', 'ubuntu', 'md5-other-build'),
        image('c2', 'RegionOne', 'unuploaded', ''),
      ],
      ['c0', 'c1', 'c2'].map(ok),
    );
    expect(images.groups.map((group) => [group.name, group.places.length])).toEqual([['cirros', 2], ['ubuntu', 2], ['ubuntu', 1]]);
    const relations = nodeRelations(graph, shownOpen(graph), 'region:c0/RegionOne', { images });
    expect(relations?.links).toEqual([
      { id: 'image-replica:region:c0/RegionOne~region:c1/RegionOne', source: 'region:c0/RegionOne', target: 'region:c1/RegionOne', kind: 'image-replica', label: '2 images' },
    ]);
  });

  it('keeps 1,000 regions holding cirros as one group; a selected cloud gets one link per other visible cloud, capped', () => {
    const big = fleet(1000);
    const images = imageRelations(Array.from({ length: 1000 }, (_, i) => image(`c${i}`, 'RegionOne', 'cirros')), Array.from({ length: 1000 }, (_, i) => ok(`c${i}`)));
    expect(images.groups).toHaveLength(1);
    const relations = nodeRelations(big, shownDefault(big), 'cloud:c5', { images });
    expect(relations?.links).toHaveLength(24);
    expect(relations?.links.every((link) => link.source === 'cloud:c5' && link.label === 'cirros')).toBe(true);
    expect(relations?.notDrawn['image-replica']).toBe(999 - 24);
  });

  it('counts one image once per pair when a cloud holds it in several regions', () => {
    const graph = fleet(2, ['r1', 'r2', 'r3']);
    const images = imageRelations(['r1', 'r2', 'r3'].flatMap((r) => [image('c0', r, 'cirros'), image('c1', r, 'cirros')]), [ok('c0'), ok('c1')]);
    const relations = nodeRelations(graph, shownDefault(graph), 'cloud:c0', { images });
    expect(relations?.links).toEqual([expect.objectContaining({ source: 'cloud:c0', target: 'cloud:c1', label: 'cirros' })]);
  });
});
