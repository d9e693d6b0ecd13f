import { queryOptions, useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { cloudHealth } from '../../../../fleet/health/cloud-health.ts';
import type { CloudDefinition } from '../../../../fleet/registry/cloud-definition.ts';
import { missingSecret } from '../../../../fleet/registry/cloud-secrets.ts';
import { definitionRevision } from '../../../../fleet/registry/definition-revision.ts';
import type { FleetConnections } from '../../../../fleet/session/fleet-connections.ts';
import { loadCloudTopology } from '../../../../fleet/topology/load-cloud-topology.ts';
import type { CloudTopology, CloudTopologyInput } from '../../../../fleet/topology/topology-input.ts';
import { DEFAULT_TOPOLOGY_RULES, DEMO_TOPOLOGY_RULES, rulesFor } from '../../../../fleet/topology/topology-rules.ts';
import { useClouds, useFleetRuntime } from '../../../app/fleet-runtime-context.tsx';
import { useNow } from '../../../lib/use-now.ts';

/** Host state changes by the minute; a minute keeps the graph honest without burdening Nova's admin API. */
export const TOPOLOGY_REFRESH_MS = 60_000;
export const TOPOLOGY_STALE_AFTER_MS = 3 * TOPOLOGY_REFRESH_MS;

export function cloudTopologyQueryOptions(connections: FleetConnections, cloud: CloudDefinition) {
  return queryOptions({
    queryKey: ['topology', cloud.name, definitionRevision(cloud)],
    queryFn: ({ signal }) => loadCloudTopology(connections.clientFor(cloud), signal),
    // A cloud without its secret is not asked anything until the operator gives it.
    enabled: missingSecret(cloud) === undefined,
    refetchInterval: TOPOLOGY_REFRESH_MS,
    staleTime: TOPOLOGY_REFRESH_MS,
    // The HTTP layer already retries what is worth retrying.
    retry: false,
  });
}

interface QueryState {
  data?: CloudTopology;
  error: unknown;
  dataUpdatedAt: number;
  fetching: boolean;
}

// One function for the life of the app: TanStack then recombines only when a query's result changed.
const toStates = (results: UseQueryResult<CloudTopology>[]): QueryState[] =>
  results.map((result) => ({ data: result.data, error: result.error, dataUpdatedAt: result.dataUpdatedAt, fetching: result.isFetching }));

export interface TopologyInputs {
  inputs: CloudTopologyInput[];
  /** Some cloud is being (re)loaded right now. */
  fetching: boolean;
}

/** One query per cloud, so the graph fills in as each cloud answers (DESIGN rule 4). */
export function useTopologyInputs(): TopologyInputs {
  const { connections, origin } = useFleetRuntime();
  const clouds = useClouds();
  const now = useNow(30_000);
  const states = useQueries({ queries: clouds.map((cloud) => cloudTopologyQueryOptions(connections, cloud)), combine: toStates });
  // The demo's hosts follow a naming convention; elsewhere cells stay unknown until configured.
  const rules = origin.kind === 'demo' ? DEMO_TOPOLOGY_RULES : DEFAULT_TOPOLOGY_RULES;
  const inputs = useMemo(() => clouds.map((cloud, index): CloudTopologyInput => {
    const state = states[index];
    const health = cloudHealth({
      lastSuccessAt: state && state.dataUpdatedAt > 0 ? state.dataUpdatedAt : undefined,
      error: state?.error ?? undefined,
      now,
      staleAfterMs: TOPOLOGY_STALE_AFTER_MS,
      signInNeeded: missingSecret(cloud) !== undefined,
    });
    return {
      cloud: cloud.name,
      identity: cloud.authUrl,
      status: health.status,
      error: state?.error ?? undefined,
      data: state?.data,
      rules: rulesFor(rules, cloud.name),
    };
  }), [clouds, states, now, rules]);
  return { inputs, fetching: states.some((state) => state.fetching) };
}
