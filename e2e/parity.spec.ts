import { expect, test, type Page } from '@playwright/test';
import { serveRuntimeConfig } from './fixtures/runtime-config.ts';

/**
 * Five sites; the simulator's fixed drift (src/sim/README.md): ams has
 * another debian-12 build and a narrower `web` group, fra lacks deploy-2024,
 * par's m1.large has more RAM. lon does not answer at all.
 */
const FLEET = 'sites=5,servers=2,seed=3,fault.lon=down';

const matrix = (page: Page) => page.getByRole('table', { name: 'Parity matrix' });
const cell = (page: Page, text: RegExp) => matrix(page).getByRole('button', { name: text });

test.describe('the parity matrix', () => {
  test('flags the drift the simulator made, and calls a cloud that does not answer unknown, not missing', async ({ page }) => {
    await serveRuntimeConfig(page, { demo: { fleet: FLEET } });
    await page.goto('/parity');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Parity' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByLabel('Parity summary')).not.toContainText('still loading');

    await expect(cell(page, /^deploy-2024 on fra \/ RegionOne: missing \(present on \w+ \/ RegionOne\)$/)).toHaveText('missing');
    await expect(cell(page, /^debian-12 on ams \/ RegionOne: differs from \w+ \/ RegionOne: checksum [0-9a-f]{32} here, [0-9a-f]{32} in the reference$/)).toHaveText('differs');
    await expect(cell(page, /^m1\.large on par \/ RegionOne: differs from \w+ \/ RegionOne: RAM 12288 MB here, 8192 MB in the reference$/)).toBeVisible();
    await expect(cell(page, /^web on ams \/ RegionOne: differs .*lacks “ingress IPv4 tcp port 443 from 0\.0\.0\.0\/0”; also has “ingress IPv4 tcp port 443 from 10\.0\.0\.0\/8”$/)).toBeVisible();

    // lon failed to sign in: every one of its cells is unknown, and its error is shown.
    await expect(cell(page, /^deploy-2024 on lon: unknown, the cloud did not answer$/)).toHaveText('?');
    await expect(matrix(page).getByRole('button', { name: /on lon: missing/ })).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Sources not answering' }).getByRole('listitem', { name: 'lon' })).toBeVisible();

    // The difference is explained on focus too, and in full on click.
    const large = cell(page, /^m1\.large on par /);
    await large.focus();
    await expect(page.getByLabel('Cell explanation')).toHaveText(/^m1\.large on par \/ RegionOne: differs .*RAM 12288 MB here/);
    await large.click();
    const details = page.getByRole('region', { name: 'Cell details' });
    await expect(details).toContainText('Flavor m1.large on par / RegionOne');
    await expect(details).toContainText('12288 MB');
  });

  test('keeps its filters and reference in the URL', async ({ page, browser }) => {
    await serveRuntimeConfig(page, { demo: { fleet: FLEET } });
    await page.goto('/parity');
    await page.getByRole('combobox', { name: 'Kind' }).selectOption('keypair');
    await page.getByRole('checkbox', { name: 'Only drift' }).check();
    await page.getByRole('combobox', { name: 'Reference' }).selectOption('fra/RegionOne');
    await expect(page).toHaveURL(/kind=keypair/);
    const url = page.url();
    expect(new URL(url).searchParams.get('ref')).toBe('fra/RegionOne');

    const elsewhere = await browser.newContext();
    const copy = await elsewhere.newPage();
    await serveRuntimeConfig(copy, { demo: { fleet: FLEET } });
    await copy.goto(url);
    await expect(copy.getByRole('columnheader', { name: /fra.*RegionOne.*reference/ })).toBeVisible();
    // Against fra, which lacks deploy-2024, the others' key is the reference for it and fra is still the one missing.
    await expect(cell(copy, /^deploy-2024 on fra \/ RegionOne: missing/)).toBeVisible();
    await expect(matrix(copy).getByRole('rowgroup', { name: 'Flavors' })).toHaveCount(0);
    await elsewhere.close();
  });

  test('renders chrome-less as the embedded parity panel, filtered by the URL', async ({ page }) => {
    await serveRuntimeConfig(page, { demo: { fleet: FLEET } });
    await page.goto('/embed/parity?kind=flavor&drift=1');
    const panel = page.getByRole('main', { name: 'Parity panel' });
    await expect(panel.getByRole('heading', { level: 1, name: 'Parity' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await expect(cell(page, /^m1\.large on par \/ RegionOne: differs/)).toBeVisible();
    await expect(matrix(page).getByRole('rowgroup', { name: 'Key pairs' })).toHaveCount(0);
  });
});
