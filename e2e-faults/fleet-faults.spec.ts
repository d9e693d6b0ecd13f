import { expect, test, type Page } from '@playwright/test';
import { serveRuntimeConfig } from '../e2e/fixtures/runtime-config.ts';
import { cloudsYamlOf } from '../e2e/fixtures/sim-clouds.ts';
import { simServers } from '../e2e/fixtures/sim-inventory.ts';
import { simPortsFor } from './fixtures/fault-env.ts';
import { startFaultFleet, type FaultFleet, type SeenRequest } from './fixtures/fault-fleet.ts';

/** Twenty shared-nothing sites: two of each broken kind leaves 10 % per fault and the rest healthy. */
const SPEC = 'sites=20,servers=4,seed=21';
/** The HTTP layer's own settings (src/openstack/http/http-policy.ts): the rate the fleet may be asked at. */
const MAX_ATTEMPTS = 4;
const TIMEOUT_MS = 30_000;
const fmt = (count: number) => count.toLocaleString('en');

let fleet: FaultFleet;

test.afterEach(async () => {
  await fleet?.close();
});

function failingSource(page: Page, cloud: string) {
  return page.getByRole('list', { name: 'Failing sources' }).getByRole('listitem', { name: cloud, exact: true });
}

/** Requests that reached the API (preflights are the browser's, not the console's). */
function apiRequests(requests: readonly SeenRequest[]): SeenRequest[] {
  return requests.filter((request) => request.method !== 'OPTIONS');
}

test('a fleet with refused, hanging, failing and throttling clouds: the rest complete, each broken cloud says why, and all recover by themselves', async ({ page }) => {
  fleet = await startFaultFleet(SPEC, simPortsFor(0));
  const names = fleet.clouds.map((cloud) => cloud.name);
  const [refused, hanging, failing, throttled] = [names.slice(0, 2), names.slice(2, 4), names.slice(4, 6), names.slice(6, 8)];
  const broken = new Set([...refused, ...hanging, ...failing]);
  for (const name of refused) await fleet.refuse(name);
  for (const name of hanging) fleet.setFaults(name, [{ kind: 'hang' }]);
  for (const name of failing) fleet.setFaults(name, [{ kind: 'http5xx', rate: 1 }]);
  // A 429 storm: every API request is refused twice with Retry-After before it is let through.
  const refusals = new Map<string, number>();
  for (const name of throttled) {
    fleet.intercept(name, (request) => {
      const key = `${request.cloud} ${request.method} ${request.path}`;
      const seen = refusals.get(key) ?? 0;
      if (seen >= 2) return undefined;
      refusals.set(key, seen + 1);
      return new Response(JSON.stringify({ overLimit: { code: 429, message: 'Rate limit exceeded, retry later.' } }), {
        status: 429,
        headers: { 'Content-Type': 'application/json', 'Retry-After': '1' },
      });
    });
  }
  const all = await simServers(SPEC);
  const healthyRows = all.filter((server) => !broken.has(server.cloud)).length;

  await serveRuntimeConfig(page, { clouds: cloudsYamlOf(fleet.clouds) });
  const started = Date.now();
  await page.goto('/servers');

  // The healthy 70 % and the throttled 10 % complete; nothing waits for the broken ones.
  await expect(page.getByLabel('Inventory summary')).toHaveText(`${fmt(healthyRows)} servers in 20 clouds; 4 clouds failing; 2 still loading`, { timeout: 20_000 });
  for (const name of refused) await expect(failingSource(page, name).getByRole('alert')).toContainText('Cannot reach the API');
  for (const name of failing) await expect(failingSource(page, name).getByRole('alert')).toContainText('The API answered with an error');
  // A hung cloud stays "connecting" until its timeout, then says so.
  await expect(page.getByLabel('Inventory summary')).toHaveText(`${fmt(healthyRows)} servers in 20 clouds; 6 clouds failing`, { timeout: TIMEOUT_MS + 15_000 });
  for (const name of hanging) await expect(failingSource(page, name).getByRole('alert')).toContainText('The API did not answer in time');
  await expect(page.getByRole('status', { name: /^Fleet status/ })).toHaveAccessibleName(/^Fleet status: 20 clouds, 14 reachable, 6 failing/);

  // Throttled requests waited for Retry-After and were tried no more often than the retry budget allows.
  for (const name of throttled) {
    const byRequest = new Map<string, SeenRequest[]>();
    for (const request of apiRequests(fleet.requestsTo(name))) {
      const key = `${request.method} ${request.path}`;
      byRequest.set(key, [...(byRequest.get(key) ?? []), request]);
    }
    expect(byRequest.size).toBeGreaterThan(0);
    for (const [key, attempts] of byRequest) {
      expect(attempts.length, key).toBeLessThanOrEqual(MAX_ATTEMPTS);
      for (let i = 1; i < attempts.length; i += 1) {
        if ((attempts[i - 1] as SeenRequest).status !== 429) continue;
        expect((attempts[i] as SeenRequest).at - (attempts[i - 1] as SeenRequest).at, `${key} waited for Retry-After`).toBeGreaterThanOrEqual(950);
      }
    }
  }
  // A failing cloud is asked at most the retry budget per request per refresh cycle, not in a loop.
  const elapsedCycles = Math.ceil((Date.now() - started) / 60_000);
  for (const name of failing) {
    const requests = apiRequests(fleet.requestsTo(name));
    expect(requests.length, name).toBeGreaterThan(0);
    expect(requests.length, name).toBeLessThanOrEqual(MAX_ATTEMPTS * elapsedCycles);
  }

  // The outage ends: no reload, no click; the next refresh finds every cloud again.
  for (const name of refused) await fleet.accept(name);
  for (const name of [...hanging, ...failing]) fleet.setFaults(name, []);
  await expect(page.getByLabel('Inventory summary')).toHaveText(`${fmt(all.length)} servers in 20 clouds`, { timeout: 90_000 });
  await expect(page.getByRole('list', { name: 'Failing sources' })).toHaveCount(0);
});
