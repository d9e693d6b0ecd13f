import { z } from 'zod';
import { getJson } from '../get-json.ts';
import type { ServiceHttp } from '../http/types.ts';
import { negotiateMicroversion } from '../microversion.ts';

/** -1 means unlimited. */
export const computeLimitsSchema = z.object({
  maxTotalInstances: z.number(),
  maxTotalCores: z.number(),
  maxTotalRAMSize: z.number(),
  maxTotalKeypairs: z.number(),
  maxServerMeta: z.number(),
  maxServerGroups: z.number(),
  maxServerGroupMembers: z.number(),
  totalInstancesUsed: z.number(),
  totalCoresUsed: z.number(),
  totalRAMUsed: z.number(),
  totalServerGroupsUsed: z.number(),
});

export const getLimitsResponseSchema = z.object({ limits: z.object({ absolute: computeLimitsSchema }) });

export type ComputeLimits = z.output<typeof computeLimitsSchema>;

export interface GetLimitsOptions {
  signal?: AbortSignal;
}

/** GET /limits: the caller's project's absolute limits and usage. */
export async function getLimits(http: ServiceHttp, options: GetLimitsOptions = {}): Promise<ComputeLimits> {
  const { headers } = await negotiateMicroversion(http, 'compute');
  const body = await getJson(http, getLimitsResponseSchema, { url: 'limits', headers, signal: options.signal });
  return body.limits.absolute;
}
