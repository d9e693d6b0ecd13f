import type { ServiceHttp } from '../http/types.ts';
import { negotiateMicroversion } from '../microversion.ts';
import { getInventories, type Inventories } from './get-inventories.ts';
import { getUsages, type Usages } from './get-usages.ts';
import { listResourceProviders, type PlacementCallOptions, type ResourceProvider } from './list-resource-providers.ts';

/** Placement for one cloud and region. Every call carries the negotiated microversion. */
export interface PlacementApi {
  microversion(): Promise<string | undefined>;
  resourceProviders(options?: PlacementCallOptions): Promise<ResourceProvider[]>;
  inventories(uuid: string, options?: PlacementCallOptions): Promise<Inventories>;
  usages(uuid: string, options?: PlacementCallOptions): Promise<Usages>;
}

export function createPlacementApi(http: ServiceHttp): PlacementApi {
  return {
    microversion: async () => (await negotiateMicroversion(http, 'placement')).version,
    resourceProviders: (options) => listResourceProviders(http, options),
    inventories: (uuid, options) => getInventories(http, uuid, options),
    usages: (uuid, options) => getUsages(http, uuid, options),
  };
}
