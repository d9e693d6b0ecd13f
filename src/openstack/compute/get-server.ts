import { z } from 'zod';
import { isOpenStackError } from '../errors.ts';
import { bodyContext } from '../get-json.ts';
import type { ServiceHttp } from '../http/types.ts';
import { negotiateMicroversion } from '../microversion.ts';
import { parseBody } from '../parse-body.ts';
import { serverSchema, type Server } from './list-servers.ts';

export const getServerResponseSchema = z.object({ server: serverSchema });

export interface GetServerOptions {
  signal?: AbortSignal;
}

/** GET /servers/{id}; undefined when Nova no longer knows it (404). */
export async function getServer(http: ServiceHttp, serverId: string, options: GetServerOptions = {}): Promise<Server | undefined> {
  const { headers } = await negotiateMicroversion(http, 'compute');
  try {
    const response = await http.request({ url: `servers/${encodeURIComponent(serverId)}`, headers, signal: options.signal });
    return parseBody(getServerResponseSchema, response.body, bodyContext(http, response)).server;
  } catch (error) {
    if (isOpenStackError(error) && error.kind === 'not-found') return undefined;
    throw error;
  }
}
