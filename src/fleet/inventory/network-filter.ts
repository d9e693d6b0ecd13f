import { anyAddressIn, cidrsOverlap, parseCidr } from './ip-match.ts';
import type { NetworkRow } from './network-row.ts';

/** Every filter of the networks view; '' (or false) means "any". */
export interface NetworkFilters {
  /** Case-insensitive text in name, id, cloud, region, site, project (name or id), network, device, summary, CIDRs, addresses or MACs. */
  text: string;
  status: string;
  cloud: string;
  region: string;
  site: string;
  project: string;
  /** An address or CIDR: rows with an address in it, or a block overlapping it; anything else matches as text. */
  ip: string;
  /** Only rows whose CIDRs overlap another cloud's. */
  overlapping: boolean;
}

export const NO_NETWORK_FILTERS: Readonly<NetworkFilters> = Object.freeze({
  text: '',
  status: '',
  cloud: '',
  region: '',
  site: '',
  project: '',
  ip: '',
  overlapping: false,
});

type Predicate = (row: NetworkRow) => boolean;

/** One predicate for all active filters; `overlapping` asks the keys of the rows that overlap. */
export function networkRowPredicate(filters: NetworkFilters, overlapping: ReadonlySet<string> | ReadonlyMap<string, unknown>): Predicate {
  const checks: Predicate[] = [];
  const exact = (field: 'status' | 'cloud' | 'region' | 'projectId', wanted: string) => {
    if (wanted !== '') checks.push((row) => row[field] === wanted);
  };
  exact('status', filters.status);
  exact('cloud', filters.cloud);
  exact('region', filters.region);
  exact('projectId', filters.project);
  if (filters.site !== '') checks.push((row) => row.site.split(', ').includes(filters.site));

  const ip = filters.ip.trim();
  if (ip !== '') {
    const block = parseCidr(ip);
    if (block) {
      checks.push((row) => anyAddressIn(block, row.addresses) || row.cidrs.some((cidr) => {
        const other = parseCidr(cidr);
        return other !== undefined && cidrsOverlap(block, other);
      }));
    } else {
      const text = ip.toLowerCase();
      checks.push((row) => [...row.addresses, ...row.cidrs].some((value) => value.toLowerCase().includes(text)));
    }
  }
  if (filters.overlapping) checks.push((row) => overlapping.has(row.key));

  const text = filters.text.trim().toLowerCase();
  if (text !== '') checks.push((row) => textOf(row).includes(text));
  return (row) => checks.every((check) => check(row));
}

function textOf(row: NetworkRow): string {
  return [row.name, row.id, row.cloud, row.region, row.site, row.project, row.projectId, row.networkId, row.deviceId, row.summary, ...row.cidrs, ...row.addresses, ...row.macs]
    .join('\n')
    .toLowerCase();
}

export function filterNetworkRows(rows: readonly NetworkRow[], filters: NetworkFilters, overlapping: ReadonlySet<string> | ReadonlyMap<string, unknown>): NetworkRow[] {
  return rows.filter(networkRowPredicate(filters, overlapping));
}
