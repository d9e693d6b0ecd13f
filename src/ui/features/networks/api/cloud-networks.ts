import { queryOptions, useQueries, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { loadProjectsNetworks, mergeNetworksRefresh, type CloudNetworks } from '../../../../fleet/inventory/network-load.ts';
import type { CloudNetworksState } from '../../../../fleet/inventory/network-sources.ts';
import type { CloudDefinition } from '../../../../fleet/registry/cloud-definition.ts';
import { missingSecret } from '../../../../fleet/registry/cloud-secrets.ts';
import { definitionRevision } from '../../../../fleet/registry/definition-revision.ts';
import type { FleetConnections } from '../../../../fleet/session/fleet-connections.ts';
import { projectSources } from '../../../../fleet/session/project-sources.ts';
import { useClouds, useFleetRuntime, useRegistry } from '../../../app/fleet-runtime-context.tsx';

/** Networks change far less often than servers: five minutes keeps Neutron unburdened. */
export const NETWORKS_REFRESH_MS = 300_000;
export const NETWORKS_STALE_AFTER_MS = 3 * NETWORKS_REFRESH_MS;
/** Pages of a big cloud arrive faster than anyone can read; repaint at most this often per cloud. */
const PUBLISH_EVERY_MS = 250;

/**
 * The revision: data loaded with an old definition (or before the secret was
 * given) is never shown for the new one; nor is the cloud's own project's for
 * "all projects I can see", or the other way round.
 */
export function cloudNetworksQueryKey(cloud: CloudDefinition, allProjects: boolean) {
  return ['inventory', 'networks', cloud.name, definitionRevision(cloud), allProjects ? 'all-projects' : 'own-project'] as const;
}

/**
 * One query per cloud, its six listings per region (per project and region
 * with "all projects I can see") streamed into the cache as pages arrive
 * (DESIGN rule 4), merged over the previous result so a background refresh
 * never empties the table.
 */
export function cloudNetworksQueryOptions(queryClient: QueryClient, connections: FleetConnections, cloud: CloudDefinition, allProjects: boolean) {
  const queryKey = cloudNetworksQueryKey(cloud, allProjects);
  return queryOptions({
    queryKey,
    queryFn: async ({ signal }): Promise<CloudNetworks> => {
      const previous = queryClient.getQueryData<CloudNetworks>(queryKey);
      let latest: CloudNetworks | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const publish = () => {
        timer = undefined;
        if (latest && !signal.aborted) queryClient.setQueryData(queryKey, mergeNetworksRefresh(previous, latest));
      };
      try {
        const sources = await projectSources(connections, cloud, allProjects, signal);
        const result = await loadProjectsNetworks(sources, {
          signal,
          onProgress: (snapshot) => {
            latest = snapshot;
            timer ??= setTimeout(publish, PUBLISH_EVERY_MS);
          },
        });
        return mergeNetworksRefresh(previous, result);
      } finally {
        clearTimeout(timer);
      }
    },
    // A cloud waiting for its secret is not asked anything until the operator gives it.
    enabled: missingSecret(cloud) === undefined,
    refetchInterval: NETWORKS_REFRESH_MS,
    staleTime: NETWORKS_REFRESH_MS,
    // The HTTP layer already retries what is worth retrying.
    retry: false,
  });
}

export interface CloudNetworksEntry extends CloudNetworksState {
  refetch: () => void;
}

/** Every cloud's networks query, in registry order. */
export function useCloudNetworks(): CloudNetworksEntry[] {
  const { connections } = useFleetRuntime();
  const clouds = useClouds();
  const queryClient = useQueryClient();
  const allProjects = useRegistry((state) => state.projectChoices.allProjects);
  const queries = useQueries({ queries: clouds.map((cloud) => cloudNetworksQueryOptions(queryClient, connections, cloud, allProjects)) });
  return clouds.map((cloud, index) => {
    const query = queries[index];
    return {
      cloud: cloud.name,
      signInNeeded: missingSecret(cloud) !== undefined,
      data: query?.data,
      error: query?.error ?? undefined,
      dataUpdatedAt: query?.dataUpdatedAt ?? 0,
      fetching: query?.isFetching ?? false,
      refetch: () => void query?.refetch(),
    };
  });
}
