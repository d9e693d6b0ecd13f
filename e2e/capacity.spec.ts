import { expect, test, type Page } from '@playwright/test';
import { serveRuntimeConfig } from './fixtures/runtime-config.ts';
import { cloudsYamlOf, loopbackClouds } from './fixtures/sim-clouds.ts';
import { simCloudClients } from './fixtures/sim-inventory.ts';

/** A regional cloud with two regions and two shared-nothing sites. */
const FLEET = 'regional=1x2,sites=2,servers=4,seed=3';
/** The simulator's non-admin user (a project member): Placement answers it 403, as real Placement's default policy does. */
const MEMBER = 'demo';

interface QuotaFact {
  cloud: string;
  region: string;
  /** The fullest of instances, cores and RAM, in whole percents. */
  pressure: number;
}

/** Each region's quota pressure and Placement hosts, read with the real client from the same deterministic simulator, as the admin sees them. */
async function simCapacity(spec: string): Promise<{ quotas: QuotaFact[]; hosts: HostFact[] }> {
  const quotas: QuotaFact[] = [];
  const hosts: HostFact[] = [];
  for (const { cloud, client } of simCloudClients(spec)) {
    const session = await client.signIn();
    for (const region of client.regions()) {
      const quota = await (await client.compute(region)).quotaSet(session.project?.id ?? '');
      const percents = [quota.instances, quota.cores, quota.ram].filter((each) => each.limit > 0).map((each) => Math.floor(((each.in_use + each.reserved) / each.limit) * 100));
      quotas.push({ cloud, region, pressure: Math.max(...percents) });
      const placement = await client.placement(region);
      for (const provider of await placement.resourceProviders()) {
        const vcpu = (await placement.inventories(provider.uuid)).inventories.VCPU;
        const used = (await placement.usages(provider.uuid)).usages.VCPU ?? 0;
        if (vcpu) hosts.push({ name: provider.name, vcpus: `${used} / ${(vcpu.total - vcpu.reserved) * vcpu.allocation_ratio}` });
      }
    }
  }
  return { quotas, hosts };
}

interface HostFact {
  name: string;
  /** "used / (total − reserved) × allocation ratio" of VCPU. */
  vcpus: string;
}

const quotaGrid = (page: Page) => page.getByRole('grid', { name: 'Quota usage' });
const hostGrid = (page: Page) => page.getByRole('grid', { name: 'Placement capacity' });
/** Data rows of a virtual grid, counted from its aria-rowcount (the header is row 1). */
const rowCount = async (page: Page, grid: ReturnType<typeof quotaGrid>) => Number(await grid.getAttribute('aria-rowcount')) - 1;

test.describe('the capacity view', () => {
  test('as an admin shows quota usage by pressure and every Placement host, with the pressure filter in a link that reopens', async ({ page }) => {
    const { quotas, hosts } = await simCapacity(FLEET);
    const fullest = [...quotas].sort((a, b) => b.pressure - a.pressure)[0];
    if (!fullest) throw new Error('the fleet has no region');
    await serveRuntimeConfig(page, { demo: { fleet: FLEET } });
    await page.goto('/capacity');
    await expect(page.getByRole('heading', { level: 1, name: 'Capacity' })).toBeVisible();
    await expect(page.getByLabel('Capacity summary')).toHaveText(`${quotas.length} quota sets and ${hosts.length} hosts in 3 clouds`);

    // The fullest quota first, its pressure shown as a percentage.
    await expect.poll(() => rowCount(page, quotaGrid(page))).toBe(quotas.length);
    const firstQuota = quotaGrid(page).getByRole('row').nth(1);
    await expect(firstQuota).toContainText(fullest.cloud);
    await expect(firstQuota).toContainText(fullest.region);
    await expect(firstQuota.getByRole('gridcell').first()).toHaveText(`${fullest.pressure} %`);

    // Every host Placement knows, with its capacity per class.
    await expect.poll(() => rowCount(page, hostGrid(page))).toBe(hosts.length);
    const host = hosts[0];
    if (!host) throw new Error('the fleet has no host');
    await expect(hostGrid(page).getByRole('row').filter({ hasText: host.name })).toContainText(host.vcpus);
    await expect(page.getByRole('status', { name: 'Placement needs admin' })).toHaveCount(0);

    const threshold = 80;
    const pressed = quotas.filter((quota) => quota.pressure >= threshold);
    expect(pressed.length).toBeGreaterThan(0);
    expect(pressed.length).toBeLessThan(quotas.length);
    await page.getByRole('combobox', { name: 'Pressure' }).selectOption(String(threshold));
    await expect(page).toHaveURL(new RegExp(`[?&]pressure=${threshold}(&|$)`));
    await expect(page.getByRole('status', { name: 'Matching quota sets' })).toHaveText(`${pressed.length} of ${quotas.length} quota sets match`);

    await page.goto(page.url());
    await expect(page.getByRole('combobox', { name: 'Pressure' })).toHaveValue(String(threshold));
    await expect(page.getByRole('status', { name: 'Matching quota sets' })).toHaveText(`${pressed.length} of ${quotas.length} quota sets match`);
    await expect.poll(() => rowCount(page, quotaGrid(page))).toBe(pressed.length);
  });

  test('as a project member shows its quota usage and "needs admin" for Placement, not an error', async ({ page }) => {
    const cloud = loopbackClouds().find((each) => each.kind === 'regional');
    if (!cloud) throw new Error('the loopback fleet has no regional cloud');
    await serveRuntimeConfig(page, { clouds: cloudsYamlOf([{ ...cloud, username: MEMBER }]) });
    await page.goto('/capacity');

    await expect(page.getByRole('status', { name: 'Placement needs admin' })).toContainText('HTTP 403');
    await expect(page.getByRole('list', { name: 'Failing sources' })).toHaveCount(0);
    await page.getByText(/Every cloud and region/).click();
    const badges = page.getByRole('list', { name: 'Every source' }).getByRole('listitem');
    const regions = await badges.count();
    expect(regions).toBeGreaterThan(0);
    for (const badge of await badges.all()) {
      await expect(badge).toContainText('placement: needs admin');
      await expect(badge).toContainText('OK');
    }
    await expect.poll(() => rowCount(page, quotaGrid(page))).toBe(regions);
    await expect(quotaGrid(page).getByRole('row').nth(1)).toContainText(cloud.projectName);
    await expect(page.getByText('No host the role may see.')).toBeVisible();
  });
});
