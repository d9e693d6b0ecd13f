import { describe, expect, it } from 'vitest';
import { filterServerRows, NO_FILTERS, readIpQuery, type ServerFilters } from './filter-rows.ts';
import { fakeServerRow } from './testing/fake-server-row.ts';

const rows = [
  fakeServerRow({ id: 'a', name: 'web-001', cloud: 'ams', site: 'store-001', status: 'ACTIVE', ipv4: ['10.1.0.5', '203.0.113.7'] }),
  fakeServerRow({ id: 'b', name: 'db-001', cloud: 'fra', site: 'store-002', status: 'ERROR', flavor: 'm1.large', ipv6: ['2001:db8:1::5'] }),
  fakeServerRow({ id: 'c', name: 'Web-002', cloud: 'fra', region: 'eu-2', site: 'store-001', status: 'SHUTOFF', imageId: 'img-2', host: 'cmp-9' }),
  fakeServerRow({ id: 'd', name: '', cloud: 'ams', status: 'UNKNOWN', partial: true, site: '' }),
];
const ids = (filters: Partial<ServerFilters>) => filterServerRows(rows, { ...NO_FILTERS, ...filters }).map((row) => row.id);

describe('filterServerRows', () => {
  it('keeps everything without filters', () => {
    expect(ids({})).toEqual(['a', 'b', 'c', 'd']);
  });

  it('matches text case-insensitively in names, places, hosts and addresses', () => {
    expect(ids({ text: 'WEB' })).toEqual(['a', 'c']);
    expect(ids({ text: 'cmp-9' })).toEqual(['c']);
    expect(ids({ text: '203.0.113' })).toEqual(['a']);
    expect(ids({ text: '  fra ' })).toEqual(['b', 'c']);
  });

  it('finds servers of unreachable cells by what the table shows for them', () => {
    expect(ids({ text: 'cell unreachable' })).toEqual(['d']);
  });

  it('combines exact filters on status, cloud, region, site, flavor and image', () => {
    expect(ids({ status: 'ERROR' })).toEqual(['b']);
    expect(ids({ cloud: 'fra', site: 'store-001' })).toEqual(['c']);
    expect(ids({ region: 'eu-2' })).toEqual(['c']);
    expect(ids({ flavor: 'm1.large' })).toEqual(['b']);
    expect(ids({ image: 'img-2' })).toEqual(['c']);
    expect(ids({ cloud: 'ams', status: 'ERROR' })).toEqual([]);
  });

  it('filters by CIDR block (IPv4 and IPv6), exact address, or address text', () => {
    expect(ids({ ip: '10.0.0.0/8' })).toEqual(['a']);
    expect(ids({ ip: '203.0.113.7' })).toEqual(['a']);
    expect(ids({ ip: '2001:db8::/32' })).toEqual(['b']);
    expect(ids({ ip: '10.1.' })).toEqual(['a']);
    expect(ids({ ip: '192.168.0.0/16' })).toEqual([]);
  });
});

describe('readIpQuery', () => {
  it('tells a block from text, so the view can say how it reads the box', () => {
    expect(readIpQuery(' ').kind).toBe('none');
    expect(readIpQuery('10.0.0.0/8').kind).toBe('cidr');
    expect(readIpQuery('10.0.').kind).toBe('text');
  });
});
