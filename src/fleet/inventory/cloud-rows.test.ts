import { describe, expect, it } from 'vitest';
import { cloudRows, findServerRow, mergeFilterOptions, NO_CLOUD_ROWS } from './cloud-rows.ts';
import type { CloudServers } from './load-servers.ts';
import { fakeServerRow } from './testing/fake-server-row.ts';

const ams: CloudServers = {
  cloud: 'ams',
  regions: [
    { region: 'r1', state: 'ok', complete: true, rows: [fakeServerRow({ id: '1', cloud: 'ams', region: 'r1', site: 'store-10', flavor: 'm1' })] },
    { region: 'r2', state: 'loading', complete: false, rows: [fakeServerRow({ id: '2', cloud: 'ams', region: 'r2', site: '', status: 'ERROR', imageId: '' })] },
  ],
};
const fra: CloudServers = {
  cloud: 'fra',
  regions: [{ region: 'r1', state: 'ok', complete: true, rows: [fakeServerRow({ id: '1', cloud: 'fra', region: 'r1', site: 'store-9' })] }],
};

describe('cloudRows', () => {
  it('flattens regions in order with a lower-cased search text per row', () => {
    const indexed = cloudRows(ams);
    expect(indexed.rows.map((row) => row.key)).toEqual(['ams/r1/1', 'ams/r2/2']);
    expect(indexed.searchTexts[0]).toContain('server-1\n1\nams\nr1\nstore-10');
  });

  it('indexes a cloud once for the same data, and again when the data changes', () => {
    expect(cloudRows(ams)).toBe(cloudRows(ams));
    expect(cloudRows({ ...ams })).not.toBe(cloudRows(ams));
    expect(cloudRows(undefined)).toBe(NO_CLOUD_ROWS);
  });

  it('keeps the previous index when a refresh brought the same rows arrays back', () => {
    const before = cloudRows(ams);
    const refreshed: CloudServers = { cloud: 'ams', regions: ams.regions.map((region) => ({ ...region, loadedAt: 42 })) };
    expect(cloudRows(refreshed, before)).toBe(before);
    const changed: CloudServers = { cloud: 'ams', regions: [ams.regions[0]!, { ...ams.regions[1]!, rows: [] }] };
    expect(cloudRows(changed, before).rows.map((row) => row.key)).toEqual(['ams/r1/1']);
  });
});

describe('mergeFilterOptions', () => {
  it('lists each value once across clouds, in natural order, without blanks', () => {
    const options = mergeFilterOptions([cloudRows(ams), cloudRows(fra), NO_CLOUD_ROWS]);
    expect(options.site).toEqual(['store-9', 'store-10']);
    expect(options.cloud).toEqual(['ams', 'fra']);
    expect(options.status).toEqual(['ACTIVE', 'ERROR']);
    expect(options.region).toEqual(['r1', 'r2']);
    expect(options.flavor).toEqual(['m1', 'm1.small']);
    expect(options.image).toEqual(['img-1']);
  });
});

describe('findServerRow', () => {
  it('finds a row by its fleet key, telling apart the same id in two clouds', () => {
    const clouds = [cloudRows(ams), cloudRows(fra)];
    expect(findServerRow(clouds, 'fra/r1/1')?.cloud).toBe('fra');
    expect(findServerRow(clouds, 'ams/r1/1')?.cloud).toBe('ams');
    expect(findServerRow(clouds, 'ams/r9/1')).toBeUndefined();
  });
});
