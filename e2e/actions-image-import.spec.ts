import { expect, test } from '@playwright/test';
import type { SimCloudInfo } from '../src/sim/index.ts';
import { ownSimFleet, simAdminToken } from './fixtures/own-sim-fleet.ts';
import { serveRuntimeConfig } from './fixtures/runtime-config.ts';
import { cloudsYamlOf } from './fixtures/sim-clouds.ts';

/**
 * Image replication by Glance's own import: glance-download between two
 * regions of one Keystone, copy-image between the stores of a multi-store
 * Glance. It writes, so it runs its own loopback fleet: a regional cloud
 * with two regions (each its own Glance offering glance-download) and an
 * edge cloud whose Glance has a central store and one per site.
 */
const FLEET = 'regional=1x2,edge=1x2,servers=0,seed=29';
const DATA = new Uint8Array(Array.from({ length: 256 * 1024 }, (_, index) => (index * 17) % 253));

const fleet = ownSimFleet(FLEET, 400);

function cloudNamed(name: string): SimCloudInfo {
  const cloud = fleet.clouds.find((candidate) => candidate.name === name);
  if (!cloud) throw new Error(`the fleet has no cloud ${name}`);
  return cloud;
}

async function glance(cloud: SimCloudInfo, region: string, path: string, init: RequestInit = {}): Promise<Response> {
  const url = `${new URL(cloud.authUrl).origin}/${region}/image/v2/${path}`;
  return fetch(url, { ...init, headers: { 'X-Auth-Token': await simAdminToken(cloud), ...init.headers } });
}

interface ImageFact {
  id: string;
  status: string;
  checksum: string | null;
  os_hash_value: string | null;
  size: number | null;
  stores?: string;
}

async function seedImage(cloud: SimCloudInfo, region: string, name: string): Promise<ImageFact> {
  const created = await glance(cloud, region, 'images', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, disk_format: 'raw', container_format: 'bare', os_distro: 'cirros' }),
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const uploaded = await glance(cloud, region, `images/${id}/file`, { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream' }, body: DATA });
  expect(uploaded.status).toBe(204);
  return (await (await glance(cloud, region, `images/${id}`)).json()) as ImageFact;
}

async function imagesNamed(cloud: SimCloudInfo, region: string, name: string): Promise<ImageFact[]> {
  return ((await (await glance(cloud, region, `images?name=${encodeURIComponent(name)}`)).json()) as { images: ImageFact[] }).images;
}

test('glance-download between two regions of one Keystone: the preview names the method, the copy arrives active with the same checksum', async ({ page }) => {
  const core = cloudNamed('core');
  const source = await seedImage(core, 'eu-west-1', 'e2e-regional');

  await serveRuntimeConfig(page, { clouds: cloudsYamlOf(fleet.clouds) });
  const params = new URLSearchParams({ action: 'image-replication', from: 'core/eu-west-1', image: source.id, to: 'core/eu-central-1' });
  await page.goto(`/actions?${params.toString()}`);
  await expect(page.getByLabel('Image', { exact: true }).locator('option:checked')).toHaveText('e2e-regional (256.0 KiB)');
  await page.getByRole('button', { name: 'Preview plan' }).click();

  const preview = page.getByRole('region', { name: 'Plan preview' });
  await expect(preview.getByRole('status', { name: 'Plan summary' })).toHaveText('1 to create');
  const planForCore = preview.getByRole('table', { name: 'Plan for core' });
  await expect(planForCore).toContainText('POST /v2/images → POST /v2/images/{id}/import (glance-download)');
  await expect(planForCore).toContainText("Method: glance-download — eu-central-1 and eu-west-1 share core's Keystone and eu-central-1's Glance offers glance-download");
  await preview.getByRole('button', { name: 'Run 1 step' }).click();

  await expect(page.getByRole('status', { name: 'Run summary' })).toHaveText('1 done', { timeout: 30_000 });
  await expect(page.getByRole('table', { name: 'Progress in core' })).toContainText("Glance imported 256.0 KiB by glance-download; its md5 and sha512 of the copy match the source");
  expect(await imagesNamed(core, 'eu-central-1', 'e2e-regional')).toMatchObject([
    { status: 'active', size: DATA.byteLength, checksum: source.checksum, os_hash_value: source.os_hash_value },
  ]);

  await page.getByRole('button', { name: 'Preview plan' }).click();
  await expect(page.getByRole('status', { name: 'Plan summary' })).toHaveText('1 no change');
});

test('copy-image into another store of a multi-store Glance, chosen in the form', async ({ page }) => {
  const edge = cloudNamed('edge-retail');
  const region = 'eu-edge-1';
  const source = await seedImage(edge, region, 'e2e-edge');
  expect(source.stores).toBe('central');

  await serveRuntimeConfig(page, { clouds: cloudsYamlOf(fleet.clouds) });
  await page.goto(`/actions?${new URLSearchParams({ action: 'image-replication', from: `${edge.name}/${region}`, image: source.id }).toString()}`);
  const stores = page.getByRole('group', { name: /Stores of edge-retail\/eu-edge-1’s Glance/ });
  await expect(stores.getByRole('checkbox', { name: 'central (holds the image)' })).toBeDisabled();
  await stores.getByRole('checkbox', { name: 'store-002' }).check();
  await expect(page).toHaveURL(/stores=store-002/);
  await page.getByRole('button', { name: 'Preview plan' }).click();

  const preview = page.getByRole('region', { name: 'Plan preview' });
  await expect(preview.getByRole('heading')).toHaveText(`Image replication: e2e-edge (256.0 KiB) from ${edge.name}/${region} to 1 store`);
  await expect(preview.getByRole('table', { name: `Plan for ${edge.name}` })).toContainText('Method: copy-image — store store-002 belongs to');
  await preview.getByRole('button', { name: 'Run 1 step' }).click();

  await expect(page.getByRole('status', { name: 'Run summary' })).toHaveText('1 done', { timeout: 30_000 });
  await expect(page.getByRole('table', { name: `Progress in ${edge.name}` })).toContainText('Glance copied 256.0 KiB into store store-002');
  const [after] = await imagesNamed(edge, region, 'e2e-edge');
  expect(after).toMatchObject({ status: 'active', checksum: source.checksum });
  expect(after?.stores?.split(',').sort()).toEqual(['central', 'store-002']);
});

test('a reload mid-import leaves the run interrupted; Resume waits for the import Glance is running, and no second image or import is made', async ({ page }) => {
  test.setTimeout(60_000);
  const core = cloudNamed('core');
  const name = 'e2e-resume';
  const source = await seedImage(core, 'eu-west-1', name);
  const targetImages = `${new URL(core.authUrl).origin}/eu-central-1/image/v2/images/*`;
  let holding = true;
  // Once Glance has taken the import, the step's reads of the copy never answer: the page is reloaded with the import running.
  await page.route(targetImages, (route) => (route.request().method() === 'GET' && holding ? undefined : route.continue()));
  await serveRuntimeConfig(page, { clouds: cloudsYamlOf(fleet.clouds) });
  await page.goto(`/actions?${new URLSearchParams({ action: 'image-replication', from: 'core/eu-west-1', image: source.id, to: 'core/eu-central-1' }).toString()}`);
  await page.getByRole('button', { name: 'Preview plan' }).click();
  const imported = page.waitForResponse((response) => response.url().endsWith('/import') && response.status() === 202);
  await page.getByRole('button', { name: 'Run 1 step' }).click();
  await imported;
  expect(await imagesNamed(core, 'eu-central-1', name)).toMatchObject([{ status: 'importing' }]);

  holding = false;
  const writes: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/image/')) writes.push(request.url());
  });
  await page.reload();
  const title = `Image replication: ${name} (256.0 KiB) from core/eu-west-1 to 1 target`;
  const row = page.getByRole('table', { name: 'Audit log' }).getByRole('row', { name: title });
  await expect(row).toContainText('Interrupted');
  await row.getByRole('button', { name: `Resume run: ${title}` }).click();
  await expect(page.getByRole('status', { name: 'Run summary' })).toHaveText('1 done', { timeout: 30_000 });
  expect(writes).toEqual([]);
  expect(await imagesNamed(core, 'eu-central-1', name)).toMatchObject([{ status: 'active', checksum: source.checksum, os_hash_value: source.os_hash_value }]);
});
