import { describe, expect, it, vi } from 'vitest';
import { createCloudHttp } from '../../openstack/http/cloud-http.ts';
import { createHttpPolicy, DIRECT } from '../../openstack/index.ts';
import { lockReadOnly } from './read-only-lock.ts';

const SIGN_IN = 'https://keystone.example.net/v3/auth/tokens';

function http() {
  const fetch = vi.fn(async () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } }));
  const policy = createHttpPolicy({ fetch, retry: { maxAttempts: 1 } });
  const cloudHttp = createCloudHttp({ cloud: 'ams', policy, transport: DIRECT, signInUrl: SIGN_IN, scope: () => ({ authUrl: 'https://keystone.example.net/v3', catalogOrigins: [] }) });
  return { fetch, policy, cloudHttp };
}

describe('lockReadOnly', () => {
  it('makes the shared policy refuse every mutating request before it leaves, from then on', async () => {
    const { fetch, policy, cloudHttp } = http();
    const url = 'https://nova.example.net/v2.1/servers';
    await cloudHttp.send({ method: 'POST', url, credential: { kind: 'none' } });
    expect(fetch).toHaveBeenCalledTimes(1);

    lockReadOnly(policy);
    expect(policy.isReadOnly()).toBe(true);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      await expect(cloudHttp.send({ method, url, credential: { kind: 'none' } })).rejects.toMatchObject({ kind: 'read-only' });
    }
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('still lets reads and the Keystone sign-in through', async () => {
    const { fetch, policy, cloudHttp } = http();
    lockReadOnly(policy);
    await cloudHttp.send({ method: 'GET', url: 'https://nova.example.net/v2.1/servers', credential: { kind: 'none' } });
    await cloudHttp.send({ method: 'POST', url: SIGN_IN, credential: { kind: 'none' } });
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
