import { z } from 'zod';
import type { ServiceHttp } from '../http/types.ts';
import { linksSchema, nextHref } from '../links.ts';
import { isAtLeast, negotiateMicroversion } from '../microversion.ts';
import { paginate } from '../pagination.ts';
import { parseBody } from '../parse-body.ts';

/** Integers before 2.53, UUIDs from then on; kept as strings so callers need one key type. */
const idSchema = z.union([z.string(), z.number().transform(String)]);

export const hypervisorSchema = z.object({
  id: idSchema,
  hypervisor_hostname: z.string(),
  hypervisor_type: z.string(),
  hypervisor_version: z.number(),
  host_ip: z.string().nullable(),
  state: z.string(), // 'up' | 'down'
  status: z.string(), // 'enabled' | 'disabled'
  service: z.object({
    id: idSchema,
    host: z.string(),
    disabled_reason: z.string().nullable(),
  }),
  // The usage figures below were removed in 2.88 (Placement has them now).
  vcpus: z.number().optional(),
  vcpus_used: z.number().optional(),
  memory_mb: z.number().optional(),
  memory_mb_used: z.number().optional(),
  free_ram_mb: z.number().optional(),
  local_gb: z.number().optional(),
  local_gb_used: z.number().optional(),
  free_disk_gb: z.number().optional(),
  disk_available_least: z.number().nullable().optional(),
  running_vms: z.number().optional(),
  uptime: z.string().nullable().optional(), // 2.88+
  servers: z.array(z.object({ uuid: z.string(), name: z.string() })).optional(), // with_servers=true, 2.53+
});

export const listHypervisorsResponseSchema = z.object({
  hypervisors: z.array(hypervisorSchema),
  hypervisors_links: linksSchema.optional(),
});

export type Hypervisor = z.output<typeof hypervisorSchema>;

export interface ListHypervisorsOptions {
  pageSize?: number;
  signal?: AbortSignal;
}

export const DEFAULT_HYPERVISOR_PAGE_SIZE = 1000;

/** GET /os-hypervisors/detail (admin), one array per page; paged only from 2.33. */
export async function* listHypervisors(
  http: ServiceHttp,
  options: ListHypervisorsOptions = {},
): AsyncGenerator<Hypervisor[], void, undefined> {
  const { version, headers } = await negotiateMicroversion(http, 'compute');
  yield* paginate({
    http,
    url: 'os-hypervisors/detail',
    headers,
    pageSize: isAtLeast(version, '2.33') ? (options.pageSize ?? DEFAULT_HYPERVISOR_PAGE_SIZE) : undefined,
    signal: options.signal,
    readPage: (body, context) => {
      const page = parseBody(listHypervisorsResponseSchema, body, context);
      return { items: page.hypervisors, next: nextHref(page.hypervisors_links) };
    },
  });
}
