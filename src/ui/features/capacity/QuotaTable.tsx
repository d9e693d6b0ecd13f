import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { QuotaResource, QuotaUsageRow } from '../../../fleet/inventory/capacity-quota.ts';
import { isQuotaColumnId, type CapacitySort, type QuotaColumnId } from '../../../fleet/inventory/capacity-sort.ts';
import { TextCell } from '../../components/TextCell.tsx';
import { VirtualTable, type TableGroupItem } from '../../components/VirtualTable.tsx';
import { MeterCell, PressureCell } from './MeterCell.tsx';

const column = createColumnHelper<QuotaUsageRow>();

const LABELS: Record<QuotaColumnId, string> = {
  pressure: 'Pressure',
  cloud: 'Cloud',
  region: 'Region',
  project: 'Project',
  instances: 'Instances',
  cores: 'vCPUs',
  ram: 'RAM',
  floating_ips: 'Floating IPs',
  security_groups: 'Security groups',
};

const meterColumn = (resource: QuotaResource, unit = '', size = 170) =>
  column.display({ id: resource, size, cell: ({ row }) => <MeterCell meter={row.original.meters[resource]} unit={unit} /> });

const BASE_COLUMNS = [
  column.accessor('pressure', { id: 'pressure', size: 100, cell: ({ getValue }) => <PressureCell pressure={getValue()} /> }),
  column.accessor('cloud', { id: 'cloud', size: 120, cell: ({ getValue }) => <TextCell text={getValue()} /> }),
  column.accessor('region', { id: 'region', size: 130, cell: ({ getValue }) => <TextCell text={getValue()} /> }),
  column.display({ id: 'project', size: 150, cell: ({ row }) => (row.original.projectName === '' ? <TextCell text={row.original.projectId} mono /> : <TextCell text={row.original.projectName} />) }),
  meterColumn('instances'),
  meterColumn('cores'),
  meterColumn('ram', ' MB', 220),
];
/** Nova proxies these only before microversion 2.36: shown when some cloud still reports them. */
const PROXY_COLUMNS = [meterColumn('floating_ips'), meterColumn('security_groups')];

interface QuotaTableProps {
  rows: readonly QuotaUsageRow[];
  sort: CapacitySort<QuotaColumnId>;
  onSortChange: (sort: CapacitySort<QuotaColumnId>) => void;
}

/** Nova quota usage per cloud, region and project: used / limit of each quota, the fullest first by default. */
export function QuotaTable({ rows, sort, onSortChange }: QuotaTableProps) {
  const items = useMemo(() => rows.map((row) => ({ kind: 'row' as const, row })), [rows]);
  const hasProxies = useMemo(() => rows.some((row) => row.meters.floating_ips !== undefined || row.meters.security_groups !== undefined), [rows]);
  return (
    <VirtualTable<QuotaUsageRow, TableGroupItem, QuotaColumnId>
      items={items}
      columns={hasProxies ? [...BASE_COLUMNS, ...PROXY_COLUMNS] : BASE_COLUMNS}
      columnLabels={LABELS}
      isColumnId={isQuotaColumnId}
      sort={sort}
      onSortChange={onSortChange}
      renderGroup={() => null}
      label="Quota usage"
      height={`min(24rem, ${items.length * 2 + 2.5}rem)`}
    />
  );
}
