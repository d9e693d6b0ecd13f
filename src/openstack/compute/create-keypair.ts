import { z } from 'zod';
import { bodyContext } from '../get-json.ts';
import type { ServiceHttp } from '../http/types.ts';
import { isAtLeast, negotiateMicroversion } from '../microversion.ts';
import { parseBody } from '../parse-body.ts';
import { keypairSchema, type Keypair } from './list-keypairs.ts';
import { mutationResult, type MutationResult } from './mutation-result.ts';

export const createKeypairResponseSchema = z.object({ keypair: keypairSchema });

export interface ImportKeypairInput {
  name: string;
  publicKey: string;
  /** 2.2+; Nova's default is 'ssh'. */
  type?: 'ssh' | 'x509';
}

export interface ImportKeypairOptions {
  signal?: AbortSignal;
}

/**
 * POST /os-keypairs with a public key (an import: Nova never sees a private
 * key). Not retried by the HTTP layer: a lost answer may hide a created key,
 * which the caller re-checks with getKeypair.
 */
export async function importKeypair(
  http: ServiceHttp,
  input: ImportKeypairInput,
  options: ImportKeypairOptions = {},
): Promise<{ keypair: Keypair } & MutationResult> {
  const { version, headers } = await negotiateMicroversion(http, 'compute');
  const keypair: Record<string, string> = { name: input.name, public_key: input.publicKey };
  if (input.type !== undefined && isAtLeast(version, '2.2')) keypair['type'] = input.type;
  const response = await http.request({ method: 'POST', url: 'os-keypairs', headers, body: { keypair }, signal: options.signal });
  return { keypair: parseBody(createKeypairResponseSchema, response.body, bodyContext(http, response)).keypair, ...mutationResult(response) };
}
