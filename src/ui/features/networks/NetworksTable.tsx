import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { isNetworkColumnId, type NetworkColumnId } from '../../../fleet/inventory/network-columns.ts';
import type { NetworkRow } from '../../../fleet/inventory/network-row.ts';
import type { NetworkGroupItem, NetworkListItem, NetworkSort } from '../../../fleet/inventory/network-table.ts';
import { GroupHeading, VirtualTable } from '../../components/VirtualTable.tsx';
import { COLUMN_LABELS, COLUMN_WIDTHS, renderCell, type CellContext } from './network-columns.tsx';

interface NetworksTableProps {
  items: readonly NetworkListItem[];
  columns: readonly NetworkColumnId[];
  sort: NetworkSort;
  onSortChange: (sort: NetworkSort) => void;
  context: CellContext;
  label: string;
}

const GROUP_NAMES: Record<NetworkGroupItem['field'], string> = { cloud: 'Cloud', region: 'Region', site: 'Site', status: 'Status' };

/** The same grid as the servers table; the columns depend on the resource kind shown. */
export function NetworksTable({ items, columns, sort, onSortChange, context, label }: NetworksTableProps) {
  const columnDefs = useMemo(
    () =>
      columns.map((id): ColumnDef<NetworkRow> => ({
        id,
        size: COLUMN_WIDTHS[id],
        cell: ({ row }) => renderCell(row.original, id, context),
      })),
    [columns, context],
  );
  return (
    <VirtualTable
      items={items}
      columns={columnDefs}
      columnLabels={COLUMN_LABELS}
      isColumnId={isNetworkColumnId}
      sort={sort}
      onSortChange={onSortChange}
      renderGroup={(group) => <GroupHeading field={GROUP_NAMES[group.field]} value={group.value} cloud={group.cloud} count={group.count} noun={['row', 'rows']} />}
      label={label}
      height="max(18rem, calc(100vh - 23rem))"
      rowClassName={() => 'focus:bg-teal-50 dark:focus:bg-teal-950/60'}
    />
  );
}
