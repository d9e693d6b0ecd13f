import { isNetworkColumnId } from './network-columns.ts';
import { NO_NETWORK_FILTERS, type NetworkFilters } from './network-filter.ts';
import { isNetworkKind, type NetworkKind } from './network-row.ts';
import { NETWORK_GROUP_BY, type NetworkGroupBy, type NetworkSort } from './network-table.ts';

/** Everything that makes a networks view what it is, so a copied link reopens it. Parsing never throws. */
export interface NetworksViewState {
  kind: NetworkKind;
  filters: NetworkFilters;
  sort: NetworkSort;
  groupBy?: NetworkGroupBy;
}

export const DEFAULT_NETWORK_SORT: Readonly<NetworkSort> = Object.freeze({ column: 'name', descending: false });

const TEXT_PARAMS = {
  text: 'q',
  status: 'status',
  cloud: 'cloud',
  region: 'region',
  site: 'site',
  project: 'project',
  ip: 'ip',
} as const satisfies Record<Exclude<keyof NetworkFilters, 'overlapping'>, string>;

export const NETWORKS_VIEW_PARAMS: readonly string[] = [...Object.values(TEXT_PARAMS), 'kind', 'overlap', 'sort', 'group'];

const MAX_VALUE_LENGTH = 512;

export function parseNetworksView(params: URLSearchParams): NetworksViewState {
  const kindParam = params.get('kind') ?? '';
  const filters: NetworkFilters = { ...NO_NETWORK_FILTERS, overlapping: params.get('overlap') === '1' };
  for (const [field, name] of Object.entries(TEXT_PARAMS) as [keyof typeof TEXT_PARAMS, string][]) {
    filters[field] = (params.get(name) ?? '').slice(0, MAX_VALUE_LENGTH);
  }
  const state: NetworksViewState = { kind: isNetworkKind(kindParam) ? kindParam : 'networks', filters, sort: parseSort(params.get('sort')) };
  const group = params.get('group');
  if (group !== null && (NETWORK_GROUP_BY as readonly string[]).includes(group)) state.groupBy = group as NetworkGroupBy;
  return state;
}

/** Writes the view into a copy of `base`: defaults left out so links stay short, unrelated parameters kept. */
export function formatNetworksView(state: NetworksViewState, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const name of NETWORKS_VIEW_PARAMS) params.delete(name);
  if (state.kind !== 'networks') params.set('kind', state.kind);
  for (const [field, name] of Object.entries(TEXT_PARAMS) as [keyof typeof TEXT_PARAMS, string][]) {
    if (state.filters[field] !== '') params.set(name, state.filters[field]);
  }
  if (state.filters.overlapping) params.set('overlap', '1');
  if (state.sort.column !== DEFAULT_NETWORK_SORT.column || state.sort.descending !== DEFAULT_NETWORK_SORT.descending) {
    params.set('sort', `${state.sort.descending ? '-' : ''}${state.sort.column}`);
  }
  if (state.groupBy !== undefined) params.set('group', state.groupBy);
  return params;
}

/** The link to the networks view showing the given rows: what global search jumps to. */
export function networksViewHref(kind: NetworkKind, filters: Partial<NetworkFilters>): string {
  const query = formatNetworksView({ kind, filters: { ...NO_NETWORK_FILTERS, ...filters }, sort: DEFAULT_NETWORK_SORT }).toString();
  return query === '' ? '/networks' : `/networks?${query}`;
}

function parseSort(value: string | null): NetworkSort {
  if (value === null) return DEFAULT_NETWORK_SORT;
  const descending = value.startsWith('-');
  const column = descending ? value.slice(1) : value;
  return isNetworkColumnId(column) ? { column, descending } : DEFAULT_NETWORK_SORT;
}
