import { z } from 'zod';
import { getJson } from '../get-json.ts';
import type { ServiceHttp } from '../http/types.ts';
import { negotiateMicroversion } from '../microversion.ts';
import type { PlacementCallOptions } from './list-resource-providers.ts';

export const inventorySchema = z.object({
  total: z.number(),
  reserved: z.number(),
  min_unit: z.number(),
  max_unit: z.number(),
  step_size: z.number(),
  allocation_ratio: z.number(),
});

/** Per resource class (VCPU, MEMORY_MB, DISK_GB, custom ones). */
export const inventoriesSchema = z.object({
  resource_provider_generation: z.number(),
  inventories: z.record(z.string(), inventorySchema),
});

export type Inventory = z.output<typeof inventorySchema>;
export type Inventories = z.output<typeof inventoriesSchema>;

/** GET /resource_providers/{uuid}/inventories. */
export async function getInventories(http: ServiceHttp, uuid: string, options: PlacementCallOptions = {}): Promise<Inventories> {
  const { headers } = await negotiateMicroversion(http, 'placement');
  return getJson(http, inventoriesSchema, {
    url: `resource_providers/${encodeURIComponent(uuid)}/inventories`,
    headers,
    signal: options.signal,
  });
}
