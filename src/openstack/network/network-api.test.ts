import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isOpenStackError } from '../errors.ts';
import { allPages, fakeServiceFromRoutes } from '../testing/fake-service-http.ts';
import { createNetworkApi, type NetworkApi } from './network-api.ts';
import type { NeutronListOptions } from './neutron-list.ts';

/** An upstream API reference sample, parsed (see shared/openstack-api-samples/README.md). */
function loadSample(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../../../shared/openstack-api-samples/${path}`, import.meta.url), 'utf8'));
}

const BASE = 'https://neutron.example:9696/v2.0';

const operations: [keyof NetworkApi, string, string, string][] = [
  ['networks', 'networks', 'networks', 'neutron/v2/samples/networks/networks-list-response.json'],
  ['subnets', 'subnets', 'subnets', 'neutron/v2/samples/subnets/subnets-list-response.json'],
  ['routers', 'routers', 'routers', 'neutron/v2/samples/routers/routers-list-response.json'],
  ['ports', 'ports', 'ports', 'neutron/v2/samples/ports/ports-list-response.json'],
  ['floatingIps', 'floatingips', 'floatingips', 'neutron/v2/samples/floatingips/floating-ips-list-response.json'],
  ['securityGroups', 'security-groups', 'security_groups', 'neutron/v2/samples/security-groups/security-groups-list-response.json'],
];

/** The six listings differ only in item type; the test treats them alike. */
function lister(api: NetworkApi, method: keyof NetworkApi): (options?: NeutronListOptions) => AsyncIterable<unknown[]> {
  return api[method] as (options?: NeutronListOptions) => AsyncIterable<unknown[]>;
}

describe.each(operations)('%s', (method, path, collection, samplePath) => {
  const items = (loadSample(samplePath) as Record<string, unknown[]>)[collection] ?? [];

  it(`pages GET ${path} with limit/marker via ${collection}_links`, async () => {
    const next = `${BASE}/${path}?limit=2&marker=m`;
    const http = fakeServiceFromRoutes(
      {
        [path]: { [collection]: items, [`${collection}_links`]: [{ rel: 'next', href: next }] },
        [next]: { [collection]: items.slice(0, 1) },
      },
      { baseUrl: BASE, service: 'network' },
    );
    const pages = await allPages(lister(createNetworkApi(http), method)({ pageSize: 2 }));
    expect(pages.map((p) => p.length)).toEqual([items.length, 1]);
    expect(http.requests.map((r) => [r.url, r.query])).toEqual([
      [path, { limit: 2 }],
      [next, undefined],
    ]);
  });

  it('sends 1000 as the default page size', async () => {
    const http = fakeServiceFromRoutes({ [path]: { [collection]: [] } }, { baseUrl: BASE, service: 'network' });
    await allPages(lister(createNetworkApi(http), method)());
    expect(http.requests[0]?.query).toEqual({ limit: 1000 });
  });

  it('names a missing id', async () => {
    const [first] = items as Record<string, unknown>[];
    const { id: _id, ...withoutId } = first ?? {};
    const http = fakeServiceFromRoutes({ [path]: { [collection]: [withoutId] } }, { baseUrl: BASE, service: 'network' });
    const error: unknown = await allPages(lister(createNetworkApi(http), method)()).catch((e: unknown) => e);
    expect(isOpenStackError(error) && error.kind).toBe('invalid-response');
    expect(isOpenStackError(error) && error.apiMessage).toMatch(new RegExp(`^${collection}\\[0\\]\\.id: `));
  });
});

describe('routers', () => {
  it('accepts a router without an external gateway', async () => {
    const [router] = (loadSample('neutron/v2/samples/routers/routers-list-response.json') as { routers: object[] }).routers;
    const http = fakeServiceFromRoutes({ routers: { routers: [{ ...router, external_gateway_info: null }] } }, { baseUrl: BASE });
    const [page] = await allPages(createNetworkApi(http).routers());
    expect(page?.[0]?.external_gateway_info).toBeNull();
  });
});

describe('security groups', () => {
  it('accepts the rules Neutron makes itself, whose description is null (seen on Zed)', async () => {
    const [group] = (loadSample('neutron/v2/samples/security-groups/security-groups-list-response.json') as { security_groups: { security_group_rules: object[] }[] })
      .security_groups;
    const rules = (group?.security_group_rules ?? []).map((rule) => ({ ...rule, description: null }));
    const http = fakeServiceFromRoutes({ 'security-groups': { security_groups: [{ ...group, security_group_rules: rules }] } }, { baseUrl: BASE });
    const [page] = await allPages(createNetworkApi(http).securityGroups());
    expect(rules.length).toBeGreaterThan(0);
    expect(page?.[0]?.security_group_rules.map((rule) => rule.description)).toEqual(rules.map(() => null));
  });
});
