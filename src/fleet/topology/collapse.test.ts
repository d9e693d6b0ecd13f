import { describe, expect, it } from 'vitest';
import { buildTopology, FLEET_ID } from './build-topology.ts';
import { collapse, defaultExpanded } from './collapse.ts';
import { ancestorsOf } from './topology-graph.ts';
import { cloud, region } from './testing/topology-fixtures.ts';

const graph = buildTopology([
  cloud('core', [
    region('r1', { hosts: [{ host: 'h1', zone: 'az1' }, { host: 'h2', zone: 'az2', state: 'down' }] }),
    region('r2', { hosts: [{ host: 'h3', zone: 'az1', status: 'disabled' }] }),
  ]),
  cloud('ams', [region('RegionOne', { hosts: [{ host: 'h1', zone: 'nova' }] })]),
]);
const ids = (visible: ReturnType<typeof collapse>) => visible.nodes.map((entry) => entry.node.id);

describe('collapse', () => {
  it('opens on the fleet, its domains and collapsed clouds that carry their counts', () => {
    const visible = collapse(graph, defaultExpanded(graph));
    expect(visible.nodes.map((entry) => entry.node.level)).toEqual(['fleet', 'domain', 'cloud', 'domain', 'cloud']);
    const core = visible.nodes.find((entry) => entry.node.id === 'cloud:core');
    expect(core).toMatchObject({ expandable: true, expanded: false, node: { descendants: { region: 2, site: 3, host: 3 }, health: 'failing' } });
    expect(visible.edges).toHaveLength(4);
    expect(visible.edges.every((edge) => ids(visible).includes(edge.source) && ids(visible).includes(edge.target))).toBe(true);
  });

  it('shows the children of an expanded node only', () => {
    const expanded = new Set([...defaultExpanded(graph), 'cloud:core', 'region:core/r1']);
    const visible = collapse(graph, expanded);
    expect(ids(visible)).toContain('site:core/r1//az2');
    expect(ids(visible)).not.toContain('site:core/r2//az1');
    expect(ids(visible)).not.toContain('host:core/r1/h2');
    expect(visible.nodes.find((entry) => entry.node.id === 'region:core/r1')?.expanded).toBe(true);
  });

  it('shows nothing below a collapsed ancestor, even when the descendant is marked expanded', () => {
    const visible = collapse(graph, new Set([FLEET_ID, 'cloud:core']));
    expect(visible.nodes.map((entry) => entry.node.level)).toEqual(['fleet', 'domain', 'domain']);
  });

  it('keeps a connected tree of the unhealthy nodes when filtering by health', () => {
    const everything = new Set(graph.nodes.map((node) => node.id));
    const failing = collapse(graph, everything, { minHealth: 'failing' });
    expect(ids(failing)).toEqual([...ancestorsOf(graph, 'host:core/r1/h2'), 'host:core/r1/h2']);
    expect(failing.edges).toHaveLength(ids(failing).length - 1);
    const degraded = collapse(graph, everything, { minHealth: 'degraded' });
    expect(ids(degraded)).toContain('host:core/r2/h3');
    expect(ids(degraded)).not.toContain('cloud:ams');
  });

  it('a node whose children are all filtered out is not expandable', () => {
    const visible = collapse(graph, new Set(graph.nodes.map((node) => node.id)), { minHealth: 'failing' });
    expect(visible.nodes.at(-1)).toMatchObject({ expandable: false, expanded: false });
  });

  it('draws a link between the visible nodes that stand for its ends, once per pair', () => {
    const federated = buildTopology([
      cloud('a', [region('r', { hosts: [{ host: 'h', zone: 'z' }] })], { federation: 'idp', identity: 'https://k/v3' }),
      cloud('b', [], { federation: 'idp', identity: 'https://k/v3' }),
    ]);
    const domain = 'domain:https%3A%2F%2Fk%2Fv3';
    const open = collapse(federated, new Set([FLEET_ID, domain]));
    expect(open.links.map((link) => [link.source, link.target])).toEqual([
      ['trust:idp', 'cloud:a'],
      ['trust:idp', 'cloud:b'],
    ]);
    // With the shared Keystone closed, both clouds are behind it: one link remains.
    const closed = collapse(federated, new Set([FLEET_ID]));
    expect(closed.links.map((link) => [link.source, link.target])).toEqual([['trust:idp', domain]]);
  });
});
