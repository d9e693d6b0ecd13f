import { networksViewHref } from '../inventory/network-url-state.ts';
import type { NetworkKind } from '../inventory/network-row.ts';
import type { SearchEntry, SearchKind } from './search-entry.ts';

const NETWORK_TABS: Partial<Record<SearchKind, NetworkKind>> = {
  network: 'networks',
  subnet: 'subnets',
  port: 'ports',
  'floating-ip': 'floating-ips',
};

/**
 * Where a result opens: a server in /servers with its details open; a
 * Neutron resource in /networks on its tab, filtered to its id in its cloud;
 * an image in /images filtered the same way.
 */
export function searchTargetHref(entry: SearchEntry): string {
  if (entry.kind === 'server') return `/servers?${new URLSearchParams({ open: entry.key }).toString()}`;
  if (entry.kind === 'image') return `/images?${new URLSearchParams({ q: entry.id, cloud: entry.cloud }).toString()}`;
  return networksViewHref(NETWORK_TABS[entry.kind] ?? 'networks', { text: entry.id, cloud: entry.cloud });
}
