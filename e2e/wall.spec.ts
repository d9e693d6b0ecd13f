import { expect, test, type Page } from '@playwright/test';
import { LOOPBACK_FLEET } from './fixtures/loopback-fleet.ts';
import { serveRuntimeConfig } from './fixtures/runtime-config.ts';
import { cloudsYamlOf, loopbackClouds } from './fixtures/sim-clouds.ts';
import { simServers } from './fixtures/sim-inventory.ts';

/** Two hundred shared-nothing sites, one of them down. */
const BIG_FLEET = 'sites=200,servers=2,seed=9,fault.ams=down';

/** Every request the page makes that is not a read, as "METHOD url". */
function recordWrites(page: Page): string[] {
  const writes: string[] = [];
  page.on('request', (request) => {
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method())) writes.push(`${request.method()} ${request.url()}`);
  });
  return writes;
}

const stat = (page: Page, label: string, value: number | string) => page.getByRole('group', { name: `${label}: ${value}`, exact: true });

test.describe('the NOC wall', () => {
  test('shows the health of a 200-cloud fleet, rotates its views and sends nothing that changes a cloud', async ({ page }) => {
    test.setTimeout(60_000);
    const writes = recordWrites(page);
    const errorServers = (await simServers(BIG_FLEET)).filter((server) => server.status === 'ERROR').length;
    await serveRuntimeConfig(page, { demo: { fleet: BIG_FLEET } });
    await page.goto('/wall?views=health,topology&rotate=3');

    await expect(stat(page, 'Clouds', 200)).toBeVisible();
    await expect(stat(page, 'Down', 1)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('group', { name: /^Waiting: / })).toHaveCount(0, { timeout: 30_000 });
    await expect(stat(page, 'Servers in ERROR', errorServers)).toBeVisible();
    const ams = page.getByRole('list', { name: 'Clouds that need attention' }).getByRole('listitem', { name: 'ams: down' });
    await expect(ams).toContainText('Cannot reach the API');
    await expect(page.getByRole('status', { name: 'Last refresh' })).toContainText(/Updated \d\d:\d\d:\d\d/);
    await expect(page.getByRole('button')).toHaveCount(0);
    await expect(page.getByRole('textbox')).toHaveCount(0);

    const views = page.getByRole('list', { name: 'Views' });
    await expect(page.getByRole('region', { name: 'Topology in health mode' })).toBeVisible({ timeout: 5_000 });
    await expect(views.getByRole('listitem').filter({ hasText: 'Topology' })).toHaveAttribute('aria-current', 'true');
    // The first layout may outlast one 3 s turn; the next turn finds it done.
    await expect(page.getByRole('group', { name: 'cloud ams: failing', exact: true })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('list', { name: 'Clouds that need attention' })).toBeVisible({ timeout: 5_000 });
    await expect(views.getByRole('listitem').filter({ hasText: 'Clouds' })).toHaveAttribute('aria-current', 'true');

    // The recorder sees the sign-ins, so an empty list of other writes means something.
    expect(writes.filter((write) => write.startsWith('POST ')).length).toBeGreaterThanOrEqual(199);
    expect(writes.filter((write) => !/^POST [^ ]+\/v3\/auth\/tokens$/.test(write))).toEqual([]);
  });

  test('backs off from a failing cloud and shows it recovered, in the change log too, when it answers again', async ({ page, baseURL }) => {
    test.setTimeout(60_000);
    const clouds = loopbackClouds().filter((cloud) => cloud.name !== LOOPBACK_FLEET.downCloud);
    const flaky = clouds.find((cloud) => cloud.kind === 'site');
    if (!flaky) throw new Error('the loopback fleet has no site cloud');
    const refused: number[] = [];
    let failing = true;
    await serveRuntimeConfig(page, { clouds: cloudsYamlOf(clouds) });
    // A 400 is not retried by the HTTP layer, so each refresh of the cloud is exactly one refused sign-in.
    await page.route(`${flaky.authUrl}/auth/tokens`, (route) => {
      if (route.request().method() !== 'POST' || !failing) return route.continue();
      refused.push(Date.now());
      return route.fulfill({
        status: 400,
        headers: { 'access-control-allow-origin': new URL(baseURL ?? '').origin },
        json: { error: { code: 400, title: 'Bad Request', message: 'simulated outage' } },
      });
    });
    await page.goto('/wall?views=health&refresh=2');

    await expect(page.getByRole('listitem', { name: `${flaky.name}: down` })).toBeVisible();
    await expect(stat(page, 'Down', 1)).toBeVisible();
    await expect.poll(() => refused.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    // Healthy clouds refresh every 2 s; the failing one waits longer after each failure.
    expect((refused[1] as number) - (refused[0] as number)).toBeGreaterThan(3_500);

    failing = false;
    await expect(page.getByRole('listitem', { name: `${flaky.name}: up` })).toBeVisible({ timeout: 20_000 });
    await expect(stat(page, 'Down', 0)).toBeVisible();
    const changes = page.getByRole('region', { name: 'Changes in the last hour' });
    await expect(changes.getByRole('listitem').filter({ hasText: flaky.name })).toContainText('recovered');
  });
});
