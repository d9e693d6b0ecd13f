import { describe, expect, it } from 'vitest';
import { OpenStackError, type CloudSession, type QuotaSet } from '../../openstack/index.ts';
import { hostRowsOf, loadCloudCapacity, quotaRowsOf, type CapacitySource } from './capacity-load.ts';
import { capacitySources } from './capacity-sources.ts';

const detail = (in_use: number, limit: number) => ({ in_use, limit, reserved: 0 });
const quota = (id: string): QuotaSet => ({
  id,
  instances: detail(1, 10),
  cores: detail(2, 20),
  ram: detail(512, 51200),
  key_pairs: detail(0, 100),
  metadata_items: detail(0, 128),
  server_groups: detail(0, 10),
  server_group_members: detail(0, 10),
});
const inventory = (total: number) => ({ total, reserved: 0, allocation_ratio: 1, min_unit: 1, max_unit: total, step_size: 1 });
const forbidden = () => new OpenStackError('forbidden', { kind: 'forbidden', cloud: 'ams', region: 'one', service: 'placement', status: 403 });
const broken = () => new OpenStackError('boom', { kind: 'http', cloud: 'ams', region: 'two', service: 'placement', status: 500 });

function fakeSource(placement: Record<string, Error | undefined>): CapacitySource {
  return {
    cloud: 'ams',
    session: () => ({ project: { id: 'p1', name: 'demo' } }) as unknown as CloudSession,
    signIn: async () => ({}) as CloudSession,
    regions: () => Object.keys(placement),
    compute: async () => ({ quotaSet: async (projectId: string) => quota(projectId) }),
    async placement(region) {
      const failure = placement[region];
      return {
        resourceProviders: async () => {
          if (failure) throw failure;
          return [{ uuid: `${region}-h1`, name: `${region}-cmp-1`, generation: 1 }];
        },
        inventories: async () => ({ resource_provider_generation: 1, inventories: { VCPU: inventory(8) } }),
        usages: async () => ({ resource_provider_generation: 1, usages: { VCPU: 6 } }),
      };
    },
  };
}

describe('loading a cloud\'s capacity', () => {
  it('gives quota usage in every region; a Placement 403 is "needs admin" beside a healthy source, another failure an error', async () => {
    const result = await loadCloudCapacity(fakeSource({ one: forbidden(), two: broken(), three: undefined }), { now: () => 1000 });
    expect(quotaRowsOf(result).map((row) => `${row.region}:${row.projectName}:${row.pressure}`)).toEqual(['one:demo:10', 'two:demo:10', 'three:demo:10']);
    expect(hostRowsOf(result).map((row) => `${row.host}:${row.pressure}`)).toEqual(['three-cmp-1:75']);
    expect(result.regions.map((region) => region.placement.state)).toEqual(['needs-admin', 'failed', 'ok']);

    const sources = capacitySources([{ cloud: 'ams', data: result, dataUpdatedAt: 1000, fetching: false }], 1000, 60_000);
    expect(sources.map((source) => [source.region, source.health.status, source.needsAdmin, source.error === undefined])).toEqual([
      ['one', 'ok', ['placement'], true],
      ['two', 'failing', [], false],
      ['three', 'ok', [], true],
    ]);
  });
});
