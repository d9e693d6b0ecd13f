import { expect, test } from '@playwright/test';
import { serveRuntimeConfig } from './fixtures/runtime-config.ts';

test.describe('the shell', () => {
  test.beforeEach(async ({ page }) => {
    await serveRuntimeConfig(page, { demo: true });
  });

  test('navigates to every view by links that mark the current one', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/clouds$/);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const [link, heading] of [
      ['Servers', 'Servers'],
      ['Networks', 'Networks'],
      ['Images', 'Images'],
      ['Capacity', 'Capacity'],
      ['Parity', 'Parity'],
      ['Topology', 'Topology'],
      ['Actions', 'Actions'],
      ['Clouds', 'Clouds'],
    ] as const) {
      await nav.getByRole('link', { name: link, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(nav.getByRole('link', { name: link, exact: true })).toHaveAttribute('aria-current', 'page');
    }
  });

  test('opens the read-only wall in a tab of its own, leaving the console as it was', async ({ page, context }) => {
    await page.goto('/clouds');
    const [wall] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'NOC wall (opens in a new tab)' }).click(),
    ]);
    await expect(wall).toHaveURL(/\/wall$/);
    await expect(page).toHaveURL(/\/clouds$/);
    await expect(page.getByRole('button', { name: /^(Refresh|Retry) / }).first()).toBeEnabled();
  });

  test('serves the wall and embedded panels without the console chrome', async ({ page }) => {
    await page.goto('/wall');
    await expect(page.getByRole('heading', { level: 1, name: 'NOC wall' })).toBeAttached();
    await expect(page.getByRole('group', { name: /^Clouds: / })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await page.goto('/embed/servers');
    await expect(page.getByRole('heading', { level: 1, name: 'Servers' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  });

  test('keeps the operator’s theme choice across a reload', async ({ page }) => {
    await page.goto('/clouds');
    await page.getByLabel('Theme').selectOption('dark');
    await expect(page.locator('html')).toHaveClass(/dark/);
    await page.reload();
    await expect(page.locator('html')).toHaveClass(/dark/);
    await page.getByLabel('Theme').selectOption('light');
    await expect(page.locator('html')).not.toHaveClass(/dark/);
  });

  test('answers an unknown path with a page that leads back', async ({ page }) => {
    await page.goto('/no-such-view');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Go to the clouds' }).click();
    await expect(page).toHaveURL(/\/clouds$/);
  });
});
