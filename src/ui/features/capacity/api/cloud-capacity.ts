import type { QueryClient } from '@tanstack/react-query';
import { loadProjectsCapacity, type CloudCapacity } from '../../../../fleet/inventory/capacity-load.ts';
import type { CloudDefinition } from '../../../../fleet/registry/cloud-definition.ts';
import type { FleetConnections } from '../../../../fleet/session/fleet-connections.ts';
import {
  cloudInventoryQueryOptions,
  useCloudInventory,
  type CloudInventoryEntry,
  type CloudInventorySpec,
} from '../../inventory-common/cloud-inventory-query.ts';

/** Usage moves with every boot, but a minute is fine-grained enough for capacity planning. */
export const CAPACITY_REFRESH_MS = 60_000;
export const CAPACITY_STALE_AFTER_MS = 3 * CAPACITY_REFRESH_MS;

/** No merge: a refresh keeps the previous numbers until the new ones are whole. */
const CAPACITY: CloudInventorySpec<CloudCapacity> = {
  kind: 'capacity',
  refreshMs: CAPACITY_REFRESH_MS,
  load: loadProjectsCapacity,
};

/** One query per cloud (per project with "all projects I can see"); regions go into the cache as they answer. */
export const cloudCapacityQueryOptions = (queryClient: QueryClient, connections: FleetConnections, cloud: CloudDefinition, allProjects: boolean) =>
  cloudInventoryQueryOptions(CAPACITY, queryClient, connections, cloud, allProjects);

export type CloudCapacityEntry = CloudInventoryEntry<CloudCapacity>;

/** Every cloud's capacity query, in registry order. */
export const useCloudCapacity = (): CloudCapacityEntry[] => useCloudInventory(CAPACITY);
