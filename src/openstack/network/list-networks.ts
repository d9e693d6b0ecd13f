import { z } from 'zod';
import type { ServiceHttp } from '../http/types.ts';
import { linksSchema, nextHref } from '../links.ts';
import { neutronList, type NeutronListOptions } from './neutron-list.ts';

export const networkSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  admin_state_up: z.boolean(),
  shared: z.boolean(),
  subnets: z.array(z.string()),
  project_id: z.string(),
  // The rest come from extensions a deployment may not load.
  description: z.string().optional(),
  'router:external': z.boolean().optional(),
  mtu: z.number().optional(),
  availability_zones: z.array(z.string()).optional(),
  // Provider attributes: admin only, null for a network type without them.
  'provider:network_type': z.string().optional(),
  'provider:physical_network': z.string().nullable().optional(),
  'provider:segmentation_id': z.number().nullable().optional(),
  tags: z.array(z.string()).optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});

export const listNetworksResponseSchema = z.object({
  networks: z.array(networkSchema),
  networks_links: linksSchema.optional(),
});

export type Network = z.output<typeof networkSchema>;

/** GET /v2.0/networks, one array per page. */
export function listNetworks(http: ServiceHttp, options: NeutronListOptions = {}): AsyncGenerator<Network[], void, undefined> {
  return neutronList(
    http,
    'networks',
    listNetworksResponseSchema,
    (page) => ({ items: page.networks, next: nextHref(page.networks_links) }),
    options,
  );
}
