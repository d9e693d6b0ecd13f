import { imageRowKey, type ImageRow } from '../image-row.ts';

/** A plausible image row for tests; pass only what the test is about. */
export function fakeImageRow(change: Partial<ImageRow> & { id: string }): ImageRow {
  const cloud = change.cloud ?? 'ams';
  const region = change.region ?? 'RegionOne';
  return {
    name: `image-${change.id}`,
    status: 'active',
    visibility: 'public',
    owner: 'p-admin',
    ownerName: '',
    size: 1024,
    diskFormat: 'qcow2',
    containerFormat: 'bare',
    checksum: `md5-${change.id}`,
    hashAlgo: 'sha512',
    hashValue: `sha-${change.id}`,
    minDiskGb: 0,
    minRamMb: 0,
    protected: false,
    created: '2024-01-01T00:00:00Z',
    ...change,
    cloud,
    region,
    key: imageRowKey(cloud, region, change.id),
  };
}
