import { z } from 'zod';
import { bodyContext } from '../get-json.ts';
import type { ServiceHttp } from '../http/types.ts';
import { negotiateMicroversion } from '../microversion.ts';
import { parseBody } from '../parse-body.ts';
import { mutationResult, type MutationResult } from './mutation-result.ts';

/** Nova answers a boot at once (202) with the new id; the server builds afterwards. */
export const createServerResponseSchema = z.object({ server: z.looseObject({ id: z.string() }) });

export interface CreateServerInput {
  name: string;
  imageId: string;
  flavorId: string;
  networkId: string;
  keyName?: string;
  /** Server metadata: how a launch finds its own servers again. */
  metadata?: Record<string, string>;
}

export interface CreateServerOptions {
  signal?: AbortSignal;
}

/** The request body of POST /servers: one port on one network, as the upstream samples name the fields. */
export function createServerRequestBody(input: CreateServerInput): { server: Record<string, unknown> } {
  const server: Record<string, unknown> = {
    name: input.name,
    imageRef: input.imageId,
    flavorRef: input.flavorId,
    networks: [{ uuid: input.networkId }],
  };
  if (input.keyName !== undefined) server['key_name'] = input.keyName;
  if (input.metadata !== undefined) server['metadata'] = input.metadata;
  return { server };
}

/**
 * POST /servers. Not retried by the HTTP layer: a lost answer may hide a
 * server that is building, which the caller looks for by name and metadata.
 */
export async function createServer(http: ServiceHttp, input: CreateServerInput, options: CreateServerOptions = {}): Promise<{ serverId: string } & MutationResult> {
  const { headers } = await negotiateMicroversion(http, 'compute');
  const response = await http.request({ method: 'POST', url: 'servers', headers, body: createServerRequestBody(input), signal: options.signal });
  return { serverId: parseBody(createServerResponseSchema, response.body, bodyContext(http, response)).server.id, ...mutationResult(response) };
}
