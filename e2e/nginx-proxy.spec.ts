import { expect, test } from '@playwright/test';
import { BUILD_DIR, NGINX_PORT } from './fixtures/e2e-env.ts';
import { LOOPBACK_FLEET } from './fixtures/loopback-fleet.ts';
import { startNginx, type RunningNginx } from './fixtures/nginx-proxy.ts';
import { cloudsYamlOf, loopbackClouds } from './fixtures/sim-clouds.ts';

const PROXY_BASE = '/os-proxy';
const clouds = loopbackClouds().filter((cloud) => cloud.name !== LOOPBACK_FLEET.downCloud);

// One nginx for the file: the tests share its port.
test.describe.configure({ mode: 'serial' });

test.describe('the console behind the generated nginx config, reaching clouds through the same-origin proxy', () => {
  let nginx: RunningNginx;

  test.beforeAll(async () => {
    nginx = await startNginx({
      buildDir: BUILD_DIR,
      port: NGINX_PORT,
      runtimeConfig: {
        clouds: cloudsYamlOf(clouds),
        // Every simulated cloud serves all its services on its auth_url's origin, so that origin is the whole allowlist.
        proxy: { basePath: PROXY_BASE, clouds: clouds.map((cloud) => cloud.name) },
      },
    });
  });

  test.afterAll(async () => {
    await nginx?.stop();
  });

  test.use({ ignoreHTTPSErrors: true });

  test('signs in to every cloud through the proxy, never calling a cloud origin from the browser', async ({ page }) => {
    const cloudOrigins = new Set(clouds.map((cloud) => new URL(cloud.authUrl).origin));
    const offOrigin: string[] = [];
    page.on('request', (request) => {
      if (cloudOrigins.has(new URL(request.url()).origin)) offOrigin.push(request.url());
    });
    const response = await page.goto(`${nginx.origin}/clouds`);
    expect(response?.headers()['content-type']).toContain('text/html');
    for (const cloud of clouds) {
      const row = page.getByRole('row', { name: cloud.name, exact: true });
      await expect(row.getByText('OK', { exact: true })).toBeVisible();
      for (const region of cloud.regions) await expect(row.getByRole('list', { name: `Regions of ${cloud.name}` })).toContainText(region);
    }
    expect(offOrigin).toEqual([]);
  });

  test('serves over HTTP/2', async ({ page }) => {
    const response = await page.goto(`${nginx.origin}/clouds`);
    const protocol = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).nextHopProtocol);
    expect(response?.ok()).toBe(true);
    expect(protocol).toBe('h2');
  });

  test('refuses any upstream that is not on the allowlist', async ({ request }) => {
    const [cloud] = clouds;
    const allowed = await request.get(`${nginx.origin}${PROXY_BASE}/${cloud?.name}/http/127.0.0.1/${new URL(cloud?.authUrl ?? '').port}/identity/v3`);
    expect(allowed.status()).toBe(200);
    for (const path of [
      `${PROXY_BASE}/${cloud?.name}/http/127.0.0.1/22/`,
      `${PROXY_BASE}/${cloud?.name}/https/example.com/443/`,
      `${PROXY_BASE}/not-a-cloud/http/127.0.0.1/${new URL(cloud?.authUrl ?? '').port}/identity/v3`,
      `${PROXY_BASE}/${cloud?.name}/http/127.0.0.1/${new URL(cloud?.authUrl ?? '').port}/../../../etc/passwd`,
    ]) {
      const refused = await request.get(`${nginx.origin}${path}`);
      expect(refused.status(), path).toBeGreaterThanOrEqual(400);
      expect(refused.status(), path).not.toBe(200);
    }
  });
});
