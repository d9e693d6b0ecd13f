import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloudRows, type CloudRows } from './cloud-rows.ts';
import { filterServerRows, NO_FILTERS } from './filter-rows.ts';
import type { CloudServers } from './load-servers.ts';
import { SERVER_COLUMN_IDS } from './server-columns.ts';
import type { ServerRow } from './server-row.ts';
import { filterSortedFleet, sortFleet, type SortedFleet } from './sorted-fleet.ts';
import { sortServerRows, type ServerSort } from './sort-rows.ts';
import { fakeServerRow } from './testing/fake-server-row.ts';

let serial = 0;
function cloudOf(name: string, rows: readonly Partial<ServerRow>[]): CloudServers {
  return {
    cloud: name,
    regions: [{ region: 'r1', state: 'ok', complete: true, rows: rows.map((row) => fakeServerRow({ ...row, cloud: name, id: `s${(serial += 1)}` })) }],
  };
}

const everyRow = (clouds: readonly CloudRows[]) => clouds.flatMap((cloud) => cloud.rows);
const keys = (rows: readonly ServerRow[]) => rows.map((row) => row.key);

describe('sortFleet', () => {
  const byName: ServerSort = { column: 'name', descending: false };

  it('orders the fleet as one sort of every row would, ties in cloud order', () => {
    const clouds = [cloudOf('a', [{ name: 'web-10' }, { name: 'web-9' }]), cloudOf('b', [{ name: 'Web-9' }, { name: '' }, { name: 'api' }])].map((cloud) => cloudRows(cloud));
    const fleet = sortFleet(undefined, clouds, byName);
    expect(fleet.entries.map(({ row }) => `${row.cloud}:${row.name}`)).toEqual(['b:api', 'a:web-9', 'b:Web-9', 'a:web-10', 'b:']);
  });

  it('gives back the same result when no cloud changed, so views downstream keep their memos', () => {
    const clouds = [cloudOf('a', [{ name: 'x' }])].map((cloud) => cloudRows(cloud));
    const fleet = sortFleet(undefined, clouds, byName);
    expect(sortFleet(fleet, [...clouds], byName)).toBe(fleet);
  });

  it('keeps the search text of each row beside it', () => {
    const fleet = sortFleet(undefined, [cloudRows(cloudOf('a', [{ name: 'Zeta' }, { name: 'Alpha' }]))], byName);
    expect(fleet.entries.map((entry) => entry.searchText.split('\n')[0])).toEqual(['alpha', 'zeta']);
  });

  const rowArb = fc.record({
    name: fc.constantFrom('', 'web-1', 'web-10', 'web-9', 'Web-9', 'db', 'api-2', 'ÄPI'),
    host: fc.constantFrom('', 'cmp-1', 'cmp-2'),
    status: fc.constantFrom('ACTIVE', 'ERROR', 'SHUTOFF'),
  });
  const sortArb = fc.record({ column: fc.constantFrom(...SERVER_COLUMN_IDS), descending: fc.boolean() });

  it('updated cloud by cloud, always equals sorting every row from scratch', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(rowArb, { maxLength: 6 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(), fc.array(rowArb, { maxLength: 6 }), fc.boolean()), { maxLength: 8 }),
        sortArb,
        (initial, updates, sort) => {
          let clouds: (CloudServers | undefined)[] = initial.map((rows, position) => cloudOf(`c${position}`, rows));
          let fleet: SortedFleet | undefined = sortFleet(undefined, clouds.map((cloud) => cloudRows(cloud)), sort);
          for (const [at, rows, drop] of updates) {
            const position = at % clouds.length;
            clouds = clouds.map((cloud, index) => (index !== position ? cloud : drop ? undefined : cloudOf(`c${position}`, rows)));
            const indexed = clouds.map((cloud) => cloudRows(cloud));
            fleet = sortFleet(fleet, indexed, sort);
            expect(keys(fleet.entries.map((entry) => entry.row))).toEqual(keys(sortServerRows(everyRow(indexed), sort)));
          }
        },
      ),
    );
  });

  it('re-sorts everything when the sort changes', () => {
    const clouds = [cloudOf('a', [{ name: 'b', host: 'h2' }, { name: 'a', host: 'h1' }])].map((cloud) => cloudRows(cloud));
    const byHost = sortFleet(sortFleet(undefined, clouds, byName), clouds, { column: 'host', descending: true });
    expect(byHost.entries.map((entry) => entry.row.host)).toEqual(['h2', 'h1']);
  });
});

describe('filterSortedFleet', () => {
  it('keeps the sort order and matches exactly what filtering the rows directly matches', () => {
    const clouds = [
      cloudOf('ams', [{ name: 'web-2', status: 'ACTIVE', ipv4: ['10.0.0.5'] }, { name: 'db', status: 'ERROR' }]),
      cloudOf('fra', [{ name: 'web-1', status: 'ACTIVE', site: 'store-7' }]),
    ].map((cloud) => cloudRows(cloud));
    const fleet = sortFleet(undefined, clouds, { column: 'name', descending: false });
    const cases = [{ text: 'WEB' }, { status: 'ACTIVE' }, { site: 'store-7' }, { ip: '10.0.0.0/8' }, { ip: '  ' }, { text: 'fra', status: 'ERROR' }, { text: ' ' }, { status: ' ' }, {}];
    for (const filters of cases) {
      const wanted = filterServerRows(sortServerRows(everyRow(clouds), fleet.sort), { ...NO_FILTERS, ...filters });
      expect(keys(filterSortedFleet(fleet, { ...NO_FILTERS, ...filters }))).toEqual(keys(wanted));
    }
    expect(filterSortedFleet(fleet, { ...NO_FILTERS, text: 'web' }).map((row) => row.name)).toEqual(['web-1', 'web-2']);
  });

  it('hands back the same array for the same fleet without filters, so clearing the box rebuilds nothing', () => {
    const fleet = sortFleet(undefined, [cloudRows(cloudOf('ams', [{ name: 'a' }, { name: 'b' }]))], { column: 'name', descending: false });
    const all = filterSortedFleet(fleet, NO_FILTERS);
    expect(all.map((row) => row.name)).toEqual(['a', 'b']);
    expect(filterSortedFleet(fleet, { ...NO_FILTERS, text: '  ' })).toBe(all);
  });
});
