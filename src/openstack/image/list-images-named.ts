import { z } from 'zod';
import type { ServiceHttp } from '../http/types.ts';
import { paginate } from '../pagination.ts';
import { parseBody } from '../parse-body.ts';
import { imageRecordSchema, type ImageRecord } from './image-record.ts';
import { DEFAULT_IMAGE_PAGE_SIZE } from './list-images.ts';

const namedImagesResponseSchema = z.object({ images: z.array(imageRecordSchema), next: z.string().optional() });

export interface ListImagesNamedOptions {
  signal?: AbortSignal;
}

/** GET /v2/images?name=…: every image of that exact name this project sees (names are not unique in Glance). */
export async function listImagesNamed(http: ServiceHttp, name: string, options: ListImagesNamedOptions = {}): Promise<ImageRecord[]> {
  const found: ImageRecord[] = [];
  const pages = paginate({
    http,
    url: 'images',
    query: { name },
    pageSize: DEFAULT_IMAGE_PAGE_SIZE,
    signal: options.signal,
    readPage: (body, context) => {
      const page = parseBody(namedImagesResponseSchema, body, context);
      return { items: page.images, next: page.next };
    },
  });
  for await (const page of pages) found.push(...page.filter((image) => image.name === name));
  return found;
}
