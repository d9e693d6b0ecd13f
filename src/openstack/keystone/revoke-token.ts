import type { CloudRequest } from '../http/cloud-http.ts';
import type { ServiceResponse } from '../http/types.ts';
import { signInUrl } from './auth-url.ts';

export interface RevokeTokenOptions {
  authUrl: string;
  /** The token to revoke; it also authorizes the call, as a user may always revoke their own token. */
  token: string;
  send: (request: CloudRequest) => Promise<ServiceResponse>;
  signal?: AbortSignal;
}

/**
 * DELETE /v3/auth/tokens with X-Subject-Token: Keystone answers 204 and the
 * token no longer validates anywhere. A token Keystone no longer accepts
 * (401: expired or already revoked, so it cannot authorize its own revocation;
 * 404: unknown) is as good as revoked, so those answers are accepted too.
 */
export async function revokeToken({ authUrl, token, send, signal }: RevokeTokenOptions): Promise<void> {
  await send({
    method: 'DELETE',
    url: signInUrl(authUrl),
    service: 'identity',
    headers: { 'X-Subject-Token': token },
    credential: { kind: 'token', token },
    // Revoking twice changes nothing, so a 503 may be retried.
    idempotent: true,
    acceptStatuses: [401, 404],
    redact: [token],
    signal,
  });
}
