import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serveRuntimeConfig } from '../e2e/fixtures/runtime-config.ts';

/**
 * The browser sign-in against the real lab: oidc-provider's login page, then
 * Keystone lab-a's OS-FEDERATION behind Apache. Names and ports come from the
 * lab's lab.json (scripts/openstack-lab/README.md), never from this file.
 */
interface LabFederation {
  cloud: string;
  issuer: string;
  client_id: string;
  keystone_auth_url: string;
  identity_provider: string;
  protocol: string;
  federated_domain: string;
  projects: string[];
}

function labFederation(): { federation: LabFederation; regions: string[]; plainAuthUrl: string } {
  const path = join(process.env.ARCHIPELAGO_LAB_DIR ?? '/tmp/archipelago-lab', 'lab.json');
  const lab = JSON.parse(readFileSync(path, 'utf8')) as { federation?: LabFederation; clouds: Record<string, { regions: string[]; auth_url: string }> };
  if (!lab.federation) throw new Error(`${path} has no "federation" section: the lab runs without its OpenID provider (ARCHIPELAGO_LAB_OIDC=0?)`);
  const cloud = lab.clouds[lab.federation.cloud];
  if (!cloud) throw new Error(`${path} does not describe the federated cloud ${lab.federation.cloud}`);
  return { federation: lab.federation, regions: cloud.regions, plainAuthUrl: cloud.auth_url };
}

const { federation, regions, plainAuthUrl } = labFederation();
/** The same Keystone without the Apache front that validates OIDC tokens: it must refuse the exchange, alone. */
const UNFRONTED = `${federation.cloud}-without-oidc-front`;
const USER = 'demo-oidc';
const HOST = new URL(federation.issuer).host;

const CONFIG = {
  oidc: { issuer: federation.issuer, clientId: federation.client_id },
  clouds: {
    [federation.cloud]: {
      auth_type: 'v3oidcbrowser',
      auth: { auth_url: federation.keystone_auth_url, identity_provider: federation.identity_provider, protocol: federation.protocol },
    },
    [UNFRONTED]: {
      auth_type: 'v3oidcbrowser',
      auth: { auth_url: plainAuthUrl, identity_provider: federation.identity_provider, protocol: federation.protocol },
    },
  },
};

/** From the console's button through the provider's login page and back to `path`. */
async function signIn(page: Page, path: string): Promise<void> {
  await page.getByRole('region', { name: 'OIDC sign-in' }).getByRole('button', { name: `Sign in with ${HOST}` }).click();
  // oidc-provider's development login: any login, any password.
  await page.waitForURL(`${federation.issuer}/**`);
  await page.locator('input[name="login"]').fill(USER);
  await page.locator('input[name="password"]').fill('any-password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  // The lab's provider grants the console without a consent screen; another provider may ask once.
  const consent = page.getByRole('button', { name: /^(continue|authorize|allow|yes)/i });
  // Back where the sign-in started, with the code and state gone from the address bar.
  const back = page.waitForURL((url) => `${url.pathname}${url.search}` === path);
  await Promise.race([back, consent.click().catch(() => undefined)]);
  await back;
}

test('one OIDC login signs the federated lab cloud in, with no Keystone password and no token in storage', async ({ page }) => {
  await serveRuntimeConfig(page, CONFIG);
  let accessToken: string | undefined;
  page.on('response', async (response) => {
    if (response.url() === `${federation.issuer}/token` && response.ok()) accessToken = ((await response.json()) as { access_token: string }).access_token;
  });

  await page.goto('/clouds?view=federated');
  const row = page.getByRole('row', { name: federation.cloud, exact: true });
  await expect(row).toContainText('Sign-in needed');
  await signIn(page, '/clouds?view=federated');

  await expect(row).toContainText('OK', { timeout: 20_000 });
  const regionList = page.getByRole('list', { name: `Regions of ${federation.cloud}` });
  for (const region of regions) await expect(regionList).toContainText(region);
  await expect(row).toContainText(`${USER}@${federation.federated_domain}`);
  await expect(row).toContainText(federation.projects[0] ?? 'demo');
  await expect(page.getByRole('region', { name: 'OIDC sign-in' })).toContainText(`Signed in at ${HOST} as ${USER}`);
  // The same token, refused by a Keystone that cannot validate it: that cloud alone says so.
  const refused = page.getByRole('row', { name: UNFRONTED, exact: true });
  await expect(refused).toContainText('Sign-in rejected');
  await expect(refused).toContainText('HTTP 401');

  // DESIGN rule 7: the access token lives in memory only.
  if (!accessToken) throw new Error('the browser never got an access token from the token endpoint');
  const stored = await page.evaluate(() =>
    JSON.stringify([localStorage, sessionStorage].map((storage) => Object.fromEntries(Object.keys(storage).map((key) => [key, storage.getItem(key)])))),
  );
  expect(stored).not.toContain(accessToken);
  expect(stored).not.toMatch(/access_token|id_token|eyJ/);
});

test('when the access token expires, the federated clouds ask for the sign-in again', async ({ page }) => {
  await serveRuntimeConfig(page, CONFIG);
  // The provider's real answer with a short lifetime, so the expiry comes within the test.
  await page.route(`${federation.issuer}/token`, async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as Record<string, unknown>;
    await route.fulfill({ response, json: { ...body, expires_in: 6 } });
  });

  await page.goto('/clouds');
  await signIn(page, '/clouds');
  const row = page.getByRole('row', { name: federation.cloud, exact: true });
  await expect(row).toContainText('OK', { timeout: 20_000 });
  await expect(row).toContainText('Sign-in needed', { timeout: 15_000 });
  await expect(row.getByRole('button', { name: `Sign in with ${HOST}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'OIDC sign-in' })).toContainText(`The sign-in of ${USER} at ${HOST} expired`);
});
