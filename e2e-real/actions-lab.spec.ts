import { expect, test } from '@playwright/test';
import type { LabCloud } from '../src/contract/lab-json.ts';
import { createCloudClient, deleteKeypair, getKeypair, importKeypair, type ServiceHttp } from '../src/openstack/index.ts';
import { serveRuntimeConfig } from '../e2e/fixtures/runtime-config.ts';
import { labA, labB, labRuntimeClouds, assertAvailable } from './fixtures/lab.ts';

// Both Keystones, lab-a's Nova and lab-b's Nova API, and the demo user's application credential on lab-b.
const NEEDS = ['keystone-a', 'keystone-b', 'catalog-a', 'catalog-b', 'nova', 'nova-api', 'seed:lab-a', 'seed:lab-b', 'seed:application_credential'];
const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJDn8oZMuZq+Lt5oN9l7jN2N2202mvt2Y/dtOLW1l+QR e2e@archipelago';

/** Nova of one lab cloud as the seed's demo user: the console signs in as demo too, and key pairs belong to their user. */
async function demoCompute(cloud: LabCloud, name: string): Promise<ServiceHttp> {
  const { demo } = cloud.credentials;
  const client = createCloudClient({
    cloud: name,
    authUrl: cloud.auth_url,
    auth: { type: 'password', username: demo.username, userDomainName: demo.user_domain_name, password: demo.password },
    scope: { projectName: demo.project_name, projectDomainName: demo.project_domain_name },
  });
  return client.serviceHttp('compute', 'RegionOne');
}

test.describe('actions on the real lab', () => {
  test.beforeAll(() => assertAvailable(NEEDS));

  test('key pair sync from lab-a’s Nova to lab-b’s: planned, run, found there, and cleaned up', async ({ page }) => {
    const key = `e2e-sync-${Date.now().toString(36)}`;
    const novaA = await demoCompute(labA, 'lab-a');
    const novaB = await demoCompute(labB, 'lab-b');
    await importKeypair(novaA, { name: key, publicKey: PUBLIC_KEY });
    try {
      await serveRuntimeConfig(page, { clouds: labRuntimeClouds() });
      const params = new URLSearchParams({ action: 'keypair-sync', from: 'lab-a/RegionOne', key, to: 'lab-b/RegionOne' });
      await page.goto(`/actions?${params.toString()}`);
      await page.getByRole('button', { name: 'Preview plan' }).click();
      await expect(page.getByRole('status', { name: 'Plan summary' })).toHaveText('1 to create');
      await page.getByRole('button', { name: 'Run 1 step' }).click();
      await expect(page.getByRole('status', { name: 'Run summary' })).toHaveText('1 done');
      // The real Nova's request id is recorded with the step.
      await expect(page.getByRole('table', { name: 'Progress in lab-b' })).toContainText(/Request id req-[0-9a-f-]{36}/);

      const copied = await getKeypair(novaB, key);
      expect(copied?.public_key.trim()).toBe(PUBLIC_KEY);

      await page.getByRole('button', { name: 'Preview plan' }).click();
      await expect(page.getByRole('status', { name: 'Plan summary' })).toHaveText('1 no change');
    } finally {
      await deleteKeypair(novaA, key).catch(() => undefined);
      await deleteKeypair(novaB, key).catch(() => undefined);
    }
    expect(await getKeypair(novaB, key)).toBeUndefined();
  });
});
