import type { ServiceHttp } from '../http/types.ts';
import { negotiateMicroversion } from '../microversion.ts';
import { mutationResult, type MutationResult } from './mutation-result.ts';

export interface DeleteKeypairOptions {
  signal?: AbortSignal;
}

/** DELETE /os-keypairs/{name}: 202 before 2.2, 204 from 2.2. */
export async function deleteKeypair(http: ServiceHttp, name: string, options: DeleteKeypairOptions = {}): Promise<MutationResult> {
  const { headers } = await negotiateMicroversion(http, 'compute');
  const response = await http.request({ method: 'DELETE', url: `os-keypairs/${encodeURIComponent(name)}`, headers, signal: options.signal });
  return mutationResult(response);
}
