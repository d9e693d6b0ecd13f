import { z } from 'zod';
import type { ServiceHttp } from '../http/types.ts';
import { linksSchema, nextHref } from '../links.ts';
import { negotiateMicroversion } from '../microversion.ts';
import { paginate } from '../pagination.ts';
import { parseBody } from '../parse-body.ts';
import { fullOrPartial } from './partial-record.ts';

export const serverAddressSchema = z.object({
  version: z.union([z.literal(4), z.literal(6)]),
  addr: z.string(),
  'OS-EXT-IPS:type': z.string(),
  'OS-EXT-IPS-MAC:mac_addr': z.string(),
});

/** Before 2.47 a server names its flavor; the flavor may since have been deleted. */
export const serverFlavorRefSchema = z.object({ id: z.string() });

/** From 2.47 the flavor is embedded as it was at boot (extra_specs only when policy allows). */
export const serverEmbeddedFlavorSchema = z.object({
  original_name: z.string(),
  vcpus: z.number(),
  ram: z.number(),
  disk: z.number(),
  ephemeral: z.number(),
  swap: z.number(),
  extra_specs: z.record(z.string(), z.string()).optional(),
});

/** "" when the server boots from a volume. */
export const serverImageSchema = z.union([z.object({ id: z.string() }), z.literal('')]);

export const serverFaultSchema = z.object({
  code: z.number(),
  message: z.string(),
  created: z.string(),
  // Only for admins, or for 500 faults.
  details: z.string().optional(),
});

export const fullServerSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  tenant_id: z.string(),
  user_id: z.string(),
  created: z.string(),
  updated: z.string(),
  hostId: z.string(),
  addresses: z.record(z.string(), z.array(serverAddressSchema)),
  flavor: z.union([serverEmbeddedFlavorSchema, serverFlavorRefSchema]),
  image: serverImageSchema,
  key_name: z.string().nullable(),
  metadata: z.record(z.string(), z.string()),
  'OS-EXT-AZ:availability_zone': z.string(),
  // Admin-only; null while the server has not been scheduled (BUILD, or ERROR with no valid host).
  'OS-EXT-SRV-ATTR:host': z.string().nullable().optional(),
  'OS-EXT-SRV-ATTR:hypervisor_hostname': z.string().nullable().optional(),
  'OS-EXT-SRV-ATTR:instance_name': z.string().optional(),
  'OS-EXT-SRV-ATTR:hostname': z.string().optional(),
  'OS-EXT-STS:vm_state': z.string(),
  'OS-EXT-STS:task_state': z.string().nullable(),
  'OS-EXT-STS:power_state': z.number(),
  'OS-SRV-USG:launched_at': z.string().nullable().optional(),
  'os-extended-volumes:volumes_attached': z.array(
    z.object({ id: z.string(), delete_on_termination: z.boolean().optional() }),
  ),
  // Nova leaves the key out when the server has no security group.
  security_groups: z.array(z.object({ name: z.string() })).optional(),
  fault: serverFaultSchema.optional(),
  host_status: z.string().optional(), // 2.16+, policy-dependent
  description: z.string().nullable().optional(), // 2.19+
  tags: z.array(z.string()).optional(), // 2.26+
  locked: z.boolean().optional(), // 2.9+
  locked_reason: z.string().nullable().optional(), // 2.73+
  server_groups: z.array(z.string()).optional(), // 2.71+
  pinned_availability_zone: z.string().nullable().optional(), // 2.96+
});

/**
 * A server in a Nova cell the API cannot reach (2.69+): listings give only
 * these fields, GET /servers/{id} a few more; status is always UNKNOWN.
 */
export const partialServerSchema = z.object({
  id: z.string(),
  status: z.literal('UNKNOWN'),
  tenant_id: z.string(),
  created: z.string(),
  links: linksSchema.optional(),
  user_id: z.string().optional(),
  flavor: z.union([serverEmbeddedFlavorSchema, serverFlavorRefSchema]).optional(),
  image: serverImageSchema.optional(),
  'OS-EXT-AZ:availability_zone': z.string().optional(),
  'OS-EXT-STS:power_state': z.number().optional(),
  server_groups: z.array(z.string()).optional(),
});

export const serverSchema = fullOrPartial(
  fullServerSchema,
  partialServerSchema,
  // A full record always has a name; a healthy server may also be UNKNOWN (its host is down).
  (record) => record.status === 'UNKNOWN' && !('name' in record),
);

export const listServersResponseSchema = z.object({
  servers: z.array(serverSchema),
  servers_links: linksSchema.optional(),
});

export type FullServer = z.output<typeof fullServerSchema>;
export type PartialServer = z.output<typeof partialServerSchema>;
export type Server = FullServer | PartialServer;
export type ServerAddress = z.output<typeof serverAddressSchema>;

export function isPartialServer(server: Server): server is PartialServer {
  return !('name' in server);
}

export interface ListServersOptions {
  /** Nova caps pages at osapi_max_limit (1000 by default) and pages on from there. */
  pageSize?: number;
  signal?: AbortSignal;
  /** Every project's servers (admin): sends all_tenants=1. */
  allTenants?: boolean;
  /** Only the servers on this compute host (an admin filter: Nova drops it for other roles). */
  host?: string;
}

export const DEFAULT_SERVER_PAGE_SIZE = 1000;

/** GET /servers/detail, one array per page. */
export async function* listServers(http: ServiceHttp, options: ListServersOptions = {}): AsyncGenerator<Server[], void, undefined> {
  const { headers } = await negotiateMicroversion(http, 'compute');
  yield* paginate({
    http,
    url: 'servers/detail',
    query: options.allTenants || options.host !== undefined ? { ...(options.allTenants ? { all_tenants: 1 } : {}), ...(options.host !== undefined ? { host: options.host } : {}) } : undefined,
    headers,
    pageSize: options.pageSize ?? DEFAULT_SERVER_PAGE_SIZE,
    signal: options.signal,
    readPage: (body, context) => {
      const page = parseBody(listServersResponseSchema, body, context);
      return { items: page.servers, next: nextHref(page.servers_links) };
    },
  });
}
