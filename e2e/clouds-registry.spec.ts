import { expect, test, type Page } from '@playwright/test';
import { stringify } from 'yaml';
import type { SimCloudInfo } from '../src/sim/index.ts';
import { LOOPBACK_FLEET } from './fixtures/loopback-fleet.ts';
import { serveRuntimeConfig } from './fixtures/runtime-config.ts';
import { cloudsYamlOf, loopbackClouds } from './fixtures/sim-clouds.ts';

/** The loopback fleet: a regional cloud (two regions, one Keystone), healthy sites and one that is down. */
function fleet() {
  const clouds = loopbackClouds();
  const regional = clouds.find((cloud) => cloud.kind === 'regional');
  const [site] = clouds.filter((cloud) => cloud.kind === 'site' && cloud.name !== LOOPBACK_FLEET.downCloud);
  const down = clouds.find((cloud) => cloud.name === LOOPBACK_FLEET.downCloud);
  if (!regional || !site || !down) throw new Error('the loopback fleet lacks a regional cloud, a healthy site or a down one');
  return { regional, site, down };
}

/** clouds.yaml: the regional cloud by password, the site by application credential. */
function cloudsYaml(regional: SimCloudInfo, site: SimCloudInfo, extra: Record<string, unknown> = {}): string {
  return stringify({
    clouds: {
      ...cloudsYamlOf([regional]),
      [site.name]: {
        auth_type: 'v3applicationcredential',
        auth: { auth_url: site.authUrl, application_credential_id: site.applicationCredentialId, application_credential_secret: site.applicationCredentialSecret },
        some_future_setting: { kept: 'and ignored' },
      },
      ...extra,
    },
  });
}

async function importText(page: Page, text: string) {
  await page.getByRole('textbox', { name: /clouds\.yaml/ }).fill(text);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
}

const row = (page: Page, name: string) => page.getByRole('row', { name, exact: true });

async function expectSignedIn(page: Page, cloud: SimCloudInfo, project = cloud.projectName) {
  await expect(row(page, cloud.name).getByText('OK', { exact: true })).toBeVisible();
  for (const region of cloud.regions) await expect(row(page, cloud.name).getByRole('list', { name: `Regions of ${cloud.name}` })).toContainText(region);
  // A password cloud shows its project in the project picker; an application credential's project is plain text.
  const picked = row(page, cloud.name).getByRole('combobox', { name: `Project of ${cloud.name}` }).locator('option:checked');
  await expect(picked.or(row(page, cloud.name).getByRole('cell', { name: project, exact: true }))).toHaveText(project);
  await expect(row(page, cloud.name)).toContainText(/expires in/);
}

async function storageText(page: Page): Promise<string> {
  return page.evaluate(() =>
    [window.localStorage, window.sessionStorage].flatMap((storage) => Object.keys(storage).map((key) => `${key}=${storage.getItem(key) ?? ''}`)).join('\n'),
  );
}

test.describe('the cloud registry: import, sign-in, storage without secrets', () => {
  test.beforeEach(async ({ page }) => {
    await serveRuntimeConfig(page, {});
  });

  test('imports a clouds.yaml with credentials, signs in at once, stores no secret, and asks for the secrets after a reload', async ({ page }) => {
    const { regional, site, down } = fleet();
    const tokens: string[] = [];
    page.on('response', (response) => {
      const token = response.headers()['x-subject-token'];
      if (token) tokens.push(token);
    });
    await page.goto('/clouds');
    await importText(page, cloudsYaml(regional, site, cloudsYamlOf([down])));
    await expect(page.getByRole('status', { name: 'Imported 3 clouds' })).toContainText(`${regional.name}, ${site.name}, ${down.name}`);
    await expect(page.getByRole('textbox', { name: /clouds\.yaml/ })).toHaveValue('');

    await expectSignedIn(page, regional);
    await expectSignedIn(page, site);
    await expect(row(page, down.name).getByText('Failing', { exact: true })).toBeVisible();
    await expect(row(page, down.name).getByRole('alert')).toContainText('Cannot reach the API');

    const stored = await storageText(page);
    expect(stored).toContain(regional.name);
    expect(tokens.length).toBeGreaterThan(0);
    for (const secret of [regional.password, site.applicationCredentialSecret, down.password, ...tokens]) expect(stored).not.toContain(secret);
    expect(stored).not.toMatch(/"(password|application_credential_secret|token|access_token)"/);

    await page.reload();
    for (const cloud of [regional, site, down]) {
      await expect(row(page, cloud.name).getByText('Sign-in needed', { exact: true })).toBeVisible();
    }
    await expect(page.getByRole('status', { name: /^Fleet status/ })).toHaveAccessibleName(/3 clouds, 0 reachable, 0 failing.*3 waiting for sign-in/);
    await expect(row(page, site.name).getByLabel(`Application credential secret for ${site.name}`, { exact: false })).toBeVisible();

    await row(page, regional.name).getByLabel(/Password for/).fill(regional.password);
    await row(page, regional.name).getByLabel(/Password for/).press('Enter');
    await expectSignedIn(page, regional);
    await expect(row(page, site.name).getByText('Sign-in needed', { exact: true })).toBeVisible();
    expect(await storageText(page)).not.toContain(regional.password);
  });

  test('asks again, beside the error, for a wrong password; without a project in the file, scopes to the user’s first project', async ({ page }) => {
    const { regional } = fleet();
    await page.goto('/clouds');
    const noSecretNoProject = { auth: { auth_url: regional.authUrl, username: regional.username, user_domain_name: regional.userDomainName } };
    await importText(page, stringify({ clouds: { [regional.name]: noSecretNoProject } }));
    await expect(row(page, regional.name).getByText('Sign-in needed', { exact: true })).toBeVisible();
    await row(page, regional.name).getByLabel(/Password for/).fill('not-the-password');
    await row(page, regional.name).getByRole('button', { name: 'Sign in' }).click();
    await expect(row(page, regional.name).getByText('Sign-in rejected', { exact: true })).toBeVisible();
    await expect(row(page, regional.name).getByRole('alert')).toContainText('Sign-in rejected');
    await row(page, regional.name).getByLabel(/Password for/).fill(regional.password);
    await row(page, regional.name).getByRole('button', { name: 'Sign in' }).click();
    // The simulated admin may use 'admin' and 'demo' (and more): GET /v3/auth/projects, then the first by name.
    await expectSignedIn(page, regional, 'admin');
  });

  test('reports bad files by cloud and key, and keeps what the registry had', async ({ page }) => {
    const { regional, site } = fleet();
    await page.goto('/clouds');
    await importText(page, stringify({ clouds: cloudsYamlOf([regional]) }));
    await expectSignedIn(page, regional);
    const problems = page.getByRole('alert', { name: /problem/ });

    await importText(page, 'clouds:\n  broken:\n    region_name: [a, b\n  other: {}\n');
    await expect(problems).toContainText(/The file: line 4, column 3 is not valid YAML/);
    await expect(problems).toHaveAccessibleName(/nothing was imported/);

    await importText(page, stringify({ clouds: { saml: { auth_type: 'v3samlpassword', auth: { auth_url: site.authUrl } } } }));
    await expect(problems).toContainText('saml: auth_type "v3samlpassword" is not supported');

    await importText(page, stringify({ clouds: { typed: { auth: { auth_url: site.authUrl, username: ['a', 'b'] }, region_name: { eu: 1 } } } }));
    await expect(problems).toContainText('typed: auth.username must be a single text value');
    await expect(problems).toContainText('typed: region_name must be a region name or a list of region names');

    await importText(page, `clouds:\n  twice: {auth: {auth_url: "${site.authUrl}", username: a}}\n  twice: {auth: {auth_url: "${site.authUrl}", username: b}}\n`);
    await expect(problems).toContainText('twice: (name) is defined 2 times in the file (lines 2, 3)');

    await importText(page, cloudsYaml(regional, site));
    await expect(problems).toContainText(`${regional.name}: (name) is already in the registry (a cloud imported earlier)`);
    await expect(page.getByRole('status', { name: 'Imported 1 cloud' })).toContainText(site.name);

    await page.getByRole('textbox', { name: /clouds\.yaml/ }).fill('');
    await page.getByLabel(/Choose a clouds\.yaml file/).setInputFiles({ name: 'huge.yaml', mimeType: 'application/yaml', buffer: Buffer.alloc(1024 * 1024, 'a') });
    await expect(problems).toContainText('The file: huge.yaml is 1.0 MB; a clouds.yaml may be at most 256 KB');

    await expectSignedIn(page, regional);
    await expectSignedIn(page, site);
    await expect(page.getByRole('row')).toHaveCount(3);
  });

  test('adds, edits, exports and removes a cloud by form, by keyboard', async ({ page }) => {
    const { site } = fleet();
    await page.goto('/clouds');
    await page.getByRole('button', { name: 'Add cloud' }).click();
    const form = page.getByRole('region', { name: 'Add a cloud' });
    await expect(form.getByLabel('Name', { exact: true })).toBeFocused();
    await page.keyboard.type('lab');
    await form.getByLabel(/Auth URL/).fill(site.authUrl);
    await form.getByLabel('Username').fill(site.username);
    await form.getByLabel(/^Project —/).fill(site.projectName);
    await form.getByRole('button', { name: 'Add cloud' }).click();
    await expect(row(page, 'lab').getByText('Sign-in needed', { exact: true })).toBeVisible();
    await row(page, 'lab').getByLabel(/Password for lab/).fill(site.password);
    await page.keyboard.press('Enter');
    await expectSignedIn(page, { ...site, name: 'lab' });

    await row(page, 'lab').getByRole('button', { name: 'Edit lab' }).click();
    const edit = page.getByRole('region', { name: 'Edit lab' });
    await expect(edit.getByLabel('Username')).toHaveValue(site.username);
    await expect(edit.getByLabel(/^Password/)).toHaveValue('');
    await edit.getByLabel(/^Regions/).fill(site.regions.join(', '));
    await edit.getByRole('button', { name: 'Save changes' }).click();
    // Same sign-in method, so the password given in this tab still applies to the edited cloud.
    await expectSignedIn(page, { ...site, name: 'lab' });

    await page.getByRole('button', { name: 'Export clouds.yaml' }).click();
    const exported = page.getByRole('textbox', { name: 'Exported clouds.yaml' });
    await expect(exported).toContainText('lab:');
    await expect(exported).toContainText(`auth_url: ${site.authUrl}`);
    expect(await exported.inputValue()).not.toContain(site.password);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download' }).click();
    expect((await download).suggestedFilename()).toBe('clouds.yaml');

    await row(page, 'lab').getByRole('button', { name: 'Remove lab' }).click();
    await expect(page.getByRole('group', { name: 'Confirm removal of lab' }).getByRole('button', { name: 'Keep' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(row(page, 'lab').getByRole('button', { name: 'Remove lab' })).toBeFocused();
    await row(page, 'lab').getByRole('button', { name: 'Remove lab' }).click();
    await page.getByRole('button', { name: 'Yes, remove' }).click();
    await expect(row(page, 'lab')).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('status', { name: 'No clouds yet' })).toBeVisible();
  });
});
