import { networkRowKey, type NetworkRow } from '../network-row.ts';

/** A plausible Neutron row for tests; pass only what the test is about. */
export function fakeNetworkRow(change: Partial<NetworkRow> & Pick<NetworkRow, 'id' | 'kind'>): NetworkRow {
  const cloud = change.cloud ?? 'ams';
  const region = change.region ?? 'RegionOne';
  return {
    name: `${change.kind}-${change.id}`,
    status: 'ACTIVE',
    site: '',
    projectId: 'p1',
    project: '',
    networkId: change.kind === 'networks' ? change.id : '',
    cidrs: [],
    addresses: [],
    macs: [],
    deviceId: '',
    summary: '',
    ...change,
    cloud,
    region,
    key: networkRowKey({ cloud, region }, change.kind, change.id),
  };
}
