import { describe, expect, it } from 'vitest';
import { filterImageRows, groupImageRows, NO_IMAGE_FILTERS, sortImageRows } from './image-view.ts';
import { fakeImageRow } from './testing/fake-image-row.ts';

const rows = [
  fakeImageRow({ id: 'a1', name: 'cirros', cloud: 'ams', size: 900, checksum: 'c1' }),
  fakeImageRow({ id: 'b2', name: 'debian-12', cloud: 'fra', size: 12_000, visibility: 'private', checksum: 'd1' }),
  fakeImageRow({ id: 'c3', name: 'cirros', cloud: 'fra', size: undefined, status: 'queued', checksum: 'c2' }),
  fakeImageRow({ id: 'd4', name: 'debian-12', cloud: 'ams', region: 'RegionTwo', size: 3_000, checksum: 'd1', diskFormat: 'raw' }),
];
const ids = (list: readonly { id: string }[]) => list.map((row) => row.id);

describe('filterImageRows', () => {
  it('finds an image by name or by id, as global search links here', () => {
    expect(ids(filterImageRows(rows, { ...NO_IMAGE_FILTERS, text: 'DEBIAN' }))).toEqual(['b2', 'd4']);
    expect(ids(filterImageRows(rows, { ...NO_IMAGE_FILTERS, text: 'c3' }))).toEqual(['c3']);
  });

  it('combines the exact filters', () => {
    expect(ids(filterImageRows(rows, { ...NO_IMAGE_FILTERS, text: 'cirros', cloud: 'fra' }))).toEqual(['c3']);
    expect(ids(filterImageRows(rows, { ...NO_IMAGE_FILTERS, visibility: 'private' }))).toEqual(['b2']);
    expect(ids(filterImageRows(rows, { ...NO_IMAGE_FILTERS, format: 'raw', region: 'RegionTwo' }))).toEqual(['d4']);
    expect(ids(filterImageRows(rows, { ...NO_IMAGE_FILTERS, status: 'queued' }))).toEqual(['c3']);
  });
});

describe('sortImageRows', () => {
  it('sorts sizes by value, unknown sizes last in both directions', () => {
    expect(ids(sortImageRows(rows, { column: 'size', descending: false }))).toEqual(['a1', 'd4', 'b2', 'c3']);
    expect(ids(sortImageRows(rows, { column: 'size', descending: true }))).toEqual(['b2', 'd4', 'a1', 'c3']);
  });

  it('keeps fleet order among equal values', () => {
    expect(ids(sortImageRows(rows, { column: 'name', descending: false }))).toEqual(['a1', 'c3', 'b2', 'd4']);
  });
});

describe('groupImageRows', () => {
  it('groups one name across clouds and counts its different digests', () => {
    const items = groupImageRows(sortImageRows(rows, { column: 'name', descending: false }), 'name');
    const groups = items.filter((item) => item.kind === 'group');
    expect(groups.map((group) => [group.value, group.count, group.digests])).toEqual([
      ['cirros', 2, 2],
      ['debian-12', 2, 1],
    ]);
    expect(items.map((item) => (item.kind === 'row' ? item.row.id : `#${item.value}`))).toEqual(['#cirros', 'a1', 'c3', '#debian-12', 'b2', 'd4']);
  });

  it('keeps regions of different clouds apart', () => {
    const groups = groupImageRows(rows, 'region').filter((item) => item.kind === 'group');
    expect(groups.map((group) => group.key)).toEqual(['ams/RegionOne', 'fra/RegionOne', 'ams/RegionTwo']);
  });
});
