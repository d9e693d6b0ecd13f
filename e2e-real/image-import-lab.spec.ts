import { expect, test } from '@playwright/test';
import type { LabCloud } from '../src/contract/lab-json.ts';
import { createCloudClient, createImage, deleteImage, getImage, listImagesNamed, uploadImageData, type ServiceHttp } from '../src/openstack/index.ts';
import { serveRuntimeConfig } from '../e2e/fixtures/runtime-config.ts';
import { labA, labRuntimeClouds, assertAvailable } from './fixtures/lab.ts';

// lab-a's Keystone and both of its Glances (RegionOne/RegionTwo's, and edge-1's own), seeded.
const NEEDS = ['keystone-a', 'catalog-a', 'glance-a', 'glance-a-edge', 'lab-a:image', 'seed:lab-a', 'seed:images', 'seed:image_mirrors', 'seed:glances'];

/** Glance of one region of lab-a as the seed's demo user, whom the console signs in as too. */
async function demoGlance(cloud: LabCloud, region: string): Promise<ServiceHttp> {
  const { demo } = cloud.credentials;
  const client = createCloudClient({
    cloud: 'lab-a',
    authUrl: cloud.auth_url,
    auth: { type: 'password', username: demo.username, userDomainName: demo.user_domain_name, password: demo.password },
    scope: { projectName: demo.project_name, projectDomainName: demo.project_domain_name },
  });
  return client.serviceHttp('image', region);
}

/**
 * From lab.json: a region whose Glance offers glance-download (the source),
 * a region served by that same Glance (nothing to copy there), and a region
 * with a Glance of its own that offers glance-download (the destination).
 */
function regionsOf(cloud: LabCloud): { from: string; sameGlance: string; to: string } {
  const offering = Object.values(cloud.glances).filter((glance) => glance.import_methods.includes('glance-download'));
  const shared = offering.find((glance) => glance.regions.length >= 2);
  const own = offering.find((glance) => glance !== shared);
  const [from, sameGlance] = shared?.regions ?? [];
  const to = own?.regions[0];
  if (!from || !sameGlance || !to) throw new Error(`lab.json: lab-a lacks a Glance shared by two regions and another offering glance-download (${JSON.stringify(cloud.glances)})`);
  return { from, sameGlance, to };
}

test.describe('image replication by Glance’s glance-download on the real lab', () => {
  test.beforeAll(() => assertAvailable(NEEDS));

  test('an image copied between two regions’ Glances of one Keystone: Glance fetches it, checksums match, the shared region needs no copy', async ({ page }) => {
    const { from, sameGlance, to } = regionsOf(labA);
    const name = `e2e-import-${Date.now().toString(36)}`;
    const data = new TextEncoder().encode(`archipelago glance-download ${name}\n`.repeat(64));
    const source = await demoGlance(labA, from);
    const destination = await demoGlance(labA, to);
    const { image } = await createImage(source, { name, diskFormat: 'raw', containerFormat: 'bare', minDisk: 0, minRam: 0, tags: [], properties: {} });
    try {
      await uploadImageData(source, image.id, new Blob([data]));
      const original = await getImage(source, image.id);
      await serveRuntimeConfig(page, { clouds: labRuntimeClouds() });
      const params = new URLSearchParams({ action: 'image-replication', from: `lab-a/${from}`, image: image.id, to: [`lab-a/${sameGlance}`, `lab-a/${to}`].join(',') });
      await page.goto(`/actions?${params.toString()}`);
      await page.getByRole('button', { name: 'Preview plan' }).click();

      await expect(page.getByRole('status', { name: 'Plan summary' })).toHaveText('1 to create · 1 no change');
      const plan = page.getByRole('table', { name: 'Plan for lab-a' });
      const planRow = (region: string) => plan.getByRole('row').filter({ has: page.getByRole('cell', { name: region, exact: true }) });
      await expect(planRow(to)).toContainText('POST /v2/images/{id}/import (glance-download)');
      await expect(planRow(sameGlance)).toContainText('no change');

      await page.getByRole('button', { name: 'Run 1 step' }).click();
      await expect(page.getByRole('status', { name: 'Run summary' })).toContainText('1 done', { timeout: 45_000 });
      const progress = page.getByRole('table', { name: 'Progress in lab-a' });
      await expect(progress).toContainText('by glance-download; its md5 and sha512 of the copy match the source');
      // The real Glance's request ids (create, import) are recorded with the step.
      await expect(progress).toContainText(/req-[0-9a-f-]{36}, req-[0-9a-f-]{36}/);

      const copies = await listImagesNamed(destination, name);
      expect(copies).toHaveLength(1);
      expect(await getImage(destination, copies[0]?.id ?? '')).toMatchObject({
        status: 'active',
        size: data.byteLength,
        checksum: original?.checksum,
        os_hash_value: original?.os_hash_value,
      });
      // A copy, not a move; and the region sharing the source's Glance got no second image.
      expect(await getImage(source, image.id)).toMatchObject({ status: 'active', checksum: original?.checksum });
      expect(await listImagesNamed(source, name)).toHaveLength(1);

      await page.getByRole('button', { name: 'Preview plan' }).click();
      await expect(page.getByRole('status', { name: 'Plan summary' })).toHaveText('2 no change');
    } finally {
      await deleteImage(source, image.id).catch(() => undefined);
      for (const copy of await listImagesNamed(destination, name).catch(() => [])) await deleteImage(destination, copy.id).catch(() => undefined);
    }
    expect(await listImagesNamed(source, name)).toEqual([]);
    expect(await listImagesNamed(destination, name)).toEqual([]);
  });
});
