import { z } from 'zod';
import { bodyContext } from '../get-json.ts';
import { isOpenStackError } from '../errors.ts';
import type { ServiceHttp } from '../http/types.ts';
import { negotiateMicroversion } from '../microversion.ts';
import { parseBody } from '../parse-body.ts';
import { keypairSchema, type Keypair } from './list-keypairs.ts';

export const getKeypairResponseSchema = z.object({ keypair: keypairSchema });

export interface GetKeypairOptions {
  signal?: AbortSignal;
}

/** GET /os-keypairs/{name}: the caller's key pair of that name, or undefined when there is none (404). */
export async function getKeypair(http: ServiceHttp, name: string, options: GetKeypairOptions = {}): Promise<Keypair | undefined> {
  const { headers } = await negotiateMicroversion(http, 'compute');
  try {
    const response = await http.request({ url: `os-keypairs/${encodeURIComponent(name)}`, headers, signal: options.signal });
    return parseBody(getKeypairResponseSchema, response.body, bodyContext(http, response)).keypair;
  } catch (error) {
    if (isOpenStackError(error) && error.kind === 'not-found') return undefined;
    throw error;
  }
}
