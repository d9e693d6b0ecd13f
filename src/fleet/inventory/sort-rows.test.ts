import { describe, expect, it } from 'vitest';
import { sortServerRows } from './sort-rows.ts';
import { fakeServerRow } from './testing/fake-server-row.ts';

const rows = [
  fakeServerRow({ id: '1', name: 'web-10', host: 'b', created: '2024-03-01T00:00:00Z' }),
  fakeServerRow({ id: '2', name: 'web-9', host: '', created: '2024-01-01T00:00:00Z' }),
  fakeServerRow({ id: '3', name: 'Api', host: 'a', created: '2024-02-01T00:00:00Z' }),
  fakeServerRow({ id: '4', name: 'api', host: 'c', created: '2024-02-01T00:00:00Z' }),
];
const ids = (column: Parameters<typeof sortServerRows>[1]['column'], descending = false) =>
  sortServerRows(rows, { column, descending }).map((row) => row.id);

describe('sortServerRows', () => {
  it('sorts names naturally and case-insensitively, keeping input order on ties', () => {
    expect(ids('name')).toEqual(['3', '4', '2', '1']);
    expect(ids('name', true)).toEqual(['1', '2', '3', '4']);
  });

  it('puts empty values last in both directions', () => {
    expect(ids('host')).toEqual(['3', '1', '4', '2']);
    expect(ids('host', true)).toEqual(['4', '1', '3', '2']);
  });

  it('sorts ISO timestamps in time order and leaves its input alone', () => {
    expect(ids('created', true)).toEqual(['1', '3', '4', '2']);
    expect(rows.map((row) => row.id)).toEqual(['1', '2', '3', '4']);
  });
});
