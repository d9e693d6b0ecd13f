import type { Inventories, ResourceProvider, Usages } from '../../openstack/index.ts';
import { pressureOf, type Meter } from './capacity-pressure.ts';

export const PLACEMENT_CLASSES = ['VCPU', 'MEMORY_MB', 'DISK_GB'] as const;
export type PlacementClass = (typeof PLACEMENT_CLASSES)[number];

/** One resource provider (a compute host) of one region: what it can still place. */
export interface HostCapacityRow {
  key: string;
  cloud: string;
  region: string;
  uuid: string;
  host: string;
  meters: Partial<Record<PlacementClass, Meter>>;
  pressure?: number;
}

/**
 * What Placement lets be allocated of one class: (total − reserved) ×
 * allocation_ratio, the formula Placement itself checks allocations against.
 */
export function placementCapacity(inventory: { total: number; reserved: number; allocation_ratio: number }): number {
  return Math.max(0, Math.floor((inventory.total - inventory.reserved) * inventory.allocation_ratio));
}

export function toHostCapacityRow(provider: ResourceProvider, inventories: Inventories, usages: Usages, place: { cloud: string; region: string }): HostCapacityRow {
  const meters: Partial<Record<PlacementClass, Meter>> = {};
  for (const resourceClass of PLACEMENT_CLASSES) {
    const inventory = inventories.inventories[resourceClass];
    if (!inventory) continue;
    const used = usages.usages[resourceClass] ?? 0;
    const limit = placementCapacity(inventory);
    meters[resourceClass] = { used, limit, percent: limit === 0 ? 100 : Math.floor((used / limit) * 100) };
  }
  return {
    key: `${place.cloud}/${place.region}/${provider.uuid}`,
    cloud: place.cloud,
    region: place.region,
    uuid: provider.uuid,
    host: provider.name,
    meters,
    pressure: pressureOf(Object.values(meters)),
  };
}
