import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeServiceFromRoutes, novaRootDocument } from '../testing/fake-service-http.ts';
import { createFlavorExtraSpecs, createFlavorExtraSpecsRequestSchema, createFlavorExtraSpecsResponseSchema } from './create-flavor-extra-specs.ts';
import { extraSpecsText, listFlavorExtraSpecs, listFlavorExtraSpecsResponseSchema } from './list-flavor-extra-specs.ts';
import { flavorSchema } from './list-flavors.ts';

/** An upstream API reference sample, parsed (see shared/openstack-api-samples/README.md). */
function loadSample(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../../../shared/openstack-api-samples/${path}`, import.meta.url), 'utf8'));
}

const BASE = 'https://nova.example/compute/v2.1';

describe('the upstream flavor extra specs samples', () => {
  it('match the list and create schemas, and what we send', () => {
    expect(listFlavorExtraSpecsResponseSchema.parse(loadSample('nova/flavor-extra-specs/flavor-extra-specs-list-resp.json')).extra_specs).toEqual({ 'hw:cpu_policy': 'shared', 'hw:numa_nodes': '1' });
    expect(createFlavorExtraSpecsResponseSchema.safeParse(loadSample('nova/flavor-extra-specs/flavor-extra-specs-create-resp.json')).success).toBe(true);
    expect(createFlavorExtraSpecsRequestSchema.safeParse(loadSample('nova/flavor-extra-specs/flavor-extra-specs-create-req.json')).success).toBe(true);
  });

  it('are inline in the 2.61 flavor samples, which the flavor schema reads', () => {
    const detail = loadSample('nova/flavors/v2.61/flavor-get-resp.json') as { flavor: unknown };
    expect(flavorSchema.parse(detail.flavor).extra_specs).toBeDefined();
  });
});

describe('flavor extra specs calls', () => {
  it('GETs flavors/{id}/os-extra_specs with the microversion', async () => {
    const http = fakeServiceFromRoutes({ 'flavors/a%2Fb/os-extra_specs': { extra_specs: { 'hw:numa_nodes': '1' } } }, { baseUrl: BASE, root: novaRootDocument('2.96') });
    expect(await listFlavorExtraSpecs(http, 'a/b')).toEqual({ 'hw:numa_nodes': '1' });
    expect(http.requests[1]).toMatchObject({ method: 'GET', url: 'flavors/a%2Fb/os-extra_specs', headers: { 'OpenStack-API-Version': 'compute 2.96' } });
  });

  it('POSTs {"extra_specs": …} as a retryable write and hands back the request id', async () => {
    const http = fakeServiceFromRoutes({ 'flavors/7/os-extra_specs': { extra_specs: { 'hw:cpu_policy': 'dedicated' } } }, { baseUrl: BASE, root: novaRootDocument('2.96') });
    const result = await createFlavorExtraSpecs(http, '7', { 'hw:cpu_policy': 'dedicated' });
    expect(result).toEqual({ extraSpecs: { 'hw:cpu_policy': 'dedicated' }, requestId: 'req-2' });
    expect(http.requests[1]).toMatchObject({ method: 'POST', url: 'flavors/7/os-extra_specs', body: { extra_specs: { 'hw:cpu_policy': 'dedicated' } }, idempotent: true });
  });

  it('writes specs as one line in key order', () => {
    expect(extraSpecsText({ 'trait:X': 'required', 'hw:cpu_policy': 'dedicated' })).toBe('hw:cpu_policy=dedicated, trait:X=required');
    expect(extraSpecsText({})).toBe('');
  });
});
