import { readFile } from 'node:fs/promises';
import { expect, test, type Page, type Request } from '@playwright/test';
import { stringify } from 'yaml';
import { LOOPBACK_FLEET } from './fixtures/loopback-fleet.ts';
import { serveRuntimeConfig } from './fixtures/runtime-config.ts';
import { cloudsYamlOf, loopbackClouds } from './fixtures/sim-clouds.ts';

/** The loopback fleet: a regional cloud and sites, each with its own Keystone; one site is down. */
const clouds = loopbackClouds();
const [regional, ...sites] = [...clouds.filter((cloud) => cloud.kind === 'regional'), ...clouds.filter((cloud) => cloud.kind === 'site')];
const appCredentialSite = sites.find((cloud) => cloud.name !== LOOPBACK_FLEET.downCloud);

function sessionYaml(): string {
  if (!regional || !appCredentialSite) throw new Error('the loopback fleet lacks a regional cloud or a healthy site');
  const byPassword = clouds.filter((cloud) => cloud !== appCredentialSite);
  return stringify({
    clouds: {
      ...cloudsYamlOf(byPassword),
      [appCredentialSite.name]: {
        auth_type: 'v3applicationcredential',
        auth: {
          auth_url: appCredentialSite.authUrl,
          application_credential_id: appCredentialSite.applicationCredentialId,
          application_credential_secret: appCredentialSite.applicationCredentialSecret,
        },
      },
    },
  });
}

/** Everything the page keeps: both Web Storages and every record of every IndexedDB store. */
async function everythingStored(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts = [window.localStorage, window.sessionStorage].flatMap((storage) => Object.keys(storage).map((key) => `${key}=${storage.getItem(key) ?? ''}`));
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name as string);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const records = await new Promise<unknown[]>((resolve, reject) => {
          const all = db.transaction(store, 'readonly').objectStore(store).getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error);
        });
        parts.push(`${info.name}/${store}=${JSON.stringify(records)}`);
      }
      db.close();
    }
    return parts.join('\n');
  });
}

test.describe('secrets in a session across several clouds', () => {
  test('each token goes only to the cloud that issued it, and no secret is kept, shown, logged, put in a URL or exported', async ({ page }) => {
    test.setTimeout(60_000);
    const sent: Array<Promise<{ url: string; token?: string }>> = [];
    const issuedBy = new Map<string, string>();
    const console: string[] = [];
    const urls: string[] = [];
    page.on('request', (request: Request) => {
      urls.push(request.url());
      sent.push(request.allHeaders().then((headers) => ({ url: request.url(), token: headers['x-auth-token'] })));
    });
    page.on('response', (response) => {
      const token = response.headers()['x-subject-token'];
      if (token) issuedBy.set(token, new URL(response.url()).origin);
    });
    page.on('console', (message) => console.push(message.text()));
    page.on('pageerror', (error) => console.push(error.message));
    page.on('framenavigated', (frame) => urls.push(frame.url()));
    await serveRuntimeConfig(page, {});

    await page.goto('/clouds');
    await page.getByRole('textbox', { name: /clouds\.yaml/ }).fill(sessionYaml());
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    for (const cloud of clouds) {
      const state = cloud.name === LOOPBACK_FLEET.downCloud ? 'Failing' : 'OK';
      await expect(page.getByRole('row', { name: cloud.name, exact: true }).getByText(state, { exact: true })).toBeVisible();
    }
    const errorReports = [await page.getByRole('alert').allInnerTexts()];
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Servers' }).click();
    await expect(page.getByLabel('Inventory summary')).toHaveText(new RegExp(`servers in ${clouds.length} clouds; 1 cloud failing$`));
    errorReports.push(await page.getByRole('alert').allInnerTexts());
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Topology' }).click();
    await expect(page.getByRole('group', { name: new RegExp(`^cloud ${regional?.name}: `) })).toBeVisible({ timeout: 20_000 });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clouds' }).click();
    await page.getByRole('button', { name: 'Export clouds.yaml' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download' }).click();
    const exported = await readFile(await (await download).path(), 'utf8');
    expect(exported).toContain(`auth_url: ${regional?.authUrl}`);

    // Tokens: each one issued by one cloud's Keystone and sent to that cloud's origin only.
    const requests = await Promise.all(sent);
    const withToken = requests.filter((request) => request.token !== undefined);
    expect(issuedBy.size).toBeGreaterThanOrEqual(clouds.length - 1);
    expect(new Set(withToken.map((request) => new URL(request.url).origin)).size).toBe(clouds.length - 1);
    for (const request of withToken) expect(new URL(request.url).origin, request.url).toBe(issuedBy.get(request.token ?? ''));

    const secrets = [...clouds.map((cloud) => cloud.password), appCredentialSite?.applicationCredentialSecret ?? '', ...issuedBy.keys()];
    const places: Record<string, string> = {
      storage: await everythingStored(page),
      urls: urls.join('\n'),
      console: console.join('\n'),
      'error reports': errorReports.flat().join('\n'),
      'exported clouds.yaml': exported,
    };
    expect(errorReports.flat().join('\n')).toContain(LOOPBACK_FLEET.downCloud);
    for (const [place, text] of Object.entries(places)) {
      for (const secret of secrets) expect(text.includes(secret), `a secret (${secret.slice(0, 6)}…) in ${place}`).toBe(false);
    }
  });
});
