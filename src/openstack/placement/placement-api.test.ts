import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isOpenStackError } from '../errors.ts';
import { fakeServiceFromRoutes } from '../testing/fake-service-http.ts';
import { createPlacementApi } from './placement-api.ts';

/** An upstream API reference sample, parsed (see shared/openstack-api-samples/README.md). */
function loadSample(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../../../shared/openstack-api-samples/${path}`, import.meta.url), 'utf8'));
}

const UUID = '99c09379-6e52-4ef8-9a95-b9ce6f68452e';
const root = { versions: [{ id: 'v1.0', status: 'CURRENT', min_version: '1.0', max_version: '1.45' }] };

function placement(routes: Record<string, unknown>) {
  const http = fakeServiceFromRoutes(routes, { baseUrl: 'https://cloud.example/placement', service: 'placement', root });
  return { http, api: createPlacementApi(http) };
}

describe('placement', () => {
  it('negotiates min(server max, 1.39) and sends it on every call', async () => {
    const { http, api } = placement({
      resource_providers: loadSample('placement/samples/resource_providers/get-resource_providers.json'),
      [`resource_providers/${UUID}/inventories`]: loadSample('placement/samples/inventories/get-inventories.json'),
      [`resource_providers/${UUID}/usages`]: loadSample('placement/samples/resource_provider_usages/get-resource_provider_usages.json'),
    });
    expect(await api.microversion()).toBe('1.39');
    const providers = await api.resourceProviders();
    const inventories = await api.inventories(UUID);
    const usages = await api.usages(UUID);
    expect(providers.map((p) => p.parent_provider_uuid)).toEqual(['542df8ed-9be2-49b9-b4db-6d3183ff8ec8', null]);
    expect(inventories.inventories.MEMORY_MB).toMatchObject({ total: 5825, allocation_ratio: 1.5 });
    expect(usages.usages).toEqual({ DISK_GB: 1, MEMORY_MB: 512, VCPU: 1 });
    expect(http.requests.map((r) => r.url)).toEqual([
      '',
      'resource_providers',
      `resource_providers/${UUID}/inventories`,
      `resource_providers/${UUID}/usages`,
    ]);
    for (const request of http.requests.slice(1)) expect(request.headers).toEqual({ 'OpenStack-API-Version': 'placement 1.39' });
  });

  it('names a missing field', async () => {
    const { api } = placement({ [`resource_providers/${UUID}/inventories`]: { resource_provider_generation: 1, inventories: { VCPU: { total: 4 } } } });
    const error: unknown = await api.inventories(UUID).catch((e: unknown) => e);
    expect(isOpenStackError(error) && error.apiMessage).toMatch(/^inventories\.VCPU\.reserved: /);
  });
});
