import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OpenStackError } from '../errors.ts';
import { catalogRegions, endpointOrigins, findEndpoint, parseCatalog, type Catalog } from './catalog.ts';
import { tokenResponseSchema, type RawCatalog } from './token-schema.ts';

const SAMPLES = new URL('../../../../shared/openstack-api-samples/keystone/', import.meta.url);
const catalogOf = (path: string): Catalog =>
  parseCatalog(tokenResponseSchema.parse(JSON.parse(readFileSync(new URL(path, SAMPLES), 'utf8'))).token.catalog);

const sample = catalogOf('v3/samples/admin/auth-password-project-scoped-response.json');
const PROJECT = 'a6944d763bf64ee6a275f1263fae0352';

function multiRegion(): Catalog {
  const raw: RawCatalog = [
    {
      type: 'compute',
      endpoints: [
        { interface: 'public', region_id: 'east', url: 'https://east.example/compute/v2.1' },
        { interface: 'internal', region_id: 'east', url: 'http://10.1.0.1:8774/v2.1' },
        { interface: 'public', region_id: 'west', url: 'https://west.example/compute/v2.1' },
      ],
    },
    { type: 'octavia', endpoints: [{ interface: 'public', region_id: 'east', url: 'https://east.example/load-balancer' }] },
    { type: 'network', endpoints: [{ interface: 'publicURL', region: 'edge-1', url: 'https://edge1.example:9696' }] },
  ];
  return parseCatalog(raw);
}

describe('catalog', () => {
  it('picks the public endpoint by default, or the interface asked for', () => {
    const query = { cloud: 'prod', serviceType: 'compute', region: 'RegionOne' };
    expect(findEndpoint(sample, query)).toBe(`http://23.253.248.171:8774/v2.1/${PROJECT}`);
    expect(findEndpoint(multiRegion(), { ...query, region: 'east', interface: 'internal' })).toBe('http://10.1.0.1:8774/v2.1');
  });

  it('finds block-storage under its historical aliases, newest first', () => {
    expect(findEndpoint(sample, { cloud: 'prod', serviceType: 'block-storage', region: 'RegionOne' })).toBe(
      `http://23.253.248.171:8776/v2/${PROJECT}`,
    );
    // Asking for a specific alias gets exactly that one when it exists.
    expect(findEndpoint(sample, { cloud: 'prod', serviceType: 'volume', region: 'RegionOne' })).toBe(`http://23.253.248.171:8776/v1/${PROJECT}`);
  });

  it('finds load-balancer registered as octavia', () => {
    expect(findEndpoint(multiRegion(), { cloud: 'prod', serviceType: 'load-balancer', region: 'east' })).toBe('https://east.example/load-balancer');
  });

  it('chooses by region, including legacy region-only endpoints and publicURL', () => {
    const catalog = multiRegion();
    expect(findEndpoint(catalog, { cloud: 'prod', serviceType: 'compute', region: 'west' })).toBe('https://west.example/compute/v2.1');
    expect(findEndpoint(catalog, { cloud: 'prod', serviceType: 'network', region: 'edge-1' })).toBe('https://edge1.example:9696');
    const federated = catalogOf('v3-ext/federation/auth/samples/scoped-token-response.json');
    expect(findEndpoint(federated, { cloud: 'fed', serviceType: 'identity', region: 'RegionOne' })).toBe('http://example.com/identity');
  });

  it('says which cloud, service and region had no endpoint, and where the service exists', () => {
    const error = (() => {
      try {
        findEndpoint(multiRegion(), { cloud: 'prod', serviceType: 'compute', region: 'north' });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(OpenStackError);
    expect(error).toMatchObject({ kind: 'config', cloud: 'prod', service: 'compute', region: 'north' });
    expect((error as OpenStackError).message).toContain("no public endpoint for service 'compute' in region 'north'");
    expect((error as OpenStackError).message).toContain('east, west');
    expect(() => findEndpoint(sample, { cloud: 'prod', serviceType: 'placement', region: 'RegionOne' })).toThrow(/no such service/);
  });

  it('lists regions in catalog order, optionally for one service', () => {
    expect(catalogRegions(multiRegion())).toEqual(['east', 'west', 'edge-1']);
    expect(catalogRegions(multiRegion(), 'network')).toEqual(['edge-1']);
    expect(catalogRegions(sample)).toEqual(['RegionOne']);
  });

  it('lists the origins of every endpoint', () => {
    expect(endpointOrigins(sample).sort()).toEqual(
      [
        'http://example.com',
        ...[8000, 8004, 8080, 8773, 8774, 8776, 8888, 9000, 9292, 9696].map((port) => `http://23.253.248.171:${port}`),
      ].sort(),
    );
  });
});
