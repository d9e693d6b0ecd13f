import { expect, test, type Page } from '@playwright/test';
import { serveRuntimeConfig } from '../e2e/fixtures/runtime-config.ts';
import { cloudsYamlOf } from '../e2e/fixtures/sim-clouds.ts';
import { simServers } from '../e2e/fixtures/sim-inventory.ts';
import { simPortsFor } from './fixtures/fault-env.ts';
import { startFaultFleet, type FaultFleet } from './fixtures/fault-fleet.ts';

const SPEC = 'sites=3,servers=6,seed=51';
const fmt = (count: number) => count.toLocaleString('en');
const SERVER_LIST = /\/compute\/v2\.1\/servers\/detail/;

let fleet: FaultFleet;

test.afterEach(async () => {
  await fleet?.close();
});

const serverListings = () => fleet.requests.filter((request) => request.method === 'GET' && SERVER_LIST.test(request.path)).length;

/**
 * Page visibility as the browser reports it to the page, switchable by the
 * test: headless Chromium never hides a tab by itself.
 */
async function emulateVisibility(page: Page): Promise<(hidden: boolean) => Promise<void>> {
  await page.addInitScript(() => {
    const state = window as unknown as { __hidden: boolean };
    state.__hidden = false;
    Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => (state.__hidden ? 'hidden' : 'visible') });
    Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => state.__hidden });
  });
  return async (hidden) => {
    await page.evaluate((value) => {
      (window as unknown as { __hidden: boolean }).__hidden = value;
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    }, hidden);
  };
}

test('a tab hidden for an hour asks no cloud anything, and refreshes as soon as it is shown again', async ({ page }) => {
  fleet = await startFaultFleet(SPEC, simPortsFor(5));
  const total = (await simServers(SPEC)).length;
  await page.clock.install();
  const setHidden = await emulateVisibility(page);
  await serveRuntimeConfig(page, { clouds: cloudsYamlOf(fleet.clouds) });
  await page.goto('/servers');
  await expect(page.getByLabel('Inventory summary')).toHaveText(`${fmt(total)} servers in 3 clouds`);
  const afterLoad = serverListings();
  expect(afterLoad).toBe(3);

  await setHidden(true);
  const before = fleet.requests.length;
  // An hour of the page's clock: sixty refresh intervals come and go.
  await page.clock.runFor('01:00:00');
  await page.waitForTimeout(1_000);
  expect(fleet.requests.slice(before).map((request) => `${request.method} ${request.path}`)).toEqual([]);

  await setHidden(false);
  await expect.poll(serverListings).toBeGreaterThanOrEqual(afterLoad + 3);
  await expect(page.getByLabel('Inventory summary')).toHaveText(`${fmt(total)} servers in 3 clouds`);
});

test('going offline keeps what is shown, and coming back online refreshes without a reload', async ({ page, context }) => {
  fleet = await startFaultFleet(SPEC, simPortsFor(6));
  const total = (await simServers(SPEC)).length;
  await page.clock.install();
  await serveRuntimeConfig(page, { clouds: cloudsYamlOf(fleet.clouds) });
  await page.goto('/servers');
  await expect(page.getByLabel('Inventory summary')).toHaveText(`${fmt(total)} servers in 3 clouds`);
  const afterLoad = serverListings();

  await context.setOffline(true);
  // Two refresh intervals pass offline.
  await page.clock.runFor('02:10');
  await expect(page.getByLabel('Inventory summary')).toHaveText(`${fmt(total)} servers in 3 clouds`);
  await expect(page.getByRole('list', { name: 'Failing sources' })).toHaveCount(0);
  expect(serverListings()).toBe(afterLoad);

  await context.setOffline(false);
  await expect.poll(serverListings).toBeGreaterThanOrEqual(afterLoad + 3);
  await expect(page.getByLabel('Inventory summary')).toHaveText(`${fmt(total)} servers in 3 clouds`);
  await expect(page.getByRole('list', { name: 'Failing sources' })).toHaveCount(0);
});
