import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { NetworkColumnId } from '../../../fleet/inventory/network-columns.ts';
import type { RowOverlap } from '../../../fleet/inventory/network-overlaps.ts';
import { networkRowKey, type NetworkKind, type NetworkRow } from '../../../fleet/inventory/network-row.ts';
import { serverRowKey } from '../../../fleet/inventory/server-row.ts';
import { TextCell } from '../../components/TextCell.tsx';

export const KIND_LABELS: Record<NetworkKind, string> = {
  networks: 'Networks',
  subnets: 'Subnets',
  routers: 'Routers',
  ports: 'Ports',
  'floating-ips': 'Floating IPs',
  'security-groups': 'Security groups',
};

export const COLUMN_LABELS: Record<NetworkColumnId, string> = {
  name: 'Name',
  status: 'Status',
  cloud: 'Cloud',
  region: 'Region',
  site: 'Site',
  project: 'Project',
  network: 'Network',
  cidrs: 'CIDRs',
  overlap: 'Overlap',
  addresses: 'Addresses',
  macs: 'MAC',
  device: 'Device',
  summary: 'Details',
  id: 'ID',
};

export const COLUMN_WIDTHS: Record<NetworkColumnId, number> = {
  name: 220,
  status: 90,
  cloud: 120,
  region: 120,
  site: 120,
  project: 140,
  network: 160,
  cidrs: 200,
  overlap: 200,
  addresses: 200,
  macs: 150,
  device: 150,
  summary: 180,
  id: 290,
};

export interface CellContext {
  overlaps: ReadonlyMap<string, RowOverlap>;
  byKey: ReadonlyMap<string, NetworkRow>;
}

/** What one cell shows; API text is always rendered as inert text. */
export function renderCell(row: NetworkRow, column: NetworkColumnId, context: CellContext): ReactNode {
  switch (column) {
    case 'name':
      return <TextCell text={row.name} className="font-medium" empty="(no name)" />;
    case 'status':
      return <Status status={row.status} />;
    case 'cloud':
      return <TextCell text={row.cloud} />;
    case 'region':
      return <TextCell text={row.region} />;
    case 'site':
      return <TextCell text={row.site} />;
    case 'project':
      return row.project === '' ? <TextCell text={row.projectId} mono /> : <TextCell text={row.project} />;
    case 'network': {
      const network = context.byKey.get(networkRowKey(row, 'networks', row.networkId));
      return network?.name ? <TextCell text={network.name} /> : <TextCell text={row.networkId} mono />;
    }
    case 'cidrs':
      return <TextCell text={row.cidrs.join(', ')} mono />;
    case 'overlap':
      return <OverlapCell overlap={context.overlaps.get(row.key)} />;
    case 'addresses':
      return <TextCell text={row.addresses.join(', ')} mono />;
    case 'macs':
      return <TextCell text={row.macs.join(', ')} mono />;
    case 'device':
      return <DeviceCell row={row} />;
    case 'summary':
      return <TextCell text={row.summary} className="text-slate-600 dark:text-slate-400" />;
    case 'id':
      return <TextCell text={row.id} mono />;
  }
}

const STATUS_TONES: Record<string, string> = {
  ACTIVE: 'text-emerald-700 dark:text-emerald-400',
  DOWN: 'text-slate-500 dark:text-slate-400',
  ERROR: 'text-red-700 dark:text-red-400',
};

function Status({ status }: { status: string }) {
  if (status === '') return <span className="text-slate-400 dark:text-slate-600">—</span>;
  return <span className={`text-xs font-medium ${STATUS_TONES[status] ?? 'text-amber-700 dark:text-amber-400'}`}>{status}</span>;
}

function OverlapCell({ overlap }: { overlap?: RowOverlap }) {
  if (!overlap) return <span className="text-slate-400 dark:text-slate-600">—</span>;
  const description = overlap.peers.map((peer) => `${peer.cidr} overlaps ${peer.otherCidr} of ${peer.network} in ${peer.cloud} / ${peer.region}`).join('\n');
  const more = overlap.count > overlap.peers.length ? `\n…and ${overlap.count - overlap.peers.length} more` : '';
  return (
    <span
      className="inline-flex max-w-full items-center gap-1 truncate rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200"
      title={description + more}
      aria-label={`Overlaps ${overlap.count} ${overlap.count === 1 ? 'block' : 'blocks'} elsewhere: ${description}`}
    >
      <span aria-hidden="true">⚠</span>
      Overlaps {overlap.count} elsewhere
    </span>
  );
}

/** A compute port's (or its floating IP's) device is a server of the same cloud and region: one click opens it. */
function DeviceCell({ row }: { row: NetworkRow }) {
  const compute = row.kind === 'ports' ? row.summary.startsWith('compute:') : row.kind === 'floating-ips' && row.deviceId !== '';
  if (!compute || row.deviceId === '') return <TextCell text={row.deviceId} mono />;
  return (
    <Link
      to={`/servers?${new URLSearchParams({ open: serverRowKey(row.cloud, row.region, row.deviceId) }).toString()}`}
      className="block truncate font-mono text-xs text-teal-700 underline hover:text-teal-900 dark:text-teal-400 dark:hover:text-teal-200"
      title={`Open server ${row.deviceId}`}
    >
      {row.deviceId}
    </Link>
  );
}
