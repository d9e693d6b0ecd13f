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
  const direction = sort.descending ? -1 : 1;
  keyed.sort((a, b) => {
    if (a.value === '' || b.value === '') {
      if (a.value !== b.value) return a.value === '' ? 1 : -1;
      return a.index - b.index;
    }
    return direction * compareText(a.value, b.value) || a.index - b.index;
  });
  return keyed.map((entry) => entry.row);
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return collator.compare(a, b);
}
