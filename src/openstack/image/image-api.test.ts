import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isOpenStackError } from '../errors.ts';
import { allPages, fakeServiceFromRoutes } from '../testing/fake-service-http.ts';
import { createImageApi } from './image-api.ts';

/** An upstream API reference sample, parsed (see shared/openstack-api-samples/README.md). */
function loadSample(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../../../shared/openstack-api-samples/${path}`, import.meta.url), 'utf8'));
}

const { images } = loadSample('glance/v2/samples/images-list-response.json') as { images: Record<string, unknown>[] };

describe('images', () => {
  it.each([
    ['https://cloud.example/image/v2', 'https://cloud.example/image/v2/images?limit=1000&marker=m'],
    ['https://cloud.example:9292/v2', 'https://cloud.example:9292/v2/images?limit=1000&marker=m'],
  ])('follows the root-relative next link against %s', async (baseUrl, resolved) => {
    const http = fakeServiceFromRoutes(
      {
        images: { images, next: '/v2/images?limit=1000&marker=m', first: '/v2/images', schema: '/v2/schemas/images' },
        [resolved]: { images: images.slice(0, 1), first: '/v2/images', schema: '/v2/schemas/images' },
      },
      { baseUrl, service: 'image' },
    );
    const pages = await allPages(createImageApi(http).images());
    expect(pages.map((p) => p.map((i) => i.id))).toEqual([images.map((i) => i.id), [images[0]?.id]]);
    expect(http.requests.map((r) => r.url)).toEqual(['images', resolved]);
    expect(http.requests[0]?.query).toEqual({ limit: 1000 });
  });

  it('sends a visibility filter when asked, and keeps custom properties', async () => {
    const http = fakeServiceFromRoutes({ images: { images: [{ ...images[0], os_distro: 'cirros' }] } }, { service: 'image' });
    const [page] = await allPages(createImageApi(http).images({ visibility: 'all', pageSize: 5 }));
    expect(http.requests[0]?.query).toEqual({ visibility: 'all', limit: 5 });
    expect(page?.[0]?.os_distro).toBe('cirros');
  });

  it('accepts a queued image with nulls for what it has no data for yet', async () => {
    const queued = { ...images[0], status: 'queued', name: null, size: null, disk_format: null, container_format: null, checksum: null };
    const http = fakeServiceFromRoutes({ images: { images: [queued] } }, { service: 'image' });
    const [page] = await allPages(createImageApi(http).images());
    expect(page?.[0]?.name).toBeNull();
  });

  it('names a missing field', async () => {
    const { status: _status, ...withoutStatus } = images[0] ?? {};
    const http = fakeServiceFromRoutes({ images: { images: [withoutStatus] } }, { service: 'image' });
    const error: unknown = await allPages(createImageApi(http).images()).catch((e: unknown) => e);
    expect(isOpenStackError(error) && error.apiMessage).toMatch(/^images\[0\]\.status: /);
  });
});
