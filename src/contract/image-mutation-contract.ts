import { describe, expect } from 'vitest';
import { createImage, deleteImage, downloadImageData, getImage, listImagesNamed, uploadImageData, type ServiceHttp } from '../openstack/index.ts';
import { itNeeds } from './client-contract.ts';
import { contractClient, failureOf } from './contract-client.ts';
import type { ContractTarget } from './contract-target.ts';
import { md5Hex } from '../sim/mutations/md5.ts';

async function sha512Hex(data: Uint8Array<ArrayBuffer>): Promise<string> {
  return [...new Uint8Array(await crypto.subtle.digest('SHA-512', data))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The Glance writes image replication makes, against each backend: a record
 * created queued, its data uploaded once (Glance computes md5 and sha512),
 * downloaded byte for byte, found by name, deleted. Each test makes a
 * uniquely named image and deletes it at the end.
 */
export function describeImageMutationContract(target: ContractTarget): void {
  describe(`image writes (${target.name})`, () => {
    for (const cloud of target.clouds) {
      if (!cloud.services.includes('image')) continue;
      const region = cloud.regions[0]?.name ?? '';
      itNeeds(cloud, ['image'], `${cloud.name}: creates a queued image, uploads once, downloads the same bytes, deletes`, async () => {
        const { client } = contractClient(target.fetch, cloud);
        const glance: ServiceHttp = await client.serviceHttp('image', region);
        const name = `contract-image-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
        const data = new TextEncoder().encode(`archipelago contract image ${name}\n`);
        const created = await createImage(glance, {
          name,
          diskFormat: 'raw',
          containerFormat: 'bare',
          minDisk: 0,
          minRam: 0,
          tags: ['contract'],
          properties: { archipelago_copy_of: 'sha512:test' },
        });
        const id = created.image.id;
        try {
          expect(created.image).toMatchObject({ name, status: 'queued', checksum: null, size: null, disk_format: 'raw', container_format: 'bare', tags: ['contract'] });
          expect(created.image['archipelago_copy_of']).toBe('sha512:test');
          expect(await listImagesNamed(glance, name)).toMatchObject([{ id, status: 'queued' }]);

          const uploaded = await uploadImageData(glance, id, new Blob([data], { type: 'application/octet-stream' }));
          expect(uploaded.requestId).toMatch(/^req-/);
          const active = await getImage(glance, id);
          expect(active).toMatchObject({
            status: 'active',
            size: data.byteLength,
            checksum: md5Hex(data),
            os_hash_algo: 'sha512',
            os_hash_value: await sha512Hex(data),
          });
          expect(await failureOf(uploadImageData(glance, id, new Blob([data])))).toMatchObject({ kind: 'http', status: 409 });

          let received = 0;
          const download = await downloadImageData(glance, id, { maxBytes: 1024, onBytes: (bytes) => (received = bytes) });
          expect([...download.data]).toEqual([...data]);
          expect(received).toBe(data.byteLength);
          expect(await failureOf(downloadImageData(glance, id, { maxBytes: 4 }))).toMatchObject({ kind: 'invalid-response' });
        } finally {
          await deleteImage(glance, id).catch(() => undefined);
        }
        expect(await getImage(glance, id)).toBeUndefined();
        expect(await failureOf(deleteImage(glance, id))).toMatchObject({ kind: 'not-found', status: 404 });
      });

      itNeeds(cloud, ['image'], `${cloud.name}: a record without data downloads as no data`, async () => {
        const { client } = contractClient(target.fetch, cloud);
        const glance: ServiceHttp = await client.serviceHttp('image', region);
        const name = `contract-image-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
        const { image } = await createImage(glance, { name, diskFormat: 'raw', containerFormat: 'bare', minDisk: 0, minRam: 0, tags: [], properties: {} });
        try {
          expect((await failureOf(downloadImageData(glance, image.id, { maxBytes: 1024 }))).message).toContain('no data');
        } finally {
          await deleteImage(glance, image.id);
        }
      });
    }
  });
}
