import { z } from 'zod';
import { getJson } from '../get-json.ts';
import type { ServiceHttp } from '../http/types.ts';
import { negotiateMicroversion } from '../microversion.ts';

export const aggregateSchema = z.object({
  id: z.number(),
  uuid: z.string().optional(), // 2.41+
  name: z.string(),
  availability_zone: z.string().nullable(),
  hosts: z.array(z.string()),
  metadata: z.record(z.string(), z.string()),
  created_at: z.string(),
  updated_at: z.string().nullable(),
});

export const listAggregatesResponseSchema = z.object({ aggregates: z.array(aggregateSchema) });

export type Aggregate = z.output<typeof aggregateSchema>;

export interface ListAggregatesOptions {
  signal?: AbortSignal;
}

/** GET /os-aggregates (admin). Not paged. */
export async function listAggregates(http: ServiceHttp, options: ListAggregatesOptions = {}): Promise<Aggregate[]> {
  const { headers } = await negotiateMicroversion(http, 'compute');
  const body = await getJson(http, listAggregatesResponseSchema, { url: 'os-aggregates', headers, signal: options.signal });
  return body.aggregates;
}
