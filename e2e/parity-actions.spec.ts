import { expect, test, type Page } from '@playwright/test';
import { createSimFleet } from '../src/sim/index.ts';
import { LOOPBACK_FLEET } from './fixtures/loopback-fleet.ts';
import { serveRuntimeConfig } from './fixtures/runtime-config.ts';
import { cloudsYamlOf } from './fixtures/sim-clouds.ts';

/**
 * The simulator's fixed drift (src/sim/README.md): fra, the second site,
 * lacks the key pair deploy-2024 every other site holds alike. lon does not
 * answer: its cells are unknown, and an action never targets them.
 */
const FLEET = 'sites=5,servers=2,seed=3,fault.lon=down';

const matrix = (page: Page) => page.getByRole('table', { name: 'Parity matrix' });
const SYNC_DEPLOY = 'Sync key pair deploy-2024 to 1 missing…';

test.describe('actions from the parity matrix and the topology', () => {
  test('a drifting key pair’s sync opens /actions with the source and the missing target filled in, and the preview creates it there only', async ({ page }) => {
    await serveRuntimeConfig(page, { demo: { fleet: FLEET } });
    await page.goto('/parity?kind=keypair');
    await expect(page.getByLabel('Parity summary')).not.toContainText('still loading');

    // The cell's details say where the copy comes from, why, and that the silent cloud is left out.
    await matrix(page).getByRole('button', { name: /^deploy-2024 on fra \/ RegionOne: missing/ }).click();
    const fix = page.getByRole('region', { name: 'Cell details' }).getByRole('group', { name: 'Fix this drift' });
    await expect(fix.getByRole('link', { name: SYNC_DEPLOY })).toBeVisible();
    await expect(fix).toContainText('From ams/RegionOne: every source that holds it holds the same key.');
    await expect(fix).toContainText('Not targeted, as unknown: lon (did not answer).');

    // The row's own link, by keyboard.
    const sync = matrix(page).getByRole('link', { name: SYNC_DEPLOY });
    await expect(sync).toHaveText('Sync…');
    await sync.focus();
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(/\/actions\?/);
    const form = page.getByRole('form', { name: 'Key pair sync' });
    await expect(form.getByLabel('Copy from', { exact: true })).toHaveValue('ams/RegionOne');
    await expect(form.getByLabel('Key pair', { exact: true })).toHaveValue('deploy-2024');
    await expect(form.getByRole('checkbox', { name: 'fra/RegionOne' })).toBeChecked();
    await expect(form.getByRole('checkbox', { checked: true })).toHaveCount(1);

    await form.getByRole('button', { name: 'Preview plan' }).click();
    const preview = page.getByRole('region', { name: 'Plan preview' });
    await expect(preview.getByRole('status', { name: 'Plan summary' })).toHaveText('1 to create');
    await expect(preview.getByRole('table', { name: /^Plan for / })).toHaveCount(1);
    await expect(preview.getByRole('table', { name: 'Plan for fra' }).getByRole('row').filter({ hasText: 'key pair deploy-2024' })).toContainText('+ create');
  });

  test('a region’s “Launch here” opens the launch form targeted at that region', async ({ page }) => {
    await serveRuntimeConfig(page, { demo: { fleet: FLEET } });
    await page.goto(`/topology?node=${encodeURIComponent('region:par/RegionOne')}`);
    const details = page.getByRole('complementary', { name: 'Topology details' });
    await expect(details.getByRole('heading', { name: 'RegionOne' })).toBeVisible();
    const actions = details.getByRole('group', { name: 'Actions here' });
    await expect(actions.getByRole('link')).toHaveText(['Launch here…', 'Sync a key pair here…', 'Replicate an image here…']);
    await actions.getByRole('link', { name: 'Launch here…' }).click();

    const form = page.getByRole('form', { name: 'Fan-out launch' });
    await expect(page.getByRole('tab', { name: 'Fan-out launch' })).toHaveAttribute('aria-selected', 'true');
    await expect(form.getByRole('checkbox', { name: 'par/RegionOne' })).toBeChecked();
    await expect(form.getByRole('checkbox', { checked: true })).toHaveCount(1);
  });

  test('a closed cloud of several regions offers the same actions on all its regions', async ({ page }) => {
    await serveRuntimeConfig(page, { demo: true });
    await page.goto(`/topology?node=${encodeURIComponent('cloud:core')}`);
    const actions = page.getByRole('complementary', { name: 'Topology details' }).getByRole('group', { name: 'Actions here' });
    await expect(actions.getByRole('link')).toHaveText(['Launch in its 3 regions…', 'Sync a key pair to its 3 regions…', 'Replicate an image to its 3 regions…']);
    await actions.getByRole('link', { name: 'Sync a key pair to its 3 regions…' }).click();

    const form = page.getByRole('form', { name: 'Key pair sync' });
    for (const region of ['eu-west-1', 'eu-central-1', 'us-east-1']) await expect(form.getByRole('checkbox', { name: `core/${region}` })).toBeChecked();
    await expect(form.getByRole('checkbox', { checked: true })).toHaveCount(3);
  });

  test('read-only mode offers no action on the matrix nor on the topology', async ({ page }) => {
    await serveRuntimeConfig(page, { demo: { fleet: FLEET }, readOnly: true });
    await page.goto('/parity');
    await expect(page.getByLabel('Parity summary')).not.toContainText('still loading');
    const missing = matrix(page).getByRole('button', { name: /^deploy-2024 on fra \/ RegionOne: missing/ });
    await expect(missing).toBeVisible();
    await expect(matrix(page).getByRole('link')).toHaveCount(0);
    await missing.click();
    const details = page.getByRole('region', { name: 'Cell details' });
    await expect(details).toContainText('missing');
    await expect(details.getByRole('group', { name: 'Fix this drift' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: /^(Sync|Replicate|Create) / })).toHaveCount(0);

    await page.goto(`/topology?node=${encodeURIComponent('region:par/RegionOne')}`);
    const topology = page.getByRole('complementary', { name: 'Topology details' });
    await expect(topology.getByRole('link', { name: 'Servers here' })).toBeVisible();
    await expect(topology.getByRole('group', { name: 'Actions here' })).toHaveCount(0);
  });

  test('with every project side by side, a drift only in projects the console does not act in offers no sync, and says why', async ({ page }) => {
    // The loopback fleet's regional cloud, as its non-admin member: signed in to demo (which holds the group web), also a member of a team project (which does not).
    const sim = createSimFleet(LOOPBACK_FLEET.spec, { originFor: (_name, index) => `http://127.0.0.1:${LOOPBACK_FLEET.basePort + index}` });
    const cloud = sim.clouds().find((each) => each.kind === 'regional');
    if (!cloud) throw new Error('the loopback fleet has no regional cloud');
    const region = cloud.regions[0] as string;
    await serveRuntimeConfig(page, { clouds: cloudsYamlOf([{ ...cloud, username: 'demo' }]) });
    await page.goto('/parity?kind=security-group');
    await page.getByRole('combobox', { name: 'Projects' }).selectOption({ label: 'All projects I can see' });
    await expect(matrix(page).getByRole('columnheader', { name: new RegExp(`^${cloud.name} ${region} (?!${cloud.projectName}$)`) })).toBeVisible();
    await expect(page.getByLabel('Parity summary')).not.toContainText('still loading');

    const web = matrix(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'web', exact: true }) });
    await expect(web).toContainText('missing');
    await expect(web.getByRole('link')).toHaveCount(0);
    await web.getByRole('button', { name: new RegExp(`^web on ${cloud.name} / ${region} · project (?!${cloud.projectName}:).*: missing`) }).click();
    await expect(page.getByRole('region', { name: 'Cell details' }).getByRole('group', { name: 'Fix this drift' })).toContainText(
      'No action offered. The drift is only in projects this console does not act in',
    );
  });
});
