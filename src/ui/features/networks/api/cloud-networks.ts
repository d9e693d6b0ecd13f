import type { QueryClient } from '@tanstack/react-query';
import { loadProjectsNetworks, mergeNetworksRefresh, type CloudNetworks } from '../../../../fleet/inventory/network-load.ts';
import type { CloudDefinition } from '../../../../fleet/registry/cloud-definition.ts';
import type { FleetConnections } from '../../../../fleet/session/fleet-connections.ts';
import {
  cloudInventoryQueryOptions,
  useCloudInventory,
  type CloudInventoryEntry,
  type CloudInventorySpec,
} from '../../inventory-common/cloud-inventory-query.ts';

/** Networks change far less often than servers: five minutes keeps Neutron unburdened. */
export const NETWORKS_REFRESH_MS = 300_000;
export const NETWORKS_STALE_AFTER_MS = 3 * NETWORKS_REFRESH_MS;

/** Six listings per region (per project and region with "all projects I can see"). */
const NETWORKS: CloudInventorySpec<CloudNetworks> = {
  kind: 'networks',
  refreshMs: NETWORKS_REFRESH_MS,
  load: loadProjectsNetworks,
  mergeRefresh: mergeNetworksRefresh,
};

/** One query per cloud, shared by /networks and search. */
export const cloudNetworksQueryOptions = (queryClient: QueryClient, connections: FleetConnections, cloud: CloudDefinition, allProjects: boolean) =>
  cloudInventoryQueryOptions(NETWORKS, queryClient, connections, cloud, allProjects);

export type CloudNetworksEntry = CloudInventoryEntry<CloudNetworks>;

/** Every cloud's networks query, in registry order. */
export const useCloudNetworks = (): CloudNetworksEntry[] => useCloudInventory(NETWORKS);
