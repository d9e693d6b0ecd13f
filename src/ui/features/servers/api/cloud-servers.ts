import { queryOptions, useQueries, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { loadProjectsServers, mergeRefresh, type CloudServers } from '../../../../fleet/inventory/load-servers.ts';
import type { CloudServersState } from '../../../../fleet/inventory/source-status.ts';
import type { CloudDefinition } from '../../../../fleet/registry/cloud-definition.ts';
import { missingSecret } from '../../../../fleet/registry/cloud-secrets.ts';
import { definitionRevision } from '../../../../fleet/registry/definition-revision.ts';
import type { FleetConnections } from '../../../../fleet/session/fleet-connections.ts';
import { projectSources } from '../../../../fleet/session/project-sources.ts';
import { useClouds, useFleetRuntime, useRegistry } from '../../../app/fleet-runtime-context.tsx';

/** Servers change by the minute; a 60 s refresh keeps the table honest without burdening Nova. */
export const SERVERS_REFRESH_MS = 60_000;
export const SERVERS_STALE_AFTER_MS = 3 * SERVERS_REFRESH_MS;
/** Pages of a big cloud arrive faster than anyone can read; repaint at most this often per cloud. */
const PUBLISH_EVERY_MS = 250;

/**
 * The revision: data loaded with an old definition (or before the secret was
 * given) is never shown for the new one; nor is the cloud's own project's for
 * "all projects I can see", or the other way round.
 */
export function cloudServersQueryKey(cloud: CloudDefinition, allProjects: boolean) {
  return ['inventory', 'servers', cloud.name, definitionRevision(cloud), allProjects ? 'all-projects' : 'own-project'] as const;
}

/**
 * One query per cloud. Its fetch writes each page into the cache as it
 * arrives (DESIGN rule 4), merged over the previous result so a background
 * refresh never empties the table while it runs.
 */
export function cloudServersQueryOptions(queryClient: QueryClient, connections: FleetConnections, cloud: CloudDefinition, allProjects: boolean) {
  const queryKey = cloudServersQueryKey(cloud, allProjects);
  return queryOptions({
    queryKey,
    queryFn: async ({ signal }): Promise<CloudServers> => {
      const previous = queryClient.getQueryData<CloudServers>(queryKey);
      let latest: CloudServers | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let publishedAt = -Infinity;
      const publish = () => {
        timer = undefined;
        publishedAt = Date.now();
        if (latest && !signal.aborted) queryClient.setQueryData(queryKey, mergeRefresh(previous, latest));
      };
      // Leading edge: the first page shows at once (first row as soon as a cloud answers); later ones at most every PUBLISH_EVERY_MS.
      const schedule = () => {
        if (timer !== undefined) return;
        const wait = publishedAt + PUBLISH_EVERY_MS - Date.now();
        if (wait <= 0) publish();
        else timer = setTimeout(publish, wait);
      };
      try {
        const sources = await projectSources(connections, cloud, allProjects, signal);
        const result = await loadProjectsServers(sources, {
          signal,
          onProgress: (snapshot) => {
            latest = snapshot;
            schedule();
          },
        });
        return mergeRefresh(previous, result);
      } finally {
        clearTimeout(timer);
      }
    },
    // A cloud waiting for its secret is not asked anything until the operator gives it.
    enabled: missingSecret(cloud) === undefined,
    refetchInterval: SERVERS_REFRESH_MS,
    staleTime: SERVERS_REFRESH_MS,
    // The HTTP layer already retries what is worth retrying.
    retry: false,
  });
}

export interface CloudServersEntry extends CloudServersState {
  refetch: () => void;
}

/** Every cloud's servers query, in registry order. */
export function useCloudServers(): CloudServersEntry[] {
  const { connections } = useFleetRuntime();
  const clouds = useClouds();
  const queryClient = useQueryClient();
  const allProjects = useRegistry((state) => state.projectChoices.allProjects);
  const queries = useQueries({ queries: clouds.map((cloud) => cloudServersQueryOptions(queryClient, connections, cloud, allProjects)) });
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
