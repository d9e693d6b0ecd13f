import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { serveRuntimeConfig } from './fixtures/runtime-config.ts';
import { demoClouds } from './fixtures/sim-clouds.ts';

/** A small fleet of the three models whose hosts are all up and whose servers are all fine (seed chosen for it). */
const HEALTHY_FLEET = 'regional=1x2,sites=2,edge=1x6,servers=6,seed=9';

const node = (page: Page, name: string | RegExp) => page.getByRole('group', { name });
const named = (level: string, label: string) => new RegExp(`^${level} ${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `);

test.describe('the topology of the demo fleet', () => {
  test('draws the fleet, every identity domain and every cloud', async ({ page }) => {
    await serveRuntimeConfig(page, { demo: true });
    await page.goto('/topology');
    await expect(page.getByRole('heading', { name: 'Topology', level: 1 })).toBeVisible();
    await expect(node(page, /^fleet: /)).toBeVisible();
    for (const cloud of demoClouds()) {
      await expect(node(page, named('cloud', cloud.name))).toBeVisible();
      await expect(node(page, named('identity domain', `${cloud.name}.sim.invalid`))).toBeVisible();
    }
  });

  test('opens a cloud, a region and a cell by click and by keyboard', async ({ page }) => {
    await serveRuntimeConfig(page, { demo: true });
    await page.goto('/topology');
    const regional = demoClouds().find((cloud) => cloud.kind === 'regional');
    const region = regional?.regions[0] as string;
    const core = node(page, named('cloud', regional?.name as string));
    await expect(core).toContainText('3 regions');
    await core.focus();
    await page.keyboard.press('Enter');
    for (const name of regional?.regions ?? []) await expect(node(page, named('region', name))).toBeVisible();
    await node(page, named('region', region)).click();
    await node(page, named('cell', 'c1')).click();
    await expect(node(page, named('site', `${region}a`))).toBeVisible();
    await expect(page.getByRole('complementary', { name: 'Topology details' })).toContainText('cell');
    await core.click();
    await expect(node(page, named('region', region))).toHaveCount(0);
  });

  test('a cloud that is down is failing up to the fleet; the healthy fleet is not', async ({ page }) => {
    await serveRuntimeConfig(page, { demo: { fleet: HEALTHY_FLEET } });
    await page.goto('/topology');
    await expect(node(page, 'cloud ams: ok')).toBeVisible();
    await expect(node(page, 'fleet: ok')).toBeVisible();

    await serveRuntimeConfig(page, { demo: { fleet: `${HEALTHY_FLEET},fault.ams=down` } });
    await page.goto('/topology');
    await expect(node(page, 'cloud ams: failing')).toBeVisible();
    await expect(node(page, 'identity domain ams.sim.invalid: failing')).toBeVisible();
    await expect(node(page, 'fleet: failing')).toBeVisible();
    await expect(node(page, 'cloud fra: ok')).toBeVisible();
    await expect(page.getByRole('status', { name: '1 of 4 clouds failing' })).toContainText('ams');
    await node(page, 'cloud ams: failing').click();
    await expect(page.getByRole('complementary', { name: 'Topology details' }).getByRole('alert')).toContainText('Cannot reach the API');
  });

  test('search flies to a host: it is shown, selected and focused', async ({ page }) => {
    await serveRuntimeConfig(page, { demo: true });
    await page.goto('/topology');
    const edge = demoClouds().find((cloud) => cloud.kind === 'edge');
    const host = `${edge?.sites[2]}-cmp-1`;
    await expect(node(page, /^fleet: /)).toBeVisible();
    await page.getByRole('searchbox', { name: 'Find site or host' }).fill(host);
    await page.getByRole('button', { name: 'Find' }).click();
    const target = node(page, named('host', host));
    await expect(target).toBeVisible();
    await expect(target).toBeFocused();
    await expect(target).toHaveClass(/selected/);
    await expect(page.getByRole('link', { name: 'Servers here' })).toHaveAttribute('href', new RegExp(`cloud=${edge?.name}.*q=${host}`));

    await page.getByRole('searchbox', { name: 'Find site or host' }).fill('no-such-host');
    await page.getByRole('button', { name: 'Find' }).click();
    await expect(page.getByRole('alert')).toContainText('No site or host matches “no-such-host”');
  });

  test('exports the current view as an SVG file', async ({ page }) => {
    await serveRuntimeConfig(page, { demo: true });
    await page.goto('/topology');
    await expect(node(page, /^fleet: /)).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG' }).click()]);
    expect(download.suggestedFilename()).toBe('archipelago-topology.svg');
    const svg = await readFile(await download.path(), 'utf8');
    expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    for (const cloud of demoClouds()) expect(svg).toContain(`>${cloud.name}</text>`);
  });
});
