import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OpenStackError } from '../errors.ts';
import { createCloudHttp } from '../http/cloud-http.ts';
import { createFakeFetch, jsonResponse, type FakeCall, type FakeHandler } from '../http/fake-fetch.ts';
import { createHttpPolicy } from '../http/http-policy.ts';
import { DIRECT } from '../http/transport.ts';
import type { AuthMethod, ProjectScope } from './auth-body.ts';
import { signInUrl } from './auth-url.ts';
import { authenticate } from './authenticate.ts';

const SAMPLES = new URL('../../../../shared/openstack-api-samples/keystone/', import.meta.url);
const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, SAMPLES), 'utf8'));
const SCOPED = read('v3/samples/admin/auth-password-project-scoped-response.json');
const UNSCOPED = read('v3/samples/admin/auth-password-unscoped-response.json');
const PROJECTS = read('v3/samples/admin/get-available-project-scopes-response.json');

const AUTH_URL = 'https://keystone.example.org:5000';
const TOKENS = `${AUTH_URL}/v3/auth/tokens`;

function issued(body: unknown, token: string) {
  return jsonResponse(201, body, { 'X-Subject-Token': token, 'x-openstack-request-id': `req-${token}` });
}

async function run(handler: FakeHandler, auth: AuthMethod, scope?: ProjectScope, authUrl = AUTH_URL) {
  const fake = createFakeFetch(handler);
  const policy = createHttpPolicy({ fetch: fake.fetch, sleep: async () => {}, isReadOnly: () => true });
  const http = createCloudHttp({
    cloud: 'prod',
    policy,
    transport: DIRECT,
    signInUrl: signInUrl(authUrl),
    scope: () => ({ authUrl, catalogOrigins: [] }),
  });
  const result = authenticate({ cloud: 'prod', authUrl, auth, scope, send: http.send, now: () => 0 });
  return { result, calls: fake.calls };
}

const password: AuthMethod = { type: 'password', username: 'admin', userDomainName: 'Default', password: 's3cr3t-pw' };

describe('authenticate', () => {
  it('signs in with a project scope, even in read-only mode, and reads the token from X-Subject-Token', async () => {
    const { result, calls } = await run(() => issued(SCOPED, 'tok-scoped'), password, { projectName: 'admin', projectDomainName: 'Default' });
    const token = await result;
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ url: TOKENS, method: 'POST' });
    expect(calls[0]?.headers.has('x-auth-token')).toBe(false);
    expect(calls[0]?.body).toMatchObject({ auth: { scope: { project: { name: 'admin', domain: { name: 'Default' } } } } });
    expect(token).toMatchObject({
      token: 'tok-scoped',
      user: { id: 'ee4dfb6e5540447cb3741905149d9b6e', name: 'admin', domainName: 'Default' },
      project: { id: 'a6944d763bf64ee6a275f1263fae0352', name: 'admin', domainName: 'Default' },
      roles: ['admin'],
    });
    expect(token.expiresAt.toISOString()).toBe('2015-11-07T02:58:43.578Z');
    expect(token.issuedAt.toISOString()).toBe('2015-11-07T01:58:43.578Z');
    expect(token.catalog).toHaveLength(13);
  });

  it.each(['https://k.example:5000', 'https://k.example:5000/', 'https://k.example:5000/v3', 'https://k.example:5000/v3/'])(
    'accepts auth_url %s',
    async (authUrl) => {
      const { result, calls } = await run(() => issued(SCOPED, 't'), password, { projectId: 'p' }, authUrl);
      await result;
      expect(calls[0]?.url).toBe('https://k.example:5000/v3/auth/tokens');
    },
  );

  it('keeps a path prefix of auth_url', async () => {
    const { result, calls } = await run(() => issued(SCOPED, 't'), password, { projectId: 'p' }, 'https://cloud.example/identity/v3/');
    await result;
    expect(calls[0]?.url).toBe('https://cloud.example/identity/v3/auth/tokens');
  });

  it('rescopes an unscoped token to the first project by name', async () => {
    const handler: FakeHandler = (call: FakeCall) => {
      if (call.url.endsWith('/v3/auth/projects')) return jsonResponse(200, PROJECTS);
      if (call.method === 'DELETE') return new Response(null, { status: 204 });
      const methods = (call.body as { auth: { identity: { methods: string[] } } }).auth.identity.methods;
      return methods[0] === 'password' ? issued(UNSCOPED, 'tok-unscoped') : issued(SCOPED, 'tok-project');
    };
    const { result, calls } = await run(handler, password);
    const token = await result;
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([`POST ${TOKENS}`, `GET ${AUTH_URL}/v3/auth/projects`, `POST ${TOKENS}`, `DELETE ${TOKENS}`]);
    expect(calls[1]?.headers.get('x-auth-token')).toBe('tok-unscoped');
    // Its work done, the unscoped token is revoked: the session keeps one live token.
    expect(calls[3]?.headers.get('x-subject-token')).toBe('tok-unscoped');
    // 'Build Group' sorts before 'Test Group', whatever order Keystone listed them in.
    expect(calls[2]?.body).toEqual({
      auth: { identity: { methods: ['token'], token: { id: 'tok-unscoped' } }, scope: { project: { id: '50ef01' } } },
    });
    expect(calls[2]?.headers.has('x-auth-token')).toBe(false);
    expect(token.token).toBe('tok-project');
  });

  it('rescopes a federated unscoped token (no expiry in the sample) with the token method', async () => {
    const handler: FakeHandler = (call) => {
      if (call.url.endsWith('/auth/projects')) return jsonResponse(200, PROJECTS);
      if (call.method === 'DELETE') return new Response(null, { status: 204 });
      const scoped = (call.body as { auth: { scope?: unknown } }).auth.scope !== undefined;
      return scoped
        ? issued(read('v3-ext/federation/auth/samples/scoped-token-response.json'), 'tok-fed-scoped')
        : issued(read('v3-ext/federation/auth/samples/unscoped-token-response.json'), 'tok-fed');
    };
    const token = await (await run(handler, { type: 'token', token: 'tok-oidc-exchanged' })).result;
    expect(token).toMatchObject({ token: 'tok-fed-scoped', project: { id: '263fd9', name: 'project-x' }, user: { name: 'username@example.com' } });
    expect(token.user.domainName).toBeUndefined();
  });

  it('exchanges an OIDC access token at OS-FEDERATION with a Bearer header, then rescopes to the first project (even read-only)', async () => {
    const handler: FakeHandler = (call) => {
      if (call.url.includes('/OS-FEDERATION/')) return issued(read('v3-ext/federation/auth/samples/unscoped-token-response.json'), 'tok-fed');
      if (call.url.endsWith('/auth/projects')) return jsonResponse(200, PROJECTS);
      return issued(read('v3-ext/federation/auth/samples/scoped-token-response.json'), 'tok-fed-scoped');
    };
    const oidc: AuthMethod = { type: 'oidcAccessToken', identityProvider: 'my idp', protocol: 'openid', accessToken: 'at-123' };
    const { result, calls } = await run(handler, oidc);
    expect((await result).token).toBe('tok-fed-scoped');
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      `GET ${AUTH_URL}/v3/OS-FEDERATION/identity_providers/my%20idp/protocols/openid/auth`,
      `GET ${AUTH_URL}/v3/auth/projects`,
      `POST ${TOKENS}`,
      `DELETE ${TOKENS}`,
    ]);
    expect(calls[3]?.headers.get('x-subject-token')).toBe('tok-fed');
    expect(calls[0]?.headers.get('authorization')).toBe('Bearer at-123');
    expect(calls[0]?.headers.has('x-auth-token')).toBe(false);
    expect(calls[2]?.headers.has('authorization')).toBe(false);
  });

  it('scopes an exchanged OIDC token to the configured project by name', async () => {
    const handler: FakeHandler = (call) =>
      call.url.includes('/OS-FEDERATION/')
        ? issued(read('v3-ext/federation/auth/samples/unscoped-token-response.json'), 'tok-fed')
        : issued(read('v3-ext/federation/auth/samples/scoped-token-response.json'), 'tok-fed-scoped');
    const oidc: AuthMethod = { type: 'oidcAccessToken', identityProvider: 'idp', protocol: 'openid', accessToken: 'at-123' };
    const { result, calls } = await run(handler, oidc, { projectName: 'project-x', projectDomainName: 'Default' });
    expect((await result).token).toBe('tok-fed-scoped');
    expect(calls).toHaveLength(3);
    expect(calls[1]?.body).toEqual({
      auth: { identity: { methods: ['token'], token: { id: 'tok-fed' } }, scope: { project: { name: 'project-x', domain: { name: 'Default' } } } },
    });
    expect(calls[2]).toMatchObject({ method: 'DELETE', url: TOKENS });
    expect(calls[2]?.headers.get('x-subject-token')).toBe('tok-fed');
  });

  it('keeps an unscoped token when the user has no project', async () => {
    const handler: FakeHandler = (call) =>
      call.url.endsWith('/auth/projects') ? jsonResponse(200, { projects: [] }) : issued(UNSCOPED, 'tok-unscoped');
    const token = await (await run(handler, password)).result;
    expect(token.project).toBeUndefined();
    expect(token.catalog).toEqual([]);
  });

  it('fails an OIDC exchange whose federated user has no project, naming the mapping', async () => {
    const handler: FakeHandler = (call) =>
      call.url.endsWith('/auth/projects') ? jsonResponse(200, { projects: [] }) : issued(read('v3-ext/federation/auth/samples/unscoped-token-response.json'), 'tok-fed');
    const oidc: AuthMethod = { type: 'oidcAccessToken', identityProvider: 'acme', protocol: 'openid', accessToken: 'at-123' };
    const error = await (await run(handler, oidc)).result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenStackError);
    expect(error).toMatchObject({ kind: 'forbidden', cloud: 'prod', service: 'identity' });
    expect((error as OpenStackError).apiMessage).toMatch(/no project for username@example.com.*mapping of identity provider "acme"/);
  });

  it('does not rescope an application credential', async () => {
    const { result, calls } = await run(() => issued(read('v3/samples/admin/auth-application-credential-response.json'), 'tok-ac'), {
      type: 'applicationCredential',
      id: '423f19a4ac1e4f48bbb4180756e6eb6c',
      secret: 'ac-secret',
    });
    expect((await result).project?.name).toBe('demo');
    expect(calls).toHaveLength(1);
  });

  it('reports a wrong password as unauthorized without ever echoing it', async () => {
    // A hostile or buggy server that echoes the request in its error message.
    const handler: FakeHandler = (call) =>
      jsonResponse(401, { error: { code: 401, title: 'Unauthorized', message: `bad credentials in ${JSON.stringify(call.body)}` } }, {
        'x-openstack-request-id': 'req-401',
      });
    const { result } = await run(handler, password, { projectId: 'p' });
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenStackError);
    expect(error).toMatchObject({ kind: 'unauthorized', cloud: 'prod', service: 'identity', requestId: 'req-401', status: 401 });
    expect(String((error as OpenStackError).message)).not.toContain('s3cr3t-pw');
    expect((error as OpenStackError).apiMessage).toContain('***');
    expect(JSON.stringify(error)).not.toContain('s3cr3t-pw');
  });

  it('refuses incomplete settings before sending anything', async () => {
    const { result, calls } = await run(() => issued(SCOPED, 't'), { type: 'password', username: 'admin', password: 's3cr3t-pw' });
    await expect(result).rejects.toMatchObject({ kind: 'config', cloud: 'prod' });
    expect(calls).toHaveLength(0);
  });

  it('fails clearly when X-Subject-Token is missing (not exposed by CORS)', async () => {
    const { result } = await run(() => jsonResponse(201, SCOPED), password, { projectId: 'p' });
    await expect(result).rejects.toMatchObject({ kind: 'invalid-response', cloud: 'prod' });
    await expect(result).rejects.toThrow(/X-Subject-Token/);
  });
});
