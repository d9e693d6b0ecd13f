import { expect, test, type Page } from '@playwright/test';
import type { SimCloudInfo } from '../src/sim/index.ts';
import { ownSimFleet, simAdminToken } from './fixtures/own-sim-fleet.ts';
import { serveRuntimeConfig } from './fixtures/runtime-config.ts';
import { cloudsYamlOf } from './fixtures/sim-clouds.ts';

/**
 * Flavor parity with extra specs, and security group sync with rules whose
 * remote is a group, on their own loopback fleet (they write). Three sites:
 * ams is the source; fra's m1.xlarge lacks the `hw:mem_page_size` extra spec
 * the others have (the simulator's fixed drift), par's m1.large was resized.
 */
const FLEET = 'sites=3,servers=2,seed=21';

const fleet = ownSimFleet(FLEET, 360);

async function call(cloud: SimCloudInfo, service: 'compute/v2.1' | 'network/v2.0', path: string, init: RequestInit = {}): Promise<Response> {
  const headers = { 'X-Auth-Token': await simAdminToken(cloud), 'Content-Type': 'application/json', 'OpenStack-API-Version': 'compute 2.96' };
  return fetch(`${new URL(cloud.authUrl).origin}/RegionOne/${service}/${path}`, { ...init, headers });
}

async function post(cloud: SimCloudInfo, service: 'compute/v2.1' | 'network/v2.0', path: string, body: unknown): Promise<Record<string, { id: string }>> {
  const response = await call(cloud, service, path, { method: 'POST', body: JSON.stringify(body) });
  expect(response.status).toBeLessThan(300);
  return (await response.json()) as Record<string, { id: string }>;
}

interface FlavorFact {
  name: string;
  vcpus: number;
  extra_specs: Record<string, string>;
}

async function flavors(cloud: SimCloudInfo): Promise<FlavorFact[]> {
  return ((await (await call(cloud, 'compute/v2.1', 'flavors/detail?is_public=None')).json()) as { flavors: FlavorFact[] }).flavors;
}

interface GroupFact {
  id: string;
  name: string;
  security_group_rules: { direction: string; port_range_min: number | null; remote_group_id: string | null; remote_ip_prefix: string | null }[];
}

async function groups(cloud: SimCloudInfo): Promise<GroupFact[]> {
  return ((await (await call(cloud, 'network/v2.0', 'security-groups')).json()) as { security_groups: GroupFact[] }).security_groups;
}

const target = (cloud: SimCloudInfo) => `${cloud.name}/RegionOne`;
const planRow = (page: Page, cloud: SimCloudInfo, resource: string) => page.getByRole('table', { name: `Plan for ${cloud.name}` }).getByRole('row').filter({ hasText: resource });
const runSummary = (page: Page) => page.getByRole('status', { name: 'Run summary' });

test('the parity matrix shows the extra spec fra’s m1.xlarge lacks', async ({ page }) => {
  await serveRuntimeConfig(page, { demo: { fleet: FLEET } });
  await page.goto('/parity?kind=flavor&drift=1');
  const drift = page.getByRole('table', { name: 'Parity matrix' }).getByRole('button', { name: /^m1\.xlarge on fra \/ RegionOne: differs/ });
  await expect(drift).toHaveAccessibleName(
    'm1.xlarge on fra / RegionOne: differs from ams / RegionOne: extra specs hw:cpu_policy=dedicated here, hw:cpu_policy=dedicated, hw:mem_page_size=large in the reference',
  );
});

test('flavor parity creates a flavor with its extra specs, and adds the extra spec a same-shaped flavor lacks', async ({ page }) => {
  test.setTimeout(90_000);
  const [ams, fra, par] = fleet.clouds as [SimCloudInfo, SimCloudInfo, SimCloudInfo];
  const specs = { 'hw:cpu_policy': 'dedicated', 'trait:HW_CPU_X86_AVX2': 'required' };
  const { flavor } = await post(ams, 'compute/v2.1', 'flavors', { flavor: { name: 'e2e.pinned', vcpus: 6, ram: 6144, disk: 60 } });
  await post(ams, 'compute/v2.1', `flavors/${flavor?.id ?? ''}/os-extra_specs`, { extra_specs: specs });

  await serveRuntimeConfig(page, { clouds: cloudsYamlOf(fleet.clouds) });
  await page.goto(`/actions?${new URLSearchParams({ action: 'flavor-parity', from: target(ams), to: [fra, par].map(target).join(',') }).toString()}`);
  await page.getByRole('button', { name: 'Preview plan' }).click();
  for (const cloud of [fra, par]) {
    await expect(planRow(page, cloud, 'flavor e2e.pinned')).toContainText('+ create');
    await expect(planRow(page, cloud, 'flavor e2e.pinned')).toContainText('with 2 extra specs (hw:cpu_policy=dedicated, trait:HW_CPU_X86_AVX2=required)');
  }
  await expect(planRow(page, fra, 'flavor m1.xlarge')).toContainText('adds hw:mem_page_size=large');
  await expect(planRow(page, par, 'flavor m1.xlarge')).toContainText('no change');
  await expect(planRow(page, par, 'flavor m1.large')).toContainText('conflict');

  await page.getByRole('button', { name: /^Run \d+ steps?$/ }).click();
  await expect(runSummary(page)).not.toContainText(/pending|running/, { timeout: 30_000 });
  await expect(runSummary(page)).not.toContainText('failed');
  for (const cloud of [fra, par]) {
    const copies = (await flavors(cloud)).filter((f) => f.name === 'e2e.pinned');
    expect(copies.map((f) => [f.vcpus, f.extra_specs])).toEqual([[6, specs]]);
  }
  expect((await flavors(fra)).find((f) => f.name === 'm1.xlarge')?.extra_specs).toEqual({ 'hw:cpu_policy': 'dedicated', 'hw:mem_page_size': 'large' });

  // A fresh plan finds both in place.
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Preview plan' }).click();
  await expect(planRow(page, fra, 'flavor e2e.pinned')).toContainText('no change');
  await expect(planRow(page, fra, 'flavor m1.xlarge')).toContainText('no change');
});

test('security group sync lands a self-referencing rule with the target’s own group, and creates the group a rule names first', async ({ page }) => {
  test.setTimeout(90_000);
  const [ams, fra, par] = fleet.clouds as [SimCloudInfo, SimCloudInfo, SimCloudInfo];
  const lb = (await post(ams, 'network/v2.0', 'security-groups', { security_group: { name: 'e2e-lb', description: 'load balancers' } })).security_group?.id;
  const app = (await post(ams, 'network/v2.0', 'security-groups', { security_group: { name: 'e2e-app', description: 'app servers' } })).security_group?.id;
  const ingress = { direction: 'ingress', ethertype: 'IPv4' };
  await post(ams, 'network/v2.0', 'security-group-rules', { security_group_rule: { ...ingress, security_group_id: lb, protocol: 'tcp', port_range_min: 443, port_range_max: 443, remote_ip_prefix: '0.0.0.0/0' } });
  await post(ams, 'network/v2.0', 'security-group-rules', { security_group_rule: { ...ingress, security_group_id: app, remote_group_id: app } });
  await post(ams, 'network/v2.0', 'security-group-rules', { security_group_rule: { ...ingress, security_group_id: app, protocol: 'tcp', port_range_min: 8080, port_range_max: 8080, remote_group_id: lb } });
  // par has its own e2e-lb already: it is used as it is, not changed.
  await post(par, 'network/v2.0', 'security-groups', { security_group: { name: 'e2e-lb', description: 'par’s own' } });

  await serveRuntimeConfig(page, { clouds: cloudsYamlOf(fleet.clouds) });
  await page.goto(`/actions?${new URLSearchParams({ action: 'security-group-sync', from: target(ams), group: 'e2e-app', to: [fra, par].map(target).join(',') }).toString()}`);
  await expect(page.getByLabel('Security group', { exact: true })).toHaveValue('e2e-app');
  await page.getByRole('button', { name: 'Preview plan' }).click();
  await expect(page.getByRole('heading', { name: 'Security group sync: e2e-app (and 1 group it names) from ams/RegionOne to 2 targets' })).toBeVisible();
  const fraRows = page.getByRole('table', { name: 'Plan for fra' }).getByRole('row');
  await expect(fraRows.nth(1)).toContainText('security group e2e-lb');
  await expect(fraRows.nth(1)).toContainText('the remote of e2e-app');
  await expect(fraRows.nth(2)).toContainText('security group e2e-app');
  await expect(planRow(page, par, 'security group e2e-lb')).toContainText('present; used as the remote of e2e-app');
  await expect(page.getByRole('status', { name: 'Plan summary' })).toHaveText('3 to create · 1 no change');
  await page.getByRole('button', { name: 'Run 3 steps' }).click();
  await expect(runSummary(page)).toHaveText('3 done · 1 no change', { timeout: 30_000 });

  for (const cloud of [fra, par]) {
    const there = await groups(cloud);
    const appThere = there.filter((group) => group.name === 'e2e-app');
    const lbThere = there.filter((group) => group.name === 'e2e-lb');
    expect(appThere).toHaveLength(1);
    expect(lbThere).toHaveLength(1);
    const rules = appThere[0]?.security_group_rules.filter((rule) => rule.direction === 'ingress').map((rule) => [rule.port_range_min, rule.remote_group_id]);
    expect(rules).toEqual(
      expect.arrayContaining([
        [null, appThere[0]?.id],
        [8080, lbThere[0]?.id],
      ]),
    );
    expect(rules).toHaveLength(2);
  }
  // par's own e2e-lb kept its rules (none but egress); fra's got the source's.
  const lbRules = async (cloud: SimCloudInfo) => (await groups(cloud)).find((group) => group.name === 'e2e-lb')?.security_group_rules.filter((rule) => rule.direction === 'ingress').map((rule) => rule.port_range_min);
  expect(await lbRules(par)).toEqual([]);
  expect(await lbRules(fra)).toEqual([443]);

  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Preview plan' }).click();
  await expect(page.getByRole('status', { name: 'Plan summary' })).toHaveText('4 no change');
});
