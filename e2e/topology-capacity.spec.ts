import { expect, test, type Page } from '@playwright/test';
import { serveRuntimeConfig } from './fixtures/runtime-config.ts';
import { simCloudClients } from './fixtures/sim-inventory.ts';

/**
 * Three shared-nothing sites whose hosts are all up and whose servers are
 * none in ERROR (seed chosen for it); the simulator packs one host of the
 * third (par) so Placement puts it under pressure, the fleet's only problem.
 */
const FLEET = 'sites=3,servers=6,seed=11';

interface PressedHost {
  cloud: string;
  host: string;
  /** "MEMORY_MB 93 % of capacity (Placement)" for each class at 90 % or more. */
  problems: string[];
}

/** The hosts Placement reports at 90 % or more of a class, read with the real client from the same deterministic simulator the page talks to. */
async function pressedHosts(spec: string): Promise<PressedHost[]> {
  const found: PressedHost[] = [];
  for (const { cloud, client } of simCloudClients(spec)) {
    await client.signIn();
    for (const region of client.regions()) {
      const placement = await client.placement(region);
      for (const provider of await placement.resourceProviders()) {
        const { inventories } = await placement.inventories(provider.uuid);
        const { usages } = await placement.usages(provider.uuid);
        const problems = ['VCPU', 'MEMORY_MB', 'DISK_GB'].flatMap((resourceClass) => {
          const inventory = inventories[resourceClass];
          if (!inventory) return [];
          const percent = Math.floor(((usages[resourceClass] ?? 0) / ((inventory.total - inventory.reserved) * inventory.allocation_ratio)) * 100);
          return percent >= 90 ? [`${resourceClass} ${percent} % of capacity (Placement)`] : [];
        });
        if (problems.length > 0) found.push({ cloud, host: provider.name, problems });
      }
    }
  }
  return found;
}

const node = (page: Page, name: string | RegExp) => page.getByRole('group', { name });
const details = (page: Page) => page.getByRole('complementary', { name: 'Topology details' });

test.describe('capacity pressure in the topology', () => {
  test('a host Placement finds nearly full is degraded, says why, and its cloud and the fleet roll it up', async ({ page }) => {
    const pressed = await pressedHosts(FLEET);
    expect(pressed.map((host) => host.cloud)).toEqual(['par']);
    const [target] = pressed as [PressedHost];

    await serveRuntimeConfig(page, { demo: { fleet: FLEET } });
    await page.goto('/topology');
    // The only problem of the fleet is the packed host: every level above it is degraded because of it, and counts it.
    const par = node(page, 'cloud par: degraded');
    await expect(par).toBeVisible();
    await expect(par).toContainText('1 under pressure');
    await expect(node(page, 'fleet: degraded')).toBeVisible();
    await expect(node(page, 'cloud ams: ok')).toBeVisible();
    await expect(node(page, 'cloud fra: ok')).toBeVisible();

    // The last cloud may sit under the minimap: the keyboard reaches it wherever it is drawn.
    await par.focus();
    await page.keyboard.press('Enter');
    await expect(details(page)).toContainText(/1 of \d+ hosts? under pressure/);

    await page.getByRole('searchbox', { name: 'Find site or host' }).fill(target.host);
    await page.getByRole('button', { name: 'Find' }).click();
    await expect(node(page, `host ${target.host}: degraded`)).toBeFocused();
    await expect(details(page).getByRole('list', { name: 'Problems' })).toHaveText(target.problems.join(''));
    const meters = details(page).getByRole('list', { name: 'Placement capacity' });
    const [resourceClass, percent] = /^(\S+) (\d+) %/.exec(target.problems[0] as string)?.slice(1) ?? [];
    await expect(meters.getByRole('listitem', { name: `${resourceClass}: ${percent} %` })).toBeVisible();
    await expect(meters.getByRole('listitem')).toHaveCount(3);
  });

  test('while Placement has not answered, a region says it waits and is not called failing or fine', async ({ page }) => {
    // Placement is read once a cloud's hosts are known: with 1.5 s per request, its few round trips leave seconds to look.
    await serveRuntimeConfig(page, { demo: { fleet: 'sites=1,servers=6,seed=11,latency=1500' } });
    await page.goto('/topology');
    const ams = node(page, 'cloud ams: ok');
    await ams.focus();
    await page.keyboard.press('Enter');
    const region = node(page, 'region RegionOne: ok');
    await expect(region).toContainText('capacity: waiting for Placement');
    await expect(region).not.toContainText('under pressure');
    // Then Placement answers: the note goes, and ams has no host under pressure.
    await expect(region).not.toContainText('capacity: waiting for Placement', { timeout: 20_000 });
    await expect(node(page, 'region RegionOne: ok')).toBeVisible();
  });

  test('a non-admin: the region says capacity is unknown and needs admin, never that it is fine', async ({ page }) => {
    await serveRuntimeConfig(page, { demo: { fleet: 'sites=1,servers=4,seed=9,fault.ams=role:member' } });
    await page.goto('/topology');
    const ams = node(page, 'cloud ams: needs admin');
    await ams.click();
    await node(page, 'region RegionOne: needs admin').click();
    await expect(details(page).getByRole('list', { name: 'Notes' })).toContainText('capacity unknown: needs admin');
    const regionDetails = page.getByRole('region', { name: 'Details of region RegionOne' });
    await expect(regionDetails).toContainText('capacity unknown: needs admin');
    await expect(regionDetails).not.toContainText('under pressure');
    // A 403 is the role's limit, not a failure: no error is shown for it.
    await expect(regionDetails.getByRole('alert')).toHaveCount(0);
  });
});
