import { OpenStackError } from '../errors.ts';
import type { RawCatalog } from './token-schema.ts';
import { serviceTypeCandidates } from './service-types.ts';

export type Interface = 'public' | 'internal' | 'admin';

/** Keystone's own shape, nulls dropped; endpointRegion() says which region it serves. */
export interface CatalogEndpoint {
  url: string;
  interface: string;
  region_id?: string;
  /** Legacy field; old Keystones send only this one. */
  region?: string;
}

export interface CatalogService {
  type: string;
  name?: string;
  endpoints: CatalogEndpoint[];
}

export type Catalog = readonly CatalogService[];

export function parseCatalog(raw: RawCatalog | undefined): Catalog {
  return (raw ?? []).map((service) => ({
    type: service.type,
    name: service.name,
    endpoints: service.endpoints.map((endpoint) => ({
      url: endpoint.url,
      // Keystone v2-era catalogs said 'publicURL'.
      interface: endpoint.interface.replace(/URL$/, ''),
      region_id: endpoint.region_id ?? undefined,
      region: endpoint.region ?? undefined,
    })),
  }));
}

export function endpointRegion(endpoint: CatalogEndpoint): string | undefined {
  return endpoint.region_id ?? endpoint.region;
}

export interface EndpointQuery {
  cloud: string;
  serviceType: string;
  region: string;
  interface?: Interface;
}

/** The URL of the endpoint serving `serviceType` (or one of its aliases) in `region`, or a 'config' error that says what the catalog has. */
export function findEndpoint(catalog: Catalog, query: EndpointQuery): string {
  const wanted = query.interface ?? 'public';
  for (const type of serviceTypeCandidates(query.serviceType)) {
    for (const service of catalog) {
      if (service.type !== type) continue;
      const endpoint = service.endpoints.find((e) => endpointRegion(e) === query.region && e.interface === wanted);
      if (endpoint) return endpoint.url;
    }
  }
  const regions = catalogRegions(catalog, query.serviceType);
  const has = regions.length === 0 ? 'the catalog has no such service' : `the catalog has it in: ${regions.join(', ')}`;
  throw new OpenStackError(`no ${wanted} endpoint for service '${query.serviceType}' in region '${query.region}' (${has})`, {
    kind: 'config',
    cloud: query.cloud,
    region: query.region,
    service: query.serviceType,
  });
}

/** Regions named by the catalog, in first-seen order; only those offering `serviceType` when given. */
export function catalogRegions(catalog: Catalog, serviceType?: string): string[] {
  const types = serviceType === undefined ? undefined : new Set(serviceTypeCandidates(serviceType));
  const regions = new Set<string>();
  for (const service of catalog) {
    if (types && !types.has(service.type)) continue;
    for (const endpoint of service.endpoints) {
      const region = endpointRegion(endpoint);
      if (region !== undefined) regions.add(region);
    }
  }
  return [...regions];
}

/** Origins of every endpoint in the catalog: where the cloud's token may go. */
export function endpointOrigins(catalog: Catalog): string[] {
  const origins = new Set<string>();
  for (const service of catalog) {
    for (const endpoint of service.endpoints) {
      try {
        const url = new URL(endpoint.url);
        if (url.protocol === 'https:' || url.protocol === 'http:') origins.add(url.origin);
      } catch {
        // A malformed endpoint URL can never be requested, so it grants nothing.
      }
    }
  }
  return [...origins];
}
