import { expect, test } from '@playwright/test';
import type { LabCloud } from '../src/contract/lab-json.ts';
import { createCloudClient, createImage, deleteImage, listImagesNamed, uploadImageData, type ServiceHttp } from '../src/openstack/index.ts';
import { serveRuntimeConfig } from '../e2e/fixtures/runtime-config.ts';
import { labA, labB, labRuntimeClouds, assertAvailable } from './fixtures/lab.ts';

// Both Keystones and both Glances: the image goes from lab-a's Glance to lab-b's through the browser.
const NEEDS = ['keystone-a', 'keystone-b', 'catalog-a', 'catalog-b', 'glance-a', 'glance-b', 'seed:lab-a', 'seed:lab-b'];

/** Glance of one lab cloud as the seed's demo user, whom the console signs in as too. */
async function demoGlance(cloud: LabCloud, name: string): Promise<ServiceHttp> {
  const { demo } = cloud.credentials;
  const client = createCloudClient({
    cloud: name,
    authUrl: cloud.auth_url,
    auth: { type: 'password', username: demo.username, userDomainName: demo.user_domain_name, password: demo.password },
    scope: { projectName: demo.project_name, projectDomainName: demo.project_domain_name },
  });
  return client.serviceHttp('image', 'RegionOne');
}

test.describe('image replication on the real lab', () => {
  test.beforeAll(() => assertAvailable(NEEDS));

  test('an image copied from lab-a’s Glance to lab-b’s: verified, found by name and checksum, both copies deleted', async ({ page }) => {
    const name = `e2e-image-${Date.now().toString(36)}`;
    const data = new TextEncoder().encode(`archipelago image replication ${name}\n`.repeat(64));
    const glanceA = await demoGlance(labA, 'lab-a');
    const glanceB = await demoGlance(labB, 'lab-b');
    const { image } = await createImage(glanceA, { name, diskFormat: 'raw', containerFormat: 'bare', minDisk: 0, minRam: 0, tags: [], properties: {} });
    try {
      await uploadImageData(glanceA, image.id, new Blob([data]));
      await serveRuntimeConfig(page, { clouds: labRuntimeClouds() });
      const params = new URLSearchParams({ action: 'image-replication', from: 'lab-a/RegionOne', image: image.id, to: 'lab-b/RegionOne' });
      await page.goto(`/actions?${params.toString()}`);
      await page.getByRole('button', { name: 'Preview plan' }).click();
      await expect(page.getByRole('status', { name: 'Plan summary' })).toHaveText('1 to create');
      await page.getByRole('button', { name: 'Run 1 step' }).click();
      await expect(page.getByRole('status', { name: 'Run summary' })).toHaveText('1 done', { timeout: 30_000 });
      const progress = page.getByRole('table', { name: 'Progress in lab-b' });
      await expect(progress).toContainText("sha512 of the download and Glance's md5 of the copy match the source");
      // The real Glances' request ids (download, create, upload) are recorded with the step.
      await expect(progress).toContainText(/Request id req-[0-9a-f-]{36}, req-[0-9a-f-]{36}, req-[0-9a-f-]{36}/);

      const [source] = await listImagesNamed(glanceA, name);
      const copies = await listImagesNamed(glanceB, name);
      expect(copies).toHaveLength(1);
      expect(copies[0]).toMatchObject({ status: 'active', size: data.byteLength, checksum: source?.checksum, os_hash_value: source?.os_hash_value });

      await page.getByRole('button', { name: 'Preview plan' }).click();
      await expect(page.getByRole('status', { name: 'Plan summary' })).toHaveText('1 no change');
    } finally {
      await deleteImage(glanceA, image.id).catch(() => undefined);
      for (const copy of await listImagesNamed(glanceB, name).catch(() => [])) await deleteImage(glanceB, copy.id).catch(() => undefined);
    }
    expect(await listImagesNamed(glanceA, name)).toEqual([]);
    expect(await listImagesNamed(glanceB, name)).toEqual([]);
  });
});
