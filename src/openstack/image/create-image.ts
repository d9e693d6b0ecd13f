import { bodyContext } from '../get-json.ts';
import type { ServiceHttp } from '../http/types.ts';
import { parseBody } from '../parse-body.ts';
import type { MutationResult } from '../compute/mutation-result.ts';
import { imageRecordSchema, type ImageRecord } from './image-record.ts';

/** What a new image record says before it has data; Glance fills size, checksum and hashes on upload. */
export interface CreateImageInput {
  name: string;
  diskFormat: string;
  containerFormat: string;
  minDisk: number;
  minRam: number;
  tags: readonly string[];
  /** Custom properties (os_distro, hw_*, …), as strings, the way Glance stores them. */
  properties: Readonly<Record<string, string>>;
}

export interface CreateImageOptions {
  signal?: AbortSignal;
}

/**
 * POST /v2/images: a `queued` image record without data. Not retried by the
 * HTTP layer: a lost answer may hide a created record, which the caller
 * finds by name before creating another.
 */
export async function createImage(http: ServiceHttp, input: CreateImageInput, options: CreateImageOptions = {}): Promise<{ image: ImageRecord } & MutationResult> {
  const body = {
    ...input.properties,
    name: input.name,
    disk_format: input.diskFormat,
    container_format: input.containerFormat,
    min_disk: input.minDisk,
    min_ram: input.minRam,
    tags: [...input.tags],
  };
  const response = await http.request({ method: 'POST', url: 'images', body, signal: options.signal });
  return { image: parseBody(imageRecordSchema, response.body, bodyContext(http, response)), requestId: response.requestId };
}
