import type { ServiceHttp } from '../http/types.ts';
import { negotiateMicroversion } from '../microversion.ts';
import { getLimits, type ComputeLimits, type GetLimitsOptions } from './get-limits.ts';
import { getQuotaSet, type GetQuotaSetOptions, type QuotaSet } from './get-quota-set.ts';
import { listAggregates, type Aggregate, type ListAggregatesOptions } from './list-aggregates.ts';
import {
  listAvailabilityZones,
  type AvailabilityZone,
  type ListAvailabilityZonesOptions,
} from './list-availability-zones.ts';
import {
  listComputeServices,
  type ComputeService,
  type ListComputeServicesOptions,
} from './list-compute-services.ts';
import { listFlavors, type Flavor, type ListFlavorsOptions } from './list-flavors.ts';
import { listHypervisors, type Hypervisor, type ListHypervisorsOptions } from './list-hypervisors.ts';
import { listKeypairs, type Keypair, type ListKeypairsOptions } from './list-keypairs.ts';
import { listServers, type ListServersOptions, type Server } from './list-servers.ts';

/** Nova for one cloud and region. Every call carries the negotiated microversion. */
export interface ComputeApi {
  /** The negotiated microversion, undefined when the endpoint has none. */
  microversion(): Promise<string | undefined>;
  servers(options?: ListServersOptions): AsyncIterable<Server[]>;
  flavors(options?: ListFlavorsOptions): AsyncIterable<Flavor[]>;
  keypairs(options?: ListKeypairsOptions): AsyncIterable<Keypair[]>;
  availabilityZones(options?: ListAvailabilityZonesOptions): Promise<AvailabilityZone[]>;
  aggregates(options?: ListAggregatesOptions): Promise<Aggregate[]>;
  hypervisors(options?: ListHypervisorsOptions): AsyncIterable<Hypervisor[]>;
  services(options?: ListComputeServicesOptions): Promise<ComputeService[]>;
  limits(options?: GetLimitsOptions): Promise<ComputeLimits>;
  quotaSet(projectId: string, options?: GetQuotaSetOptions): Promise<QuotaSet>;
}

export function createComputeApi(http: ServiceHttp): ComputeApi {
  return {
    microversion: async () => (await negotiateMicroversion(http, 'compute')).version,
    servers: (options) => listServers(http, options),
    flavors: (options) => listFlavors(http, options),
    keypairs: (options) => listKeypairs(http, options),
    availabilityZones: (options) => listAvailabilityZones(http, options),
    aggregates: (options) => listAggregates(http, options),
    hypervisors: (options) => listHypervisors(http, options),
    services: (options) => listComputeServices(http, options),
    limits: (options) => getLimits(http, options),
    quotaSet: (projectId, options) => getQuotaSet(http, projectId, options),
  };
}
