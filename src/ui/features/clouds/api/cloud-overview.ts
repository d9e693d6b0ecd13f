import { queryOptions, useQueries, type UseQueryResult } from '@tanstack/react-query';
import { loadCloudOverview, type CloudOverview } from '../../../../fleet/clouds/cloud-overview.ts';
import { cloudHealth, type CloudHealth } from '../../../../fleet/health/cloud-health.ts';
import type { CloudDefinition } from '../../../../fleet/registry/cloud-definition.ts';
import { missingSecret } from '../../../../fleet/registry/cloud-secrets.ts';
import { definitionRevision } from '../../../../fleet/registry/definition-revision.ts';
import type { FleetConnections } from '../../../../fleet/session/fleet-connections.ts';
import { useClouds, useFleetRuntime } from '../../../app/fleet-runtime-context.tsx';

/** Sign-in is the reachability probe of /clouds: often enough to notice a dead cloud, rare enough not to burden Keystone. */
export const OVERVIEW_REFRESH_MS = 5 * 60_000;
export const OVERVIEW_STALE_AFTER_MS = 2 * OVERVIEW_REFRESH_MS;

export function cloudOverviewQueryOptions(connections: FleetConnections, cloud: CloudDefinition) {
  return queryOptions({
    // The revision: an edited cloud, or one just given its secret, is a new query rather than old data under a new definition.
    queryKey: ['clouds', cloud.name, 'overview', definitionRevision(cloud)],
    queryFn: ({ signal }) => loadCloudOverview(connections.clientFor(cloud), signal),
    // A cloud without its secret is not asked anything until the operator gives it.
    enabled: missingSecret(cloud) === undefined,
    refetchInterval: OVERVIEW_REFRESH_MS,
    staleTime: OVERVIEW_REFRESH_MS,
    // The HTTP layer already retries what is worth retrying.
    retry: false,
  });
}

export interface CloudOverviewState {
  cloud: CloudDefinition;
  query: UseQueryResult<CloudOverview>;
}

/** One query per cloud, so each row fills in when its cloud answers. */
export function useCloudOverviews(): CloudOverviewState[] {
  const { connections } = useFleetRuntime();
  const clouds = useClouds();
  const queries = useQueries({ queries: clouds.map((cloud) => cloudOverviewQueryOptions(connections, cloud)) });
  return clouds.map((cloud, index) => ({ cloud, query: queries[index] as UseQueryResult<CloudOverview> }));
}

export function healthOfOverview({ cloud, query }: CloudOverviewState, now: number): CloudHealth {
  return cloudHealth({
    lastSuccessAt: query.dataUpdatedAt > 0 ? query.dataUpdatedAt : undefined,
    error: query.error ?? undefined,
    now,
    staleAfterMs: OVERVIEW_STALE_AFTER_MS,
    signInNeeded: missingSecret(cloud) !== undefined,
  });
}
