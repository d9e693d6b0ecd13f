import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { LOOPBACK_FLEET } from './fixtures/loopback-fleet.ts';
import { PREVIEW_URL } from './fixtures/e2e-env.ts';
import { serveRuntimeConfig } from './fixtures/runtime-config.ts';
import { cloudsYamlOf, loopbackClouds } from './fixtures/sim-clouds.ts';

const PANEL_ORIGIN = new URL(PREVIEW_URL).origin;

interface Received {
  type: string;
  panel?: string;
  selection?: Record<string, unknown>;
}

/**
 * A portal: a real server on its own loopback port (so its own origin, and a
 * local one: Chromium lets only local pages frame a loopback address) whose
 * page frames the panel at the path after `#` and keeps every message the
 * panel sends it in `window.received`.
 */
function startPortal(): Promise<{ origin: string; close: () => void }> {
  const server = createServer((request, response) => {
    const html = `<!doctype html><html><head><title>Portal</title></head><body>
<h1>Portal</h1>
<iframe id="panel" title="Archipelago" style="width:900px;height:520px;border:0"></iframe>
<script>
  window.received = [];
  window.addEventListener('message', (event) => { if (event.origin === ${JSON.stringify(PANEL_ORIGIN)}) window.received.push(event.data); });
  window.sendToPanel = (message) => document.getElementById('panel').contentWindow.postMessage(message, ${JSON.stringify(PANEL_ORIGIN)});
  document.getElementById('panel').src = ${JSON.stringify(PREVIEW_URL)} + location.hash.slice(1);
</script></body></html>`;
    response.writeHead(request.url === '/' ? 200 : 404, { 'content-type': 'text/html' }).end(request.url === '/' ? html : '');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => server.close() });
    });
  });
}

async function openHost(page: Page, origin: string, panelPath: string): Promise<void> {
  await page.goto(`${origin}/#${panelPath}`);
}

const received = (page: Page) => page.evaluate(() => (window as unknown as { received: Received[] }).received);
const send = (page: Page, message: unknown) => page.evaluate((m) => (window as unknown as { sendToPanel: (m: unknown) => void }).sendToPanel(m), message);

const clouds = loopbackClouds().filter((cloud) => cloud.name !== LOOPBACK_FLEET.downCloud);

test.describe('embedded panels', () => {
  let portal: Awaited<ReturnType<typeof startPortal>>;
  let stranger: Awaited<ReturnType<typeof startPortal>>;
  let HOST = '';
  let STRANGER = '';
  let config = {};
  test.beforeAll(async () => {
    portal = await startPortal();
    stranger = await startPortal();
    HOST = portal.origin;
    STRANGER = stranger.origin;
    config = { clouds: cloudsYamlOf(clouds), embed: { allowedOrigins: [HOST] } };
  });
  test.afterAll(() => {
    portal.close();
    stranger.close();
  });

  test('the servers panel takes filters and a theme from its host and tells it what was selected', async ({ page }) => {
    const target = clouds.find((cloud) => cloud.kind === 'site');
    if (!target) throw new Error('the loopback fleet has no site cloud');
    await serveRuntimeConfig(page, config);
    await openHost(page, HOST, '/embed/servers');
    const panel = page.frameLocator('#panel');

    await expect.poll(async () => (await received(page)).map((message) => message.type)).toContain('archipelago:ready');
    await expect(panel.getByRole('heading', { level: 1, name: 'Servers' })).toBeVisible();
    await expect(panel.getByRole('navigation')).toHaveCount(0);
    const grid = panel.getByRole('grid', { name: 'Servers' });
    await expect(grid.getByRole('row').nth(1)).toBeVisible();
    await expect(panel.locator('html')).not.toHaveClass(/dark/);

    await send(page, { type: 'archipelago:set-filters', filters: { cloud: target.name } });
    await expect(panel.getByRole('status', { name: 'Matching servers' })).toContainText(/ of \d+ servers match/);
    const cloudCells = grid.getByRole('row').locator('td:nth-child(3)');
    await expect(cloudCells.first()).toHaveText(target.name);
    expect(new Set(await cloudCells.allTextContents())).toEqual(new Set([target.name]));

    await send(page, { type: 'archipelago:set-theme', theme: 'dark' });
    await expect(panel.locator('html')).toHaveClass(/dark/);

    const row = grid.getByRole('row').nth(1);
    const name = (await row.locator('td').first().textContent()) ?? '';
    await row.click();
    await expect.poll(async () => (await received(page)).find((message) => message.type === 'archipelago:selection')).toMatchObject({
      panel: 'servers',
      selection: { kind: 'server', cloud: target.name, name },
    });
  });

  test('the topology panel reports the node the operator picked', async ({ page }) => {
    const target = clouds[0];
    if (!target) throw new Error('the loopback fleet is empty');
    await serveRuntimeConfig(page, config);
    await openHost(page, HOST, '/embed/topology?theme=dark');
    const panel = page.frameLocator('#panel');
    await expect(panel.locator('html')).toHaveClass(/dark/);
    const node = panel.getByRole('group', { name: new RegExp(`^cloud ${target.name}: `) });
    await node.click();
    await expect.poll(async () => (await received(page)).find((message) => message.type === 'archipelago:selection')).toMatchObject({
      panel: 'topology',
      selection: { kind: 'node', level: 'cloud', label: target.name, place: { cloud: target.name } },
    });
    await expect(panel.getByRole('group', { name: new RegExp(`^region ${target.regions[0]}: `) })).toBeVisible();
  });

  test('a page on an origin that is not allowed can frame the panel but neither steer it nor hear from it', async ({ page }) => {
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await serveRuntimeConfig(page, config);
    await openHost(page, STRANGER, '/embed/servers');
    const panel = page.frameLocator('#panel');
    await expect(panel.getByRole('grid', { name: 'Servers' }).getByRole('row').nth(1)).toBeVisible();

    await send(page, { type: 'archipelago:set-theme', theme: 'dark', note: 'top-secret-body' });
    await send(page, { type: 'archipelago:set-filters', filters: { cloud: 'no-such-cloud' } });
    await expect.poll(() => warnings.filter((warning) => warning.includes(`ignored a message from ${STRANGER}`)).length).toBe(2);
    expect(warnings.join('\n')).not.toContain('top-secret-body');
    expect(warnings.join('\n')).not.toContain('no-such-cloud');
    await expect(panel.locator('html')).not.toHaveClass(/dark/);
    await expect(panel.getByRole('status', { name: 'Matching servers' })).not.toContainText('match');
    expect(await received(page)).toEqual([]);
  });

  test('an unknown panel says which exist, and its name stays inert', async ({ page }) => {
    await serveRuntimeConfig(page, config);
    await page.goto('/embed/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    await expect(page.getByRole('status', { name: 'No such panel' })).toContainText('servers, topology, health, parity');
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
  });
});
