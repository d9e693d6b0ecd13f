import { expect, test } from '@playwright/test';
import { serveRuntimeConfig } from './fixtures/runtime-config.ts';
import { demoClouds } from './fixtures/sim-clouds.ts';

test.describe('the demo fleet in the production build', () => {
  test.beforeEach(async ({ page }) => {
    await serveRuntimeConfig(page, { demo: true });
  });

  test('lists every simulated cloud with its regions, signed in', async ({ page }) => {
    const clouds = demoClouds();
    await page.goto('/clouds');
    await expect(page.getByRole('heading', { name: 'Clouds', level: 1 })).toBeVisible();
    await expect(page.getByRole('row')).toHaveCount(clouds.length + 1);
    for (const cloud of clouds) {
      const row = page.getByRole('row', { name: cloud.name, exact: true });
      await expect(row.getByText('OK', { exact: true })).toBeVisible();
      const regions = row.getByRole('list', { name: `Regions of ${cloud.name}` });
      for (const region of cloud.regions) await expect(regions).toContainText(region);
    }
    await expect(page.getByRole('status', { name: /^Fleet status/ })).toHaveAccessibleName(
      new RegExp(`${clouds.length} clouds, ${clouds.length} reachable, 0 failing`),
    );
  });

  test('shows the three fleet models: shared-Keystone regions, own-Keystone sites, an edge cloud', async ({ page }) => {
    const clouds = demoClouds();
    await page.goto('/clouds');
    const regional = clouds.find((cloud) => cloud.kind === 'regional');
    const edge = clouds.find((cloud) => cloud.kind === 'edge');
    expect(regional?.regions.length).toBeGreaterThan(1);
    expect(clouds.filter((cloud) => cloud.kind === 'site').length).toBeGreaterThan(1);
    await expect(page.getByRole('row', { name: regional?.name, exact: true })).toContainText('one shared Keystone');
    await expect(page.getByRole('row', { name: edge?.name, exact: true })).toContainText(`edge cloud, ${edge?.sites.length} sites`);
  });

  test('falls back to the default fleet and says why when the fleet spec is malformed', async ({ page }) => {
    await page.goto('/clouds?fleet=regional%3Dlots');
    await expect(page.getByRole('status', { name: /fleet spec in the URL was not understood/ })).toContainText('"lots"');
    await expect(page.getByRole('row')).toHaveCount(demoClouds().length + 1);
  });

  test('takes a fleet spec from the URL', async ({ page }) => {
    const spec = 'sites=2,seed=3';
    await page.goto(`/clouds?fleet=${encodeURIComponent(spec)}`);
    const clouds = demoClouds(spec);
    await expect(page.getByRole('row')).toHaveCount(clouds.length + 1);
    for (const cloud of clouds) await expect(page.getByRole('row', { name: cloud.name, exact: true })).toBeVisible();
  });
});
