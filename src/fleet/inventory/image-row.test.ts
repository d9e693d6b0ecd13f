import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { imageSchema } from '../../openstack/index.ts';
import { imageDigest, toImageRow } from './image-row.ts';

const sample = JSON.parse(
  readFileSync(new URL('../../../../shared/openstack-api-samples/glance/v2/samples/images-list-response.json', import.meta.url), 'utf8'),
) as { images: unknown[] };

describe('toImageRow', () => {
  it('keeps where the image lives and the fields the views show', () => {
    const image = imageSchema.parse(sample.images[0]);
    const row = toImageRow(image, { cloud: 'ams', region: 'RegionOne' });
    expect(row.key).toBe(`ams/RegionOne/${image.id}`);
    expect(row).toMatchObject({ id: image.id, cloud: 'ams', region: 'RegionOne', visibility: image.visibility, status: image.status });
    expect(row.checksum).toBe(image.checksum ?? '');
  });

  it('reads the multihash only when it is text, and says nothing for an image without data', () => {
    const base = imageSchema.parse(sample.images[0]);
    const queued = toImageRow({ ...base, name: null, size: null, checksum: null, disk_format: null, os_hash_algo: 7, os_hash_value: null }, { cloud: 'a', region: 'r' });
    expect(queued).toMatchObject({ name: '', checksum: '', hashAlgo: '', hashValue: '', diskFormat: '', size: undefined });
    expect(imageDigest(queued)).toBe('');
    const hashed = toImageRow({ ...base, checksum: null, os_hash_algo: 'sha512', os_hash_value: 'abc' }, { cloud: 'a', region: 'r' });
    expect(imageDigest(hashed)).toBe('sha512:abc');
  });
});
