import { serverSearchText } from './filter-rows.ts';
import type { CloudServers } from './load-servers.ts';
import type { ServerRow } from './server-row.ts';

/** The values a filter can choose from, as sets so clouds merge cheaply. */
export interface OptionSets {
  status: ReadonlySet<string>;
  cloud: ReadonlySet<string>;
  region: ReadonlySet<string>;
  site: ReadonlySet<string>;
  flavor: ReadonlySet<string>;
  image: ReadonlySet<string>;
}

export type FilterOptions = { readonly [field in keyof OptionSets]: string[] };

/**
 * One cloud's rows with what filtering needs beside them, computed once when
 * the cloud's data changes. The fleet is many of these, so one cloud
 * answering costs that cloud, not the fleet.
 */
export interface CloudRows {
  /** Each region's rows as the data held them: a refresh that changed nothing hands back the same arrays. */
  readonly regionRows: readonly (readonly ServerRow[])[];
  readonly rows: readonly ServerRow[];
  /** serverSearchText of each row, by index. */
  readonly searchTexts: readonly string[];
  readonly options: OptionSets;
}

export const NO_CLOUD_ROWS: CloudRows = Object.freeze({
  regionRows: Object.freeze([]),
  rows: Object.freeze([]),
  searchTexts: Object.freeze([]),
  options: optionSets([]),
});

// Keyed by the cached data object: react-query hands back the same object until the cloud changes.
const byData = new WeakMap<CloudServers, CloudRows>();
const byRows = new WeakMap<CloudRows, ReadonlyMap<string, ServerRow>>();

/**
 * The cloud's rows indexed, once per data object; `previous` (the same
 * cloud's last index) is handed back when every region still holds the same
 * rows array, as react-query's structural sharing makes them after a refresh
 * that found nothing new, so such a refresh costs nothing downstream.
 */
export function cloudRows(data: CloudServers | undefined, previous?: CloudRows): CloudRows {
  if (data === undefined) return NO_CLOUD_ROWS;
  let indexed = byData.get(data);
  if (!indexed) {
    const regionRows = data.regions.map((region) => region.rows);
    if (previous && sameArrays(previous.regionRows, regionRows)) {
      indexed = previous;
    } else {
      const rows = regionRows.flat();
      indexed = { regionRows, rows, searchTexts: rows.map(serverSearchText), options: optionSets(rows) };
    }
    byData.set(data, indexed);
  }
  return indexed;
}

function sameArrays<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** The row with this key in any of the clouds, indexing each cloud only when first asked. */
export function findServerRow(clouds: readonly CloudRows[], key: string): ServerRow | undefined {
  for (const cloud of clouds) {
    let index = byRows.get(cloud);
    if (!index) {
      index = new Map(cloud.rows.map((row) => [row.key, row]));
      byRows.set(cloud, index);
    }
    const row = index.get(key);
    if (row) return row;
  }
  return undefined;
}

/** Every cloud's options together, each list in natural order. */
export function mergeFilterOptions(clouds: readonly CloudRows[]): FilterOptions {
  const merged = { status: new Set<string>(), cloud: new Set<string>(), region: new Set<string>(), site: new Set<string>(), flavor: new Set<string>(), image: new Set<string>() };
  for (const { options } of clouds) {
    for (const field of Object.keys(merged) as (keyof OptionSets)[]) {
      for (const value of options[field]) merged[field].add(value);
    }
  }
  const sorted = (set: Set<string>) => [...set].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return {
    status: sorted(merged.status),
    cloud: sorted(merged.cloud),
    region: sorted(merged.region),
    site: sorted(merged.site),
    flavor: sorted(merged.flavor),
    image: sorted(merged.image),
  };
}

function optionSets(rows: readonly ServerRow[]): OptionSets {
  const sets = { status: new Set<string>(), cloud: new Set<string>(), region: new Set<string>(), site: new Set<string>(), flavor: new Set<string>(), image: new Set<string>() };
  for (const row of rows) {
    sets.status.add(row.status);
    sets.cloud.add(row.cloud);
    sets.region.add(row.region);
    if (row.site !== '') sets.site.add(row.site);
    if (row.flavor !== '') sets.flavor.add(row.flavor);
    if (row.imageId !== '') sets.image.add(row.imageId);
  }
  return sets;
}
