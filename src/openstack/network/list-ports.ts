import { z } from 'zod';
import type { ServiceHttp } from '../http/types.ts';
import { linksSchema, nextHref } from '../links.ts';
import { fixedIpSchema } from './list-routers.ts';
import { neutronList, type NeutronListOptions } from './neutron-list.ts';

export const portSchema = z.object({
  id: z.string(),
  name: z.string(),
  network_id: z.string(),
  // "" for ports Neutron owns itself, such as router gateways
  project_id: z.string(),
  mac_address: z.string(),
  device_id: z.string(),
  device_owner: z.string(),
  status: z.string(),
  admin_state_up: z.boolean(),
  fixed_ips: z.array(fixedIpSchema),
  security_groups: z.array(z.string()).optional(),
  port_security_enabled: z.boolean().optional(),
  allowed_address_pairs: z.array(z.object({ ip_address: z.string(), mac_address: z.string().optional() })).optional(),
  // Port binding: admin only; host_id is "" while unbound.
  'binding:host_id': z.string().optional(),
  'binding:vif_type': z.string().optional(),
  'binding:vnic_type': z.string().optional(),
  description: z.string().optional(),
  tags: z.array(z.string()).optional(),
});

export const listPortsResponseSchema = z.object({
  ports: z.array(portSchema),
  ports_links: linksSchema.optional(),
});

export type Port = z.output<typeof portSchema>;

/** GET /v2.0/ports, one array per page. */
export function listPorts(http: ServiceHttp, options: NeutronListOptions = {}): AsyncGenerator<Port[], void, undefined> {
  return neutronList(
    http,
    'ports',
    listPortsResponseSchema,
    (page) => ({ items: page.ports, next: nextHref(page.ports_links) }),
    options,
  );
}
