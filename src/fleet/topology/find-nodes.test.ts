import { describe, expect, it } from 'vitest';
import { buildTopology } from './build-topology.ts';
import { findNodes } from './find-nodes.ts';
import { cloud, region } from './testing/topology-fixtures.ts';

const graph = buildTopology([
  cloud('edge', [region('eu-edge-1', { hosts: [{ host: 'store-001-cmp-1', zone: 'store-001' }, { host: 'store-010-cmp-1', zone: 'store-010' }] })]),
]);

describe('findNodes', () => {
  it('ranks exact names first, then prefixes, then substrings; sites before hosts', () => {
    expect(findNodes(graph, 'store-001').map((node) => node.id)).toEqual(['site:edge/eu-edge-1//store-001', 'host:edge/eu-edge-1/store-001-cmp-1']);
    expect(findNodes(graph, 'CMP-1').map((node) => node.label)).toEqual(['store-001-cmp-1', 'store-010-cmp-1']);
  });

  it('finds clouds and regions too, never the fleet, and nothing for a blank query', () => {
    expect(findNodes(graph, 'edge').map((node) => node.level)).toEqual(['cloud', 'region']);
    expect(findNodes(graph, 'fleet')).toEqual([]);
    expect(findNodes(graph, '  ')).toEqual([]);
  });
});
