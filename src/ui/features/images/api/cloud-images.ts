import type { QueryClient } from '@tanstack/react-query';
import { loadProjectsImages, mergeImagesRefresh, type CloudImages } from '../../../../fleet/inventory/image-load.ts';
import type { CloudDefinition } from '../../../../fleet/registry/cloud-definition.ts';
import type { FleetConnections } from '../../../../fleet/session/fleet-connections.ts';
import {
  cloudInventoryQueryOptions,
  useCloudInventory,
  type CloudInventoryEntry,
  type CloudInventorySpec,
} from '../../inventory-common/cloud-inventory-query.ts';

/** Images change by the hour, not the minute: a 5-minute refresh spares Glance. */
export const IMAGES_REFRESH_MS = 5 * 60_000;
export const IMAGES_STALE_AFTER_MS = 3 * IMAGES_REFRESH_MS;

const IMAGES: CloudInventorySpec<CloudImages> = {
  kind: 'images',
  refreshMs: IMAGES_REFRESH_MS,
  load: loadProjectsImages,
  mergeRefresh: mergeImagesRefresh,
};

/** One query per cloud, shared by /images, /parity and search. */
export const cloudImagesQueryOptions = (queryClient: QueryClient, connections: FleetConnections, cloud: CloudDefinition, allProjects: boolean) =>
  cloudInventoryQueryOptions(IMAGES, queryClient, connections, cloud, allProjects);

export type CloudImagesEntry = CloudInventoryEntry<CloudImages>;

/** Every cloud's images query, in registry order. */
export const useCloudImages = (): CloudImagesEntry[] => useCloudInventory(IMAGES);
