import type { ServiceHttp } from '../http/types.ts';
import type { MutationResult } from '../compute/mutation-result.ts';

export interface UploadImageDataOptions {
  signal?: AbortSignal;
}

/**
 * PUT /v2/images/{id}/file: the data of a queued image (204). Glance
 * computes size, checksum and os_hash_value as it stores the data, and
 * refuses a second upload (409), so a repeat after a lost answer cannot
 * store the data twice.
 */
export async function uploadImageData(http: ServiceHttp, imageId: string, data: Blob, options: UploadImageDataOptions = {}): Promise<MutationResult> {
  const response = await http.request({
    method: 'PUT',
    url: `images/${encodeURIComponent(imageId)}/file`,
    headers: { 'Content-Type': 'application/octet-stream' },
    binaryBody: data,
    signal: options.signal,
  });
  return { requestId: response.requestId };
}
