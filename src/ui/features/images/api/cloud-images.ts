import { queryOptions, useQueries, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { loadProjectsImages, mergeImagesRefresh, type CloudImages } from '../../../../fleet/inventory/image-load.ts';
import type { CloudDefinition } from '../../../../fleet/registry/cloud-definition.ts';
import { missingSecret } from '../../../../fleet/registry/cloud-secrets.ts';
import { definitionRevision } from '../../../../fleet/registry/definition-revision.ts';
import type { FleetConnections } from '../../../../fleet/session/fleet-connections.ts';
import { projectSources } from '../../../../fleet/session/project-sources.ts';
import { useClouds, useFleetRuntime, useRegistry } from '../../../app/fleet-runtime-context.tsx';

/** Images change by the hour, not the minute: a 5-minute refresh spares Glance. */
export const IMAGES_REFRESH_MS = 5 * 60_000;
export const IMAGES_STALE_AFTER_MS = 3 * IMAGES_REFRESH_MS;
/** Repaint at most this often per cloud while pages arrive. */
const PUBLISH_EVERY_MS = 250;

/**
 * The revision: data loaded with an old definition (or before the secret was
 * given) is never shown for the new one; nor is the cloud's own project's for
 * "all projects I can see", or the other way round.
 */
export function cloudImagesQueryKey(cloud: CloudDefinition, allProjects: boolean) {
  return ['inventory', 'images', cloud.name, definitionRevision(cloud), allProjects ? 'all-projects' : 'own-project'] as const;
}

/**
 * One query per cloud (read per project with "all projects I can see"),
 * shared by /images and /parity; pages go into the cache as they arrive.
 */
export function cloudImagesQueryOptions(queryClient: QueryClient, connections: FleetConnections, cloud: CloudDefinition, allProjects: boolean) {
  const queryKey = cloudImagesQueryKey(cloud, allProjects);
  return queryOptions({
    queryKey,
    queryFn: async ({ signal }): Promise<CloudImages> => {
      const previous = queryClient.getQueryData<CloudImages>(queryKey);
      let latest: CloudImages | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const publish = () => {
        timer = undefined;
        if (latest && !signal.aborted) queryClient.setQueryData(queryKey, mergeImagesRefresh(previous, latest));
      };
      try {
        const sources = await projectSources(connections, cloud, allProjects, signal);
        const result = await loadProjectsImages(sources, {
          signal,
          onProgress: (snapshot) => {
            latest = snapshot;
            timer ??= setTimeout(publish, PUBLISH_EVERY_MS);
          },
        });
        return mergeImagesRefresh(previous, result);
      } finally {
        clearTimeout(timer);
      }
    },
    // A cloud waiting for its secret is not asked anything until the operator gives it.
    enabled: missingSecret(cloud) === undefined,
    refetchInterval: IMAGES_REFRESH_MS,
    staleTime: IMAGES_REFRESH_MS,
    // The HTTP layer already retries what is worth retrying.
    retry: false,
  });
}

export interface CloudImagesEntry {
  cloud: string;
  signInNeeded: boolean;
  data?: CloudImages;
  error?: unknown;
  dataUpdatedAt: number;
  fetching: boolean;
  refetch: () => void;
}

/** Every cloud's images query, in registry order. */
export function useCloudImages(): CloudImagesEntry[] {
  const { connections } = useFleetRuntime();
  const clouds = useClouds();
  const queryClient = useQueryClient();
  const allProjects = useRegistry((state) => state.projectChoices.allProjects);
  const queries = useQueries({ queries: clouds.map((cloud) => cloudImagesQueryOptions(queryClient, connections, cloud, allProjects)) });
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
