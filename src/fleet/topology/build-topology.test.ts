import { describe, expect, it } from 'vitest';
import { buildTopology, FLEET_ID, NO_CELL, NO_SITE } from './build-topology.ts';
import type { TopologyGraph, TopologyLevel, TopologyNode } from './topology-graph.ts';
import { cloud, networkError, region, type HostSpec, type RegionSpec } from './testing/topology-fixtures.ts';

const node = (graph: TopologyGraph, id: string): TopologyNode => {
  const found = graph.byId.get(id);
  if (!found) throw new Error(`no node ${id} in ${graph.nodes.map((n) => n.id).join(', ')}`);
  return found;
};
const labels = (graph: TopologyGraph, level: TopologyLevel) => graph.nodes.filter((n) => n.level === level).map((n) => n.label);
const childLabels = (graph: TopologyGraph, id: string) => node(graph, id).childIds.map((child) => node(graph, child).label);

const cellHosts = (stem: string, cells: number, perCell: number): HostSpec[] =>
  Array.from({ length: cells * perCell }, (_, i) => ({
    host: `cmp-${stem}-c${Math.floor(i / perCell) + 1}-${String((i % perCell) + 1).padStart(3, '0')}`,
    zone: `${stem}${'abc'[i % 3]}`,
    servers: { ACTIVE: 2 },
  }));

describe('buildTopology: the three deployment models', () => {
  it('regional: one shared Keystone, one cloud, several regions', () => {
    const regions = ['eu-west-1', 'eu-central-1', 'us-east-1'].map((name) => region(name, { hosts: cellHosts(name, 1, 3) }));
    const graph = buildTopology([cloud('core', regions)]);
    expect(labels(graph, 'domain')).toEqual(['core.example.net:5000']);
    expect(childLabels(graph, 'cloud:core')).toEqual(['eu-west-1', 'eu-central-1', 'us-east-1']);
    expect(node(graph, 'cloud:core').descendants).toEqual({ region: 3, site: 9, host: 9 });
    expect(node(graph, FLEET_ID).counts.servers).toEqual({ ACTIVE: 18 });
  });

  it('clouds signing in at the same Keystone are one identity domain; others are domains of their own', () => {
    const shared = 'https://keystone.example.net/v3';
    const graph = buildTopology([
      cloud('core-a', [], { identity: shared }),
      cloud('ams', []),
      cloud('core-b', [], { identity: shared }),
    ]);
    expect(childLabels(graph, FLEET_ID)).toEqual(['keystone.example.net', 'ams.example.net:5000']);
    expect(childLabels(graph, graph.nodes[1]?.id as string)).toEqual(['core-a', 'core-b']);
  });

  it('federation: clouds trusting one identity provider are linked to it, across their Keystones', () => {
    const graph = buildTopology([
      cloud('ams', [], { federation: 'https://id.example.net/realms/ops' }),
      cloud('fra', [], { federation: 'https://id.example.net/realms/ops' }),
      cloud('lab', [], { federation: 'sso (openid)' }),
      cloud('par', []),
    ]);
    expect(labels(graph, 'trust')).toEqual(['https://id.example.net/realms/ops', 'sso (openid)']);
    const ops = graph.nodes.find((n) => n.level === 'trust') as TopologyNode;
    expect(ops.notes).toEqual(['trusted by 2 clouds: ams, fra']);
    expect(graph.links.filter((link) => link.source === ops.id).map((link) => [link.kind, link.target])).toEqual([
      ['federation', 'cloud:ams'],
      ['federation', 'cloud:fra'],
    ]);
    // The trust is beside the Keystones, never their parent: each cloud keeps its own identity domain.
    expect(labels(graph, 'domain')).toHaveLength(4);
    expect(ops.childIds).toEqual([]);
  });

  it('shared-nothing sites: one Keystone, one region and one site per cloud', () => {
    const names = ['ams', 'fra', 'par'];
    const graph = buildTopology(names.map((name) => cloud(name, [region('RegionOne', { hosts: [{ host: `cmp-${name}-c1-001`, zone: 'nova' }] })])));
    expect(labels(graph, 'domain')).toHaveLength(3);
    expect(labels(graph, 'cloud')).toEqual(names);
    expect(node(graph, FLEET_ID).descendants).toEqual({ domain: 3, cloud: 3, region: 3, site: 3, host: 3 });
  });

  it('edge: one region with many sites, one per availability zone', () => {
    const hosts = Array.from({ length: 40 }, (_, i) => ({ host: `store-${String(i + 1).padStart(3, '0')}-cmp-1`, zone: `store-${String(i + 1).padStart(3, '0')}` }));
    const graph = buildTopology([cloud('edge-retail', [region('eu-edge-1', { hosts })])]);
    const regionNode = node(graph, 'region:edge-retail/eu-edge-1');
    expect(regionNode.descendants).toEqual({ site: 40, host: 40 });
    expect(regionNode.notes).toContain('cells unknown');
    expect(childLabels(graph, regionNode.id).slice(0, 2)).toEqual(['store-001', 'store-002']);
  });

  it('gives the same ids, order and counts for the same input', () => {
    const input = () => [cloud('core', [region('r1', { hosts: cellHosts('r1', 2, 4) })], { rules: { cells: { from: 'host-pattern', pattern: '-(c\\d+)-' } } })];
    const a = buildTopology(input());
    const b = buildTopology(input());
    expect(a.nodes).toEqual(b.nodes);
    expect(a.edges).toEqual(b.edges);
    expect(new Set(a.nodes.map((n) => n.id)).size).toBe(a.nodes.length);
  });

  it('rebuilds only the clouds whose input changed, and the graph is the one a fresh build gives', () => {
    const ams = cloud('ams', [region('RegionOne', { hosts: cellHosts('ams', 1, 3) })]);
    const fra = cloud('fra', [region('RegionOne', { hosts: cellHosts('fra', 1, 3) })]);
    const first = buildTopology([ams, fra]);
    const fraDown = cloud('fra', [region('RegionOne', { hosts: [{ host: 'cmp-fra-1', zone: 'fra', state: 'down' }] })]);
    const second = buildTopology([ams, fraDown]);

    expect(node(second, 'host:ams/RegionOne/cmp-ams-c1-001')).toBe(node(first, 'host:ams/RegionOne/cmp-ams-c1-001'));
    expect(node(second, 'cloud:fra').health).toBe('failing');
    expect(node(second, FLEET_ID).health).toBe('failing');
    const fresh = buildTopology([cloud('ams', [region('RegionOne', { hosts: cellHosts('ams', 1, 3) })]), fraDown]);
    expect(second.nodes).toEqual(fresh.nodes);
    expect(second.edges).toEqual(fresh.edges);
  });

  it('keeps names with separators apart in ids', () => {
    const graph = buildTopology([
      cloud('a/b', [region('c', { hosts: [{ host: 'h', zone: 'z' }] })]),
      cloud('a', [region('b/c', { hosts: [{ host: 'h', zone: 'z' }] })]),
    ]);
    expect(new Set(graph.nodes.map((n) => n.id)).size).toBe(graph.nodes.length);
  });
});

describe('buildTopology: cells', () => {
  const hosts = cellHosts('eu-west-1', 2, 3);

  it('by a host-name pattern', () => {
    const graph = buildTopology([cloud('core', [region('eu-west-1', { hosts })], { rules: { cells: { from: 'host-pattern', pattern: '-(c\\d+)-' } } })]);
    expect(childLabels(graph, 'region:core/eu-west-1')).toEqual(['c1', 'c2']);
    expect(node(graph, 'cell:core/eu-west-1/c2').descendants).toEqual({ site: 3, host: 3 });
    // A site spread over two cells appears under both, and counts once in the region.
    expect(node(graph, 'region:core/eu-west-1').descendants).toEqual({ cell: 2, site: 3, host: 6 });
  });

  it('by aggregate metadata', () => {
    const aggregates: RegionSpec['aggregates'] = [
      { name: 'cell-one', hosts: hosts.slice(0, 3).map((h) => h.host), metadata: { cell: 'cell1' } },
      { name: 'cell-two', hosts: hosts.slice(3).map((h) => h.host), metadata: { cell: 'cell2' } },
      { name: 'ssd', hosts: hosts.map((h) => h.host), metadata: { ssd: 'true' } },
    ];
    const graph = buildTopology([cloud('core', [region('eu-west-1', { hosts, aggregates })], { rules: { cells: { from: 'aggregate-metadata', key: 'cell' } } })]);
    expect(childLabels(graph, 'region:core/eu-west-1')).toEqual(['cell1', 'cell2']);
    expect(childLabels(graph, 'cell:core/eu-west-1/cell1')).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
  });

  it('by an explicit host map, with unmapped hosts in a cell of their own', () => {
    const rules = { cells: { from: 'host-map', hosts: { 'cmp-eu-west-1-c1-001': 'north', 'cmp-eu-west-1-c2-001': 'south' } } } as const;
    const graph = buildTopology([cloud('core', [region('eu-west-1', { hosts })], { rules })]);
    expect(childLabels(graph, 'region:core/eu-west-1')).toEqual([NO_CELL, 'north', 'south']);
    expect(node(graph, `cell:core/eu-west-1/${encodeURIComponent(NO_CELL)}`).descendants.host).toBe(4);
  });

  it('shows "cells unknown" without a rule, with a rule no host matches, and with a broken pattern', () => {
    for (const rules of [{}, { cells: { from: 'host-pattern', pattern: '^rack-(\\d+)' } }, { cells: { from: 'host-pattern', pattern: '(' } }] as const) {
      const graph = buildTopology([cloud('core', [region('eu-west-1', { hosts })], { rules })]);
      expect(labels(graph, 'cell')).toEqual([]);
      expect(node(graph, 'region:core/eu-west-1').notes).toContain('cells unknown');
      expect(childLabels(graph, 'region:core/eu-west-1')).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
    }
  });
});

describe('buildTopology: sites', () => {
  const hosts = [
    { host: 'h1', zone: 'az1' },
    { host: 'h2', zone: 'az1' },
    { host: 'h3', zone: 'az2' },
  ];

  it('by availability zone, the default', () => {
    const graph = buildTopology([cloud('c', [region('r', { hosts })])]);
    expect(labels(graph, 'site')).toEqual(['az1', 'az2']);
    expect(childLabels(graph, 'site:c/r//az1')).toEqual(['h1', 'h2']);
  });

  it('by availability zone from the services listing when AZ detail is missing', () => {
    const graph = buildTopology([cloud('c', [region('r', { hosts, failed: ['availabilityZones'] })])]);
    expect(labels(graph, 'site')).toEqual(['az1', 'az2']);
  });

  it('by aggregate metadata, with hosts outside every aggregate in no site', () => {
    const aggregates = [{ name: 'x', hosts: ['h1', 'h3'], metadata: { site: 'berlin-dc2' } }];
    const graph = buildTopology([cloud('c', [region('r', { hosts, aggregates })], { rules: { sites: { from: 'aggregate-metadata', key: 'site' } } })]);
    expect(labels(graph, 'site')).toEqual([NO_SITE, 'berlin-dc2']);
    expect(childLabels(graph, 'site:c/r//berlin-dc2')).toEqual(['h1', 'h3']);
  });

  it('one site for the whole cloud', () => {
    const graph = buildTopology([cloud('tower-17', [region('r', { hosts })], { rules: { sites: { from: 'whole-cloud' } } })]);
    expect(labels(graph, 'site')).toEqual(['tower-17']);
    expect(node(graph, 'cloud:tower-17').descendants).toEqual({ region: 1, site: 1, host: 3 });
  });
});

describe('buildTopology: health rolls up', () => {
  const ids = ['host:c/r/h2', 'site:c/r//az1', 'region:c/r', 'cloud:c', 'domain:https%3A%2F%2Fc.example.net%3A5000%2Fv3', FLEET_ID];

  it('a down host makes every ancestor failing, and counts as down', () => {
    const graph = buildTopology([
      cloud('c', [region('r', { hosts: [{ host: 'h1', zone: 'az1' }, { host: 'h2', zone: 'az1', state: 'down' }] })]),
      cloud('d', [region('r', { hosts: [{ host: 'h1', zone: 'az1' }] })]),
    ]);
    for (const id of ids) expect([id, node(graph, id).health]).toEqual([id, 'failing']);
    expect(node(graph, 'host:c/r/h2').problems).toEqual(['compute service down']);
    expect(node(graph, 'cloud:d').health).toBe('ok');
    expect(node(graph, FLEET_ID).counts.hosts).toEqual({ up: 2, down: 1, disabled: 0, unknown: 0 });
  });

  it('a disabled host and servers in ERROR are degraded, not failing', () => {
    const graph = buildTopology([
      cloud('c', [region('r', { hosts: [{ host: 'h1', zone: 'az1', status: 'disabled' }, { host: 'h2', zone: 'az1', servers: { ACTIVE: 3, ERROR: 1 } }] })]),
    ]);
    expect(node(graph, 'host:c/r/h1').problems).toEqual(['disabled: maintenance']);
    expect(node(graph, 'host:c/r/h2').problems).toEqual(['1 of 4 servers in ERROR']);
    for (const id of ids) expect([id, node(graph, id).health]).toEqual([id, 'degraded']);
    expect(node(graph, FLEET_ID).counts.servers).toEqual({ ACTIVE: 3, ERROR: 1 });
  });

  it('a failing cloud is failing up to the fleet and keeps its error', () => {
    const error = networkError('c');
    const graph = buildTopology([cloud('c', [], { status: 'failing', error, data: undefined }), cloud('d', [])]);
    expect(node(graph, 'cloud:c')).toMatchObject({ health: 'failing', errors: [error], problems: ['the API is failing'] });
    expect(node(graph, FLEET_ID).health).toBe('failing');
  });

  it('a failing region is failing; the other regions keep their hosts', () => {
    const graph = buildTopology([
      cloud('c', [region('r', { hosts: [{ host: 'h1', zone: 'az1' }] }), region('bad', { hosts: [], failed: ['hypervisors', 'services', 'availabilityZones', 'aggregates', 'servers'] })]),
    ]);
    expect(node(graph, 'region:c/bad').health).toBe('failing');
    expect(node(graph, 'region:c/bad').errors).toHaveLength(5);
    expect(node(graph, 'region:c/r').health).toBe('ok');
    expect(node(graph, 'cloud:c').descendants.host).toBe(1);
  });

  it('403 on admin listings (a non-admin) is "needs admin", never failing', () => {
    const graph = buildTopology([
      cloud('c', [region('r', { hosts: [], forbidden: ['hypervisors', 'services', 'availabilityZones', 'aggregates'], unplaced: { ACTIVE: 4 } })]),
      cloud('d', [region('r', { hosts: [{ host: 'h1', zone: 'az1' }] })]),
    ]);
    const regionNode = node(graph, 'region:c/r');
    expect(regionNode.health).toBe('needs-admin');
    expect(regionNode.notes).toContain('needs admin: hypervisors, compute services, availability zones, host aggregates');
    expect(regionNode.counts.servers).toEqual({ ACTIVE: 4 });
    expect(node(graph, FLEET_ID).health).toBe('needs-admin');
  });

  it('a failure elsewhere still wins over "needs admin"', () => {
    const graph = buildTopology([
      cloud('c', [region('r', { hosts: [], forbidden: ['hypervisors', 'services'] })]),
      cloud('d', [], { status: 'failing' }),
    ]);
    expect(node(graph, FLEET_ID).health).toBe('failing');
  });

  it('a cloud not answered yet is pending, and one still loading does not hide a failure', () => {
    expect(node(buildTopology([cloud('c', [], { status: 'pending', data: undefined })]), FLEET_ID).health).toBe('pending');
    const graph = buildTopology([cloud('c', [], { status: 'pending', data: undefined }), cloud('d', [], { status: 'unauthorized' })]);
    expect(node(graph, FLEET_ID).health).toBe('failing');
  });

  it('servers on hosts it does not know are counted at the region', () => {
    const graph = buildTopology([cloud('c', [region('r', { hosts: [], unplaced: { BUILD: 1, ERROR: 2 } })])]);
    expect(node(graph, 'region:c/r')).toMatchObject({ health: 'degraded', counts: { servers: { BUILD: 1, ERROR: 2 } } });
  });
});
