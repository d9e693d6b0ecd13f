import { z } from 'zod';
import { getJson } from '../get-json.ts';
import type { ServiceHttp } from '../http/types.ts';
import { negotiateMicroversion } from '../microversion.ts';
import { fullOrPartial } from './partial-record.ts';

export const fullComputeServiceSchema = z.object({
  // Integers before 2.53, UUIDs from then on.
  id: z.union([z.string(), z.number().transform(String)]),
  binary: z.string(),
  host: z.string(),
  zone: z.string(),
  status: z.string(), // 'enabled' | 'disabled'
  state: z.string(), // 'up' | 'down'
  // null for a service that has not reported yet
  updated_at: z.string().nullable(),
  disabled_reason: z.string().nullable(),
  forced_down: z.boolean().optional(), // 2.11+
});

/** A service in a Nova cell the API cannot reach (2.69+). */
export const partialComputeServiceSchema = z.object({
  binary: z.string(),
  host: z.string(),
  status: z.literal('UNKNOWN'),
});

export const computeServiceSchema = fullOrPartial(
  fullComputeServiceSchema,
  partialComputeServiceSchema,
  (record) => record.status === 'UNKNOWN' && !('state' in record),
);

export const listComputeServicesResponseSchema = z.object({ services: z.array(computeServiceSchema) });

export type FullComputeService = z.output<typeof fullComputeServiceSchema>;
export type PartialComputeService = z.output<typeof partialComputeServiceSchema>;
export type ComputeService = FullComputeService | PartialComputeService;

export function isPartialComputeService(service: ComputeService): service is PartialComputeService {
  return !('state' in service);
}

export interface ListComputeServicesOptions {
  signal?: AbortSignal;
}

/** GET /os-services (admin). Not paged. */
export async function listComputeServices(
  http: ServiceHttp,
  options: ListComputeServicesOptions = {},
): Promise<ComputeService[]> {
  const { headers } = await negotiateMicroversion(http, 'compute');
  const body = await getJson(http, listComputeServicesResponseSchema, { url: 'os-services', headers, signal: options.signal });
  return body.services;
}
