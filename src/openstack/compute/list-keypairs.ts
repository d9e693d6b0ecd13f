import { z } from 'zod';
import type { ServiceHttp } from '../http/types.ts';
import { linksSchema, nextHref } from '../links.ts';
import { isAtLeast, negotiateMicroversion } from '../microversion.ts';
import { paginate } from '../pagination.ts';
import { parseBody } from '../parse-body.ts';

export const keypairSchema = z.object({
  name: z.string(),
  fingerprint: z.string(),
  public_key: z.string(),
  type: z.string().optional(), // 2.2+: 'ssh' or 'x509'
});

/** Each listed keypair is wrapped: `{"keypairs": [{"keypair": {...}}]}`. */
export const listKeypairsResponseSchema = z.object({
  keypairs: z.array(z.object({ keypair: keypairSchema })),
  keypairs_links: linksSchema.optional(),
});

export type Keypair = z.output<typeof keypairSchema>;

export interface ListKeypairsOptions {
  pageSize?: number;
  signal?: AbortSignal;
}

export const DEFAULT_KEYPAIR_PAGE_SIZE = 1000;

/** GET /os-keypairs (the caller's own), one array per page; paged only from 2.35. */
export async function* listKeypairs(http: ServiceHttp, options: ListKeypairsOptions = {}): AsyncGenerator<Keypair[], void, undefined> {
  const { version, headers } = await negotiateMicroversion(http, 'compute');
  yield* paginate({
    http,
    url: 'os-keypairs',
    headers,
    pageSize: isAtLeast(version, '2.35') ? (options.pageSize ?? DEFAULT_KEYPAIR_PAGE_SIZE) : undefined,
    signal: options.signal,
    readPage: (body, context) => {
      const page = parseBody(listKeypairsResponseSchema, body, context);
      return { items: page.keypairs.map((item) => item.keypair), next: nextHref(page.keypairs_links) };
    },
  });
}
