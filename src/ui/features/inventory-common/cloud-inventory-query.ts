import { queryOptions, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { CloudDefinition } from '../../../fleet/registry/cloud-definition.ts';
import { missingSecret } from '../../../fleet/registry/cloud-secrets.ts';
import { definitionRevision } from '../../../fleet/registry/definition-revision.ts';
import type { FleetConnections } from '../../../fleet/session/fleet-connections.ts';
import { projectSources, type ProjectSource } from '../../../fleet/session/project-sources.ts';
import { useClouds, useFleetRuntime, useRegistry } from '../../app/fleet-runtime-context.tsx';
import { useFleetQueries } from '../../lib/use-fleet-queries.ts';

/** Pages of a big cloud arrive faster than anyone can read; repaint at most this often per cloud. */
const PUBLISH_EVERY_MS = 250;
/** And the view takes the whole fleet's answers at most this often: 1,000 clouds answer many times a second. */
const ANSWERS_EVERY_MS = 100;

/** What one inventory (servers, networks, …) loads per cloud, and how its snapshots land in the cache. */
export interface CloudInventorySpec<Data> {
  /** The query key's second part: 'servers', 'networks', … */
  kind: string;
  refreshMs: number;
  load: (sources: ProjectSource[], options: { signal: AbortSignal; onProgress: (snapshot: Data) => void }) => Promise<Data>;
  /**
   * How a snapshot lands over the previous result, so a background refresh
   * never empties the table while it runs. Without it, only the first load
   * streams: a refresh keeps the previous numbers until the new ones are whole.
   */
  mergeRefresh?: (previous: Data | undefined, next: Data) => Data;
  /** The first snapshot shows at once (first row as soon as a cloud answers); later ones are throttled. */
  leadingEdge?: boolean;
}

/**
 * The revision: data loaded with an old definition (or before the secret was
 * given) is never shown for the new one; nor is the cloud's own project's for
 * "all projects I can see", or the other way round.
 */
function cloudInventoryQueryKey(kind: string, cloud: CloudDefinition, allProjects: boolean) {
  return ['inventory', kind, cloud.name, definitionRevision(cloud), allProjects ? 'all-projects' : 'own-project'] as const;
}

/** Calls `publish` at most every PUBLISH_EVERY_MS with the latest snapshot. */
function throttle<Data>(publish: (snapshot: Data) => void, leadingEdge: boolean) {
  let latest: Data | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let publishedAt = leadingEdge ? -Infinity : Infinity;
  const flush = () => {
    timer = undefined;
    publishedAt = Date.now();
    if (latest !== undefined) publish(latest);
  };
  return {
    push(snapshot: Data) {
      latest = snapshot;
      if (timer !== undefined) return;
      const wait = Math.min(PUBLISH_EVERY_MS, publishedAt + PUBLISH_EVERY_MS - Date.now());
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    },
    cancel: () => clearTimeout(timer),
  };
}

/**
 * One query per cloud (read per project with "all projects I can see"). Its
 * fetch writes snapshots into the cache as pages arrive (DESIGN rule 4).
 */
export function cloudInventoryQueryOptions<Data>(
  spec: CloudInventorySpec<Data>,
  queryClient: QueryClient,
  connections: FleetConnections,
  cloud: CloudDefinition,
  allProjects: boolean,
) {
  const queryKey = cloudInventoryQueryKey(spec.kind, cloud, allProjects);
  const { mergeRefresh } = spec;
  return queryOptions({
    queryKey,
    queryFn: async ({ signal }): Promise<Data> => {
      const previous = queryClient.getQueryData<Data>(queryKey);
      const publisher = throttle<Data>((snapshot) => {
        if (signal.aborted) return;
        if (mergeRefresh) queryClient.setQueryData(queryKey, mergeRefresh(previous, snapshot));
        else if (queryClient.getQueryData(queryKey) === undefined) queryClient.setQueryData(queryKey, snapshot);
      }, spec.leadingEdge ?? false);
      try {
        const sources = await projectSources(connections, cloud, allProjects, signal);
        const result = await spec.load(sources, { signal, onProgress: publisher.push });
        return mergeRefresh ? mergeRefresh(previous, result) : result;
      } finally {
        publisher.cancel();
      }
    },
    // A cloud waiting for its secret is not asked anything until the operator gives it.
    enabled: missingSecret(cloud) === undefined,
    refetchInterval: spec.refreshMs,
    staleTime: spec.refreshMs,
    // The HTTP layer already retries what is worth retrying.
    retry: false,
  });
}

/** One cloud's inventory query, as the views read it. */
export interface CloudInventoryEntry<Data> {
  cloud: string;
  /** The cloud waits for the operator to give its secret: nothing was asked of it. */
  signInNeeded: boolean;
  data?: Data;
  error?: unknown;
  dataUpdatedAt: number;
  fetching: boolean;
  refetch: () => void;
}

/** Every cloud's query of one inventory, in registry order. */
export function useCloudInventory<Data>(spec: CloudInventorySpec<Data>): CloudInventoryEntry<Data>[] {
  const { connections } = useFleetRuntime();
  const clouds = useClouds();
  const queryClient = useQueryClient();
  const allProjects = useRegistry((state) => state.projectChoices.allProjects);
  const queries = useMemo(
    () => clouds.map((cloud) => cloudInventoryQueryOptions(spec, queryClient, connections, cloud, allProjects)),
    [spec, queryClient, connections, clouds, allProjects],
  );
  const results = useFleetQueries(queries, ANSWERS_EVERY_MS);
  return useMemo(
    () =>
      clouds.map((cloud, index) => {
        const query = results[index];
        return {
          cloud: cloud.name,
          signInNeeded: missingSecret(cloud) !== undefined,
          data: query?.data,
          error: query?.error ?? undefined,
          dataUpdatedAt: query?.dataUpdatedAt ?? 0,
          fetching: query?.isFetching ?? false,
          refetch: () => void query?.refetch(),
        };
      }),
    [clouds, results],
  );
}
