import { expect, test, type Page } from '@playwright/test';
import { createCloudClient, createHttpPolicy, isPartialServer, type CloudClient } from '../src/openstack/index.ts';
import { createSimFleet, type SimCloudInfo } from '../src/sim/index.ts';
import { LOOPBACK_FLEET } from './fixtures/loopback-fleet.ts';
import { serveRuntimeConfig } from './fixtures/runtime-config.ts';
import { cloudsYamlOf } from './fixtures/sim-clouds.ts';

/** The simulator's non-admin user: a member of `demo` and of one team project, who sees each only through that project's token. */
const MEMBER = 'demo';

interface ProjectNetworks {
  project: string;
  /** Network ids as this project's token lists them, every region. */
  ids: Set<string>;
  names: Set<string>;
  /** Names of the project's servers, every region. */
  servers: string[];
}

/** What the member sees of the regional cloud, project by project, read in this process with the real client. */
async function memberNetworks(): Promise<{ cloud: SimCloudInfo; regions: string[]; projects: ProjectNetworks[] }> {
  const sim = createSimFleet(LOOPBACK_FLEET.spec, { originFor: (_name, index) => `http://127.0.0.1:${LOOPBACK_FLEET.basePort + index}` });
  const cloud = sim.clouds().find((each) => each.kind === 'regional');
  if (!cloud) throw new Error('the loopback fleet has no regional cloud');
  const policy = createHttpPolicy({
    fetch: async (url, init) => {
      const response = await sim.handle(new Request(url, init));
      if (!response) throw new TypeError('Failed to fetch');
      return response;
    },
    retry: { maxAttempts: 1 },
  });
  const clientFor = (projectName: string): CloudClient =>
    createCloudClient({
      cloud: cloud.name,
      authUrl: cloud.authUrl,
      auth: { type: 'password', username: MEMBER, password: cloud.password, userDomainName: cloud.userDomainName },
      scope: { projectName, projectDomainName: cloud.projectDomainName },
      policy,
    });
  const own = clientFor(cloud.projectName);
  await own.signIn();
  const projects: ProjectNetworks[] = [];
  for (const project of await own.projects()) {
    const client = clientFor(project.name);
    await client.signIn();
    const seen: ProjectNetworks = { project: project.name, ids: new Set(), names: new Set(), servers: [] };
    for (const region of client.regions()) {
      for await (const page of (await client.compute(region)).servers()) seen.servers.push(...page.flatMap((server) => (isPartialServer(server) ? [] : [server.name])));
      for await (const page of (await client.network(region)).networks()) {
        for (const network of page) {
          seen.ids.add(`${region}/${network.id}`);
          seen.names.add(network.name);
        }
      }
    }
    projects.push(seen);
  }
  return { cloud, regions: own.regions(), projects };
}

const grid = (page: Page) => page.getByRole('grid', { name: 'Networks' });
const serversText = (count: number) => `${count.toLocaleString('en')} servers`;
const networksTab = (page: Page) => page.getByRole('tab', { name: /^Networks/ });

test.describe('"All projects I can see" in the inventories', () => {
  test('lists the networks of every project of a cloud, each row and source naming its project, and one project again when switched back', async ({ page }) => {
    const { cloud, regions, projects } = await memberNetworks();
    const own = projects.find((each) => each.project === cloud.projectName);
    const team = projects.find((each) => each.project !== cloud.projectName);
    if (!own || !team) throw new Error(`the member should see ${cloud.projectName} and a team project, saw ${projects.map((each) => each.project).join(', ')}`);
    const everything = new Set(projects.flatMap((each) => [...each.ids]));
    const teamNetwork = `private-${team.project}`;
    expect(team.names).toContain(teamNetwork);
    expect(own.names).not.toContain(teamNetwork);

    await serveRuntimeConfig(page, { clouds: cloudsYamlOf([{ ...cloud, username: MEMBER }]) });
    await page.goto('/networks');
    await expect(networksTab(page)).toHaveText(`Networks ${own.ids.size}`);
    await expect(grid(page).getByRole('row').filter({ hasText: teamNetwork })).toHaveCount(0);
    await expect(grid(page).getByRole('row').filter({ hasText: `private-${cloud.projectName}` }).first()).toContainText(cloud.projectName);

    await page.getByRole('combobox', { name: 'Projects' }).selectOption({ label: 'All projects I can see' });
    // A network both projects see (the shared external one) is one row, not one per project.
    await expect(networksTab(page)).toHaveText(`Networks ${everything.size}`);
    const teamRows = grid(page).getByRole('row').filter({ hasText: teamNetwork });
    await expect(teamRows).toHaveCount(regions.length);
    for (const row of await teamRows.all()) await expect(row.getByRole('gridcell').filter({ hasText: new RegExp(`^${team.project}$`) })).toHaveCount(1);

    await page.getByText(/Every cloud, region and project/).click();
    const badges = page.getByRole('list', { name: 'Every source' }).getByRole('listitem');
    await expect(badges).toHaveCount(regions.length * projects.length);
    for (const project of projects) {
      for (const region of regions) await expect(page.getByRole('listitem', { name: `${cloud.name} / ${region} · project ${project.project}` })).toContainText('OK');
    }

    await page.getByRole('combobox', { name: 'Projects' }).selectOption({ label: 'One per cloud' });
    await expect(networksTab(page)).toHaveText(`Networks ${own.ids.size}`);
    await expect(grid(page).getByRole('row').filter({ hasText: teamNetwork })).toHaveCount(0);
  });

  test('compares every project of a cloud side by side on /parity, and names each project\'s image sources on /images', async ({ page }) => {
    const { cloud, regions, projects } = await memberNetworks();
    const team = projects.find((each) => each.project !== cloud.projectName);
    if (!team) throw new Error('the member should see a team project');
    const matrix = page.getByRole('table', { name: 'Parity matrix' });
    await serveRuntimeConfig(page, { clouds: cloudsYamlOf([{ ...cloud, username: MEMBER }]) });

    await page.goto('/parity');
    await expect(matrix.getByRole('columnheader', { name: new RegExp(`^${cloud.name}`) })).toHaveCount(regions.length);
    await page.getByRole('combobox', { name: 'Projects' }).selectOption({ label: 'All projects I can see' });
    await expect(matrix.getByRole('columnheader', { name: new RegExp(`^${cloud.name}`) })).toHaveCount(regions.length * projects.length);
    for (const region of regions) await expect(matrix.getByRole('columnheader', { name: `${cloud.name} ${region} ${team.project}` })).toBeVisible();

    await page.goto('/images');
    await page.getByText(/^Every cloud, region and project/).click();
    for (const region of regions) await expect(page.getByRole('listitem', { name: `${cloud.name} / ${region} · project ${team.project}` })).toContainText('OK');
    await expect(page.getByRole('list', { name: 'Every source' }).getByRole('listitem')).toHaveCount(regions.length * projects.length);
    // A public image every project's token lists is one row, and counted once.
    const total = (await page.getByRole('status', { name: 'Matching images' }).textContent())?.match(/^([\d,]+) images/)?.[1];
    await expect(page.getByLabel('Inventory summary')).toHaveText(`${total ?? '?'} images in 1 cloud`);
  });

  test('lists the servers of every project on /servers, each row naming its project, and one project again when switched back', async ({ page }) => {
    const { cloud, projects } = await memberNetworks();
    const own = projects.find((each) => each.project === cloud.projectName);
    const team = projects.find((each) => each.project !== cloud.projectName);
    if (!own || !team) throw new Error('the member should see its own and a team project');
    expect(team.servers.length).toBeGreaterThan(0);
    const total = own.servers.length + team.servers.length;
    const matching = page.getByRole('status', { name: 'Matching servers' });
    const grid = page.getByRole('grid', { name: 'Servers' });
    await serveRuntimeConfig(page, { clouds: cloudsYamlOf([{ ...cloud, username: MEMBER }]) });

    await page.goto('/servers?cols=name.project.cloud.region&sort=name');
    await expect(matching).toHaveText(serversText(own.servers.length));
    await page.getByRole('combobox', { name: 'Projects' }).selectOption({ label: 'All projects I can see' });
    await expect(matching).toHaveText(serversText(total));
    await page.goto(`/servers?cols=name.project.cloud.region&q=${encodeURIComponent(team.servers[0] ?? '')}`);
    const teamRow = grid.getByRole('row').filter({ hasText: team.servers[0] ?? '' }).first();
    await expect(teamRow.getByRole('gridcell').filter({ hasText: new RegExp(`^${team.project}$`) })).toHaveCount(1);

    await page.getByRole('combobox', { name: 'Projects' }).selectOption({ label: 'One per cloud' });
    await page.goto('/servers?cols=name.project.cloud.region');
    await expect(matching).toHaveText(serversText(own.servers.length));
  });
});
