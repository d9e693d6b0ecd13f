import type { ServiceHttp } from '../http/types.ts';
import type { MutationResult } from '../compute/mutation-result.ts';

export interface DeleteImageOptions {
  signal?: AbortSignal;
}

/** DELETE /v2/images/{id} (204). */
export async function deleteImage(http: ServiceHttp, imageId: string, options: DeleteImageOptions = {}): Promise<MutationResult> {
  const response = await http.request({ method: 'DELETE', url: `images/${encodeURIComponent(imageId)}`, signal: options.signal });
  return { requestId: response.requestId };
}
