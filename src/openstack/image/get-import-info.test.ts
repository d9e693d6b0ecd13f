import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isOpenStackError } from '../errors.ts';
import { fakeServiceHttp } from '../testing/fake-service-http.ts';
import { createImageApi } from './image-api.ts';

function loadSample(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../../../shared/openstack-api-samples/${path}`, import.meta.url), 'utf8'));
}

describe('GET /v2/info/import', () => {
  it('reads the upstream sample as the list of import methods', async () => {
    const http = fakeServiceHttp(() => ({ body: loadSample('glance/v2/samples/image-info-import-response.json') }), { service: 'image', baseUrl: 'https://glance.example/v2' });
    expect(await createImageApi(http).importMethods()).toEqual(['glance-direct', 'web-download']);
    expect(http.requests[0]).toMatchObject({ method: 'GET', url: 'info/import' });
  });

  it('reads what a Glance with glance-download and copy-image enabled answers', async () => {
    const body = { 'import-methods': { description: 'Import methods available.', type: 'array', value: ['glance-direct', 'web-download', 'copy-image', 'glance-download'] } };
    const http = fakeServiceHttp(() => ({ body }), { service: 'image' });
    expect(await createImageApi(http).importMethods()).toContain('glance-download');
  });

  it('names the missing field of a body without methods', async () => {
    const http = fakeServiceHttp(() => ({ body: { 'import-methods': { type: 'array' } } }), { service: 'image' });
    const error: unknown = await createImageApi(http).importMethods().catch((e: unknown) => e);
    expect(isOpenStackError(error) && error.apiMessage).toMatch(/import-methods\.value/);
  });
});
