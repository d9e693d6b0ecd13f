import { expect, test, type Page, type Route } from '@playwright/test';
import type { SimCloudInfo } from '../src/sim/index.ts';
import { ownSimFleet, simAdminToken } from './fixtures/own-sim-fleet.ts';
import { serveRuntimeConfig } from './fixtures/runtime-config.ts';
import { cloudsYamlOf } from './fixtures/sim-clouds.ts';

/**
 * Actions write, so this spec runs its own loopback fleet (eleven shared-nothing
 * sites: a source and ten targets) and never changes the one the other specs read.
 */
const FLEET = 'sites=11,servers=6,seed=21';
const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOU6WlNJtU9UvPJsMMTgBB2B9zgk3tLPrSh3X2XE9Tfd e2e@archipelago';

const fleet = ownSimFleet(FLEET, 200);

function novaUrl(cloud: SimCloudInfo, path: string): string {
  return `${new URL(cloud.authUrl).origin}/RegionOne/compute/v2.1/${path}`;
}

async function nova(cloud: SimCloudInfo, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = { 'X-Auth-Token': await simAdminToken(cloud), 'Content-Type': 'application/json', 'OpenStack-API-Version': 'compute 2.96' };
  return fetch(novaUrl(cloud, path), { ...init, headers });
}

async function keypairNames(cloud: SimCloudInfo): Promise<string[]> {
  const body = (await (await nova(cloud, 'os-keypairs')).json()) as { keypairs: { keypair: { name: string } }[] };
  return body.keypairs.map((k) => k.keypair.name);
}

async function importKey(cloud: SimCloudInfo, name: string): Promise<void> {
  const response = await nova(cloud, 'os-keypairs', { method: 'POST', body: JSON.stringify({ keypair: { name, public_key: PUBLIC_KEY } }) });
  expect(response.status).toBe(201);
}

function target(cloud: SimCloudInfo): string {
  return `${cloud.name}/RegionOne`;
}

function keypairSyncUrl(source: SimCloudInfo, key: string, targets: SimCloudInfo[]): string {
  const params = new URLSearchParams({ action: 'keypair-sync', from: target(source), key, to: targets.map(target).join(',') });
  return `/actions?${params.toString()}`;
}

/** Answers a cloud's key pair imports itself while `failing()` says so: an outage of that cloud's Nova, which can end. */
async function failKeypairImports(page: Page, cloud: SimCloudInfo, failing: () => boolean, baseURL: string): Promise<void> {
  await page.route(novaUrl(cloud, 'os-keypairs'), (route: Route) => {
    if (route.request().method() !== 'POST' || !failing()) return route.continue();
    return route.fulfill({
      status: 503,
      headers: {
        'access-control-allow-origin': new URL(baseURL).origin,
        'access-control-expose-headers': 'X-OpenStack-Request-Id',
        'x-openstack-request-id': `req-outage-${cloud.name}`,
      },
      json: { computeFault: { code: 503, message: 'simulated outage' } },
    });
  });
}

function runSummary(page: Page) {
  return page.getByRole('status', { name: 'Run summary' });
}

test('key pair sync to 10 clouds: 2 failing → 8 done, 2 failed; retry after the outage → 10 done, nothing created twice', async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  const [source, ...targets] = fleet.clouds;
  if (!source || targets.length !== 10) throw new Error('the fleet needs a source and ten targets');
  const key = 'e2e-sync';
  await importKey(source, key);
  const down = [targets[2], targets[7]] as SimCloudInfo[];
  let outage = true;
  for (const cloud of down) await failKeypairImports(page, cloud, () => outage, baseURL ?? '');
  const imports: string[] = [];
  page.on('response', (response) => {
    if (response.request().method() === 'POST' && response.url().endsWith('/os-keypairs')) imports.push(`${new URL(response.url()).port} ${response.status()}`);
  });

  await serveRuntimeConfig(page, { clouds: cloudsYamlOf(fleet.clouds) });
  await page.goto(keypairSyncUrl(source, key, targets));
  await expect(page.getByLabel('Key pair', { exact: true })).toHaveValue(key);
  await page.getByRole('button', { name: 'Preview plan' }).click();
  const preview = page.getByRole('region', { name: 'Plan preview' });
  await expect(preview.getByRole('status', { name: 'Plan summary' })).toHaveText('10 to create');
  await expect(preview.getByRole('table')).toHaveCount(10);
  await preview.getByRole('button', { name: 'Run 10 steps' }).click();

  await expect(runSummary(page)).toHaveText('8 done · 2 failed', { timeout: 20_000 });
  for (const cloud of down) {
    const progress = page.getByRole('table', { name: `Progress in ${cloud.name}` });
    await expect(progress.getByRole('alert')).toContainText('HTTP 503');
    await expect(progress.getByRole('alert')).toContainText(`req-outage-${cloud.name}`);
  }
  const log = page.getByRole('table', { name: 'Audit log' });
  await expect(log.getByRole('row', { name: `Key pair sync: ${key} from ${target(source)} to 10 targets` })).toContainText('Partly failed');

  outage = false;
  await page.getByRole('button', { name: 'Retry failed (2)' }).click();
  await expect(runSummary(page)).toHaveText('10 done', { timeout: 20_000 });
  await expect(log.getByRole('row', { name: `Key pair sync: ${key} from ${target(source)} to 10 targets` })).toContainText('Succeeded');

  // Ten creates went through, two were refused during the outage; nothing was sent twice.
  expect(imports.filter((entry) => entry.endsWith(' 201'))).toHaveLength(10);
  expect(imports.filter((entry) => entry.endsWith(' 503'))).toHaveLength(2);
  for (const cloud of targets) expect((await keypairNames(cloud)).filter((name) => name === key)).toEqual([key]);

  // The same plan again finds everything in place.
  await page.getByRole('button', { name: 'Preview plan' }).click();
  await expect(page.getByRole('status', { name: 'Plan summary' })).toHaveText('10 no change');
  await expect(page.getByRole('button', { name: 'Run 0 steps' })).toBeDisabled();
});

interface ServerFact {
  id: string;
  name: string;
  status: string;
}

async function servers(cloud: SimCloudInfo): Promise<ServerFact[]> {
  const body = (await (await nova(cloud, 'servers/detail?all_tenants=1')).json()) as { servers: ServerFact[] };
  return body.servers;
}

test('bulk stop of servers chosen in 3 clouds', async ({ page }) => {
  test.setTimeout(60_000);
  const chosen: { cloud: SimCloudInfo; server: ServerFact }[] = [];
  for (const cloud of fleet.clouds.slice(1, 4)) {
    const server = (await servers(cloud)).find((s) => s.status === 'ACTIVE');
    if (!server) throw new Error(`${cloud.name} has no running server`);
    chosen.push({ cloud, server });
  }
  await serveRuntimeConfig(page, { clouds: cloudsYamlOf(fleet.clouds) });

  // The inventory hands a ticked server over to /actions.
  await page.goto('/servers');
  const first = chosen[0] as (typeof chosen)[number];
  await page.getByRole('searchbox', { name: 'Filter servers' }).fill(first.server.name);
  await page.getByRole('checkbox', { name: `Select ${first.server.name} in ${target(first.cloud)}` }).check();
  await page.getByRole('link', { name: 'Actions on 1 selected' }).click();
  await expect(page).toHaveURL(new RegExp(`servers=${encodeURIComponent(`${target(first.cloud)}/${first.server.id}`)}`));

  const keys = chosen.map(({ cloud, server }) => `${target(cloud)}/${server.id}`);
  await page.goto(`/actions?${new URLSearchParams({ action: 'servers', verb: 'stop', servers: keys.join(',') }).toString()}`);
  await expect(page.getByText('3 servers in 3 clouds chosen on the Servers page.')).toBeVisible();
  await page.getByRole('button', { name: 'Preview plan' }).click();
  await expect(page.getByRole('status', { name: 'Plan summary' })).toHaveText('3 to change');
  await page.getByRole('button', { name: 'Run 3 steps' }).click();
  await expect(runSummary(page)).toHaveText('3 done', { timeout: 20_000 });
  for (const { cloud, server } of chosen) expect((await servers(cloud)).find((s) => s.id === server.id)?.status).toBe('SHUTOFF');
});

test('a reload mid-run leaves the run interrupted in the audit log, and Resume finishes it', async ({ page }) => {
  test.setTimeout(60_000);
  const [source, ...targets] = fleet.clouds;
  if (!source) throw new Error('no source cloud');
  const key = 'e2e-resume';
  await importKey(source, key);
  const held = [targets[0], targets[5]] as SimCloudInfo[];
  let holding = true;
  // These two clouds' imports never answer while held: the page is reloaded with them in flight.
  for (const cloud of held) {
    await page.route(novaUrl(cloud, 'os-keypairs'), (route) => (route.request().method() === 'POST' && holding ? undefined : route.continue()));
  }
  await serveRuntimeConfig(page, { clouds: cloudsYamlOf(fleet.clouds) });
  await page.goto(keypairSyncUrl(source, key, targets));
  await page.getByRole('button', { name: 'Preview plan' }).click();
  await page.getByRole('button', { name: 'Run 10 steps' }).click();
  await expect(runSummary(page)).toHaveText('8 done · 2 running', { timeout: 20_000 });

  holding = false;
  await page.reload();
  const title = `Key pair sync: ${key} from ${target(source)} to 10 targets`;
  const row = page.getByRole('table', { name: 'Audit log' }).getByRole('row', { name: title });
  await expect(row).toContainText('Interrupted');
  await row.getByRole('button', { name: `Resume run: ${title}` }).click();
  await expect(runSummary(page)).toHaveText('10 done', { timeout: 20_000 });
  await expect(row).toContainText('Succeeded');
  for (const cloud of targets) expect((await keypairNames(cloud)).filter((name) => name === key)).toEqual([key]);
});

test('read-only mode offers no action anywhere', async ({ page }) => {
  await serveRuntimeConfig(page, { readOnly: true, clouds: cloudsYamlOf(fleet.clouds.slice(0, 2)) });
  await page.goto('/actions?action=keypair-sync');
  await expect(page.getByRole('status', { name: 'Actions are off: the console is read-only' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Preview plan' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Audit log' })).toHaveCount(0);
  await page.goto('/servers');
  await expect(page.getByRole('grid', { name: 'Servers' })).toBeVisible();
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actions' })).toHaveCount(0);
});

test('flavor parity: a reference flavor missing on two clouds is created there, and only there', async ({ page }) => {
  test.setTimeout(60_000);
  const [reference, first, second] = fleet.clouds as [SimCloudInfo, SimCloudInfo, SimCloudInfo];
  const name = 'e2e.parity';
  const created = await nova(reference, 'flavors', { method: 'POST', body: JSON.stringify({ flavor: { name, vcpus: 3, ram: 3072, disk: 30 } }) });
  expect(created.status).toBe(200);
  await serveRuntimeConfig(page, { clouds: cloudsYamlOf(fleet.clouds) });
  const params = new URLSearchParams({ action: 'flavor-parity', from: target(reference), to: [first, second].map(target).join(',') });
  await page.goto(`/actions?${params.toString()}`);
  await page.getByRole('button', { name: 'Preview plan' }).click();
  for (const cloud of [first, second]) {
    await expect(page.getByRole('table', { name: `Plan for ${cloud.name}` }).getByRole('row').filter({ hasText: `flavor ${name}` })).toContainText('+ create');
  }
  await page.getByRole('button', { name: /^Run \d+ steps?$/ }).click();
  await expect(runSummary(page)).not.toContainText(/pending|running/, { timeout: 20_000 });
  await expect(runSummary(page)).not.toContainText('failed');
  for (const cloud of [first, second]) {
    const body = (await (await nova(cloud, 'flavors/detail')).json()) as { flavors: { name: string; vcpus: number; ram: number; disk: number }[] };
    expect(body.flavors.filter((f) => f.name === name).map((f) => [f.vcpus, f.ram, f.disk])).toEqual([[3, 3072, 30]]);
  }
});

async function neutron(cloud: SimCloudInfo, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = { 'X-Auth-Token': await simAdminToken(cloud), 'Content-Type': 'application/json' };
  return fetch(`${new URL(cloud.authUrl).origin}/RegionOne/network/v2.0/${path}`, { ...init, headers });
}

test('security group sync: the group and its rules are created on two clouds', async ({ page }) => {
  test.setTimeout(60_000);
  const [source, first, second] = fleet.clouds as [SimCloudInfo, SimCloudInfo, SimCloudInfo];
  const name = 'e2e-ssh';
  const group = (await (await neutron(source, 'security-groups', { method: 'POST', body: JSON.stringify({ security_group: { name, description: 'SSH from the VPN' } }) })).json()) as {
    security_group: { id: string };
  };
  const rule = { security_group_id: group.security_group.id, direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '10.8.0.0/16' };
  expect((await neutron(source, 'security-group-rules', { method: 'POST', body: JSON.stringify({ security_group_rule: rule }) })).status).toBe(201);

  await serveRuntimeConfig(page, { clouds: cloudsYamlOf(fleet.clouds) });
  const params = new URLSearchParams({ action: 'security-group-sync', from: target(source), group: name, to: [first, second].map(target).join(',') });
  await page.goto(`/actions?${params.toString()}`);
  await expect(page.getByLabel('Security group', { exact: true })).toHaveValue(name);
  await page.getByRole('button', { name: 'Preview plan' }).click();
  await expect(page.getByRole('status', { name: 'Plan summary' })).toHaveText('2 to create');
  await page.getByRole('button', { name: 'Run 2 steps' }).click();
  await expect(runSummary(page)).toHaveText('2 done', { timeout: 20_000 });
  for (const cloud of [first, second]) {
    const body = (await (await neutron(cloud, 'security-groups')).json()) as {
      security_groups: { name: string; security_group_rules: { direction: string; port_range_min: number | null; remote_ip_prefix: string | null }[] }[];
    };
    const copies = body.security_groups.filter((g) => g.name === name);
    expect(copies).toHaveLength(1);
    expect(copies[0]?.security_group_rules.filter((r) => r.direction === 'ingress').map((r) => `${r.port_range_min} ${r.remote_ip_prefix}`)).toEqual(['22 10.8.0.0/16']);
  }
});

test('deleting servers in two clouds needs the typed confirmation, then deletes exactly those', async ({ page }) => {
  test.setTimeout(60_000);
  const chosen: { cloud: SimCloudInfo; server: ServerFact }[] = [];
  for (const cloud of fleet.clouds.slice(4, 6)) {
    const server = (await servers(cloud))[0];
    if (!server) throw new Error(`${cloud.name} has no server`);
    chosen.push({ cloud, server });
  }
  await serveRuntimeConfig(page, { clouds: cloudsYamlOf(fleet.clouds) });
  const keys = chosen.map(({ cloud, server }) => `${target(cloud)}/${server.id}`);
  await page.goto(`/actions?${new URLSearchParams({ action: 'servers', verb: 'delete', servers: keys.join(',') }).toString()}`);
  await page.getByRole('button', { name: 'Preview plan' }).click();
  await expect(page.getByRole('status', { name: 'Plan summary' })).toHaveText('2 to delete');
  const run = page.getByRole('button', { name: 'Run 2 steps' });
  await expect(run).toBeDisabled();
  const confirmation = page.getByRole('textbox', { name: /Type delete 2 in 2 clouds to confirm/ });
  await confirmation.fill('delete');
  await expect(run).toBeDisabled();
  await confirmation.fill('delete 2 in 2 clouds');
  await run.click();
  await expect(runSummary(page)).toHaveText('2 done', { timeout: 20_000 });
  for (const { cloud, server } of chosen) {
    const left = await servers(cloud);
    expect(left.some((s) => s.id === server.id)).toBe(false);
    expect(left.length).toBeGreaterThan(0);
  }
});
