import { expect, test, type Page } from '@playwright/test';
import { stringify } from 'yaml';
import { serveRuntimeConfig } from './fixtures/runtime-config.ts';
import { cloudsYamlOf, loopbackClouds } from './fixtures/sim-clouds.ts';

/** The loopback fleet's regional cloud: its admin may use 'admin', 'demo' and a team project or two. */
function regionalCloud() {
  const regional = loopbackClouds().find((cloud) => cloud.kind === 'regional');
  if (!regional) throw new Error('the loopback fleet has no regional cloud');
  return regional;
}

const row = (page: Page, name: string) => page.getByRole('row', { name, exact: true });

test.describe('the project switcher', () => {
  test.beforeEach(async ({ page }) => {
    await serveRuntimeConfig(page, {});
  });

  test('lists the user’s projects, scopes the cloud to the one chosen (kept after a reload), and shows every project with its own token', async ({ page }) => {
    const regional = regionalCloud();
    const scopes: unknown[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/v3/auth/tokens')) scopes.push((request.postDataJSON() as { auth: { scope?: unknown } }).auth.scope);
    });
    await page.goto('/clouds');
    await page.getByRole('textbox', { name: /clouds\.yaml/ }).fill(stringify({ clouds: cloudsYamlOf([regional]) }));
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    const picker = row(page, regional.name).getByRole('combobox', { name: `Project of ${regional.name}` });
    await expect(picker.locator('option:checked')).toHaveText(regional.projectName);
    await expect(picker.locator('option')).toContainText(['admin', 'demo']);
    const projectCount = await picker.locator('option').count();
    expect(projectCount).toBeGreaterThanOrEqual(3);

    await picker.selectOption({ label: 'admin' });
    await expect(picker.locator('option:checked')).toHaveText('admin');
    await expect(row(page, regional.name).getByText('OK', { exact: true })).toBeVisible();
    expect(scopes.at(-1)).toMatchObject({ project: { id: expect.any(String) as unknown } });

    // The choice is kept (a project id and name, no secret); the password is not, so it is asked for again.
    await page.reload();
    await row(page, regional.name).getByLabel(/Password for/).fill(regional.password);
    await row(page, regional.name).getByLabel(/Password for/).press('Enter');
    await expect(picker.locator('option:checked')).toHaveText('admin');
    await row(page, regional.name).getByRole('button', { name: 'Use the configured project' }).click();
    await expect(picker.locator('option:checked')).toHaveText(regional.projectName);

    await page.getByRole('combobox', { name: 'Projects' }).selectOption({ label: 'All projects I can see' });
    const projects = row(page, regional.name).getByRole('list', { name: `Projects of ${regional.name}` });
    await expect(projects.getByRole('listitem')).toHaveCount(projectCount);
    for (const item of await projects.getByRole('listitem').all()) await expect(item).toContainText(/token expires in/);
    const projectScopes = scopes.filter((scope) => typeof scope === 'object' && scope !== null && 'project' in scope);
    // One token per (cloud, project): the cloud's own project keeps its token, each other project gets one.
    expect(new Set(projectScopes.map((scope) => JSON.stringify(scope))).size).toBeGreaterThanOrEqual(projectCount);

    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Projects' })).toHaveValue('all');
  });
});
