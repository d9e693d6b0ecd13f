import { expect, test } from '@playwright/test';
import { BUILD_DIR, NGINX_PORT } from '../e2e/fixtures/e2e-env.ts';
import { startNginx, type RunningNginx } from '../e2e/fixtures/nginx-proxy.ts';
import { catalogOrigins, labA, labB, labRuntimeClouds, assertAvailable } from './fixtures/lab.ts';
import { expectServers, expectSignedIn, type ShownCloud } from './fixtures/lab-views.ts';

const PROXY_BASE = '/os-proxy';
const CLOUDS: ShownCloud[] = [
  { name: 'lab-a', cloud: labA },
  { name: 'lab-b', cloud: labB },
];
const NEEDS = ['keystone-a', 'keystone-b', 'catalog-a', 'catalog-b', 'nova', 'nova-api', 'nova-conductor', 'seed:lab-a', 'seed:lab-b', 'seed:servers', 'seed:application_credential'];
/** Every origin of the lab, allowed or not: the browser must call none of them. */
const LAB_ORIGINS = new Set([...catalogOrigins(labA), ...catalogOrigins(labB)]);

// One nginx for the file: the tests share its port.
test.describe.configure({ mode: 'serial' });

test.describe('the console behind the generated nginx config, reaching the real lab through the same-origin proxy', () => {
  test.beforeAll(() => assertAvailable(NEEDS));
  let nginx: RunningNginx;

  test.beforeAll(async () => {
    nginx = await startNginx({
      buildDir: BUILD_DIR,
      port: NGINX_PORT,
      runtimeConfig: {
        clouds: labRuntimeClouds(),
        // Unlike the simulator, a real cloud serves each service on its own port: every catalog origin is listed.
        proxy: {
          basePath: PROXY_BASE,
          clouds: CLOUDS.map((c) => c.name),
          upstreams: Object.fromEntries(CLOUDS.map(({ name, cloud }) => [name, catalogOrigins(cloud)])),
        },
      },
    });
  });

  test.afterAll(async () => {
    await nginx?.stop();
  });

  test.use({ ignoreHTTPSErrors: true });

  test('signs in to both clouds and lists the lab’s servers, never calling a lab origin from the browser', async ({ page }) => {
    const direct: string[] = [];
    page.on('request', (request) => {
      if (LAB_ORIGINS.has(new URL(request.url()).origin)) direct.push(request.url());
    });
    await page.goto(`${nginx.origin}/clouds`);
    await expectSignedIn(page, CLOUDS);
    await page.getByRole('link', { name: 'Servers', exact: true }).click();
    await expectServers(page, CLOUDS);
    expect(direct).toEqual([]);
  });

  test('forwards only to the listed upstreams of each cloud', async ({ request }) => {
    const path = (cloud: string, origin: string, rest: string) => {
      const url = new URL(origin);
      return `${nginx.origin}${PROXY_BASE}/${cloud}/${url.protocol.replace(':', '')}/${url.hostname}/${url.port}${rest}`;
    };
    const keystoneA = new URL(labA.auth_url).origin;
    expect((await request.get(path('lab-a', keystoneA, '/v3'))).status()).toBe(200);
    for (const url of [
      // lab-b's allowlist has no Nova of lab-a: one cloud's route never reaches another's service.
      path('lab-b', new URL(labA.services['compute']?.url ?? keystoneA).origin, '/'),
      // Another cloud's Keystone, through lab-a's route.
      path('lab-a', new URL(labB.auth_url).origin, '/v3'),
      path('lab-a', 'https://example.com:443', '/'),
      path('not-a-cloud', keystoneA, '/v3'),
    ]) {
      const refused = await request.get(url);
      expect(refused.status(), url).toBe(403);
    }
  });
});
