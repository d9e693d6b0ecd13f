import type { Meter } from './capacity-pressure.ts';
import { PLACEMENT_CLASSES, type HostCapacityRow } from './capacity-placement.ts';
import { QUOTA_RESOURCES, type QuotaUsageRow } from './capacity-quota.ts';

export const QUOTA_COLUMNS = ['pressure', 'cloud', 'region', 'project', ...QUOTA_RESOURCES] as const;
export type QuotaColumnId = (typeof QUOTA_COLUMNS)[number];
export const HOST_COLUMNS = ['pressure', 'cloud', 'region', 'host', ...PLACEMENT_CLASSES] as const;
export type HostColumnId = (typeof HOST_COLUMNS)[number];

export interface CapacitySort<ColumnId extends string> {
  column: ColumnId;
  descending: boolean;
}

/** The fullest first: what an operator looks at this view for. */
export const BY_PRESSURE = Object.freeze({ column: 'pressure', descending: true } as const);

export const isQuotaColumnId = (id: string): id is QuotaColumnId => (QUOTA_COLUMNS as readonly string[]).includes(id);
export const isHostColumnId = (id: string): id is HostColumnId => (HOST_COLUMNS as readonly string[]).includes(id);

type SortValue = string | number | undefined;

function meterValue(meter: Meter | undefined): SortValue {
  // Unlimited sorts as empty: below every limited meter, whichever the direction.
  return meter?.percent;
}

export function quotaSortValue(row: QuotaUsageRow, column: QuotaColumnId): SortValue {
  switch (column) {
    case 'pressure':
      return row.pressure;
    case 'cloud':
    case 'region':
      return row[column];
    case 'project':
      return row.projectName || row.projectId;
    default:
      return meterValue(row.meters[column]);
  }
}

export function hostSortValue(row: HostCapacityRow, column: HostColumnId): SortValue {
  switch (column) {
    case 'pressure':
      return row.pressure;
    case 'cloud':
    case 'region':
    case 'host':
      return row[column];
    default:
      return meterValue(row.meters[column]);
  }
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Stable; rows without a value (no limit, no inventory) last in both directions. */
export function sortCapacityRows<Row, ColumnId extends string>(rows: readonly Row[], sort: CapacitySort<ColumnId>, valueOf: (row: Row, column: ColumnId) => SortValue): Row[] {
  const direction = sort.descending ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index, value: valueOf(row, sort.column) }))
    .sort((a, b) => {
      if (a.value === undefined || b.value === undefined) return a.value === b.value ? a.index - b.index : a.value === undefined ? 1 : -1;
      const order = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : collator.compare(String(a.value), String(b.value));
      return direction * order || a.index - b.index;
    })
    .map(({ row }) => row);
}
