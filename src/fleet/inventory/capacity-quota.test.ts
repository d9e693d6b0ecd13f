import { describe, expect, it } from 'vitest';
import type { QuotaSet } from '../../openstack/index.ts';
import { toQuotaUsageRow } from './capacity-quota.ts';

const detail = (in_use: number, limit: number, reserved = 0) => ({ in_use, limit, reserved });

describe('quota usage rows', () => {
  it('meters instances, cores and RAM (reserved counting as used), floating IPs only when Nova gives them, and -1 as no limit', () => {
    const quota: QuotaSet = {
      id: 'p1',
      instances: detail(8, 10, 1),
      cores: detail(4, 20),
      ram: detail(2048, -1),
      key_pairs: detail(1, 100),
      metadata_items: detail(0, 128),
      server_groups: detail(0, 10),
      server_group_members: detail(0, 10),
      floating_ips: detail(1, -1),
    };
    const row = toQuotaUsageRow(quota, { cloud: 'ams', region: 'one', projectName: 'demo' });
    expect(row).toMatchObject({ key: 'ams/one/p1', projectId: 'p1', projectName: 'demo', pressure: 90 });
    expect(row.meters.instances).toEqual({ used: 9, limit: 10, percent: 90 });
    expect(row.meters.ram).toEqual({ used: 2048 });
    expect(row.meters.floating_ips).toEqual({ used: 1 });
    expect(row.meters.security_groups).toBeUndefined();
  });
});
