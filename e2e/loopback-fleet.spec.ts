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

  test('shows a cloud that sends an unreadable sign-in answer as that cloud’s error while the rest of the fleet loads', async ({ page, baseURL }) => {
    const clouds = loopbackClouds().filter((cloud) => cloud.name !== LOOPBACK_FLEET.downCloud);
    const [broken, ...healthy] = clouds;
    if (!broken) throw new Error('the loopback fleet has no cloud to break');
    await serveRuntimeConfig(page, { clouds: cloudsYamlOf(clouds) });
    await page.route(`${broken.authUrl}/auth/tokens`, (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 201,
            headers: {
              'content-type': 'application/json',
              'x-subject-token': 'gAAAAAtruncated',
              'access-control-allow-origin': new URL(baseURL ?? '').origin,
              'access-control-expose-headers': 'X-Subject-Token',
            },
            body: '{"token": {"methods": ["password"], "expires_at": "20',
          })
        : route.continue(),
    );
    await page.goto('/clouds');
    const brokenRow = page.getByRole('row', { name: broken.name, exact: true });
    await expect(brokenRow.getByText('Failing', { exact: true })).toBeVisible();
    await expect(brokenRow.getByRole('alert')).toContainText('The API sent a response the console cannot read');
    await expect(brokenRow.getByRole('alert')).toContainText(broken.name);
    for (const cloud of healthy) await expect(page.getByRole('row', { name: cloud.name, exact: true }).getByText('OK', { exact: true })).toBeVisible();
  });
});
