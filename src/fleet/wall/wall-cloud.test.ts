import { describe, expect, it } from 'vitest';
import { buildTopology } from '../topology/build-topology.ts';
import { cloud, forbiddenError, networkError, region } from '../topology/testing/topology-fixtures.ts';
import type { CloudTopologyInput } from '../topology/topology-input.ts';
import { byUrgency, summarizeWall, wallCloudOf, type WallCloud } from './wall-cloud.ts';

const NOW = 10_000_000;

function wallCloud(input: CloudTopologyInput, updatedAt = NOW - 40_000): WallCloud {
  const graph = buildTopology([input]);
  return wallCloudOf({ input, node: graph.byId.get(`cloud:${input.cloud}`), updatedAt, now: NOW });
}

const healthy = (name: string) =>
  cloud(name, [region('r1', { hosts: [{ host: 'h1', zone: 'az1', servers: { ACTIVE: 3, ERROR: 1 } }, { host: 'h2', zone: 'az1' }] }, name)]);

describe('wallCloudOf', () => {
  it('is up with its ERROR servers counted, its hosts known and the age of its data', () => {
    expect(wallCloud(healthy('ams'))).toEqual({ cloud: 'ams', state: 'up', errorServers: 1, hostsDown: 0, ageMs: 40_000 });
  });

  it('is down when sign-in fails, with the reason in words, and keeps the last known counts', () => {
    const result = wallCloud({ ...healthy('ams'), status: 'failing', error: networkError('ams') });
    expect(result).toMatchObject({ state: 'down', errorServers: 1, reason: expect.stringContaining('Cannot reach the API') });
  });

  it('is down when every region fails, degraded when only some do', () => {
    const failed = region('r1', { hosts: [], failed: ['servers', 'hypervisors', 'services', 'availabilityZones', 'aggregates'] }, 'ams');
    const fine = region('r2', { hosts: [{ host: 'h1', zone: 'az' }] }, 'ams');
    expect(wallCloud(cloud('ams', [failed])).state).toBe('down');
    expect(wallCloud(cloud('ams', [failed, fine]))).toMatchObject({ state: 'degraded', reason: '1 of 2 regions failing' });
  });

  it('is degraded by a host that is down, and says how many', () => {
    const input = cloud('ams', [region('r1', { hosts: [{ host: 'h1', zone: 'az', state: 'down' }, { host: 'h2', zone: 'az' }] }, 'ams')]);
    expect(wallCloud(input)).toMatchObject({ state: 'degraded', hostsDown: 1, reason: '1 host down' });
  });

  it('does not claim zero hosts down where it cannot see hosts (no admin role)', () => {
    const input = cloud('ams', [region('r1', { hosts: [{ host: 'h1', zone: 'az' }], forbidden: ['hypervisors', 'services'] }, 'ams')]);
    expect(wallCloud(input).hostsDown).toBeUndefined();
  });

  it('is waiting before the first answer and never down for lack of a secret', () => {
    expect(wallCloud(cloud('ams', [], { status: 'pending', data: undefined }), 0)).toEqual({
      cloud: 'ams',
      state: 'waiting',
      errorServers: 0,
      hostsDown: undefined,
      ageMs: undefined,
    });
    expect(wallCloud(cloud('ams', [], { status: 'signin-needed', data: undefined }), 0).state).toBe('signin-needed');
    expect(wallCloud({ ...healthy('ams'), status: 'forbidden', error: forbiddenError('ams') }).state).toBe('degraded');
  });
});

describe('summarizeWall', () => {
  it('counts clouds per state and adds up ERROR servers and the hosts down that are known', () => {
    const summary = summarizeWall([
      { cloud: 'a', state: 'up', errorServers: 2, hostsDown: 0 },
      { cloud: 'b', state: 'down', errorServers: 1 },
      { cloud: 'c', state: 'degraded', errorServers: 0, hostsDown: 3 },
    ]);
    expect(summary).toEqual({ clouds: 3, states: { up: 1, degraded: 1, down: 1, waiting: 0, 'signin-needed': 0 }, errorServers: 3, hostsDown: 3 });
    expect(summarizeWall([{ cloud: 'a', state: 'up', errorServers: 0 }]).hostsDown).toBeUndefined();
  });

  it('orders the worst clouds first, then by ERROR servers, then by name', () => {
    const clouds: WallCloud[] = [
      { cloud: 'up-10', state: 'up', errorServers: 0 },
      { cloud: 'up-9', state: 'up', errorServers: 0 },
      { cloud: 'up-err', state: 'up', errorServers: 4 },
      { cloud: 'down', state: 'down', errorServers: 0 },
      { cloud: 'degraded', state: 'degraded', errorServers: 0 },
    ];
    expect([...clouds].sort(byUrgency).map((c) => c.cloud)).toEqual(['down', 'degraded', 'up-err', 'up-9', 'up-10']);
  });
});
