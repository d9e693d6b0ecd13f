import { describe, expect } from 'vitest';
import {
  createImage,
  deleteImage,
  getImage,
  getImportInfo,
  importImage,
  listStores,
  uploadImageData,
  type ImageRecord,
  type ServiceHttp,
} from '../openstack/index.ts';
import { md5Hex } from '../sim/mutations/md5.ts';
import { itNeeds } from './client-contract.ts';
import { contractClient, failureOf } from './contract-client.ts';
import type { ContractCloud, ContractTarget } from './contract-target.ts';

/** One Glance of a cloud: the regions whose catalog points at it, and what it says it offers. */
export interface ImportGlance {
  name: string;
  regions: readonly string[];
  importMethods: readonly string[];
  stores: readonly string[];
  defaultStore: string | null;
}

export interface ImageImportTarget extends ContractTarget {
  /** Per cloud, its Glances; a cloud left out is not tested here. */
  glances: Readonly<Record<string, readonly ImportGlance[]>>;
}

/** Glance runs an import as a task: the image is read until it settles. Bounded, so a stuck task fails the test. */
const IMPORT_SETTLES_WITHIN_MS = 45_000;
const POLL_EVERY_MS = 500;

function uniqueName(what: string): string {
  return `contract-${what}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function csv(value: string | undefined): string[] {
  return (value ?? '').split(',').filter((item) => item !== '');
}

/** The image once `settled` says so, or as it was when time ran out (the test's assertions then say what is wrong). */
async function readUntil(glance: ServiceHttp, id: string, settled: (image: ImageRecord) => boolean): Promise<ImageRecord | undefined> {
  const deadline = Date.now() + IMPORT_SETTLES_WITHIN_MS;
  for (;;) {
    const image = await getImage(glance, id);
    if (image === undefined || settled(image) || csv(image.os_glance_failed_import).length > 0 || Date.now() > deadline) return image;
    await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
  }
}

/** A tiny active image in `glance`'s default store, made by uploading `data`. */
async function activeImage(glance: ServiceHttp, name: string, data: Uint8Array<ArrayBuffer>, properties: Record<string, string> = {}): Promise<ImageRecord> {
  const { image } = await createImage(glance, { name, diskFormat: 'raw', containerFormat: 'bare', minDisk: 0, minRam: 0, tags: ['contract'], properties });
  await uploadImageData(glance, image.id, new Blob([data], { type: 'application/octet-stream' }));
  const active = await getImage(glance, image.id);
  if (active?.status !== 'active') throw new Error(`${name}: not active after its upload (${active?.status ?? 'gone'})`);
  return active;
}

async function deleteAndConfirm(glance: ServiceHttp, ids: readonly string[]): Promise<void> {
  for (const id of ids) await deleteImage(glance, id).catch(() => undefined);
  for (const id of ids) expect(await getImage(glance, id)).toBeUndefined();
}

/**
 * Glance's interoperable import, as image replication uses it: what each
 * Glance says it offers (GET /v2/info/import, /v2/info/stores), copy-image
 * between the stores of one Glance, and glance-download between the Glances
 * of two regions of one Keystone. Every test makes uniquely named images and
 * deletes them. Needs a user who may copy images (Glance's default policy:
 * admin).
 */
export function describeImageImportContract(target: ImageImportTarget): void {
  describe(`image import (${target.name})`, () => {
    for (const cloud of target.clouds) {
      const glances = target.glances[cloud.name];
      if (!cloud.services.includes('image') || glances === undefined) continue;
      describe(cloud.name, () => {
        for (const glance of glances) describeGlance(target, cloud, glance);
        describeGlanceDownload(target, cloud, glances);
      });
    }
  });
}

function storesTitle(glance: ImportGlance): string {
  if (glance.stores.length === 0) return 'no stores (not multi-store)';
  const shown = glance.stores.length > 4 ? `${glance.stores.length} stores (${glance.stores.slice(0, 3).join(', ')}, …)` : glance.stores.join(', ');
  return `${shown}, ${glance.defaultStore ?? 'none'} the default`;
}

function describeGlance(target: ContractTarget, cloud: ContractCloud, glance: ImportGlance): void {
  const region = glance.regions[0] ?? '';
  const where = `${glance.name} (${glance.regions.join(', ')})`;
  const http = () => contractClient(target.fetch, cloud).client.serviceHttp('image', region);

  itNeeds(cloud, ['image'], `${where}: GET /v2/info/import lists ${glance.importMethods.join(', ')}`, async () => {
    expect([...(await getImportInfo(await http()))].sort()).toEqual([...glance.importMethods].sort());
  });

  itNeeds(cloud, ['image'], `${where}: GET /v2/info/stores lists ${storesTitle(glance)}`, async () => {
    const stores = await listStores(await http());
    expect(stores.map((store) => store.id)).toEqual([...glance.stores]);
    expect(stores.filter((store) => store.default).map((store) => store.id)).toEqual(glance.defaultStore === null ? [] : [glance.defaultStore]);
    expect(stores.every((store) => !store['read-only'])).toBe(true);
  });

  const other = glance.stores.find((store) => store !== glance.defaultStore);
  if (!glance.importMethods.includes('copy-image') || glance.defaultStore === null || other === undefined) return;
  const home = glance.defaultStore;

  itNeeds(cloud, ['image'], `${where}: copy-image adds store ${other} to an active image of store ${home}, data unchanged`, async () => {
    const image = await http();
    const data = new TextEncoder().encode(`archipelago copy-image ${uniqueName('bytes')}\n`);
    const source = await activeImage(image, uniqueName('copy'), data);
    try {
      expect(csv(source.stores)).toEqual([home]);
      // A store the image is already in is refused up front, before any task.
      expect(await failureOf(importImage(image, source.id, { name: 'copy-image', stores: [home] }))).toMatchObject({ kind: 'http', status: 400 });
      const started = await importImage(image, source.id, { name: 'copy-image', stores: [other] });
      expect(started.requestId).toMatch(/^req-/);
      const copied = await readUntil(image, source.id, (record) => csv(record.stores).includes(other) && csv(record.os_glance_importing_to_stores).length === 0);
      expect(copied).toMatchObject({ status: 'active', size: data.byteLength, checksum: md5Hex(data), os_hash_value: source.os_hash_value });
      expect(csv(copied?.stores).sort()).toEqual([home, other].sort());
      expect(csv(copied?.os_glance_failed_import)).toEqual([]);
    } finally {
      await deleteAndConfirm(image, [source.id]);
    }
  });
}

/** glance-download from the first Glance that offers it to every other one. */
function describeGlanceDownload(target: ContractTarget, cloud: ContractCloud, glances: readonly ImportGlance[]): void {
  const offering = glances.filter((glance) => glance.importMethods.includes('glance-download'));
  const [from, ...others] = offering;
  if (from === undefined) return;
  const fromRegion = from.regions[0] ?? '';
  for (const to of others) {
    const toRegion = to.regions[0] ?? '';
    itNeeds(cloud, ['image'], `glance-download: ${toRegion}'s Glance pulls an image from ${fromRegion}'s, same data, allowed properties only`, async () => {
      const { client } = contractClient(target.fetch, cloud);
      const source = await client.serviceHttp('image', fromRegion);
      const destination = await client.serviceHttp('image', toRegion);
      const name = uniqueName('download');
      const data = new TextEncoder().encode(`archipelago glance-download ${name}\n`.repeat(16));
      const original = await activeImage(source, name, data, { os_distro: 'archipelago-contract', archipelago_contract: 'not copied' });
      const created: string[] = [];
      try {
        const { image: queued } = await createImage(destination, { name, diskFormat: 'raw', containerFormat: 'bare', minDisk: 0, minRam: 0, tags: [], properties: {} });
        created.push(queued.id);
        const started = await importImage(destination, queued.id, { name: 'glance-download', glanceImageId: original.id, glanceRegion: fromRegion });
        expect(started.requestId).toMatch(/^req-/);
        const copy = await readUntil(destination, queued.id, (record) => record.status === 'active');
        expect(copy).toMatchObject({
          status: 'active',
          size: data.byteLength,
          checksum: original.checksum,
          os_hash_algo: original.os_hash_algo,
          os_hash_value: original.os_hash_value,
          disk_format: 'raw',
          // Glance copies only the properties of [glance_download_properties] extra_properties (hw_*, os_distro, …).
          os_distro: 'archipelago-contract',
        });
        expect(copy?.['archipelago_contract']).toBeUndefined();
        expect(csv(copy?.stores)).toEqual(to.defaultStore === null ? [] : [to.defaultStore]);
        // The source is left as it was: a copy, not a move.
        expect(await getImage(source, original.id)).toMatchObject({ status: 'active', checksum: original.checksum });
        // Only a queued image can be the target of glance-download.
        const again = await failureOf(importImage(destination, queued.id, { name: 'glance-download', glanceImageId: original.id, glanceRegion: fromRegion }));
        expect(again).toMatchObject({ kind: 'http', status: 409 });
      } finally {
        await deleteAndConfirm(destination, created);
        await deleteAndConfirm(source, [original.id]);
      }
    });
  }
}
