import { anyAddressIn, parseCidr, type Cidr } from './ip-match.ts';
import type { ServerRow } from './server-row.ts';

/** Every filter of the servers view; '' means "any". */
export interface ServerFilters {
  /** Case-insensitive text in name, id, cloud, region, site, flavor, image, host, project or an address. */
  text: string;
  status: string;
  cloud: string;
  region: string;
  site: string;
  flavor: string;
  image: string;
  /** An address or CIDR block (IPv4 or IPv6); anything else matches addresses as text. */
  ip: string;
}

export const NO_FILTERS: Readonly<ServerFilters> = Object.freeze({
  text: '',
  status: '',
  cloud: '',
  region: '',
  site: '',
  flavor: '',
  image: '',
  ip: '',
});

/** How the IP filter will be read, so the view can say so beside the box. */
export type IpQuery = { kind: 'none' } | { kind: 'cidr'; cidr: Cidr } | { kind: 'text'; text: string };

export function readIpQuery(input: string): IpQuery {
  const text = input.trim();
  if (text === '') return { kind: 'none' };
  const cidr = parseCidr(text);
  return cidr ? { kind: 'cidr', cidr } : { kind: 'text', text: text.toLowerCase() };
}

/**
 * Tells whether a row passes; `searchText` is the row's serverSearchText,
 * which callers filtering often keep beside the row so a keystroke never
 * rebuilds it.
 */
export type ServerRowPredicate = (row: ServerRow, searchText?: string) => boolean;
type Check = (row: ServerRow, searchText: string | undefined) => boolean;

/** Builds one predicate for all active filters; inactive ones cost nothing per row. */
export function serverRowPredicate(filters: ServerFilters): ServerRowPredicate {
  const checks: Check[] = [];
  const exact = (field: 'status' | 'cloud' | 'region' | 'site' | 'flavor' | 'imageId', wanted: string) => {
    if (wanted !== '') checks.push((row) => row[field] === wanted);
  };
  exact('status', filters.status);
  exact('cloud', filters.cloud);
  exact('region', filters.region);
  exact('site', filters.site);
  exact('flavor', filters.flavor);
  exact('imageId', filters.image);

  const ip = readIpQuery(filters.ip);
  if (ip.kind === 'cidr') {
    checks.push((row) => anyAddressIn(ip.cidr, row.ipv4) || anyAddressIn(ip.cidr, row.ipv6));
  } else if (ip.kind === 'text') {
    checks.push((row) => row.ipv4.some((a) => a.includes(ip.text)) || row.ipv6.some((a) => a.toLowerCase().includes(ip.text)));
  }

  const text = filters.text.trim().toLowerCase();
  if (text !== '') checks.push((row, searchText) => (searchText ?? serverSearchText(row)).includes(text));

  if (checks.length === 0) return () => true;
  return (row, searchText) => {
    for (const check of checks) if (!check(row, searchText)) return false;
    return true;
  };
}

export function filterServerRows(rows: readonly ServerRow[], filters: ServerFilters): ServerRow[] {
  const matches = serverRowPredicate(filters);
  return rows.filter((row) => matches(row));
}

/** What the text filter searches in, lower-cased: computed once per row when rows arrive. */
export function serverSearchText(row: ServerRow): string {
  return [
    row.name,
    row.id,
    row.cloud,
    row.region,
    row.site,
    row.flavor,
    row.imageId,
    row.host,
    row.projectId,
    row.partial ? 'cell unreachable' : '',
    ...row.ipv4,
    ...row.ipv6,
  ]
    .join('\n')
    .toLowerCase();
}
