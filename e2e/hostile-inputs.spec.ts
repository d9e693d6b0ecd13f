import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { LOOPBACK_FLEET } from './fixtures/loopback-fleet.ts';
import { serveRuntimeConfig } from './fixtures/runtime-config.ts';
import { cloudsYamlOf, loopbackClouds } from './fixtures/sim-clouds.ts';

/** What a tenant (or a compromised cloud) can put in a name, a description, metadata or a tag. */
const PAYLOADS = {
  huge: `huge-${'A'.repeat(100 * 1024)}`,
  img: '<img src=x onerror="window.__pwned=1">',
  script: '<script>window.__pwned=1</script>',
  link: 'javascript:window.__pwned=1',
  bidi: '\u202Egnp.exe\u202C-invoice',
} as const;

const clouds = loopbackClouds().filter((cloud) => cloud.name !== LOOPBACK_FLEET.downCloud);
const target = clouds.find((cloud) => cloud.kind === 'site');

/** Rewrites one cloud's JSON answers on their way to the page, as a hostile cloud would send them. */
async function poison(page: Page, path: string, rewrite: (body: Record<string, unknown>) => void): Promise<void> {
  await page.route(`${new URL(target?.authUrl ?? '').origin}/*/compute/v2.1/${path}*`, async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as Record<string, unknown>;
    rewrite(body);
    await route.fulfill({ response, json: body });
  });
}

/** Nothing the payloads carry ever became markup, a link or ran. */
async function expectInert(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('main img, main script, main iframe, main object').count()).toBe(0);
  expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
}

test.describe('hostile names, descriptions, metadata and tags', () => {
  test.beforeEach(async ({ page }) => {
    if (!target) throw new Error('the loopback fleet has no site cloud');
    await serveRuntimeConfig(page, { clouds: cloudsYamlOf(clouds) });
  });

  test('stay text in the servers table, its tooltips and the details panel', async ({ page }) => {
    const values = Object.values(PAYLOADS);
    await poison(page, 'servers/detail', (body) => {
      (body.servers as Array<Record<string, unknown>>).forEach((server, index) => {
        const payload = values[index % values.length] as string;
        server.name = payload;
        server.description = payload;
        server.key_name = payload;
        server.metadata = { [payload.slice(0, 255)]: payload };
        server.tags = [payload.slice(0, 60)];
        server.fault = { code: 500, message: payload, created: '2025-01-01T00:00:00Z' };
      });
    });
    await page.goto('/servers?q=%3C');
    const grid = page.getByRole('grid', { name: 'Servers' });
    await expect(grid.getByText(PAYLOADS.img, { exact: true }).first()).toBeVisible();
    await expect(grid.getByText(PAYLOADS.script, { exact: true }).first()).toBeVisible();
    await grid.getByText(PAYLOADS.img, { exact: true }).first().click();
    const details = page.getByRole('complementary', { name: 'Server details' });
    await expect(details.getByRole('heading', { level: 2 })).toHaveText(PAYLOADS.img);
    await expectInert(page);

    await page.goto('/servers?q=javascript');
    await expect(grid.getByText(PAYLOADS.link, { exact: true }).first()).toBeVisible();
    await expectInert(page);

    // A 100 kB name is kept whole in the tooltip but takes one line of the table.
    await page.goto('/servers?q=huge-');
    const name = grid.getByRole('row').nth(1).locator('bdi').first();
    await expect(name).toHaveAttribute('title', PAYLOADS.huge);
    const box = await name.boundingBox();
    expect(box?.height).toBeLessThanOrEqual(40);
    expect(box?.width).toBeLessThanOrEqual(400);

    // Bidi overrides are isolated: the text after the name is not reversed into it.
    await page.goto('/servers?q=gnp.exe');
    await expect(grid.getByRole('row').nth(1).locator('bdi').first()).toHaveText(PAYLOADS.bidi);
    await expectInert(page);
  });

  test('stay text in topology labels and in the exported SVG', async ({ page }) => {
    await poison(page, 'os-hypervisors/detail', (body) => {
      const [first] = body.hypervisors as Array<{ hypervisor_hostname: string; service: { host: string } }>;
      if (!first) return;
      first.hypervisor_hostname = PAYLOADS.img;
      first.service.host = PAYLOADS.img;
    });
    await page.goto('/topology');
    // Search looks through what has been loaded: wait until the poisoned cloud's hosts are in.
    await expect(page.getByRole('group', { name: new RegExp(`^cloud ${target?.name ?? ''}: `) })).toContainText(/\d+ hosts/, { timeout: 20_000 });
    await page.getByRole('searchbox', { name: 'Find site or host' }).fill('<img');
    await page.getByRole('button', { name: 'Find' }).click();
    await expect(page.getByRole('group', { name: new RegExp(`^host ${PAYLOADS.img.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `) })).toBeVisible({ timeout: 20_000 });
    await expectInert(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG' }).click()]);
    const svg = await readFile(await download.path(), 'utf8');
    expect(svg).toMatch(/(&lt;|&#60;)img src=x onerror=/);
    expect(svg).not.toContain('<img');
    expect(svg).not.toMatch(/<script|\son[a-z]+="/i);
  });

  test('stay text on the wall, where a failing cloud is named', async ({ page }) => {
    // The operator's own config can carry a hostile name too (a pasted clouds.yaml).
    const hostileName = PAYLOADS.img;
    const { [LOOPBACK_FLEET.downCloud]: _healthyOnly, ...config } = cloudsYamlOf(loopbackClouds());
    await serveRuntimeConfig(page, { clouds: { ...config, [hostileName]: cloudsYamlOf(loopbackClouds())[LOOPBACK_FLEET.downCloud] } });
    await page.goto('/wall?views=health');
    const item = page.getByRole('list', { name: 'Clouds that need attention' }).getByRole('listitem', { name: `${hostileName}: down` });
    await expect(item).toBeVisible();
    await expect(item).toContainText(hostileName);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img, script:not([src])').count()).toBe(0);
  });
});
