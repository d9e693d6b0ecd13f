import { sortValue, type ServerColumnId } from './server-columns.ts';
import type { ServerRow } from './server-row.ts';

export interface ServerSort {
  column: ServerColumnId;
  descending: boolean;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * A stable sort on one column; ties keep fleet order (cloud, region, key) so
 * the same data always gives the same table. Empty values sort last in both
 * directions: an operator sorting by host wants hosts, not blanks, first.
 * Keys are computed once per row, not per comparison, so 200,000 rows sort in
 * a fraction of a second.
 */
export function sortServerRows(rows: readonly ServerRow[], sort: ServerSort): ServerRow[] {
  const keyed = rows.map((row, index) => ({ row, index, value: sortValue(row, sort.column) }));
  keyed.sort((a, b) => compareSortValues(a.value, b.value, sort.descending) || a.index - b.index);
  return keyed.map((entry) => entry.row);
}

/** How two sort values order: naturally, case-insensitively, empty last in both directions; 0 leaves the tie to the caller. */
export function compareSortValues(a: string, b: string, descending: boolean): number {
  if (a === b) return 0;
  if (a === '' || b === '') return a === '' ? 1 : -1;
  const order = collator.compare(a, b);
  return descending ? -order : order;
}
