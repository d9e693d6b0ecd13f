import { queryOptions, useQueries, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { loadProjectsCapacity, type CloudCapacity } from '../../../../fleet/inventory/capacity-load.ts';
import type { CloudCapacityState } from '../../../../fleet/inventory/capacity-sources.ts';
import type { CloudDefinition } from '../../../../fleet/registry/cloud-definition.ts';
import { missingSecret } from '../../../../fleet/registry/cloud-secrets.ts';
import { definitionRevision } from '../../../../fleet/registry/definition-revision.ts';
import type { FleetConnections } from '../../../../fleet/session/fleet-connections.ts';
import { projectSources } from '../../../../fleet/session/project-sources.ts';
import { useClouds, useFleetRuntime, useRegistry } from '../../../app/fleet-runtime-context.tsx';

/** Usage moves with every boot, but a minute is fine-grained enough for capacity planning. */
export const CAPACITY_REFRESH_MS = 60_000;
export const CAPACITY_STALE_AFTER_MS = 3 * CAPACITY_REFRESH_MS;
/** Repaint at most this often per cloud while regions answer. */
const PUBLISH_EVERY_MS = 250;

export function cloudCapacityQueryKey(cloud: CloudDefinition, allProjects: boolean) {
  return ['inventory', 'capacity', cloud.name, definitionRevision(cloud), allProjects ? 'all-projects' : 'own-project'] as const;
}

/** One query per cloud (per project with "all projects I can see"); regions go into the cache as they answer. */
export function cloudCapacityQueryOptions(queryClient: QueryClient, connections: FleetConnections, cloud: CloudDefinition, allProjects: boolean) {
  const queryKey = cloudCapacityQueryKey(cloud, allProjects);
  return queryOptions({
    queryKey,
    queryFn: async ({ signal }): Promise<CloudCapacity> => {
      let latest: CloudCapacity | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const publish = () => {
        timer = undefined;
        // Only the first load streams: a refresh keeps the previous numbers until the new ones are whole.
        if (latest && !signal.aborted && queryClient.getQueryData(queryKey) === undefined) queryClient.setQueryData(queryKey, latest);
      };
      try {
        const sources = await projectSources(connections, cloud, allProjects, signal);
        return await loadProjectsCapacity(sources, {
          signal,
          onProgress: (snapshot) => {
            latest = snapshot;
            timer ??= setTimeout(publish, PUBLISH_EVERY_MS);
          },
        });
      } finally {
        clearTimeout(timer);
      }
    },
    enabled: missingSecret(cloud) === undefined,
    refetchInterval: CAPACITY_REFRESH_MS,
    staleTime: CAPACITY_REFRESH_MS,
    // The HTTP layer already retries what is worth retrying.
    retry: false,
  });
}

export interface CloudCapacityEntry extends CloudCapacityState {
  refetch: () => void;
}

/** Every cloud's capacity query, in registry order. */
export function useCloudCapacity(): CloudCapacityEntry[] {
  const { connections } = useFleetRuntime();
  const clouds = useClouds();
  const queryClient = useQueryClient();
  const allProjects = useRegistry((state) => state.projectChoices.allProjects);
  const queries = useQueries({ queries: clouds.map((cloud) => cloudCapacityQueryOptions(queryClient, connections, cloud, allProjects)) });
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
