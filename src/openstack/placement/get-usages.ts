import { z } from 'zod';
import { getJson } from '../get-json.ts';
import type { ServiceHttp } from '../http/types.ts';
import { negotiateMicroversion } from '../microversion.ts';
import type { PlacementCallOptions } from './list-resource-providers.ts';

/** Amount consumed per resource class. */
export const usagesSchema = z.object({
  resource_provider_generation: z.number(),
  usages: z.record(z.string(), z.number()),
});

export type Usages = z.output<typeof usagesSchema>;

/** GET /resource_providers/{uuid}/usages. */
export async function getUsages(http: ServiceHttp, uuid: string, options: PlacementCallOptions = {}): Promise<Usages> {
  const { headers } = await negotiateMicroversion(http, 'placement');
  return getJson(http, usagesSchema, {
    url: `resource_providers/${encodeURIComponent(uuid)}/usages`,
    headers,
    signal: options.signal,
  });
}
