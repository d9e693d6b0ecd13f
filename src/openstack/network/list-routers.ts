import { z } from 'zod';
import type { ServiceHttp } from '../http/types.ts';
import { linksSchema, nextHref } from '../links.ts';
import { neutronList, type NeutronListOptions } from './neutron-list.ts';

export const fixedIpSchema = z.object({ subnet_id: z.string(), ip_address: z.string() });

export const routerSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  admin_state_up: z.boolean(),
  project_id: z.string(),
  // null for a router without an external gateway
  external_gateway_info: z
    .object({
      network_id: z.string(),
      enable_snat: z.boolean().optional(),
      external_fixed_ips: z.array(fixedIpSchema).optional(),
    })
    .nullable(),
  routes: z.array(z.object({ destination: z.string(), nexthop: z.string() })).optional(),
  // admin only
  distributed: z.boolean().optional(),
  ha: z.boolean().optional(),
  availability_zones: z.array(z.string()).optional(),
  description: z.string().optional(),
  tags: z.array(z.string()).optional(),
});

export const listRoutersResponseSchema = z.object({
  routers: z.array(routerSchema),
  routers_links: linksSchema.optional(),
});

export type Router = z.output<typeof routerSchema>;
export type FixedIp = z.output<typeof fixedIpSchema>;

/** GET /v2.0/routers, one array per page. */
export function listRouters(http: ServiceHttp, options: NeutronListOptions = {}): AsyncGenerator<Router[], void, undefined> {
  return neutronList(
    http,
    'routers',
    listRoutersResponseSchema,
    (page) => ({ items: page.routers, next: nextHref(page.routers_links) }),
    options,
  );
}
