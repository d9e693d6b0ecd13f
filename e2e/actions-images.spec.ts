import { createHash } from 'node:crypto';
import { expect, test, type Route } from '@playwright/test';
import type { SimCloudInfo } from '../src/sim/index.ts';
import { ownSimFleet, simAdminToken } from './fixtures/own-sim-fleet.ts';
import { serveRuntimeConfig } from './fixtures/runtime-config.ts';
import { cloudsYamlOf } from './fixtures/sim-clouds.ts';

/**
 * Image replication writes, so this spec runs its own loopback fleet (a
 * source and three targets) and never changes the one the other specs read.
 */
const FLEET = 'sites=4,servers=0,seed=23';
const IMAGE_NAME = 'e2e-golden';
/** Large enough to arrive in several chunks. */
const DATA = new Uint8Array(Array.from({ length: 512 * 1024 }, (_, index) => (index * 31) % 251));

const fleet = ownSimFleet(FLEET, 240);

function glanceUrl(cloud: SimCloudInfo, path: string): string {
  return `${new URL(cloud.authUrl).origin}/RegionOne/image/v2/${path}`;
}

async function glance(cloud: SimCloudInfo, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(glanceUrl(cloud, path), { ...init, headers: { 'X-Auth-Token': await simAdminToken(cloud), ...init.headers } });
}

interface ImageFact {
  id: string;
  status: string;
  checksum: string | null;
  os_hash_value: string | null;
  size: number | null;
}

async function imagesNamed(cloud: SimCloudInfo, name: string): Promise<ImageFact[]> {
  const body = (await (await glance(cloud, `images?name=${encodeURIComponent(name)}`)).json()) as { images: ImageFact[] };
  return body.images;
}

async function seedImage(cloud: SimCloudInfo): Promise<string> {
  const created = await glance(cloud, 'images', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: IMAGE_NAME, disk_format: 'raw', container_format: 'bare', os_distro: 'cirros' }),
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const uploaded = await glance(cloud, `images/${id}/file`, { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream' }, body: DATA });
  expect(uploaded.status).toBe(204);
  return id;
}

function target(cloud: SimCloudInfo): string {
  return `${cloud.name}/RegionOne`;
}

test('image replication to 3 clouds: progress while copying, every copy verified, a second plan finds them all', async ({ page }) => {
  test.setTimeout(60_000);
  const [source, ...targets] = fleet.clouds;
  if (!source || targets.length !== 3) throw new Error('the fleet needs a source and three targets');
  const imageId = await seedImage(source);
  const held = targets[0] as SimCloudInfo;
  // One target's upload waits until the test has seen its progress.
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(`${glanceUrl(held, 'images')}/*/file`, async (route: Route) => {
    if (route.request().method() === 'PUT') await released;
    await route.continue();
  });

  await serveRuntimeConfig(page, { clouds: cloudsYamlOf(fleet.clouds) });
  const params = new URLSearchParams({ action: 'image-replication', from: target(source), image: imageId, to: targets.map(target).join(',') });
  await page.goto(`/actions?${params.toString()}`);
  await expect(page.getByRole('tab', { name: 'Image replication' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Image', { exact: true })).toHaveValue(imageId);
  await expect(page.getByLabel('Image', { exact: true }).locator('option:checked')).toHaveText(`${IMAGE_NAME} (512.0 KiB)`);
  await page.getByRole('button', { name: 'Preview plan' }).click();
  const preview = page.getByRole('region', { name: 'Plan preview' });
  await expect(preview.getByRole('heading')).toHaveText(`Image replication: ${IMAGE_NAME} (512.0 KiB) from ${target(source)} to 3 targets`);
  await expect(preview.getByRole('status', { name: 'Plan summary' })).toHaveText('3 to create');
  await preview.getByRole('button', { name: 'Run 3 steps' }).click();

  const summary = page.getByRole('status', { name: 'Run summary' });
  await expect(summary).toHaveText('2 done · 1 running', { timeout: 20_000 });
  const progress = page.getByRole('progressbar', { name: `Progress of image ${IMAGE_NAME} to ${target(held)}` });
  await expect(progress).toHaveAttribute('aria-valuetext', `uploading to ${target(held)}: 0 B of 512.0 KiB`);
  release();
  await expect(summary).toHaveText('3 done', { timeout: 20_000 });
  for (const cloud of targets) {
    await expect(page.getByRole('table', { name: `Progress in ${cloud.name}` })).toContainText("copied 512.0 KiB; sha512 of the download and Glance's md5 of the copy match the source");
  }

  const md5 = createHash('md5').update(DATA).digest('hex');
  const sha512 = createHash('sha512').update(DATA).digest('hex');
  for (const cloud of targets) {
    expect(await imagesNamed(cloud, IMAGE_NAME)).toMatchObject([{ status: 'active', size: DATA.byteLength, checksum: md5, os_hash_value: sha512 }]);
  }

  await page.getByRole('button', { name: 'Preview plan' }).click();
  await expect(page.getByRole('status', { name: 'Plan summary' })).toHaveText('3 no change');
  await expect(page.getByRole('button', { name: 'Run 0 steps' })).toBeDisabled();
});

test('a same-named image with other data is a conflict, never overwritten', async ({ page }) => {
  const [source, other] = fleet.clouds as [SimCloudInfo, SimCloudInfo];
  const created = await glance(other, 'images', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'e2e-other', disk_format: 'raw', container_format: 'bare' }),
  });
  const { id } = (await created.json()) as { id: string };
  await glance(other, `images/${id}/file`, { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream' }, body: new Uint8Array([1, 2, 3]) });
  const sourceCopy = await glance(source, 'images', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'e2e-other', disk_format: 'raw', container_format: 'bare' }),
  });
  const { id: sourceId } = (await sourceCopy.json()) as { id: string };
  await glance(source, `images/${sourceId}/file`, { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream' }, body: new Uint8Array([4, 5, 6]) });

  await serveRuntimeConfig(page, { clouds: cloudsYamlOf(fleet.clouds) });
  await page.goto(`/actions?${new URLSearchParams({ action: 'image-replication', from: target(source), image: sourceId, to: target(other) }).toString()}`);
  await page.getByRole('button', { name: 'Preview plan' }).click();
  const preview = page.getByRole('region', { name: 'Plan preview' });
  await expect(preview.getByRole('status', { name: 'Plan summary' })).toHaveText('1 conflict');
  await expect(preview.getByRole('table', { name: `Plan for ${other.name}` })).toContainText('another image named e2e-other is there (active, checksum 5289df737df57326fcdd22597afb1fac); it is not replaced');
  await expect(preview.getByRole('button', { name: 'Run 0 steps' })).toBeDisabled();
});
