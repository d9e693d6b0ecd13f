import { z } from 'zod';
import type { ServiceHttp } from '../http/types.ts';
import { linksSchema, nextHref } from '../links.ts';
import { neutronList, type NeutronListOptions } from './neutron-list.ts';

export const floatingIpSchema = z.object({
  id: z.string(),
  floating_ip_address: z.string(),
  floating_network_id: z.string(),
  project_id: z.string(),
  status: z.string(),
  // All three are null while the address is not associated.
  port_id: z.string().nullable(),
  fixed_ip_address: z.string().nullable(),
  router_id: z.string().nullable(),
  // fip-port-details extension; null while not associated
  port_details: z
    .object({ name: z.string(), network_id: z.string(), device_id: z.string(), device_owner: z.string(), status: z.string() })
    .nullable()
    .optional(),
  dns_name: z.string().optional(),
  description: z.string().optional(),
  tags: z.array(z.string()).optional(),
});

export const listFloatingIpsResponseSchema = z.object({
  floatingips: z.array(floatingIpSchema),
  floatingips_links: linksSchema.optional(),
});

export type FloatingIp = z.output<typeof floatingIpSchema>;

/** GET /v2.0/floatingips, one array per page. */
export function listFloatingIps(http: ServiceHttp, options: NeutronListOptions = {}): AsyncGenerator<FloatingIp[], void, undefined> {
  return neutronList(
    http,
    'floatingips',
    listFloatingIpsResponseSchema,
    (page) => ({ items: page.floatingips, next: nextHref(page.floatingips_links) }),
    options,
  );
}
