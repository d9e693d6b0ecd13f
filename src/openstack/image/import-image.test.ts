import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeServiceHttp } from '../testing/fake-service-http.ts';
import { createImageApi } from './image-api.ts';

function loadSample(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../../../shared/openstack-api-samples/${path}`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

describe('POST /v2/images/{id}/import', () => {
  it('asks for glance-download as the upstream request does', async () => {
    const http = fakeServiceHttp(() => ({ status: 202, body: undefined }), { service: 'image', baseUrl: 'https://glance.example/v2' });
    const sample = loadSample('glance/v2/samples/image-import-gd-request.json');
    const method = sample['method'] as { glance_image_id: string; glance_region: string };
    const result = await createImageApi(http).importImage('9e1c2ea5-0bbe-4d53-9a6c-5a4f0a1d7b33', {
      name: 'glance-download',
      glanceImageId: method.glance_image_id,
      glanceRegion: method.glance_region,
    });
    expect(result.requestId).toBe('req-1');
    expect(http.requests[0]).toMatchObject({ method: 'POST', url: 'images/9e1c2ea5-0bbe-4d53-9a6c-5a4f0a1d7b33/import' });
    expect(http.requests[0]?.body).toEqual(sample);
  });

  it('asks for copy-image to the named stores only, keeping the stores that succeed', async () => {
    const http = fakeServiceHttp(() => ({ status: 202, body: undefined }), { service: 'image' });
    await createImageApi(http).importImage('img-1', { name: 'copy-image', stores: ['edge-1', 'edge-2'] });
    const sample = loadSample('glance/v2/samples/image-import-c-i-request.json');
    const sent = http.requests[0]?.body as Record<string, unknown>;
    expect(Object.keys(sent).sort()).toEqual(Object.keys(sample).sort());
    expect(sent).toEqual({ method: { name: 'copy-image' }, stores: ['edge-1', 'edge-2'], all_stores: false, all_stores_must_succeed: false });
  });

  it('is not marked idempotent: a lost answer is never re-sent by the HTTP layer', async () => {
    const http = fakeServiceHttp(() => ({ status: 202, body: undefined }), { service: 'image' });
    await createImageApi(http).importImage('img-1', { name: 'copy-image', stores: ['edge-1'] });
    expect(http.requests[0]?.idempotent).not.toBe(true);
  });
});
