import type { ServiceHttp } from '../http/types.ts';
import { negotiateMicroversion } from '../microversion.ts';
import { mutationResult, type MutationResult } from './mutation-result.ts';

export interface DeleteServerOptions {
  signal?: AbortSignal;
}

/** DELETE /servers/{id}: 204; the server goes away asynchronously. */
export async function deleteServer(http: ServiceHttp, serverId: string, options: DeleteServerOptions = {}): Promise<MutationResult> {
  const { headers } = await negotiateMicroversion(http, 'compute');
  const response = await http.request({ method: 'DELETE', url: `servers/${encodeURIComponent(serverId)}`, headers, signal: options.signal });
  return mutationResult(response);
}
