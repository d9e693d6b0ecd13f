import { NO_FILTERS, type ServerFilters } from './filter-rows.ts';
import { SERVER_GROUP_BY, type ServerGroupBy } from './group-rows.ts';
import { DEFAULT_SERVER_COLUMNS, isServerColumnId, SERVER_COLUMN_IDS, type ServerColumnId } from './server-columns.ts';
import type { ServerSort } from './sort-rows.ts';

/**
 * Everything that makes a servers view what it is, so a copied link reopens
 * the same view. Parsing never throws: a hand-edited or truncated link gives
 * the nearest sensible view, never an error page.
 */
export interface ServersViewState {
  filters: ServerFilters;
  sort: ServerSort;
  groupBy?: ServerGroupBy;
  columns: readonly ServerColumnId[];
  /** The row whose details are open (ServerRow.key). */
  open?: string;
}

export const DEFAULT_SORT: Readonly<ServerSort> = Object.freeze({ column: 'name', descending: false });

export const DEFAULT_SERVERS_VIEW: Readonly<ServersViewState> = Object.freeze({
  filters: NO_FILTERS,
  sort: DEFAULT_SORT,
  columns: DEFAULT_SERVER_COLUMNS,
});

/** The URL parameters of this view; others (such as the demo's `fleet`) are left alone. */
const FILTER_PARAMS = {
  text: 'q',
  status: 'status',
  cloud: 'cloud',
  region: 'region',
  site: 'site',
  flavor: 'flavor',
  image: 'image',
  ip: 'ip',
} as const satisfies Record<keyof ServerFilters, string>;

export const SERVERS_VIEW_PARAMS: readonly string[] = [...Object.values(FILTER_PARAMS), 'sort', 'group', 'cols', 'open'];

/** Bounds what a link can make the page hold; a real filter is far shorter. */
const MAX_VALUE_LENGTH = 512;

export function parseServersView(params: URLSearchParams): ServersViewState {
  const filters = { ...NO_FILTERS };
  for (const [field, name] of Object.entries(FILTER_PARAMS) as [keyof ServerFilters, string][]) {
    filters[field] = bounded(params.get(name));
  }
  const state: ServersViewState = { filters, sort: parseSort(params.get('sort')), columns: parseColumns(params.get('cols')) };
  const group = params.get('group');
  if (group !== null && (SERVER_GROUP_BY as readonly string[]).includes(group)) state.groupBy = group as ServerGroupBy;
  const open = bounded(params.get('open'));
  if (open !== '') state.open = open;
  return state;
}

/**
 * Writes the view into `base` (a copy is returned): defaults are left out so
 * links stay short, unrelated parameters are kept.
 */
export function formatServersView(state: ServersViewState, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const name of SERVERS_VIEW_PARAMS) params.delete(name);
  for (const [field, name] of Object.entries(FILTER_PARAMS) as [keyof ServerFilters, string][]) {
    const value = state.filters[field];
    if (value !== '') params.set(name, value);
  }
  if (state.sort.column !== DEFAULT_SORT.column || state.sort.descending !== DEFAULT_SORT.descending) {
    params.set('sort', `${state.sort.descending ? '-' : ''}${state.sort.column}`);
  }
  if (state.groupBy !== undefined) params.set('group', state.groupBy);
  if (!sameColumns(state.columns, DEFAULT_SERVER_COLUMNS)) params.set('cols', state.columns.length === 0 ? '-' : state.columns.join('.'));
  if (state.open !== undefined && state.open !== '') params.set('open', state.open);
  return params;
}

function bounded(value: string | null): string {
  return value === null ? '' : value.slice(0, MAX_VALUE_LENGTH);
}

function parseSort(value: string | null): ServerSort {
  if (value === null) return DEFAULT_SORT;
  const descending = value.startsWith('-');
  const column = descending ? value.slice(1) : value;
  return isServerColumnId(column) ? { column, descending } : DEFAULT_SORT;
}

/** Dots, not commas, separate columns: URLSearchParams would percent-encode commas and make links ugly. */
function parseColumns(value: string | null): readonly ServerColumnId[] {
  if (value === null) return DEFAULT_SERVER_COLUMNS;
  if (value === '-') return [];
  const wanted = new Set(value.split('.'));
  const columns = SERVER_COLUMN_IDS.filter((id) => wanted.has(id));
  // A link whose columns are all unknown (renamed, mistyped) still shows a usable table.
  return columns.length === 0 ? DEFAULT_SERVER_COLUMNS : columns;
}

function sameColumns(a: readonly ServerColumnId[], b: readonly ServerColumnId[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}
