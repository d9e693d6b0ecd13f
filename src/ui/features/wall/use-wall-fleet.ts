import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { cloudHealth } from '../../../fleet/health/cloud-health.ts';
import { missingSecret } from '../../../fleet/registry/cloud-secrets.ts';
import { buildTopology } from '../../../fleet/topology/build-topology.ts';
import { loadCloudTopology } from '../../../fleet/topology/load-cloud-topology.ts';
import type { TopologyGraph, TopologyNode } from '../../../fleet/topology/topology-graph.ts';
import type { CloudTopology, CloudTopologyInput } from '../../../fleet/topology/topology-input.ts';
import { DEFAULT_TOPOLOGY_RULES, DEMO_TOPOLOGY_RULES, rulesFor } from '../../../fleet/topology/topology-rules.ts';
import { backoffMs, createFailureStreaks } from '../../../fleet/wall/backoff.ts';
import { byUrgency, summarizeWall, wallCloudOf, type WallCloud, type WallSummary } from '../../../fleet/wall/wall-cloud.ts';
import { useClouds, useFleetRuntime } from '../../app/fleet-runtime-context.tsx';
import { useNow } from '../../lib/use-now.ts';
import { cloudTopologyQueryOptions } from '../topology/api/cloud-topology.ts';

export interface WallFleet {
  graph: TopologyGraph;
  /** Worst first. */
  clouds: WallCloud[];
  summary: WallSummary;
  /** When any cloud last answered (epoch ms); 0 before the first answer. */
  lastRefreshAt: number;
  now: number;
}

interface QueryState {
  data?: CloudTopology;
  error: unknown;
  dataUpdatedAt: number;
}

// Only what the wall reads, so TanStack recombines only when one of these changed.
const toStates = (results: UseQueryResult<CloudTopology>[]): QueryState[] =>
  results.map((result) => ({ data: result.data, error: result.error, dataUpdatedAt: result.dataUpdatedAt }));

/** Every region unreachable counts as failing too: a cloud whose token outlived its API answers with region errors, not a query error. */
function unreachableError(data: CloudTopology): unknown {
  const [first] = data.regions;
  const allFailed = first !== undefined && data.regions.every((region) => region.servers.state === 'failed');
  return allFailed && first.servers.state === 'failed' ? first.servers.error : undefined;
}

/**
 * The topology query of every cloud (the cache the /topology page shares),
 * refreshed on the wall's interval, and less and less often for a cloud
 * that keeps failing, until it answers again.
 */
export function useWallFleet(refreshMs: number): WallFleet {
  const { connections, origin } = useFleetRuntime();
  const clouds = useClouds();
  const [streaks] = useState(createFailureStreaks);
  const now = useNow(5_000);
  useEffect(() => streaks.retain(clouds.map((cloud) => cloud.name)), [clouds, streaks]);
  const options = useMemo(
    () =>
      clouds.map((cloud) => {
      const base = cloudTopologyQueryOptions(connections, cloud);
      return {
        ...base,
        queryFn: async ({ signal }: { signal: AbortSignal }) => {
          try {
            const data = await loadCloudTopology(connections.clientFor(cloud), signal);
            const failure = unreachableError(data);
            if (failure === undefined) streaks.succeeded(cloud.name);
            else streaks.failed(cloud.name, failure);
            return data;
          } catch (error) {
            if (!signal.aborted) streaks.failed(cloud.name, error);
            throw error;
          }
        },
        refetchInterval: () => backoffMs(refreshMs, streaks.failures(cloud.name)),
        staleTime: refreshMs,
      };
      }),
    [clouds, connections, refreshMs, streaks],
  );
  const states = useQueries({ queries: options, combine: toStates });

  const rules = origin.kind === 'demo' ? DEMO_TOPOLOGY_RULES : DEFAULT_TOPOLOGY_RULES;
  const inputs = useMemo(
    () =>
      clouds.map((cloud, index): CloudTopologyInput => {
        const state = states[index];
        // A cloud that never answered goes back to "pending" at each retry; it is still the failing cloud it was.
        const error = state?.error ?? (state?.data === undefined && streaks.failures(cloud.name) > 0 ? streaks.lastError(cloud.name) : undefined);
        const health = cloudHealth({
          lastSuccessAt: state && state.dataUpdatedAt > 0 ? state.dataUpdatedAt : undefined,
          error,
          now,
          staleAfterMs: 3 * refreshMs,
          signInNeeded: missingSecret(cloud) !== undefined,
        });
        return { cloud: cloud.name, identity: cloud.authUrl, status: health.status, error, data: state?.data, rules: rulesFor(rules, cloud.name) };
      }),
    [clouds, states, now, refreshMs, rules, streaks],
  );
  const graph = useMemo(() => buildTopology(inputs), [inputs]);
  return useMemo(() => {
    const cloudNodes = new Map<string, TopologyNode>();
    for (const node of graph.nodes) if (node.level === 'cloud' && node.place.cloud !== undefined) cloudNodes.set(node.place.cloud, node);
    const wallClouds = inputs
      .map((input, index) => wallCloudOf({ input, node: cloudNodes.get(input.cloud), updatedAt: states[index]?.dataUpdatedAt ?? 0, now }))
      .sort(byUrgency);
    const lastRefreshAt = states.reduce((latest, state) => Math.max(latest, state.dataUpdatedAt), 0);
    return { graph, clouds: wallClouds, summary: summarizeWall(wallClouds), lastRefreshAt, now };
  }, [inputs, graph, states, now]);
}
