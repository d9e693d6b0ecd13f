import { expect, test } from '@playwright/test';
import { serveRuntimeConfig } from './fixtures/runtime-config.ts';
import { simCloudClients } from './fixtures/sim-inventory.ts';

const FLEET = 'sites=3,edge=1x2,servers=6,seed=4';

/** A server of the demo fleet with a fixed IPv4 address that no other server shares, read with the real client. */
async function uniquelyAddressedServer(): Promise<{ cloud: string; name: string; ip: string }> {
  const byIp = new Map<string, { cloud: string; name: string; ip: string }[]>();
  for (const { cloud, client } of simCloudClients(FLEET)) {
    await client.signIn();
    for (const region of client.regions()) {
      for await (const page of (await client.compute(region)).servers({ allTenants: true })) {
        for (const server of page) {
          if (!('name' in server) || server.name === '') continue;
          for (const address of Object.values(server.addresses).flat()) {
            if (address.version !== 4) continue;
            byIp.set(address.addr, [...(byIp.get(address.addr) ?? []), { cloud, name: server.name, ip: address.addr }]);
          }
        }
      }
    }
  }
  const unique = [...byIp.values()].find((servers) => servers.length === 1 && !servers[0]?.ip.startsWith('10.0.0.'));
  if (!unique?.[0]) throw new Error('the demo fleet has no server with an address of its own');
  return unique[0];
}

test.describe('global search', () => {
  test('finds a server by its IP and opens it, with the keyboard only', async ({ page }) => {
    const server = await uniquelyAddressedServer();
    await serveRuntimeConfig(page, { demo: { fleet: FLEET } });
    await page.goto('/clouds');
    await expect(page.getByRole('button', { name: /Search the fleet/ })).toBeVisible();
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Search the fleet' });
    const input = dialog.getByRole('combobox', { name: 'Search the fleet' });
    await expect(input).toBeFocused();
    await page.keyboard.type(server.ip);
    const first = dialog.getByRole('listbox', { name: 'Results' }).getByRole('option').first();
    await expect(first).toContainText(server.name);
    await expect(first).toContainText(`address ${server.ip}`);
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');

    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/\/servers\?open=/);
    const details = page.getByRole('complementary', { name: 'Server details' });
    await expect(details.getByRole('heading', { level: 2 })).toHaveText(server.name);
    await expect(details).toContainText(server.cloud);
  });

  test('finds a network by CIDR, moves through results with the arrows, and opens /networks filtered to it', async ({ page }) => {
    await serveRuntimeConfig(page, { demo: { fleet: FLEET } });
    await page.goto('/clouds');
    await expect(page.getByRole('button', { name: /Search the fleet/ })).toBeVisible();
    await page.keyboard.press('Control+k');
    await page.keyboard.type('10.0.0.0/24');
    const options = page.getByRole('dialog', { name: 'Search the fleet' }).getByRole('option');
    await expect(options.first()).toContainText('CIDR 10.0.0.0/24');
    await expect(options.first()).toContainText('private-demo');
    await page.keyboard.press('ArrowDown');
    const second = options.nth(1);
    await expect(second).toHaveAttribute('aria-selected', 'true');
    await expect(second).toContainText('CIDR 10.0.0.0/24');
    const where = (await second.locator('bdi').last().textContent()) ?? '';
    const [cloud = ''] = where.split(' / ');
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(new RegExp(`/networks\\?q=[0-9a-f-]+&cloud=${cloud}$`));
    const rows = page.getByRole('grid', { name: 'Networks' }).getByRole('row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText('private-demo');
    await expect(rows.nth(1)).toContainText(cloud);
  });

  test('finds an image by name and opens /images filtered to its id and cloud', async ({ page }) => {
    await serveRuntimeConfig(page, { demo: { fleet: FLEET } });
    await page.goto('/clouds');
    await expect(page.getByRole('button', { name: /Search the fleet/ })).toBeVisible();
    await page.keyboard.press('Control+k');
    await page.keyboard.type('debian-12');
    const first = page.getByRole('dialog', { name: 'Search the fleet' }).getByRole('option').first();
    await expect(first).toContainText('Image');
    await expect(first).toContainText('name debian-12');
    const [cloud = ''] = ((await first.locator('bdi').last().textContent()) ?? '').split(' / ');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/images\\?q=[0-9a-f-]+&cloud=${cloud}$`));
  });

  test('opens from the header button, closes with Escape, and gives focus back', async ({ page }) => {
    await serveRuntimeConfig(page, { demo: { fleet: FLEET } });
    await page.goto('/clouds');
    const button = page.getByRole('button', { name: /Search the fleet/ });
    await expect(button).toBeVisible();
    for (let tab = 0; tab < 10 && !(await button.evaluate((element) => element === document.activeElement)); tab++) await page.keyboard.press('Tab');
    await expect(button).toBeFocused();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Search the fleet' });
    await expect(dialog.getByRole('combobox', { name: 'Search the fleet' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
  });
});
