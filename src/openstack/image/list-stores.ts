import { z } from 'zod';
import { isOpenStackError } from '../errors.ts';
import { getJson } from '../get-json.ts';
import type { ServiceHttp } from '../http/types.ts';

/** Glance answers the flags as the strings "true"; absent means false. */
const flag = z.union([z.boolean(), z.string()]).optional().transform((value) => value === true || value === 'true');

export const imageStoreSchema = z.looseObject({
  id: z.string(),
  description: z.string().optional(),
  default: flag,
  'read-only': flag,
});

export const listStoresResponseSchema = z.object({ stores: z.array(imageStoreSchema) });

export type ImageStore = z.output<typeof imageStoreSchema>;

export interface ListStoresOptions {
  signal?: AbortSignal;
}

/**
 * GET /v2/info/stores: the backends of a multi-store Glance. A Glance
 * without `enabled_backends` answers 404 ("Multi backend is not supported
 * at this site"), which is read as no stores to choose from.
 */
export async function listStores(http: ServiceHttp, options: ListStoresOptions = {}): Promise<ImageStore[]> {
  try {
    const body = await getJson(http, listStoresResponseSchema, { url: 'info/stores', signal: options.signal });
    return body.stores;
  } catch (error) {
    if (isOpenStackError(error) && error.kind === 'not-found') return [];
    throw error;
  }
}
