import { expect, test } from '@playwright/test';
import { serveRuntimeConfig } from '../e2e/fixtures/runtime-config.ts';
import { cloudsYamlOf } from '../e2e/fixtures/sim-clouds.ts';
import { simServers } from '../e2e/fixtures/sim-inventory.ts';
import { simPortsFor } from './fixtures/fault-env.ts';
import { startFaultFleet, type FaultFleet } from './fixtures/fault-fleet.ts';

const fmt = (count: number) => count.toLocaleString('en');
const SERVER_PAGE = /\/compute\/v2\.1\/servers\/detail\?/;

let fleet: FaultFleet;

test.afterEach(async () => {
  await fleet?.close();
});

test('a token that expires in the middle of a paginated listing costs one re-authentication and no row', async ({ page }) => {
  // Three servers a page, so the listing takes many pages.
  const spec = 'sites=1,servers=24,seed=31';
  fleet = await startFaultFleet(`${spec},fault.ams=pagesize:3`, simPortsFor(1));
  const expected = (await simServers(spec)).length;
  expect(expected).toBeGreaterThan(9);
  // Keystone stops honouring the first token after two pages (clock skew, revocation): 401 from keystonemiddleware.
  let firstToken: string | undefined;
  let pagesWithFirstToken = 0;
  fleet.intercept('ams', (request) => {
    if (!SERVER_PAGE.test(request.path) || request.token === undefined) return undefined;
    firstToken ??= request.token;
    if (request.token !== firstToken) return undefined;
    pagesWithFirstToken += 1;
    if (pagesWithFirstToken <= 2) return undefined;
    return new Response(JSON.stringify({ error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' } }), {
      status: 401,
      headers: { 'Content-Type': 'application/json', 'WWW-Authenticate': `Keystone uri="${new URL(fleet.clouds[0]?.authUrl ?? '').origin}/identity"` },
    });
  });
  await serveRuntimeConfig(page, { clouds: cloudsYamlOf(fleet.clouds) });
  await page.goto('/servers');

  await expect(page.getByLabel('Inventory summary')).toHaveText(new RegExp(`^${fmt(expected)} servers in 1 clouds?$`));
  const signIns = fleet.requestsTo('ams').filter((request) => request.method === 'POST' && request.path.endsWith('/auth/tokens'));
  expect(signIns).toHaveLength(2);
  const pages = fleet.requestsTo('ams').filter((request) => request.method === 'GET' && SERVER_PAGE.test(request.path));
  expect(pages.filter((request) => request.status === 401)).toHaveLength(1);
  // Every page was asked for once with success: none skipped, none repeated.
  const answered = pages.filter((request) => request.status === 200).map((request) => new URL(request.path, 'http://x').searchParams.get('marker'));
  expect(new Set(answered).size).toBe(answered.length);
  expect(answered.length).toBe(Math.floor(expected / 3) + 1);
});

test('a listing whose later pages fail shows the cloud as partial with the rows it got, never as a complete short list', async ({ page }) => {
  const spec = 'sites=2,servers=12,seed=32';
  fleet = await startFaultFleet(`${spec},fault.ams=pagesize:3,fault.ams=failpage`, simPortsFor(2));
  const facts = await simServers(spec);
  const fra = facts.filter((fact) => fact.cloud === 'fra').length;
  await serveRuntimeConfig(page, { clouds: cloudsYamlOf(fleet.clouds) });
  await page.goto('/servers');

  await expect(page.getByLabel('Inventory summary')).toHaveText(`${fmt(fra + 3)} servers in 2 clouds; 1 cloud failing`);
  const source = page.getByRole('list', { name: 'Failing sources' }).getByRole('listitem', { name: 'ams / RegionOne' });
  await expect(source).toContainText('Partial: 3 servers loaded before the failure');
  await expect(source.getByRole('alert')).toContainText('The API answered with an error');
  await expect(source.getByRole('alert')).toContainText('500');
  await page.getByText(/^Every cloud and region/).click();
  await expect(page.getByRole('list', { name: 'Every source' }).getByRole('listitem', { name: 'ams / RegionOne' })).toContainText('3+');
});

test('servers in a Nova cell that does not answer are listed as "cell unreachable", not as errors and not dropped', async ({ page }) => {
  const spec = 'regional=1x1,cells=2,servers=20,seed=33,fault.core=cellsdown';
  fleet = await startFaultFleet(spec, simPortsFor(3));
  const facts = await simServers(spec);
  const unknown = facts.filter((fact) => fact.status === 'UNKNOWN').length;
  expect(unknown).toBeGreaterThan(0);
  await serveRuntimeConfig(page, { clouds: cloudsYamlOf(fleet.clouds) });
  await page.goto('/servers');

  await expect(page.getByLabel('Inventory summary')).toHaveText(new RegExp(`^${fmt(facts.length)} servers in 1 clouds?$`));
  await expect(page.getByRole('list', { name: 'Failing sources' })).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('UNKNOWN');
  await expect(page.getByRole('status', { name: 'Matching servers' })).toHaveText(`${fmt(unknown)} of ${fmt(facts.length)} servers match`);
  const rows = page.getByRole('grid', { name: 'Servers' }).getByRole('row');
  await expect(rows).toHaveCount(unknown + 1);
  for (let i = 1; i <= unknown; i += 1) await expect(rows.nth(i)).toContainText('Cell unreachable');
});
