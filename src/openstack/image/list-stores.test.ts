import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OpenStackError } from '../errors.ts';
import { fakeServiceHttp } from '../testing/fake-service-http.ts';
import { createImageApi } from './image-api.ts';

function loadSample(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../../../shared/openstack-api-samples/${path}`, import.meta.url), 'utf8'));
}

describe('GET /v2/info/stores', () => {
  it.each(['stores-list-response.json', 'stores-list-detail-response.json'])('reads %s with its flags as booleans', async (file) => {
    const http = fakeServiceHttp(() => ({ body: loadSample(`glance/v2/samples/${file}`) }), { service: 'image', baseUrl: 'https://glance.example/v2' });
    const stores = await createImageApi(http).stores();
    expect(http.requests[0]).toMatchObject({ method: 'GET', url: 'info/stores' });
    expect(stores.length).toBe(4);
    expect(stores.filter((store) => store.default).map((store) => store.id)).toHaveLength(1);
    expect(stores.every((store) => typeof store['read-only'] === 'boolean')).toBe(true);
  });

  it('marks the read-only store of the sample', async () => {
    const http = fakeServiceHttp(() => ({ body: loadSample('glance/v2/samples/stores-list-response.json') }), { service: 'image' });
    const stores = await createImageApi(http).stores();
    expect(stores.find((store) => store['read-only'])?.id).toBe('special');
    expect(stores.find((store) => store.default)?.id).toBe('fast');
  });

  it('reads a 404 (multi-store off) as no stores', async () => {
    const http = fakeServiceHttp(
      () => {
        throw new OpenStackError('GET info/stores: 404', { kind: 'not-found', cloud: 'test-cloud', status: 404, apiMessage: 'Multi backend is not supported at this site.' });
      },
      { service: 'image' },
    );
    expect(await createImageApi(http).stores()).toEqual([]);
  });

  it('lets other failures through', async () => {
    const http = fakeServiceHttp(
      () => {
        throw new OpenStackError('GET info/stores: 503', { kind: 'http', cloud: 'test-cloud', status: 503 });
      },
      { service: 'image' },
    );
    await expect(createImageApi(http).stores()).rejects.toMatchObject({ status: 503 });
  });
});
