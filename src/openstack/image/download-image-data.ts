import { OpenStackError } from '../errors.ts';
import type { ServiceHttp } from '../http/types.ts';

export interface DownloadImageDataOptions {
  /** Larger images are abandoned: the data is held in the browser's memory. */
  maxBytes: number;
  /** Bytes received so far. */
  onBytes?: (received: number) => void;
  signal?: AbortSignal;
}

/** GET /v2/images/{id}/file: the image's data (200), or an error when it has none yet (Glance answers 204). */
export async function downloadImageData(http: ServiceHttp, imageId: string, options: DownloadImageDataOptions): Promise<{ data: Uint8Array<ArrayBuffer>; requestId?: string }> {
  const url = `images/${encodeURIComponent(imageId)}/file`;
  const response = await http.request({
    url,
    headers: { Accept: 'application/octet-stream' },
    binaryResponse: { maxBytes: options.maxBytes, onBytes: options.onBytes },
    signal: options.signal,
  });
  if (response.status === 204 || response.bytes === undefined) {
    throw new OpenStackError(`GET ${response.url}: the image has no data`, {
      kind: 'invalid-response',
      cloud: http.cloud,
      region: http.region,
      service: http.service,
      method: 'GET',
      url: response.url,
      status: response.status,
      requestId: response.requestId,
    });
  }
  return { data: response.bytes, requestId: response.requestId };
}
