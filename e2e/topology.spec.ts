import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { serveRuntimeConfig } from './fixtures/runtime-config.ts';
import { demoClouds } from './fixtures/sim-clouds.ts';
import { simServers } from './fixtures/sim-inventory.ts';

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
    // Opening the cell brought its sites into view; only cards in view are drawn, so back to the whole graph to reach the cloud.
    await page.getByRole('button', { name: 'Fit to view' }).click();
    await core.click();
    await expect(node(page, named('region', region))).toHaveCount(0);

    // The arrows walk the tree: Right opens, Right again goes to the first child, Left goes back up.
    await core.focus();
    await page.keyboard.press('ArrowRight');
    await expect(node(page, named('region', region))).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(node(page, named('region', region))).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(node(page, named('region', regional?.regions[1] as string))).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(core).toBeFocused();
    await expect(page).toHaveURL(/[?&]node=cloud%3A/);
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

    // The selection is in the URL: the link opens the graph down to the host again.
    await expect(page).toHaveURL(/[?&]node=host%3A/);
    await page.reload();
    await expect(node(page, named('host', host))).toHaveClass(/selected/);
    await expect(page.getByRole('complementary', { name: 'Topology details' })).toContainText(host);

    await page.getByRole('searchbox', { name: 'Find site or host' }).fill('no-such-host');
    await page.getByRole('button', { name: 'Find' }).click();
    await expect(page.getByRole('alert')).toContainText('No site or host matches “no-such-host”');
  });

  test('a host’s details list the servers running there, each opening in the inventory', async ({ page }) => {
    const facts = await simServers(HEALTHY_FLEET);
    const [first] = facts.filter((fact) => fact.host !== '');
    if (!first) throw new Error(`the fleet ${HEALTHY_FLEET} places no server`);
    const onHost = facts.filter((fact) => fact.cloud === first.cloud && fact.region === first.region && fact.host === first.host);
    const names = onHost.map((fact) => fact.name).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    await serveRuntimeConfig(page, { demo: { fleet: HEALTHY_FLEET } });
    const hostId = `host:${[first.cloud, first.region, first.host].map(encodeURIComponent).join('/')}`;
    await page.goto(`/topology?node=${encodeURIComponent(hostId)}`);

    const list = page.getByRole('complementary', { name: 'Topology details' }).getByRole('group', { name: 'Servers on this host' });
    await expect(list.getByRole('link')).toHaveText(names);
    await list.getByRole('link', { name: names[0] }).click();
    await expect(page).toHaveURL(/\/servers\?open=/);
    await expect(page.getByRole('complementary', { name: 'Server details' }).getByRole('heading', { level: 2 })).toHaveText(names[0] as string);
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

  test('a fleet of 1,000 clouds is drawn as one block of collapsed clouds, and the page answers while they load', async ({ page }) => {
    // The clouds answer only after 10–20 s: what is measured here is the console drawing 1,000 clouds, not the in-page simulator answering them.
    await serveRuntimeConfig(page, { demo: { fleet: 'sites=1000,servers=4,seed=7,latency=15000~5000' } });
    await page.goto('/topology');
    const block = page.getByRole('button', { name: /^1,000 Keystones.*: zoom in to see them$/ });
    await expect(block).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText('Waiting for 1000 of 1000 clouds; the graph fills in as they answer.')).toBeVisible();
    // Zoomed out, the block is a mosaic: the cards themselves are not in the page.
    await expect(page.locator('.react-flow__node-topology')).toHaveCount(1);

    await block.click();
    await expect(node(page, /^cloud \S+: loading$/).first()).toBeVisible();
    await page.getByRole('searchbox', { name: 'Find site or host' }).fill('ams-2');
    await page.getByRole('button', { name: 'Find' }).click();
    await expect(node(page, 'cloud ams-2: loading')).toBeFocused();
    await expect(page.getByText(/^Waiting for \d+ of 1000 clouds/)).toBeVisible();
  });
});
