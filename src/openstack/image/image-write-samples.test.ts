import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeServiceHttp } from '../testing/fake-service-http.ts';
import { createImage } from './create-image.ts';
import { imageRecordSchema } from './image-record.ts';
import { listImagesNamed } from './list-images-named.ts';

/** An upstream API reference sample, parsed (see shared/openstack-api-samples/README.md). */
function loadSample(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../../../shared/openstack-api-samples/${path}`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

describe('the Glance writes image replication makes, against the upstream samples', () => {
  it.each(['image-create-response.json', 'image-show-response.json', 'image-update-response.json'])('reads %s as an image record', (file) => {
    const sample = loadSample(`glance/v2/samples/${file}`);
    const parsed = imageRecordSchema.parse(sample);
    expect(parsed.id).toBe(sample['id']);
  });

  it('sends a create like the upstream request: formats, name and custom properties as strings at the top level', async () => {
    const response = loadSample('glance/v2/samples/image-create-response.json');
    const http = fakeServiceHttp(() => ({ status: 201, body: response }), { service: 'image', baseUrl: 'https://glance.example/v2' });
    const created = await createImage(http, { name: 'Ubuntu', diskFormat: 'qcow2', containerFormat: 'bare', minDisk: 0, minRam: 0, tags: ['lts'], properties: { os_distro: 'ubuntu' } });
    expect(created.image.id).toBe(response['id']);
    expect(created.requestId).toBe('req-1');
    const sent = http.requests[0];
    expect(sent).toMatchObject({ method: 'POST', url: 'images' });
    expect(sent?.body).toEqual({ name: 'Ubuntu', disk_format: 'qcow2', container_format: 'bare', min_disk: 0, min_ram: 0, tags: ['lts'], os_distro: 'ubuntu' });
    // The sample also sets an id; a copy lets Glance choose its own.
    const { id: _id, ...sampleFields } = loadSample('glance/v2/samples/image-create-request.json');
    expect(Object.keys(sent?.body as object)).toEqual(expect.arrayContaining(Object.keys(sampleFields)));
  });

  it('finds images by exact name only: Glance filters, and a differently named one on the page is not taken', async () => {
    const { images } = loadSample('glance/v2/samples/images-list-response.json') as { images: Record<string, unknown>[] };
    const [first, second] = images;
    const http = fakeServiceHttp(() => ({ body: { images: [{ ...first, name: 'golden' }, { ...second, name: 'golden-2' }] } }), { service: 'image' });
    const found = await listImagesNamed(http, 'golden');
    expect(found.map((image) => image.id)).toEqual([first?.['id']]);
    expect(http.requests[0]?.query).toEqual({ name: 'golden', limit: 1000 });
  });
});
