import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_FLEET_SPEC } from '../src/sim/index.ts';
import { serveRuntimeConfig } from './fixtures/runtime-config.ts';

const node = (page: Page, name: string | RegExp) => page.getByRole('group', { name });
const named = (level: string, label: string) => new RegExp(`^${level} ${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `);
const details = (page: Page) => page.getByRole('complementary', { name: 'Topology details' });
const edge = (page: Page, id: string) => page.locator(`.react-flow__edge[data-id="${id}"]`);

test.describe('relations across the topology', () => {
  test('network overlaps: loaded only once turned on, the known conflict drawn and named, a failing cloud unknown, exported', async ({ page }) => {
    // par is down: its networks are unknown, which must never read as "no overlap".
    await serveRuntimeConfig(page, { demo: { fleet: `${DEFAULT_FLEET_SPEC},fault.par=down` } });
    const subnetListings: string[] = [];
    page.on('request', (request) => {
      if (/\/v2\.0\/subnets/.test(request.url())) subnetListings.push(request.url());
    });
    await page.goto('/topology');
    await expect(node(page, named('cloud', 'ams'))).toBeVisible();
    await expect(node(page, named('cloud', 'fra'))).toBeVisible();
    expect(subnetListings).toEqual([]);

    const layer = page.getByRole('checkbox', { name: 'Network overlaps' });
    await layer.focus();
    await page.keyboard.press('Space');
    await expect(layer).toBeChecked();
    await expect(page).toHaveURL(/[?&]relations=networks/);
    await expect.poll(() => subnetListings.length).toBeGreaterThan(0);
    await expect(page.getByRole('list', { name: 'Links' })).toContainText('Network overlap');

    // The simulator's fixed conflict: ams's 172.16.8.0/24 (shared-services) sits inside fra's 172.16.0.0/16 (legacy-dmz).
    await node(page, named('cloud', 'ams')).click();
    const overlaps = details(page).getByRole('list', { name: 'Network overlaps' });
    await expect(overlaps).toContainText('Overlaps 172.16.8.0/24 with fra/RegionOne 172.16.0.0/16 (net legacy-dmz)');
    await expect(overlaps.getByRole('link', { name: 'Networks with 172.16.8.0/24' })).toHaveAttribute('href', '/networks?q=172.16.8.0%2F24');
    await expect(edge(page, 'network-overlap:cloud:ams~cloud:fra')).toHaveCount(1);
    await expect(edge(page, 'network-overlap:cloud:ams~cloud:fra')).toContainText('172.16.8.0/24 ↔ 172.16.0.0/16');
    // demo's private-demo 10.0.0.0/24 in every cloud: the same name and CIDR, a span, not a conflict.
    await expect(details(page).getByRole('list', { name: 'Networks spanning' })).toContainText('Spans 10.0.0.0/24 with core/');
    await expect(details(page)).toContainText('Networks of 1 other region or cloud not loaded (still loading or failing): relations with it are unknown.');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG' }).click()]);
    const svg = await readFile(await download.path(), 'utf8');
    expect(svg).toContain('class="link link-network-overlap"');
    expect(svg).toContain('172.16.8.0/24 ↔ 172.16.0.0/16');

    // The dead cloud itself: its relations are unknown, said so.
    await page.getByRole('button', { name: 'Fit to view' }).click();
    await node(page, named('cloud', 'par')).click();
    await expect(details(page).getByRole('status', { name: 'Networks unknown here' })).toContainText('par: Cannot reach the API');

    // Off again: the links go, and the URL says so.
    await layer.uncheck();
    await expect(page).not.toHaveURL(/relations=/);
    await expect(page.locator('.topology-link-network-overlap')).toHaveCount(0);
  });

  test('image replicas: a selected region is linked to the other regions holding the same image data', async ({ page }) => {
    await serveRuntimeConfig(page, { demo: true });
    await page.goto('/topology?relations=images&node=region%3Acore%2Feu-west-1');
    await expect(page.getByRole('checkbox', { name: 'Image replicas' })).toBeChecked();
    await expect(node(page, named('region', 'eu-west-1'))).toHaveClass(/selected/);

    const replicas = details(page).getByRole('list', { name: 'Image replicas' });
    await expect(replicas).toContainText('cirros-0.6.2-x86_64-disk also in core/eu-central-1');
    await expect(replicas).toContainText('also in ams/RegionOne');
    await expect(replicas.getByRole('link', { name: 'Images named cirros-0.6.2-x86_64-disk' }).first()).toHaveAttribute(
      'href',
      '/images?q=cirros-0.6.2-x86_64-disk',
    );
    // The sibling regions are in view: a link to each; the other clouds are collapsed, one link each.
    await expect(edge(page, 'image-replica:region:core/eu-west-1~region:core/eu-central-1')).toHaveCount(1);
    await expect(edge(page, 'image-replica:region:core/eu-west-1~cloud:ams')).toHaveCount(1);
    await expect(edge(page, 'image-replica:region:core/eu-west-1~cloud:ams')).toContainText(/\d images/);
    await expect(page.getByRole('list', { name: 'Links' })).toContainText('Image replica');
  });
});
