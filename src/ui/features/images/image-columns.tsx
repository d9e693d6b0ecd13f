import { createColumnHelper } from '@tanstack/react-table';
import type { ImageColumnId } from '../../../fleet/inventory/image-columns.ts';
import type { ImageRow } from '../../../fleet/inventory/image-row.ts';
import { TextCell } from '../../components/TextCell.tsx';
import { formatBytes } from './format-bytes.ts';
import { ImageStatus } from './ImageStatus.tsx';

const column = createColumnHelper<ImageRow>();

export const IMAGE_COLUMN_LABELS: Record<ImageColumnId, string> = {
  name: 'Name',
  status: 'Status',
  visibility: 'Visibility',
  cloud: 'Cloud',
  region: 'Region',
  owner: 'Owner',
  size: 'Size',
  disk: 'Format',
  container: 'Container',
  checksum: 'Checksum',
  created: 'Created',
  id: 'ID',
};

/** Rows arrive filtered, sorted and grouped by the fleet's pure functions; the table holds only those on screen. */
export const IMAGE_COLUMNS = [
  column.accessor('name', { id: 'name', size: 240, cell: ({ getValue }) => <TextCell text={getValue()} className="font-medium" empty="(no name)" /> }),
  column.accessor('status', { id: 'status', size: 100, cell: ({ getValue }) => <ImageStatus status={getValue()} /> }),
  column.accessor('visibility', { id: 'visibility', size: 90, cell: ({ getValue }) => <TextCell text={getValue()} /> }),
  column.accessor('cloud', { id: 'cloud', size: 120, cell: ({ getValue }) => <TextCell text={getValue()} /> }),
  column.accessor('region', { id: 'region', size: 130, cell: ({ getValue }) => <TextCell text={getValue()} /> }),
  column.accessor((row) => (row.size === undefined ? '' : formatBytes(row.size)), {
    id: 'size',
    size: 100,
    cell: ({ getValue }) => <TextCell text={getValue()} className="text-right tabular-nums" />,
  }),
  column.accessor('diskFormat', { id: 'disk', size: 80, cell: ({ getValue }) => <TextCell text={getValue()} /> }),
  column.accessor('containerFormat', { id: 'container', size: 95, cell: ({ getValue }) => <TextCell text={getValue()} /> }),
  column.display({
    id: 'checksum',
    size: 260,
    cell: ({ row }) => {
      const { checksum, hashAlgo, hashValue } = row.original;
      const text = checksum !== '' ? checksum : hashValue !== '' ? `${hashAlgo}:${hashValue}` : '';
      const title = [checksum !== '' ? `md5 ${checksum}` : '', hashValue !== '' ? `${hashAlgo || 'hash'} ${hashValue}` : ''].filter(Boolean).join('\n');
      return text === '' ? <TextCell text="" empty="none (no data)" /> : <bdi className="block truncate font-mono text-xs" title={title}>{text}</bdi>;
    },
  }),
  column.accessor('owner', {
    id: 'owner',
    size: 130,
    cell: ({ row }) => (row.original.ownerName === '' ? <TextCell text={row.original.owner} mono /> : <TextCell text={row.original.ownerName} />),
  }),
  column.accessor('created', {
    id: 'created',
    size: 160,
    cell: ({ getValue }) => <TextCell text={getValue().replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC')} className="tabular-nums" />,
  }),
  column.accessor('id', { id: 'id', size: 300, cell: ({ getValue }) => <TextCell text={getValue()} mono /> }),
];
