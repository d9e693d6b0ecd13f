import { describe, expect, it } from 'vitest';
import { meterOf } from './capacity-pressure.ts';
import type { QuotaUsageRow } from './capacity-quota.ts';
import { BY_PRESSURE, quotaSortValue, sortCapacityRows } from './capacity-sort.ts';

const row = (key: string, cores: number, limit: number): QuotaUsageRow => ({ key, cloud: key, region: 'r', projectId: key, projectName: key, meters: { cores: meterOf(cores, limit) } });

describe('sorting capacity rows', () => {
  it('sorts a meter column by percent, numerically, with unlimited quotas last either way', () => {
    const rows = [row('a', 5, 10), row('b', 1, -1), row('c', 9, 100), row('d', 10, 10)];
    expect(sortCapacityRows(rows, { column: 'cores', descending: true }, quotaSortValue).map((each) => each.key)).toEqual(['d', 'a', 'c', 'b']);
    expect(sortCapacityRows(rows, { column: 'cores', descending: false }, quotaSortValue).map((each) => each.key)).toEqual(['c', 'a', 'd', 'b']);
  });

  it('puts the highest pressure first by default, rows without any limit last', () => {
    const rows = [row('a', 1, -1), row('b', 4, 10), row('c', 9, 10)];
    expect(sortCapacityRows(rows.map((each) => ({ ...each, pressure: each.meters.cores?.percent })), BY_PRESSURE, quotaSortValue).map((each) => each.key)).toEqual(['c', 'b', 'a']);
  });
});
