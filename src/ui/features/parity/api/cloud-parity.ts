import { useQueries, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { loadProjectsParity, mergeParityRefresh, type CloudParity } from '../../../../fleet/inventory/parity-load.ts';
import type { CloudParityState } from '../../../../fleet/inventory/parity-sources.ts';
import type { CloudDefinition } from '../../../../fleet/registry/cloud-definition.ts';
import { missingSecret } from '../../../../fleet/registry/cloud-secrets.ts';
import type { FleetConnections } from '../../../../fleet/session/fleet-connections.ts';
import { useClouds, useFleetRuntime, useRegistry } from '../../../app/fleet-runtime-context.tsx';
import { useCloudImages } from '../../images/api/cloud-images.ts';
import { cloudInventoryQueryOptions, type CloudInventorySpec } from '../../inventory-common/cloud-inventory-query.ts';

/** Key pairs, flavors and groups change rarely: every 5 minutes is plenty. */
export const PARITY_REFRESH_MS = 5 * 60_000;

const PARITY: CloudInventorySpec<CloudParity> = {
  kind: 'parity',
  refreshMs: PARITY_REFRESH_MS,
  load: loadProjectsParity,
  mergeRefresh: mergeParityRefresh,
};

export const cloudParityQueryOptions = (queryClient: QueryClient, connections: FleetConnections, cloud: CloudDefinition, allProjects: boolean) =>
  cloudInventoryQueryOptions(PARITY, queryClient, connections, cloud, allProjects);

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
