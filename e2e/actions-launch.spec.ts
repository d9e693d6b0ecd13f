import { expect, test } from '@playwright/test';
import type { SimCloudInfo } from '../src/sim/index.ts';
import { ownSimFleet, simAdminSignIn } from './fixtures/own-sim-fleet.ts';
import { serveRuntimeConfig } from './fixtures/runtime-config.ts';
import { cloudsYamlOf } from './fixtures/sim-clouds.ts';

/**
 * Fan-out launch boots servers, so this spec runs its own loopback fleet of
 * three sites and never changes the one the other specs read. An image is
 * uploaded to two of them: the third cannot resolve it.
 */
const FLEET = 'sites=3,servers=0,seed=29';
const IMAGE_NAME = 'e2e-launch-image';
const SERVER_NAME = 'e2e-launched';

const fleet = ownSimFleet(FLEET, 320);

async function call(cloud: SimCloudInfo, path: string, init: RequestInit = {}): Promise<Response> {
  const { token } = await simAdminSignIn(cloud);
  return fetch(`${new URL(cloud.authUrl).origin}/RegionOne/${path}`, { ...init, headers: { 'X-Auth-Token': token, ...init.headers } });
}

async function seedImage(cloud: SimCloudInfo): Promise<void> {
  const created = await call(cloud, 'image/v2/images', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: IMAGE_NAME, disk_format: 'raw', container_format: 'bare' }),
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const uploaded = await call(cloud, `image/v2/images/${id}/file`, { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream' }, body: new Uint8Array([1, 2, 3, 4]) });
  expect(uploaded.status).toBe(204);
}

/** The signed-in project's own network, named alike on every simulated site. */
async function projectNetworkName(cloud: SimCloudInfo): Promise<string> {
  const { projectId } = await simAdminSignIn(cloud);
  const body = (await (await call(cloud, 'network/v2.0/networks')).json()) as { networks: { name: string; project_id: string }[] };
  const own = body.networks.find((network) => network.project_id === projectId);
  if (!own) throw new Error(`${cloud.name}: the project has no network`);
  return own.name;
}

async function serversNamed(cloud: SimCloudInfo, name: string): Promise<{ id: string; status: string; metadata: Record<string, string> }[]> {
  const body = (await (await call(cloud, 'compute/v2.1/servers/detail')).json()) as { servers: { id: string; name: string; status: string; metadata: Record<string, string> }[] };
  return body.servers.filter((server) => server.name === name);
}

function target(cloud: SimCloudInfo): string {
  return `${cloud.name}/RegionOne`;
}

test('fan-out launch on 3 sites, one without the image: 2 boots, 1 unresolved naming the image; a second plan finds both', async ({ page }) => {
  test.setTimeout(60_000);
  const [first, second, lacking] = fleet.clouds as [SimCloudInfo, SimCloudInfo, SimCloudInfo];
  await seedImage(first);
  await seedImage(second);
  const network = await projectNetworkName(first);

  await serveRuntimeConfig(page, { clouds: cloudsYamlOf(fleet.clouds) });
  const params = new URLSearchParams({ action: 'fan-out-launch', server: SERVER_NAME, image: IMAGE_NAME, flavor: '1/2048/20', network, to: fleet.clouds.map(target).join(',') });
  await page.goto(`/actions?${params.toString()}`);
  await expect(page.getByRole('tab', { name: 'Fan-out launch' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Image name')).toHaveValue(IMAGE_NAME);
  await expect(page.getByLabel('Flavor', { exact: true })).toHaveValue('1/2048/20');
  await page.getByRole('button', { name: 'Preview plan' }).click();

  const preview = page.getByRole('region', { name: 'Plan preview' });
  await expect(preview.getByRole('heading')).toHaveText(`Fan-out launch: server ${SERVER_NAME} (${IMAGE_NAME}, 1 vCPU/2048 MB/20 GB, ${network}) on 3 targets`);
  await expect(preview.getByRole('status', { name: 'Plan summary' })).toHaveText('2 to create · 1 conflict');
  await expect(preview.getByRole('table', { name: `Plan for ${lacking.name}` })).toContainText(`not resolved here: image ${IMAGE_NAME}`);
  for (const cloud of [first, second]) {
    await expect(preview.getByRole('table', { name: `Plan for ${cloud.name}` })).toContainText(/image [0-9a-f-]{36}, flavor m1\.small \([^)]+\), network [0-9a-f-]{36}/);
  }
  await preview.getByRole('button', { name: 'Run 2 steps' }).click();
  await expect(page.getByRole('status', { name: 'Run summary' })).toHaveText('2 done · 1 conflict', { timeout: 20_000 });

  for (const cloud of [first, second]) expect(await serversNamed(cloud, SERVER_NAME)).toMatchObject([{ status: 'ACTIVE', metadata: { archipelago_launch: expect.stringContaining(IMAGE_NAME) } }]);
  expect(await serversNamed(lacking, SERVER_NAME)).toEqual([]);

  await page.goto('/servers');
  await page.getByRole('searchbox', { name: 'Filter servers' }).fill(SERVER_NAME);
  for (const cloud of [first, second]) await expect(page.getByRole('checkbox', { name: `Select ${SERVER_NAME} in ${target(cloud)}` })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: `Select ${SERVER_NAME} in ${target(lacking)}` })).toHaveCount(0);

  await page.goto(`/actions?${params.toString()}`);
  await page.getByRole('button', { name: 'Preview plan' }).click();
  await expect(page.getByRole('status', { name: 'Plan summary' })).toHaveText('2 no change · 1 conflict');
  await expect(page.getByRole('button', { name: 'Run 0 steps' })).toBeDisabled();
});
