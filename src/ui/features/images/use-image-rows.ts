import { useDeferredValue, useMemo, useRef } from 'react';
import { imageRowsOf, type CloudImages } from '../../../fleet/inventory/image-load.ts';
import type { ImageRow } from '../../../fleet/inventory/image-row.ts';
import type { ImagesViewState } from '../../../fleet/inventory/image-url-state.ts';
import { filterImageRows, groupImageRows, sortImageRows, type ImageListItem } from '../../../fleet/inventory/image-view.ts';

export interface ImageFilterOptions {
  cloud: string[];
  region: string[];
  visibility: string[];
  status: string[];
  format: string[];
}

export interface ImageRows {
  all: readonly ImageRow[];
  items: ImageListItem[];
  matching: number;
  options: ImageFilterOptions;
  updating: boolean;
}

/** Rows → filtered → sorted → grouped, each step recomputed only when its input changes. */
export function useImageRows(datas: readonly (CloudImages | undefined)[], view: ImagesViewState): ImageRows {
  const stable = useStableList(datas);
  const all = useMemo(() => stable.flatMap((data) => (data ? imageRowsOf(data) : [])), [stable]);
  const options = useMemo(() => filterOptions(all), [all]);
  const filters = useDeferredValue(view.filters);
  const { sort, groupBy } = view;
  const filtered = useMemo(() => filterImageRows(all, filters), [all, filters]);
  const sorted = useMemo(() => sortImageRows(filtered, sort), [filtered, sort]);
  const items = useMemo(() => groupImageRows(sorted, groupBy), [sorted, groupBy]);
  return { all, items, matching: filtered.length, options, updating: filters !== view.filters };
}

function useStableList<T>(list: readonly T[]): readonly T[] {
  const ref = useRef(list);
  const previous = ref.current;
  if (previous.length !== list.length || previous.some((item, index) => item !== list[index])) ref.current = list;
  return ref.current;
}

function filterOptions(rows: readonly ImageRow[]): ImageFilterOptions {
  const sets = { cloud: new Set<string>(), region: new Set<string>(), visibility: new Set<string>(), status: new Set<string>(), format: new Set<string>() };
  for (const row of rows) {
    sets.cloud.add(row.cloud);
    sets.region.add(row.region);
    sets.visibility.add(row.visibility);
    sets.status.add(row.status);
    if (row.diskFormat !== '') sets.format.add(row.diskFormat);
  }
  const sorted = (set: Set<string>) => [...set].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return { cloud: sorted(sets.cloud), region: sorted(sets.region), visibility: sorted(sets.visibility), status: sorted(sets.status), format: sorted(sets.format) };
}
