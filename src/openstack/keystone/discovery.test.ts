import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCloudHttp } from '../http/cloud-http.ts';
import { createFakeFetch, jsonResponse, textResponse, type FakeHandler } from '../http/fake-fetch.ts';
import { createHttpPolicy } from '../http/http-policy.ts';
import { DIRECT } from '../http/transport.ts';
import { createVersionDiscovery } from './discovery.ts';

const SAMPLES = new URL('../../../../shared/openstack-api-samples/', import.meta.url);
const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, SAMPLES), 'utf8'));

function setup(handler: FakeHandler, origins: string[]) {
  const fake = createFakeFetch(handler);
  const policy = createHttpPolicy({ fetch: fake.fetch, sleep: async () => {} });
  const http = createCloudHttp({
    cloud: 'prod',
    policy,
    transport: DIRECT,
    signInUrl: 'https://k.example/v3/auth/tokens',
    scope: () => ({ authUrl: 'https://k.example/v3', catalogOrigins: origins }),
    session: { token: async () => 'tok', reauthenticate: async () => {} },
  });
  const discovery = createVersionDiscovery();
  const resolve = (serviceType: string, catalogUrl: string) =>
    discovery.resolve({ cloud: 'prod', region: 'RegionOne', serviceType, catalogUrl, send: http.send });
  return { resolve, calls: fake.calls };
}

describe('version discovery', () => {
  it("reads Glance's 300 Multiple Choices and keeps the catalog's origin", async () => {
    const { resolve, calls } = setup(() => jsonResponse(300, read('glance/versions/samples/image-versions-response.json')), ['http://10.0.0.9:9292']);
    expect(await resolve('image', 'http://10.0.0.9:9292')).toBe('http://10.0.0.9:9292/v2');
    expect(calls[0]?.url).toBe('http://10.0.0.9:9292/');
  });

  it("uses Neutron's self link when it is on the catalog's origin", async () => {
    const { resolve } = setup(() => jsonResponse(200, read('neutron/v2/samples/networks/versions-list-response.json')), ['http://23.253.228.211:9696']);
    expect(await resolve('network', 'http://23.253.228.211:9696/')).toBe('http://23.253.228.211:9696/v2.0');
  });

  it('picks the newest CURRENT or SUPPORTED version of the major we speak', async () => {
    const doc = {
      versions: [
        { id: 'v2.0', status: 'SUPPORTED', links: [{ rel: 'self', href: 'https://img.example/image/v2/' }] },
        { id: 'v3.0', status: 'EXPERIMENTAL', links: [{ rel: 'self', href: 'https://img.example/image/v3/' }] },
        { id: 'v1.1', status: 'DEPRECATED', links: [{ rel: 'self', href: 'https://img.example/image/v1/' }] },
      ],
    };
    const { resolve } = setup(() => jsonResponse(300, doc), ['https://img.example']);
    expect(await resolve('image', 'https://img.example/image')).toBe('https://img.example/image/v2');
  });

  it('uses Placement and versioned catalog URLs as they are, without a request', async () => {
    const { resolve, calls } = setup(() => jsonResponse(200, {}), []);
    expect(await resolve('placement', 'http://10.0.0.9:8778/')).toBe('http://10.0.0.9:8778');
    expect(await resolve('compute', 'http://10.0.0.9:8774/v2.1/a6944d')).toBe('http://10.0.0.9:8774/v2.1/a6944d');
    expect(calls).toHaveLength(0);
  });

  it('falls back to the usual path when the root gives nothing usable', async () => {
    const notFound = setup(() => textResponse(404, 'Not Found'), ['http://g.example:9292']);
    expect(await notFound.resolve('image', 'http://g.example:9292')).toBe('http://g.example:9292/v2');
    const noLinks = setup(() => jsonResponse(200, { versions: [{ id: 'v2.0', status: 'CURRENT' }] }), ['http://n.example:9696']);
    expect(await noLinks.resolve('network', 'http://n.example:9696')).toBe('http://n.example:9696/v2.0');
  });

  it('caches per cloud and URL, but not failures', async () => {
    let fail = true;
    const { resolve, calls } = setup(() => {
      if (fail) throw new TypeError('fetch failed');
      return jsonResponse(200, read('neutron/v2/samples/networks/versions-list-response.json'));
    }, ['http://23.253.228.211:9696']);
    await expect(resolve('network', 'http://23.253.228.211:9696')).rejects.toMatchObject({ kind: 'network' });
    fail = false;
    const before = calls.length;
    await resolve('network', 'http://23.253.228.211:9696');
    await resolve('network', 'http://23.253.228.211:9696/');
    expect(calls.length - before).toBe(1);
  });
});
