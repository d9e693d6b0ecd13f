import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCloudClient, type AuthMethod, type CloudClientOptions } from './client.ts';
import { OpenStackError } from './errors.ts';
import { createFakeFetch, jsonResponse, type FakeCall } from './http/fake-fetch.ts';
import { createHttpPolicy, type HttpPolicyOverrides } from './http/http-policy.ts';

const SAMPLES = new URL('../../../shared/openstack-api-samples/', import.meta.url);
const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, SAMPLES), 'utf8'));

const AUTH_URL = 'https://keystone.example.org:5000/v3/';
const TOKENS = 'https://keystone.example.org:5000/v3/auth/tokens';
const T0 = Date.parse('2026-03-01T12:00:00Z');
const password: AuthMethod = { type: 'password', username: 'ops', userDomainName: 'Default', password: 'pw-never-logged' };

const endpoints = (url: (region: string) => string) =>
  ['RegionOne', 'RegionTwo'].map((region) => ({ interface: 'public', region_id: region, region, url: url(region) }));

const CATALOG = [
  { type: 'identity', endpoints: endpoints(() => 'https://keystone.example.org:5000/v3') },
  { type: 'compute', endpoints: endpoints((r) => `https://nova-${r.toLowerCase()}.example.org/compute/v2.1`) },
  { type: 'network', endpoints: endpoints((r) => `https://neutron-${r.toLowerCase()}.example.org:9696/`) },
  { type: 'placement', endpoints: endpoints((r) => `https://placement-${r.toLowerCase()}.example.org`) },
];

/** A small cloud: Keystone issues tok-1, tok-2, … each valid for an hour; services answer per URL. */
function fakeCloud(options: { policy?: HttpPolicyOverrides; client?: Partial<CloudClientOptions>; nova?: (call: FakeCall) => Response } = {}) {
  let now = T0;
  let issued = 0;
  const fake = createFakeFetch((call) => {
    if (call.url.endsWith('/v3/auth/tokens')) {
      issued += 1;
      const body = {
        token: {
          methods: ['password'],
          issued_at: new Date(now).toISOString(),
          expires_at: new Date(now + 3_600_000).toISOString(),
          user: { id: 'u1', name: 'ops', domain: { id: 'default', name: 'Default' } },
          project: { id: 'p1', name: 'infra', domain: { id: 'default', name: 'Default' } },
          roles: [{ id: 'r1', name: 'reader' }],
          catalog: CATALOG,
        },
      };
      return jsonResponse(201, body, { 'X-Subject-Token': `tok-${issued}` });
    }
    if (call.url.includes('neutron') && call.url.endsWith(':9696/')) {
      return jsonResponse(200, read('neutron/v2/samples/networks/versions-list-response.json'));
    }
    if (call.url.includes('neutron')) return jsonResponse(200, { networks: [], networks_links: [] });
    if (call.url.includes('nova')) {
      if (options.nova) return options.nova(call);
      return jsonResponse(200, { version: { id: 'v2.1', status: 'CURRENT', version: '2.90', min_version: '2.1', links: [] } });
    }
    return jsonResponse(404, { itemNotFound: { code: 404, message: 'nothing here' } });
  });
  const policy = createHttpPolicy({ fetch: fake.fetch, sleep: async () => {}, now: () => now, ...options.policy });
  const client = createCloudClient({ cloud: 'prod', authUrl: AUTH_URL, auth: password, scope: { projectName: 'infra', projectDomainName: 'Default' }, policy, ...options.client });
  const signIns = () => fake.calls.filter((c) => c.url.endsWith('/auth/tokens')).length;
  return { client, calls: fake.calls, signIns, advance: (ms: number) => (now += ms) };
}

describe('cloud client', () => {
  it('signs in and exposes a session whose token never shows up when logged', async () => {
    const { client } = fakeCloud();
    const session = await client.signIn();
    expect(session).toMatchObject({ user: { name: 'ops', domainName: 'Default' }, project: { id: 'p1', name: 'infra' }, roles: ['reader'] });
    expect(session.regions).toEqual(['RegionOne', 'RegionTwo']);
    expect(session.expiresAt.getTime()).toBe(T0 + 3_600_000);
    expect(session.token).toBe('tok-1');
    expect(JSON.stringify(session)).not.toContain('tok-1');
    expect(String(session)).not.toContain('tok-1');
    expect(String(session)).toContain('ops@infra');
    expect(Object.keys(session)).not.toContain('token');
    expect(client.session()).toBe(session);
    expect(client.regions()).toEqual(['RegionOne', 'RegionTwo']);
  });

  it('signs in on first use, resolves the region endpoint and sends the token there', async () => {
    const { client, calls } = fakeCloud();
    const http = await client.serviceHttp('compute', 'RegionTwo');
    expect(http).toMatchObject({ cloud: 'prod', region: 'RegionTwo', service: 'compute', baseUrl: 'https://nova-regiontwo.example.org/compute/v2.1' });
    await http.request({ url: 'servers/detail' });
    expect(calls.map((c) => c.url)).toEqual([TOKENS, 'https://nova-regiontwo.example.org/compute/v2.1/servers/detail']);
    expect(calls[1]?.headers.get('x-auth-token')).toBe('tok-1');
  });

  it('plumbs compute() and network() to the resource modules, with discovery for Neutron', async () => {
    const { client, calls } = fakeCloud();
    expect(await (await client.compute('RegionOne')).microversion()).toBe('2.90');
    const network = await client.network('RegionOne');
    const pages = [];
    for await (const page of network.networks()) pages.push(page);
    expect(pages).toEqual([[]]);
    const neutronCalls = calls.filter((c) => c.url.includes('neutron')).map((c) => c.url.split('?')[0]);
    expect(neutronCalls).toEqual(['https://neutron-regionone.example.org:9696/', 'https://neutron-regionone.example.org:9696/v2.0/networks']);
    expect(calls.filter((c) => c.url.includes('nova'))[0]?.headers.get('x-auth-token')).toBe('tok-1');
  });

  it('restricts to the configured regions', async () => {
    const { client } = fakeCloud({ client: { regionName: 'RegionTwo' } });
    expect(client.regions()).toEqual(['RegionTwo']);
    await expect(client.serviceHttp('compute', 'RegionOne')).rejects.toMatchObject({ kind: 'config', cloud: 'prod', region: 'RegionOne' });
    expect((await client.signIn()).regions).toEqual(['RegionTwo']);
  });

  it('names cloud, service and region when the catalog has no endpoint', async () => {
    const { client } = fakeCloud();
    const error = await client.serviceHttp('image', 'RegionOne').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenStackError);
    expect(error).toMatchObject({ kind: 'config', cloud: 'prod', service: 'image', region: 'RegionOne' });
  });

  it('renews a token that expires within a minute before using it', async () => {
    const { client, calls, signIns, advance } = fakeCloud();
    const http = await client.serviceHttp('compute', 'RegionOne');
    await http.request({ url: 'servers' });
    advance(3_600_000 - 59_000);
    await http.request({ url: 'servers' });
    expect(signIns()).toBe(2);
    expect(calls.at(-1)?.headers.get('x-auth-token')).toBe('tok-2');
  });

  it('shares one re-authentication between concurrent 401s', async () => {
    const { client, calls, signIns } = fakeCloud({
      nova: (call) => (call.headers.get('x-auth-token') === 'tok-1' ? jsonResponse(401, { error: { message: 'expired' } }) : jsonResponse(200, { servers: [] })),
    });
    const http = await client.serviceHttp('compute', 'RegionOne');
    const results = await Promise.all(Array.from({ length: 5 }, () => http.request({ url: 'servers' })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(signIns()).toBe(2);
    expect(calls.filter((c) => c.url.includes('nova') && c.headers.get('x-auth-token') === 'tok-2')).toHaveLength(5);
    expect(client.session()?.token).toBe('tok-2');
  });

  it('never sends the token along a pagination link to another origin', async () => {
    const { client, calls } = fakeCloud();
    const http = await client.serviceHttp('compute', 'RegionOne');
    const error = await http.request({ url: 'https://nova-regionone.example.org.attacker.net/compute/v2.1/servers?marker=x' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'config', cloud: 'prod' });
    expect(calls.some((c) => c.url.includes('attacker'))).toBe(false);
    // A link to another region of the same catalog is fine.
    await http.request({ url: 'https://nova-regiontwo.example.org/compute/v2.1/servers?marker=x' });
    expect(calls.at(-1)?.headers.get('x-auth-token')).toBe('tok-1');
  });

  it('signs in and reads in read-only mode, but refuses writes before fetch', async () => {
    const { client, calls } = fakeCloud({ policy: { isReadOnly: () => true } });
    const http = await client.serviceHttp('compute', 'RegionOne');
    await http.request({ url: 'servers' });
    const before = calls.length;
    await expect(http.request({ method: 'POST', url: 'servers/s1/action', body: { 'os-stop': null } })).rejects.toMatchObject({ kind: 'read-only' });
    expect(calls.length).toBe(before);
  });

  it('goes through the proxy for a proxied cloud, Keystone included', async () => {
    const { client, calls } = fakeCloud({ client: { transport: { kind: 'proxy', basePath: '/os-proxy' } } });
    const http = await client.serviceHttp('compute', 'RegionOne');
    await http.request({ url: 'servers' });
    expect(calls.map((c) => c.url)).toEqual([
      '/os-proxy/prod/https/keystone.example.org/5000/v3/auth/tokens',
      '/os-proxy/prod/https/nova-regionone.example.org/443/compute/v2.1/servers',
    ]);
    expect(calls[1]?.headers.get('x-auth-token')).toBe('tok-1');
  });

  it('forgets the session on signOut and signs in again when needed', async () => {
    const { client, signIns } = fakeCloud();
    await client.signIn();
    client.signOut();
    expect(client.session()).toBeUndefined();
    await client.serviceHttp('compute', 'RegionOne');
    expect(signIns()).toBe(2);
  });

  it('rejects an auth_url that is not a URL, naming the cloud', () => {
    expect(() => createCloudClient({ cloud: 'broken', authUrl: 'keystone:5000', auth: password })).toThrow(OpenStackError);
  });
});
