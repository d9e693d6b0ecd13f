import { expect, test } from '@playwright/test';
import { serveRuntimeConfig } from '../e2e/fixtures/runtime-config.ts';
import { cloudsYamlOf } from '../e2e/fixtures/sim-clouds.ts';
import { simServers } from '../e2e/fixtures/sim-inventory.ts';
import { simPortsFor } from './fixtures/fault-env.ts';
import { startFaultFleet, type FaultFleet } from './fixtures/fault-fleet.ts';

const fmt = (count: number) => count.toLocaleString('en');
const UNREADABLE = 'The API sent a response the console cannot read';

let fleet: FaultFleet;

test.afterEach(async () => {
  await fleet?.close();
});

test('clouds answering garbage, 50 MB or without CORS each show their own error while the tab stays responsive and the rest load', async ({ page }) => {
  const spec = 'sites=8,servers=6,seed=41';
  fleet = await startFaultFleet(spec, simPortsFor(4));
  const [notJson, wrongTypes, truncated, huge, noCors] = fleet.clouds.map((cloud) => cloud.name);
  const broken = { notJson, wrongTypes, truncated, huge, noCors } as Record<string, string>;
  fleet.setFaults(broken.notJson ?? '', [{ kind: 'notjson' }]);
  fleet.setFaults(broken.wrongTypes ?? '', [{ kind: 'wrongtypes' }]);
  fleet.setFaults(broken.truncated ?? '', [{ kind: 'malformed' }]);
  fleet.setFaults(broken.huge ?? '', [{ kind: 'huge', megabytes: 50 }]);
  fleet.setFaults(broken.noCors ?? '', [{ kind: 'nocors' }]);
  const brokenNames = new Set(Object.values(broken));
  const healthyRows = (await simServers(spec)).filter((fact) => !brokenNames.has(fact.cloud)).length;
  // The longest main-thread task of the session: a tab frozen by a huge body would show here.
  await page.addInitScript(() => {
    const state = window as unknown as { __longestTaskMs: number };
    state.__longestTaskMs = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.__longestTaskMs = Math.max(state.__longestTaskMs, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const crashes: string[] = [];
  page.on('crash', () => crashes.push('renderer crashed'));
  page.on('pageerror', (error) => crashes.push(error.message));
  await serveRuntimeConfig(page, { clouds: cloudsYamlOf(fleet.clouds) });
  await page.goto('/servers');

  await expect(page.getByLabel('Inventory summary')).toHaveText(`${fmt(healthyRows)} servers in 8 clouds; 5 clouds failing`, { timeout: 45_000 });
  const failing = (name: string | undefined) => page.getByRole('list', { name: 'Failing sources' }).getByRole('listitem').filter({ hasText: name ?? '' }).getByRole('alert');
  for (const name of [broken.notJson, broken.wrongTypes, broken.truncated]) {
    await expect(failing(name)).toContainText(UNREADABLE);
    await expect(failing(name)).toContainText(name ?? '');
  }
  await expect(failing(broken.huge)).toContainText(UNREADABLE);
  await expect(failing(broken.huge)).toContainText('larger than 32 MB');
  await expect(failing(broken.noCors)).toContainText('Cannot reach the API');

  // Still a working tab: it filters at once, and nothing blocked it for long.
  await page.getByLabel('Filter servers').fill('zzz-no-such-server');
  await expect(page.getByRole('status', { name: 'Matching servers' })).toHaveText(`0 of ${fmt(healthyRows)} servers match`);
  expect(await page.evaluate(() => (window as unknown as { __longestTaskMs: number }).__longestTaskMs)).toBeLessThan(2_000);
  expect(crashes).toEqual([]);
});
