import { createServer, type Server } from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import { BUILD_DIR, NGINX_PORT } from './fixtures/e2e-env.ts';
import { LOOPBACK_FLEET } from './fixtures/loopback-fleet.ts';
import { startNginx, type RunningNginx } from './fixtures/nginx-proxy.ts';
import { cloudsYamlOf, loopbackClouds } from './fixtures/sim-clouds.ts';

const clouds = loopbackClouds().filter((cloud) => cloud.name !== LOOPBACK_FLEET.downCloud);
/**
 * Two portals, real servers on loopback like the console: Chromium's Local
 * Network Access checks refuse a frame from a page it cannot place on the
 * network, which would hide what frame-ancestors does.
 */
const PORTAL_PORT = NGINX_PORT + 2;
const FOREIGN_PORT = NGINX_PORT + 3;
const PORTAL = `http://127.0.0.1:${PORTAL_PORT}`;
const FOREIGN = `http://127.0.0.1:${FOREIGN_PORT}`;

/** A page that frames the servers panel of the console at `consoleOrigin`. */
function startHostPage(port: number, consoleOrigin: string): Promise<Server> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end(`<!doctype html><title>portal</title><iframe title="panel" src="${consoleOrigin}/embed/servers"></iframe>`);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

// One nginx for the file, on a port of its own beside the proxy spec's.
test.describe.configure({ mode: 'serial' });

/** Every CSP violation the page reports, from the DOM event and from the console. */
async function recordViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction('__reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      void report(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return violations;
}

function directive(policy: string, name: string): string | undefined {
  return policy
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name} `));
}

test.describe('the production build behind the generated nginx config, under its Content-Security-Policy', () => {
  let nginx: RunningNginx;
  let hosts: Server[] = [];

  test.beforeAll(async () => {
    nginx = await startNginx({
      buildDir: BUILD_DIR,
      port: NGINX_PORT + 1,
      runtimeConfig: {
        clouds: cloudsYamlOf(clouds),
        proxy: { basePath: '/os-proxy', clouds: clouds.map((cloud) => cloud.name) },
        embed: { allowedOrigins: [PORTAL] },
      },
    });
    hosts = await Promise.all([startHostPage(PORTAL_PORT, nginx.origin), startHostPage(FOREIGN_PORT, nginx.origin)]);
  });

  test.afterAll(async () => {
    for (const host of hosts) host.close();
    await nginx?.stop();
  });

  test.use({ ignoreHTTPSErrors: true });

  test('sends a strict policy on the app, its assets and its error pages: no inline script, connect-src self, framing by the portal only', async ({ request }) => {
    const index = await request.get(`${nginx.origin}/servers`);
    const html = await index.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] ?? '';
    const refused = await request.get(`${nginx.origin}/os-proxy/not-a-cloud/http/127.0.0.1/1/`);
    expect(refused.status()).toBe(403);
    for (const response of [index, await request.get(`${nginx.origin}${asset}`), refused]) {
      const policy = response.headers()['content-security-policy'] ?? '';
      expect(directive(policy, 'script-src'), response.url()).toBe("script-src 'self'");
      expect(directive(policy, 'style-src'), response.url()).toBe("style-src 'self'");
      expect(directive(policy, 'connect-src'), response.url()).toBe("connect-src 'self'");
      expect(directive(policy, 'object-src'), response.url()).toBe("object-src 'none'");
      expect(directive(policy, 'frame-ancestors'), response.url()).toBe(`frame-ancestors 'self' ${PORTAL}`);
      expect(policy, response.url()).not.toContain('unsafe-');
    }
  });

  test('runs every view with its workers and signs in to every cloud with no policy violation', async ({ page }) => {
    const violations = await recordViolations(page);
    await page.goto(`${nginx.origin}/clouds`);
    for (const cloud of clouds) await expect(page.getByRole('row', { name: cloud.name, exact: true }).getByText('OK', { exact: true })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Servers' }).click();
    await expect(page.getByLabel('Inventory summary')).toHaveText(new RegExp(`servers in ${clouds.length} clouds$`));
    // The topology lays out in a Web Worker: worker-src must let it start.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Topology' }).click();
    await expect(page.getByRole('group', { name: new RegExp(`^cloud ${clouds[0]?.name}\\b`) })).toBeVisible({ timeout: 20_000 });
    await page.goto(`${nginx.origin}/wall`);
    await expect(page.getByRole('group', { name: `Clouds: ${clouds.length}`, exact: true })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test('lets the allowlisted portal frame a panel and stops any other site from framing it', async ({ page }) => {
    await page.goto(`${PORTAL}/host.html`);
    await expect(page.frameLocator('iframe[title="panel"]').getByRole('heading', { level: 1, name: 'Servers' })).toBeVisible();

    const refusals: string[] = [];
    page.on('console', (message) => {
      if (/frame-ancestors/.test(message.text())) refusals.push(message.text());
    });
    await page.goto(`${FOREIGN}/host.html`);
    await expect.poll(() => refusals.length).toBeGreaterThan(0);
    await expect(page.frameLocator('iframe[title="panel"]').getByRole('heading', { level: 1, name: 'Servers' })).toHaveCount(0);
  });
});
