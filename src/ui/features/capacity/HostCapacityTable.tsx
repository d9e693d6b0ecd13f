import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { HostCapacityRow, PlacementClass } from '../../../fleet/inventory/capacity-placement.ts';
import { isHostColumnId, type CapacitySort, type HostColumnId } from '../../../fleet/inventory/capacity-sort.ts';
import { TextCell } from '../../components/TextCell.tsx';
import { VirtualTable, type TableGroupItem } from '../../components/VirtualTable.tsx';
import { MeterCell, PressureCell } from './MeterCell.tsx';

const column = createColumnHelper<HostCapacityRow>();

const LABELS: Record<HostColumnId, string> = {
  pressure: 'Pressure',
  cloud: 'Cloud',
  region: 'Region',
  host: 'Host',
  VCPU: 'vCPUs',
  MEMORY_MB: 'Memory',
  DISK_GB: 'Disk',
};

const meterColumn = (resourceClass: PlacementClass, unit = '', size = 190) =>
  column.display({ id: resourceClass, size, cell: ({ row }) => <MeterCell meter={row.original.meters[resourceClass]} unit={unit} /> });

const COLUMNS = [
  column.accessor('pressure', { id: 'pressure', size: 100, cell: ({ getValue }) => <PressureCell pressure={getValue()} /> }),
  column.accessor('cloud', { id: 'cloud', size: 120, cell: ({ getValue }) => <TextCell text={getValue()} /> }),
  column.accessor('region', { id: 'region', size: 130, cell: ({ getValue }) => <TextCell text={getValue()} /> }),
  column.accessor('host', { id: 'host', size: 200, cell: ({ getValue }) => <TextCell text={getValue()} className="font-medium" /> }),
  meterColumn('VCPU'),
  meterColumn('MEMORY_MB', ' MB', 230),
  meterColumn('DISK_GB', ' GB'),
];

interface HostCapacityTableProps {
  rows: readonly HostCapacityRow[];
  sort: CapacitySort<HostColumnId>;
  onSortChange: (sort: CapacitySort<HostColumnId>) => void;
}

/** Placement's resource providers: used against (total − reserved) × allocation ratio, per class. */
export function HostCapacityTable({ rows, sort, onSortChange }: HostCapacityTableProps) {
  const items = useMemo(() => rows.map((row) => ({ kind: 'row' as const, row })), [rows]);
  return (
    <VirtualTable<HostCapacityRow, TableGroupItem, HostColumnId>
      items={items}
      columns={COLUMNS}
      columnLabels={LABELS}
      isColumnId={isHostColumnId}
      sort={sort}
      onSortChange={onSortChange}
      renderGroup={() => null}
      label="Placement capacity"
      height={`min(28rem, ${items.length * 2 + 2.5}rem)`}
    />
  );
}
