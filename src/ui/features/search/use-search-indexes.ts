import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { networkRowsOf, type CloudNetworks } from '../../../fleet/inventory/network-load.ts';
import { withSubnetCidrs } from '../../../fleet/inventory/network-row.ts';
import { rowsOf, type CloudServers } from '../../../fleet/inventory/load-servers.ts';
import { imageRowsOf, type CloudImages } from '../../../fleet/inventory/image-load.ts';
import { imageEntry, networkEntry, serverEntry, type SearchEntry } from '../../../fleet/search/search-entry.ts';
import { buildSearchIndex, type SearchIndex } from '../../../fleet/search/search-index.ts';
import { useClouds, useFleetRuntime, useRegistry } from '../../app/fleet-runtime-context.tsx';
import { cloudImagesQueryOptions } from '../images/api/cloud-images.ts';
import { cloudNetworksQueryOptions } from '../networks/api/cloud-networks.ts';
import { cloudServersQueryOptions } from '../servers/api/cloud-servers.ts';

// One index per loaded result, built once: a keystroke never rebuilds one, and a cloud that
// streams in rebuilds only its own.
const indexes = new WeakMap<object, SearchIndex>();
function indexOf<T extends object>(data: T, entries: (data: T) => Iterable<SearchEntry>): SearchIndex {
  let index = indexes.get(data);
  if (!index) {
    index = buildSearchIndex(entries(data));
    indexes.set(data, index);
  }
  return index;
}

const serverEntries = (data: CloudServers) => rowsOf(data).map(serverEntry);
const networkEntries = (data: CloudNetworks) => withSubnetCidrs(networkRowsOf(data)).flatMap((row) => networkEntry(row) ?? []);
const imageEntries = (data: CloudImages) => imageRowsOf(data).map(imageEntry);

export interface SearchSources {
  indexes: readonly SearchIndex[];
  /** Listings (per cloud: servers, networks, images) that have not answered yet. */
  pending: number;
  /** Listings that failed: their cloud's results may be missing. */
  failedClouds: readonly string[];
  clouds: number;
}

/**
 * What global search searches: each cloud's servers, networks and images,
 * from the same queries the views use, so what a view loaded is searched at
 * once and what no view loaded yet is loaded now, once per cloud (never per
 * keystroke).
 */
export function useSearchIndexes(): SearchSources {
  const { connections } = useFleetRuntime();
  const clouds = useClouds();
  const queryClient = useQueryClient();
  // The views' own queries, under the project switcher as they are: what a view shows is what search finds.
  const allProjects = useRegistry((state) => state.projectChoices.allProjects);
  const servers = useQueries({ queries: clouds.map((cloud) => cloudServersQueryOptions(queryClient, connections, cloud, allProjects)) });
  const networks = useQueries({ queries: clouds.map((cloud) => cloudNetworksQueryOptions(queryClient, connections, cloud, allProjects)) });
  const images = useQueries({ queries: clouds.map((cloud) => cloudImagesQueryOptions(queryClient, connections, cloud, allProjects)) });
  const list: SearchIndex[] = [];
  for (const query of servers) if (query.data) list.push(indexOf(query.data, serverEntries));
  for (const query of networks) if (query.data) list.push(indexOf(query.data, networkEntries));
  for (const query of images) if (query.data) list.push(indexOf(query.data, imageEntries));
  const all = [...servers, ...networks, ...images];
  const failed = new Set<string>();
  all.forEach((query, index) => {
    if (query.isError) failed.add(clouds[index % Math.max(clouds.length, 1)]?.name ?? '');
  });
  return {
    indexes: useStableList(list),
    pending: all.filter((query) => query.isPending && query.fetchStatus === 'fetching').length,
    failedClouds: [...failed],
    clouds: clouds.length,
  };
}

function useStableList<T>(list: readonly T[]): readonly T[] {
  const ref = useRef(list);
  const previous = ref.current;
  if (previous.length !== list.length || previous.some((item, index) => item !== list[index])) ref.current = list;
  return ref.current;
}
