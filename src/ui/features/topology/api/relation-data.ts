import { useQueries, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { CloudImages } from '../../../../fleet/inventory/image-load.ts';
import type { CloudNetworks } from '../../../../fleet/inventory/network-load.ts';
import { missingSecret } from '../../../../fleet/registry/cloud-secrets.ts';
import type { RelationLayers } from '../../../../fleet/topology/relation-links.ts';
import { imageFacts, subnetFacts, type CloudQueryState } from '../../../../fleet/topology/relation-facts.ts';
import { imageRelations, networkRelations } from '../../../../fleet/topology/topology-relations.ts';
import { useClouds, useFleetRuntime, useRegistry } from '../../../app/fleet-runtime-context.tsx';
import { cloudImagesQueryOptions } from '../../images/api/cloud-images.ts';
import { cloudNetworksQueryOptions } from '../../networks/api/cloud-networks.ts';
import { useThrottled } from '../use-throttled.ts';

/** Which relation layers the operator turned on: only those cost any request. */
export interface RelationLayerChoice {
  networks: boolean;
  images: boolean;
}

export interface RelationData {
  layers: RelationLayers;
  /** Some cloud's listing of a layer that is on is being (re)loaded. */
  fetching: boolean;
}

/** Pages stream in per cloud; regrouping the fleet's blocks and images this often is plenty. */
const REGROUP_EVERY_MS = 500;

interface Result<Data> {
  data?: Data;
  error: unknown;
  fetching: boolean;
}

// Stable functions: TanStack then recombines only when a query's result changed.
const toNetworkResults = (results: UseQueryResult<CloudNetworks>[]): Result<CloudNetworks>[] =>
  results.map((result) => ({ data: result.data, error: result.error ?? undefined, fetching: result.isFetching }));
const toImageResults = (results: UseQueryResult<CloudImages>[]): Result<CloudImages>[] =>
  results.map((result) => ({ data: result.data, error: result.error ?? undefined, fetching: result.isFetching }));

/**
 * The networks and images of every cloud, through the very queries of
 * /networks and /images (same keys: one cache, one refresh), and only for the
 * layers that are on: with a layer off, its queries are not mounted and a
 * 1,000-cloud fleet pays nothing for it.
 */
export function useRelationData(choice: RelationLayerChoice): RelationData {
  const { connections } = useFleetRuntime();
  const clouds = useClouds();
  const queryClient = useQueryClient();
  const allProjects = useRegistry((state) => state.projectChoices.allProjects);
  const networkResults = useQueries({
    queries: choice.networks ? clouds.map((cloud) => cloudNetworksQueryOptions(queryClient, connections, cloud, allProjects)) : [],
    combine: toNetworkResults,
  });
  const imageResults = useQueries({
    queries: choice.images ? clouds.map((cloud) => cloudImagesQueryOptions(queryClient, connections, cloud, allProjects)) : [],
    combine: toImageResults,
  });
  const networkStates = useThrottled(networkResults, REGROUP_EVERY_MS);
  const imageStates = useThrottled(imageResults, REGROUP_EVERY_MS);

  const networks = useMemo(() => {
    if (!choice.networks) return undefined;
    const { facts, sources } = subnetFacts(statesOf(clouds, networkStates));
    return networkRelations(facts, sources);
  }, [choice.networks, clouds, networkStates]);
  const images = useMemo(() => {
    if (!choice.images) return undefined;
    const { facts, sources } = imageFacts(statesOf(clouds, imageStates));
    return imageRelations(facts, sources);
  }, [choice.images, clouds, imageStates]);

  const layers = useMemo(() => ({ ...(networks ? { networks } : {}), ...(images ? { images } : {}) }), [networks, images]);
  return { layers, fetching: [...networkResults, ...imageResults].some((result) => result.fetching) };
}

function statesOf<Data>(clouds: ReturnType<typeof useClouds>, results: readonly Result<Data>[]): CloudQueryState<Data>[] {
  return clouds.map((cloud, index) => {
    const result = results[index];
    return { cloud: cloud.name, data: result?.data, error: result?.error, signInNeeded: missingSecret(cloud) !== undefined };
  });
}
