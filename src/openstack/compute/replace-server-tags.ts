import { z } from 'zod';
import { OpenStackError } from '../errors.ts';
import { bodyContext } from '../get-json.ts';
import type { ServiceHttp } from '../http/types.ts';
import { isAtLeast, negotiateMicroversion } from '../microversion.ts';
import { parseBody } from '../parse-body.ts';
import { mutationResult, type MutationResult } from './mutation-result.ts';

export const serverTagsResponseSchema = z.object({ tags: z.array(z.string()) });

export interface ReplaceServerTagsOptions {
  signal?: AbortSignal;
}

/** PUT /servers/{id}/tags (2.26+): replaces the whole tag list; being a PUT, it is safe to repeat. */
export async function replaceServerTags(
  http: ServiceHttp,
  serverId: string,
  tags: readonly string[],
  options: ReplaceServerTagsOptions = {},
): Promise<{ tags: string[] } & MutationResult> {
  const { version, headers } = await negotiateMicroversion(http, 'compute');
  if (!isAtLeast(version, '2.26')) {
    throw new OpenStackError(`server tags need compute microversion 2.26; the endpoint offers ${version ?? 'none'}`, {
      kind: 'config',
      cloud: http.cloud,
      region: http.region,
      service: http.service,
    });
  }
  const response = await http.request({
    method: 'PUT',
    url: `servers/${encodeURIComponent(serverId)}/tags`,
    headers,
    body: { tags },
    signal: options.signal,
  });
  return { tags: parseBody(serverTagsResponseSchema, response.body, bodyContext(http, response)).tags, ...mutationResult(response) };
}
