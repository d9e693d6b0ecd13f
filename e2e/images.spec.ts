import { expect, test, type Page } from '@playwright/test';
import { serveRuntimeConfig } from './fixtures/runtime-config.ts';
import { simCloudClients } from './fixtures/sim-inventory.ts';

/** A regional cloud with two regions and four shared-nothing sites. */
const FLEET = 'regional=1x2,sites=4,servers=2,seed=3';

interface SimImageFact {
  cloud: string;
  region: string;
  name: string;
  checksum: string;
}

/** Every image the demo fleet serves, read with the real client from the same deterministic simulator, as an admin lists them. */
async function simImages(spec: string): Promise<SimImageFact[]> {
  const facts: SimImageFact[] = [];
  for (const { cloud, client } of simCloudClients(spec)) {
    await client.signIn();
    for (const region of client.regions()) {
      for await (const page of (await client.image(region)).images({ visibility: 'all' })) {
        for (const image of page) facts.push({ cloud, region, name: image.name ?? '', checksum: image.checksum ?? '' });
      }
    }
  }
  return facts;
}

const fmt = (count: number) => count.toLocaleString('en');
const matching = (page: Page) => page.getByRole('status', { name: 'Matching images' });
const select = (page: Page, name: string) => page.getByRole('combobox', { name, exact: true });

test.describe('the images inventory', () => {
  test('shows every image of every cloud and region, and filters, sorts and groups through the URL', async ({ page }) => {
    const facts = await simImages(FLEET);
    await serveRuntimeConfig(page, { demo: { fleet: FLEET } });
    await page.goto('/images');
    await expect(page.getByLabel('Inventory summary')).toHaveText(`${fmt(facts.length)} images in 5 clouds`);
    await expect(matching(page)).toHaveText(`${fmt(facts.length)} images`);

    const inRegion = facts.filter((fact) => fact.cloud === 'core' && fact.region === 'eu-central-1');
    await select(page, 'Cloud').selectOption('core');
    await select(page, 'Region').selectOption('eu-central-1');
    await expect(matching(page)).toHaveText(`${fmt(inRegion.length)} of ${fmt(facts.length)} images match`);
    const grid = page.getByRole('grid', { name: 'Images' });
    await expect(grid.getByRole('row')).toHaveCount(inRegion.length + 1);
    await expect(grid.getByRole('row').nth(1)).toContainText('eu-central-1');
    expect(new URL(page.url()).searchParams.get('region')).toBe('eu-central-1');

    // Grouping by name across clouds puts the first site's other debian-12 build beside the others.
    await page.goto('/images?q=debian-12&group=name');
    const debian = facts.filter((fact) => fact.name === 'debian-12');
    await expect(matching(page)).toHaveText(`${fmt(debian.length)} of ${fmt(facts.length)} images match`);
    await expect(grid.getByRole('row').nth(1)).toHaveText(new RegExp(`^Name debian-12\\s*${debian.length} images\\s*2 different checksums$`));
  });

  test('opens on the image global search links to, in the cloud it names', async ({ page }) => {
    const facts = await simImages(FLEET);
    const cirros = facts.filter((fact) => fact.name.startsWith('cirros') && fact.cloud === 'fra');
    await serveRuntimeConfig(page, { demo: { fleet: FLEET } });
    await page.goto('/images?q=cirros&cloud=fra');
    await expect(page.getByRole('searchbox', { name: 'Filter images' })).toHaveValue('cirros');
    await expect(select(page, 'Cloud')).toHaveValue('fra');
    await expect(matching(page)).toHaveText(`${fmt(cirros.length)} of ${fmt(facts.length)} images match`);
    const row = page.getByRole('grid', { name: 'Images' }).getByRole('row').nth(1);
    await expect(row).toContainText('cirros-0.6.2-x86_64-disk');
    await expect(row).toContainText('fra');
    await expect(row).toContainText(cirros[0]?.checksum ?? 'no checksum');
  });

  test('a cloud that does not answer is a badge with its error; the others are listed', async ({ page }) => {
    const fleet = 'sites=3,servers=2,seed=3,fault.par=down';
    await serveRuntimeConfig(page, { demo: { fleet } });
    await page.goto('/images');
    const failing = page.getByRole('list', { name: 'Failing sources' });
    await expect(failing.getByRole('listitem', { name: 'par' })).toBeVisible();
    await expect(page.getByLabel('Inventory summary')).toContainText('in 3 clouds; 1 cloud failing');
    await select(page, 'Cloud').selectOption('fra');
    await expect(matching(page)).toContainText('images match');
  });
});
