import { createColumnHelper } from '@tanstack/react-table';
import type { ServerColumnId } from '../../../fleet/inventory/server-columns.ts';
import type { ServerRow } from '../../../fleet/inventory/server-row.ts';
import { ServerStatus } from './ServerStatus.tsx';
import { TextCell } from '../../components/TextCell.tsx';

const column = createColumnHelper<ServerRow>();

export const COLUMN_LABELS: Record<ServerColumnId, string> = {
  name: 'Name',
  status: 'Status',
  cloud: 'Cloud',
  region: 'Region',
  site: 'Site',
  project: 'Project',
  flavor: 'Flavor',
  image: 'Image',
  host: 'Host',
  ipv4: 'IPv4',
  ipv6: 'IPv6',
  created: 'Created',
  locked: 'Locked',
  id: 'ID',
};

/**
 * Column definitions for TanStack Table: headers, widths and cells. Rows are
 * filtered, sorted and grouped by the fleet's pure functions before they get
 * here, so the table only ever holds the rows on screen.
 */
export const SERVER_COLUMNS = [
  column.accessor('name', {
    id: 'name',
    size: 260,
    cell: ({ row }) =>
      row.original.partial ? (
        <span className="text-slate-500 italic">{row.original.id.slice(0, 8)}… (cell unreachable)</span>
      ) : (
        <TextCell text={row.original.name} className="font-medium" />
      ),
  }),
  column.accessor('status', { id: 'status', size: 140, cell: ({ row }) => <ServerStatus status={row.original.status} partial={row.original.partial} /> }),
  column.accessor('cloud', { id: 'cloud', size: 120, cell: ({ getValue }) => <TextCell text={getValue()} /> }),
  column.accessor('region', { id: 'region', size: 130, cell: ({ getValue }) => <TextCell text={getValue()} /> }),
  column.accessor('site', { id: 'site', size: 130, cell: ({ getValue }) => <TextCell text={getValue()} /> }),
  column.accessor('projectId', {
    id: 'project',
    size: 140,
    cell: ({ row }) => (row.original.project === undefined ? <TextCell text={row.original.projectId} mono /> : <TextCell text={row.original.project} />),
  }),
  column.accessor('flavor', { id: 'flavor', size: 120, cell: ({ getValue }) => <TextCell text={getValue()} /> }),
  column.accessor('imageId', { id: 'image', size: 140, cell: ({ getValue }) => <TextCell text={getValue()} mono empty="volume / none" /> }),
  column.accessor('host', { id: 'host', size: 150, cell: ({ getValue }) => <TextCell text={getValue()} /> }),
  column.accessor((row) => row.ipv4.join(', '), { id: 'ipv4', size: 200, cell: ({ getValue }) => <TextCell text={getValue()} mono /> }),
  column.accessor((row) => row.ipv6.join(', '), { id: 'ipv6', size: 240, cell: ({ getValue }) => <TextCell text={getValue()} mono /> }),
  column.accessor('created', {
    id: 'created',
    size: 160,
    cell: ({ getValue }) => <TextCell text={getValue().replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC')} className="tabular-nums" />,
  }),
  column.accessor((row) => (row.locked === undefined ? '' : row.locked ? 'locked' : ''), { id: 'locked', size: 80, cell: ({ getValue }) => <TextCell text={getValue()} empty="" /> }),
  column.accessor('id', { id: 'id', size: 300, cell: ({ getValue }) => <TextCell text={getValue()} mono /> }),
];
