import type { z } from 'zod';
import type { ServiceHttp } from '../http/types.ts';
import { paginate, type Page } from '../pagination.ts';
import { parseBody } from '../parse-body.ts';

export interface NeutronListOptions {
  /** Neutron has no cap by default (pagination_max_limit = -1); 1000 keeps pages and memory bounded. */
  pageSize?: number;
  signal?: AbortSignal;
}

export const DEFAULT_NEUTRON_PAGE_SIZE = 1000;

/**
 * Every Neutron listing pages the same way: `limit`/`marker`, and a
 * `<collection>_links` array with an absolute rel="next" link.
 */
export function neutronList<S extends z.ZodType, T>(
  http: ServiceHttp,
  path: string,
  schema: S,
  read: (page: z.output<S>) => Page<T>,
  options: NeutronListOptions,
): AsyncGenerator<T[], void, undefined> {
  return paginate({
    http,
    url: path,
    pageSize: options.pageSize ?? DEFAULT_NEUTRON_PAGE_SIZE,
    signal: options.signal,
    readPage: (body, context) => read(parseBody(schema, body, context)),
  });
}
