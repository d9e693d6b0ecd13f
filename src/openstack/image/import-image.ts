import type { MutationResult } from '../compute/mutation-result.ts';
import type { ServiceHttp } from '../http/types.ts';

/**
 * The import methods the console asks for. `glance-download` pulls a queued
 * image's data from another region's Glance of the same Keystone, with the
 * caller's token; `copy-image` adds stores to an active image of this Glance.
 */
export type ImageImportMethod =
  | { name: 'glance-download'; glanceImageId: string; glanceRegion: string; glanceServiceInterface?: 'public' | 'internal' | 'admin' }
  | { name: 'copy-image'; stores: readonly string[] };

export interface ImportImageOptions {
  signal?: AbortSignal;
}

function importBody(method: ImageImportMethod): Record<string, unknown> {
  if (method.name === 'copy-image') {
    // all_stores_must_succeed=false keeps a copy that landed in some stores when another failed; Glance reports which in os_glance_failed_import.
    return { method: { name: 'copy-image' }, stores: [...method.stores], all_stores: false, all_stores_must_succeed: false };
  }
  // No all_stores_must_succeed: Glance refuses `false` when it has a single store (400), and `true` is its default.
  return {
    method: {
      name: 'glance-download',
      glance_image_id: method.glanceImageId,
      glance_region: method.glanceRegion,
      glance_service_interface: method.glanceServiceInterface ?? 'public',
    },
  };
}

/**
 * POST /v2/images/{id}/import (202, no body): Glance starts a task and the
 * image's status, `os_glance_importing_to_stores` and
 * `os_glance_failed_import` tell how it goes. Not retried by the HTTP layer:
 * a lost answer may hide a started import, which the caller sees on the
 * image (importing, or a 409 for the import lock) before asking again.
 */
export async function importImage(http: ServiceHttp, imageId: string, method: ImageImportMethod, options: ImportImageOptions = {}): Promise<MutationResult> {
  const response = await http.request({
    method: 'POST',
    url: `images/${encodeURIComponent(imageId)}/import`,
    body: importBody(method),
    signal: options.signal,
  });
  return { requestId: response.requestId };
}
