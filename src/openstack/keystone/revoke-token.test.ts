import { describe, expect, it } from 'vitest';
import { createCloudHttp } from '../http/cloud-http.ts';
import { createFakeFetch, jsonResponse, type FakeHandler } from '../http/fake-fetch.ts';
import { createHttpPolicy } from '../http/http-policy.ts';
import { DIRECT } from '../http/transport.ts';
import { signInUrl } from './auth-url.ts';
import { revokeToken } from './revoke-token.ts';

const AUTH_URL = 'https://keystone.example.org:5000';

function revoke(handler: FakeHandler, readOnly = false) {
  const fake = createFakeFetch(handler);
  const policy = createHttpPolicy({ fetch: fake.fetch, sleep: async () => {}, isReadOnly: () => readOnly });
  const http = createCloudHttp({ cloud: 'prod', policy, transport: DIRECT, signInUrl: signInUrl(AUTH_URL), scope: () => ({ authUrl: AUTH_URL, catalogOrigins: [] }) });
  return { result: revokeToken({ authUrl: AUTH_URL, token: 'tok-1', send: http.send }), calls: fake.calls };
}

describe('revokeToken', () => {
  it('sends DELETE /v3/auth/tokens naming the token as subject, even in read-only mode', async () => {
    const { result, calls } = revoke(() => new Response(null, { status: 204 }), true);
    await result;
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'DELETE', url: `${AUTH_URL}/v3/auth/tokens` });
    expect(calls[0]?.headers.get('x-subject-token')).toBe('tok-1');
    expect(calls[0]?.headers.get('x-auth-token')).toBe('tok-1');
  });

  it.each([401, 404])('takes a token Keystone no longer accepts (%i) as revoked', async (status) => {
    await expect(revoke(() => jsonResponse(status, { error: { code: status, message: 'Could not find token.' } })).result).resolves.toBeUndefined();
  });

  it('reports any other refusal with the cloud and status', async () => {
    const { result } = revoke(() => jsonResponse(403, { error: { code: 403, message: 'nope' } }));
    await expect(result).rejects.toMatchObject({ cloud: 'prod', status: 403 });
  });
});
