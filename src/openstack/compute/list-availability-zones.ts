import { z } from 'zod';
import { getJson } from '../get-json.ts';
import type { ServiceHttp } from '../http/types.ts';
import { negotiateMicroversion } from '../microversion.ts';

export const availabilityZoneServiceSchema = z.object({
  available: z.boolean(),
  active: z.boolean(),
  updated_at: z.string().nullable(),
});

export const availabilityZoneSchema = z.object({
  zoneName: z.string(),
  zoneState: z.object({ available: z.boolean() }),
  /** host → service binary → state; null for a zone whose hosts are all unavailable. */
  hosts: z.record(z.string(), z.record(z.string(), availabilityZoneServiceSchema)).nullable(),
});

export const listAvailabilityZonesResponseSchema = z.object({
  availabilityZoneInfo: z.array(availabilityZoneSchema),
});

export type AvailabilityZone = z.output<typeof availabilityZoneSchema>;

export interface ListAvailabilityZonesOptions {
  signal?: AbortSignal;
}

/** GET /os-availability-zone/detail (admin): zones with their hosts and services. Not paged. */
export async function listAvailabilityZones(
  http: ServiceHttp,
  options: ListAvailabilityZonesOptions = {},
): Promise<AvailabilityZone[]> {
  const { headers } = await negotiateMicroversion(http, 'compute');
  const body = await getJson(http, listAvailabilityZonesResponseSchema, {
    url: 'os-availability-zone/detail',
    headers,
    signal: options.signal,
  });
  return body.availabilityZoneInfo;
}
