import { isImageColumnId } from './image-columns.ts';
import { IMAGE_GROUP_BY, NO_IMAGE_FILTERS, type ImageFilters, type ImageGroupBy, type ImageSort } from './image-view.ts';

/** Everything that makes an images view what it is, so a copied link reopens it. Parsing never throws. */
export interface ImagesViewState {
  filters: ImageFilters;
  sort: ImageSort;
  groupBy?: ImageGroupBy;
}

export const DEFAULT_IMAGE_SORT: Readonly<ImageSort> = Object.freeze({ column: 'name', descending: false });

/** `q` and `cloud` are what global search links with: /images?q=<name or id>&cloud=<cloud>. */
const FILTER_PARAMS = {
  text: 'q',
  cloud: 'cloud',
  region: 'region',
  visibility: 'visibility',
  status: 'status',
  format: 'format',
} as const satisfies Record<keyof ImageFilters, string>;

const VIEW_PARAMS: readonly string[] = [...Object.values(FILTER_PARAMS), 'sort', 'group'];

/** Bounds what a link can make the page hold; a real filter is far shorter. */
const MAX_VALUE_LENGTH = 512;

export function parseImagesView(params: URLSearchParams): ImagesViewState {
  const filters = { ...NO_IMAGE_FILTERS };
  for (const [field, name] of Object.entries(FILTER_PARAMS) as [keyof ImageFilters, string][]) {
    filters[field] = (params.get(name) ?? '').slice(0, MAX_VALUE_LENGTH);
  }
  const state: ImagesViewState = { filters, sort: parseSort(params.get('sort')) };
  const group = params.get('group');
  if (group !== null && (IMAGE_GROUP_BY as readonly string[]).includes(group)) state.groupBy = group as ImageGroupBy;
  return state;
}

/** Writes the view into a copy of `base`: defaults left out, unrelated parameters (such as `fleet`) kept. */
export function formatImagesView(state: ImagesViewState, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const name of VIEW_PARAMS) params.delete(name);
  for (const [field, name] of Object.entries(FILTER_PARAMS) as [keyof ImageFilters, string][]) {
    if (state.filters[field] !== '') params.set(name, state.filters[field]);
  }
  if (state.sort.column !== DEFAULT_IMAGE_SORT.column || state.sort.descending !== DEFAULT_IMAGE_SORT.descending) {
    params.set('sort', `${state.sort.descending ? '-' : ''}${state.sort.column}`);
  }
  if (state.groupBy !== undefined) params.set('group', state.groupBy);
  return params;
}

function parseSort(value: string | null): ImageSort {
  if (value === null) return DEFAULT_IMAGE_SORT;
  const descending = value.startsWith('-');
  const column = descending ? value.slice(1) : value;
  return isImageColumnId(column) ? { column, descending } : DEFAULT_IMAGE_SORT;
}
