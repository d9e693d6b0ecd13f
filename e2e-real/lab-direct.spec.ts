import { test } from '@playwright/test';
import { serveRuntimeConfig } from '../e2e/fixtures/runtime-config.ts';
import { labA, labB, labRuntimeClouds, assertAvailable } from './fixtures/lab.ts';
import { expectServers, expectSignedIn, type ShownCloud } from './fixtures/lab-views.ts';

const CLOUDS: ShownCloud[] = [
  { name: 'lab-a', cloud: labA },
  { name: 'lab-b', cloud: labB },
];
// Both Keystones and catalogs, lab-a's Nova with its seeded servers, lab-b's application credential.
const NEEDS = ['keystone-a', 'keystone-b', 'catalog-a', 'catalog-b', 'nova', 'nova-api', 'nova-conductor', 'seed:lab-a', 'seed:lab-b', 'seed:servers', 'seed:application_credential'];

test.describe('the console calling the real lab directly (CORS)', () => {
  test.beforeAll(() => assertAvailable(NEEDS));

  test('signs in to lab-a with a password and lab-b with an application credential, and lists the lab’s servers', async ({ page }) => {
    await serveRuntimeConfig(page, { clouds: labRuntimeClouds() });
    await page.goto('/clouds');
    await expectSignedIn(page, CLOUDS);
    await page.getByRole('link', { name: 'Servers', exact: true }).click();
    await expectServers(page, CLOUDS);
  });
});
