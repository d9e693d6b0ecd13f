import type { ServiceResponse } from '../http/types.ts';

/** What a mutating call hands back besides its body: the request id the audit log records. */
export interface MutationResult {
  requestId?: string;
}

export function mutationResult(response: ServiceResponse): MutationResult {
  return { requestId: response.requestId };
}
