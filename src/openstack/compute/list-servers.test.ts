import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isOpenStackError } from '../errors.ts';
import { allPages, fakeServiceFromRoutes, novaRootDocument } from '../testing/fake-service-http.ts';
import { createComputeApi } from './compute-api.ts';
import { isPartialServer, serverSchema, type Server } from './list-servers.ts';

/** An upstream API reference sample, parsed (see shared/openstack-api-samples/README.md). */
function loadSample(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../../../shared/openstack-api-samples/${path}`, import.meta.url), 'utf8'));
}

function novaSample(path: string): { servers: Record<string, unknown>[] } {
  return loadSample(`nova/${path}`) as { servers: Record<string, unknown>[] };
}

const BASE = 'https://nova.example/compute/v2.1';
const full = novaSample('servers/v2.100/servers-details-resp.json').servers[0] ?? {};
const server = (id: string) => ({ ...full, id });

describe('listServers', () => {
  it('follows servers_links and streams one array per page', async () => {
    const next = `${BASE}/servers/detail?limit=2&marker=b`;
    const http = fakeServiceFromRoutes(
      {
        'servers/detail': { servers: [server('a'), server('b')], servers_links: [{ rel: 'next', href: next }] },
        [next]: { servers: [server('c')] },
      },
      { baseUrl: BASE, root: novaRootDocument('2.100') },
    );
    const pages = await allPages(createComputeApi(http).servers({ pageSize: 2 }));
    expect(pages.map((page) => page.map((s) => s.id))).toEqual([['a', 'b'], ['c']]);
    expect(http.requests.map((r) => r.url)).toEqual(['', 'servers/detail', next]);
  });

  it('sends limit (1000 by default), all_tenants only when asked, and the microversion on every page', async () => {
    const routes = { 'servers/detail': { servers: [server('a')] } };
    const http = fakeServiceFromRoutes(routes, { root: novaRootDocument('2.100') });
    await allPages(createComputeApi(http).servers());
    await allPages(createComputeApi(http).servers({ allTenants: true, pageSize: 10 }));
    await allPages(createComputeApi(http).servers({ allTenants: true, host: 'cmp-7' }));
    const [first, second, third] = http.requests.filter((r) => r.url === 'servers/detail');
    expect(first?.query).toEqual({ limit: 1000 });
    expect(second?.query).toEqual({ all_tenants: 1, limit: 10 });
    expect(third?.query).toEqual({ all_tenants: 1, host: 'cmp-7', limit: 1000 });
    for (const request of [first, second]) {
      expect(request?.headers).toEqual({ 'OpenStack-API-Version': 'compute 2.96', 'X-OpenStack-Nova-API-Version': '2.96' });
    }
  });

  it('sends no microversion header to an endpoint without microversions', async () => {
    const http = fakeServiceFromRoutes({ 'servers/detail': { servers: [] } }, { root: novaRootDocument('') });
    await allPages(createComputeApi(http).servers());
    expect(http.requests[1]?.headers).toEqual({});
  });

  it('names the missing field of a bad record', async () => {
    const { id: _id, ...withoutId } = full;
    const http = fakeServiceFromRoutes({ 'servers/detail': { servers: [withoutId] } }, { root: novaRootDocument('2.96') });
    const error: unknown = await allPages(createComputeApi(http).servers()).catch((e: unknown) => e);
    expect(isOpenStackError(error) && error.kind).toBe('invalid-response');
    expect(isOpenStackError(error) && error.apiMessage).toMatch(/^servers\[0\]\.id: /);
  });

  it('names a missing field of a down-cell record too', () => {
    const result = serverSchema.safeParse({ id: 'x', status: 'UNKNOWN', tenant_id: 't' });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['created']]);
  });
});

describe('server records', () => {
  it('tells down-cell partial records from full ones', () => {
    const partial = novaSample('servers/v2.69/servers-details-resp.json').servers.map((s) => serverSchema.parse(s));
    expect(partial.map(isPartialServer)).toEqual([true]);
    expect(isPartialServer(serverSchema.parse(full))).toBe(false);
  });

  it('keeps a full server whose host is down (status UNKNOWN) full', () => {
    const parsed: Server = serverSchema.parse({ ...full, status: 'UNKNOWN' });
    expect(isPartialServer(parsed)).toBe(false);
  });

  it('reads a flavor reference (< 2.47) and an embedded flavor (>= 2.47)', () => {
    const old = serverSchema.parse(novaSample('servers/servers-details-resp.json').servers[0]);
    const embedded = serverSchema.parse(full);
    expect(!isPartialServer(old) && old.flavor).toEqual({ id: '1' });
    expect(!isPartialServer(embedded) && embedded.flavor).toMatchObject({ original_name: 'm1.tiny', vcpus: 1, ram: 512 });
  });

  it('accepts a server booted from a volume (image "") and a fault', () => {
    const fault = { code: 500, message: 'No valid host was found.', created: '2024-01-01T00:00:00Z' };
    const parsed = serverSchema.parse({ ...full, image: '', status: 'ERROR', fault, 'OS-EXT-SRV-ATTR:host': null });
    expect(!isPartialServer(parsed) && [parsed.image, parsed.fault]).toEqual(['', fault]);
  });

  it('rejects an address without its IP version', () => {
    const addresses = { private: [{ addr: '10.0.0.1', 'OS-EXT-IPS:type': 'fixed', 'OS-EXT-IPS-MAC:mac_addr': 'fa:16:3e:00:00:01' }] };
    const result = serverSchema.safeParse({ ...full, addresses });
    expect(result.error?.issues[0]?.path).toEqual(['addresses', 'private', 0, 'version']);
  });
});
