import { expect, test, type Page } from '@playwright/test';
import { LOOPBACK_FLEET } from './fixtures/loopback-fleet.ts';
import { serveRuntimeConfig } from './fixtures/runtime-config.ts';
import { cloudsYamlOf, demoClouds, loopbackClouds } from './fixtures/sim-clouds.ts';
import { simServers, type SimServerFact } from './fixtures/sim-inventory.ts';

/** 50 clouds: 49 shared-nothing sites and an edge cloud whose servers live on six edge sites. */
const FLEET = 'sites=49,edge=1x6,servers=8,seed=5';
const fmt = (count: number) => count.toLocaleString('en');

function summary(page: Page) {
  return page.getByLabel('Inventory summary');
}

function select(page: Page, name: string) {
  return page.getByRole('combobox', { name, exact: true });
}

function matching(page: Page) {
  return page.getByRole('status', { name: 'Matching servers' });
}

/** The (site, status) pair of the edge cloud with the most servers: a filter that leaves a few rows. */
function busiestEdgeSite(facts: SimServerFact[]): { site: string; status: string; count: number } {
  const counts = new Map<string, number>();
  for (const fact of facts) if (fact.site.startsWith('store-')) counts.set(`${fact.site}|${fact.status}`, (counts.get(`${fact.site}|${fact.status}`) ?? 0) + 1);
  const [key = '', count = 0] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
  const [site = '', status = ''] = key.split('|');
  return { site, status, count };
}

test.describe('the servers inventory', () => {
  test('shows every server of 50 clouds, filters by site and status, groups, and reopens from a copied link', async ({ page, browser }) => {
    const facts = await simServers(FLEET);
    expect(new Set(facts.map((fact) => fact.cloud)).size).toBe(50);
    await serveRuntimeConfig(page, { demo: { fleet: FLEET } });
    await page.goto('/servers');
    await expect(summary(page)).toHaveText(`${fmt(facts.length)} servers in 50 clouds`);
    await expect(matching(page)).toHaveText(`${fmt(facts.length)} servers`);

    const { site, status, count } = busiestEdgeSite(facts);
    await select(page, 'Site').selectOption(site);
    await select(page, 'Status').selectOption(status);
    await expect(matching(page)).toHaveText(`${fmt(count)} of ${fmt(facts.length)} servers match`);
    const grid = page.getByRole('grid', { name: 'Servers' });
    await expect(grid.getByRole('row')).toHaveCount(count + 1);

    await select(page, 'Site').selectOption('');
    await select(page, 'Group by').selectOption('cloud');
    const edge = demoClouds(FLEET).find((cloud) => cloud.kind === 'edge');
    const edgeStatus = facts.filter((fact) => fact.cloud === edge?.name && fact.status === status).length;
    await select(page, 'Cloud').selectOption(edge?.name ?? '');
    await expect(grid.getByRole('row').nth(1)).toHaveText(new RegExp(`^Cloud ${edge?.name}\\s*${edgeStatus} servers?$`));

    // The view is in the URL: a colleague's browser opened on it shows the same rows.
    const url = page.url();
    expect(new URL(url).searchParams.get('group')).toBe('cloud');
    const elsewhere = await browser.newContext();
    const copy = await elsewhere.newPage();
    await serveRuntimeConfig(copy, { demo: { fleet: FLEET } });
    await copy.goto(url);
    await expect(select(copy, 'Group by')).toHaveValue('cloud');
    await expect(select(copy, 'Status')).toHaveValue(status);
    await expect(matching(copy)).toHaveText(`${fmt(edgeStatus)} of ${fmt(facts.length)} servers match`);
    await elsewhere.close();
  });

  test('moves through rows with the keyboard and opens a row’s details with Enter', async ({ page }) => {
    await serveRuntimeConfig(page, { demo: { fleet: 'sites=2,servers=6,seed=3' } });
    await page.goto('/servers?sort=-name');
    const rows = page.getByRole('grid', { name: 'Servers' }).getByRole('row');
    await rows.nth(1).click();
    await expect(page.getByRole('complementary', { name: 'Server details' })).toBeVisible();
    const second = (await rows.nth(2).locator('td').first().textContent()) ?? '';
    await page.keyboard.press('ArrowDown');
    await expect(rows.nth(2)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('complementary', { name: 'Server details' }).getByRole('heading', { level: 2 })).toHaveText(second);
    expect(new URL(page.url()).searchParams.get('open')).toMatch(/^(ams|fra)\/RegionOne\//);
  });

  test('shows the 45 answering clouds and a failure badge with a retry for each of the 5 dead ones', async ({ page }) => {
    const dead = demoClouds(FLEET).slice(0, 5).map((cloud) => cloud.name);
    const spec = `${FLEET},${dead.map((name) => `fault.${name}=down`).join(',')}`;
    const facts = await simServers(spec);
    expect(new Set(facts.map((fact) => fact.cloud)).size).toBe(45);
    await serveRuntimeConfig(page, { demo: { fleet: spec } });
    await page.goto('/servers');
    await expect(summary(page)).toHaveText(`${fmt(facts.length)} servers in 50 clouds; 5 clouds failing`);
    const failing = page.getByRole('list', { name: 'Failing sources' }).getByRole('listitem');
    await expect(failing).toHaveCount(5);
    for (const name of dead) {
      const item = failing.filter({ has: page.getByText(name, { exact: true }) });
      await expect(item.getByText('Failing', { exact: true })).toBeVisible();
      await expect(item.getByRole('alert')).toContainText('Cannot reach the API');
      await expect(item.getByRole('button', { name: `Retry ${name}` })).toBeEnabled();
    }
  });

  test('renders hostile server names as inert, truncated text', async ({ page }) => {
    const clouds = loopbackClouds().filter((cloud) => cloud.name !== LOOPBACK_FLEET.downCloud);
    const target = clouds.find((cloud) => cloud.kind === 'site');
    if (!target) throw new Error('the loopback fleet has no site cloud');
    const hostile = ['<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=1</script>', `\u202Egnp.exe ${'A'.repeat(10_240)}`];
    await serveRuntimeConfig(page, { clouds: cloudsYamlOf(clouds) });
    await page.route(`${new URL(target.authUrl).origin}/*/compute/v2.1/servers/detail*`, async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { servers: Array<{ name?: string }> };
      body.servers.forEach((server, index) => {
        if (index < hostile.length) server.name = hostile[index];
      });
      await route.fulfill({ response, json: body });
    });
    await page.goto('/servers?q=%3C');
    const grid = page.getByRole('grid', { name: 'Servers' });
    await expect(grid.getByText(hostile[0] ?? '', { exact: true })).toBeVisible();
    await expect(grid.getByText(hostile[1] ?? '', { exact: true })).toBeVisible();
    expect(await grid.locator('img, script').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

    await page.goto('/servers?q=gnp.exe');
    const cell = grid.getByRole('row').nth(1).locator('td').first();
    await expect(cell.locator('bdi')).toHaveAttribute('title', hostile[2] ?? '');
    const box = await cell.boundingBox();
    expect(box?.height).toBeLessThanOrEqual(32);
    expect(box?.width).toBeLessThanOrEqual(260);
  });
});
