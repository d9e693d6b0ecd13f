import { z } from 'zod';
import { getJson } from '../get-json.ts';
import type { ServiceHttp } from '../http/types.ts';
import { negotiateMicroversion } from '../microversion.ts';

export const resourceProviderSchema = z.object({
  uuid: z.string(),
  name: z.string(),
  generation: z.number(),
  // 1.14+; the parent is null for a root provider (a compute node).
  parent_provider_uuid: z.string().nullable().optional(),
  root_provider_uuid: z.string().optional(),
});

export const listResourceProvidersResponseSchema = z.object({ resource_providers: z.array(resourceProviderSchema) });

export type ResourceProvider = z.output<typeof resourceProviderSchema>;

export interface PlacementCallOptions {
  signal?: AbortSignal;
}

/** GET /resource_providers (admin). Placement does not page. */
export async function listResourceProviders(
  http: ServiceHttp,
  options: PlacementCallOptions = {},
): Promise<ResourceProvider[]> {
  const { headers } = await negotiateMicroversion(http, 'placement');
  const body = await getJson(http, listResourceProvidersResponseSchema, { url: 'resource_providers', headers, signal: options.signal });
  return body.resource_providers;
}
