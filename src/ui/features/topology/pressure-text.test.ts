import { describe, expect, it } from 'vitest';
import type { HostCapacityRow } from '../../../fleet/inventory/capacity-placement.ts';
import { buildTopology } from '../../../fleet/topology/build-topology.ts';
import { cloud, region } from '../../../fleet/topology/testing/topology-fixtures.ts';
import { statusLine } from './node-text.ts';
import { pressureSummary } from './pressure-text.ts';

const row = (host: string, percent: number): HostCapacityRow => ({
  key: host,
  cloud: 'ams',
  region: 'RegionOne',
  uuid: host,
  host,
  meters: { VCPU: { used: percent, limit: 100, percent } },
  pressure: percent,
});

const graph = buildTopology([
  cloud('ams', [region('RegionOne', { hosts: ['h1', 'h2', 'h3'].map((host) => ({ host, zone: 'az1', servers: { ACTIVE: 1 } })) })], {
    placement: { regions: new Map([['RegionOne', { state: 'ok', hosts: [row('h1', 95), row('h2', 91), row('h3', 10)] }]]) },
  }),
]);
const node = (id: string) => {
  const found = graph.byId.get(id);
  if (!found) throw new Error(id);
  return found;
};

describe('capacity pressure in words', () => {
  it('a collapsed cloud or region counts its hosts under pressure', () => {
    expect(statusLine(node('cloud:ams'))).toBe('2 under pressure · 3 servers');
    expect(pressureSummary(node('cloud:ams'))).toBe('2 of 3 hosts under pressure');
    expect(pressureSummary(node('region:ams/RegionOne'))).toBe('2 of 3 hosts under pressure');
  });

  it('a host says it is under pressure; its classes are in its details, not in a summary', () => {
    expect(statusLine(node('host:ams/RegionOne/h1'))).toBe('under pressure · 1 server');
    expect(statusLine(node('host:ams/RegionOne/h3'))).toBe('1 server');
    expect(pressureSummary(node('host:ams/RegionOne/h1'))).toBe('');
  });
});
