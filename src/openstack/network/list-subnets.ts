import { z } from 'zod';
import type { ServiceHttp } from '../http/types.ts';
import { linksSchema, nextHref } from '../links.ts';
import { neutronList, type NeutronListOptions } from './neutron-list.ts';

export const subnetSchema = z.object({
  id: z.string(),
  name: z.string(),
  network_id: z.string(),
  project_id: z.string(),
  ip_version: z.union([z.literal(4), z.literal(6)]),
  cidr: z.string(),
  // null when the subnet has no gateway
  gateway_ip: z.string().nullable(),
  enable_dhcp: z.boolean(),
  allocation_pools: z.array(z.object({ start: z.string(), end: z.string() })),
  dns_nameservers: z.array(z.string()),
  host_routes: z.array(z.object({ destination: z.string(), nexthop: z.string() })),
  ipv6_address_mode: z.string().nullable().optional(),
  ipv6_ra_mode: z.string().nullable().optional(),
  subnetpool_id: z.string().nullable().optional(),
  segment_id: z.string().nullable().optional(),
  description: z.string().optional(),
  tags: z.array(z.string()).optional(),
});

export const listSubnetsResponseSchema = z.object({
  subnets: z.array(subnetSchema),
  subnets_links: linksSchema.optional(),
});

export type Subnet = z.output<typeof subnetSchema>;

/** GET /v2.0/subnets, one array per page. */
export function listSubnets(http: ServiceHttp, options: NeutronListOptions = {}): AsyncGenerator<Subnet[], void, undefined> {
  return neutronList(
    http,
    'subnets',
    listSubnetsResponseSchema,
    (page) => ({ items: page.subnets, next: nextHref(page.subnets_links) }),
    options,
  );
}
