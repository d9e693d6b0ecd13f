import { queryOptions, useQueryClient, type QueryObserverResult } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { cloudHealth } from '../../../../fleet/health/cloud-health.ts';
import type { CloudCapacity } from '../../../../fleet/inventory/capacity-load.ts';
import type { CloudDefinition } from '../../../../fleet/registry/cloud-definition.ts';
import { missingSecret } from '../../../../fleet/registry/cloud-secrets.ts';
import { definitionRevision } from '../../../../fleet/registry/definition-revision.ts';
import type { FleetConnections } from '../../../../fleet/session/fleet-connections.ts';
import { cloudPlacementOf, type CloudPlacement } from '../../../../fleet/topology/capacity-pressure.ts';
import { keepUnchanged } from '../../../../fleet/topology/keep-unchanged.ts';
import { loadCloudTopology } from '../../../../fleet/topology/load-cloud-topology.ts';
import type { CloudTopology, CloudTopologyInput } from '../../../../fleet/topology/topology-input.ts';
import { configuredTopologyRules } from '../../../../fleet/topology/configured-rules.ts';
import { rulesFor } from '../../../../fleet/topology/topology-rules.ts';
import { useClouds, useFleetRuntime, useRegistry } from '../../../app/fleet-runtime-context.tsx';
import { useFleetQueries } from '../../../lib/use-fleet-queries.ts';
import { useNow } from '../../../lib/use-now.ts';
import { cloudCapacityQueryOptions } from '../../capacity/api/cloud-capacity.ts';

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
    // Every load is new objects; comparing 1,000 clouds' listings deeply on each answer only costs the main thread.
    structuralSharing: false,
  });
}

/**
 * The identity provider a federated cloud trusts: the console's own OIDC
 * provider for a browser sign-in, else the provider its Keystone names
 * (clouds given the same access token name the same one).
 */
function federationOf(cloud: CloudDefinition, issuer: string | undefined): string | undefined {
  if (cloud.browserLogin && issuer) return issuer;
  return cloud.auth.type === 'oidcAccessToken' ? `${cloud.auth.identityProvider} (${cloud.auth.protocol})` : undefined;
}

interface QueryState {
  data?: CloudTopology;
  error: unknown;
  dataUpdatedAt: number;
  fetching: boolean;
}

/** How often the clouds' answers reach the page: a 1,000-cloud fleet answers many times a second. */
const ANSWERS_EVERY_MS = 250;

const toStates = (results: readonly QueryObserverResult<CloudTopology>[]): QueryState[] =>
  results.map((result) => ({ data: result.data, error: result.error, dataUpdatedAt: result.dataUpdatedAt, fetching: result.isFetching }));

interface CapacityState {
  data?: CloudCapacity;
  error?: unknown;
}

// TanStack's "no error" is null; the model reads any defined error as a failed read.
const toCapacityStates = (results: readonly QueryObserverResult<CloudCapacity>[]): CapacityState[] =>
  results.map((result) => ({ data: result.data, error: result.error ?? undefined }));

const NOT_ANSWERED: CloudPlacement = cloudPlacementOf({});
const placements = new WeakMap<object, CloudPlacement>();

/** The same placement object while the capacity answer is the same, so an unchanged cloud keeps its input (and its built subtree). */
function placementOf(state: CapacityState | undefined): CloudPlacement {
  const answer = state?.data ?? state?.error;
  if (typeof answer !== 'object' || answer === null) return state?.error === undefined ? NOT_ANSWERED : cloudPlacementOf(state);
  let placement = placements.get(answer);
  if (!placement) {
    placement = cloudPlacementOf(state ?? {});
    placements.set(answer, placement);
  }
  return placement;
}

export interface TopologyInputs {
  inputs: CloudTopologyInput[];
  /** Some cloud is being (re)loaded right now. */
  fetching: boolean;
}

/** One query per cloud, so the graph fills in as each cloud answers (DESIGN rule 4). */
export function useTopologyInputs(): TopologyInputs {
  const { connections, oidcLogin } = useFleetRuntime();
  const issuer = oidcLogin?.settings.issuer;
  const clouds = useClouds();
  const now = useNow(30_000);
  const topologyQueries = useMemo(() => clouds.map((cloud) => cloudTopologyQueryOptions(connections, cloud)), [clouds, connections]);
  const topologyResults = useFleetQueries(topologyQueries, ANSWERS_EVERY_MS);
  const states = useMemo(() => toStates(topologyResults), [topologyResults]);
  // Capacity pressure comes from the /capacity view's own query: one cache and one refresh for both views.
  const queryClient = useQueryClient();
  const allProjects = useRegistry((state) => state.projectChoices.allProjects);
  const capacityQueries = useMemo(
    () =>
      clouds.map((cloud, index) => {
        const options = cloudCapacityQueryOptions(queryClient, connections, cloud, allProjects);
        // A cloud's Placement is read once its hosts are known, so the providers of 1,000 clouds never queue ahead of their hosts.
        return { ...options, enabled: options.enabled && states[index]?.data !== undefined };
      }),
    [clouds, connections, queryClient, allProjects, states],
  );
  const capacityResults = useFleetQueries(capacityQueries, ANSWERS_EVERY_MS);
  const capacities = useMemo(() => toCapacityStates(capacityResults), [capacityResults]);
  const rules = configuredTopologyRules();
  const previous = useRef<CloudTopologyInput[]>(undefined);
  const inputs = useMemo(() => {
    const next = clouds.map((cloud, index): CloudTopologyInput => {
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
        federation: federationOf(cloud, issuer),
        status: health.status,
        error: state?.error ?? undefined,
        data: state?.data,
        rules: rulesFor(rules, cloud.name),
        placement: placementOf(capacities[index]),
      };
    });
    // A 1,000-cloud fleet changes a few clouds at a time: the others keep their objects, and their built subtrees.
    previous.current = keepUnchanged(previous.current, next);
    return previous.current;
  }, [clouds, states, capacities, now, rules, issuer]);
  return { inputs, fetching: states.some((state) => state.fetching) };
}
