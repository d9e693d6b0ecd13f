import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeNetworkRow } from '../inventory/testing/fake-network-row.ts';
import { fakeServerRow } from '../inventory/testing/fake-server-row.ts';
import { imageEntry, networkEntry, serverEntry, type SearchEntry } from './search-entry.ts';
import { buildSearchIndex, searchFleet } from './search-index.ts';
import { searchTargetHref } from './search-target.ts';

const web = serverEntry(
  fakeServerRow({
    id: '6f1c2b9e-0000-4000-8000-000000000001',
    name: 'web-1',
    addresses: [
      { network: 'private', addr: '10.0.0.12', version: 4, type: 'fixed' },
      { network: 'private', addr: 'fd00:1::c', version: 6, type: 'fixed' },
    ],
    macs: ['fa:16:3e:12:34:56'],
  }),
);
const webPort = networkEntry(fakeNetworkRow({ kind: 'ports', id: 'port-1', name: '', addresses: ['10.0.0.12'], macs: ['fa:16:3e:12:34:56'] })) as SearchEntry;
const privateNet = networkEntry(fakeNetworkRow({ kind: 'networks', id: 'net-1', name: 'private', cidrs: ['10.0.0.0/24', 'fd00:1::/64'] })) as SearchEntry;
const otherNet = networkEntry(fakeNetworkRow({ kind: 'networks', id: 'net-2', cloud: 'fra', name: 'wide', cidrs: ['10.0.0.0/8'] })) as SearchEntry;
const image = imageEntry({ key: 'fra/One/img-9', id: 'img-9', name: 'debian-12', cloud: 'fra', region: 'One' });
const index = buildSearchIndex([web, webPort, privateNet, otherNet, image]);
const search = (query: string) => searchFleet([index], query).results.map((result) => [result.entry.kind, result.entry.id, result.reason]);

describe('searchFleet', () => {
  it('finds a server and its port by an address, then the networks holding it', () => {
    expect(search('10.0.0.12')).toEqual([
      ['server', web.id, 'address'],
      ['port', 'port-1', 'address'],
      ['network', 'net-1', 'in-cidr'],
      ['network', 'net-2', 'in-cidr'],
    ]);
  });

  it('compares IPv6 addresses as numbers, whatever their spelling', () => {
    expect(search('fd00:1:0:0:0:0:0:000c')[0]).toEqual(['server', web.id, 'address']);
  });

  it('finds a network by its CIDR exactly first, then what lies in or overlaps the block', () => {
    expect(search('10.0.0.0/24')).toEqual([
      ['network', 'net-1', 'cidr'],
      ['server', web.id, 'in-cidr'],
      ['network', 'net-2', 'in-cidr'],
      ['port', 'port-1', 'in-cidr'],
    ]);
    expect(search('10.1.0.0/16')).toEqual([['network', 'net-2', 'in-cidr']]);
    expect(search('fd00:1::/64')[0]).toEqual(['network', 'net-1', 'cidr']);
  });

  it('finds by MAC in either spelling, and by a MAC prefix', () => {
    expect(search('FA-16-3E-12-34-56').map((r) => r[0])).toEqual(['server', 'port']);
    expect(search('fa:16:3e').map((r) => r[2])).toEqual(['mac', 'mac']);
  });

  it('finds by UUID, UUID prefix and name, exact names first', () => {
    expect(search(web.id.toUpperCase())).toEqual([['server', web.id, 'id']]);
    expect(search('6f1c2b9e')).toEqual([['server', web.id, 'id-prefix']]);
    expect(search('private')[0]).toEqual(['network', 'net-1', 'name']);
    expect(search('bian')).toEqual([['image', 'img-9', 'name-part']]);
  });

  it('finds nothing for blank input, and caps the results while counting them all', () => {
    expect(searchFleet([index], '   ')).toEqual({ results: [], total: 0 });
    const many = buildSearchIndex(Array.from({ length: 120 }, (_, i) => imageEntry({ key: `c/r/i${i}`, id: `i${i}`, name: `ubuntu-${i}`, cloud: 'c', region: 'r' })));
    const outcome = searchFleet([many], 'ubuntu', 10);
    expect(outcome.total).toBe(120);
    expect(outcome.results.map((r) => r.entry.name)).toEqual(Array.from({ length: 10 }, (_, i) => `ubuntu-${i}`));
  });

  it('always ranks an entry first when searched by its exact id', () => {
    const entries = fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 30 }).map((ids) => ids.map((id, i) => imageEntry({ key: `c/r/${id}`, id, name: `n${i}`, cloud: 'c', region: 'r' })));
    fc.assert(
      fc.property(entries, fc.nat(), (list, pick) => {
        const wanted = list[pick % list.length] as SearchEntry;
        expect(searchFleet([buildSearchIndex(list)], wanted.id).results[0]?.entry).toBe(wanted);
      }),
    );
  });
});

describe('searchTargetHref', () => {
  it('opens a server with its details, a port filtered on /networks, an image on /images', () => {
    expect(searchTargetHref(web)).toBe(`/servers?open=${encodeURIComponent(web.key)}`);
    expect(searchTargetHref(webPort)).toBe('/networks?kind=ports&q=port-1&cloud=ams');
    expect(searchTargetHref(privateNet)).toBe('/networks?q=net-1&cloud=ams');
    expect(searchTargetHref(image)).toBe('/images?q=img-9&cloud=fra');
  });
});
