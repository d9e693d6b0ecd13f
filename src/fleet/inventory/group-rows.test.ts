import { describe, expect, it } from 'vitest';
import { groupServerRows, type ServerListItem } from './group-rows.ts';
import { fakeServerRow } from './testing/fake-server-row.ts';

const rows = [
  fakeServerRow({ id: 'a', cloud: 'ams', region: 'RegionOne', status: 'ACTIVE' }),
  fakeServerRow({ id: 'b', cloud: 'fra', region: 'RegionOne', status: 'ERROR' }),
  fakeServerRow({ id: 'c', cloud: 'ams', region: 'RegionOne', status: 'ERROR' }),
];
const shape = (items: ServerListItem[]) => items.map((item) => (item.kind === 'group' ? `[${item.key}:${item.count}]` : item.row.id));

describe('groupServerRows', () => {
  it('is the rows themselves without grouping', () => {
    expect(shape(groupServerRows(rows, undefined))).toEqual(['a', 'b', 'c']);
  });

  it('puts a counted header before each group, groups in order of first appearance', () => {
    expect(shape(groupServerRows(rows, 'status'))).toEqual(['[ACTIVE:1]', 'a', '[ERROR:2]', 'b', 'c']);
    expect(shape(groupServerRows(rows, 'cloud'))).toEqual(['[ams:2]', 'a', 'c', '[fra:1]', 'b']);
  });

  it('keeps same-named regions of different clouds apart', () => {
    const items = groupServerRows(rows, 'region');
    expect(shape(items)).toEqual(['[ams/RegionOne:2]', 'a', 'c', '[fra/RegionOne:1]', 'b']);
    expect(items[0]).toMatchObject({ value: 'RegionOne', cloud: 'ams' });
  });
});
