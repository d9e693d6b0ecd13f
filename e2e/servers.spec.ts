import { expect, test, type Locator, type Page } from '@playwright/test';
import { LOOPBACK_FLEET } from './fixtures/loopback-fleet.ts';
import { serveRuntimeConfig } from './fixtures/runtime-config.ts';
import { cloudsYamlOf, demoClouds, loopbackClouds } from './fixtures/sim-clouds.ts';
import { simServers, type SimServerFact } from './fixtures/sim-inventory.ts';

/** 50 clouds: 49 shared-nothing sites and an edge cloud whose servers live on six edge sites. */
const FLEET = 'sites=49,edge=1x6,servers=8,seed=5';
/** Nova serving at most this many servers per page in every cloud, so each cloud's list takes several pages. */
const PAGE_SIZE = 3;
const PAGED_FLEET = `${FLEET},${demoClouds(FLEET)
  .map((cloud) => `fault.${cloud.name}=pagesize:${PAGE_SIZE}`)
  .join(',')}`;
const fmt = (count: number) => count.toLocaleString('en');

function summary(page: Page) {
  return page.getByLabel('Inventory summary');
}

function select(page: Page, name: string) {
  return page.getByRole('combobox', { name, exact: true });
}

/** The name cell of a table row (a selection checkbox may come before it). */
function nameCell(row: Locator) {
  return row.locator('td:has(bdi)').first();
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
  test('shows every server of 50 clouds across their pages, filters by site and status, groups, and reopens from a copied link', async ({ page, browser }) => {
    const facts = await simServers(PAGED_FLEET);
    expect(new Set(facts.map((fact) => fact.cloud)).size).toBe(50);
    const perCloud = new Map<string, number>();
    for (const fact of facts) perCloud.set(fact.cloud, (perCloud.get(fact.cloud) ?? 0) + 1);
    // Most clouds need several pages: a console reading only the first would come up short.
    expect([...perCloud.values()].filter((count) => count > PAGE_SIZE).length).toBeGreaterThan(25);
    await serveRuntimeConfig(page, { demo: { fleet: PAGED_FLEET } });
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
    await serveRuntimeConfig(copy, { demo: { fleet: PAGED_FLEET } });
    await copy.goto(url);
    await expect(select(copy, 'Group by')).toHaveValue('cloud');
    await expect(select(copy, 'Status')).toHaveValue(status);
    await expect(matching(copy)).toHaveText(`${fmt(edgeStatus)} of ${fmt(facts.length)} servers match`);
    await elsewhere.close();
  });

  test('moves through rows with the keyboard and opens a row’s details with Enter', async ({ page }) => {
    await serveRuntimeConfig(page, { demo: { fleet: 'sites=2,servers=6,seed=3' } });
    await page.goto('/servers?sort=-name');
    // Rows stream in cloud by cloud; the order under the keyboard settles once both clouds answered.
    await expect(summary(page)).toHaveText(/^\d+ servers in 2 clouds$/);
    const rows = page.getByRole('grid', { name: 'Servers' }).getByRole('row');
    await rows.nth(1).click();
    await expect(page.getByRole('complementary', { name: 'Server details' })).toBeVisible();
    const second = (await nameCell(rows.nth(2)).textContent()) ?? '';
    await page.keyboard.press('ArrowDown');
    await expect(rows.nth(2)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('complementary', { name: 'Server details' }).getByRole('heading', { level: 2 })).toHaveText(second);
    expect(new URL(page.url()).searchParams.get('open')).toMatch(/^(ams|fra)\/RegionOne\//);
  });

  test('shows the 45 answering clouds and, for each of the 5 failing ones, a badge with its error, request id and a retry', async ({ page }) => {
    const names = demoClouds(FLEET).map((cloud) => cloud.name);
    const unreachable = names.slice(0, 2);
    const garbled = names.slice(2, 5);
    const garbling = ['malformed', 'notjson', 'wrongtypes'];
    const faults = [...unreachable.map((name) => `fault.${name}=down`), ...garbled.map((name, index) => `fault.${name}=${garbling[index] ?? 'malformed'}`)];
    const spec = `${FLEET},${faults.join(',')}`;
    const facts = await simServers(spec);
    expect(new Set(facts.map((fact) => fact.cloud)).size).toBe(45);
    await serveRuntimeConfig(page, { demo: { fleet: spec } });
    await page.goto('/servers');
    await expect(summary(page)).toHaveText(`${fmt(facts.length)} servers in 50 clouds; 5 clouds failing`);
    await expect(matching(page)).toHaveText(`${fmt(facts.length)} servers`);
    const failing = page.getByRole('list', { name: 'Failing sources' }).getByRole('listitem');
    await expect(failing).toHaveCount(5);
    // A cloud that cannot sign in fails as a whole; one that signed in fails region by region ("par / RegionOne").
    const failingItem = (name: string) => failing.filter({ has: page.getByRole('button', { name: `Retry ${name}`, exact: true }) });
    for (const name of [...unreachable, ...garbled]) {
      await expect(failingItem(name).getByText('Failing', { exact: true })).toBeVisible();
      await expect(failingItem(name).getByRole('button', { name: `Retry ${name}` })).toBeEnabled();
    }
    for (const name of unreachable) await expect(failingItem(name).getByRole('alert')).toContainText('Cannot reach the API');
    // A cloud that answered, however badly, gave a request id to quote to its operators.
    for (const name of garbled) {
      const alert = failingItem(name).getByRole('alert');
      await expect(alert).toContainText('cannot read');
      await expect(alert).toContainText(/Request id req-[0-9a-f-]{36}/);
    }
    const [retried = ''] = unreachable;
    await failingItem(retried).getByRole('button', { name: `Retry ${retried}` }).click();
    await expect(failingItem(retried).getByRole('alert')).toContainText('Cannot reach the API');
  });

  test('opens a server’s details with its volumes, action log and, on request, a console', async ({ page }) => {
    const spec = 'sites=2,servers=12,seed=3';
    const facts = await simServers(spec);
    const stopped = facts.find((fact) => fact.volumes > 0 && fact.status === 'SHUTOFF');
    const running = facts.find((fact) => fact.status === 'ACTIVE');
    if (!stopped || !running) throw new Error(`the fleet ${spec} no longer has a stopped server with a volume and a running one`);
    const keyOf = (fact: SimServerFact) => encodeURIComponent(`${fact.cloud}/${fact.region}/${fact.id}`);
    await serveRuntimeConfig(page, { demo: { fleet: spec } });

    await page.goto(`/servers?open=${keyOf(stopped)}`);
    const panel = page.getByRole('complementary', { name: 'Server details' });
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText(stopped.name);
    await expect(panel.getByRole('region', { name: 'Volumes' }).getByRole('listitem')).toHaveText([/^\/dev\/vda\s*[0-9a-f-]{36}/]);
    const log = panel.getByRole('region', { name: 'Action log' }).getByRole('listitem');
    await expect(log).toHaveCount(2);
    await expect(log.first()).toContainText(/^stop\s*\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
    await expect(log.last()).toContainText(/^create.*by .+ · req-/);
    // Nova gives no console for a stopped server: the panel says why, with the request id.
    await panel.getByRole('button', { name: 'Request a console' }).click();
    await expect(panel.getByRole('region', { name: 'Console' }).getByRole('alert')).toContainText(/HTTP 409.*is not ready.*Request id req-/s);

    await page.goto(`/servers?open=${keyOf(running)}`);
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText(running.name);
    await expect(panel.getByRole('region', { name: 'Volumes' })).toContainText('No volumes attached');
    await panel.getByRole('button', { name: 'Request a console' }).click();
    const link = panel.getByRole('link', { name: 'Open the VNC console in a new tab' });
    await expect(link).toHaveAttribute('href', new RegExp(`^https://${running.cloud}\\.sim\\.invalid/vnc/vnc_auto\\.html\\?path=%3Ftoken%3D[0-9a-f-]{36}$`));
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    // The token-bearing URL never reaches the page's own URL.
    expect(page.url()).not.toContain('token');
  });

  test('offers no console in read-only mode, and still shows what can be read', async ({ page }) => {
    const spec = 'sites=2,servers=12,seed=3';
    const running = (await simServers(spec)).find((fact) => fact.status === 'ACTIVE');
    if (!running) throw new Error(`the fleet ${spec} has no running server`);
    await serveRuntimeConfig(page, { demo: { fleet: spec }, readOnly: true });
    await page.goto(`/servers?open=${encodeURIComponent(`${running.cloud}/${running.region}/${running.id}`)}`);
    const panel = page.getByRole('complementary', { name: 'Server details' });
    await expect(panel.getByRole('region', { name: 'Action log' }).getByRole('listitem').last()).toContainText('create');
    await expect(panel.getByRole('region', { name: 'Console' })).toHaveCount(0);
    await expect(panel.getByRole('button', { name: 'Request a console' })).toHaveCount(0);
  });

  test('keeps hostile and missing data inert in the table and the detail panel', async ({ page }) => {
    const clouds = loopbackClouds().filter((cloud) => cloud.name !== LOOPBACK_FLEET.downCloud);
    const target = clouds.find((cloud) => cloud.kind === 'site');
    if (!target) throw new Error('the loopback fleet has no site cloud');
    const hostile = ['<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=1</script>', `\u202Egnp.exe ${'A'.repeat(10_240)}`];
    const hostileNetwork = '<svg onload="window.__pwned=1">\u202Eten';
    const hostileGroup = '"><iframe src=javascript:window.__pwned=1>';
    await serveRuntimeConfig(page, { clouds: cloudsYamlOf(clouds) });
    await page.route(`${new URL(target.authUrl).origin}/*/compute/v2.1/servers/detail*`, async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { servers: Array<Record<string, unknown>> };
      body.servers.forEach((server, index) => {
        if (index < hostile.length) server.name = hostile[index];
        if (index === 0) {
          server.addresses = { [hostileNetwork]: Object.values(server.addresses as Record<string, unknown[]>)[0] ?? [] };
          server.security_groups = [{ name: hostileGroup }];
          server.key_name = hostile[1];
        }
        if (index === hostile.length) {
          // Every field Nova may leave out or empty.
          server.name = 'bare-server';
          server.addresses = {};
          server.image = '';
          server.key_name = null;
          server['OS-EXT-AZ:availability_zone'] = '';
          for (const key of ['security_groups', 'OS-EXT-SRV-ATTR:host', 'OS-EXT-SRV-ATTR:hypervisor_hostname', 'locked', 'fault', 'tags', 'description']) delete server[key];
        }
      });
      await route.fulfill({ response, json: body });
    });
    await page.goto('/servers?q=%3C');
    const grid = page.getByRole('grid', { name: 'Servers' });
    await expect(grid.getByText(hostile[0] ?? '', { exact: true })).toBeVisible();
    await expect(grid.getByText(hostile[1] ?? '', { exact: true })).toBeVisible();
    expect(await grid.locator('img, script').count()).toBe(0);

    await grid.getByText(hostile[0] ?? '', { exact: true }).click();
    const panel = page.getByRole('complementary', { name: 'Server details' });
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText(hostile[0] ?? '');
    await expect(panel.getByText(hostileNetwork, { exact: true })).toBeVisible();
    await expect(panel.getByText(hostileGroup, { exact: true })).toBeVisible();
    await expect(panel.getByRole('region', { name: 'Action log' }).getByRole('listitem').last()).toContainText('create');
    // Nothing the cloud sent became markup: no element of the hostile strings exists anywhere in the table or panel.
    expect(await page.locator('main').locator('img, script, svg[onload], iframe').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

    await page.goto('/servers?q=gnp.exe');
    const cell = nameCell(grid.getByRole('row').nth(1));
    await expect(cell.locator('bdi')).toHaveAttribute('title', hostile[2] ?? '');
    const box = await cell.boundingBox();
    expect(box?.height).toBeLessThanOrEqual(32);
    expect(box?.width).toBeLessThanOrEqual(260);
    await cell.click();
    const heading = panel.getByRole('heading', { level: 2 });
    await expect(heading.locator('bdi')).toHaveAttribute('title', hostile[2] ?? '');
    // Clamped to three lines, and the panel keeps its width.
    expect((await heading.boundingBox())?.height).toBeLessThanOrEqual(80);
    expect((await panel.boundingBox())?.width).toBeLessThanOrEqual(400);

    await page.goto('/servers?q=bare-server');
    await grid.getByRole('row').nth(1).click();
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText('bare-server');
    const field = (term: string) => panel.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
    await expect(field('Site / AZ')).toHaveText('not reported');
    await expect(field('Host')).toHaveText('not reported');
    await expect(field('Image')).toHaveText('none (boots from a volume)');
    await expect(field('Key pair')).toHaveText('not reported');
    await expect(panel.getByText('No addresses')).toBeVisible();
    await expect(panel.locator('section', { hasText: 'Security groups' })).toContainText('None');
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});
