import { z } from 'zod';
import type { ServiceHttp } from '../http/types.ts';
import { paginate } from '../pagination.ts';
import { parseBody } from '../parse-body.ts';

/**
 * Loose: custom properties (os_distro, hw_*, …) sit beside the standard
 * fields, and the console shows them. Glance sends null (or leaves the key
 * out) for what an image does not have yet, e.g. everything about the data
 * of a queued image.
 */
export const imageSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  status: z.string(),
  visibility: z.string(), // 'public' | 'private' | 'shared' | 'community'
  owner: z.string().nullish(),
  protected: z.boolean(),
  tags: z.array(z.string()),
  min_disk: z.number(),
  min_ram: z.number(),
  size: z.number().nullish(),
  virtual_size: z.number().nullish(),
  disk_format: z.string().nullish(),
  container_format: z.string().nullish(),
  checksum: z.string().nullish(),
  os_hidden: z.boolean().optional(),
  created_at: z.string(),
  updated_at: z.string(),
});

export const listImagesResponseSchema = z.object({
  images: z.array(imageSchema),
  /** Relative to the API root, e.g. '/v2/images?marker=…'. */
  next: z.string().optional(),
});

export type Image = z.output<typeof imageSchema>;

export interface ListImagesOptions {
  /** Glance caps pages at api_limit_max (1000 by default). */
  pageSize?: number;
  signal?: AbortSignal;
  /** Without it Glance lists public, own and accepted shared images; 'all' adds community ones. */
  visibility?: 'public' | 'private' | 'shared' | 'community' | 'all';
}

export const DEFAULT_IMAGE_PAGE_SIZE = 1000;

/** GET /v2/images, one array per page. */
export function listImages(http: ServiceHttp, options: ListImagesOptions = {}): AsyncGenerator<Image[], void, undefined> {
  return paginate({
    http,
    url: 'images',
    query: options.visibility === undefined ? undefined : { visibility: options.visibility },
    pageSize: options.pageSize ?? DEFAULT_IMAGE_PAGE_SIZE,
    signal: options.signal,
    readPage: (body, context) => {
      const page = parseBody(listImagesResponseSchema, body, context);
      return { items: page.images, next: page.next };
    },
  });
}
