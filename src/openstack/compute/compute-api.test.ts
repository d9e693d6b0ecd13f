import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isOpenStackError } from '../errors.ts';
import { allPages, fakeServiceFromRoutes, novaRootDocument } from '../testing/fake-service-http.ts';
import { createComputeApi } from './compute-api.ts';
import { isPartialComputeService } from './list-compute-services.ts';

/** An upstream API reference sample, parsed (see shared/openstack-api-samples/README.md). */
function loadSample(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../../../shared/openstack-api-samples/${path}`, import.meta.url), 'utf8'));
}

const BASE = 'https://nova.example/compute/v2.1';
const NOVA_HEADERS = (v: string) => ({ 'OpenStack-API-Version': `compute ${v}`, 'X-OpenStack-Nova-API-Version': v });

function compute(routes: Record<string, unknown>, version = '2.96') {
  const http = fakeServiceFromRoutes(routes, { baseUrl: BASE, root: novaRootDocument(version) });
  return { http, api: createComputeApi(http) };
}

describe('microversion', () => {
  it('exposes the negotiated version', async () => {
    expect(await compute({}, '2.60').api.microversion()).toBe('2.60');
    expect(await compute({}, '').api.microversion()).toBeUndefined();
  });
});

describe('flavors', () => {
  it('pages GET flavors/detail with the microversion, reading "" swap as 0', async () => {
    const next = `${BASE}/flavors/detail?limit=1000&marker=5`;
    const { http, api } = compute({
      'flavors/detail': { ...(loadSample('nova/flavors/flavors-detail-resp.json') as object), flavors_links: [{ rel: 'next', href: next }] },
      [next]: loadSample('nova/flavors/v2.102/flavors-detail-resp.json'),
    });
    const pages = await allPages(api.flavors({ includePrivate: true }));
    expect(pages.map((p) => p.length)).toEqual([6, 7]);
    expect(pages[0]?.[0]?.swap).toBe(0);
    expect(http.requests[1]?.query).toEqual({ is_public: 'None', limit: 1000 });
    expect(http.requests[2]?.headers).toEqual(NOVA_HEADERS('2.96'));
  });
});

describe('keypairs', () => {
  it('unwraps {"keypair": …} and pages from 2.35', async () => {
    const { http, api } = compute({ 'os-keypairs': loadSample('nova/os-keypairs/v2.35/keypairs-list-resp.json') });
    const next = 'http://openstack.example.com/v2.1/6f70656e737461636b20342065766572/os-keypairs?limit=1&marker=keypair-5d935425-31d5-48a7-a0f1-e76e9813f2c3';
    const error: unknown = await allPages(api.keypairs()).catch((e: unknown) => e);
    // The sample's next link is followed; the fake has no page behind it.
    expect(String(error)).toContain(`no route for ${next}`);
    expect(http.requests[1]?.query).toEqual({ limit: 1000 });
  });

  it('sends no limit before 2.35, where Nova does not page keypairs', async () => {
    const { http, api } = compute({ 'os-keypairs': loadSample('nova/os-keypairs/v2.2/keypairs-list-resp.json') }, '2.34');
    const pages = await allPages(api.keypairs());
    expect(pages.flat().map((k) => k.type)).toEqual(['ssh']);
    expect(http.requests[1]?.query).toBeUndefined();
  });
});

describe('availabilityZones', () => {
  it('GETs os-availability-zone/detail', async () => {
    const { http, api } = compute({ 'os-availability-zone/detail': loadSample('nova/os-availability-zone/availability-zone-detail-resp.json') });
    const zones = await api.availabilityZones();
    expect(zones.map((z) => z.zoneName)).toEqual(['internal', 'nova']);
    expect(http.requests[1]?.headers).toEqual(NOVA_HEADERS('2.96'));
  });
});

describe('aggregates', () => {
  it('GETs os-aggregates', async () => {
    const { api } = compute({ 'os-aggregates': loadSample('nova/os-aggregates/v2.81/aggregates-list-get-resp.json') });
    const [aggregate] = await api.aggregates();
    expect(aggregate).toMatchObject({ name: 'name', availability_zone: 'london', hosts: ['compute'] });
  });

  it('names a missing field', async () => {
    const { api } = compute({ 'os-aggregates': { aggregates: [{ id: 1 }] } });
    const error: unknown = await api.aggregates().catch((e: unknown) => e);
    expect(isOpenStackError(error) && error.apiMessage).toMatch(/^aggregates\[0\]\.name: /);
  });
});

describe('hypervisors', () => {
  it('pages from 2.33 and keeps UUID ids', async () => {
    const { hypervisors } = loadSample('nova/os-hypervisors/v2.88/hypervisors-detail-resp.json') as { hypervisors: unknown[] };
    const { http, api } = compute({ 'os-hypervisors/detail': { hypervisors } });
    const [page] = await allPages(api.hypervisors({ pageSize: 50 }));
    expect(page?.[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(page?.[0]?.vcpus).toBeUndefined();
    expect(http.requests[1]?.query).toEqual({ limit: 50 });
  });

  it('turns pre-2.53 integer ids into strings and sends no limit before 2.33', async () => {
    const { http, api } = compute({ 'os-hypervisors/detail': loadSample('nova/os-hypervisors/hypervisors-detail-resp.json') }, '2.32');
    const [page] = await allPages(api.hypervisors());
    expect(page?.[0]).toMatchObject({ id: '1', vcpus: 2, service: { id: '2' } });
    expect(http.requests[1]?.query).toBeUndefined();
  });
});

describe('services', () => {
  it('GETs os-services and tells down-cell records apart', async () => {
    const { api } = compute({ 'os-services': loadSample('nova/os-services/v2.69/services-list-get-resp.json') });
    const services = await api.services();
    expect(services.map(isPartialComputeService)).toEqual([true, true]);
  });

  it('names a missing field of a full record', async () => {
    const { api } = compute({ 'os-services': { services: [{ binary: 'nova-compute', host: 'h', status: 'enabled' }] } });
    const error: unknown = await api.services().catch((e: unknown) => e);
    expect(isOpenStackError(error) && error.apiMessage).toMatch(/^services\[0\]\.id: /);
  });
});

describe('limits', () => {
  it('GETs limits and returns the absolute ones', async () => {
    const { api } = compute({ limits: loadSample('nova/limits/v2.57/limit-get-resp.json') });
    expect(await api.limits()).toMatchObject({ maxTotalCores: 20, totalCoresUsed: 0 });
  });
});

describe('quotaSet', () => {
  it('GETs os-quota-sets/{project}/detail with the microversion', async () => {
    const { http, api } = compute({ 'os-quota-sets/p%2F1/detail': loadSample('nova/os-quota-sets/v2.57/quotas-show-detail-get-resp.json') });
    const quota = await api.quotaSet('p/1');
    expect(quota.cores).toEqual({ in_use: 0, limit: 20, reserved: 0 });
    expect(http.requests[1]?.headers).toEqual(NOVA_HEADERS('2.96'));
  });

  it('names a missing usage figure', async () => {
    const { api } = compute({ 'os-quota-sets/p/detail': { quota_set: { id: 'p' } } });
    const error: unknown = await api.quotaSet('p').catch((e: unknown) => e);
    expect(isOpenStackError(error) && error.kind).toBe('invalid-response');
    expect(isOpenStackError(error) && error.apiMessage).toMatch(/^quota_set\.instances: /);
  });
});
