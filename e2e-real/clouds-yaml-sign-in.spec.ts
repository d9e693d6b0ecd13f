import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { stringify } from 'yaml';
import { serveRuntimeConfig } from '../e2e/fixtures/runtime-config.ts';
import { labA, labB, labRuntimeClouds, assertAvailable } from './fixtures/lab.ts';

/**
 * The operator's own clouds.yaml against the real lab: pasted on /clouds,
 * lab-a by password and lab-b by application credential (the entries of the
 * lab's clouds.yaml, read at run time: no secret lives in this file).
 */
const SHOWN = [
  { name: 'lab-a', cloud: labA },
  { name: 'lab-b', cloud: labB },
];
const NEEDS = ['keystone-a', 'keystone-b', 'catalog-a', 'catalog-b', 'seed:lab-a', 'seed:lab-b', 'seed:application_credential'];

const row = (page: Page, name: string) => page.getByRole('row', { name, exact: true });

async function storageText(page: Page): Promise<string> {
  return page.evaluate(() =>
    [window.localStorage, window.sessionStorage].flatMap((storage) => Object.keys(storage).map((key) => `${key}=${storage.getItem(key) ?? ''}`)).join('\n'),
  );
}

test.describe('a pasted clouds.yaml on the real lab', () => {
  test.beforeAll(() => assertAvailable(NEEDS));

  test('signs in to both Keystones with their regions and projects, one token per project, and sign-out revokes them all', async ({ page, request }) => {
    const clouds = labRuntimeClouds();
    const secrets = JSON.stringify(clouds).match(/"(password|application_credential_secret)":"[^"]+"/g)?.map((pair) => pair.split('":"')[1]?.slice(0, -1) ?? '') ?? [];
    expect(secrets).toHaveLength(2);
    const issued = new Map<string, string>();
    const revoked: Array<{ url: string; subject?: string; status?: number }> = [];
    page.on('response', (response) => {
      const token = response.headers()['x-subject-token'];
      if (token && response.request().method() === 'POST') issued.set(token, new URL(response.url()).origin);
      if (response.request().method() === 'DELETE' && response.url().endsWith('/v3/auth/tokens')) {
        revoked.push({ url: response.url(), subject: response.request().headers()['x-subject-token'], status: response.status() });
      }
    });
    await serveRuntimeConfig(page, {});

    await page.goto('/clouds');
    await page.getByRole('textbox', { name: /clouds\.yaml/ }).fill(stringify({ clouds }));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('status', { name: 'Imported 2 clouds' })).toContainText('lab-a, lab-b');

    for (const { name, cloud } of SHOWN) {
      await expect(row(page, name).getByText('OK', { exact: true })).toBeVisible();
      const regions = row(page, name).getByRole('list', { name: `Regions of ${name}` });
      await expect(regions.getByRole('listitem')).toHaveCount(cloud.regions.length);
      for (const region of cloud.regions) await expect(regions).toContainText(region);
      await expect(row(page, name).getByRole('cell', { name: cloud.credentials.demo.project_name, exact: true })).toBeVisible();
      await expect(row(page, name)).toContainText(/expires in/);
    }
    expect(labA.regions).toEqual(expect.arrayContaining(['RegionOne', 'RegionTwo', 'edge-1']));

    // Every project demo may use, each with a token of its own.
    await page.getByRole('combobox', { name: 'Projects' }).selectOption({ label: 'All projects I can see' });
    for (const { name, cloud } of SHOWN) {
      const projects = row(page, name).getByRole('list', { name: `Projects of ${name}` });
      await expect(projects.getByRole('listitem').filter({ hasText: cloud.credentials.demo.project_name })).toContainText(/token expires in/);
    }

    const stored = await storageText(page);
    expect(stored).toContain('lab-a');
    for (const secret of [...secrets, ...issued.keys()]) expect(stored).not.toContain(secret);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('status', { name: 'Signed out' })).toContainText('tokens revoked at Keystone');
    await expect.poll(() => revoked.length).toBe(issued.size);
    expect(revoked.map((r) => r.subject).sort()).toEqual([...issued.keys()].sort());
    for (const { url, subject, status } of revoked) {
      expect(new URL(url).origin).toBe(issued.get(subject ?? ''));
      expect(status).toBe(204);
    }
    // Real Keystone refuses each of them from now on.
    for (const [token, origin] of issued) {
      const authUrl = SHOWN.find(({ cloud }) => new URL(cloud.auth_url).origin === origin)?.cloud.auth_url ?? '';
      expect((await request.get(`${authUrl}/auth/projects`, { headers: { 'X-Auth-Token': token } })).status()).toBe(401);
    }
    for (const { name } of SHOWN) await expect(row(page, name).getByText('Sign-in needed', { exact: true })).toBeVisible();
  });
});

/** The lab's OpenID provider and the Keystone federated to it, from lab.json. */
interface LabFederation {
  cloud: string;
  issuer: string;
  client_id: string;
  keystone_auth_url: string;
  identity_provider: string;
  protocol: string;
}

function labFederation(): LabFederation {
  const path = join(process.env.ARCHIPELAGO_LAB_DIR ?? '/tmp/archipelago-lab', 'lab.json');
  const { federation } = JSON.parse(readFileSync(path, 'utf8')) as { federation?: LabFederation };
  if (!federation) throw new Error(`${path} has no "federation" section: the lab runs without its OpenID provider (ARCHIPELAGO_LAB_OIDC=0?)`);
  return federation;
}

test.describe('sign-out after the OIDC sign-in, on the real lab', () => {
  test('revokes the federated Keystone token and the access token at the provider', async ({ page, request }) => {
    const federation = labFederation();
    const host = new URL(federation.issuer).host;
    await serveRuntimeConfig(page, {
      oidc: { issuer: federation.issuer, clientId: federation.client_id },
      clouds: {
        [federation.cloud]: {
          auth_type: 'v3oidcbrowser',
          auth: { auth_url: federation.keystone_auth_url, identity_provider: federation.identity_provider, protocol: federation.protocol },
        },
      },
    });
    let accessToken: string | undefined;
    const keystoneTokens = new Set<string>();
    const revokedAtKeystone: string[] = [];
    const revokedAtProvider: number[] = [];
    page.on('response', async (response) => {
      const method = response.request().method();
      if (response.url() === `${federation.issuer}/token` && response.ok()) accessToken = ((await response.json()) as { access_token: string }).access_token;
      if (response.url().startsWith(`${federation.issuer}/token/revocation`)) revokedAtProvider.push(response.status());
      const token = response.headers()['x-subject-token'];
      if (token && method !== 'DELETE') keystoneTokens.add(token);
      if (method === 'DELETE' && response.url().endsWith('/v3/auth/tokens') && response.status() === 204) {
        revokedAtKeystone.push(response.request().headers()['x-subject-token'] ?? '');
      }
    });

    await page.goto('/clouds');
    await page.getByRole('region', { name: 'OIDC sign-in' }).getByRole('button', { name: `Sign in with ${host}` }).click();
    await page.waitForURL(`${federation.issuer}/**`);
    await page.locator('input[name="login"]').fill('demo-oidc');
    await page.locator('input[name="password"]').fill('any-password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    const consent = page.getByRole('button', { name: /^(continue|authorize|allow|yes)/i });
    const back = page.waitForURL((url) => url.pathname === '/clouds');
    await Promise.race([back, consent.click().catch(() => undefined)]);
    await back;
    const cloudRow = row(page, federation.cloud);
    await expect(cloudRow.getByText('OK', { exact: true })).toBeVisible({ timeout: 20_000 });

    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    const notice = page.getByRole('status', { name: 'Signed out' });
    await expect(notice).toContainText(/token(s)? revoked at Keystone/);
    await expect(cloudRow.getByText('Sign-in needed', { exact: true })).toBeVisible();
    // Every Keystone token the exchange produced (the unscoped one and the project's) is revoked, and refused from now on.
    await expect.poll(() => [...revokedAtKeystone].sort()).toEqual([...keystoneTokens].sort());
    for (const token of keystoneTokens) {
      expect((await request.get(`${federation.keystone_auth_url}/auth/projects`, { headers: { 'X-Auth-Token': token } })).status()).toBe(401);
    }

    // The access token was offered to the provider's revocation endpoint, and the notice tells its answer truthfully:
    // a provider that issues JWT access tokens (as the lab's does) cannot revoke them, and says so.
    await expect.poll(() => revokedAtProvider.length).toBe(1);
    if (!accessToken) throw new Error('the browser never got an access token from the token endpoint');
    if (revokedAtProvider[0] === 200) {
      await expect(notice).toContainText('The OIDC access token was revoked at the provider.');
      const exchange = `${federation.keystone_auth_url}/OS-FEDERATION/identity_providers/${federation.identity_provider}/protocols/${federation.protocol}/auth`;
      expect((await request.get(exchange, { headers: { Authorization: `Bearer ${accessToken}` } })).status()).toBe(401);
    } else {
      await expect(notice).toContainText(`${federation.issuer} did not revoke the access token: `);
    }
  });
});
