import { z } from 'zod';
import type { ServiceHttp } from '../http/types.ts';
import { linksSchema, nextHref } from '../links.ts';
import { negotiateMicroversion } from '../microversion.ts';
import { paginate } from '../pagination.ts';
import { parseBody } from '../parse-body.ts';

export const flavorSchema = z.object({
  id: z.string(),
  name: z.string(),
  vcpus: z.number(),
  ram: z.number(),
  disk: z.number(),
  // Before 2.75 a flavor without swap says "" rather than 0.
  swap: z.union([z.number(), z.literal('').transform(() => 0)]),
  'OS-FLV-EXT-DATA:ephemeral': z.number(),
  'os-flavor-access:is_public': z.boolean(),
  'OS-FLV-DISABLED:disabled': z.boolean().optional(), // removed in 2.102
  rxtx_factor: z.number().optional(), // removed in 2.102
  description: z.string().nullable().optional(), // 2.55+
  extra_specs: z.record(z.string(), z.string()).optional(), // 2.61+, when policy allows
});

export const listFlavorsResponseSchema = z.object({
  flavors: z.array(flavorSchema),
  flavors_links: linksSchema.optional(),
});

export type Flavor = z.output<typeof flavorSchema>;

export interface ListFlavorsOptions {
  pageSize?: number;
  signal?: AbortSignal;
  /** Private flavors too (admin): is_public=None; others always see public plus their own. */
  includePrivate?: boolean;
}

export const DEFAULT_FLAVOR_PAGE_SIZE = 1000;

/** GET /flavors/detail, one array per page. */
export async function* listFlavors(http: ServiceHttp, options: ListFlavorsOptions = {}): AsyncGenerator<Flavor[], void, undefined> {
  const { headers } = await negotiateMicroversion(http, 'compute');
  yield* paginate({
    http,
    url: 'flavors/detail',
    query: options.includePrivate ? { is_public: 'None' } : undefined,
    headers,
    pageSize: options.pageSize ?? DEFAULT_FLAVOR_PAGE_SIZE,
    signal: options.signal,
    readPage: (body, context) => {
      const page = parseBody(listFlavorsResponseSchema, body, context);
      return { items: page.flavors, next: nextHref(page.flavors_links) };
    },
  });
}
