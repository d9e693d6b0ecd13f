import { z } from 'zod';
import { getJson } from '../get-json.ts';
import type { ServiceHttp } from '../http/types.ts';

/** Glance's interoperable import methods (enabled_import_methods): what POST /v2/images/{id}/import accepts here. */
export const importInfoResponseSchema = z.looseObject({
  'import-methods': z.looseObject({
    value: z.array(z.string()),
  }),
});

export interface GetImportInfoOptions {
  signal?: AbortSignal;
}

/** GET /v2/info/import: the import methods this Glance offers, e.g. `glance-direct`, `web-download`, `copy-image`, `glance-download`. */
export async function getImportInfo(http: ServiceHttp, options: GetImportInfoOptions = {}): Promise<string[]> {
  const body = await getJson(http, importInfoResponseSchema, { url: 'info/import', signal: options.signal });
  return body['import-methods'].value;
}
