import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OpenStackError } from '../errors.ts';
import { createCloudHttp } from '../http/cloud-http.ts';
import { createFakeFetch, jsonResponse, type FakeHandler } from '../http/fake-fetch.ts';
import { createHttpPolicy } from '../http/http-policy.ts';
import { DIRECT } from '../http/transport.ts';
import { signInUrl } from './auth-url.ts';
import { availableProjectsSchema, listAuthProjects } from './list-auth-projects.ts';

const SAMPLES = new URL('../../../../shared/openstack-api-samples/keystone/', import.meta.url);
const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, SAMPLES), 'utf8'));
const AUTH_URL = 'https://keystone.example.org:5000/v3/';

function list(handler: FakeHandler) {
  const fake = createFakeFetch(handler);
  const policy = createHttpPolicy({ fetch: fake.fetch, sleep: async () => {} });
  const http = createCloudHttp({ cloud: 'prod', policy, transport: DIRECT, signInUrl: signInUrl(AUTH_URL), scope: () => ({ authUrl: AUTH_URL, catalogOrigins: [] }) });
  return { result: listAuthProjects({ cloud: 'prod', authUrl: AUTH_URL, token: 'tok-1', send: http.send }), calls: fake.calls };
}

describe('listAuthProjects', () => {
  it.each(['v3/samples/admin/get-available-project-scopes-response.json', 'v3-ext/federation/projects-domains/samples/project-list-response.json'])(
    'the schema accepts the upstream sample %s',
    (path) => {
      expect(availableProjectsSchema.parse(read(path)).projects.length).toBeGreaterThan(0);
    },
  );

  it('asks with the given token and returns the enabled projects sorted by name', async () => {
    const { result, calls } = list(() =>
      jsonResponse(200, {
        projects: [
          { id: 'p3', name: 'zeta', domain_id: 'default', enabled: true },
          { id: 'p1', name: 'alpha', domain_id: 'default' },
          { id: 'p2', name: 'beta', enabled: false },
        ],
        links: { self: 'x', next: null, previous: null },
      }),
    );
    expect(await result).toEqual([
      { id: 'p1', name: 'alpha', domainId: 'default' },
      { id: 'p3', name: 'zeta', domainId: 'default' },
    ]);
    expect(calls[0]?.url).toBe('https://keystone.example.org:5000/v3/auth/projects');
    expect(calls[0]?.headers.get('x-auth-token')).toBe('tok-1');
  });

  it('names the cloud when the body is not a project list', async () => {
    const { result } = list(() => jsonResponse(200, { projects: [{ name: 'no id' }] }));
    await expect(result).rejects.toBeInstanceOf(OpenStackError);
    await expect(result).rejects.toMatchObject({ cloud: 'prod', kind: 'invalid-response' });
  });
});
