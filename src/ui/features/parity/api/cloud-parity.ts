import { queryOptions, useQueries, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { loadProjectsParity, mergeParityRefresh, type CloudParity } from '../../../../fleet/inventory/parity-load.ts';
import type { CloudParityState } from '../../../../fleet/inventory/parity-sources.ts';
import type { CloudDefinition } from '../../../../fleet/registry/cloud-definition.ts';
import { missingSecret } from '../../../../fleet/registry/cloud-secrets.ts';
import { definitionRevision } from '../../../../fleet/registry/definition-revision.ts';
import type { FleetConnections } from '../../../../fleet/session/fleet-connections.ts';
import { projectSources } from '../../../../fleet/session/project-sources.ts';
import { useClouds, useFleetRuntime, useRegistry } from '../../../app/fleet-runtime-context.tsx';
import { useCloudImages } from '../../images/api/cloud-images.ts';

/** Key pairs, flavors and groups change rarely: every 5 minutes is plenty. */
export const PARITY_REFRESH_MS = 5 * 60_000;
const PUBLISH_EVERY_MS = 250;

/** The cloud's own project's listings and those of "all projects I can see" are cached apart. */
export function cloudParityQueryKey(cloud: CloudDefinition, allProjects: boolean) {
  return ['inventory', 'parity', cloud.name, definitionRevision(cloud), allProjects ? 'all-projects' : 'own-project'] as const;
}

export function cloudParityQueryOptions(queryClient: QueryClient, connections: FleetConnections, cloud: CloudDefinition, allProjects: boolean) {
  const queryKey = cloudParityQueryKey(cloud, allProjects);
  return queryOptions({
    queryKey,
    queryFn: async ({ signal }): Promise<CloudParity> => {
      const previous = queryClient.getQueryData<CloudParity>(queryKey);
      let latest: CloudParity | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const publish = () => {
        timer = undefined;
        if (latest && !signal.aborted) queryClient.setQueryData(queryKey, mergeParityRefresh(previous, latest));
      };
      try {
        const sources = await projectSources(connections, cloud, allProjects, signal);
        const result = await loadProjectsParity(sources, {
          signal,
          onProgress: (snapshot) => {
            latest = snapshot;
            timer ??= setTimeout(publish, PUBLISH_EVERY_MS);
          },
        });
        return mergeParityRefresh(previous, result);
      } finally {
        clearTimeout(timer);
      }
    },
    enabled: missingSecret(cloud) === undefined,
    refetchInterval: PARITY_REFRESH_MS,
    staleTime: PARITY_REFRESH_MS,
    retry: false,
  });
}

export interface CloudParityEntry extends CloudParityState {
  fetching: boolean;
  refetch: () => void;
}

/** Every cloud's parity listings beside its images (the query /images uses), in registry order. */
export function useCloudParity(): CloudParityEntry[] {
  const { connections } = useFleetRuntime();
  const clouds = useClouds();
  const queryClient = useQueryClient();
  const images = useCloudImages();
  const allProjects = useRegistry((state) => state.projectChoices.allProjects);
  const queries = useQueries({ queries: clouds.map((cloud) => cloudParityQueryOptions(queryClient, connections, cloud, allProjects)) });
  return clouds.map((cloud, index) => {
    const query = queries[index];
    const image = images[index];
    return {
      cloud: cloud.name,
      signInNeeded: missingSecret(cloud) !== undefined,
      parity: { data: query?.data, error: query?.error ?? undefined },
      images: { data: image?.data, error: image?.error },
      fetching: (query?.isFetching ?? false) || (image?.fetching ?? false),
      refetch: () => {
        void query?.refetch();
        image?.refetch();
      },
    };
  });
}
