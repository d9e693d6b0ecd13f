import { isOpenStackError } from '../errors.ts';
import { bodyContext } from '../get-json.ts';
import type { ServiceHttp } from '../http/types.ts';
import { parseBody } from '../parse-body.ts';
import { imageRecordSchema, type ImageRecord } from './image-record.ts';

export interface GetImageOptions {
  signal?: AbortSignal;
}

/** GET /v2/images/{id}; undefined when Glance does not know it, or does not show it to this project (404). */
export async function getImage(http: ServiceHttp, imageId: string, options: GetImageOptions = {}): Promise<ImageRecord | undefined> {
  try {
    const response = await http.request({ url: `images/${encodeURIComponent(imageId)}`, signal: options.signal });
    return parseBody(imageRecordSchema, response.body, bodyContext(http, response));
  } catch (error) {
    if (isOpenStackError(error) && error.kind === 'not-found') return undefined;
    throw error;
  }
}
