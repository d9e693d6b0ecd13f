import { serverRowKey, type ServerRow } from '../server-row.ts';

/** A plausible row for tests; pass only what the test is about. */
export function fakeServerRow(change: Partial<ServerRow> & { id: string }): ServerRow {
  const cloud = change.cloud ?? 'ams';
  const region = change.region ?? 'RegionOne';
  return {
    name: `server-${change.id}`,
    status: 'ACTIVE',
    partial: false,
    site: 'nova',
    projectId: 'p1',
    flavor: 'm1.small',
    imageId: 'img-1',
    host: 'compute-1',
    ipv4: [],
    ipv6: [],
    macs: [],
    addresses: [],
    securityGroups: [],
    keyName: '',
    created: '2024-01-01T00:00:00Z',
    ...change,
    cloud,
    region,
    key: serverRowKey(cloud, region, change.id),
  };
}
