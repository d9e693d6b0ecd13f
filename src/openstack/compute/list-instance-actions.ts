import { z } from 'zod';
import type { ServiceHttp } from '../http/types.ts';
import { linksSchema, nextHref } from '../links.ts';
import { isAtLeast, negotiateMicroversion } from '../microversion.ts';
import { paginate } from '../pagination.ts';
import { parseBody } from '../parse-body.ts';

/** One entry of a server's action log (what was asked of it, by whom, when). */
export const instanceActionSchema = z.object({
  action: z.string(),
  request_id: z.string(),
  user_id: z.string().nullable(),
  project_id: z.string().nullable(),
  /** Nova's timestamps carry no zone: they are UTC. */
  start_time: z.string(),
  updated_at: z.string().nullable().optional(), // 2.58+
  message: z.string().nullable(),
  instance_uuid: z.string().optional(),
});

export const listInstanceActionsResponseSchema = z.object({
  instanceActions: z.array(instanceActionSchema),
  links: linksSchema.optional(), // 2.58+
});

export type InstanceAction = z.output<typeof instanceActionSchema>;

export interface ListInstanceActionsOptions {
  pageSize?: number;
  signal?: AbortSignal;
}

export const DEFAULT_INSTANCE_ACTION_PAGE_SIZE = 100;

/** GET /servers/{id}/os-instance-actions, newest first, one array per page; paged only from 2.58. */
export async function* listInstanceActions(
  http: ServiceHttp,
  serverId: string,
  options: ListInstanceActionsOptions = {},
): AsyncGenerator<InstanceAction[], void, undefined> {
  const { version, headers } = await negotiateMicroversion(http, 'compute');
  yield* paginate({
    http,
    url: `servers/${encodeURIComponent(serverId)}/os-instance-actions`,
    headers,
    pageSize: isAtLeast(version, '2.58') ? (options.pageSize ?? DEFAULT_INSTANCE_ACTION_PAGE_SIZE) : undefined,
    signal: options.signal,
    readPage: (body, context) => {
      const page = parseBody(listInstanceActionsResponseSchema, body, context);
      return { items: page.instanceActions, next: nextHref(page.links) };
    },
  });
}
