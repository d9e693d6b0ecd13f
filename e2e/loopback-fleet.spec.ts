import { expect, test } from '@playwright/test';
import { LOOPBACK_FLEET } from './fixtures/loopback-fleet.ts';
import { serveRuntimeConfig } from './fixtures/runtime-config.ts';
import { cloudsYamlOf, loopbackClouds } from './fixtures/sim-clouds.ts';

test.describe('clouds served over real HTTP on loopback', () => {
  test('signs in to each cloud from the runtime config and shows the dead one as failing, not the others', async ({ page }) => {
    const clouds = loopbackClouds();
    await serveRuntimeConfig(page, { clouds: cloudsYamlOf(clouds) });
    await page.goto('/clouds');
    for (const cloud of clouds) {
      const row = page.getByRole('row', { name: cloud.name, exact: true });
      if (cloud.name === LOOPBACK_FLEET.downCloud) {
        await expect(row.getByText('Failing', { exact: true })).toBeVisible();
        await expect(row.getByRole('alert')).toContainText('Cannot reach the API');
        await expect(row.getByRole('alert')).toContainText(cloud.name);
      } else {
        await expect(row.getByText('OK', { exact: true })).toBeVisible();
        for (const region of cloud.regions) await expect(row.getByRole('list', { name: `Regions of ${cloud.name}` })).toContainText(region);
      }
    }
    await expect(page.getByRole('status', { name: /^Fleet status/ })).toHaveAccessibleName(
      new RegExp(`${clouds.length} clouds, ${clouds.length - 1} reachable, 1 failing`),
    );
  });

  test('reports a broken cloud entry by name and key while the others load', async ({ page }) => {
    const clouds = loopbackClouds().filter((cloud) => cloud.name !== LOOPBACK_FLEET.downCloud);
    await serveRuntimeConfig(page, { clouds: { ...cloudsYamlOf(clouds), 'no-url': { auth: { username: 'ops', password: 'x' } } } });
    await page.goto('/clouds');
    await expect(page.getByRole('alert', { name: /could not be loaded/ })).toContainText('no-url: auth.auth_url is missing');
    for (const cloud of clouds) await expect(page.getByRole('row', { name: cloud.name, exact: true }).getByText('OK', { exact: true })).toBeVisible();
  });
});
