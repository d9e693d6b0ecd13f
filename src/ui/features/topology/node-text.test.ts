import { describe, expect, it } from 'vitest';
import { buildTopology } from '../../../fleet/topology/build-topology.ts';
import { cloud, region } from '../../../fleet/topology/testing/topology-fixtures.ts';
import { accessibleName, statusLine, structureLine } from './node-text.ts';

const graph = buildTopology([
  cloud('ams', [
    region('RegionOne', {
      hosts: [
        { host: 'h1', zone: 'az1', servers: { ACTIVE: 3, ERROR: 1 } },
        { host: 'h2', zone: 'az2', state: 'down' },
      ],
    }),
  ]),
]);
const node = (id: string) => {
  const found = graph.byId.get(id);
  if (!found) throw new Error(id);
  return found;
};

describe('node text', () => {
  it('summarizes a collapsed cloud by its regions, sites and hosts', () => {
    expect(structureLine(node('cloud:ams'))).toBe('1 region · 2 sites · 2 hosts');
    expect(statusLine(node('cloud:ams'))).toBe('1 down · 4 servers, 1 in ERROR');
  });

  it('says what a host is', () => {
    expect(structureLine(node('host:ams/RegionOne/h2'))).toBe('');
    expect(statusLine(node('host:ams/RegionOne/h2'))).toBe('down');
    expect(statusLine(node('host:ams/RegionOne/h1'))).toBe('4 servers, 1 in ERROR');
  });

  it('names nodes for screen readers with their health', () => {
    expect(accessibleName(node('fleet'))).toBe('fleet: failing');
    expect(accessibleName(node('cloud:ams'))).toBe('cloud ams: failing');
    expect(accessibleName(node('site:ams/RegionOne//az1'))).toBe('site az1: degraded');
  });
});
