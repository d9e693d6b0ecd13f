import { describe, expect, it } from 'vitest';
import { filterNetworkRows } from './network-filter.ts';
import { formatNetworksView, networksViewHref, parseNetworksView } from './network-url-state.ts';
import { fakeNetworkRow } from './testing/fake-network-row.ts';

describe('networks view in the URL', () => {
  it('round-trips every part of the view and keeps unrelated parameters', () => {
    const params = new URLSearchParams('fleet=sites%3D3&kind=ports&q=web&cloud=ams&ip=10.0.0.0%2F8&overlap=1&sort=-cloud&group=region');
    const view = parseNetworksView(params);
    expect(view).toMatchObject({ kind: 'ports', sort: { column: 'cloud', descending: true }, groupBy: 'region' });
    expect(view.filters).toMatchObject({ text: 'web', cloud: 'ams', ip: '10.0.0.0/8', overlapping: true });
    expect(formatNetworksView(view, params).toString()).toBe(params.toString());
  });

  it('reads a hand-edited link as the nearest sensible view', () => {
    const view = parseNetworksView(new URLSearchParams('kind=volumes&sort=-nope&group=colour'));
    expect(view).toMatchObject({ kind: 'networks', sort: { column: 'name', descending: false } });
    expect(view.groupBy).toBeUndefined();
  });

  it('builds the link global search jumps to', () => {
    expect(networksViewHref('ports', { text: 'abc', cloud: 'ams' })).toBe('/networks?kind=ports&q=abc&cloud=ams');
    expect(networksViewHref('networks', {})).toBe('/networks');
  });
});

describe('filterNetworkRows', () => {
  const rows = [
    fakeNetworkRow({ kind: 'subnets', id: 'a', cidrs: ['10.0.0.0/24'] }),
    fakeNetworkRow({ kind: 'ports', id: 'b', addresses: ['10.0.0.7'], macs: ['fa:16:3e:aa:bb:cc'] }),
    fakeNetworkRow({ kind: 'ports', id: 'c', cloud: 'fra', addresses: ['2001:db8::5'] }),
  ];
  const none = new Set<string>();
  const ids = (filters: Parameters<typeof filterNetworkRows>[1], overlapping: ReadonlySet<string> = none) => filterNetworkRows(rows, filters, overlapping).map((row) => row.id);
  const base = parseNetworksView(new URLSearchParams()).filters;

  it('matches an address against addresses and blocks by containment, not text', () => {
    expect(ids({ ...base, ip: '10.0.0.0/16' })).toEqual(['a', 'b']);
    expect(ids({ ...base, ip: '10.0.0.7' })).toEqual(['a', 'b']);
    expect(ids({ ...base, ip: '2001:db8::/32' })).toEqual(['c']);
  });

  it('filters by cloud, text (MAC included) and overlap', () => {
    expect(ids({ ...base, cloud: 'fra' })).toEqual(['c']);
    expect(ids({ ...base, text: 'FA:16:3E:AA' })).toEqual(['b']);
    expect(ids({ ...base, overlapping: true }, new Set([rows[0]?.key ?? '']))).toEqual(['a']);
  });
});
