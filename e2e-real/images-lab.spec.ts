import { createHash, randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import type { LabCloud } from '../src/contract/lab-json.ts';
import { serveRuntimeConfig } from '../e2e/fixtures/runtime-config.ts';
import { labA, labRuntimeClouds, assertAvailable } from './fixtures/lab.ts';

// lab-a's Keystone and catalog, and its Glance: the image is uploaded there as demo.
const NEEDS = ['keystone-a', 'catalog-a', 'glance-a', 'lab-a:image', 'seed:lab-a'];

/** A token for lab-a's demo user, straight from Keystone, for the test's own calls to Glance. */
async function demoToken(cloud: LabCloud): Promise<string> {
  const demo = cloud.credentials.demo;
  const response = await fetch(`${cloud.auth_url}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['password'], password: { user: { name: demo.username, domain: { name: demo.user_domain_name }, password: demo.password } } },
        scope: { project: { name: demo.project_name, domain: { name: demo.project_domain_name } } },
      },
    }),
  });
  const token = response.headers.get('X-Subject-Token');
  if (response.status !== 201 || token === null) throw new Error(`lab-a Keystone refused demo's sign-in: HTTP ${response.status}`);
  return token;
}

function glanceUrl(cloud: LabCloud): string {
  const image = cloud.services.image;
  if (!image) throw new Error('lab.json lists no image service for lab-a');
  return image.url.replace(/\/$/, '');
}

test.describe('the images inventory against the real Glance', () => {
  test.beforeAll(() => assertAvailable(NEEDS));

  const name = `archipelago-e2e-${randomUUID().slice(0, 8)}`;
  const data = Buffer.from(`${name}: a few bytes, enough for Glance to checksum\n`);
  const md5 = createHash('md5').update(data).digest('hex');
  let imageId: string | undefined;
  let token = '';

  test.beforeAll(async () => {
    token = await demoToken(labA);
    const created = await fetch(`${glanceUrl(labA)}/v2/images`, {
      method: 'POST',
      headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, disk_format: 'raw', container_format: 'bare', visibility: 'private' }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    imageId = ((await created.json()) as { id: string }).id;
    const upload = await fetch(`${glanceUrl(labA)}/v2/images/${imageId}/file`, {
      method: 'PUT',
      headers: { 'X-Auth-Token': token, 'Content-Type': 'application/octet-stream' },
      body: data,
    });
    expect(upload.status, await upload.text()).toBe(204);
  });

  test.afterAll(async () => {
    if (imageId === undefined) return;
    const deleted = await fetch(`${glanceUrl(labA)}/v2/images/${imageId}`, { method: 'DELETE', headers: { 'X-Auth-Token': token } });
    expect(deleted.status).toBe(204);
  });

  test('an image uploaded to the real Glance appears with its cloud, every region that Glance serves, and its checksum', async ({ page }) => {
    await serveRuntimeConfig(page, { clouds: labRuntimeClouds() });
    await page.goto(`/images?q=${name}`);
    const regions = labA.services.image?.regions ?? [];
    expect(regions.length).toBeGreaterThan(0);
    await expect(page.getByLabel('Inventory summary')).not.toContainText('still loading');
    await expect(page.getByRole('status', { name: 'Matching images' })).toContainText(`${regions.length} of`);
    const rows = page.getByRole('grid', { name: 'Images' }).getByRole('row').filter({ has: page.getByRole('gridcell') });
    await expect(rows).toHaveCount(regions.length);
    const shown = await rows.evaluateAll((elements) => elements.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim() ?? '')));
    // Name, status, visibility, cloud, region, …, checksum: as Glance has them.
    expect(shown.map((cells) => [cells[0], cells[1], cells[2], cells[3], cells[4], cells[8]].join(' | ')).sort()).toEqual(
      regions.map((region) => [name, 'active', 'private', 'lab-a', region, md5].join(' | ')).sort(),
    );
  });
});
