import type { QueryClient } from '@tanstack/react-query';
import { loadProjectsServers, mergeRefresh, type CloudServers } from '../../../../fleet/inventory/load-servers.ts';
import type { CloudDefinition } from '../../../../fleet/registry/cloud-definition.ts';
import type { FleetConnections } from '../../../../fleet/session/fleet-connections.ts';
import {
  cloudInventoryQueryOptions,
  useCloudInventory,
  type CloudInventoryEntry,
  type CloudInventorySpec,
} from '../../inventory-common/cloud-inventory-query.ts';

/** Servers change by the minute; a 60 s refresh keeps the table honest without burdening Nova. */
export const SERVERS_REFRESH_MS = 60_000;
export const SERVERS_STALE_AFTER_MS = 3 * SERVERS_REFRESH_MS;

const SERVERS: CloudInventorySpec<CloudServers> = {
  kind: 'servers',
  refreshMs: SERVERS_REFRESH_MS,
  load: loadProjectsServers,
  mergeRefresh,
  // The first row as soon as a cloud answers.
  leadingEdge: true,
};

/** One query per cloud, shared by /servers, the embedded panels and search. */
export const cloudServersQueryOptions = (queryClient: QueryClient, connections: FleetConnections, cloud: CloudDefinition, allProjects: boolean) =>
  cloudInventoryQueryOptions(SERVERS, queryClient, connections, cloud, allProjects);

export type CloudServersEntry = CloudInventoryEntry<CloudServers>;

/** Every cloud's servers query, in registry order. */
export const useCloudServers = (): CloudServersEntry[] => useCloudInventory(SERVERS);
