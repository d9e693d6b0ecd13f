import { expect, test, type Page } from '@playwright/test';
import { stringify } from 'yaml';
import { LOOPBACK_FLEET } from './fixtures/loopback-fleet.ts';
import { serveRuntimeConfig } from './fixtures/runtime-config.ts';
import { cloudsYamlOf, loopbackClouds } from './fixtures/sim-clouds.ts';

const row = (page: Page, name: string) => page.getByRole('row', { name, exact: true });

async function storageText(page: Page): Promise<string> {
  return page.evaluate(() =>
    [window.localStorage, window.sessionStorage].flatMap((storage) => Object.keys(storage).map((key) => `${key}=${storage.getItem(key) ?? ''}`)).join('\n'),
  );
}

test('sign-out revokes every token at its Keystone, forgets every secret and cached answer, and stores nothing secret', async ({ page, request }) => {
  const clouds = loopbackClouds().filter((cloud) => cloud.name !== LOOPBACK_FLEET.downCloud);
  const regional = clouds.find((cloud) => cloud.kind === 'regional');
  const site = clouds.find((cloud) => cloud.kind === 'site');
  if (!regional || !site) throw new Error('the loopback fleet lacks a regional cloud or a healthy site');
  await serveRuntimeConfig(page, {});

  const issued = new Map<string, string>();
  const revoked: Array<{ url: string; subject?: string }> = [];
  page.on('response', (response) => {
    const token = response.headers()['x-subject-token'];
    if (token && response.request().method() === 'POST') issued.set(token, new URL(response.url()).origin);
  });
  page.on('request', (req) => {
    if (req.method() === 'DELETE' && req.url().endsWith('/v3/auth/tokens')) revoked.push({ url: req.url(), subject: req.headers()['x-subject-token'] });
  });

  await page.goto('/clouds');
  const yaml = stringify({
    clouds: {
      ...cloudsYamlOf([regional]),
      [site.name]: {
        auth_type: 'v3applicationcredential',
        auth: { auth_url: site.authUrl, application_credential_id: site.applicationCredentialId, application_credential_secret: site.applicationCredentialSecret },
      },
    },
  });
  await page.getByRole('textbox', { name: /clouds\.yaml/ }).fill(yaml);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  // Another project for the regional cloud: the token of the one it leaves must be revoked at sign-out too.
  const picker = row(page, regional.name).getByRole('combobox', { name: `Project of ${regional.name}` });
  await expect(picker.locator('option:checked')).toHaveText(regional.projectName);
  await picker.selectOption({ label: 'admin' });
  await expect(picker.locator('option:checked')).toHaveText('admin');
  // Every project of the regional cloud gets its own token: several tokens on one Keystone, one on the other.
  await page.getByRole('combobox', { name: 'Projects' }).selectOption({ label: 'All projects I can see' });
  await expect(row(page, regional.name).getByRole('list', { name: `Projects of ${regional.name}` }).getByText(/token expires in/).first()).toBeVisible();
  await expect(row(page, site.name).getByRole('list', { name: `Projects of ${site.name}` }).getByText(/token expires in/)).toHaveCount(1);
  await expect.poll(() => issued.size).toBeGreaterThanOrEqual(5);

  await page.getByRole('button', { name: 'Sign out' }).click();
  const notice = page.getByRole('status', { name: 'Signed out' });
  await expect(notice).toContainText(`${issued.size} tokens revoked at Keystone`);

  // Each token was revoked once, at the Keystone that issued it.
  expect(revoked.map((r) => r.subject).sort()).toEqual([...issued.keys()].sort());
  for (const { url, subject } of revoked) expect(new URL(url).origin).toBe(issued.get(subject ?? ''));
  // And Keystone refuses every one of them from now on.
  for (const [token, origin] of issued) {
    const cloud = clouds.find((c) => new URL(c.authUrl).origin === origin);
    const answer = await request.get(`${cloud?.authUrl ?? ''}/auth/projects`, { headers: { 'X-Auth-Token': token } });
    expect(answer.status()).toBe(401);
  }

  for (const cloud of [regional, site]) await expect(row(page, cloud.name).getByText('Sign-in needed', { exact: true })).toBeVisible();
  await expect(row(page, regional.name).getByRole('list', { name: `Projects of ${regional.name}` })).toHaveCount(0);
  const stored = await storageText(page);
  for (const secret of [regional.password, site.applicationCredentialSecret, ...issued.keys()]) expect(stored).not.toContain(secret);
  expect(await page.evaluate(() => window.sessionStorage.length)).toBe(0);

  // Signing in again is one password away, and needs no reload.
  await row(page, regional.name).getByLabel(/Password for/).fill(regional.password);
  await row(page, regional.name).getByLabel(/Password for/).press('Enter');
  await expect(row(page, regional.name).getByText('OK', { exact: true })).toBeVisible();
});
