import { expect, test, type Page } from '@playwright/test';
import { LOOPBACK_FLEET } from './fixtures/loopback-fleet.ts';
import { serveRuntimeConfig } from './fixtures/runtime-config.ts';
import { cloudsYamlOf, loopbackClouds } from './fixtures/sim-clouds.ts';
import { simCloudClients } from './fixtures/sim-inventory.ts';

interface NetworkFact {
  cloud: string;
  region: string;
  name: string;
}

/** Every network of the loopback fleet's answering clouds, read in this process with the real client, as an admin sees them. */
async function loopbackNetworks(): Promise<NetworkFact[]> {
  const facts: NetworkFact[] = [];
  for (const { cloud, client } of simCloudClients(LOOPBACK_FLEET.spec, (_name, index) => `http://127.0.0.1:${LOOPBACK_FLEET.basePort + index}`)) {
    if (cloud === LOOPBACK_FLEET.downCloud) continue;
    await client.signIn();
    for (const region of client.regions()) {
      for await (const page of (await client.network(region)).networks()) facts.push(...page.map((network) => ({ cloud, region, name: network.name })));
    }
  }
  return facts;
}

function grid(page: Page) {
  return page.getByRole('grid', { name: 'Networks' });
}

test.describe('the networks inventory', () => {
  test('lists the networks of every answering cloud with statuses, a failing cloud, a 403 as "needs admin", and overlapping CIDRs flagged', async ({ page }) => {
    const facts = await loopbackNetworks();
    const answering = [...new Set(facts.map((fact) => fact.cloud))];
    expect(answering.length).toBeGreaterThanOrEqual(3);
    const restricted = 'par';
    await serveRuntimeConfig(page, { clouds: cloudsYamlOf(loopbackClouds()) });
    const restrictedOrigin = new URL(loopbackClouds().find((cloud) => cloud.name === restricted)?.authUrl ?? '').origin;
    await page.route(`${restrictedOrigin}/*/network/v2.0/ports*`, (route) =>
      route.fulfill({ status: 403, json: { NeutronError: { type: 'PolicyNotAuthorized', message: 'rule:get_port is disallowed by policy', detail: '' } } }),
    );

    await page.goto('/networks');
    await expect(page.getByRole('tab', { name: /^Networks/ })).toHaveText(`Networks ${facts.length}`);
    await expect(page.getByRole('status', { name: 'Matching networks' })).toHaveText(`${facts.length} networks`);
    await expect(page.getByLabel('Networks summary')).toContainText('in 4 clouds; 1 cloud failing');

    // The dead cloud is an error with a retry; the 403 is a role limit beside a healthy badge.
    const failing = page.getByRole('list', { name: 'Failing sources' }).getByRole('listitem');
    await expect(failing).toHaveCount(1);
    await expect(failing.first()).toContainText(LOOPBACK_FLEET.downCloud);
    await expect(failing.getByRole('button', { name: `Retry ${LOOPBACK_FLEET.downCloud}` })).toBeEnabled();
    await page.getByText(/Every cloud and region/).click();
    const restrictedBadge = page.getByRole('list', { name: 'Every source' }).getByRole('listitem', { name: `${restricted} / RegionOne` });
    await expect(restrictedBadge).toContainText('ports: needs admin');
    await expect(restrictedBadge).toContainText('OK');

    // Every cloud's rows, with Neutron's status.
    await page.getByRole('combobox', { name: 'Group by' }).selectOption('cloud');
    for (const cloud of answering) {
      const count = facts.filter((fact) => fact.cloud === cloud).length;
      await expect(grid(page).getByRole('row').filter({ hasText: new RegExp(`^Cloud ${cloud}\\s*${count} rows?$`) })).toHaveCount(1);
    }
    await expect(grid(page).getByRole('row').nth(2)).toContainText('ACTIVE');

    // demo's 10.0.0.0/24 lives in every cloud and region: each of them is flagged.
    await expect(page.getByRole('status', { name: /overlap another cloud’s address space$/ })).toBeVisible();
    await page.getByRole('button', { name: 'Show only these' }).click();
    await expect(page).toHaveURL(/[?&]overlap=1/);
    const demoNetworks = facts.filter((fact) => fact.name === 'private-demo');
    const flagged = grid(page).getByRole('row').filter({ hasText: 'private-demo' });
    await expect(flagged).toHaveCount(demoNetworks.length);
    for (const row of await flagged.all()) await expect(row.getByLabel(/^Overlaps \d+ blocks? elsewhere/)).toBeVisible();
    await expect(flagged.first()).toContainText('10.0.0.0/24');
    await expect(page.getByRole('checkbox', { name: 'Overlapping CIDRs only' })).toBeChecked();
  });

  test('keeps the resource tab and its filters in the URL, and moves between tabs with the arrow keys', async ({ page, browser }) => {
    await serveRuntimeConfig(page, { clouds: cloudsYamlOf(loopbackClouds()) });
    await page.goto('/networks');
    await page.getByRole('tab', { name: /^Networks/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: /^Subnets/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tab', { name: /^Subnets/ })).toBeFocused();
    await page.getByRole('tab', { name: /^Ports/ }).click();
    await page.getByPlaceholder('10.0.0.0/8, 2001:db8::5…').fill('10.0.0.0/24');
    await expect(page).toHaveURL(/kind=ports/);
    const matching = page.getByRole('status', { name: 'Matching ports' });
    await expect(matching).toHaveText(/^\d+ of \d+ ports match$/);
    const text = await matching.textContent();

    const elsewhere = await browser.newContext();
    const copy = await elsewhere.newPage();
    await serveRuntimeConfig(copy, { clouds: cloudsYamlOf(loopbackClouds()) });
    await copy.goto(page.url());
    await expect(copy.getByRole('tab', { name: /^Ports/ })).toHaveAttribute('aria-selected', 'true');
    await expect(copy.getByRole('status', { name: 'Matching ports' })).toHaveText(text ?? '');
    await elsewhere.close();
  });

  test('renders hostile network names as inert, truncated text, in the table and in global search', async ({ page }) => {
    const target = loopbackClouds().find((cloud) => cloud.name === 'ams');
    if (!target) throw new Error('the loopback fleet has no ams');
    const hostile = ['<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=1</script>', `\u202Egnp.exe ${'A'.repeat(10_240)}`];
    await serveRuntimeConfig(page, { clouds: cloudsYamlOf(loopbackClouds()) });
    await page.route(`${new URL(target.authUrl).origin}/*/network/v2.0/networks*`, async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { networks: Array<{ name?: string }> };
      body.networks.forEach((network, index) => {
        if (index < hostile.length) network.name = hostile[index] ?? '';
      });
      await route.fulfill({ response, json: body });
    });
    await page.goto('/networks?q=%3C');
    await expect(grid(page).getByText(hostile[0] ?? '', { exact: true })).toBeVisible();
    await expect(grid(page).getByText(hostile[1] ?? '', { exact: true })).toBeVisible();
    expect(await grid(page).locator('img, script').count()).toBe(0);

    await page.goto('/networks?q=gnp.exe');
    const cell = grid(page).getByRole('row').nth(1).locator('td').first();
    await expect(cell.locator('bdi')).toHaveAttribute('title', hostile[2] ?? '');
    const box = await cell.boundingBox();
    expect(box?.height).toBeLessThanOrEqual(32);
    expect(box?.width).toBeLessThanOrEqual(220);

    await page.keyboard.press('Control+k');
    await page.keyboard.type('<script');
    const option = page.getByRole('dialog', { name: 'Search the fleet' }).getByRole('option').first();
    await expect(option).toContainText(hostile[1] ?? '');
    expect(await page.getByRole('dialog', { name: 'Search the fleet' }).locator('img, script').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});
